/*
 * plan.c - the verdict as data (see plan.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
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

/* The fix of a failing target. */
static void
plan_fix(const struct site *s, struct plan_target *e)
{
	const struct site_target *t = e->target;

	if (e->ok) {
		e->fix = PLAN_FIX_NONE;
		return;
	}
	if (e->at_by.gpus_online < t->gpus) {
		e->fix = PLAN_FIX_DEPLOY;
		e->racks_short = (long)ceil((t->gpus - e->at_by.gpus_online) /
		    gpus_per_rack(s));
	} else if (e->at_by.binding == CAP_SUPPLY)
		e->fix = PLAN_FIX_SUPPLY;
	else
		e->fix = PLAN_FIX_OTHER;
}

/* 2. all targets against one pass of the timeline from `from` (stopping when
 * every target is met or at the look-ahead), then each on its own date */
static int
plan_targets(const struct site *s, const struct weather *w, struct plan_result *r)
{
	struct tl_day d, prev;
	size_t	i, left = s->ntargets;
	int	day, last;

	if (s->ntargets > r->targets_cap) {
		struct plan_target *p = realloc(r->targets, s->ntargets * sizeof *p);

		if (p == NULL)
			return PLAN_ENOMEM;
		r->targets = p;
		r->targets_cap = s->ntargets;
	}
	r->ntargets = s->ntargets;
	if (s->ntargets > 0)
		memset(r->targets, 0, s->ntargets * sizeof *r->targets);
	for (i = 0; i < s->ntargets; i++) {
		r->targets[i].target = &s->targets[i];
		r->targets[i].met_on = DATE_NEVER;
	}
	last = (r->full != DATE_NEVER && r->full != DATE_NONE ? r->full : r->to) +
	    PLAN_LOOKAHEAD_D;
	for (day = r->from; day <= last && left > 0; day++) {
		if (timeline_next(s, w, day, day > r->from ? &prev : NULL, &d) != 0)
			return PLAN_ETIMELINE;
		prev = d;
		for (i = 0; i < s->ntargets; i++)
			if (r->targets[i].met_on == DATE_NEVER &&
			    d.gpus_runnable >= s->targets[i].gpus) {
				r->targets[i].met_on = day;
				left--;
			}
	}
	for (i = 0; i < s->ntargets; i++) {
		const struct site_target *t = &s->targets[i];
		struct plan_target *e = &r->targets[i];

		if (timeline_day(s, w, t->by, &e->at_by) != 0)
			return PLAN_ETIMELINE;
		e->extra_supply_w = timeline_demand_w(s, w, t->by, fmin((double)t->gpus,
		    (double)e->at_by.gpus_online)) - (e->at_by.grid_w + e->at_by.gen_w);
		if (!(e->extra_supply_w > 0))
			e->extra_supply_w = 0;
		e->ok = e->met_on != DATE_NEVER && e->met_on <= t->by;
		e->shortfall_gpus = fmax(0, t->gpus - e->at_by.gpus_runnable);
		e->deployment_binds = !(e->at_by.gpus_runnable < e->at_by.gpus_online);
		e->binding = e->deployment_binds ? CAP_INSTALLED : e->at_by.binding;
		plan_fix(s, e);
	}
	return PLAN_OK;
}

/* The first year after full deployment, watched step by step: the fleet must run
 * there without unserved load or unmet cooling.  Permits count per calendar
 * year: this year's running totals per generator group, and the worst year. */
struct year_watch {
	int	from;
	double	step_s;
	const struct site *site;
	struct plan_result *r;
	int	year;
	double	unit_s[DISPATCH_MAX_GROUPS], nox_kg[DISPATCH_MAX_GROUPS];
};

/* Close a calendar year: keep the worst hours per unit and NOx per group. */
static void
watch_close_year(struct year_watch *y)
{
	size_t	g;

	for (g = 0; g < y->r->npermits; g++) {
		struct plan_permit *pm = &y->r->permits[g];
		int	n = y->site->power.gens[g].count;
		double	h = n > 0 ? y->unit_s[g] / n / 3600 : 0;

		if (h > pm->worst_h) {
			pm->worst_h = h;
			pm->worst_h_year = y->year;
		}
		if (y->nox_kg[g] > pm->worst_nox_kg) {
			pm->worst_nox_kg = y->nox_kg[g];
			pm->worst_nox_year = y->year;
		}
		y->unit_s[g] = y->nox_kg[g] = 0;
	}
}

static int
watch_step(void *vp, const struct sim_step *st)
{
	struct year_watch *y = vp;
	struct plan_result *r = y->r;
	size_t	g;
	int	yr, mo, da;

	date_to_ymd(st->day, &yr, &mo, &da);
	if (yr != y->year) {
		if (y->year != 0)
			watch_close_year(y);
		y->year = yr;
	}
	for (g = 0; g < r->npermits; g++) {
		y->unit_s[g] += st->disp.unit_s[g];
		y->nox_kg[g] += st->disp.nox_group_kg[g];
	}
	if (st->day < y->from)
		return 0;
	if (st->disp.unserved_w > 1e-3) {
		r->unserved_h += y->step_s / 3600;
		if (st->disp.unserved_w > r->peak_unserved_w) {
			r->peak_unserved_w = st->disp.unserved_w;
			r->peak_day = st->day;
			r->peak_minute = st->minute;
		}
	}
	if (st->plant.unmet_w > 0)
		r->unmet_h += y->step_s / 3600;
	return 0;
}

/* 3. the build and the first year after full deployment, with dispatch */
static int
plan_year(const struct site *s, const struct weather *w, struct plan_result *r)
{
	struct year_watch yw;
	struct sim_opts so;
	size_t	i;

	memset(&so, 0, sizeof so);
	so.from_day = r->from;
	so.to_day = (r->full != DATE_NEVER && r->full != DATE_NONE ? r->full : r->from) +
	    364;
	so.step_s = s->sim.step_s;
	r->sim_from = so.from_day;
	r->sim_to = so.to_day;
	r->op_from = so.to_day - 364;
	r->npermits = s->power.ngens < DISPATCH_MAX_GROUPS ? s->power.ngens :
	    DISPATCH_MAX_GROUPS;
	memset(r->permits, 0, sizeof r->permits);
	memset(&yw, 0, sizeof yw);
	yw.from = r->op_from;
	yw.step_s = so.step_s;
	yw.site = s;
	yw.r = r;
	if (sim_run(s, w, &so, watch_step, &yw, &r->year) != 0)
		return PLAN_ESIM;
	watch_close_year(&yw);
	for (i = 0; i < r->npermits; i++) {
		const struct site_generator *g = &s->power.gens[i];
		struct plan_permit *pm = &r->permits[i];

		pm->gen = g;
		pm->max_running = r->year.gen_max_running[i];
		pm->hours_ok = !(g->max_hours_s > 0 &&
		    pm->worst_h > g->max_hours_s / 3600 + 1e-6);
		pm->nox_ok = !(g->max_nox_kg > 0 &&
		    pm->worst_nox_kg / 1e3 * 1e3 > g->max_nox_kg * (1 + 1e-9));
		pm->running_ok = !(g->max_running > 0 && pm->max_running > g->max_running);
		pm->ok = pm->hours_ok && pm->nox_ok && pm->running_ok;
	}
	r->supply_ok = !(r->unserved_h > 0);
	r->cooling_ok = !(r->unmet_h > 0);
	return PLAN_OK;
}

int
plan_run(const struct site *s, const struct weather *w, int what, struct plan_result *r)
{
	struct plan_target *keep = r->targets;
	size_t	keep_cap = r->targets_cap, i;
	int	rc;

	/* empty the result but keep its arrays for reuse */
	memset(r, 0, sizeof *r);
	r->targets = keep;
	r->targets_cap = keep_cap;
	r->what = what;
	timeline_range(s, &r->from, &r->to);
	r->full = schedule_full_date(s);
	r->feasible = 1;
	if ((what & PLAN_DESIGN) && (rc = plan_design(s, w, r)) != PLAN_OK)
		return rc;
	if ((what & PLAN_TARGETS) && s->ntargets > 0 &&
	    (rc = plan_targets(s, w, r)) != PLAN_OK)
		return rc;
	for (i = 0; i < r->ntargets; i++)
		if (!r->targets[i].ok)
			r->feasible = 0;
	if (what & PLAN_YEAR) {
		if ((rc = plan_year(s, w, r)) != PLAN_OK)
			return rc;
		for (i = 0; i < r->npermits; i++)
			if (!r->permits[i].ok)
				r->feasible = 0;
		if (!r->supply_ok || !r->cooling_ok)
			r->feasible = 0;
	}
	return PLAN_OK;
}
