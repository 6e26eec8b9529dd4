/*
 * tower.c - open cooling towers (YorkCalc or constant approach) and dry coolers.
 *
 * Source: EnergyPlus Engineering Reference, "Cooling Towers and Evaporative
 * Fluid Coolers" (CoolingTower:VariableSpeed, YorkCalc model; coefficients and
 * limits from src/EnergyPlus/CondenserLoopTowers.cc), as summarised in
 * doc/model-reference.md section 2.  Simplifications (dcplan's, documented in tower.h):
 * all cells run with the water split equally; the fan follows the cube law;
 * below the minimum air-flow ratio the water simply leaves colder (no fan
 * cycling or free convection).
 */
#include <math.h>
#include <stddef.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_roots.h>

#include "fminmax.h"
#include "psychro.h"
#include "tower.h"
#include "roots.h"

/* Latent heat of evaporation of water, J/kg (doc/model-reference.md section 2). */
#define TOWER_HFG	2.43e6
/* Specific heat of dry air, J/kg-K (ASHRAE 2017 Fundamentals ch. 1 eq. 32). */
#define TOWER_CP_AIR	1006.0
/*
 * Default design water flow, m3/s per W rejected: the YorkCalc reference
 * condition, 0.000043 m3/s per kW (doc/model-reference.md section 2; EnergyPlus Engineering
 * Reference, YorkCalc model).  With 5.6 K range this rejects 1.0 W per W.
 */
#define TOWER_FLOW_PER_W	4.3e-8
/* Dry cooler: air temperature rise across the coil at design, K, used only to
 * size the air flow for adiabatic pre-cooling water.  Engineering estimate [U]:
 * catalogue dry coolers move ~40 m3/s of air per 500 kW, a 10 K rise. */
#define DRYCOOLER_AIR_DT	10.0

/* YorkCalc limits (CondenserLoopTowers.cc, doc/model-reference.md section 2). */
#define YC_TWB_MIN	-34.4
#define YC_TWB_MAX	29.4444
#define YC_TR_MIN	1.1111
#define YC_TR_MAX	22.2222
#define YC_APP_MIN	1.1111
#define YC_APP_MAX	40.0
#define YC_FRW_MIN	0.75
#define YC_FRW_MAX	1.25
#define YC_LG_MAX	8.0

#define TOWER_FR_TOL	1e-9
#define TOWER_MAXITER	200

/* YorkCalc coefficients C1..C27 (CondenserLoopTowers.cc, doc/model-reference.md). */
static const double yc_coef[27] = {
	-0.359741205, -0.055053608, 0.0023850432, 0.173926877, -0.0248473764,
	0.00048430224, -0.005589849456, 0.0005770079712, -0.00001342427256,
	2.84765801111111, -0.121765149, 0.0014599242, 1.680428651, -0.0166920786,
	-0.0007190532, -0.025485194448, 0.0000487491696, 0.00002719234152,
	-0.0653766255555556, -0.002278167, 0.0002500254, -0.0910565458,
	0.00318176316, 0.000038621772, -0.0034285382352, 0.00000856589904,
	-0.000001516821552
};

static double
tower_clamp(double v, double lo, double hi)
{
	return v < lo ? lo : (v > hi ? hi : v);
}

/*
 * YorkCalc approach.  The 27 terms are the products of (1, Twb, Twb^2),
 * (1, Tr, Tr^2) and (1, LG, LG^2) in the order of doc/model-reference.md, so the sum is
 * factored by powers of LG and Tr.  LG is clamped below at 0.75, the smallest
 * value the limits allow (water ratio 0.75 / air ratio 1).
 */
double
tower_yorkcalc_approach(double twb, double range, double lg)
{
	const double *c = yc_coef;
	double w, r, l, g[3], a;
	int i;

	w = tower_clamp(twb, YC_TWB_MIN, YC_TWB_MAX);
	r = tower_clamp(range, YC_TR_MIN, YC_TR_MAX);
	l = tower_clamp(lg, YC_FRW_MIN, YC_LG_MAX);
	for (i = 0; i < 3; i++, c += 9)
		g[i] = c[0] + c[1] * w + c[2] * w * w +
		    r * (c[3] + c[4] * w + c[5] * w * w) +
		    r * r * (c[6] + c[7] * w + c[8] * w * w);
	a = g[0] + l * (g[1] + l * g[2]);
	return tower_clamp(a, YC_APP_MIN, YC_APP_MAX);
}

int
tower_model_valid(const struct tower_model *m)
{
	if (m->method != TOWER_YORKCALC && m->method != TOWER_CONSTANT_APPROACH)
		return 0;
	return m->design_q > 0 && isfinite(m->design_q) &&
	    m->design_water_flow >= 0 && m->design_fan_power >= 0 &&
	    m->min_air_flow_ratio > 0 && m->min_air_flow_ratio <= 1 &&
	    m->evap_loss_pct_per_k >= 0 && m->drift_pct >= 0 &&
	    m->cycles > 1 && isfinite(m->cycles) && m->design_air_flow >= 0 &&
	    (m->evap_mode == TOWER_EVAP_LOSS_FACTOR ||
	    (m->evap_mode == TOWER_EVAP_SATURATED_EXIT &&
	    tower_cell_air_flow(m) > 0)) &&
	    (m->method != TOWER_CONSTANT_APPROACH || m->const_approach >= 0);
}

double
tower_cell_flow(const struct tower_model *m)
{
	if (m->design_water_flow > 0)
		return m->design_water_flow;
	return TOWER_FLOW_PER_W * m->design_q;
}

/* EnergyPlus SizeTower (CondenserLoopTowers.cc): an autosized design air flow is
 * the design fan power x 0.5 x (101325 / p_std) / 190 - a fan of 50 % total
 * efficiency at 190 Pa; dcplan evaluates it at standard pressure. */
double
tower_cell_air_flow(const struct tower_model *m)
{
	if (m->design_air_flow > 0)
		return m->design_air_flow;
	return m->design_fan_power * 0.5 / 190.0;
}

struct tower_fr_arg {
	double	twb, range, frw, t_set;
};

/* Leaving water minus setpoint at air-flow ratio fr (LG = FRwater / FRair). */
static double
tower_fr_fn(double fr, void *arg)
{
	const struct tower_fr_arg *a = arg;

	return a->twb + tower_yorkcalc_approach(a->twb, a->range, a->frw / fr) -
	    a->t_set;
}

/*
 * The one root of a x^2 + b x + c in [lo, hi] (the caller knows the quadratic
 * changes sign there, so exactly one lies inside), by the cancellation-free form
 * q = -(b + sgn(b) sqrt(b^2 - 4ac)) / 2, x = q / a or c / q (Press et al.,
 * Numerical Recipes, 3rd ed., sec. 5.6).  0 with *x, or -1 when rounding leaves
 * no root inside: the caller then solves numerically.
 */
static int
quad_root_in(double a, double b, double c, double lo, double hi, double *x)
{
	double	d, q, r[2], slack = 1e-12 * (fabs(lo) + fabs(hi));
	int	i, n = 0;

	if (fabs(a) <= 1e-14 * (fabs(b) + fabs(c))) {
		if (b == 0)
			return -1;
		r[n++] = -c / b;
	} else {
		d = b * b - 4 * a * c;
		if (d < 0)
			return -1;
		q = -0.5 * (b + (b < 0 ? -sqrt(d) : sqrt(d)));
		if (q == 0)
			return -1;
		r[n++] = q / a;
		r[n++] = c / q;
	}
	for (i = 0; i < n; i++)
		if (isfinite(r[i]) && r[i] >= lo - slack && r[i] <= hi + slack) {
			*x = r[i] < lo ? lo : r[i] > hi ? hi : r[i];
			return 0;
		}
	return -1;
}

/* The YorkCalc approach at (twb, range) as a quadratic in LG: approach =
 * g[0] + g[1] LG + g[2] LG^2 before the output clamp (the same sums as
 * tower_yorkcalc_approach(), grouped by powers of LG). */
static void
yc_lg_coef(double twb, double range, double g[3])
{
	const double *c = yc_coef;
	double	w = tower_clamp(twb, YC_TWB_MIN, YC_TWB_MAX);
	double	r = tower_clamp(range, YC_TR_MIN, YC_TR_MAX);
	int	i;

	for (i = 0; i < 3; i++, c += 9)
		g[i] = c[0] + c[1] * w + c[2] * w * w +
		    r * (c[3] + c[4] * w + c[5] * w * w) +
		    r * r * (c[6] + c[7] * w + c[8] * w * w);
}

/* tower_yorkcalc_approach() from the coefficients of yc_lg_coef(): the same
 * arithmetic, so the same value, with the 27-term sum done once per (twb,
 * range) instead of once per air-flow ratio tried. */
static double
yc_approach_g(const double g[3], double lg)
{
	double	l = tower_clamp(lg, YC_FRW_MIN, YC_LG_MAX);

	return tower_clamp(g[0] + l * (g[1] + l * g[2]), YC_APP_MIN, YC_APP_MAX);
}

/*
 * The air-flow ratio at which the leaving water meets the setpoint, given that
 * full fan leaves it colder and the minimum ratio warmer (so a root lies in
 * (frmin, 1)).  There the output clamp of the approach is not active (the
 * target approach t_set - twb lies strictly inside it), so the approach is the
 * quadratic of yc_lg_coef() in LG = frw / fr, and the one root in
 * [frw, min(frw / frmin, YC_LG_MAX)] solves it in closed form - the answer the
 * bracketed solve converges to, without its dozen evaluations.  Should rounding
 * put the root outside, Brent on FRair (TOWER_FR_TOL) decides.
 */
static int
tower_fr_solve(const struct tower_model *m, struct tower_fr_arg *a,
    const double g[3], double *fr)
{
	double	lo = a->frw, hi = a->frw / m->min_air_flow_ratio, l;

	if (hi > YC_LG_MAX)
		hi = YC_LG_MAX;
	if (lo < hi && quad_root_in(g[2], g[1], g[0] - (a->t_set - a->twb), lo, hi,
	    &l) == 0 && l > 0) {
		*fr = a->frw / l;
		if (*fr >= m->min_air_flow_ratio && *fr <= 1.0)
			return 0;
	}
	return roots_brent(tower_fr_fn, a, m->min_air_flow_ratio, 1.0, TOWER_FR_TOL,
	    TOWER_MAXITER, fr, NULL, NULL);
}

/*
 * Fan speed and leaving water for the YorkCalc tower: full fan first; if the
 * water leaves colder than the setpoint, slow the fan (tower_fr_solve) but not
 * below the minimum air-flow ratio.
 */
static int
tower_yorkcalc_fan(const struct tower_model *m, struct tower_fr_arg *a,
    struct tower_op *op)
{
	double frmin = m->min_air_flow_ratio, fr, g1, g[3];

	yc_lg_coef(a->twb, a->range, g);
	g1 = a->twb + yc_approach_g(g, a->frw / 1.0) - a->t_set;
	if (g1 >= 0) {
		op->at_capacity = g1 > 0;
		fr = 1.0;
	} else if (frmin >= 1.0 ||
	    a->twb + yc_approach_g(g, a->frw / frmin) - a->t_set <= 0)
		fr = frmin;		/* water leaves colder than the setpoint */
	else if (tower_fr_solve(m, a, g, &fr) != 0)
		return -1;
	op->fr_air = fr;
	op->approach = yc_approach_g(g, a->frw / fr);
	return 0;
}

/*
 * n_cells identical cells share q (W) and the water flow equally.
 * Range = q / (rho_w cp_w V); leaving water = twb + approach; fan power =
 * design_fan_power n_cells FRair^3 (doc/model-reference.md: FanPLR ~ 1).  No heat (q = 0):
 * fans off, water leaves at the setpoint.
 */
static int
eval_fan(const struct tower_model *m, int valid, int n_cells, double twb,
    double q, double water_flow, double t_setpoint, struct tower_op *op)
{
	struct tower_fr_arg a;
	double v_design, v, fr;

	*op = (struct tower_op){ 0 };
	if (!(valid || tower_model_valid(m)) || n_cells < 1 || !isfinite(twb) ||
	    !(q >= 0) || !isfinite(q) || !(water_flow >= 0) ||
	    !isfinite(water_flow) || !isfinite(t_setpoint))
		return -1;
	v_design = n_cells * tower_cell_flow(m);
	v = water_flow > 0 ? water_flow : v_design;
	if (q == 0) {
		op->t_in = op->t_out = t_setpoint;
		op->approach = t_setpoint - twb;
		return 0;
	}

	op->range = q / (WATER_RHO * WATER_CP * v);
	if (m->method == TOWER_YORKCALC) {
		a.twb = twb;
		a.range = op->range;
		a.frw = tower_clamp(v / v_design, YC_FRW_MIN, YC_FRW_MAX);
		a.t_set = t_setpoint;
		if (tower_yorkcalc_fan(m, &a, op) != 0)
			return -1;
	} else {
		/* Constant approach (Modelica Buildings FixedApproach) has no fan
		 * model: dcplan's assumption is air flow proportional to heat per
		 * cell, floored at the minimum ratio. */
		op->approach = m->const_approach;
		op->fr_air = tower_clamp(q / (n_cells * m->design_q),
		    m->min_air_flow_ratio, 1.0);
		op->at_capacity = twb + m->const_approach > t_setpoint;
	}
	fr = op->fr_air;
	op->t_out = twb + op->approach;
	op->t_in = op->t_out + op->range;
	op->fan_power = m->design_fan_power * n_cells * fr * fr * fr;
	return 0;
}

/*
 * Make-up water (doc/model-reference.md section 2).  Saturated exit (EnergyPlus
 * CondenserLoopTowers.cc, CalculateWaterUsage, "Evaporation Loss Mode =
 * SaturatedExit"): the air enters with the saturated enthalpy at its wet-bulb
 * and the humidity ratio of (tdb, twb); it gains q / m_air and leaves saturated.
 * Specific humidities (per kg of moist air) times the moist-air mass flow, as
 * EnergyPlus writes it; the water volume at WATER_RHO.  One departure: the
 * leaving air is never colder than the entering dry-bulb (see below).  Loss factor: the input
 * is in % of the water flow per K of range, as the EnergyPlus manual states it,
 * so divide by 100.
 */
static int
water(const struct tower_model *m, int valid, int n_cells, double tdb, double twb,
    double p, double q, struct tower_op *op)
{
	double v_design = n_cells * tower_cell_flow(m), v;

	op->evap = op->drift = op->blowdown = op->makeup = 0;
	if (!(valid || tower_model_valid(m)) || n_cells < 1 || !isfinite(tdb) ||
	    !isfinite(twb) || twb > tdb + 1e-9 || !(p > 0) || !(q >= 0) ||
	    !isfinite(q))
		return -1;
	if (q == 0)
		return 0;
	if (m->evap_mode == TOWER_EVAP_SATURATED_EXIT) {
		double w_in = dc_fmax(0.0, psy_w_from_twb(tdb, twb, p));
		double m_air = op->fr_air * n_cells * tower_cell_air_flow(m) *
		    psy_density(tdb, w_in, p);
		double h_out = psy_h_sat(twb, p) + q / m_air, t_sat, w_out;

		if (!(m_air > 0) || psy_tsat_from_h(h_out, p, &t_sat) != 0)
			return -1;
		w_out = psy_w_from_pw(psy_pws(t_sat), p);
		/* Saturated air colder than the air that entered would have given
		 * its own sensible heat to the evaporation - not possible when all
		 * the water is warmer than the air (tdb <= t_out), the case of light
		 * loads in cool dry air.  dcplan then takes the air leaving at the
		 * entering dry-bulb with the enthalpy h_out (ASHRAE 2017 ch. 1 eq.
		 * 32 solved for W): the heat rejected is then all latent.  Air
		 * warmer than the water (hot, dry hours) does cool, and evaporates
		 * more than q / h_fg, as physics allows. */
		if (t_sat < tdb && tdb <= op->t_out)
			w_out = (h_out / 1000 - 1.006 * tdb) / (2501 + 1.86 * tdb);
		op->evap = dc_fmax(0.0, m_air * (w_out / (1 + w_out) -
		    w_in / (1 + w_in)) / WATER_RHO);
	} else {
		v = q / (WATER_RHO * WATER_CP * op->range);
		op->evap = m->evap_loss_pct_per_k / 100.0 * op->range * v;
	}
	op->drift = v_design * m->drift_pct / 100.0 * op->fr_air;
	op->blowdown = dc_fmax(0.0, op->evap / (m->cycles - 1.0) - op->drift);
	op->makeup = op->evap + op->drift + op->blowdown;
	return 0;
}

static double max_heat(const struct tower_model *, int, int, double, double, double,
    double);

int
tower_eval(const struct tower_model *m, int n_cells, double tdb, double twb,
    double p, double q, double water_flow, double t_setpoint, struct tower_op *op)
{
	if (eval_fan(m, 0, n_cells, twb, q, water_flow, t_setpoint, op) != 0)
		return -1;
	return water(m, 0, n_cells, tdb, twb, p, q, op);
}

int
tower_eval_fan(const struct tower_model *m, int n_cells, double twb, double q,
    double water_flow, double t_setpoint, struct tower_op *op)
{
	return eval_fan(m, 0, n_cells, twb, q, water_flow, t_setpoint, op);
}

int
tower_water(const struct tower_model *m, int n_cells, double tdb, double twb,
    double p, double q, struct tower_op *op)
{
	return water(m, 0, n_cells, tdb, twb, p, q, op);
}

double
tower_max_heat(const struct tower_model *m, int n_cells, double twb,
    double water_flow, double t_max, double t_in_max)
{
	return max_heat(m, 0, n_cells, twb, water_flow, t_max, t_in_max);
}

/* The same for a model tower_model_valid() accepted: the plant checks its
 * towers once when it is set up, not at each of its inner iterations. */
int
tower_eval_valid(const struct tower_model *m, int n_cells, double tdb, double twb,
    double p, double q, double water_flow, double t_setpoint, struct tower_op *op)
{
	if (eval_fan(m, 1, n_cells, twb, q, water_flow, t_setpoint, op) != 0)
		return -1;
	return water(m, 1, n_cells, tdb, twb, p, q, op);
}

int
tower_eval_fan_valid(const struct tower_model *m, int n_cells, double twb,
    double q, double water_flow, double t_setpoint, struct tower_op *op)
{
	return eval_fan(m, 1, n_cells, twb, q, water_flow, t_setpoint, op);
}

double
tower_max_heat_valid(const struct tower_model *m, int n_cells, double twb,
    double water_flow, double t_max, double t_in_max)
{
	return max_heat(m, 1, n_cells, twb, water_flow, t_max, t_in_max);
}

struct tower_max_arg {
	double	twb, frw, t_max, t_in_max;
};

/* The larger excess of the two limits at a range: leaving water over t_max,
 * entering water (leaving + range) over t_in_max.  Rises with the range. */
static double
tower_max_fn(double range, void *arg)
{
	const struct tower_max_arg *a = arg;
	double	t_out = a->twb + tower_yorkcalc_approach(a->twb, range, a->frw);

	return dc_fmax(t_out - a->t_max, t_out + range - a->t_in_max);
}

/*
 * The root of tower_max_fn in closed form.  At full fan LG = frw is fixed and the
 * YorkCalc approach is a quadratic in the range, approach = h[0] + h[1] R +
 * h[2] R^2 (the sums of tower_yorkcalc_approach() grouped by powers of R).
 * Where it rises over the whole range interval (its derivative h[1] + 2 h[2] R,
 * linear in R, is >= 0 at both ends) both limits rise with R and the root is
 * the smaller of their roots: t_out = t_max and t_out + R = t_in_max, each a
 * quadratic.  The root is accepted only if the clamped function changes sign
 * across it (within 1e-9 K, the bracketed solve's tolerance); otherwise -1 and
 * the caller solves numerically.
 */
static int
tower_max_range(const struct tower_max_arg *a, double *range)
{
	const double *c = yc_coef;
	double	w = tower_clamp(a->twb, YC_TWB_MIN, YC_TWB_MAX);
	double	l = tower_clamp(a->frw, YC_FRW_MIN, YC_LG_MAX);
	double	h[3] = { 0, 0, 0 }, lp = 1, best = INFINITY, r;
	const double lo = YC_TR_MIN, hi = TOWER_RANGE_MAX;
	int	i, j;

	for (i = 0; i < 3; i++, lp *= l)
		for (j = 0; j < 3; j++)
			h[j] += lp * (c[9 * i + 3 * j] + c[9 * i + 3 * j + 1] * w +
			    c[9 * i + 3 * j + 2] * w * w);
	if (h[1] + 2 * h[2] * lo < 0 || h[1] + 2 * h[2] * hi < 0)
		return -1;
	/* leaving water at t_max; entering water (leaving + R) at t_in_max */
	if (quad_root_in(h[2], h[1], h[0] + a->twb - a->t_max, lo, hi, &r) == 0)
		best = r;
	if (quad_root_in(h[2], h[1] + 1, h[0] + a->twb - a->t_in_max, lo, hi, &r) == 0 &&
	    r < best)
		best = r;
	if (!isfinite(best) || tower_max_fn(dc_fmax(lo, best - 1e-9), (void *)a) > 0 ||
	    tower_max_fn(dc_fmin(hi, best + 1e-9), (void *)a) < 0)
		return -1;
	*range = best;
	return 0;
}

/*
 * The most heat at full fan (FRair 1, LG = FRwater): the widest range at which
 * the leaving water is no warmer than t_max and the entering water no warmer
 * than t_in_max (Brent on the range; the YorkCalc approach rises with the
 * range), at most TOWER_RANGE_MAX, times rho cp V.
 */
static double
max_heat(const struct tower_model *m, int valid, int n_cells, double twb,
    double water_flow, double t_max, double t_in_max)
{
	struct tower_max_arg a;
	double v_design, v, range;

	if (!(valid || tower_model_valid(m)) || n_cells < 1 || !isfinite(twb) ||
	    !isfinite(t_max) || !isfinite(t_in_max) || !(water_flow >= 0) ||
	    !isfinite(water_flow))
		return -1;
	v_design = n_cells * tower_cell_flow(m);
	v = water_flow > 0 ? dc_fmin(water_flow, TOWER_FLOW_RATIO_MAX * v_design) :
	    v_design;
	if (m->method == TOWER_CONSTANT_APPROACH) {
		/* no range limit in the model: its design heat, or what keeps
		 * the entering water at t_in_max */
		if (twb + m->const_approach > t_max)
			return 0;
		return dc_fmin(n_cells * m->design_q, WATER_RHO * WATER_CP * v *
		    dc_fmax(0.0, t_in_max - twb - m->const_approach));
	}
	a.twb = twb;
	a.frw = tower_clamp(v / v_design, YC_FRW_MIN, YC_FRW_MAX);
	a.t_max = t_max;
	a.t_in_max = t_in_max;
	if (tower_max_fn(YC_TR_MIN, &a) > 0)
		return 0;
	if (tower_max_fn(TOWER_RANGE_MAX, &a) <= 0)
		range = TOWER_RANGE_MAX;
	else if (tower_max_range(&a, &range) != 0 &&
	    roots_brent(tower_max_fn, &a, YC_TR_MIN, TOWER_RANGE_MAX, 1e-9,
	    TOWER_MAXITER, &range, NULL, NULL) != 0)
		return -1;
	return WATER_RHO * WATER_CP * v * range;
}

/*
 * Dry cooler.  Approach to the air at full fan scales with heat per unit:
 * A = design_approach q / (n design_q).  dcplan's simplification for part fan
 * speed: at a fixed heat load per unit the approach scales as 1 / FRair, so the
 * fan speed that holds the setpoint is FRair = A / (t_setpoint - t_air) in
 * closed form.  Fan power = fan_power_frac design_q n FRair^3 (cube law on the
 * design fan power).  Adiabatic pre-cooling is used only when dry operation
 * at full fan cannot reach the setpoint; the pad cools the air to
 * tdb - eff (tdb - twb), and the water it evaporates is the sensible cooling
 * of the air / (rho_w h_fg) (doc/model-reference.md section 2), with the air mass flow
 * sized from an assumed design air temperature rise (DRYCOOLER_AIR_DT).
 */
int
drycooler_eval(const struct drycooler_model *m, int n_units, double tdb,
    double twb, double q, double t_setpoint, struct drycooler_op *op)
{
	double a_full, t_air, fr, m_air;

	*op = (struct drycooler_op){ 0 };
	if (!(m->design_q > 0) || !isfinite(m->design_q) ||
	    !(m->design_approach >= 0) || !(m->fan_power_frac >= 0) ||
	    !(m->adiabatic_wb_eff >= 0 && m->adiabatic_wb_eff <= 1) ||
	    n_units < 1 || !isfinite(tdb) || !isfinite(t_setpoint) ||
	    !(q >= 0) || !isfinite(q))
		return -1;
	if (m->adiabatic_wb_eff > 0 && (!isfinite(twb) || twb > tdb))
		return -1;
	if (q == 0) {
		op->t_out = tdb;	/* idle: the coil sits at air temperature */
		return 0;
	}

	a_full = m->design_approach * q / (n_units * m->design_q);
	t_air = tdb;
	if (t_air + a_full > t_setpoint && m->adiabatic_wb_eff > 0)
		t_air = tdb - m->adiabatic_wb_eff * (tdb - twb);
	if (t_air + a_full > t_setpoint) {
		op->at_capacity = 1;
		fr = 1.0;
		op->t_out = t_air + a_full;
	} else if (a_full <= 0) {
		fr = 0.0;		/* zero design approach: fan never needed */
		op->t_out = t_setpoint;
	} else {
		fr = a_full / (t_setpoint - t_air);
		op->t_out = t_setpoint;
	}
	op->fan_power = m->fan_power_frac * m->design_q * n_units * fr * fr * fr;
	if (t_air < tdb) {
		m_air = fr * n_units * m->design_q / (TOWER_CP_AIR * DRYCOOLER_AIR_DT);
		op->water = m_air * TOWER_CP_AIR * (tdb - t_air) /
		    (WATER_RHO * TOWER_HFG);
	}
	return 0;
}
