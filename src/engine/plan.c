/*
 * plan.c - the verdict as data (see plan.h for what FEASIBLE means).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "consts.h"
#include "chiller.h"
#include "date.h"
#include "generator.h"
#include "plan.h"
#include "schedule.h"
#include "site.h"
#include "supply.h"

void
plan_result_init(struct plan_result *r)
{
	memset(r, 0, sizeof *r);
}

void
plan_result_release(struct plan_result *r)
{
	free(r->targets);
	free(r->days);
	free(r->changes);
	free(r->dchecks);
	cost_acc_release(&r->cost_acc);
	plan_result_init(r);
}

const char *
plan_status_str(int status)
{
	switch (status) {
	case PLAN_OK:
		return "success";
	case PLAN_ENOMEM:
		return "out of memory";
	case PLAN_ECAPACITY:
		return "the capacity solver failed";
	case PLAN_ETIMELINE:
		return "the plant model failed";
	case PLAN_ESIM:
		return "the simulation failed";
	default:
		return "unknown status";
	}
}

const char *
plan_reason_name(enum plan_reason r)
{
	static const char *const names[] = { "none", "deployment", "hottest hour",
	    "design condition" };

	return (unsigned)r < sizeof names / sizeof names[0] ? names[r] : "?";
}

/* Grow *p to hold n elements of size sz (cap in *cap). */
static int
grow(void *pp, size_t *cap, size_t n, size_t sz)
{
	void	**p = pp, *q;
	size_t	c = *cap ? *cap : 16;

	if (n <= *cap)
		return 0;
	while (c < n)
		c *= 2;
	if ((q = realloc(*p, c * sz)) == NULL)
		return -1;
	*p = q;
	*cap = c;
	return 0;
}

/* GPUs per rack over the whole deployment */
static double
gpus_per_rack(const struct site *s)
{
	long	racks = site_total_racks(s);

	return racks > 0 ? (double)site_total_gpus(s) / (double)racks : 1;
}

/* 1. capacity of the finished site at the design conditions */
static int
plan_design(const struct site *s, const struct weather *w, struct plan_result *r)
{
	struct plant_cfg cfg;

	r->cap_day = r->to;
	capacity_design_conditions(&w->design, site_pressure(s), r->cond);
	plant_cfg_init(&cfg, s, r->cap_day);
	r->gpus_installed = (double)site_total_gpus(s);
	if (capacity_solve(&cfg, r->cond, 2, r->gpus_installed, s->it.utilization,
	    s->it.gpu_power_cap, &r->design) != 0)
		return PLAN_ECAPACITY;
	return PLAN_OK;
}

/* The timeline from r->from through `last`, continuing what is there. */
static int
ensure_days(const struct site *s, const struct weather *w, struct plan_result *r,
    int last)
{
	size_t	n = last >= r->day0 ? (size_t)(last - r->day0) + 1 : 0;

	if (n <= r->ndays)
		return PLAN_OK;
	if (grow(&r->days, &r->days_cap, n, sizeof *r->days) != 0)
		return PLAN_ENOMEM;
	for (; r->ndays < n; r->ndays++) {
		struct tl_day d;
		struct plan_day *p = &r->days[r->ndays];
		int	day = r->day0 + (int)r->ndays;

		if (timeline_next_runnable(s, w, day, r->ndays > 0 ? &r->tl_prev : NULL,
		    &d) != 0)
			return PLAN_ETIMELINE;
		r->tl_prev = d;
		p->runnable = d.gpus_runnable;
		p->online = d.gpus_online;
		p->binding = d.binding;
		p->tdb = d.tdb;
		p->twb = d.twb;
	}
	return PLAN_OK;
}

/* The dates on which equipment enters or leaves service. */
static int
plan_changes(const struct site *s, struct plan_result *r)
{
	size_t	i, max = 2 * (s->power.nfeeds + s->power.ngens) + s->power.nbatts +
	    s->cooling.nchillers + s->cooling.ntowers + s->cooling.ndrycoolers + 1;

	for (i = 0; i < s->power.nfeeds; i++)
		max += s->power.feeds[i].nsteps;
	if (grow(&r->changes, &r->changes_cap, max, sizeof *r->changes) != 0)
		return PLAN_ENOMEM;
	r->nchanges = supply_change_dates(s, r->changes, max);
	return PLAN_OK;
}

/* For one target the design-condition check on each
 * interval of the same equipment from r->from (index k covers [day_k, day_k+1)). */
static int
design_checks(const struct site *s, struct plan_result *r, const struct site_target *t)
{
	size_t	i, n;

	if (grow(&r->dchecks, &r->dchecks_cap, r->nchanges + 1, sizeof *r->dchecks) != 0)
		return PLAN_ENOMEM;
	n = 0;
	r->dchecks[n++].day = r->day0;
	for (i = 0; i < r->nchanges; i++)
		if (r->changes[i] > r->day0)
			r->dchecks[n++].day = r->changes[i];
	r->ndchecks = n;
	for (i = 0; i < n; i++) {
		struct plan_design_check *dc = &r->dchecks[i];
		struct plant_cfg cfg;
		int	k;

		plant_cfg_init(&cfg, s, dc->day);
		dc->ok = 1;
		dc->runnable = t->gpus;
		dc->cond = 0;
		dc->binding = CAP_INSTALLED;
		for (k = 0; k < 2; k++) {
			struct cap_result cr;

			if (isnan(r->cond[k].tdb) || isnan(r->cond[k].twb))
				continue;
			if (capacity_solve_min(&cfg, &r->cond[k], t->gpus, s->it.utilization,
			    s->it.gpu_power_cap, 0, &cr) != 0)
				return PLAN_ECAPACITY;
			if (cr.max_gpus < dc->runnable) {
				dc->ok = 0;
				dc->runnable = cr.max_gpus;
				dc->cond = k;
				dc->binding = cr.binding;
			}
		}
	}
	return PLAN_OK;
}

/* Index of the design interval holding `day` (intervals are sorted). */
static size_t
dcheck_at(const struct plan_result *r, int day, size_t hint)
{
	size_t	k = hint;

	while (k + 1 < r->ndchecks && r->dchecks[k + 1].day <= day)
		k++;
	return k;
}

/* Mark each day of the series bad (1) or good for target t; bad if fewer than its
 * GPUs can run at the hot hour or at a design condition with that day's
 * equipment. */
static void
mark_days(struct plan_result *r, const struct site_target *t)
{
	size_t	i, k = 0;

	for (i = 0; i < r->ndays; i++) {
		struct plan_day *p = &r->days[i];

		k = dcheck_at(r, r->day0 + (int)i, k);
		p->bad = p->runnable < t->gpus || !r->dchecks[k].ok;
	}
}

/* First bad day in [a, b] (days), or DATE_NEVER. */
static int
first_bad(const struct plan_result *r, int a, int b)
{
	int	d;

	for (d = a < r->day0 ? r->day0 : a; d <= b; d++)
		if (d - r->day0 < (int)r->ndays && r->days[d - r->day0].bad)
			return d;
	return DATE_NEVER;
}

/* The horizon of a target met on (or dated) day d. */
static int
horizon_of(const struct plan_result *r, int d)
{
	return (d > r->full ? d : r->full) + PLAN_WINDOW_D;
}

/* The fixes, each sized on the worst hot hour of the window and the design
 * conditions of every interval of equipment in it. */
static int
plan_fixes(const struct site *s, const struct weather *w, struct plan_result *r,
    struct plan_target *e)
{
	const struct site_target *t = e->target;
	const struct site_generator *gfix = NULL;
	const struct site_units *cfix = NULL;
	double	g = t->gpus, util = s->it.utilization, cap = s->it.gpu_power_cap;
	size_t	i, k = 0;
	int	d, n;

	if (e->met_on != DATE_NEVER) {
		e->fixes |= PLAN_FIX_DATE;
		e->move_to = e->met_on;
	}
	if (e->at_by.gpus_online < t->gpus) {
		e->fixes |= PLAN_FIX_DEPLOY;
		e->gpus_short_online = t->gpus - e->at_by.gpus_online;
		e->racks_short = (long)ceil(e->gpus_short_online / gpus_per_rack(s));
	}
	/* generators to buy: the site's largest firm model */
	for (i = 0; i < s->power.ngens; i++)
		if (s->power.gens[i].model != NULL && gen_is_firm(&s->power.gens[i]) &&
		    (gfix == NULL || s->power.gens[i].model->u.generator.rating_w >
		    gfix->model->u.generator.rating_w))
			gfix = &s->power.gens[i];
	for (i = 0; i < s->cooling.nchillers; i++)
		if (s->cooling.chillers[i].model != NULL) {
			cfix = &s->cooling.chillers[i];
			break;
		}
	if (gfix != NULL)
		e->gen_model = gfix->model;
	e->chiller_group = cfix;
	e->tower_group = s->cooling.ntowers > 0 && s->cooling.towers[0].model != NULL ?
	    &s->cooling.towers[0] : NULL;
	/* every hot hour of the window, then both design conditions of every
	 * interval of equipment that overlaps it */
	for (d = t->by; d <= e->horizon + 2 * (int)r->ndchecks; d++) {
		struct plant_cfg cfg;
		struct cap_condition cond;
		struct plant_result pr;
		struct it_load it;
		const char *cname;
		double	fw, va, firm, shortw;
		int	day = d;

		if (d <= e->horizon) {
			const struct plan_day *p = &r->days[d - r->day0];

			cond.name = "hottest hour";
			cond.tdb = p->tdb;
			cond.twb = p->twb;
			cond.p = site_pressure(s);
			{
				struct wx_point wx;

				weather_day_peak(w, (int)(sim_hour_of_year(d, 0) / 24), &wx);
				if (wx.p > 0)
					cond.p = wx.p;
			}
		} else {
			size_t	j = (size_t)(d - e->horizon - 1);
			const struct plan_design_check *dc = &r->dchecks[j / 2];

			if (dc->day > e->horizon || (j / 2 + 1 < r->ndchecks &&
			    r->dchecks[j / 2 + 1].day <= t->by))
				continue;
			day = dc->day < t->by ? t->by : dc->day;
			cond = r->cond[j % 2];
			if (isnan(cond.tdb) || isnan(cond.twb))
				continue;
		}
		cname = cond.name;
		plant_cfg_init(&cfg, s, day);
		fw = capacity_demand_env_w(&cfg, &cond, g, util, cap, &va);
		it_load_gpus(s, g, util, cap, &it);
		if (isnan(fw) || plant_eval(&cfg, &it, cond.tdb, cond.twb, cond.p, &pr) != 0)
			return PLAN_ETIMELINE;
		firm = capacity_supply_w(s, day, cond.tdb);
		shortw = fw - firm;
		if (shortw > 0) {
			e->fixes |= PLAN_FIX_SUPPLY;
			if (shortw > e->supply_w) {
				e->supply_w = shortw;
				e->supply_day = day;
				e->supply_condition = cname;
				e->supply_tdb = cond.tdb;
			}
			if (gfix != NULL) {
				const struct generator_model *gm = &gfix->model->u.generator;
				double	u = generator_available(gm, cond.tdb);

				n = u > 0 ? (int)ceil(shortw / u - 1e-9) : 0;
				if (n > e->gen_units || (n == e->gen_units && u < e->gen_unit_w)) {
					e->gen_units = n;
					e->gen_unit_w = u;
					e->gen_derate = gm->rating_w > 0 ? u / gm->rating_w : 0;
					e->gen_tdb = cond.tdb;
				}
			}
		}
		if (pr.cooling_margin_w < 0) {
			double	need = -pr.cooling_margin_w;

			e->fixes |= PLAN_FIX_COOLING;
			if (cfix != NULL) {
				struct chiller_op op;
				double	u;

				if (chiller_eval(&cfix->chiller, s->cooling.chw_supply,
				    cfix->chiller.air_cooled ? cond.tdb : pr.t_ecw, 0,
				    &op) != 0)
					return PLAN_ETIMELINE;
				u = op.q_avail * cfix->chiller.plr_max;
				n = u > 0 ? (int)ceil(need / u - 1e-9) : 0;
				if (n > e->chillers) {
					e->chillers = n;
					e->chiller_unit_w = u;
				}
			}
			if (need > e->cooling_w) {
				e->cooling_w = need;
				e->cooling_day = day;
				e->cooling_condition = cname;
			}
		}
		if (cfg.chain.ups != NULL) {
			double	need = it.nameplate_w / cfg.chain.pdu_eff *
			    cfg.chain.ups_fraction -
			    cfg.ups_capacity_w;

			if (need > e->ups_w) {
				e->fixes |= PLAN_FIX_UPS;
				e->ups_w = need;
			}
		}
		if (cfg.chain.xfmr != NULL && va - cfg.xfmr_capacity_va > e->transformer_va) {
			e->fixes |= PLAN_FIX_TRANSFORMER;
			e->transformer_va = va - cfg.xfmr_capacity_va;
		}
		(void)k;
	}
	/* N+1 on what is bought: one more unit than the load needs */
	if (e->gen_units > 0)
		e->gen_units_n1 = e->gen_units + 1;
	if (e->chillers > 0)
		e->chillers_n1 = e->chillers + 1;
	return PLAN_OK;
}

/* 2. every target against the timeline and the design conditions */
static int
plan_targets(const struct site *s, const struct weather *w, struct plan_result *r)
{
	size_t	i;
	int	rc, last = 0;

	if (grow(&r->targets, &r->targets_cap, s->ntargets, sizeof *r->targets) != 0)
		return PLAN_ENOMEM;
	r->ntargets = s->ntargets;
	r->targets_ok = 1;
	memset(r->targets, 0, s->ntargets * sizeof *r->targets);
	for (i = 0; i < s->ntargets; i++) {
		struct plan_target *e = &r->targets[i];

		e->target = &s->targets[i];
		e->index = i;
		e->horizon = horizon_of(r, s->targets[i].by);
		if (e->horizon > last)
			last = e->horizon;
	}
	if ((rc = ensure_days(s, w, r, last)) != PLAN_OK)
		return rc;
	for (i = 0; i < s->ntargets; i++) {
		const struct site_target *t = &s->targets[i];
		struct plan_target *e = &r->targets[i];
		int	d, bad, lastbad = DATE_NEVER;
		size_t	k;

		if ((rc = design_checks(s, r, t)) != PLAN_OK)
			return rc;
		mark_days(r, t);
		if (timeline_day(s, w, t->by, &e->at_by) != 0)
			return PLAN_ETIMELINE;
		/* its window */
		bad = first_bad(r, t->by, e->horizon);
		e->ok = bad == DATE_NEVER;
		e->design_ok = 1;
		e->design_runnable = t->gpus;
		for (k = 0; k < r->ndchecks; k++) {
			const struct plan_design_check *dc = &r->dchecks[k];
			int	end = k + 1 < r->ndchecks ? r->dchecks[k + 1].day - 1 : DATE_NEVER;

			if (end < t->by || dc->day > e->horizon || dc->ok ||
			    dc->runnable >= e->design_runnable)
				continue;
			e->design_ok = 0;
			e->design_runnable = dc->runnable;
			e->design_day = dc->day < t->by ? t->by : dc->day;
			e->design_condition = r->cond[dc->cond].name;
			e->design_binding = dc->binding;
		}
		for (d = t->by; d <= e->horizon; d++)
			if (r->days[d - r->day0].bad)
				e->fail_days++;
		if (e->ok) {
			/* met on: the day after the last bad day before the date */
			for (d = t->by; d >= r->day0; d--)
				if (r->days[d - r->day0].bad) {
					lastbad = d;
					break;
				}
			e->met_on = lastbad == DATE_NEVER ? r->day0 : lastbad + 1;
			e->met_horizon = e->horizon;
			continue;
		}
		r->targets_ok = 0;
		e->fail_day = bad;
		{
			const struct plan_day *p = &r->days[bad - r->day0];
			size_t	kk = dcheck_at(r, bad, 0);

			e->fail_runnable = p->runnable;
			e->fail_online = p->online;
			e->fail_tdb = p->tdb;
			e->fail_twb = p->twb;
			e->fail_binding = p->binding;
			e->fail_condition = "hottest hour";
			if (p->online < t->gpus) {
				e->reason = PLAN_REASON_DEPLOY;
				e->fail_binding = CAP_INSTALLED;
			} else if (p->runnable < t->gpus)
				e->reason = PLAN_REASON_HOT_HOUR;
			else {
				e->reason = PLAN_REASON_DESIGN;
				e->fail_runnable = r->dchecks[kk].runnable;
				e->fail_binding = r->dchecks[kk].binding;
				e->fail_condition = r->cond[r->dchecks[kk].cond].name;
				e->fail_tdb = r->cond[r->dchecks[kk].cond].tdb;
				e->fail_twb = r->cond[r->dchecks[kk].cond].twb;
			}
			e->shortfall_gpus = fmax(0, t->gpus - e->fail_runnable);
		}
		/* met on: the first later day whose own window holds */
		e->met_on = DATE_NEVER;
		if ((rc = ensure_days(s, w, r, horizon_of(r, r->full +
		    PLAN_LOOKAHEAD_D))) != PLAN_OK)
			return rc;
		mark_days(r, t);
		for (d = t->by + 1; d <= r->full + PLAN_LOOKAHEAD_D; d++) {
			int	h = horizon_of(r, d), b;

			if (r->days[d - r->day0].bad)
				continue;
			b = first_bad(r, d, h);
			if (b == DATE_NEVER) {
				e->met_on = d;
				e->met_horizon = h;
				break;
			}
			d = b;		/* no day up to b can start a good window */
		}
		if ((r->what & PLAN_FIXES) && (rc = plan_fixes(s, w, r, e)) != PLAN_OK)
			return rc;
	}
	return PLAN_OK;
}

/* The first year of operation, watched step by step: the target's GPUs must run
 * there without unserved load or unmet cooling.  Permits count per calendar year:
 * this year's running totals per generator group, and the worst year. */
struct year_watch {
	int	from;
	double	step_s;
	const struct site *site;
	struct plan_result *r;
	int	year, days, last_day;
	double	unit_s[DISPATCH_MAX_GROUPS], nox_kg[DISPATCH_MAX_GROUPS];
};

/* Close a calendar year: keep the worst hours per unit and NOx per group. */
static void
watch_close_year(struct year_watch *y)
{
	struct plan_result *r = y->r;
	double	site_nox = 0;
	size_t	g;

	for (g = 0; g < r->npermits; g++) {
		struct plan_permit *pm = &r->permits[g];
		int	n = y->site->power.gens[g].count;
		double	h = n > 0 ? y->unit_s[g] / n / 3600 : 0;

		if (h > pm->worst_h) {
			pm->worst_h = h;
			pm->worst_h_year = y->year;
			pm->worst_h_days = y->days;
		}
		if (y->nox_kg[g] > pm->worst_nox_kg) {
			pm->worst_nox_kg = y->nox_kg[g];
			pm->worst_nox_year = y->year;
			pm->worst_nox_days = y->days;
		}
		site_nox += y->nox_kg[g];
		y->unit_s[g] = y->nox_kg[g] = 0;
	}
	if (site_nox > r->site_nox_kg) {
		r->site_nox_kg = site_nox;
		r->site_nox_year = y->year;
		r->site_nox_days = y->days;
	}
	y->days = 0;
}

/* The watch's day (a day sink, sim.h): the unserved and unmet hours (from the
 * year's start), the worst unserved step (its power and minute), the groups'
 * unit-seconds and NOx, then cost_day_len doubles of cost_day_step's. */
enum { WD_UNSERVED_H, WD_PEAK_W, WD_PEAK_MINUTE, WD_UNMET_H, WD_GROUPS };

static size_t
watch_acc_n(const struct year_watch *y)
{
	return WD_GROUPS + 2 * y->r->npermits +
	    (y->site->econ != NULL ? cost_day_len(&y->r->cost_acc) : 0);
}

static void
watch_begin(void *vp, int day)
{
	struct year_watch *y = vp;
	int	yr, mo, da;

	date_to_ymd(day, &yr, &mo, &da);
	if (yr != y->year) {
		if (y->year != 0)
			watch_close_year(y);
		y->year = yr;
	}
	y->days++;
	y->last_day = day;
	if (y->site->econ != NULL)
		cost_day_begin(&y->r->cost_acc, day);
}

static void
watch_step(void *vp, double *acc, const struct sim_step *st)
{
	struct year_watch *y = vp;
	struct plan_result *r = y->r;
	size_t	g, np = r->npermits;

	for (g = 0; g < np; g++) {
		acc[WD_GROUPS + g] += st->disp.unit_s[g];
		acc[WD_GROUPS + np + g] += st->disp.nox_group_kg[g];
	}
	if (y->site->econ != NULL)
		cost_day_step(&r->cost_acc, acc + WD_GROUPS + 2 * np, st, y->step_s,
		    st->plant->it.gpus);
	if (st->day < y->from)
		return;
	if (st->disp.unserved_w > DC_UNSERVED_EPS_W) {
		acc[WD_UNSERVED_H] += y->step_s / 3600;
		if (st->disp.unserved_w > acc[WD_PEAK_W]) {
			acc[WD_PEAK_W] = st->disp.unserved_w;
			acc[WD_PEAK_MINUTE] = st->minute;
		}
	}
	if (st->plant->unmet_w > 0)
		acc[WD_UNMET_H] += y->step_s / 3600;
}

static void
watch_end(void *vp, const double *acc, int day)
{
	struct year_watch *y = vp;
	struct plan_result *r = y->r;
	size_t	g, np = r->npermits;

	for (g = 0; g < np; g++) {
		y->unit_s[g] += acc[WD_GROUPS + g];
		y->nox_kg[g] += acc[WD_GROUPS + np + g];
	}
	if (y->site->econ != NULL)
		cost_day_end(&r->cost_acc, acc + WD_GROUPS + 2 * np);
	r->unserved_h += acc[WD_UNSERVED_H];
	if (acc[WD_PEAK_W] > r->peak_unserved_w) {
		r->peak_unserved_w = acc[WD_PEAK_W];
		r->peak_day = day;
		r->peak_minute = (int)acc[WD_PEAK_MINUTE];
	}
	r->unmet_h += acc[WD_UNMET_H];
}

/* What watch_step reads beyond the step: whether the day counts (from the
 * year's start), the groups watched, and what the day's costs read (prices,
 * feed capacities). */
static size_t
watch_fingerprint(void *vp, int day, unsigned char *buf, size_t cap)
{
	struct year_watch *y = vp;
	size_t	n = sizeof(int) + sizeof y->r->npermits, c;
	int	counts = day >= y->from;

	if (n > cap)
		return (size_t)-1;
	memcpy(buf, &counts, sizeof counts);
	memcpy(buf + sizeof counts, &y->r->npermits, sizeof y->r->npermits);
	if (y->site->econ == NULL)
		return n;
	c = cost_day_fingerprint(&y->r->cost_acc, buf + n, cap - n);
	return c == (size_t)-1 ? c : n + c;
}

/* The first year runs the largest target's GPUs from its date (or full
 * deployment, whichever is later); spare racks beyond it stay off. */
static void
plan_year_window(const struct site *s, int full, int *op_from, long *op_gpus)
{
	size_t	i;

	*op_from = full;
	*op_gpus = 0;
	for (i = 0; i < s->ntargets; i++)
		if (s->targets[i].gpus >= *op_gpus) {
			*op_gpus = s->targets[i].gpus;
			*op_from = s->targets[i].by > full ? s->targets[i].by : full;
		}
}

void
plan_window(const struct site *s, int *from, int *to)
{
	long	gpus;
	int	f, t, full, op_from;

	timeline_range(s, &f, &t);
	full = schedule_full_date(s);
	if (full == DATE_NEVER || full == DATE_NONE || full < f)
		full = f;
	plan_year_window(s, full, &op_from, &gpus);
	*from = f;
	*to = op_from + PLAN_WINDOW_D;
}

/* 3. the build and the first year of operation, with dispatch */
static int
plan_year(const struct site *s, const struct weather *w, struct plan_result *r)
{
	struct year_watch yw;
	struct sim_opts so;
	struct sim_day_sink ds;
	size_t	i;
	int	op_from, rc;

	plan_year_window(s, r->full, &op_from, &r->op_gpus);
	memset(&so, 0, sizeof so);
	so.from_day = r->from;
	so.to_day = op_from + PLAN_WINDOW_D;
	so.step_s = s->sim.step_s;
	so.gpu_limit = (double)r->op_gpus;
	r->sim_from = so.from_day;
	r->sim_to = so.to_day;
	r->op_from = op_from;
	r->npermits = s->power.ngens < DISPATCH_MAX_GROUPS ? s->power.ngens :
	    DISPATCH_MAX_GROUPS;
	memset(r->permits, 0, sizeof r->permits);
	memset(&yw, 0, sizeof yw);
	yw.from = r->op_from;
	yw.step_s = so.step_s;
	yw.site = s;
	yw.r = r;
	yw.last_day = DATE_NONE;
	if (s->econ != NULL && cost_begin(&r->cost_acc, s, so.from_day, so.to_day) != 0)
		return PLAN_ENOMEM;
	ds.arg = &yw;
	ds.acc_n = watch_acc_n(&yw);
	if ((ds.acc = calloc(ds.acc_n, sizeof *ds.acc)) == NULL)
		return PLAN_ENOMEM;
	ds.begin = watch_begin;
	ds.step = watch_step;
	ds.end = watch_end;
	ds.fingerprint = watch_fingerprint;
	so.day_sink = &ds;
	rc = sim_run(s, w, &so, NULL, NULL, &r->year);
	free(ds.acc);
	if (rc != 0)
		return PLAN_ESIM;
	watch_close_year(&yw);
	if (s->econ != NULL)
		cost_end(&r->cost_acc, r->year.water_m3, r->year.co2_kg, &r->cost);
	r->permits_ok = 1;
	for (i = 0; i < r->npermits; i++) {
		const struct site_generator *g = &s->power.gens[i];
		struct plan_permit *pm = &r->permits[i];

		pm->gen = g;
		pm->max_running = r->year.gen_max_running[i];
		pm->hours_ok = !(g->max_hours_s > 0 &&
		    pm->worst_h > g->max_hours_s / 3600 + 1e-6);
		pm->nox_ok = !(g->max_nox_kg > 0 &&
		    pm->worst_nox_kg > g->max_nox_kg * (1 + 1e-9));
		pm->running_ok = !(g->max_running > 0 && pm->max_running > g->max_running);
		pm->ok = pm->hours_ok && pm->nox_ok && pm->running_ok;
		pm->title_v = pm->worst_nox_kg > PLAN_TITLE_V_NOX_KG;
		if (!pm->ok)
			r->permits_ok = 0;
	}
	r->site_title_v = r->site_nox_kg > PLAN_TITLE_V_NOX_KG;
	r->supply_ok = !(r->unserved_h > 0);
	r->cooling_ok = !(r->unmet_h > 0);
	return PLAN_OK;
}

/* The delay of each target: GPU-hours short day by day from its date to the day
 * before it is met, on the plan's own timeline (the days the verdict read), and
 * their value at the site's GPU-hour price.  Only for a site with prices. */
static int
plan_delays(const struct site *s, const struct weather *w, struct plan_result *r)
{
	size_t	i;
	int	rc, d;

	if (s->econ == NULL)
		return PLAN_OK;
	for (i = 0; i < r->ntargets; i++) {
		struct plan_target *t = &r->targets[i];
		double	g = (double)t->target->gpus;
		int	last = t->met_on != DATE_NEVER && t->met_on != DATE_NONE ?
		    t->met_on - 1 : (r->full != DATE_NEVER && r->full != DATE_NONE ?
		    r->full : r->to) + PLAN_LOOKAHEAD_D;

		t->delay_gpu_h = 0;
		t->delay_cost = NAN;
		if (!t->ok) {
			if ((rc = ensure_days(s, w, r, last)) != PLAN_OK)
				return rc;
			for (d = t->target->by; d <= last; d++) {
				double	run = r->days[d - r->day0].runnable;

				if (run < g)
					t->delay_gpu_h += (g - run) * 24;
			}
		}
		if (isfinite(s->econ->gpu_hour))
			t->delay_cost = t->delay_gpu_h * s->econ->gpu_hour;
	}
	return PLAN_OK;
}

int
plan_run(const struct site *s, const struct weather *w, int what, struct plan_result *r)
{
	struct plan_result keep = *r;
	size_t	i;
	int	rc;

	/* empty the result but keep its arrays for reuse */
	memset(r, 0, sizeof *r);
	r->targets = keep.targets;
	r->targets_cap = keep.targets_cap;
	r->days = keep.days;
	r->days_cap = keep.days_cap;
	r->changes = keep.changes;
	r->changes_cap = keep.changes_cap;
	r->dchecks = keep.dchecks;
	r->dchecks_cap = keep.dchecks_cap;
	r->cost_acc = keep.cost_acc;
	r->what = what;
	timeline_range(s, &r->from, &r->to);
	r->full = schedule_full_date(s);
	if (r->full == DATE_NEVER || r->full == DATE_NONE || r->full < r->from)
		r->full = r->from;
	r->day0 = r->from;
	for (i = 0; i < s->ntargets; i++)
		if (s->targets[i].by < r->day0)
			r->day0 = s->targets[i].by;
	r->feasible = 1;
	r->targets_ok = 1;
	r->permits_ok = r->supply_ok = r->cooling_ok = 1;
	if ((rc = plan_changes(s, r)) != PLAN_OK)
		return rc;
	/* the design conditions are needed by the targets too */
	if ((what & (PLAN_DESIGN | PLAN_TARGETS)) && (rc = plan_design(s, w, r)) != PLAN_OK)
		return rc;
	if ((what & PLAN_TARGETS) && s->ntargets > 0 &&
	    (rc = plan_targets(s, w, r)) != PLAN_OK)
		return rc;
	if ((what & PLAN_TARGETS) && (rc = plan_delays(s, w, r)) != PLAN_OK)
		return rc;
	if ((what & PLAN_YEAR) && (rc = plan_year(s, w, r)) != PLAN_OK)
		return rc;
	r->feasible = r->targets_ok && r->permits_ok && r->supply_ok && r->cooling_ok;
	return PLAN_OK;
}
