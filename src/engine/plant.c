/*
 * plant.c - facility power, water and PUE at one condition (see plant.h).
 *
 * Heat path: IT heat splits into a liquid part (cold plates -> in-rack CDU -> facility
 * water at cooling.liquid.supply_temp) and an air part (-> CRAH coils on chilled water).
 * UPS and PDU losses and fan heat add to the air load; pump heat to the water it moves.
 * Each load can be carried "free" by cooling-tower water through a plate heat exchanger
 * (water-side economizer, after Modelica Buildings' data-centre examples: FC, PMC, FMC
 * modes, doc/model-reference.md section 2) or by dry coolers; the rest goes to the chillers
 * (EnergyPlus Chiller:Electric:EIR).  The towers reject the chillers' condenser heat
 * plus the free-cooled heat.  Pumps: P = V dp / eta; fans: P = V dp / eta.
 */
#include <math.h>
#include <string.h>

#include "fminmax.h"
#include "plant.h"
#include "pmemo.h"
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
	struct pmemo_key k;

	/* a site property: once per memo group */
	if (s->plant_memo != NULL) {
		pmemo_key_init(&k, PMEMO_DESIGN_IT, s->plant_group);
		if (pmemo_get(s->plant_memo, &k, &it.it_w, sizeof it.it_w))
			return it.it_w;
	}
	it_load_gpus_basis(s, (double)site_total_gpus(s), 1.0, 0, IT_NAMEPLATE, &it);
	if (s->plant_memo != NULL)
		pmemo_put(s->plant_memo, &k, &it.it_w, sizeof it.it_w);
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
	c->epoch = plant_epoch(s, day);
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
		int	j, use;

		if (u->model == NULL || !in_service(day, u->in_service))
			continue;
		/* spare cells (redundancy) stay off: only usable cells run */
		use = redundancy_usable(u->count, u->redundancy);
		if (use < 1)
			continue;
		t = &u->model->u.tower;
		flow = use * tower_cell_flow(t);
		c->tw_flow += flow;
		c->tw_cap += use * t->design_q;
		for (j = 0; j < c->ntw; j++)
			if (c->tw[j] == t)
				break;
		if (j == c->ntw) {
			if (c->ntw == PLANT_MAX_GROUPS)
				continue;
			c->tw[c->ntw++] = t;
		}
		c->tw_cells[j] += use;
		c->tw_gflow[j] += flow;
	}
	/* checked once here, not in each inner iteration (tower.h) */
	c->tw_valid = 1;
	for (i = 0; i < (size_t)c->ntw; i++)
		if (!tower_model_valid(c->tw[i]))
			c->tw_valid = 0;
	for (i = 0; i < s->cooling.ndrycoolers; i++) {
		const struct site_units *u = &s->cooling.drycoolers[i];
		const struct drycooler_model *d;
		int	j, use = redundancy_usable(u->count, u->redundancy);

		if (u->model == NULL || !in_service(day, u->in_service) || use < 1)
			continue;
		d = &u->model->u.drycooler;
		c->dc_cap += use * d->design_q;
		for (j = 0; j < c->ndc; j++)
			if (c->dc[j] == d)
				break;
		if (j == c->ndc) {
			if (c->ndc == PLANT_MAX_GROUPS)
				continue;
			c->dc[c->ndc++] = d;
		}
		c->dc_units[j] += use;
	}
	/* Condenser flow at the design range cooling.condenser.delta_t: each
	 * water-cooled chiller in service (spares too: each has its pump) at its
	 * reference condenser heat Q_ref (1 + 1 / COP_ref), or at its model's
	 * reference condenser flow when the model gives one; a plant without
	 * water-cooled chillers at the towers' design heat.  The towers take at
	 * most TOWER_FLOW_RATIO_MAX of their design flow (YorkCalc's range). */
	for (i = 0; i < s->cooling.nchillers; i++) {
		const struct site_units *u = &s->cooling.chillers[i];

		if (u->model == NULL || !in_service(day, u->in_service) ||
		    u->chiller.air_cooled || !(u->chiller.cop_ref > 0))
			continue;
		/* a model's reference condenser flow wins, scaled to the site's
		 * capacity */
		if (u->chiller.cw_flow_ref > 0 && u->model->u.chiller.q_ref > 0)
			c->cw_flow_design += u->count * u->chiller.cw_flow_ref *
			    u->chiller.q_ref / u->model->u.chiller.q_ref;
		else
			c->cw_flow_design += u->count * u->chiller.q_ref * (1 + 1 /
			    u->chiller.cop_ref) / (WATER_RHO * WATER_CP *
			    s->cooling.cw_dt);
	}
	if (c->cw_flow_design <= 0)
		c->cw_flow_design = c->tw_cap / (WATER_RHO * WATER_CP *
		    s->cooling.cw_dt);
	c->cw_flow_max = dc_fmin(c->cw_flow_design, TOWER_FLOW_RATIO_MAX * c->tw_flow);
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

/* Fan, leaving water (mixed by flow) and at-capacity of all tower groups; the
 * heat splits by design capacity, the water by design flow. */
static int
towers_fan(const struct plant_cfg *c, double twb, double q, double flow,
    double setpoint, struct tower_op *sum)
{
	double	tsum = 0;
	int	i;

	memset(sum, 0, sizeof *sum);
	if (c->tw_cap <= 0 || !(flow > 0))
		return -1;
	for (i = 0; i < c->ntw; i++) {
		const struct tower_model *t = c->tw[i];
		struct tower_op op;
		double	share = c->tw_cells[i] * t->design_q / c->tw_cap;
		double	fg = flow * c->tw_gflow[i] / c->tw_flow;

		if ((c->tw_valid ? tower_eval_fan_valid : tower_eval_fan)(t,
		    c->tw_cells[i], twb, q * share, fg, setpoint, &op) != 0)
			return -1;
		tsum += op.t_out * fg;
		sum->fan_power += op.fan_power;
		sum->at_capacity |= op.at_capacity;
	}
	sum->t_out = tsum / flow;
	return 0;
}

/* Make-up water of all groups at the operating point of towers_fan(). */
static int
towers_water(const struct plant_cfg *c, double tdb, double twb, double p, double q,
    double flow, double setpoint, struct tower_op *sum)
{
	int	i;

	for (i = 0; i < c->ntw; i++) {
		const struct tower_model *t = c->tw[i];
		struct tower_op op;
		double	share = c->tw_cells[i] * t->design_q / c->tw_cap;
		double	fg = flow * c->tw_gflow[i] / c->tw_flow;

		if ((c->tw_valid ? tower_eval_valid : tower_eval)(t, c->tw_cells[i],
		    tdb, twb, p, q * share, fg, setpoint,
		    &op) != 0)
			return -1;
		sum->evap += op.evap;
		sum->drift += op.drift;
		sum->blowdown += op.blowdown;
		sum->makeup += op.makeup;
	}
	return 0;
}

/* The most all groups reject at twb with water leaving no warmer than t_max and
 * entering (leaving the condensers) no warmer than t_max + the design range. */
static double
towers_max(const struct plant_cfg *c, double twb, double flow, double t_max)
{
	double	q = 0, g;
	int	i;

	for (i = 0; i < c->ntw; i++) {
		g = (c->tw_valid ? tower_max_heat_valid : tower_max_heat)(c->tw[i],
		    c->tw_cells[i], twb,
		    flow * c->tw_gflow[i] / c->tw_flow, t_max,
		    t_max + c->site->cooling.cw_dt);
		if (g < 0)
			return -1;
		q += g;
	}
	return q;
}

/* The plant at one condition, before the tower control is chosen. */
struct cool_ctx {
	const struct plant_cfg *c;
	double	tdb, twb, p;
	double	q_air;		/* air load on the chilled water, before its pump */
	double	q_liq;		/* liquid load incl. facility-water pump heat */
	double	t_fw_s, t_fw_r, t_chw_s, t_chw_r;
	double	f_dc;		/* liquid share the dry coolers carry */
	double	q_dc;		/* W they carry */
	/* the towers' most heat at the last flow asked (it depends on the flow
	 * and the wet-bulb only, so every candidate control shares it) */
	double	qmax_flow, qmax;
};

/* One candidate tower control: economizer on or off, towers holding the
 * condenser setpoint or at full fan (hold = 0). */
struct cool_op {
	double	f_air, f_liq;
	double	chw_pump_w, q_chw_air;
	double	q_free, q_mech;
	double	chiller_w, q_cond_tw, chill_cap, chill_unmet;
	int	running, emergency, clamped;
	double	flow, cw_pump_w, q_reject, q_reject_max;
	double	t_tw;
	struct tower_op to;
	double	unmet_reject;
	int	iter;
	int	settled;	/* the balance converged (not a staging cycle) */
	int	hold;		/* towers held the setpoint (else full fan) */
};

/* Chilled-water pump, free fractions and chillers with the towers' water at t. */
static int
cool_at(const struct cool_ctx *x, int eco, double t, struct cool_op *o)
{
	const struct plant_cfg *c = x->c;
	const struct site *s = c->site;
	double	hx = s->cooling.hx_approach, q_left;
	int	i;

	o->f_air = c->ntw > 0 && eco ? free_fraction(x->t_chw_s, x->t_chw_r, t + hx) : 0;
	if (s->cooling.loop == LOOP_DRYCOOLER && c->ndc > 0)
		o->f_liq = x->f_dc;
	else if (c->ntw > 0 && (s->cooling.loop == LOOP_TOWER || eco))
		o->f_liq = free_fraction(x->t_fw_s, x->t_fw_r, t + hx);
	else
		o->f_liq = 0;
	/* chilled-water pumps carry the air load and, on a chilled liquid loop,
	 * only the share of the liquid heat that is not free-cooled */
	o->chw_pump_w = (x->q_air + (s->cooling.loop == LOOP_CHILLED ?
	    (1 - o->f_liq) * x->q_liq : 0)) / (WATER_RHO * WATER_CP *
	    s->cooling.chw_dt) * s->cooling.chw_head / s->cooling.pump_eff;
	o->q_chw_air = x->q_air + o->chw_pump_w;
	o->q_free = o->f_air * o->q_chw_air + o->f_liq * x->q_liq;
	o->q_mech = (1 - o->f_air) * o->q_chw_air + (1 - o->f_liq) * x->q_liq;
	o->chiller_w = o->q_cond_tw = o->chill_cap = 0;
	o->running = o->emergency = o->clamped = 0;
	q_left = o->q_mech;
	for (i = 0; i < c->nch; i++) {
		struct chiller_bank_op b;
		const struct chiller_model *m = c->ch[i];

		if (chiller_bank_eval(m, c->ch_usable[i], x->t_chw_s,
		    m->air_cooled ? x->tdb : t, q_left, &b) != 0)
			return -1;
		o->chiller_w += b.power;
		if (!m->air_cooled)
			o->q_cond_tw += b.q_cond;
		o->running += b.n_running;
		o->emergency |= b.emergency;
		if (b.n_running > 0)
			o->clamped |= b.unit.clamped;
		o->chill_cap += b.q_avail_total;
		q_left = b.unmet;
	}
	o->chill_unmet = q_left > 1e-6 ? q_left : 0;
	/* the towers take the condensers' heat and the free-cooled heat that the
	 * dry coolers do not carry */
	o->q_reject = o->q_cond_tw + o->q_free - x->q_dc;
	if (o->q_reject < 0)
		o->q_reject = 0;
	return 0;
}

/* Condenser flow and pump for heat q (before the pump's own heat). */
static void
cw_pump(const struct plant_cfg *c, double q, struct cool_op *o)
{
	const struct site *s = c->site;
	double	v;

	o->flow = o->cw_pump_w = 0;
	if (!(q > 0) || c->cw_flow_max <= 0)
		return;
	if (s->cooling.cw_variable) {
		/* variable speed: the flow that holds the design range; the head
		 * follows the square of the flow (affinity laws, a friction-only
		 * system curve [U]), so the power its cube */
		v = dc_fmin(c->cw_flow_max, q / (WATER_RHO * WATER_CP * s->cooling.cw_dt));
		o->flow = v;
		o->cw_pump_w = v * s->cooling.cw_head * (v / c->cw_flow_design) *
		    (v / c->cw_flow_design) / s->cooling.pump_eff;
	} else {
		o->flow = c->cw_flow_max;
		o->cw_pump_w = o->flow * s->cooling.cw_head / s->cooling.pump_eff;
	}
}

/*
 * The tower-chiller balance for one control: the chillers' condenser heat depends
 * on the condenser water, which the towers make from that heat.  Successive
 * substitution on the condenser water temperature t from the setpoint: t ->
 * towers(q_reject(t)), where a tower holding the setpoint delivers
 * max(leaving water, setpoint) (bypass mixing) and one at full fan its leaving
 * water.  The map rises with t and its slope is small (compressor
 * heat per K over the towers' heat per K), so it converges in a few steps; the
 * stop is |t_new - t| <= PLANT_FP_TOL.  If the towers cannot reject q_reject
 * with water no warmer than cooling.condenser.max_temp, the towers run flat out
 * rejecting their most, the chillers get the water that makes (max_temp, or
 * colder where YorkCalc's range limit binds first) and the heat beyond the
 * towers' limit is unmet.  Should the
 * substitution not settle in PLANT_FP_MAXITER steps (chiller staging can make
 * it alternate between two values), the warmer value is kept.
 *
 * Speed (the answer is the same within PLANT_FP_TOL): between two steps with
 * the same chillers running the map is smooth, and a secant step on
 * t - map(t) (Steffensen's acceleration of the substitution, e.g. Burden &
 * Faires, Numerical Analysis, sec. 2.5) replaces the slow geometric approach.
 * The map rises with slope below 1 and falls only where a chiller stages on,
 * so t - map(t) falls throughout and has at most one zero: the accelerated and
 * the plain iteration find the same fixed point.  After the first staging
 * change the steps are plain substitution, and one that returns within
 * PLANT_FP_TOL to a value of its last PLANT_FP_CYCLE steps is the alternation
 * (there is no fixed point: the balance sits on a staging step).  It is
 * recognised at once, and the warmest value of the cycle is kept - for two
 * values the warmer, as after PLANT_FP_MAXITER steps; for a longer cycle
 * (three values: two steps up to the staging point, one down) the warmest,
 * where before the value depended on where in the cycle step
 * PLANT_FP_MAXITER fell.
 */
static int
cool_try(struct cool_ctx *x, int eco, int hold, struct cool_op *o)
{
	const struct plant_cfg *c = x->c;
	const struct site *s = c->site;
	double	setpoint = hold ? s->cooling.cw_setpoint : -100;
	double	t = hold ? s->cooling.cw_setpoint : x->twb, t_new = t, tmax;
	double	t_prev = NAN, tn_prev = NAN, next, hist[PLANT_FP_CYCLE];
	int	k, limited = 0, plain = 0, run_prev = -1, nh = 0;

	memset(o, 0, sizeof *o);
	o->hold = hold;
	tmax = s->cooling.cw_max;
	o->q_reject_max = INFINITY;
	if (c->ntw == 0) {
		if (cool_at(x, eco, x->tdb, o) != 0)
			return -1;
		o->t_tw = NAN;
		return 0;
	}
	for (k = 0; k < PLANT_FP_MAXITER; k++) {
		if (cool_at(x, eco, t, o) != 0)
			return -1;
		cw_pump(c, o->q_reject, o);
		o->q_reject += o->cw_pump_w;	/* the pump's heat goes to the water */
		/* the limit depends on the flow only: constant flow, one solve */
		if (o->flow != x->qmax_flow) {
			x->qmax = o->flow > 0 ? towers_max(c, x->twb, o->flow, tmax) :
			    INFINITY;
			x->qmax_flow = o->flow;
		}
		o->q_reject_max = x->qmax;
		if (o->q_reject_max < 0)
			return -1;
		limited = o->q_reject > o->q_reject_max;
		if (o->q_reject <= 0)
			t_new = dc_fmax(t, setpoint);
		else if (limited) {
			/* the water the towers make at full fan rejecting their
			 * most (max_temp, or colder where the range limit binds) */
			if (towers_fan(c, x->twb, o->q_reject_max, o->flow, -100,
			    &o->to) != 0)
				return -1;
			t_new = dc_fmax(o->to.t_out, setpoint);
		} else {
			if (towers_fan(c, x->twb, o->q_reject, o->flow, setpoint,
			    &o->to) != 0)
				return -1;
			/* holding the setpoint, colder tower water (fan at its
			 * minimum, or a fixed approach) is mixed up to it through
			 * the tower bypass */
			t_new = dc_fmax(o->to.t_out, setpoint);
		}
		o->iter = k + 1;
		if (fabs(t_new - t) <= PLANT_FP_TOL)
			break;
		if (k + 1 == PLANT_FP_MAXITER) {
			t = dc_fmax(t, t_new);
			k = PLANT_FP_MAXITER;
			break;
		}
		/* a staging change: from here on plain substitution, whose
		 * orbit can be watched for a cycle */
		if (k > 0 && o->running != run_prev)
			plain = 1;
		/* plain substitution that comes back within PLANT_FP_TOL to a
		 * value of its last PLANT_FP_CYCLE steps alternates for good
		 * (chiller staging): keep the warmest value of the cycle */
		if (nh > 0) {
			int	j, m = nh < PLANT_FP_CYCLE ? nh : PLANT_FP_CYCLE;

			for (j = 1; j <= m; j++)
				if (fabs(t_new - hist[(nh - j) % PLANT_FP_CYCLE]) <=
				    PLANT_FP_TOL)
					break;
			if (j <= m) {
				double	tw = dc_fmax(t, t_new);
				int	i;

				for (i = 1; i <= j; i++)
					tw = dc_fmax(tw, hist[(nh - i) % PLANT_FP_CYCLE]);
				t = tw;
				k = PLANT_FP_MAXITER;
				break;
			}
		}
		/* secant acceleration: with the map's slope sl from the last two
		 * steps (the same chillers running, so the map is smooth between
		 * them), t + (t_new - t) / (1 - sl) is where the chord meets the
		 * diagonal; otherwise plain substitution */
		next = t_new;
		if (!plain && k > 0 && t != t_prev) {
			double	sl = (t_new - tn_prev) / (t - t_prev);

			if (sl > 0 && sl < PLANT_FP_SLOPE_MAX)
				next = t + (t_new - t) / (1 - sl);
		}
		if (next == t_new)
			hist[nh++ % PLANT_FP_CYCLE] = t;
		else
			nh = 0;		/* the orbit starts again at next */
		t_prev = t;
		tn_prev = t_new;
		run_prev = o->running;
		t = next;
	}
	o->settled = k < PLANT_FP_MAXITER;
	if (k == PLANT_FP_MAXITER) {
		/* not settled: evaluate once more at the warmer value, the
		 * condenser water the chillers then see */
		t_new = t;
		if (cool_at(x, eco, t, o) != 0)
			return -1;
		cw_pump(c, o->q_reject, o);
		o->q_reject += o->cw_pump_w;
		o->q_reject_max = o->flow == x->qmax_flow ? x->qmax : o->flow > 0 ?
		    towers_max(c, x->twb, o->flow, tmax) : INFINITY;
		limited = o->q_reject > o->q_reject_max;
	}
	/* the towers at the final heat: a settled balance evaluated them there
	 * in its last step (the same call), a re-evaluated one has not */
	if (o->q_reject > 0 && !o->settled && towers_fan(c, x->twb, limited ?
	    o->q_reject_max : o->q_reject, o->flow, limited ? -100 : setpoint,
	    &o->to) != 0)
		return -1;
	o->t_tw = limited ? dc_fmax(o->to.t_out, setpoint) : t_new;
	o->unmet_reject = limited ? o->q_reject - o->q_reject_max : 0;
	if (o->q_reject > 0) {
		o->to.at_capacity |= limited;
	} else {
		memset(&o->to, 0, sizeof o->to);
		o->to.t_out = o->t_tw;
	}
	return 0;
}

/* The power a candidate control costs (what differs between candidates). */
static double
cool_cost(const struct cool_op *o)
{
	return o->chiller_w + o->to.fan_power + o->chw_pump_w + o->cw_pump_w;
}

int
plant_eval_fresh(const struct plant_cfg *c, const struct it_load *it, double tdb,
    double twb, double p, struct plant_result *r)
{
	const struct site *s = c->site;
	struct elec_op eo;
	struct elec_chain chain = c->chain;
	struct cool_ctx x;
	struct cool_op cand[3], *o;
	double	rho_air, v_air, q_air;
	int	i, nc = 0, best;

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

	memset(&x, 0, sizeof x);
	x.qmax_flow = -1;
	x.c = c;
	x.tdb = tdb;
	x.twb = twb;
	x.p = p;
	x.q_air = q_air;
	/* facility water (cooling.liquid.supply_temp, to the CDUs) rises by
	 * cooling.liquid.delta_t; its pumps' heat goes into it */
	x.t_fw_s = s->cooling.liquid_supply;
	x.t_fw_r = x.t_fw_s + s->cooling.fw_dt;
	x.t_chw_s = s->cooling.chw_supply;
	x.t_chw_r = x.t_chw_s + s->cooling.chw_dt;
	r->fw_pump_w = it->liquid_w / (WATER_RHO * WATER_CP * s->cooling.fw_dt) *
	    s->cooling.fw_head / s->cooling.pump_eff;
	x.q_liq = it->liquid_w + r->fw_pump_w;
	r->q_liquid_w = x.q_liq;

	/* dry coolers on the liquid loop: independent of the towers */
	if (s->cooling.loop == LOOP_DRYCOOLER && c->ndc > 0) {
		double	tsum = 0;

		for (i = 0; i < c->ndc; i++) {
			struct drycooler_op d;
			double	share = c->dc_units[i] * c->dc[i]->design_q / c->dc_cap;

			if (drycooler_eval(c->dc[i], c->dc_units[i], tdb, twb,
			    x.q_liq * share, x.t_fw_s, &d) != 0)
				return -1;
			tsum += d.t_out * share;
			r->water += d.water;
			r->drycooler_fan_w += d.fan_power;
		}
		x.f_dc = free_fraction(x.t_fw_s, x.t_fw_r, tsum);
		x.q_dc = x.f_dc * x.q_liq;
	}

	/* Tower control: the cheapest of holding the condenser setpoint without
	 * the economizer (all mechanical), holding it with the economizer, and
	 * full fan for the coldest water with the economizer; fewer unmet watts
	 * first.  So free cooling never costs more than mechanical cooling. */
	if (cool_try(&x, 0, 1, &cand[nc++]) != 0)
		return -1;
	if (s->cooling.economizer && c->ntw > 0 &&
	    cool_try(&x, 1, 1, &cand[nc++]) != 0)
		return -1;
	/* full fan: with the economizer, or for a liquid loop on tower water.
	 * Where the candidate holding the setpoint with the same economizer
	 * settled above the setpoint with its towers at full fan (and within
	 * their limit), the full-fan balance is the same one: t = towers(t) at
	 * full fan has one solution, and that candidate's is it.  Its costs are
	 * then equal and the earlier candidate wins the tie, so it is not
	 * evaluated again. */
	if (c->ntw > 0 && (s->cooling.economizer || s->cooling.loop == LOOP_TOWER)) {
		const struct cool_op *h = &cand[s->cooling.economizer ? 1 : 0];

		if (!(c->ntw == 1 && h->settled && h->to.at_capacity &&
		    h->unmet_reject <= 0 &&
		    h->t_tw > s->cooling.cw_setpoint && h->q_reject > 0) &&
		    cool_try(&x, s->cooling.economizer, 0, &cand[nc++]) != 0)
			return -1;
	}
	best = 0;
	for (i = 1; i < nc; i++) {
		double	ub = cand[best].chill_unmet + cand[best].unmet_reject;
		double	ui = cand[i].chill_unmet + cand[i].unmet_reject;

		if (ui < ub - 1 || (ui <= ub + 1 && cool_cost(&cand[i]) <
		    cool_cost(&cand[best])))
			best = i;
	}
	o = &cand[best];
	r->economizer_used = s->cooling.economizer && best > 0 &&
	    o->q_free - x.q_dc > 0;
	r->chw_pump_w = o->chw_pump_w;
	r->q_air_w = o->q_chw_air - o->chw_pump_w;
	r->q_free_w = o->q_free;
	r->q_mech_w = o->q_mech;
	r->chiller_w = o->chiller_w;
	r->chillers_running = o->running;
	r->chiller_emergency = o->emergency;
	r->curve_clamped = o->clamped;
	r->cooling_capacity_w = o->chill_cap + o->q_free;
	r->unmet_reject_w = o->unmet_reject;
	r->unmet_w = o->chill_unmet + o->unmet_reject;
	if (r->unmet_w <= 1e-6)
		r->unmet_w = 0;
	r->q_reject_w = o->q_reject;
	r->q_reject_max_w = o->q_reject_max;
	{
		double	m_ch = o->chill_cap - o->q_mech;
		double	m_rj = o->q_reject_max - o->q_reject;

		r->cooling_margin_w = dc_fmin(m_ch, m_rj);
		r->cool_limit = m_rj < m_ch ? COOL_LIMIT_REJECTION : COOL_LIMIT_CHILLERS;
	}
	r->mode = o->q_mech <= 1e-9 ? MODE_FREE : o->q_free > 0 ? MODE_PARTIAL :
	    MODE_MECHANICAL;
	r->t_ecw = c->ntw > 0 ? o->t_tw : tdb;
	r->cw_flow = o->flow;
	r->cw_pump_w = o->cw_pump_w;
	r->fp_iter = o->iter;
	if (c->ntw > 0) {
		struct tower_op w;
		double	q = o->unmet_reject > 0 ? o->q_reject_max : o->q_reject;

		r->tower_fan_w = o->to.fan_power;
		r->t_tower_out = o->to.t_out;
		r->tower_at_capacity = o->to.at_capacity;
		memset(&w, 0, sizeof w);
		if (q > 0 && towers_water(c, tdb, twb, p, q, o->flow,
		    !o->hold || o->unmet_reject > 0 ? -100 :
		    s->cooling.cw_setpoint, &w) != 0)
			return -1;
		r->evap = w.evap;
		r->drift = w.drift;
		r->blowdown = w.blowdown;
		r->water += w.makeup;
	}
	r->mech_w = r->chiller_w + r->tower_fan_w + r->drycooler_fan_w + r->crah_fan_w +
	    r->chw_pump_w + r->cw_pump_w + r->fw_pump_w + r->cdu_pump_w;
	/* transformers: also enough for the load actually drawn */
	{
		double	ups_w, xfmr_va, pf = s->power.chain.power_factor;

		plant_chain_load(s, it->rated_w, &ups_w, &xfmr_va);
		xfmr_va = dc_fmax(xfmr_va, (it->it_w + r->mech_w) / (pf > 0 && pf <= 1 ? pf : 1));
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

/* The latest in_service date <= day of a group of units (or e). */
static int
latest_in(const struct site_units *u, size_t n, int day, int e)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (u[i].in_service != DATE_NONE && u[i].in_service <= day &&
		    (e == DATE_NONE || u[i].in_service > e))
			e = u[i].in_service;
	return e;
}

int
plant_epoch(const struct site *s, int day)
{
	int	e = DATE_NONE;

	/* plant_cfg_init's in_service(day, ...) on chillers, towers and dry
	 * coolers is its only use of the day */
	e = latest_in(s->cooling.chillers, s->cooling.nchillers, day, e);
	e = latest_in(s->cooling.towers, s->cooling.ntowers, day, e);
	return latest_in(s->cooling.drycoolers, s->cooling.ndrycoolers, day, e);
}

void
plant_memo_key(struct pmemo_key *k, const struct site *s, int epoch,
    const struct it_load *it, double tdb, double twb, double p)
{
	pmemo_key_init(k, PMEMO_PLANT, s->plant_group);
	/* the epoch stands for the equipment in service (plant_cfg_init's
	 * only input besides the site) */
	pmemo_key_i(k, (int64_t)(uint32_t)epoch | (int64_t)it->basis << 32);
	pmemo_key_d(k, tdb);
	pmemo_key_d(k, twb);
	pmemo_key_d(k, p);
	pmemo_key_d(k, it->gpus);
	pmemo_key_d(k, it->servers);
	pmemo_key_d(k, it->racks);
	pmemo_key_d(k, it->it_w);
	pmemo_key_d(k, it->nameplate_w);
	pmemo_key_d(k, it->rated_w);
	pmemo_key_d(k, it->gpu_w);
	pmemo_key_d(k, it->cdu_w);
	pmemo_key_d(k, it->liquid_w);
	pmemo_key_d(k, it->air_w);
}

_Static_assert(sizeof(struct plant_result) <= PMEMO_VALUE_MAX,
    "a plant result must fit a memo entry");

/* The evaluation, or the same result from the site's memo (pmemo.h). */
int
plant_eval(const struct plant_cfg *c, const struct it_load *it, double tdb, double twb,
    double p, struct plant_result *r)
{
	struct pmemo *m = c->site->plant_memo;
	struct pmemo_key k;
	int	rc;

	if (m == NULL)
		return plant_eval_fresh(c, it, tdb, twb, p, r);
	plant_memo_key(&k, c->site, c->epoch, it, tdb, twb, p);
	if (pmemo_get(m, &k, r, sizeof *r))
		return 0;
	if ((rc = plant_eval_fresh(c, it, tdb, twb, p, r)) == 0)
		pmemo_put(m, &k, r, sizeof *r);
	return rc;
}

int
plant_eval_gpus(const struct plant_cfg *c, double gpus, double util, double gpu_cap,
    enum it_basis basis, double tdb, double twb, double p, struct plant_result *r)
{
	struct pmemo *m = c->site->plant_memo;
	struct pmemo_key k;
	struct it_load it;
	int	rc;

	if (m != NULL) {
		/* the IT load follows from these within the group */
		pmemo_key_init(&k, PMEMO_PLANT_GPUS, c->site->plant_group);
		pmemo_key_i(&k, (int64_t)(uint32_t)c->epoch | (int64_t)basis << 32);
		pmemo_key_d(&k, tdb);
		pmemo_key_d(&k, twb);
		pmemo_key_d(&k, p);
		pmemo_key_d(&k, gpus);
		pmemo_key_d(&k, util);
		/* the cap as it limits the GPUs (caps at or above the TDP alike) */
		pmemo_key_d(&k, it_cap_class(c->site, gpu_cap));
		if (pmemo_get(m, &k, r, sizeof *r))
			return 0;
	}
	it_load_gpus_basis(c->site, gpus, util, gpu_cap, basis, &it);
	if ((rc = plant_eval_fresh(c, &it, tdb, twb, p, r)) == 0 && m != NULL)
		pmemo_put(m, &k, r, sizeof *r);
	return rc;
}
