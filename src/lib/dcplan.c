/*
 * dcplan.c - libdcplan: the public API of include/dcplan.h over the input layer
 * and the engine.  Only the dc_ functions are exported (src/lib/lib.am:
 * -export-symbols-regex); everything else stays inside the library.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "dcplan.h"

#include "capacity.h"
#include "date.h"
#include "diag.h"
#include "plan.h"
#include "risk.h"
#include "stats.h"
#include "sim.h"
#include "supply.h"
#include "site.h"
#include "site_load.h"
#include "site_weather.h"
#include "status.h"
#include "weather.h"

struct dc_site {
	struct site site;
	struct weather wx;
};

struct dc_diags {
	struct diags d;
	enum dc_level *levels;
	const char **msgs;	/* into d's messages, past any level prefix */
};

static atomic_int dc_initialised;

/* Run the caller in the C locale for numbers, whatever the program's locale
 * (uselocale() is per thread, so other threads are not affected). */
struct c_locale {
	locale_t loc, old;
};

static void
c_locale_enter(struct c_locale *l)
{
	l->loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	l->old = l->loc != (locale_t)0 ? uselocale(l->loc) : (locale_t)0;
}

static void
c_locale_leave(struct c_locale *l)
{
	if (l->loc != (locale_t)0) {
		uselocale(l->old);
		freelocale(l->loc);
	}
}

const char *
dc_version(void)
{
	return PACKAGE_VERSION;
}

const char *
dc_strerror(int status)
{
	return status_str(status);
}

int
dc_init(void)
{
	if (!atomic_exchange(&dc_initialised, 1))
		gsl_set_error_handler_off();
	return DC_OK;
}

size_t
dc_diags_count(const dc_diags *d)
{
	return d != NULL ? d->d.n : 0;
}

int
dc_diags_get(const dc_diags *d, size_t i, struct dc_diag *out)
{
	if (d == NULL || i >= d->d.n || out == NULL)
		return DC_EINVAL;
	out->file = d->d.v[i].file;
	out->line = d->d.v[i].line;
	out->column = d->d.v[i].col;
	out->level = d->levels[i];
	out->message = d->msgs[i];
	return DC_OK;
}

void
dc_diags_free(dc_diags *d)
{
	if (d == NULL)
		return;
	diags_release(&d->d);
	free(d->levels);
	free(d->msgs);
	free(d);
}

/* Hand the loader's diagnostics to the caller, with their levels. */
static int
take_diags(struct diags *src, dc_diags **out)
{
	dc_diags *d;
	size_t	i;

	if (out == NULL) {
		diags_release(src);
		return DC_OK;
	}
	*out = NULL;
	if ((d = calloc(1, sizeof *d)) == NULL)
		goto oom;
	d->d = *src;
	memset(src, 0, sizeof *src);
	if (d->d.n > 0 && ((d->levels = calloc(d->d.n, sizeof *d->levels)) == NULL ||
	    (d->msgs = calloc(d->d.n, sizeof *d->msgs)) == NULL)) {
		dc_diags_free(d);
		return DC_ENOMEM;
	}
	for (i = 0; i < d->d.n; i++) {
		const char *m = d->d.v[i].msg;

		switch (d->d.v[i].level) {
		case DIAG_NOTE:
			d->levels[i] = DC_LEVEL_NOTE;
			m += 6;
			break;
		case DIAG_WARNING:
			d->levels[i] = DC_LEVEL_WARNING;
			m += 9;
			break;
		default:
			d->levels[i] = DC_LEVEL_ERROR;
		}
		d->msgs[i] = m;
	}
	*out = d;
	return DC_OK;
oom:
	diags_release(src);
	return DC_ENOMEM;
}

int
dc_site_load(const char *path, const struct dc_load_options *opt, dc_site **out,
    dc_diags **diags)
{
	struct site_opts so;
	struct diags d;
	struct c_locale cl;
	dc_site *ds;
	char	err[1024];
	int	rc, io = 0, st;

	dc_init();
	if (out == NULL || path == NULL)
		return DC_EINVAL;
	*out = NULL;
	if (diags != NULL)
		*diags = NULL;
	if ((ds = calloc(1, sizeof *ds)) == NULL)
		return DC_ENOMEM;
	memset(&so, 0, sizeof so);
	memset(&d, 0, sizeof d);
	if (opt != NULL) {
		so.model_dirs = opt->model_dirs;
		so.n_model_dirs = opt->n_model_dirs;
		so.sets = opt->overrides;
		so.nsets = opt->n_overrides;
	}
	c_locale_enter(&cl);
	rc = site_load(path, &so, &ds->site, &d);
	if (rc == 0 && site_weather_io(&ds->site, &ds->wx, err, sizeof err, &io) != 0) {
		diags_add(&d, ds->site.climate.weather_file != NULL ?
		    ds->site.climate.weather_file : path, 0, 0, "%s", err);
		rc = io ? -2 : -1;
	}
	c_locale_leave(&cl);
	st = d.oom ? DC_ENOMEM : rc == 0 ? DC_OK : rc == -2 ? DC_EIO : DC_EINVAL;
	if (take_diags(&d, diags) != DC_OK && st == DC_OK)
		st = DC_ENOMEM;
	if (st != DC_OK) {
		weather_release(&ds->wx);
		site_release(&ds->site);
		free(ds);
		return st;
	}
	*out = ds;
	return DC_OK;
}

void
dc_site_free(dc_site *ds)
{
	if (ds == NULL)
		return;
	weather_release(&ds->wx);
	site_release(&ds->site);
	free(ds);
}

const char *
dc_site_name(const dc_site *ds)
{
	return ds != NULL ? ds->site.name : NULL;
}

long
dc_site_gpus(const dc_site *ds)
{
	return ds != NULL ? site_total_gpus(&ds->site) : 0;
}

size_t
dc_site_ntargets(const dc_site *ds)
{
	return ds != NULL ? ds->site.ntargets : 0;
}

static int
plan_status(int st)
{
	return st == PLAN_OK ? DC_OK : st == PLAN_ENOMEM ? DC_ENOMEM : DC_EDOM;
}

int
dc_capacity(const dc_site *ds, struct dc_capacity *out)
{
	struct plan_result p;
	struct c_locale cl;
	int	st;

	if (ds == NULL || out == NULL)
		return DC_EINVAL;
	memset(out, 0, sizeof *out);
	plan_result_init(&p);
	c_locale_enter(&cl);
	st = plan_run(&ds->site, &ds->wx, PLAN_DESIGN, &p);
	c_locale_leave(&cl);
	if (st == PLAN_OK) {
		date_format(p.cap_day, out->date);
		out->gpus_installed = p.gpus_installed;
		out->gpus_max = p.design.max_gpus;
		out->binding = cap_constraint_name(p.design.binding);
		out->condition = p.design.binding_condition;
	}
	plan_result_release(&p);
	return plan_status(st);
}

int
dc_plan_run(const dc_site *ds, struct dc_plan *out)
{
	struct plan_result p;
	struct c_locale cl;
	size_t	i;
	int	st;

	if (ds == NULL || out == NULL)
		return DC_EINVAL;
	memset(out, 0, sizeof *out);
	plan_result_init(&p);
	c_locale_enter(&cl);
	st = plan_run(&ds->site, &ds->wx, PLAN_ALL, &p);
	c_locale_leave(&cl);
	if (st != PLAN_OK)
		goto done;
	if (p.ntargets > 0 &&
	    (out->targets = calloc(p.ntargets, sizeof *out->targets)) == NULL) {
		st = PLAN_ENOMEM;
		goto done;
	}
	out->ntargets = p.ntargets;
	for (i = 0; i < p.ntargets; i++) {
		const struct plan_target *t = &p.targets[i];
		struct dc_target *o = &out->targets[i];

		o->name = t->target->name;
		o->gpus = t->target->gpus;
		date_format(t->target->by, o->by);
		o->ok = t->ok;
		if (t->met_on != DATE_NEVER && t->met_on != DATE_NONE)
			date_format(t->met_on, o->met_on);
		o->runnable = t->at_by.gpus_runnable;
		o->shortfall = t->shortfall_gpus;
		/* a failing target: what binds on its first failing day; a met one:
		 * what binds on its date */
		if (!t->ok)
			o->binding = t->reason == PLAN_REASON_DEPLOY ? "deployment" :
			    cap_constraint_name(t->fail_binding);
		else
			o->binding = t->at_by.gpus_runnable < t->at_by.gpus_online ?
			    cap_constraint_name(t->at_by.binding) : "deployment";
	}
	out->feasible = p.feasible;
	out->gpus_installed = p.gpus_installed;
	out->design_gpus_max = p.design.max_gpus;
	out->design_binding = cap_constraint_name(p.design.binding);
	date_format(p.sim_from, out->sim_from);
	date_format(p.sim_to, out->sim_to);
	out->it_energy_j = p.year.e_it;
	out->facility_energy_j = p.year.e_facility;
	out->pue = p.year.e_it > 0 ? p.year.e_facility / p.year.e_it : 0;
	out->peak_facility_w = p.year.peak_facility_w;
	out->water_m3 = p.year.water_m3;
	out->grid_energy_j = p.year.e_grid;
	out->generator_energy_j = p.year.e_gen;
	out->unserved_energy_j = p.year.e_unserved;
	out->co2_kg = p.year.co2_kg;
	out->nox_kg = p.year.nox_kg;
done:
	plan_result_release(&p);
	if (st != PLAN_OK)
		dc_plan_release(out);
	return plan_status(st);
}

void
dc_plan_release(struct dc_plan *p)
{
	if (p == NULL)
		return;
	free(p->targets);
	memset(p, 0, sizeof *p);
}

int
dc_simulate(const dc_site *ds, const struct dc_sim_options *o,
    struct dc_sim_summary *out)
{
	struct sim_opts so;
	struct sim_summary su;
	struct c_locale cl;
	char	err[128], day[11];
	int	st, from = DATE_NONE, to = DATE_NONE;

	if (ds == NULL || out == NULL)
		return DC_EINVAL;
	memset(out, 0, sizeof *out);
	if (o != NULL && ((o->from != NULL && date_parse(o->from, &from, err,
	    sizeof err) != 0) || (o->to != NULL && date_parse(o->to, &to, err,
	    sizeof err) != 0)))
		return DC_EINVAL;
	if (o != NULL && o->step_s != 0 && o->step_s != 3600 && o->step_s != 900)
		return DC_EINVAL;
	if (from == DATE_NONE || to == DATE_NONE) {
		int	wf, wt;

		plan_window(&ds->site, &wf, &wt);	/* the plan's window */
		if (from == DATE_NONE)
			from = wf;
		if (to == DATE_NONE)
			to = wt;
	}
	if (to < from)
		return DC_EINVAL;
	memset(&so, 0, sizeof so);
	so.from_day = from;
	so.to_day = to;
	so.step_s = o != NULL && o->step_s != 0 ? o->step_s : ds->site.sim.step_s;
	so.full_fleet = o != NULL && o->full;
	if (so.full_fleet && supply_finished_day(&ds->site) != DATE_NONE)
		so.equip_day = supply_finished_day(&ds->site);	/* the finished site */
	c_locale_enter(&cl);
	st = sim_run(&ds->site, &ds->wx, &so, NULL, NULL, &su);
	c_locale_leave(&cl);
	if (st != 0)
		return DC_EDOM;
	date_format(from, out->from);
	date_format(to, out->to);
	out->hours = su.hours;
	out->it_energy_j = su.e_it;
	out->facility_energy_j = su.e_facility;
	out->pue = su.e_it > 0 ? su.e_facility / su.e_it : 0;
	out->peak_facility_w = su.peak_facility_w;
	date_format(su.peak_day, day);
	snprintf(out->peak_time, sizeof out->peak_time, "%.10sT%02d:%02d", day,
	    (su.peak_minute / 60 % 24 + 24) % 24, (su.peak_minute % 60 + 60) % 60);
	out->water_m3 = su.water_m3;
	out->evaporation_m3 = su.evap_m3;
	out->unmet_cooling_h = su.unmet_hours;
	out->grid_energy_j = su.e_grid;
	out->generator_energy_j = su.e_gen;
	out->battery_energy_j = su.e_batt_out;
	out->unserved_energy_j = su.e_unserved;
	out->unserved_h = su.unserved_hours;
	out->fuel_j = su.fuel_j;
	out->co2_kg = su.co2_kg;
	out->nox_kg = su.nox_kg;
	return DC_OK;
}

/* The p-quantile of a target's met date, "" when never (as dcplan risk). */
static void
risk_quantile(const struct risk_target_acc *t, double p, char buf[11])
{
	uint64_t n = t->days.total, need;

	need = (uint64_t)ceil(p * (double)n - 1e-9);
	if (need < 1)
		need = 1;
	buf[0] = '\0';
	if (n == 0 || need > n - t->never)
		return;
	date_format(day_hist_quantile(&t->days, p), buf);
}

int
dc_risk_run(const dc_site *ds, const struct dc_risk_options *o, struct dc_risk *out)
{
	struct risk_model rm;
	struct risk_acc acc;
	struct c_locale cl;
	uint64_t trials = o != NULL && o->trials > 0 ? o->trials : 10000;
	uint64_t seed = o != NULL && o->seed > 0 ? o->seed : 20240902ULL;
	size_t	i;
	int	st = DC_OK;

	if (ds == NULL || out == NULL)
		return DC_EINVAL;
	memset(out, 0, sizeof *out);
	memset(&rm, 0, sizeof rm);
	memset(&acc, 0, sizeof acc);
	c_locale_enter(&cl);
	if (risk_model_init(&rm, &ds->site, &ds->wx) != 0) {
		c_locale_leave(&cl);
		return DC_EDOM;
	}
	if (risk_acc_init(&acc, ds->site.ntargets, rm.ninputs, rm.ngroups) != 0)
		st = DC_ENOMEM;
	else if (risk_run(&rm, seed, 0, trials, 1, 1, o != NULL ? o->threads : 0, &acc,
	    NULL, NULL) != 0)
		st = DC_EDOM;
	c_locale_leave(&cl);
	if (st == DC_OK && ds->site.ntargets > 0 &&
	    (out->targets = calloc(ds->site.ntargets, sizeof *out->targets)) == NULL)
		st = DC_ENOMEM;
	if (st == DC_OK) {
		out->trials = acc.trials;
		out->seed = seed;
		out->ntargets = ds->site.ntargets;
		for (i = 0; i < out->ntargets; i++) {
			const struct risk_target_acc *t = &acc.t[i];
			struct dc_risk_target *d = &out->targets[i];

			d->name = ds->site.targets[i].name;
			d->p_met = stat_mean(&t->met);
			d->p_met_se = stat_se(&t->met);
			risk_quantile(t, 0.1, d->p10);
			risk_quantile(t, 0.5, d->p50);
			risk_quantile(t, 0.8, d->p80);
			risk_quantile(t, 0.9, d->p90);
			d->mean_delay_d = t->delay.n > 0 ? stat_mean(&t->delay) : 0;
		}
		out->lole_h = stat_mean(&acc.lole_h);
		out->lole_h_se = stat_se(&acc.lole_h);
		out->eue_wh = stat_mean(&acc.eue_wh);
		out->eue_wh_se = stat_se(&acc.eue_wh);
		out->unmet_cooling_h = stat_mean(&acc.unmet_cool_h);
	}
	risk_acc_release(&acc);
	risk_model_release(&rm);
	return st;
}

void
dc_risk_release(struct dc_risk *r)
{
	if (r == NULL)
		return;
	free(r->targets);
	memset(r, 0, sizeof *r);
}
