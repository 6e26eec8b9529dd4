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

#include "consts.h"
#include "cli-plot.h"
#include "cmd.h"
#include "date.h"
#include "diag.h"
#include "output.h"
#include "plan.h"
#include "plot_pics.h"
#include "site.h"
#include "supply.h"

/* Text values start after the label column: labels are at most LABEL_W
 * characters (longer target and group names are shortened), so a value line of
 * VALUE_W characters keeps the report within 80 columns. */
#define LABEL_W	24
#define VALUE_W	(80 - 4 - LABEL_W)

static const char *
days_word(int n)
{
	return n == 1 || n == -1 ? "day" : "days";
}

/* A label of at most LABEL_W characters. */
static const char *
short_label(const char *name, char *buf, size_t len)
{
	if (strlen(name) <= LABEL_W)
		return name;
	snprintf(buf, len, "%.*s~", LABEL_W - 1, name);
	return buf;
}

/* Fill `text` into lines of at most `width` characters at spaces; the second and
 * later lines start with `indent` spaces.  Text output only: the machine formats
 * get the sentence whole. */
static void
wrap(char *out, size_t len, const char *text, int width, int indent)
{
	size_t	o = 0;
	int	col = 0, first = 1;

	while (*text != '\0' && o + 1 < len) {
		const char *sp = text;
		int	wl;

		while (*sp == ' ')
			sp++;
		wl = (int)strcspn(sp, " ");
		if (wl == 0)
			break;
		if (!first && col + 1 + wl > width) {
			o += (size_t)snprintf(out + o, len - o, "\n%*s", indent, "");
			col = indent;
		} else if (!first) {
			o += (size_t)snprintf(out + o, len - o, " ");
			col++;
		}
		if (o >= len)
			break;
		o += (size_t)snprintf(out + o, len - o, "%.*s", wl, sp);
		col += wl;
		first = 0;
		text = sp + wl;
		if (o >= len)
			break;
	}
	if (o >= len)
		o = len - 1;
	out[o] = '\0';
}

/* A sentence as a string value: wrapped in text, whole in CSV and JSON. */
static void
put_text(struct report *r, enum out_format fmt, const char *key, const char *label,
    const char *text)
{
	char	buf[2048];

	if (fmt != FMT_TEXT) {
		report_str(r, key, label, text);
		return;
	}
	wrap(buf, sizeof buf, text, VALUE_W, 0);
	report_str(r, key, label, buf);
}

/* Power to buy, rounded up so that it covers the need: to 0.1 MW from a
 * megawatt, to the kilowatt below; "14.1 MW", "440 kW". */
static const char *
fmt_buy(char *buf, size_t len, double w)
{
	if (w >= 1e6)
		snprintf(buf, len, "%.1f MW", ceil(w / 1e5 - 1e-9) / 10);
	else
		snprintf(buf, len, "%.0f kW", ceil(w / 1e3 - 1e-9));
	return buf;
}

/* A power figure as it is: "14.0 MW", "40 kW". */
static const char *
fmt_pow(char *buf, size_t len, double w)
{
	if (fabs(w) >= 1e6)
		snprintf(buf, len, "%.1f MW", w / 1e6);
	else
		snprintf(buf, len, "%.0f kW", w / 1e3);
	return buf;
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

/* The --set overrides that apply each fix, as the machine formats carry them. */
struct fix_sets {
	char	date[128], grid[256], gen[256], chillers[256], towers[256];
};

static void
fix_sets(const struct site *s, const struct plan_target *e, struct fix_sets *f)
{
	const struct site_target *t = e->target;
	char	by[16], mv[16];

	memset(f, 0, sizeof *f);
	date_format(t->by, by);
	if (e->fixes & PLAN_FIX_DATE) {
		date_format(e->move_to, mv);
		snprintf(f->date, sizeof f->date, "targets[%zu].by=%s", e->index, mv);
	}
	if (e->fixes & PLAN_FIX_SUPPLY) {
		char	pw[32];

		snprintf(f->grid, sizeof f->grid, "power.grid.feeds[%zu]={name: fix-%.40s, "
		    "capacity: %s, in_service: %s}", s->power.nfeeds, t->name,
		    fmt_buy(pw, sizeof pw, e->supply_w), by);
		if (e->gen_model != NULL && e->gen_units_n1 > 0 && !e->gen_model->is_inline)
			snprintf(f->gen, sizeof f->gen, "power.generators[%zu]={name: "
			    "fix-%.40s, model: %s, count: %d, redundancy: N+1, duty: prime, "
			    "available: %s}", s->power.ngens, t->name, e->gen_model->name,
			    e->gen_units_n1, by);
		else if (e->gen_model != NULL && e->gen_units > 0) {
			/* a model defined in the site file: more units in a group of it
			 * that is there for the whole window */
			size_t	i;

			for (i = 0; i < s->power.ngens; i++) {
				const struct site_generator *g = &s->power.gens[i];

				if (g->model == e->gen_model && gen_is_firm(g) &&
				    (g->available == DATE_NONE || g->available <= t->by) &&
				    (g->until == DATE_NEVER || g->until > e->horizon) &&
				    g->max_running == 0 && g->redundancy != RED_2N) {
					snprintf(f->gen, sizeof f->gen,
					    "power.generators[%zu].count=%d", i,
					    g->count + e->gen_units);
					break;
				}
			}
		}
	}
	if ((e->fixes & PLAN_FIX_COOLING) && e->chiller_group != NULL &&
	    e->chillers_n1 > 0) {
		const struct site_units *c = e->chiller_group;
		size_t	ci = (size_t)(c - s->cooling.chillers);

		if (!c->model->is_inline)
			snprintf(f->chillers, sizeof f->chillers, "cooling.chillers[%zu]="
			    "{name: fix-%.40s, model: %s, capacity: %.0f kW, count: %d, "
			    "redundancy: N+1, in_service: %s}", s->cooling.nchillers, t->name,
			    c->model->name, ceil(c->chiller.q_ref / 1e3), e->chillers_n1, by);
		else if ((c->in_service == DATE_NONE || c->in_service <= t->by) &&
		    c->redundancy != RED_2N)
			snprintf(f->chillers, sizeof f->chillers,
			    "cooling.chillers[%zu].count=%d", ci, c->count + e->chillers);
		if (e->tower_group != NULL && *f->chillers != '\0') {
			const struct site_units *tw = e->tower_group;

			if (!tw->model->is_inline && !c->model->is_inline)
				snprintf(f->towers, sizeof f->towers, "cooling.towers[%zu]="
				    "{name: fix-%.40s, model: %s, count: %d, in_service: %s}",
				    s->cooling.ntowers, t->name, tw->model->name,
				    e->chillers_n1, by);
			else
				snprintf(f->towers, sizeof f->towers,
				    "cooling.towers[%zu].count=%d", (size_t)(tw -
				    s->cooling.towers), tw->count + e->chillers);
		}
	}
}

/* The sentence saying why a target fails. */
static void
fail_sentence(char *buf, size_t len, const struct plan_target *e)
{
	const struct site_target *t = e->target;
	char	a[16], f[16], at[96];

	date_format(t->by, a);
	date_format(e->fail_day, f);
	if (e->reason == PLAN_REASON_DESIGN)
		snprintf(at, sizeof at, "the design condition %s", e->fail_condition);
	else
		snprintf(at, sizeof at, "the hottest hour");
	if (e->reason == PLAN_REASON_DEPLOY)
		snprintf(buf, len, "FAIL  %d GPUs by %s: on %s only %ld GPUs are "
		    "online, %.0f short; it fails on %d %s of its window.", t->gpus, a, f,
		    e->fail_online, e->shortfall_gpus, e->fail_days,
		    days_word(e->fail_days));
	else
		snprintf(buf, len, "FAIL  %d GPUs by %s: on %s at %s (%.1f degC "
		    "dry-bulb, %.1f degC wet-bulb) %s, so %.0f GPUs can run, %.0f short; "
		    "it fails on %d %s of its window.", t->gpus, a, f, at,
		    e->fail_tdb, e->fail_twb,
		    e->fail_binding == CAP_SUPPLY ? "the firm supply binds" :
		    e->fail_binding == CAP_COOLING ? "the cooling binds" :
		    e->fail_binding == CAP_UPS ? "the UPS binds" :
		    e->fail_binding == CAP_TRANSFORMER ? "the transformers bind" :
		    "the deployment binds", e->fail_runnable, e->shortfall_gpus,
		    e->fail_days, days_word(e->fail_days));
}

/* The fix of a failing target: what to buy, with its numbers. */
static void
fix_sentence(char *buf, size_t len, const struct plan_target *e)
{
	const struct site_target *t = e->target;
	char	a[16], d[16], p1[32], p2[32];
	size_t	n = 0;

	date_format(t->by, a);
	buf[0] = '\0';
	n += (size_t)snprintf(buf + n, len - n, "fix:");
	if (e->fixes & PLAN_FIX_DEPLOY)
		n += (size_t)snprintf(buf + n, len - n, " have %ld more GPUs (%ld racks) "
		    "online by %s;", e->gpus_short_online, e->racks_short, a);
	if ((e->fixes & PLAN_FIX_SUPPLY) && n < len) {
		date_format(e->supply_day, d);
		fmt_buy(p1, sizeof p1, e->supply_w);
		n += (size_t)snprintf(buf + n, len - n, " add %s of firm supply in "
		    "service by %s (worst on %s, %s, %.1f degC): grid +%s", p1, a, d,
		    e->supply_condition, e->supply_tdb, p1);
		if (e->gen_model != NULL && e->gen_units > 0 && n < len)
			n += (size_t)snprintf(buf + n, len - n, ", or +%d x %s (%s each "
			    "at %.1f degC, %.0f %% of rating), %d with N+1",
			    e->gen_units, e->gen_model->name, fmt_pow(p2, sizeof p2,
			    e->gen_unit_w), e->gen_tdb, e->gen_derate * 100, e->gen_units_n1);
		if (n < len)
			n += (size_t)snprintf(buf + n, len - n, ";");
	}
	if ((e->fixes & PLAN_FIX_COOLING) && n < len) {
		date_format(e->cooling_day, d);
		n += (size_t)snprintf(buf + n, len - n, " add %s of chiller capacity "
		    "by %s (worst on %s, %s)", fmt_buy(p1, sizeof p1, e->cooling_w), a, d,
		    e->cooling_condition);
		if (e->chiller_group != NULL && e->chillers > 0 && n < len)
			n += (size_t)snprintf(buf + n, len - n, ": +%d x %s (%s each "
			    "there), %d with N+1%s", e->chillers,
			    e->chiller_group->model->name, fmt_pow(p2, sizeof p2,
			    e->chiller_unit_w), e->chillers_n1, e->tower_group != NULL ?
			    ", with as many tower cells" : "");
		if (n < len)
			n += (size_t)snprintf(buf + n, len - n, ";");
	}
	if ((e->fixes & PLAN_FIX_UPS) && n < len)
		n += (size_t)snprintf(buf + n, len - n, " add %s of usable UPS "
		    "output by %s;", fmt_buy(p1, sizeof p1, e->ups_w), a);
	if ((e->fixes & PLAN_FIX_TRANSFORMER) && n < len)
		n += (size_t)snprintf(buf + n, len - n, " add %.3f MVA of transformer "
		    "capacity by %s;", ceil(e->transformer_va / 1e3 - 1e-9) / 1e3, a);
	if ((e->fixes & PLAN_FIX_DATE) && n < len) {
		date_format(e->move_to, d);
		if (n > 4)
			n += (size_t)snprintf(buf + n, len - n, " or");
		snprintf(buf + n, len - n, " move the date to %s.", d);
	} else if (n > 4 && n < len)
		buf[n - 1] = '.';
	else if (n < len)
		snprintf(buf + n, len - n, " none found within %d days of full "
		    "deployment.", PLAN_LOOKAHEAD_D);
}

/* One target's lines. */
static void
write_target(struct report *r, enum out_format fmt, const struct plan_target *e)
{
	const struct site_target *t = e->target;
	char	a[16], b[16], h[16], key[96], line[1024], lb[32];
	const char *label = short_label(t->name, lb, sizeof lb);

	date_format(t->by, a);
	date_format(e->horizon, h);
	snprintf(key, sizeof key, "target_%zu", e->index + 1);
	if (e->ok) {
		date_format(e->met_on, b);
		snprintf(line, sizeof line, "OK    %d GPUs by %s: met on %s (%d %s "
		    "early) and held through %s.", t->gpus, a, b, t->by - e->met_on,
		    days_word(t->by - e->met_on), h);
		put_text(r, fmt, key, label, line);
		return;
	}
	fail_sentence(line, sizeof line, e);
	put_text(r, fmt, key, label, line);
	snprintf(key, sizeof key, "target_%zu_met", e->index + 1);
	if (e->met_on != DATE_NEVER) {
		date_format(e->met_on, b);
		date_format(e->met_horizon, h);
		snprintf(line, sizeof line, "met on %s (%d %s late), held from then "
		    "through %s.", b, e->met_on - t->by, days_word(e->met_on - t->by), h);
	} else
		snprintf(line, sizeof line, "not met within %d days of full deployment.",
		    PLAN_LOOKAHEAD_D);
	put_text(r, fmt, key, "", line);
	snprintf(key, sizeof key, "target_%zu_fix", e->index + 1);
	fix_sentence(line, sizeof line, e);
	put_text(r, fmt, key, "", line);
}

/* 2. targets against the timeline, as sentences and (CSV, JSON) as fields */
static void
write_targets(struct report *r, enum out_format fmt, const struct site *s,
    const struct plan_result *p)
{
	static const struct report_col tcols[] = {
		{ "name", "target", "", -1 },
		{ "gpus", "GPUs", "", 0 },
		{ "by", "by", "", -1 },
		{ "status", "status", "", -1 },
		{ "horizon", "held through", "", -1 },
		{ "met_on", "met on", "", -1 },
		{ "days_late", "late", "d", 0 },
		{ "runnable_on_by", "runnable on date", "", 0 },
		{ "online_on_by", "online on date", "", 0 },
		{ "reason", "reason", "", -1 },
		{ "fail_day", "first failing day", "", -1 },
		{ "fail_condition", "condition", "", -1 },
		{ "fail_tdb_c", "dry-bulb", "degC", 2 },
		{ "fail_twb_c", "wet-bulb", "degC", 2 },
		{ "runnable_gpus", "runnable there", "", 0 },
		{ "shortfall_gpus", "short", "GPUs", 0 },
		{ "binding", "binding", "", -1 },
		{ "fail_days", "failing days", "d", 0 },
		{ "design_ok", "design conditions hold", "", -1 },
		{ "design_runnable_gpus", "runnable at design", "", 0 },
		{ "fix_date", "move the date to", "", -1 },
		{ "fix_gpus_online", "GPUs to bring online", "", 0 },
		{ "fix_racks", "racks to bring online", "", 0 },
		{ "supply_to_add_mw", "firm supply to add", "MW", 6 },
		{ "supply_worst_day", "worst day", "", -1 },
		{ "supply_worst_tdb_c", "worst dry-bulb", "degC", 2 },
		{ "fix_generator_model", "generator model", "", -1 },
		{ "fix_generator_unit_mw", "per unit there", "MW", 6 },
		{ "fix_generator_derate", "derate", "", 4 },
		{ "fix_generators", "generators needed", "", 0 },
		{ "fix_generators_n1", "with N+1", "", 0 },
		{ "cooling_to_add_mw", "chiller capacity to add", "MW", 6 },
		{ "fix_chiller_model", "chiller model", "", -1 },
		{ "fix_chiller_unit_mw", "per chiller there", "MW", 6 },
		{ "fix_chillers", "chillers needed", "", 0 },
		{ "fix_chillers_n1", "with N+1", "", 0 },
		{ "ups_to_add_mw", "UPS to add", "MW", 6 },
		{ "transformer_to_add_mva", "transformer to add", "MVA", 6 },
		{ "fix_set_date", "--set for the date", "", -1 },
		{ "fix_set_grid", "--set for grid", "", -1 },
		{ "fix_set_generators", "--set for generators", "", -1 },
		{ "fix_set_chillers", "--set for chillers", "", -1 },
		{ "fix_set_towers", "--set for towers", "", -1 },
	};
	enum { NC = sizeof tcols / sizeof tcols[0] };
	size_t	i;

	report_section(r, "targets", "Targets");
	for (i = 0; i < p->ntargets; i++)
		write_target(r, fmt, &p->targets[i]);
	if (p->ntargets == 0) {
		report_str(r, "none", "targets", "none given");
		return;
	}
	if (fmt == FMT_TEXT)
		return;		/* the sentences say it all */
	/* the same, as fields for scripts and spreadsheets */
	report_table(r, "detail", "", tcols, NC);
	for (i = 0; i < p->ntargets; i++) {
		const struct plan_target *e = &p->targets[i];
		const struct site_target *t = e->target;
		struct fix_sets fs;
		char	byb[16], hb[16], mb[16], fb[16], wb[16], mv[16];
		int	fail = !e->ok;
		const char *strs[NC] = { NULL };
		double	nums[NC];
		size_t	k;

		for (k = 0; k < NC; k++)
			nums[k] = NAN;
		fix_sets(s, e, &fs);
		date_format(t->by, byb);
		date_format(e->horizon, hb);
		if (e->met_on != DATE_NEVER)
			date_format(e->met_on, mb);
		date_format(e->fail_day, fb);
		date_format(e->supply_day, wb);
		if (e->fixes & PLAN_FIX_DATE)
			date_format(e->move_to, mv);
		strs[0] = t->name;
		nums[1] = t->gpus;
		strs[2] = byb;
		strs[3] = e->ok ? "OK" : "FAIL";
		strs[4] = hb;
		strs[5] = e->met_on != DATE_NEVER ? mb : "never";
		if (e->met_on != DATE_NEVER)
			nums[6] = e->met_on - t->by;
		nums[7] = e->at_by.gpus_runnable;
		nums[8] = (double)e->at_by.gpus_online;
		strs[9] = plan_reason_name(e->reason);
		strs[10] = fail ? fb : "";
		strs[11] = fail && e->reason != PLAN_REASON_DEPLOY ? e->fail_condition : "";
		if (fail && e->reason != PLAN_REASON_DEPLOY) {
			nums[12] = e->fail_tdb;
			nums[13] = e->fail_twb;
		}
		nums[14] = fail ? e->fail_runnable : t->gpus;
		nums[15] = e->shortfall_gpus;
		strs[16] = fail ? (e->reason == PLAN_REASON_DEPLOY ? "deployment" :
		    cap_constraint_name(e->fail_binding)) : "";
		nums[17] = e->fail_days;
		strs[18] = e->design_ok ? "yes" : "no";
		nums[19] = e->design_runnable;
		strs[20] = e->fixes & PLAN_FIX_DATE ? mv : "";
		nums[21] = (double)e->gpus_short_online;
		nums[22] = (double)e->racks_short;
		nums[23] = e->supply_w / 1e6;
		strs[24] = e->fixes & PLAN_FIX_SUPPLY ? wb : "";
		if (e->fixes & PLAN_FIX_SUPPLY)
			nums[25] = e->supply_tdb;
		strs[26] = e->gen_model != NULL && e->gen_units > 0 ? e->gen_model->name : "";
		if (e->gen_units > 0) {
			nums[27] = e->gen_unit_w / 1e6;
			nums[28] = e->gen_derate;
		}
		nums[29] = e->gen_units;
		nums[30] = e->gen_units_n1;
		nums[31] = e->cooling_w / 1e6;
		strs[32] = e->chiller_group != NULL && e->chillers > 0 ?
		    e->chiller_group->model->name : "";
		if (e->chillers > 0)
			nums[33] = e->chiller_unit_w / 1e6;
		nums[34] = e->chillers;
		nums[35] = e->chillers_n1;
		nums[36] = e->ups_w / 1e6;
		nums[37] = e->transformer_va / 1e6;
		strs[38] = fs.date;
		strs[39] = fs.grid;
		strs[40] = fs.gen;
		strs[41] = fs.chillers;
		strs[42] = fs.towers;
		for (k = 0; k < NC; k++)
			if (tcols[k].prec >= 0)
				strs[k] = NULL;
		report_row(r, nums, strs);
	}
}

/* 3. the build and the first year */
static void
write_year(struct report *r, const struct plan_result *p, double step_s)
{
	const struct sim_summary *su = &p->year;
	char	title[128], a[16], b[16];

	date_format(p->sim_from, a);
	date_format(p->sim_to, b);
	/* the simulation's step: simulation.step (1 h or 15 min) */
	snprintf(title, sizeof title, "Build and first year, %s (%s to %s)",
	    step_s == 3600 ? "hourly" : step_s == 900 ? "every 15 minutes" :
	    "time-stepped", a, b);
	report_section(r, "year", title);
	report_num(r, "pue", "PUE (energy-weighted)", su->e_it > 0 ? su->e_facility /
	    su->e_it : NAN, "", 3);
	report_num(r, "it_gwh", "IT energy", su->e_it / DC_J_PER_GWH, "GWh", 1);
	report_num(r, "facility_gwh", "facility energy", su->e_facility / DC_J_PER_GWH, "GWh",
	    1);
	report_num(r, "peak_facility_mw", "peak facility power", su->peak_facility_w /
	    1e6, "MW", 2);
	report_num(r, "water_m3_per_day", "water per day", su->days ? su->water_m3 /
	    su->days : 0, "m3/d", 0);
	report_num(r, "water_gal_per_day", "water per day", su->days ? su->water_m3 /
	    DC_M3_PER_USGAL / su->days : 0, "US gal/d", 0);
	report_num(r, "unmet_cooling_h", "hours with unmet cooling", su->unmet_hours,
	    "h", 1);
	report_num(r, "grid_gwh", "energy from the grid", su->e_grid / DC_J_PER_GWH, "GWh", 1);
	report_num(r, "generation_gwh", "energy from generators", su->e_gen / DC_J_PER_GWH,
	    "GWh", 1);
	report_num(r, "battery_gwh", "energy from batteries", su->e_batt_out / DC_J_PER_GWH,
	    "GWh", 1);
	report_num(r, "unserved_gwh", "unserved energy", su->e_unserved / DC_J_PER_GWH, "GWh",
	    2);
	report_num(r, "unserved_h", "hours with unserved load", su->unserved_hours, "h",
	    0);
	report_num(r, "fuel_tj", "generator fuel (LHV)", su->fuel_j / 1e12, "TJ", 1);
	report_num(r, "co2_t", "CO2", su->co2_kg / 1e3, "t", 0);
	report_num(r, "nox_t", "NOx", su->nox_kg / 1e3, "t", 2);
}

/* One permit figure: the value, the limit or that none is given. */
static void
permit_part(char *buf, size_t len, const char *what, double v, int prec,
    const char *unit, double limit, int given)
{
	if (given)
		snprintf(buf, len, "%s %.*f %s (limit %.*f, %s)", what, prec, v, unit, prec,
		    limit, v > limit * (1 + 1e-9) + (prec == 0 ? 1e-6 : 0) ? "EXCEEDED" :
		    "ok");
	else
		snprintf(buf, len, "%s %.*f %s (no limit given)", what, prec, v, unit);
}

/* ", a partial year of N days" when the run covers only part of the year */
static const char *
year_note(char *buf, size_t len, int year, int days)
{
	int	n = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 366 : 365;

	if (days > 0 && days < n)
		snprintf(buf, len, " (a partial year: %d of %d days)", days, n);
	else
		buf[0] = '\0';
	return buf;
}

/* " in 2025 (a partial year: ...)", or " (never ran)" */
static const char *
in_year(char *buf, size_t len, int year, int days)
{
	char	yn[64];

	if (year == 0)
		snprintf(buf, len, " (never ran)");
	else
		snprintf(buf, len, " in %d%s", year, year_note(yn, sizeof yn, year, days));
	return buf;
}

/* permits: each limit is per calendar year; the worst year of the run counts */
static void
write_permits(struct report *r, enum out_format fmt, const struct site *s,
    const struct plan_result *p)
{
	char	line[1024], key[96], yn[96];
	size_t	i;

	report_section(r, "permits", "Generator permits (worst calendar year)");
	for (i = 0; i < p->npermits; i++) {
		const struct plan_permit *pm = &p->permits[i];
		const struct site_generator *g = pm->gen;
		char	lh[160], ln[160], lr[160], lb[32], yh[96];

		permit_part(lh, sizeof lh, "", pm->worst_h, 0, "h per unit",
		    g->max_hours_s / 3600, g->max_hours_s > 0);
		permit_part(ln, sizeof ln, "", pm->worst_nox_kg / 1e3, 2, "t NOx",
		    g->max_nox_kg / 1e3, g->max_nox_kg > 0);
		permit_part(lr, sizeof lr, "at most", pm->max_running, 0,
		    pm->max_running == 1 ? "unit at once" : "units at once",
		    g->max_running, g->max_running > 0);
		snprintf(line, sizeof line, "%s (%s):%s%s;%s%s; %s.%s",
		    pm->ok ? "OK" : "EXCEEDED", gen_is_firm(g) ? "firm" : "backup", lh,
		    in_year(yh, sizeof yh, pm->worst_h_year, pm->worst_h_days), ln,
		    in_year(yn, sizeof yn, pm->worst_nox_year, pm->worst_nox_days), lr,
		    pm->title_v ? " WARNING: NOx above the Clean Air Act Title V "
		    "major-source threshold, 100 short tons (90.7 t) a year." : "");
		snprintf(key, sizeof key, "generators_%zu", i + 1);
		put_text(r, fmt, key, short_label(g->name, lb, sizeof lb), line);
	}
	if (s->power.ngens == 0) {
		report_str(r, "none", "generators", "none on site");
		return;
	}
	snprintf(line, sizeof line, "%.2f t NOx from all generators%s%s",
	    p->site_nox_kg / 1e3, in_year(yn, sizeof yn, p->site_nox_year,
	    p->site_nox_days), p->site_title_v ? "; WARNING: above the Clean Air Act "
	    "Title V major-source threshold, 100 short tons (90.7 t) a year." : ".");
	put_text(r, fmt, "site_nox", "site", line);
	if (fmt != FMT_TEXT) {
		report_num(r, "site_nox_t", "site NOx, worst calendar year",
		    p->site_nox_kg / 1e3, "t", 6);
		report_int(r, "site_nox_year", "that year", p->site_nox_year, "");
		report_int(r, "site_nox_days", "days of it simulated", p->site_nox_days,
		    "d");
		report_str(r, "title_v_major_source", "above the Title V threshold",
		    p->site_title_v ? "yes" : "no");
	}
}

/* 4. the first year of operation must carry its GPUs all year */
static void
write_operation(struct report *r, enum out_format fmt, const struct plan_result *p)
{
	char	a[16], b[16], line[1024], what[64];

	report_section(r, "operation", "First year of operation");
	date_format(p->op_from, a);
	date_format(p->op_from + PLAN_WINDOW_D, b);
	if (p->op_gpus > 0)
		snprintf(what, sizeof what, "%ld GPUs (the largest target)", p->op_gpus);
	else
		snprintf(what, sizeof what, "every GPU online");
	if (!p->supply_ok) {
		char	tb[16];

		date_format(p->peak_day, tb);
		char	pw[32];

		snprintf(line, sizeof line, "FAIL  the supply falls short of %s for "
		    "%.0f h from %s to %s, by up to %s on %s %02d:%02d; fix: the "
		    "targets' supply fixes, or cap GPU power "
		    "(it.workload.gpu_power_cap).", what, p->unserved_h, a, b,
		    fmt_pow(pw, sizeof pw, p->peak_unserved_w), tb, p->peak_minute / 60,
		    p->peak_minute % 60);
	} else
		snprintf(line, sizeof line, "OK    the supply carries %s every hour from "
		    "%s to %s.", what, a, b);
	put_text(r, fmt, "supply", "supply", line);
	if (!p->cooling_ok)
		snprintf(line, sizeof line, "FAIL  the cooling falls short of %s for "
		    "%.0f h from %s to %s.", what, p->unmet_h, a, b);
	else
		snprintf(line, sizeof line, "OK    the cooling meets the load every hour "
		    "from %s to %s.", a, b);
	put_text(r, fmt, "cooling", "cooling", line);
	if (fmt != FMT_TEXT) {
		report_str(r, "from", "from", a);
		report_str(r, "to", "to", b);
		report_int(r, "gpus", "GPUs running", p->op_gpus, "");
		report_num(r, "unserved_h", "hours with unserved load", p->unserved_h, "h", 2);
		report_num(r, "peak_unserved_mw", "worst shortfall", p->peak_unserved_w / 1e6,
		    "MW", 6);
		report_num(r, "unmet_cooling_h", "hours with unmet cooling", p->unmet_h, "h",
		    2);
	}
}

/* The picture (--plot): the build over time, from the timeline's rows. */
struct plan_plot {
	const struct site *site;
	const struct weather *wx;
	int	from, to;
};

static int
draw_build(void *vp, enum plot_fmt f, int w, int h, FILE *fp)
{
	const struct plan_plot *pp = vp;
	struct build_series b;
	struct tl_day *rows;
	size_t	n = (size_t)(pp->to - pp->from + 1);
	int	rc;

	if ((rows = calloc(n, sizeof *rows)) == NULL)
		return -1;
	if (timeline_rows(pp->site, pp->wx, pp->from, pp->to, rows) != 0 ||
	    plot_build_series(pp->site, rows, n, &b) != 0) {
		free(rows);
		return -1;
	}
	free(rows);
	rc = plot_build_draw(pp->site, &b, "plan", f, w, h, fp);
	plot_build_free(&b);
	return rc;
}

/* 4. costs, when the site has prices (economics section) */
static void
write_costs(struct report *r, enum out_format fmt, const struct site *s,
    const struct plan_result *p)
{
	static const char *const labels[COST_NCAT] = {
		"grid energy", "demand charges", "fixed charges", "generator fuel",
		"variable O&M", "rentals and leases", "capital (annualised)",
		"fixed O&M", "water", "CO2"
	};
	struct report_col cols[] = {
		{ "target", "target", "", -1 },
		{ "delay_gpu_h", "GPU-hours short", "GPU-h", 0 },
		{ "delay_cost", "cost of delay", "", 0 },
	};
	const struct cost_result *c = &p->cost;
	const char *cur;
	char	key[32], title[96];
	size_t	i;
	int	k;

	if (s->econ == NULL || !c->computed) {
		report_note(r, "No prices given (no economics section): no costs "
		    "computed.");
		return;
	}
	cur = s->econ->currency;
	cols[2].unit = cur;
	snprintf(title, sizeof title, "Costs of the build and first year (%s)", cur);
	report_section(r, "costs", title);
	for (k = 0; k < COST_NCAT; k++) {
		snprintf(key, sizeof key, "%s", cost_cat_name((enum cost_cat)k));
		report_num(r, key, labels[k], c->cat[k], cur, 0);
	}
	report_num(r, "total", "total", c->total, cur, 0);
	report_num(r, "per_mwh", "per MWh of facility energy", c->per_mwh, cur, 2);
	report_num(r, "per_gpu_hour", "per GPU-hour delivered", c->per_gpu_hour, cur, 3);
	report_num(r, "bridge_share", "bridge power share", c->bridge_share * 100, "%", 1);
	report_table(r, "delay", "Cost of delay (GPU-hours short x value, day by day)",
	    cols, 3);
	for (i = 0; i < p->ntargets; i++) {
		const struct plan_target *t = &p->targets[i];
		double	nums[3] = { 0, t->delay_gpu_h, t->delay_cost };
		const char *strs[3] = { t->target->name, NULL, NULL };

		report_row(r, nums, strs);
	}
	/* what a generator fix would cost if rented, beside the delay it removes */
	for (i = 0; i < p->ntargets; i++) {
		const struct plan_target *t = &p->targets[i];
		const struct site_generator *as;
		char	line[512], a[16], b[16];
		int	to = t->met_on != DATE_NEVER && t->met_on != DATE_NONE ?
		    t->met_on - 1 : p->sim_to;
		double	fc;

		if (t->ok || !(t->fixes & PLAN_FIX_SUPPLY) || t->gen_model == NULL ||
		    t->gen_units_n1 <= 0)
			continue;
		fc = cost_rent_units(s, t->gen_model, t->gen_units_n1, t->target->by, to,
		    &as);
		if (as == NULL)
			continue;
		date_format(t->target->by, a);
		date_format(to, b);
		snprintf(key, sizeof key, "fix_%zu", i + 1);
		snprintf(line, sizeof line, "%s: +%d x %s rented %s to %s (%.1f months, "
		    "on the terms of '%s'): %.0f %s; removes %.0f %s of delay",
		    t->target->name, t->gen_units_n1, t->gen_model->name, a, b,
		    (to - t->target->by + 1) * 12 / 365.0, as->name, fc, cur,
		    isfinite(t->delay_cost) ? t->delay_cost : 0, cur);
		put_text(r, fmt, key, "fix cost", line);
		if (fmt != FMT_TEXT) {
			char	k2[48];

			snprintf(k2, sizeof k2, "%s_cost", key);
			report_num(r, k2, "fix cost", fc, cur, 0);
			snprintf(k2, sizeof k2, "%s_removes", key);
			report_num(r, k2, "delay it removes", isfinite(t->delay_cost) ?
			    t->delay_cost : 0, cur, 0);
		}
	}
	if (!isfinite(s->econ->gpu_hour))
		report_note(r, "No value of a GPU-hour given (economics.gpu_hour): "
		    "the delay is not priced.");
}

static int
cmd_plan_exec(struct cmd_ctx *c)
{
	struct plan_result p;
	struct report *r;
	char	title[512];
	int	rc, st;
	struct plot_req preq;
	struct plan_plot pp;

	if ((rc = cli_plot_parse(c, NULL, &preq)) != EXIT_OK)
		return rc;
	plan_result_init(&p);
	if ((st = plan_run(&c->site, &c->wx, PLAN_ALL, &p)) != PLAN_OK) {
		cmd_error(c, "%s", plan_status_str(st));
		plan_result_release(&p);
		return st == PLAN_ENOMEM ? EXIT_IO : EXIT_INPUT;
	}
	snprintf(title, sizeof title, "%s: plan for %s", c->site.name, c->pos[0]);
	/* the title line fits 80 columns: a long path keeps its file name (the
	 * document's head carries the whole path) */
	if (strlen(title) > 80) {
		const char *base = strrchr(c->pos[0], '/');

		snprintf(title, sizeof title, "%s: plan for .../%s", c->site.name,
		    base != NULL ? base + 1 : c->pos[0]);
	}
	r = report_new("dcplan.plan/2", title);
	write_design(r, &p);
	write_targets(r, c->g->fmt, &c->site, &p);
	write_year(r, &p, c->site.sim.step_s);
	write_permits(r, c->g->fmt, &c->site, &p);
	write_operation(r, c->g->fmt, &p);
	write_costs(r, c->g->fmt, &c->site, &p);
	report_section(r, "verdict", "Verdict");
	report_str(r, "verdict", "verdict", p.feasible ? "FEASIBLE" : "INFEASIBLE");
	snprintf(title, sizeof title, "%s: %s", c->site.name, p.feasible ? "FEASIBLE" :
	    "INFEASIBLE");
	rc = cmd_write_report(c, r);
	if (c->g->fmt == FMT_TEXT && rc == EXIT_OK && !c->g->quiet && c->g->out_path)
		diag_printf(stderr, "%s\n", title);
	report_free(r);
	pp.site = &c->site;
	pp.wx = &c->wx;
	pp.from = p.from;
	pp.to = p.to;
	if (rc == EXIT_OK)
		rc = cli_plot_write(c, &preq, draw_build, &pp);
	rc = rc != EXIT_OK ? rc : p.feasible ? EXIT_OK : EXIT_INFEASIBLE;
	plan_result_release(&p);
	return rc;
}

static const struct opt_def plan_opts[] = {
	CLI_PLOT_OPT,
	CLI_PLOT_SIZE_OPT,
	{ .name = NULL }
};

const struct cmd_entry cmd_plan_entry = {
	.name = "plan",
	.operands = "SITE",
	.summary = "the verdict: capacity, timeline, annual summary; FEASIBLE or INFEASIBLE",
	.opts = plan_opts,
	.min_pos = 1,
	.max_pos = 1,
	.needs = CMD_SITE | CMD_WEATHER | CMD_OUTPUT,
	.formats = FMTS_ALL,
	.exec = cmd_plan_exec,
};
