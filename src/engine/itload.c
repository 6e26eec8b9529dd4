/*
 * itload.c - IT equipment power and heat: GPU servers and racks.
 *
 * Structure after the EnergyPlus Engineering Reference, "Heat Gain from IT
 * Equipment" (ElectricEquipment:ITE:AirCooled): component power is a design
 * power scaled by utilisation, the power supply adds input x (1 - efficiency)
 * of loss, and every watt drawn ends up as heat in the space or the coolant.
 * EnergyPlus ships only a linear placeholder for f(utilisation); dcplan uses
 * the same linear idle-to-maximum form with datasheet end points (models/).
 */

#include <math.h>
#include <stddef.h>

#include "itload.h"

const char *const it_basis_names[IT_BASIS_COUNT + 1] = { "expected", "nameplate",
	NULL };

const char *
it_basis_label(enum it_basis b)
{
	return b == IT_NAMEPLATE ? "nameplate" : "expected draw";
}

static double
itload_clamp01(double x)
{
	/* Also maps NaN to 0 so that it never reaches the outputs. */
	if (!(x > 0))
		return 0;
	if (x > 1)
		return 1;
	return x;
}

/*
 * Highest power one GPU may draw under a power limit.  cap <= 0 or >= TDP
 * means uncapped.  A cap below the board's lowest configurable limit is
 * raised to that floor, as nvidia-smi -pl refuses limits below
 * "Min Power Limit" (nvidia-smi -q -d POWER).  The limit is never taken below
 * the idle draw: a power limit cannot push a GPU under its idle power.
 */
double
server_gpu_limit(const struct server_model *m, double cap)
{
	double	lim = m->gpu_tdp;

	if (cap > 0 && cap < m->gpu_tdp) {
		lim = cap;
		if (lim < m->gpu_cap_min)
			lim = m->gpu_cap_min;
		if (lim > m->gpu_tdp)
			lim = m->gpu_tdp;
	}
	if (lim < m->gpu_idle)
		lim = m->gpu_idle;
	return lim;
}

/*
 * PSU efficiency at a DC load.  The load fraction is taken relative to the
 * server's own DC draw at full utilisation and TDP (not the PSU nameplate):
 * redundant PSUs share the load, so what matters is how close the server runs
 * to its own maximum.  Linear between psu_eff_half at 50 % and psu_eff at
 * 100 %, held flat outside that range: 80 PLUS curves peak near 50 % load
 * (e.g. 80 PLUS Titanium 230 V internal redundant: 90/94/96/91 % at
 * 10/20/50/100 %, CLEAResult 80 PLUS programme), so extrapolating the line
 * below 50 % would wrongly raise the efficiency.  psu_eff_half <= 0 means a
 * constant psu_eff.  An efficiency outside (0, 1] is treated as 1 (lossless)
 * rather than dividing by zero; the model loader rejects such values.
 */
static double
itload_psu_eff(const struct server_model *m, double dc_w)
{
	double	full, frac, eff;

	eff = m->psu_eff;
	if (m->psu_eff_half > 0) {
		full = m->gpus * m->gpu_tdp + m->base_max;
		frac = full > 0 ? dc_w / full : 1;
		if (frac <= 0.5)
			eff = m->psu_eff_half;
		else if (frac < 1)
			eff = m->psu_eff_half +
			    (frac - 0.5) / 0.5 * (m->psu_eff - m->psu_eff_half);
	}
	if (!(eff > 0) || eff > 1)
		eff = 1;
	return eff;
}

/*
 * One server.  GPU: P = idle + util (limit - idle) per GPU, with the limit
 * from itload_gpu_limit().  Base (CPU, memory, NICs, fans, drives):
 * P = base_idle + util (base_max - base_idle), independent of the GPU cap: a
 * capped GPU runs the same job longer at lower power while the host side
 * keeps its activity, so keeping the base unchanged is the conservative
 * choice.  AC = DC / eta_PSU; PSU loss = AC - DC (EnergyPlus ITE:AirCooled).
 *
 * Heat split (simplification): liquid_fraction is applied to the whole AC
 * input, the way vendors quote "heat captured by liquid".  Physically the PSU
 * losses are air-cooled by the PSU fans; this is consistent only while
 * liquid_fraction <= (cold-plate component heat) / AC, in which case the PSU
 * loss is part of air_w.  The model does not check that bound.
 */
/*
 * Expected basis: the server under training draws expected_power (AC) at full
 * utilisation, below its nameplate.  dcplan takes that as each component
 * running at the share u_e = server_expected_load() of its idle-to-maximum
 * swing, so the training draw of a GPU is g_e = idle + u_e (TDP - idle) and
 * of the base base_idle + u_e (base_max - base_idle) [A: the measurements give
 * the node total, not its split].  A power limit clips the GPU's draw where
 * the job would draw more: g = min(limit, g_e).  Utilisation u then scales
 * between idle and that draw, as on the nameplate basis (where u_e = 1 and
 * g = limit, the formula above).
 */
static double
itload_expected(const struct server_model *m, enum it_basis basis)
{
	if (basis != IT_EXPECTED || !(m->expected_power > 0))
		return 1;
	return itload_clamp01(m->expected_load);
}

void
server_eval(const struct server_model *m, double util, double gpu_cap,
    struct server_power *p)
{
	server_eval_basis(m, util, gpu_cap, IT_NAMEPLATE, p);
}

void
server_eval_basis(const struct server_model *m, double util, double gpu_cap,
    enum it_basis basis, struct server_power *p)
{
	double	u, lim, lf, eff, ue, ge;

	u = itload_clamp01(util);
	ue = itload_expected(m, basis);
	lim = server_gpu_limit(m, gpu_cap);
	ge = m->gpu_idle + ue * (m->gpu_tdp - m->gpu_idle);
	if (ge > lim)
		ge = lim;
	p->gpu_w = m->gpus * (m->gpu_idle + u * (ge - m->gpu_idle));
	p->base_w = m->base_idle + u * ue * (m->base_max - m->base_idle);
	p->dc_w = p->gpu_w + p->base_w;
	eff = itload_psu_eff(m, p->dc_w);
	p->ac_w = p->dc_w / eff;
	p->psu_loss_w = p->ac_w - p->dc_w;
	lf = itload_clamp01(m->liquid_fraction);
	p->liquid_w = lf * p->ac_w;
	p->air_w = p->ac_w - p->liquid_w;
}

/*
 * One rack: servers plus in-rack switches (air-cooled).  The in-rack CDU
 * pump draws cdu_pump_frac W per W of liquid heat (~1..2 %, doc/equipment.md
 * [U]); its work ends up in the coolant, so it is added to liquid_w.  The
 * pump power is reported apart (cdu_w) and is not part of it_w: it is
 * cooling infrastructure, fed and counted by the caller as mechanical load.
 */
void
rack_eval(const struct rack_model *r, const struct server_model *m,
    double util, double gpu_cap, struct rack_power *p)
{
	double	liq;
	int	n;

	server_eval(m, util, gpu_cap, &p->server);
	n = r->servers > 0 ? r->servers : 0;
	liq = n * p->server.liquid_w;
	p->it_w = n * p->server.ac_w + r->switch_w;
	p->cdu_w = r->cdu_pump_frac > 0 ? r->cdu_pump_frac * liq : 0;
	p->liquid_w = liq + p->cdu_w;
	p->air_w = n * p->server.air_w + r->switch_w;
}

double
server_cap_floor(const struct server_model *m)
{
	return m->gpu_cap_min > m->gpu_idle ? m->gpu_cap_min : m->gpu_idle;
}

/*
 * AC draw at full utilisation as a function of u_e is continuous and increasing
 * (DC rises linearly; the PSU efficiency curve is piecewise linear and the AC
 * input DC / eta rises with DC for any eta curve that loses less than it gains),
 * so bisection on [0, 1] finds the u_e that gives expected_power; 60 halvings
 * take the interval below 1e-18.
 */
double
server_expected_load(const struct server_model *m)
{
	struct server_model t = *m;
	struct server_power p;
	double	lo = 0, hi = 1, mid;
	int	i;

	if (!(m->expected_power > 0))
		return 1;
	t.expected_power = 1;	/* any positive value: use expected_load */
	t.expected_load = 1;
	server_eval_basis(&t, 1, 0, IT_EXPECTED, &p);
	if (m->expected_power >= p.ac_w)
		return 1;
	t.expected_load = 0;
	server_eval_basis(&t, 1, 0, IT_EXPECTED, &p);
	if (m->expected_power <= p.ac_w)
		return 0;
	for (i = 0; i < 60; i++) {
		mid = (lo + hi) / 2;
		t.expected_load = mid;
		server_eval_basis(&t, 1, 0, IT_EXPECTED, &p);
		if (p.ac_w < m->expected_power)
			lo = mid;
		else
			hi = mid;
	}
	return (lo + hi) / 2;
}

/* AC input per GPU; a server without GPUs reports its whole draw. */
double
server_power_per_gpu(const struct server_model *m, double util, double gpu_cap)
{
	struct server_power	p;

	server_eval(m, util, gpu_cap, &p);
	if (m->gpus <= 0)
		return p.ac_w;
	return p.ac_w / m->gpus;
}
