/*
 * cmd-plan.c - "dcplan plan SITE": the main job.  The plan engine (plan.h) gives
 * capacity at design conditions, every target against the build timeline, the
 * annual simulation and the verdict; this file only writes them: FEASIBLE (exit 0)
 * or INFEASIBLE (exit 1), with what binds, when, by how much, and what would fix it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "date.h"
#include "output.h"
#include "plan.h"
#include "site.h"

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

/* 1. capacity of the finished site at the design conditions */
static void
write_design(struct report *r, const struct plan_result *p)
{
	char	a[16];

	date_format(p->cap_day, a);
	report_section(r, "design", "Capacity at ASHRAE design conditions");
	report_str(r, "date", "equipment in service on", a);
	report_int(r, "gpus_installed", "GPUs installed", (long)p->gpus_installed, "");
	report_int(r, "gpus_runnable", "GPUs that can run", (long)p->design.max_gpus, "");
	report_str(r, "binding", "binding constraint",
	    cap_constraint_name(p->design.binding));
	if (p->design.binding != CAP_INSTALLED)
		report_str(r, "binding_condition", "  at", p->design.binding_condition);
}

/* One target's lines. */
static void
write_target(struct report *r, size_t i, const struct plan_target *e)
{
	const struct site_target *t = e->target;
	char	a[16], b[16], key[96], line[512], pw[32];

	date_format(t->by, a);
	snprintf(key, sizeof key, "target_%zu", i + 1);
	if (e->ok) {
		date_format(e->met_on, b);
		snprintf(line, sizeof line, "OK    %s: %d GPUs by %s - met on %s "
		    "(%d %s early)", t->name, t->gpus, a, b, t->by - e->met_on,
		    days_word(t->by - e->met_on));
		report_str(r, key, t->name, line);
		return;
	}
	snprintf(line, sizeof line, "FAIL  %s: %d GPUs by %s - on that day %.0f "
	    "can run (%.0f online): short by %.0f GPUs; %s binds", t->name,
	    t->gpus, a, e->at_by.gpus_runnable, (double)e->at_by.gpus_online,
	    t->gpus - e->at_by.gpus_runnable, e->deployment_binds ?
	    "deployment (GPUs online)" : cap_constraint_name(e->at_by.binding));
	report_str(r, key, t->name, line);
	if (!e->deployment_binds && e->at_by.binding == CAP_SUPPLY) {
		snprintf(line, sizeof line, "      supply that day: grid %.1f MW + "
		    "generators %.1f MW (derated at %.1f degC) against %.1f MW needed",
		    e->at_by.grid_w / 1e6, e->at_by.gen_w / 1e6, e->at_by.tdb,
		    (e->at_by.grid_w + e->at_by.gen_w + e->extra_supply_w) / 1e6);
		snprintf(key, sizeof key, "target_%zu_supply", i + 1);
		report_str(r, key, "", line);
	}
	if (e->met_on != DATE_NEVER) {
		date_format(e->met_on, b);
		snprintf(line, sizeof line, "      met on %s, %d %s late", b,
		    e->met_on - t->by, days_word(e->met_on - t->by));
	} else
		snprintf(line, sizeof line, "      not met within %d days of full "
		    "deployment", PLAN_LOOKAHEAD_D);
	snprintf(key, sizeof key, "target_%zu_met", i + 1);
	report_str(r, key, "", line);
	snprintf(key, sizeof key, "target_%zu_fix", i + 1);
	fmt_power(pw, sizeof pw, e->extra_supply_w);
	if (e->fix == PLAN_FIX_DEPLOY)
		snprintf(line, sizeof line, "      fix: only %ld GPUs are online by %s: "
		    "deliver and commission %ld more racks' worth earlier",
		    e->at_by.gpus_online, a, e->racks_short);
	else if (e->fix == PLAN_FIX_SUPPLY)
		snprintf(line, sizeof line, "      fix: +%s of supply before %s%s%s",
		    pw, a, e->met_on != DATE_NEVER ?
		    ", or move the date to " : "", e->met_on != DATE_NEVER ? b : "");
	else
		snprintf(line, sizeof line, "      fix: more %s capacity before %s%s%s",
		    cap_constraint_name(e->at_by.binding), a, e->met_on != DATE_NEVER ?
		    ", or move the date to " : "", e->met_on != DATE_NEVER ? b : "");
	report_str(r, key, "", line);
}

/* 2. targets against the timeline, as lines and as a table */
static void
write_targets(struct report *r, const struct plan_result *p)
{
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
	size_t	i;

	report_section(r, "targets", "Targets");
	for (i = 0; i < p->ntargets; i++)
		write_target(r, i, &p->targets[i]);
	if (p->ntargets == 0) {
		report_str(r, "none", "targets", "none given");
		return;
	}
	/* the same, as fields for scripts and spreadsheets */
	report_table(r, "detail", "", tcols, 10);
	for (i = 0; i < p->ntargets; i++) {
		const struct plan_target *e = &p->targets[i];
		const struct site_target *t = e->target;
		char	byb[16], mb[16];
		const char *strs[10] = { t->name, NULL, byb, e->ok ? "OK" : "FAIL",
		    e->met_on != DATE_NEVER ? mb : "never", NULL, NULL, NULL,
		    e->deployment_binds ? "deployment" :
		    cap_constraint_name(e->at_by.binding), NULL };
		double	nums[10] = { 0, t->gpus, 0, 0, 0,
		    e->met_on != DATE_NEVER ? e->met_on - t->by : NAN,
		    e->at_by.gpus_runnable, e->shortfall_gpus, 0,
		    e->ok ? 0 : e->extra_supply_w / 1e6 };

		date_format(t->by, byb);
		if (e->met_on != DATE_NEVER)
			date_format(e->met_on, mb);
		report_row(r, nums, strs);
	}
}

/* 3. the build and the first year */
static void
write_year(struct report *r, const struct plan_result *p)
{
	const struct sim_summary *su = &p->year;
	char	title[128], a[16], b[16];

	date_format(p->sim_from, a);
	date_format(p->sim_to, b);
	snprintf(title, sizeof title, "Build and first year, hourly (%s to %s)", a, b);
	report_section(r, "year", title);
	report_num(r, "pue", "PUE (energy-weighted)", su->e_it > 0 ? su->e_facility /
	    su->e_it : NAN, "", 3);
	report_num(r, "it_gwh", "IT energy", su->e_it / 3.6e12, "GWh", 1);
	report_num(r, "facility_gwh", "facility energy", su->e_facility / 3.6e12, "GWh",
	    1);
	report_num(r, "peak_facility_mw", "peak facility power", su->peak_facility_w /
	    1e6, "MW", 2);
	report_num(r, "water_m3_per_day", "water per day", su->days ? su->water_m3 /
	    su->days : 0, "m3/d", 0);
	report_num(r, "water_gal_per_day", "water per day", su->days ? su->water_m3 /
	    3.785411784e-3 / su->days : 0, "US gal/d", 0);
	report_num(r, "unmet_cooling_h", "hours with unmet cooling", su->unmet_hours,
	    "h", 1);
	report_num(r, "grid_gwh", "energy from the grid", su->e_grid / 3.6e12, "GWh", 1);
	report_num(r, "generation_gwh", "energy from generators", su->e_gen / 3.6e12,
	    "GWh", 1);
	report_num(r, "battery_gwh", "energy from batteries", su->e_batt_out / 3.6e12,
	    "GWh", 1);
	report_num(r, "unserved_gwh", "unserved energy", su->e_unserved / 3.6e12, "GWh",
	    2);
	report_num(r, "unserved_h", "hours with unserved load", su->unserved_hours, "h",
	    0);
	report_num(r, "fuel_tj", "generator fuel (LHV)", su->fuel_j / 1e12, "TJ", 1);
	report_num(r, "co2_t", "CO2", su->co2_kg / 1e3, "t", 0);
	report_num(r, "nox_t", "NOx", su->nox_kg / 1e3, "t", 2);
}

/* permits: each limit is per calendar year; the worst year of the run counts */
static void
write_permits(struct report *r, const struct site *s, const struct plan_result *p)
{
	size_t	i;

	report_section(r, "permits", "Generator permits (worst calendar year)");
	for (i = 0; i < p->npermits; i++) {
		const struct plan_permit *pm = &p->permits[i];
		const struct site_generator *g = pm->gen;
		char	lh[48] = "", ln[48] = "", lr[48] = "", key[96], line[512];

		if (g->max_hours_s > 0)
			snprintf(lh, sizeof lh, " (limit %.0f)", g->max_hours_s / 3600);
		if (g->max_nox_kg > 0)
			snprintf(ln, sizeof ln, " (limit %.1f)", g->max_nox_kg / 1e3);
		if (g->max_running > 0)
			snprintf(lr, sizeof lr, " (limit %d)", g->max_running);
		snprintf(line, sizeof line, "%s: %.0f h per unit per year%s, %.2f t NOx "
		    "per year%s, at most %d %s at once%s", pm->ok ? "OK" : "EXCEEDED",
		    pm->worst_h, lh, pm->worst_nox_kg / 1e3, ln, pm->max_running,
		    pm->max_running == 1 ? "unit" : "units", lr);
		snprintf(key, sizeof key, "generators_%zu", i + 1);
		report_str(r, key, g->name, line);
	}
	if (s->power.ngens == 0)
		report_str(r, "none", "generators", "none on site");
}

/* 4. the finished site must carry its fleet all year */
static void
write_operation(struct report *r, const struct plan_result *p)
{
	char	a[16], line[512];

	report_section(r, "operation", "First year of operation");
	date_format(p->op_from, a);
	if (!p->supply_ok) {
		char	tb[16];

		date_format(p->peak_day, tb);
		snprintf(line, sizeof line, "FAIL  supply falls short of the full fleet "
		    "for %.0f h from %s; worst %.1f MW short on %s %02d:%02d: add that much "
		    "supply, or cap GPU power (it.workload.gpu_power_cap)", p->unserved_h,
		    a, p->peak_unserved_w / 1e6, tb, p->peak_minute / 60,
		    p->peak_minute % 60);
		report_str(r, "supply", "supply", line);
	} else {
		snprintf(line, sizeof line, "OK    the supply carries the full fleet every "
		    "hour from %s", a);
		report_str(r, "supply", "supply", line);
	}
	if (!p->cooling_ok)
		snprintf(line, sizeof line, "FAIL  cooling falls short for %.0f h in the "
		    "first year", p->unmet_h);
	else
		snprintf(line, sizeof line, "OK    cooling meets the load every hour");
	report_str(r, "cooling", "cooling", line);
}

static int
cmd_plan_exec(struct cmd_ctx *c)
{
	struct plan_result p;
	struct report *r;
	char	title[512];
	int	rc, st;

	plan_result_init(&p);
	if ((st = plan_run(&c->site, &c->wx, PLAN_ALL, &p)) != PLAN_OK) {
		cmd_error(c, "%s", plan_status_str(st));
		plan_result_release(&p);
		return st == PLAN_ENOMEM ? EXIT_IO : EXIT_INPUT;
	}
	snprintf(title, sizeof title, "%s: plan for %s", c->site.name, c->pos[0]);
	r = report_new("dcplan.plan/1", title);
	write_design(r, &p);
	write_targets(r, &p);
	write_year(r, &p);
	write_permits(r, &c->site, &p);
	write_operation(r, &p);
	report_section(r, "verdict", "Verdict");
	report_str(r, "verdict", "verdict", p.feasible ? "FEASIBLE" : "INFEASIBLE");
	snprintf(title, sizeof title, "%s: %s", c->site.name, p.feasible ? "FEASIBLE" :
	    "INFEASIBLE");
	rc = cmd_write_report(c, r);
	if (c->g->fmt == FMT_TEXT && rc == EXIT_OK && !c->g->quiet && c->g->out_path)
		fprintf(stderr, "%s\n", title);
	report_free(r);
	rc = rc != EXIT_OK ? rc : p.feasible ? EXIT_OK : EXIT_INFEASIBLE;
	plan_result_release(&p);
	return rc;
}

const struct cmd_entry cmd_plan_entry = {
	.name = "plan",
	.operands = "SITE",
	.summary = "the verdict: capacity, timeline, annual summary; FEASIBLE or INFEASIBLE",
	.opts = NULL,
	.min_pos = 1,
	.max_pos = 1,
	.needs = CMD_SITE | CMD_WEATHER | CMD_OUTPUT,
	.formats = FMTS_ALL,
	.exec = cmd_plan_exec,
};
