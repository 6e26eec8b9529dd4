/*
 * cmd-plan.c - "dcplan plan SITE": the main job.  Capacity at design conditions, the
 * build timeline, the annual simulation, and a verdict on every target:
 * FEASIBLE (exit 0) or INFEASIBLE (exit 1), with what binds, when, by how much, and
 * what would fix it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capacity.h"
#include "cmd.h"
#include "date.h"
#include "dispatch.h"
#include "output.h"
#include "schedule.h"
#include "sim.h"
#include "site.h"
#include "site_load.h"
#include "site_weather.h"
#include "supply.h"
#include "timeline.h"

/* How far past full deployment plan looks for the date a target is met. */
#define PLAN_LOOKAHEAD_D 730

struct target_eval {
	int	met_on;			/* DATE_NEVER if not within the look-ahead */
	struct tl_day at_by;		/* the timeline on the target date */
	double	extra_supply_w;		/* supply that would carry the target on `by` */
};

/* Facility power with `gpus` running on a day at its hot hour. */
static double
demand_for(const struct site *s, const struct weather *w, int day, double gpus)
{
	struct plant_cfg cfg;
	struct it_load it;
	struct plant_result pr;
	struct wx_point wx;

	weather_day_peak(w, (int)(sim_hour_of_year(day, 0) / 24), &wx);
	plant_cfg_init(&cfg, s, day);
	it_load_gpus(s, gpus, s->it.utilization, s->it.gpu_power_cap, &it);
	if (plant_eval(&cfg, &it, wx.tdb, fmin(wx.twb, wx.tdb), wx.p > 0 ? wx.p :
	    site_pressure(s), &pr) != 0)
		return NAN;
	return pr.facility_w;
}

static const char *
days_word(int n)
{
	return n == 1 || n == -1 ? "day" : "days";
}

/* "14.1 MW", or "40 kW" below a megawatt */
static void
fmt_power(char *buf, size_t len, double w)
{
	if (w >= 1e6)
		snprintf(buf, len, "%.1f MW", w / 1e6);
	else
		snprintf(buf, len, "%.0f kW", ceil(w / 1e3));
}

/* GPUs per rack over the whole deployment */
static double
gpus_per_rack(const struct site *s)
{
	long	racks = site_total_racks(s);

	return racks > 0 ? (double)site_total_gpus(s) / (double)racks : 1;
}

/* All targets against one pass of the timeline from `first` (stopping when every
 * target is met or at `last`), then each on its own date. */
static int
eval_targets(const struct site *s, const struct weather *w, int first, int last,
    struct target_eval *ev)
{
	struct tl_day d, prev;
	size_t	i, left = s->ntargets;
	int	day;

	for (i = 0; i < s->ntargets; i++)
		ev[i].met_on = DATE_NEVER;
	for (day = first; day <= last && left > 0; day++) {
		if (timeline_next(s, w, day, day > first ? &prev : NULL, &d) != 0)
			return -1;
		prev = d;
		for (i = 0; i < s->ntargets; i++)
			if (ev[i].met_on == DATE_NEVER &&
			    d.gpus_runnable >= s->targets[i].gpus) {
				ev[i].met_on = day;
				left--;
			}
	}
	for (i = 0; i < s->ntargets; i++) {
		const struct site_target *t = &s->targets[i];
		struct target_eval *e = &ev[i];

		if (timeline_day(s, w, t->by, &e->at_by) != 0)
			return -1;
		e->extra_supply_w = demand_for(s, w, t->by, fmin((double)t->gpus,
		    (double)e->at_by.gpus_online)) - (e->at_by.grid_w + e->at_by.gen_w);
		if (!(e->extra_supply_w > 0))
			e->extra_supply_w = 0;
	}
	return 0;
}

/* The first year after full deployment, watched step by step: the fleet must run
 * there without unserved load or unmet cooling. */
struct year_watch {
	int	from;
	double	step_s;
	double	unserved_h, unmet_h, peak_unserved_w;
	int	peak_day, peak_minute;
	/* permits count per calendar year: this year's running totals per generator
	 * group, and the worst year so far */
	const struct site *site;
	int	year;
	double	unit_s[DISPATCH_MAX_GROUPS], nox_kg[DISPATCH_MAX_GROUPS];
	double	worst_h[DISPATCH_MAX_GROUPS], worst_nox_kg[DISPATCH_MAX_GROUPS];
	int	worst_h_year[DISPATCH_MAX_GROUPS], worst_nox_year[DISPATCH_MAX_GROUPS];
};

/* Close a calendar year: keep the worst hours per unit and NOx per group. */
static void
watch_close_year(struct year_watch *y)
{
	size_t	g;

	for (g = 0; g < y->site->power.ngens && g < DISPATCH_MAX_GROUPS; g++) {
		int	n = y->site->power.gens[g].count;
		double	h = n > 0 ? y->unit_s[g] / n / 3600 : 0;

		if (h > y->worst_h[g]) {
			y->worst_h[g] = h;
			y->worst_h_year[g] = y->year;
		}
		if (y->nox_kg[g] > y->worst_nox_kg[g]) {
			y->worst_nox_kg[g] = y->nox_kg[g];
			y->worst_nox_year[g] = y->year;
		}
		y->unit_s[g] = y->nox_kg[g] = 0;
	}
}

static int
watch_step(void *vp, const struct sim_step *st)
{
	struct year_watch *y = vp;
	size_t	g;
	int	yr, mo, da;

	date_to_ymd(st->day, &yr, &mo, &da);
	if (yr != y->year) {
		if (y->year != 0)
			watch_close_year(y);
		y->year = yr;
	}
	for (g = 0; g < y->site->power.ngens && g < DISPATCH_MAX_GROUPS; g++) {
		y->unit_s[g] += st->disp.unit_s[g];
		y->nox_kg[g] += st->disp.nox_group_kg[g];
	}
	if (st->day < y->from)
		return 0;
	if (st->disp.unserved_w > 1e-3) {
		y->unserved_h += y->step_s / 3600;
		if (st->disp.unserved_w > y->peak_unserved_w) {
			y->peak_unserved_w = st->disp.unserved_w;
			y->peak_day = st->day;
			y->peak_minute = st->minute;
		}
	}
	if (st->plant.unmet_w > 0)
		y->unmet_h += y->step_s / 3600;
	return 0;
}

static int
cmd_plan_exec(struct cmd_ctx *c)
{
	struct year_watch yw;
	struct target_eval *tev = NULL;
	char	pw[32];
	struct cmd_job j;
	struct design_conditions dc;
	struct plant_cfg cfg;
	struct cap_condition cond[2];
	struct cap_result cr;
	struct sim_opts so;
	struct sim_summary su;
	struct report *r;
	char	title[512], a[16], b[16], line[512];
	int	rc, from, to, full, feasible = 1, cap_day;
	size_t	i;
	double	installed;

	if ((rc = cmd_job_load(c, &j)) != EXIT_OK)
		return rc;
	dc = j.wx.design;
	if (j.site.ntargets > 0 && (tev = calloc(j.site.ntargets, sizeof *tev)) == NULL) {
		cmd_error(c, "out of memory");
		cmd_job_free(&j);
		return EXIT_IO;
	}
	timeline_range(&j.site, &from, &to);
	full = schedule_full_date(&j.site);
	snprintf(title, sizeof title, "%s: plan for %s", j.site.name, c->pos[0]);
	r = report_new("dcplan.plan/1", title);

	/* 1. capacity of the finished site at ASHRAE design conditions */
	cap_day = to;
	capacity_design_conditions(&dc, site_pressure(&j.site), cond);
	plant_cfg_init(&cfg, &j.site, cap_day);
	installed = (double)site_total_gpus(&j.site);
	if (capacity_solve(&cfg, cond, 2, installed, j.site.it.utilization,
	    j.site.it.gpu_power_cap, &cr) != 0) {
		cmd_error(c, "the capacity solver failed");
		goto fail;
	}
	date_format(cap_day, a);
	report_section(r, "design", "Capacity at ASHRAE design conditions");
	report_str(r, "date", "equipment in service on", a);
	report_int(r, "gpus_installed", "GPUs installed", (long)installed, "");
	report_int(r, "gpus_runnable", "GPUs that can run", (long)cr.max_gpus, "");
	report_str(r, "binding", "binding constraint", cap_constraint_name(cr.binding));
	if (cr.binding != CAP_INSTALLED)
		report_str(r, "binding_condition", "  at", cr.binding_condition);

	/* 2. targets against the timeline */
	report_section(r, "targets", "Targets");
	if (j.site.ntargets > 0 && eval_targets(&j.site, &j.wx, from,
	    (full != DATE_NEVER && full != DATE_NONE ? full : to) + PLAN_LOOKAHEAD_D,
	    tev) != 0) {
		cmd_error(c, "the plant model failed");
		goto fail;
	}
	for (i = 0; i < j.site.ntargets; i++) {
		const struct site_target *t = &j.site.targets[i];
		struct target_eval e = tev[i];
		char	key[96];

		date_format(t->by, a);
		snprintf(key, sizeof key, "target_%zu", i + 1);
		if (e.met_on != DATE_NEVER && e.met_on <= t->by) {
			date_format(e.met_on, b);
			snprintf(line, sizeof line, "OK    %s: %d GPUs by %s - met on %s "
			    "(%d %s early)", t->name, t->gpus, a, b, t->by - e.met_on,
			    days_word(t->by - e.met_on));
			report_str(r, key, t->name, line);
			continue;
		}
		feasible = 0;
		snprintf(line, sizeof line, "FAIL  %s: %d GPUs by %s - on that day %.0f "
		    "can run (%.0f online): short by %.0f GPUs; %s binds", t->name,
		    t->gpus, a, e.at_by.gpus_runnable, (double)e.at_by.gpus_online,
		    t->gpus - e.at_by.gpus_runnable,
		    e.at_by.gpus_runnable < e.at_by.gpus_online ?
		    cap_constraint_name(e.at_by.binding) : "deployment (GPUs online)");
		report_str(r, key, t->name, line);
		if (e.at_by.gpus_runnable < e.at_by.gpus_online &&
		    e.at_by.binding == CAP_SUPPLY) {
			snprintf(line, sizeof line, "      supply that day: grid %.1f MW + "
			    "generators %.1f MW (derated at %.1f degC) against %.1f MW needed",
			    e.at_by.grid_w / 1e6, e.at_by.gen_w / 1e6, e.at_by.tdb,
			    (e.at_by.grid_w + e.at_by.gen_w + e.extra_supply_w) / 1e6);
			snprintf(key, sizeof key, "target_%zu_supply", i + 1);
			report_str(r, key, "", line);
		}
		if (e.met_on != DATE_NEVER) {
			date_format(e.met_on, b);
			snprintf(line, sizeof line, "      met on %s, %d %s late", b,
			    e.met_on - t->by, days_word(e.met_on - t->by));
		} else
			snprintf(line, sizeof line, "      not met within %d days of full "
			    "deployment", PLAN_LOOKAHEAD_D);
		snprintf(key, sizeof key, "target_%zu_met", i + 1);
		report_str(r, key, "", line);
		snprintf(key, sizeof key, "target_%zu_fix", i + 1);
		fmt_power(pw, sizeof pw, e.extra_supply_w);
		if (e.at_by.gpus_online < t->gpus)
			snprintf(line, sizeof line, "      fix: only %ld GPUs are online by %s: "
			    "deliver and commission %ld more racks' worth earlier",
			    e.at_by.gpus_online, a, (long)ceil((t->gpus -
			    e.at_by.gpus_online) / gpus_per_rack(&j.site)));
		else if (e.at_by.binding == CAP_SUPPLY)
			snprintf(line, sizeof line, "      fix: +%s of supply before %s%s%s",
			    pw, a, e.met_on != DATE_NEVER ?
			    ", or move the date to " : "", e.met_on != DATE_NEVER ? b : "");
		else
			snprintf(line, sizeof line, "      fix: more %s capacity before %s%s%s",
			    cap_constraint_name(e.at_by.binding), a, e.met_on != DATE_NEVER ?
			    ", or move the date to " : "", e.met_on != DATE_NEVER ? b : "");
		report_str(r, key, "", line);
	}
	if (j.site.ntargets == 0)
		report_str(r, "none", "targets", "none given");
	else {
		/* the same, as fields for scripts and spreadsheets */
		static const struct report_col tcols[] = {
			{ "name", "target", "", -1 },
			{ "gpus", "GPUs", "", 0 },
			{ "by", "by", "", -1 },
			{ "status", "status", "", -1 },
			{ "met_on", "met on", "", -1 },
			{ "days_late", "late", "d", 0 },
			{ "runnable_on_by", "runnable on date", "", 0 },
			{ "shortfall_gpus", "short", "GPUs", 0 },
			{ "binding", "binding", "", -1 },
			{ "supply_to_add_mw", "supply to add", "MW", 3 },
		};

		report_table(r, "detail", "", tcols, 10);
		for (i = 0; i < j.site.ntargets; i++) {
			const struct site_target *t = &j.site.targets[i];
			const struct target_eval *e = &tev[i];
			int	ok = e->met_on != DATE_NEVER && e->met_on <= t->by;
			char	byb[16], mb[16];
			const char *strs[10] = { t->name, NULL, byb, ok ? "OK" : "FAIL",
			    e->met_on != DATE_NEVER ? mb : "never", NULL, NULL, NULL,
			    e->at_by.gpus_runnable < e->at_by.gpus_online ?
			    cap_constraint_name(e->at_by.binding) : "deployment", NULL };
			double	nums[10] = { 0, t->gpus, 0, 0, 0,
			    e->met_on != DATE_NEVER ? e->met_on - t->by : NAN, 0,
			    fmax(0, t->gpus - e->at_by.gpus_runnable), 0,
			    ok ? 0 : e->extra_supply_w / 1e6 };

			date_format(t->by, byb);
			if (e->met_on != DATE_NEVER)
				date_format(e->met_on, mb);
			nums[6] = e->at_by.gpus_runnable;
			report_row(r, nums, strs);
		}
	}

	/* 3. the build and the first year after full deployment, with dispatch */
	memset(&so, 0, sizeof so);
	so.from_day = from;
	so.to_day = (full != DATE_NEVER && full != DATE_NONE ? full : from) + 364;
	so.step_s = j.site.sim.step_s;
	memset(&yw, 0, sizeof yw);
	yw.from = so.to_day - 364;
	yw.step_s = so.step_s;
	yw.site = &j.site;
	if (sim_run(&j.site, &j.wx, &so, watch_step, &yw, &su) != 0) {
		cmd_error(c, "the simulation failed");
		goto fail;
	}
	watch_close_year(&yw);
	date_format(so.from_day, a);
	date_format(so.to_day, b);
	snprintf(title, sizeof title, "Build and first year, hourly (%s to %s)", a, b);
	report_section(r, "year", title);
	report_num(r, "pue", "PUE (energy-weighted)", su.e_it > 0 ? su.e_facility /
	    su.e_it : NAN, "", 3);
	report_num(r, "it_gwh", "IT energy", su.e_it / 3.6e12, "GWh", 1);
	report_num(r, "facility_gwh", "facility energy", su.e_facility / 3.6e12, "GWh", 1);
	report_num(r, "peak_facility_mw", "peak facility power", su.peak_facility_w / 1e6,
	    "MW", 2);
	report_num(r, "water_m3_per_day", "water per day", su.days ? su.water_m3 /
	    su.days : 0, "m3/d", 0);
	report_num(r, "water_gal_per_day", "water per day", su.days ? su.water_m3 /
	    3.785411784e-3 / su.days : 0, "US gal/d", 0);
	report_num(r, "unmet_cooling_h", "hours with unmet cooling", su.unmet_hours, "h", 1);
	report_num(r, "grid_gwh", "energy from the grid", su.e_grid / 3.6e12, "GWh", 1);
	report_num(r, "generation_gwh", "energy from generators", su.e_gen / 3.6e12, "GWh",
	    1);
	report_num(r, "battery_gwh", "energy from batteries", su.e_batt_out / 3.6e12,
	    "GWh", 1);
	report_num(r, "unserved_gwh", "unserved energy", su.e_unserved / 3.6e12, "GWh", 2);
	report_num(r, "unserved_h", "hours with unserved load", su.unserved_hours, "h", 0);
	report_num(r, "fuel_tj", "generator fuel (LHV)", su.fuel_j / 1e12, "TJ", 1);
	report_num(r, "co2_t", "CO2", su.co2_kg / 1e3, "t", 0);
	report_num(r, "nox_t", "NOx", su.nox_kg / 1e3, "t", 2);
	/* permits: each limit is per calendar year; the worst year of the run counts */
	report_section(r, "permits", "Generator permits (worst calendar year)");
	for (i = 0; i < j.site.power.ngens && i < DISPATCH_MAX_GROUPS; i++) {
		const struct site_generator *g = &j.site.power.gens[i];
		double	hrs = yw.worst_h[i];
		double	nox = yw.worst_nox_kg[i] / 1e3;
		char	key[96];
		int	ok = 1;

		if (g->max_hours_s > 0 && hrs > g->max_hours_s / 3600 + 1e-6)
			ok = 0;
		if (g->max_nox_kg > 0 && nox * 1e3 > g->max_nox_kg * (1 + 1e-9))
			ok = 0;
		if (g->max_running > 0 && su.gen_max_running[i] > g->max_running)
			ok = 0;
		{
			char	lh[48] = "", ln[48] = "", lr[48] = "";

			if (g->max_hours_s > 0)
				snprintf(lh, sizeof lh, " (limit %.0f)", g->max_hours_s / 3600);
			if (g->max_nox_kg > 0)
				snprintf(ln, sizeof ln, " (limit %.1f)", g->max_nox_kg / 1e3);
			if (g->max_running > 0)
				snprintf(lr, sizeof lr, " (limit %d)", g->max_running);
			snprintf(line, sizeof line, "%s: %.0f h per unit per year%s, %.2f t NOx "
			    "per year%s, at most %d %s at once%s", ok ? "OK" : "EXCEEDED",
			    hrs, lh, nox, ln, su.gen_max_running[i],
			    su.gen_max_running[i] == 1 ? "unit" : "units", lr);
		}
		snprintf(key, sizeof key, "generators_%zu", i + 1);
		report_str(r, key, g->name, line);
		if (!ok)
			feasible = 0;
	}
	if (j.site.power.ngens == 0)
		report_str(r, "none", "generators", "none on site");

	/* 4. the finished site must carry its fleet all year */
	report_section(r, "operation", "First year of operation");
	date_format(yw.from, a);
	if (yw.unserved_h > 0) {
		char	tb[16];

		feasible = 0;
		date_format(yw.peak_day, tb);
		snprintf(line, sizeof line, "FAIL  supply falls short of the full fleet "
		    "for %.0f h from %s; worst %.1f MW short on %s %02d:%02d: add that much "
		    "supply, or cap GPU power (it.workload.gpu_power_cap)", yw.unserved_h,
		    a, yw.peak_unserved_w / 1e6, tb, yw.peak_minute / 60,
		    yw.peak_minute % 60);
		report_str(r, "supply", "supply", line);
	} else {
		snprintf(line, sizeof line, "OK    the supply carries the full fleet every "
		    "hour from %s", a);
		report_str(r, "supply", "supply", line);
	}
	if (yw.unmet_h > 0) {
		feasible = 0;
		snprintf(line, sizeof line, "FAIL  cooling falls short for %.0f h in the "
		    "first year", yw.unmet_h);
	} else
		snprintf(line, sizeof line, "OK    cooling meets the load every hour");
	report_str(r, "cooling", "cooling", line);

	report_section(r, "verdict", "Verdict");
	report_str(r, "verdict", "verdict", feasible ? "FEASIBLE" : "INFEASIBLE");
	snprintf(title, sizeof title, "%s: %s", j.site.name, feasible ? "FEASIBLE" :
	    "INFEASIBLE");
	rc = cmd_write_report(c, r);
	if (c->g->fmt == FMT_TEXT && rc == EXIT_OK && !c->g->quiet && c->g->out_path)
		fprintf(stderr, "%s\n", title);
	report_free(r);
	free(tev);
	cmd_job_free(&j);
	return rc != EXIT_OK ? rc : feasible ? EXIT_OK : EXIT_INFEASIBLE;
fail:
	free(tev);
	report_free(r);
	cmd_job_free(&j);
	return EXIT_INPUT;
}

const struct cmd_entry cmd_plan_entry = {
	.name = "plan",
	.usage = "SITE",
	.summary = "the verdict: capacity, timeline, annual summary; FEASIBLE or INFEASIBLE",
	.opts = NULL,
	.min_pos = 1,
	.max_pos = 1,
	.formats = FMTS_ALL,
	.exec = cmd_plan_exec,
};
