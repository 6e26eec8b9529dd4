/*
 * chiller.c - electric chiller, EnergyPlus Chiller:Electric:EIR (DOE-2.1 model),
 * and a bank of identical chillers with a redundancy rule.
 *
 * Source: EnergyPlus Engineering Reference, "Electric Chiller Model Based on
 * Condenser Entering Temperature", and src/EnergyPlus/ChillerElectricEIR.cc
 * (CalcElectricEIRChillerModel): curve clamping, negative curve outputs set to 0,
 * PLR capped at PLR_max, on/off cycling below PLR_min, false loading (hot-gas
 * bypass) below the minimum unloading ratio.
 */
#include <math.h>

#include "fminmax.h"
#include "chiller.h"

static int
chiller_model_ok(const struct chiller_model *m)
{
	return m->q_ref > 0 && m->cop_ref > 0 && m->plr_max > 0 &&
	    m->plr_min >= 0 && m->min_unloading >= 0 && m->f_motor >= 0 &&
	    isfinite(m->q_ref) && isfinite(m->cop_ref);
}

/*
 * One chiller: t_lchw is the leaving chilled-water temperature (curve x); t_ecw
 * the entering condenser-water temperature, or the outdoor dry-bulb for an
 * air-cooled chiller (curve y).  No loops, no allocation.
 * Returns 0, or -1 on a bad model or input (op is then all zero).
 */
/* The part-load model given the temperature curves already in op (capft,
 * eirft, clamped, q_avail): what chiller_eval() does after the curves. */
static void
chiller_load(const struct chiller_model *m, double load, struct chiller_op *op)
{
	double frac;

	if (load <= 0 || op->q_avail <= 0) {
		/* Off: no load, or no capacity left at these temperatures. */
		op->unmet = load;
		return;
	}

	/* Q_evap = min(load, Q_avail PLR_max); PLR = Q_evap / Q_avail. */
	op->q_evap = dc_fmin(load, op->q_avail * m->plr_max);
	op->unmet = load - op->q_evap;
	op->plr = dc_fmax(0.0, dc_fmin(op->q_evap / op->q_avail, m->plr_max));

	/* Below PLR_min the compressor cycles on and off. */
	frac = 1.0;
	if (op->plr < m->plr_min)
		frac = dc_fmin(1.0, op->plr / m->plr_min);
	op->frac = frac;

	/* Below the minimum unloading ratio, hot-gas bypass adds false load;
	 * EnergyPlus zeroes it when negative (min_unloading < plr_min). */
	op->plr_eff = dc_fmax(op->plr, m->min_unloading);
	op->q_false = dc_fmax(0.0, op->q_avail * op->plr_eff * frac - op->q_evap);

	op->eirfplr = dc_fmax(0.0, curve_quad_eval(&m->eirfplr, op->plr_eff));
	op->power = op->q_avail / m->cop_ref * op->eirft * op->eirfplr * frac;
	op->q_cond = op->power * m->f_motor + op->q_evap + op->q_false;
	op->cop = op->power > 0 ? op->q_evap / op->power : 0;
}

int
chiller_eval(const struct chiller_model *m, double t_lchw, double t_ecw,
    double load, struct chiller_op *op)
{
	*op = (struct chiller_op){ 0 };
	if (!chiller_model_ok(m) || !isfinite(t_lchw) || !isfinite(t_ecw) ||
	    !(load >= 0) || !isfinite(load))
		return -1;

	/* Negative curve outputs are set to 0 (ChillerElectricEIR.cc). */
	op->clamped = curve_biquad_clamped(&m->capft, t_lchw, t_ecw) |
	    curve_biquad_clamped(&m->eirft, t_lchw, t_ecw);
	op->capft = dc_fmax(0.0, curve_biquad_eval(&m->capft, t_lchw, t_ecw));
	op->eirft = dc_fmax(0.0, curve_biquad_eval(&m->eirft, t_lchw, t_ecw));
	op->q_avail = m->q_ref * op->capft;
	chiller_load(m, load, op);
	return 0;
}


/*
 * Staging (dcplan's choice; doc/model-reference.md section 1 leaves it to the planner): run
 * the fewest units that carry the load at PLR <= 1.0, at most n_usable, and
 * share the load equally.  PLR 1.0 is the rated capacity at the operating
 * condition, the capacity a plant is planned on; PLR_max (e.g. 1.06) is what a
 * unit can do in an emergency: only when n_usable units at PLR 1 fall short do
 * they run above it, up to PLR_max, and the rest is unmet.  Zero load: nothing
 * runs.
 */
int
chiller_bank_eval(const struct chiller_model *m, int n_usable, double t_lchw,
    double t_ecw, double load, struct chiller_bank_op *b)
{
	double unit_max, need;
	int n;

	*b = (struct chiller_bank_op){ 0 };
	if (n_usable < 0)
		return -1;
	/* Evaluate an idle unit first: validates input, gives the curve values. */
	if (chiller_eval(m, t_lchw, t_ecw, 0, &b->unit) != 0 || !(load >= 0) ||
	    !isfinite(load))
		return -1;
	b->q_avail_total = n_usable * b->unit.q_avail;
	unit_max = b->unit.q_avail;
	if (load <= 0 || n_usable == 0 || unit_max <= 0) {
		b->unmet = load;
		return 0;
	}

	/* Units needed; the 1e-9 stops rounding error adding a unit at exactly
	 * k units' capacity. */
	need = ceil(load / unit_max - 1e-9);
	n = need < n_usable ? (int)need : n_usable;
	if (n < 1)
		n = 1;
	b->emergency = need > n_usable;
	/* the loaded unit at the same temperatures: the curves of the idle one
	 * (the same arithmetic as chiller_eval, done once) */
	{
		struct chiller_op u = { 0 };

		u.clamped = b->unit.clamped;
		u.capft = b->unit.capft;
		u.eirft = b->unit.eirft;
		u.q_avail = b->unit.q_avail;
		b->unit = u;
		chiller_load(m, load / n, &b->unit);
	}
	b->n_running = n;
	b->q_evap = n * b->unit.q_evap;
	b->unmet = load - b->q_evap;
	if (b->unmet < 0)
		b->unmet = 0;
	b->power = n * b->unit.power;
	b->q_cond = n * b->unit.q_cond;
	return 0;
}
