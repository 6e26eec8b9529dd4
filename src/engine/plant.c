/*
 * plant.c - facility power, water and PUE at one condition (see plant.h).
 *
 * Heat path: IT heat splits into a liquid part (cold plates -> in-rack CDU -> facility
 * water at cooling.liquid.supply_temp) and an air part (-> CRAH coils on chilled water).
 * UPS and PDU losses and fan heat add to the air load; pump heat to the water it moves.
 * Each load can be carried "free" by cooling-tower water through a plate heat exchanger
 * (water-side economizer, after Modelica Buildings' data-centre examples: FC, PMC, FMC
 * modes, physics.md section 2) or by dry coolers; the rest goes to the chillers
 * (EnergyPlus Chiller:Electric:EIR).  The towers reject the chillers' condenser heat
 * plus the free-cooled heat.  Pumps: P = V dp / eta; fans: P = V dp / eta.
 */
#include <math.h>
#include <string.h>

#include "plant.h"
#include "tower.h"

/* Dry-air specific heat, J/kg-K (ASHRAE Fundamentals ch. 1: 1.006 kJ/kg-K). */
#define CP_AIR	1006.0

const char *
cool_mode_name(enum cool_mode m)
{
	switch (m) {
	case MODE_FREE:
		return "FC";
	case MODE_PARTIAL:
		return "PMC";
	default:
		return "FMC";
	}
}

static int
in_service(int day, int from)
{
	return from == DATE_NONE || day >= from;
}

/* IT power of the full deployment at full load and TDP on the nameplate basis,
 * W: what the UPS and the transformers are sized for (network and support nodes
 * included). */
static double
design_it(const struct site *s)
{
	struct it_load it;

	it_load_gpus_basis(s, (double)site_total_gpus(s), 1.0, 0, IT_NAMEPLATE, &it);
	return it.it_w;
}

/* The UPS carries its share of the PDU input (IT / PDU efficiency); the
 * transformers everything, sized at ELEC_XFMR_SIZING_PUE, as apparent power. */
void
plant_chain_load(const struct site *s, double rated_w, double *ups_w, double *xfmr_va)
{
	const struct site_chain *ch = &s->power.chain;
	double	pdu = ch->pdu_eff > 0 && ch->pdu_eff <= 1 ? ch->pdu_eff : 1;
	double	pf = ch->power_factor > 0 && ch->power_factor <= 1 ? ch->power_factor : 1;

	*ups_w = rated_w * ch->ups_fraction / pdu;
	*xfmr_va = rated_w * ELEC_XFMR_SIZING_PUE / pf;
}

int
plant_elec_plan(const struct site *s, struct elec_plan *p)
{
	const struct site_chain *ch = &s->power.chain;
	double	ups_w, xfmr_va;

	memset(p, 0, sizeof *p);
	if (ch->ups != NULL && ch->ups_fraction > 0) {
		p->ups = &ch->ups->u.ups;
		p->topology = ch->ups_topology;
		p->modules = ch->ups_modules;
		p->blocks = ch->ups_blocks;
		p->reserve = ch->ups_reserve;
	}
	if (ch->xfmr != NULL) {
		p->xfmr = &ch->xfmr->u.transformer;
		p->n_xfmr = ch->xfmr_count;
		p->xfmr_redundancy = ch->xfmr_redundancy;
	}
	plant_chain_load(s, design_it(s), &ups_w, &xfmr_va);
	return elec_plan_size(p, ups_w, xfmr_va);
}

void
plant_cfg_init(struct plant_cfg *c, const struct site *s, int day)
{
	const struct site_chain *ch = &s->power.chain;
	size_t	i;
	double	np;

	memset(c, 0, sizeof *c);
	c->site = s;
	c->day = day;
	/* Groups of identical units are merged: a bank shares its load equally, so
	 * two groups of the same chiller (or tower cell, or dry cooler) behave as one
	 * larger group - and the plant is evaluated once instead of per group. */
	for (i = 0; i < s->cooling.nchillers; i++) {
		const struct site_units *u = &s->cooling.chillers[i];
		int	j, use;

		if (u->model == NULL || !in_service(day, u->in_service))
			continue;
		use = redundancy_usable(u->count, u->redundancy);
		/* identical: the same model at the same capacity */
		for (j = 0; j < c->nch; j++)
			if (c->ch_model[j] == u->model &&
			    c->ch[j]->q_ref == u->chiller.q_ref)
				break;
		if (j < c->nch) {
			c->ch_usable[j] += use;
			continue;
		}
		if (c->nch == PLANT_MAX_GROUPS)
			continue;
		c->ch[c->nch] = &u->chiller;
		c->ch_model[c->nch] = u->model;
		c->ch_usable[c->nch++] = use;
	}
	for (i = 0; i < s->cooling.ntowers; i++) {
		const struct site_units *u = &s->cooling.towers[i];
		const struct tower_model *t;
		double	flow;
		int	j;

		if (u->model == NULL || !in_service(day, u->in_service))
			continue;
		t = &u->model->u.tower;
		flow = u->count * tower_cell_flow(t);
		c->tw_flow += flow;
		c->tw_cap += u->count * t->design_q;
		for (j = 0; j < c->ntw; j++)
			if (c->tw[j] == t)
				break;
		if (j == c->ntw) {
			if (c->ntw == PLANT_MAX_GROUPS)
				continue;
			c->tw[c->ntw++] = t;
		}
		c->tw_cells[j] += u->count;
		c->tw_gflow[j] += flow;
	}
	for (i = 0; i < s->cooling.ndrycoolers; i++) {
		const struct site_units *u = &s->cooling.drycoolers[i];
		const struct drycooler_model *d;
		int	j;

		if (u->model == NULL || !in_service(day, u->in_service))
			continue;
		d = &u->model->u.drycooler;
		c->dc_cap += u->count * d->design_q;
		for (j = 0; j < c->ndc; j++)
			if (c->dc[j] == d)
				break;
		if (j == c->ndc) {
			if (c->ndc == PLANT_MAX_GROUPS)
				continue;
			c->dc[c->ndc++] = d;
		}
		c->dc_units[j] += u->count;
	}
	c->chain.pdu_eff = ch->pdu_eff;
	c->chain.power_factor = ch->power_factor;
	c->chain.ups_fraction = ch->ups_fraction;
	c->plan_ok = plant_elec_plan(s, &c->plan) == 0;
	c->chain.ups = c->plan.ups;
	c->chain.xfmr = c->plan.xfmr;
	c->ups_capacity_w = elec_ups_usable(&c->plan);
	c->xfmr_capacity_va = elec_xfmr_usable(&c->plan);
	/* what the full deployment energises (plant_eval energises per fleet) */
	np = design_it(s);
	{
		double	ups_w, xfmr_va;

		plant_chain_load(s, np, &ups_w, &xfmr_va);
		elec_chain_energise(&c->plan, ups_w, xfmr_va, &c->chain);
	}
}

static void
add_server(struct it_load *o, const struct server_model *sm, double liq_override,
    double n, double util, double cap)
{
	struct server_model m = *sm;
	struct server_power p, np;

	if (!isnan(liq_override) && m.liquid_fraction > 0)
		m.liquid_fraction = liq_override;
	server_eval_basis(&m, util, cap, o->basis, &p);
	server_eval(&m, util, cap, &np);
	o->nameplate_w += n * np.ac_w;
	server_eval(&m, 1, 0, &np);
	o->rated_w += n * np.ac_w;
	o->it_w += n * p.ac_w;
	o->gpu_w += n * p.gpu_w;
	o->liquid_w += n * p.liquid_w;
	o->air_w += n * p.air_w;
}

/* One phase's n racks. */
static void
add_racks(const struct site *s, const struct site_phase *p, double n, double util,
    double cap, struct it_load *o)
{
	double	liq0 = o->liquid_w, cdu;

	if (p->server == NULL || !(n > 0))
		return;
	add_server(o, &p->server->u.server, s->cooling.liquid_fraction,
	    n * p->rack.servers, util, cap);
	o->it_w += n * p->rack.switch_w;
	o->nameplate_w += n * p->rack.switch_w;
	o->rated_w += n * p->rack.switch_w;
	o->air_w += n * p->rack.switch_w;
	/* in-rack CDU pumps: a fraction of the liquid heat; their heat goes into the
	 * coolant (equipment.md: ~1..2 % of heat [U]) */
	cdu = p->rack.cdu_pump_frac * (o->liquid_w - liq0);
	o->cdu_w += cdu;
	o->liquid_w += cdu;
	o->racks += n;
	o->servers += n * p->rack.servers;
	o->gpus += n * p->gpus_per_rack;
}

/* What goes with the GPU racks: the fabric and the CPU and storage nodes. */
static void
add_shared(const struct site *s, double util, struct it_load *o)
{
	size_t	i;
	double	total = fmax(1.0, (double)site_total_gpus(s));

	/* fabric: NICs, optics, switches, per GPU; air-cooled (equipment.md [U]) */
	o->it_w += o->gpus * s->it.network_per_gpu;
	o->nameplate_w += o->gpus * s->it.network_per_gpu;
	o->rated_w += o->gpus * s->it.network_per_gpu;
	o->air_w += o->gpus * s->it.network_per_gpu;
	/* support nodes: per GPU, or a fixed count brought up with the GPUs */
	for (i = 0; i < s->it.nsupport; i++) {
		const struct site_support *su = &s->it.support[i];
		double	n = su->per_gpu > 0 ? su->per_gpu * o->gpus :
		    su->count * fmin(1.0, o->gpus / total);

		if (su->server != NULL && n > 0)
			add_server(o, &su->server->u.server, NAN, n, util, 0);
	}
}

void
it_load_eval(const struct site *s, const double *racks, double util, double cap,
    struct it_load *o)
{
	it_load_eval_basis(s, racks, util, cap, s->it.basis, o);
}

void
it_load_eval_basis(const struct site *s, const double *racks, double util, double cap,
    enum it_basis basis, struct it_load *o)
{
	size_t	i;

	memset(o, 0, sizeof *o);
	o->basis = basis;
	for (i = 0; i < s->it.nphases; i++)
		add_racks(s, &s->it.phases[i], racks[i], util, cap, o);
	add_shared(s, util, o);
}

void
it_load_gpus(const struct site *s, double gpus, double util, double cap,
    struct it_load *o)
{
	it_load_gpus_basis(s, gpus, util, cap, s->it.basis, o);
}

void
it_load_gpus_basis(const struct site *s, double gpus, double util, double cap,
    enum it_basis basis, struct it_load *o)
{
	double	left = gpus;
	size_t	i, n = s->it.nphases;

	memset(o, 0, sizeof *o);
	o->basis = basis;
	for (i = 0; i < n; i++) {
		const struct site_phase *p = &s->it.phases[i];
		double	r = p->gpus_per_rack > 0 ? left / p->gpus_per_rack : 0;

		/* GPUs beyond the installed fleet go into the last phase */
		if (r > p->racks && i + 1 < n)
			r = p->racks;
		if (r < 0)
			r = 0;
		add_racks(s, p, r, util, cap, o);
		left -= r * p->gpus_per_rack;
	}
	add_shared(s, util, o);
}

/* Share of a load (supply ts, return tr) that water at t_avail can carry. */
static double
free_fraction(double ts, double tr, double t_avail)
{
	double	f;

	if (!(tr > ts))
		return t_avail <= ts ? 1 : 0;
	f = (tr - t_avail) / (tr - ts);
	return f < 0 ? 0 : f > 1 ? 1 : f;
}

/* Mixed leaving temperature and totals of all tower groups. */
static int
towers_eval(const struct plant_cfg *c, double twb, double q, double setpoint,
    struct tower_op *sum)
{
	double	tsum = 0;
	int	i;

	memset(sum, 0, sizeof *sum);
	if (c->tw_cap <= 0)
		return -1;
	for (i = 0; i < c->ntw; i++) {
		const struct tower_model *t = c->tw[i];
		struct tower_op op;
		double	share = c->tw_cells[i] * t->design_q / c->tw_cap;

		if (tower_eval(t, c->tw_cells[i], twb, q * share, c->tw_gflow[i], setpoint,
		    &op) != 0)
			return -1;
		tsum += op.t_out * c->tw_gflow[i];
		sum->fan_power += op.fan_power;
		sum->evap += op.evap;
		sum->drift += op.drift;
		sum->blowdown += op.blowdown;
		sum->makeup += op.makeup;
		sum->at_capacity |= op.at_capacity;
	}
	sum->t_out = tsum / c->tw_flow;
	return 0;
}

int
plant_eval(const struct plant_cfg *c, const struct it_load *it, double tdb, double twb,
    double p, struct plant_result *r)
{
	const struct site *s = c->site;
	struct elec_op eo;
	struct elec_chain chain = c->chain;
	struct tower_op to;
	double	rho_air, v_air, q_air, q_liq, q_chw_air, f_air = 0, f_liq = 0;
	double	t_fw_s = s->cooling.liquid_supply - s->cooling.cdu_approach;
	double	t_fw_r = t_fw_s + PLANT_FW_DT;
	double	t_chw_s = s->cooling.chw_supply, t_chw_r = t_chw_s + s->cooling.chw_dt;
	double	t_tw = NAN, t_ecw, q_mech, q_left, q_dc = 0, setpoint;
	int	i, free_used;

	memset(r, 0, sizeof *r);
	if (!isfinite(tdb) || !isfinite(twb) || twb > tdb + 1e-9 || !(p > 0))
		return -1;
	r->tdb = tdb;
	r->twb = twb;
	r->it = *it;
	r->cdu_pump_w = it->cdu_w;

	/* The UPS blocks and transformers energised are those the fleet's rating
	 * needs (with the spares its topology keeps live), not the full build. */
	{
		double	ups_w, xfmr_va;

		plant_chain_load(s, it->rated_w, &ups_w, &xfmr_va);
		elec_chain_energise(&c->plan, ups_w, xfmr_va, &chain);
	}
	/* UPS and PDU losses depend on the IT load only; they heat the room. */
	elec_chain_eval(&chain, it->it_w, 0, &eo);
	/* CRAH / fan-wall air flow for the air load at the design temperature rise;
	 * fan power V dp / eta, and its heat joins the air stream. */
	/* dry-air density at the supply temperature: the gas constant of dry air,
	 * 287.042 J/kg-K (ASHRAE Fundamentals 2017 ch. 1 eq. 26, as in psychro.c) */
	rho_air = p / (287.042 * (s->cooling.air_supply + 273.15));
	q_air = it->air_w + eo.heat_to_room;
	v_air = q_air / (rho_air * CP_AIR * s->cooling.air_dt);
	r->crah_fan_w = v_air * s->cooling.fan_pressure / s->cooling.fan_eff;
	q_air += r->crah_fan_w;
	/* facility-water pumps (CDU primary side) and chilled-water pumps */
	q_liq = it->liquid_w;
	r->fw_pump_w = q_liq / (WATER_RHO * WATER_CP * PLANT_FW_DT) * s->cooling.fw_head /
	    s->cooling.pump_eff;
	q_liq += r->fw_pump_w;
	q_chw_air = q_air;
	r->chw_pump_w = (q_air + (s->cooling.loop == LOOP_CHILLED ? q_liq : 0)) /
	    (WATER_RHO * WATER_CP * s->cooling.chw_dt) * s->cooling.chw_head / s->cooling.pump_eff;
	q_chw_air += r->chw_pump_w;
	r->q_air_w = q_air;
	r->q_liquid_w = q_liq;

	/* Coldest tower water at full fan, for the economizer decision.  Estimated heat
	 * rejection: the whole load plus compressor heat at the reference COP. */
	if (c->ntw > 0) {
		double	cop = c->nch > 0 ? c->ch[0]->cop_ref : 5;

		if (towers_eval(c, twb, (q_chw_air + q_liq) * (1 + 1 / cop), -100, &to) != 0)
			return -1;
		t_tw = to.t_out;
	}
	/* free cooling fractions */
	if (c->ntw > 0 && s->cooling.economizer)
		f_air = free_fraction(t_chw_s, t_chw_r, t_tw + s->cooling.hx_approach);
	if (s->cooling.loop == LOOP_DRYCOOLER && c->ndc > 0) {
		double	cap = c->dc_cap, tsum = 0, wsum = 0;

		for (i = 0; i < c->ndc; i++) {
			struct drycooler_op d;
			double	share = c->dc_units[i] * c->dc[i]->design_q / cap;

			if (drycooler_eval(c->dc[i], c->dc_units[i], tdb, twb, q_liq * share,
			    t_fw_s, &d) != 0)
				return -1;
			tsum += d.t_out * share;
			wsum += d.water;
			r->drycooler_fan_w += d.fan_power;
		}
		f_liq = free_fraction(t_fw_s, t_fw_r, tsum);
		q_dc = f_liq * q_liq;
		r->water += wsum;
	} else if (c->ntw > 0 && (s->cooling.loop == LOOP_TOWER || s->cooling.economizer))
		f_liq = free_fraction(t_fw_s, t_fw_r, t_tw + s->cooling.hx_approach);
	r->q_free_w = f_air * q_chw_air + f_liq * q_liq;
	q_mech = (1 - f_air) * q_chw_air + (1 - f_liq) * q_liq;
	r->q_mech_w = q_mech;
	free_used = r->q_free_w > 0;

	/* Condenser water: with free cooling the towers run flat out for the coldest
	 * water; otherwise they hold the condenser setpoint. */
	setpoint = free_used ? -100 : s->cooling.cw_setpoint;
	t_ecw = c->ntw > 0 ? fmax(t_tw, free_used ? t_tw : s->cooling.cw_setpoint) : tdb;
	r->t_ecw = t_ecw;

	/* Chillers, group by group in site order. */
	q_left = q_mech;
	for (i = 0; i < c->nch; i++) {
		struct chiller_bank_op b;
		const struct chiller_model *m = c->ch[i];
		double	tcond = m->air_cooled ? tdb : t_ecw;

		if (chiller_bank_eval(m, c->ch_usable[i], t_chw_s, tcond, q_left, &b) != 0)
			return -1;
		r->chiller_w += b.power;
		r->q_reject_w += b.q_cond;
		r->chillers_running += b.n_running;
		r->cooling_capacity_w += b.q_avail_total * m->plr_max;
		q_left = b.unmet;
	}
	r->unmet_w = q_left > 1e-6 ? q_left : 0;
	r->cooling_capacity_w += r->q_free_w;
	r->cooling_margin_w = r->cooling_capacity_w - (q_mech + r->q_free_w);
	r->mode = q_mech <= 1e-9 ? MODE_FREE : r->q_free_w > 0 ? MODE_PARTIAL :
	    MODE_MECHANICAL;

	/* Towers take the condenser heat and the free-cooled heat (not dry-cooled). */
	if (c->ntw > 0) {
		r->q_reject_w += r->q_free_w - q_dc;
		if (towers_eval(c, twb, r->q_reject_w, setpoint, &to) != 0)
			return -1;
		r->tower_fan_w = to.fan_power;
		r->t_tower_out = to.t_out;
		r->tower_at_capacity = to.at_capacity;
		r->evap = to.evap;
		r->drift = to.drift;
		r->blowdown = to.blowdown;
		r->water += to.makeup;
		/* constant-flow condenser pumps while any heat is rejected */
		if (r->q_reject_w > 0)
			r->cw_pump_w = c->tw_flow * s->cooling.cw_head / s->cooling.pump_eff;
	}
	r->mech_w = r->chiller_w + r->tower_fan_w + r->drycooler_fan_w + r->crah_fan_w +
	    r->chw_pump_w + r->cw_pump_w + r->fw_pump_w + r->cdu_pump_w;
	/* transformers: also enough for the load actually drawn */
	{
		double	ups_w, xfmr_va, pf = s->power.chain.power_factor;

		plant_chain_load(s, it->rated_w, &ups_w, &xfmr_va);
		xfmr_va = fmax(xfmr_va, (it->it_w + r->mech_w) / (pf > 0 && pf <= 1 ? pf : 1));
		elec_chain_energise(&c->plan, ups_w, xfmr_va, &chain);
	}
	elec_chain_eval(&chain, it->it_w, r->mech_w, &eo);
	r->pdu_loss_w = eo.pdu_loss;
	r->ups_loss_w = eo.ups_loss;
	r->xfmr_loss_w = eo.xfmr_loss;
	r->facility_w = eo.input_w;
	r->facility_va = eo.input_va;
	r->pue = it->it_w > 0 ? r->facility_w / it->it_w : 0;
	return isfinite(r->facility_w) && isfinite(r->water) ? 0 : -1;
}
