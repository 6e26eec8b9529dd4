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
write_design(struct report *r, enum out_format fmt, const struct site *s,
    const struct plan_result *p)
{
	char	a[16];

	date_format(p->cap_day, a);
	report_section(r, "design", "Capacity at ASHRAE design conditions");
	report_str(r, "date", "equipment in service on", a);
	report_str(r, "power_basis", "IT power basis", it_basis_names[s->it.basis]);
	report_int(r, "gpus_installed", "GPUs installed", (long)p->gpus_installed, "");
	report_int(r, "gpus_runnable", "GPUs that can run", (long)p->design.max_gpus, "");
	report_str(r, "binding", "binding constraint",
	    cap_constraint_name(p->design.binding));
	if (p->design.binding != CAP_INSTALLED)
		report_str(r, "binding_condition", "  at", p->design.binding_condition);
	else if (fmt != FMT_TEXT)
		report_str(r, "binding_condition", "  at", NULL);
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

static void ok_sentence(char *, size_t, const struct plan_target *);
static void met_sentence(char *, size_t, const struct plan_target *);

/* One target's lines (text). */
static void
write_target(struct report *r, enum out_format fmt, const struct plan_target *e)
{
	const struct site_target *t = e->target;
	char	key[96], line[1024], lb[32];
	const char *label = short_label(t->name, lb, sizeof lb);

	snprintf(key, sizeof key, "target_%zu", e->index + 1);
	if (e->ok) {
		ok_sentence(line, sizeof line, e);
		put_text(r, fmt, key, label, line);
		return;
	}
	fail_sentence(line, sizeof line, e);
	put_text(r, fmt, key, label, line);
	snprintf(key, sizeof key, "target_%zu_met", e->index + 1);
	met_sentence(line, sizeof line, e);
	put_text(r, fmt, key, "", line);
	snprintf(key, sizeof key, "target_%zu_fix", e->index + 1);
	fix_sentence(line, sizeof line, e);
	put_text(r, fmt, key, "", line);
}

/* A sentence without its text-column status word ("OK    ", "FAIL  "): the
 * machine formats carry the status as a field. */
static const char *
unstatus(const char *msg)
{
	if (strncmp(msg, "OK ", 3) == 0 || strncmp(msg, "FAIL ", 5) == 0 ||
	    strncmp(msg, "EXCEEDED ", 9) == 0) {
		msg += strcspn(msg, " ");
		msg += strspn(msg, " ");
	}
	return msg;
}

/* A date, or NULL (absent) for none. */
static const char *
opt_date(int day, char *buf)
{
	if (day == DATE_NONE || day == DATE_NEVER)
		return NULL;
	date_format(day, buf);
	return buf;
}

/* Why a target fails, as a name (dcplan-json(5)); NULL when it holds. */
static const char *
reason_key(enum plan_reason r)
{
	switch (r) {
	case PLAN_REASON_DEPLOY:
		return "deployment";
	case PLAN_REASON_HOT_HOUR:
		return "hottest_hour";
	case PLAN_REASON_DESIGN:
		return "design_condition";
	default:
		return NULL;
	}
}

/* The target table of the machine formats: one row per target, every fact a
 * typed field (dcplan-json(5), dcplan.plan/3), the text's sentences beside. */
enum {
	TC_NAME, TC_GPUS, TC_BY, TC_OK, TC_HORIZON, TC_MET_ON, TC_MET_HORIZON,
	TC_DAYS_LATE, TC_RUNNABLE_BY, TC_ONLINE_BY, TC_REASON, TC_FAIL_DAY,
	TC_FAIL_COND, TC_FAIL_TDB, TC_FAIL_TWB, TC_FAIL_ONLINE, TC_RUNNABLE,
	TC_SHORT, TC_BINDING, TC_FAIL_DAYS, TC_DESIGN_OK, TC_DESIGN_RUNNABLE,
	TC_FIX_DATE, TC_FIX_ONLINE, TC_FIX_RACKS, TC_SUPPLY, TC_SUPPLY_DAY,
	TC_SUPPLY_COND, TC_SUPPLY_TDB, TC_GEN_MODEL, TC_GEN_UNIT, TC_GEN_TDB,
	TC_GEN_DERATE, TC_GENS, TC_GENS_N1, TC_COOLING, TC_COOLING_DAY,
	TC_COOLING_COND, TC_CH_MODEL, TC_CH_UNIT, TC_CHILLERS, TC_CHILLERS_N1,
	TC_TOWERS, TC_UPS, TC_XFMR, TC_SET_DATE, TC_SET_GRID, TC_SET_GEN,
	TC_SET_CH, TC_SET_TW, TC_DELAY_GPU_H, TC_MESSAGE, TC_MET_MESSAGE,
	TC_FIX_MESSAGE, TC_N
};

static const struct report_col target_cols[TC_N] = {
	[TC_NAME] = { "name", "target", "", REPORT_STRING },
	[TC_GPUS] = { "gpus", "GPUs", "", 0 },
	[TC_BY] = { "by", "by", "", REPORT_STRING },
	[TC_OK] = { "ok", "holds", "", REPORT_BOOL },
	[TC_HORIZON] = { "horizon", "held through", "", REPORT_STRING },
	[TC_MET_ON] = { "met_on", "met on", "", REPORT_STRING },
	[TC_MET_HORIZON] = { "met_horizon", "held from then through", "",
	    REPORT_STRING },
	[TC_DAYS_LATE] = { "days_late", "late", "d", 0 },
	[TC_RUNNABLE_BY] = { "runnable_on_by", "runnable on date", "", 0 },
	[TC_ONLINE_BY] = { "online_on_by", "online on date", "", 0 },
	[TC_REASON] = { "reason", "reason", "", REPORT_STRING },
	[TC_FAIL_DAY] = { "fail_day", "first failing day", "", REPORT_STRING },
	[TC_FAIL_COND] = { "fail_condition", "condition", "", REPORT_STRING },
	[TC_FAIL_TDB] = { "fail_tdb_c", "dry-bulb", "degC", 2 },
	[TC_FAIL_TWB] = { "fail_twb_c", "wet-bulb", "degC", 2 },
	[TC_FAIL_ONLINE] = { "fail_online_gpus", "online there", "", 0 },
	[TC_RUNNABLE] = { "runnable_gpus", "runnable there", "", 0 },
	[TC_SHORT] = { "shortfall_gpus", "short", "", 0 },
	[TC_BINDING] = { "binding", "binding", "", REPORT_STRING },
	[TC_FAIL_DAYS] = { "fail_days", "failing days", "d", 0 },
	[TC_DESIGN_OK] = { "design_ok", "design conditions hold", "", REPORT_BOOL },
	[TC_DESIGN_RUNNABLE] = { "design_runnable_gpus", "runnable at design", "",
	    0 },
	[TC_FIX_DATE] = { "fix_date", "move the date to", "", REPORT_STRING },
	[TC_FIX_ONLINE] = { "fix_gpus_online", "GPUs to bring online", "", 0 },
	[TC_FIX_RACKS] = { "fix_racks", "racks to bring online", "", 0 },
	[TC_SUPPLY] = { "supply_to_add_mw", "firm supply to add", "MW", 6 },
	[TC_SUPPLY_DAY] = { "supply_worst_day", "worst day", "", REPORT_STRING },
	[TC_SUPPLY_COND] = { "supply_worst_condition", "worst condition", "",
	    REPORT_STRING },
	[TC_SUPPLY_TDB] = { "supply_worst_tdb_c", "worst dry-bulb", "degC", 2 },
	[TC_GEN_MODEL] = { "fix_generator_model", "generator model", "",
	    REPORT_STRING },
	[TC_GEN_UNIT] = { "fix_generator_unit_mw", "per unit there", "MW", 6 },
	[TC_GEN_TDB] = { "fix_generator_tdb_c", "dry-bulb there", "degC", 2 },
	[TC_GEN_DERATE] = { "fix_generator_derate", "derate", "", 4 },
	[TC_GENS] = { "fix_generators", "generators needed", "", 0 },
	[TC_GENS_N1] = { "fix_generators_n1", "with N+1", "", 0 },
	[TC_COOLING] = { "cooling_to_add_mw", "chiller capacity to add", "MW", 6 },
	[TC_COOLING_DAY] = { "cooling_worst_day", "worst day", "", REPORT_STRING },
	[TC_COOLING_COND] = { "cooling_worst_condition", "worst condition", "",
	    REPORT_STRING },
	[TC_CH_MODEL] = { "fix_chiller_model", "chiller model", "", REPORT_STRING },
	[TC_CH_UNIT] = { "fix_chiller_unit_mw", "per chiller there", "MW", 6 },
	[TC_CHILLERS] = { "fix_chillers", "chillers needed", "", 0 },
	[TC_CHILLERS_N1] = { "fix_chillers_n1", "with N+1", "", 0 },
	[TC_TOWERS] = { "fix_with_towers", "as many tower cells", "", REPORT_BOOL },
	[TC_UPS] = { "ups_to_add_mw", "UPS to add", "MW", 6 },
	[TC_XFMR] = { "transformer_to_add_mva", "transformer to add", "MVA", 6 },
	[TC_SET_DATE] = { "fix_set_date", "--set for the date", "", REPORT_STRING },
	[TC_SET_GRID] = { "fix_set_grid", "--set for grid", "", REPORT_STRING },
	[TC_SET_GEN] = { "fix_set_generators", "--set for generators", "",
	    REPORT_STRING },
	[TC_SET_CH] = { "fix_set_chillers", "--set for chillers", "",
	    REPORT_STRING },
	[TC_SET_TW] = { "fix_set_towers", "--set for towers", "", REPORT_STRING },
	[TC_DELAY_GPU_H] = { "delay_gpu_h", "GPU-hours short", "GPU-h", 0 },
	[TC_MESSAGE] = { "message", "", "", REPORT_STRING },
	[TC_MET_MESSAGE] = { "met_message", "", "", REPORT_STRING },
	[TC_FIX_MESSAGE] = { "fix_message", "", "", REPORT_STRING },
};

/* The sentence of a target that holds. */
static void
ok_sentence(char *buf, size_t len, const struct plan_target *e)
{
	const struct site_target *t = e->target;
	char	a[16], b[16], h[16];

	date_format(t->by, a);
	date_format(e->horizon, h);
	date_format(e->met_on, b);
	snprintf(buf, len, "OK    %d GPUs by %s: met on %s (%d %s early) and held "
	    "through %s.", t->gpus, a, b, t->by - e->met_on,
	    days_word(t->by - e->met_on), h);
}

/* The sentence of when a failing target is met. */
static void
met_sentence(char *buf, size_t len, const struct plan_target *e)
{
	const struct site_target *t = e->target;
	char	b[16], h[16];

	if (e->met_on != DATE_NEVER) {
		date_format(e->met_on, b);
		date_format(e->met_horizon, h);
		snprintf(buf, len, "met on %s (%d %s late), held from then "
		    "through %s.", b, e->met_on - t->by, days_word(e->met_on - t->by),
		    h);
	} else
		snprintf(buf, len, "not met within %d days of full deployment.",
		    PLAN_LOOKAHEAD_D);
}

static void
target_row(struct report *r, const struct site *s, const struct plan_target *e)
{
	const struct site_target *t = e->target;
	struct fix_sets fs;
	char	byb[16], hb[16], mb[16], mh[16], fb[16], wb[16], cb[16], mv[16];
	char	msg[1024], met[256], fix[1024];
	int	fail = !e->ok, dsn = fail && e->reason != PLAN_REASON_DEPLOY;
	int	sup = fail && (e->fixes & PLAN_FIX_SUPPLY);
	int	cool = fail && (e->fixes & PLAN_FIX_COOLING);
	int	gen = sup && e->gen_model != NULL && e->gen_units > 0;
	int	ch = cool && e->chiller_group != NULL && e->chillers > 0;
	const char *strs[TC_N] = { NULL };
	double	nums[TC_N];
	size_t	k;

	for (k = 0; k < TC_N; k++)
		nums[k] = NAN;
	fix_sets(s, e, &fs);
	date_format(t->by, byb);
	date_format(e->horizon, hb);
	if (e->ok)
		ok_sentence(msg, sizeof msg, e);
	else {
		fail_sentence(msg, sizeof msg, e);
		met_sentence(met, sizeof met, e);
		fix_sentence(fix, sizeof fix, e);
	}
	strs[TC_NAME] = t->name;
	nums[TC_GPUS] = t->gpus;
	strs[TC_BY] = byb;
	nums[TC_OK] = e->ok;
	strs[TC_HORIZON] = hb;
	strs[TC_MET_ON] = opt_date(e->met_on, mb);
	if (e->met_on != DATE_NEVER) {
		strs[TC_MET_HORIZON] = opt_date(e->met_horizon, mh);
		nums[TC_DAYS_LATE] = e->met_on - t->by;
	}
	nums[TC_RUNNABLE_BY] = e->at_by.gpus_runnable;
	nums[TC_ONLINE_BY] = (double)e->at_by.gpus_online;
	strs[TC_REASON] = fail ? reason_key(e->reason) : NULL;
	if (fail) {
		strs[TC_FAIL_DAY] = opt_date(e->fail_day, fb);
		nums[TC_FAIL_ONLINE] = (double)e->fail_online;
		nums[TC_RUNNABLE] = e->fail_runnable;
		strs[TC_BINDING] = e->reason == PLAN_REASON_DEPLOY ? "deployment" :
		    cap_constraint_name(e->fail_binding);
	}
	if (dsn) {
		strs[TC_FAIL_COND] = e->fail_condition;
		nums[TC_FAIL_TDB] = e->fail_tdb;
		nums[TC_FAIL_TWB] = e->fail_twb;
	}
	nums[TC_SHORT] = e->shortfall_gpus;
	nums[TC_FAIL_DAYS] = e->fail_days;
	nums[TC_DESIGN_OK] = e->design_ok;
	nums[TC_DESIGN_RUNNABLE] = e->design_runnable;
	strs[TC_FIX_DATE] = fail && (e->fixes & PLAN_FIX_DATE) ?
	    opt_date(e->move_to, mv) : NULL;
	nums[TC_FIX_ONLINE] = (double)e->gpus_short_online;
	nums[TC_FIX_RACKS] = (double)e->racks_short;
	nums[TC_SUPPLY] = e->supply_w / 1e6;
	if (sup) {
		strs[TC_SUPPLY_DAY] = opt_date(e->supply_day, wb);
		strs[TC_SUPPLY_COND] = e->supply_condition;
		nums[TC_SUPPLY_TDB] = e->supply_tdb;
	}
	if (gen) {
		strs[TC_GEN_MODEL] = e->gen_model->name;
		nums[TC_GEN_UNIT] = e->gen_unit_w / 1e6;
		nums[TC_GEN_TDB] = e->gen_tdb;
		nums[TC_GEN_DERATE] = e->gen_derate;
	}
	nums[TC_GENS] = gen ? e->gen_units : 0;
	nums[TC_GENS_N1] = gen ? e->gen_units_n1 : 0;
	nums[TC_COOLING] = e->cooling_w / 1e6;
	if (cool) {
		strs[TC_COOLING_DAY] = opt_date(e->cooling_day, cb);
		strs[TC_COOLING_COND] = e->cooling_condition;
	}
	if (ch) {
		strs[TC_CH_MODEL] = e->chiller_group->model->name;
		nums[TC_CH_UNIT] = e->chiller_unit_w / 1e6;
		nums[TC_TOWERS] = e->tower_group != NULL;
	}
	nums[TC_CHILLERS] = ch ? e->chillers : 0;
	nums[TC_CHILLERS_N1] = ch ? e->chillers_n1 : 0;
	nums[TC_UPS] = e->ups_w / 1e6;
	nums[TC_XFMR] = e->transformer_va / 1e6;
	strs[TC_SET_DATE] = *fs.date ? fs.date : NULL;
	strs[TC_SET_GRID] = *fs.grid ? fs.grid : NULL;
	strs[TC_SET_GEN] = *fs.gen ? fs.gen : NULL;
	strs[TC_SET_CH] = *fs.chillers ? fs.chillers : NULL;
	strs[TC_SET_TW] = *fs.towers ? fs.towers : NULL;
	nums[TC_DELAY_GPU_H] = e->delay_gpu_h;
	strs[TC_MESSAGE] = unstatus(msg);
	strs[TC_MET_MESSAGE] = fail ? met : NULL;
	strs[TC_FIX_MESSAGE] = fail ? fix : NULL;
	report_row(r, nums, strs);
}

/* 2. targets against the timeline: sentences in text, a table of fields (and
 * the sentences as messages) in CSV and JSON */
static void
write_targets(struct report *r, enum out_format fmt, const struct site *s,
    const struct plan_result *p)
{
	size_t	i;

	report_section(r, "targets", "Targets");
	if (fmt != FMT_TEXT) {
		report_table(r, "detail", "", target_cols, TC_N);
		for (i = 0; i < p->ntargets; i++)
			target_row(r, s, &p->targets[i]);
		return;
	}
	for (i = 0; i < p->ntargets; i++)
		write_target(r, fmt, &p->targets[i]);
	if (p->ntargets == 0)
		report_str(r, "none", "targets", "none given");
}

/* 3. the build and the first year */
static void
write_year(struct report *r, enum out_format fmt, const struct plan_result *p,
    double step_s)
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
	/* the machine formats: energy in MWh, mass in t (dcplan-json(5)) */
	report_num(r, "it_gwh", "IT energy", su->e_it / DC_J_PER_GWH, "GWh", 1);
	report_as(r, "it_mwh", "MWh", 1e3);
	report_num(r, "facility_gwh", "facility energy", su->e_facility / DC_J_PER_GWH, "GWh",
	    1);
	report_as(r, "facility_mwh", "MWh", 1e3);
	report_num(r, "peak_facility_mw", "peak facility power", su->peak_facility_w /
	    1e6, "MW", 2);
	report_num(r, "water_m3_per_day", "water per day", su->days ? su->water_m3 /
	    su->days : 0, "m3/d", 0);
	if (fmt == FMT_TEXT)	/* one unit per quantity in the machine formats */
		report_num(r, "water_gal_per_day", "water per day", su->days ?
		    su->water_m3 / DC_M3_PER_USGAL / su->days : 0, "US gal/d", 0);
	report_num(r, "unmet_cooling_h", "hours with unmet cooling", su->unmet_hours,
	    "h", 1);
	report_num(r, "grid_gwh", "energy from the grid", su->e_grid / DC_J_PER_GWH, "GWh", 1);
	report_as(r, "grid_mwh", "MWh", 1e3);
	report_num(r, "generation_gwh", "energy from generators", su->e_gen / DC_J_PER_GWH,
	    "GWh", 1);
	report_as(r, "generation_mwh", "MWh", 1e3);
	report_num(r, "battery_gwh", "energy from batteries", su->e_batt_out / DC_J_PER_GWH,
	    "GWh", 1);
	report_as(r, "battery_mwh", "MWh", 1e3);
	report_num(r, "unserved_gwh", "unserved energy", su->e_unserved / DC_J_PER_GWH, "GWh",
	    2);
	report_as(r, "unserved_mwh", "MWh", 1e3);
	report_num(r, "unserved_h", "hours with unserved load", su->unserved_hours, "h",
	    0);
	report_num(r, "fuel_tj", "generator fuel (LHV)", su->fuel_j / 1e12, "TJ", 1);
	report_as(r, "fuel_mwh", "MWh", 1e12 / DC_J_PER_MWH);
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

/* The permit table of the machine formats (dcplan-json(5), dcplan.plan/3). */
enum {
	PC_NAME, PC_DUTY, PC_OK, PC_HOURS, PC_HOURS_YEAR, PC_HOURS_DAYS,
	PC_HOURS_LIMIT, PC_HOURS_OK, PC_NOX, PC_NOX_YEAR, PC_NOX_DAYS, PC_NOX_LIMIT,
	PC_NOX_OK, PC_RUNNING, PC_RUNNING_LIMIT, PC_RUNNING_OK, PC_TITLE_V,
	PC_MESSAGE, PC_N
};

static const struct report_col permit_cols[PC_N] = {
	[PC_NAME] = { "name", "generators", "", REPORT_STRING },
	[PC_DUTY] = { "duty", "duty", "", REPORT_STRING },
	[PC_OK] = { "ok", "within the permits", "", REPORT_BOOL },
	[PC_HOURS] = { "hours_h", "hours per unit", "h", 0 },
	[PC_HOURS_YEAR] = { "hours_year", "in", "", 0 },
	[PC_HOURS_DAYS] = { "hours_days", "days of it simulated", "d", 0 },
	[PC_HOURS_LIMIT] = { "hours_limit_h", "limit", "h", 0 },
	[PC_HOURS_OK] = { "hours_ok", "hours ok", "", REPORT_BOOL },
	[PC_NOX] = { "nox_t", "NOx", "t", 2 },
	[PC_NOX_YEAR] = { "nox_year", "in", "", 0 },
	[PC_NOX_DAYS] = { "nox_days", "days of it simulated", "d", 0 },
	[PC_NOX_LIMIT] = { "nox_limit_t", "limit", "t", 2 },
	[PC_NOX_OK] = { "nox_ok", "NOx ok", "", REPORT_BOOL },
	[PC_RUNNING] = { "max_running", "most units at once", "", 0 },
	[PC_RUNNING_LIMIT] = { "max_running_limit", "limit", "", 0 },
	[PC_RUNNING_OK] = { "running_ok", "units at once ok", "", REPORT_BOOL },
	[PC_TITLE_V] = { "title_v_major_source", "above Title V", "", REPORT_BOOL },
	[PC_MESSAGE] = { "message", "", "", REPORT_STRING },
};

/* A permit's sentence. */
static void
permit_sentence(char *line, size_t len, const struct plan_permit *pm)
{
	const struct site_generator *g = pm->gen;
	char	lh[160], ln[160], lr[160], yh[96], yn[96];

	permit_part(lh, sizeof lh, "", pm->worst_h, 0, "h per unit",
	    g->max_hours_s / 3600, g->max_hours_s > 0);
	permit_part(ln, sizeof ln, "", pm->worst_nox_kg / 1e3, 2, "t NOx",
	    g->max_nox_kg / 1e3, g->max_nox_kg > 0);
	permit_part(lr, sizeof lr, "at most", pm->max_running, 0,
	    pm->max_running == 1 ? "unit at once" : "units at once",
	    g->max_running, g->max_running > 0);
	snprintf(line, len, "%s (%s):%s%s;%s%s; %s.%s",
	    pm->ok ? "OK" : "EXCEEDED", gen_is_firm(g) ? "firm" : "backup", lh,
	    in_year(yh, sizeof yh, pm->worst_h_year, pm->worst_h_days), ln,
	    in_year(yn, sizeof yn, pm->worst_nox_year, pm->worst_nox_days), lr,
	    pm->title_v ? " WARNING: NOx above the Clean Air Act Title V "
	    "major-source threshold, 100 short tons (90.7 t) a year." : "");
}

static void
permit_row(struct report *r, const struct plan_permit *pm)
{
	const struct site_generator *g = pm->gen;
	const char *strs[PC_N] = { NULL };
	double	nums[PC_N];
	char	line[1024];
	int	k;

	for (k = 0; k < PC_N; k++)
		nums[k] = NAN;
	permit_sentence(line, sizeof line, pm);
	strs[PC_NAME] = g->name;
	strs[PC_DUTY] = gen_is_firm(g) ? "firm" : "backup";
	nums[PC_OK] = pm->ok;
	nums[PC_HOURS] = pm->worst_h;
	if (pm->worst_h_year != 0) {
		nums[PC_HOURS_YEAR] = pm->worst_h_year;
		nums[PC_HOURS_DAYS] = pm->worst_h_days;
	}
	if (g->max_hours_s > 0)
		nums[PC_HOURS_LIMIT] = g->max_hours_s / 3600;
	nums[PC_HOURS_OK] = pm->hours_ok;
	nums[PC_NOX] = pm->worst_nox_kg / 1e3;
	if (pm->worst_nox_year != 0) {
		nums[PC_NOX_YEAR] = pm->worst_nox_year;
		nums[PC_NOX_DAYS] = pm->worst_nox_days;
	}
	if (g->max_nox_kg > 0)
		nums[PC_NOX_LIMIT] = g->max_nox_kg / 1e3;
	nums[PC_NOX_OK] = pm->nox_ok;
	nums[PC_RUNNING] = pm->max_running;
	if (g->max_running > 0)
		nums[PC_RUNNING_LIMIT] = g->max_running;
	nums[PC_RUNNING_OK] = pm->running_ok;
	nums[PC_TITLE_V] = pm->title_v;
	strs[PC_MESSAGE] = line;
	report_row(r, nums, strs);
}

/* permits: each limit is per calendar year; the worst year of the run counts */
static void
write_permits(struct report *r, enum out_format fmt, const struct site *s,
    const struct plan_result *p)
{
	char	line[1024], key[96], yn[96];
	size_t	i;

	report_section(r, "permits", "Generator permits (worst calendar year)");
	if (fmt != FMT_TEXT) {
		report_table(r, "generators", "", permit_cols, PC_N);
		for (i = 0; i < p->npermits; i++)
			permit_row(r, &p->permits[i]);
		report_num(r, "site_nox_t", "site NOx, worst calendar year",
		    p->site_nox_kg / 1e3, "t", 6);
		report_num(r, "site_nox_year", "that year", p->site_nox_year != 0 ?
		    p->site_nox_year : NAN, "", 0);
		report_num(r, "site_nox_days", "days of it simulated",
		    p->site_nox_year != 0 ? p->site_nox_days : NAN, "d", 0);
		report_bool(r, "title_v_major_source", "above the Title V threshold",
		    p->site_title_v);
		return;
	}
	for (i = 0; i < p->npermits; i++) {
		const struct plan_permit *pm = &p->permits[i];
		char	lb[32];

		permit_sentence(line, sizeof line, pm);
		snprintf(key, sizeof key, "generators_%zu", i + 1);
		put_text(r, fmt, key, short_label(pm->gen->name, lb, sizeof lb), line);
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
}

/* 4. the first year of operation must carry its GPUs all year */
static void
write_operation(struct report *r, enum out_format fmt, const struct plan_result *p,
    double tz_hours)
{
	char	a[16], b[16], sl[1024], cl[1024], what[64], tb[16], at[32];

	report_section(r, "operation", "First year of operation");
	date_format(p->op_from, a);
	date_format(p->op_from + PLAN_WINDOW_D, b);
	if (p->op_gpus > 0)
		snprintf(what, sizeof what, "%ld GPUs (the largest target)", p->op_gpus);
	else
		snprintf(what, sizeof what, "every GPU online");
	if (!p->supply_ok) {
		char	pw[32];

		date_format(p->peak_day, tb);
		snprintf(sl, sizeof sl, "FAIL  the supply falls short of %s for "
		    "%.0f h from %s to %s, by up to %s on %s %02d:%02d; fix: the "
		    "targets' supply fixes, or cap GPU power "
		    "(it.workload.gpu_power_cap).", what, p->unserved_h, a, b,
		    fmt_pow(pw, sizeof pw, p->peak_unserved_w), tb, p->peak_minute / 60,
		    p->peak_minute % 60);
	} else
		snprintf(sl, sizeof sl, "OK    the supply carries %s every hour from "
		    "%s to %s.", what, a, b);
	if (!p->cooling_ok)
		snprintf(cl, sizeof cl, "FAIL  the cooling falls short of %s for "
		    "%.0f h from %s to %s.", what, p->unmet_h, a, b);
	else
		snprintf(cl, sizeof cl, "OK    the cooling meets the load every hour "
		    "from %s to %s.", a, b);
	if (fmt == FMT_TEXT) {
		put_text(r, fmt, "supply", "supply", sl);
		put_text(r, fmt, "cooling", "cooling", cl);
		return;
	}
	report_str(r, "from", "from", a);
	report_str(r, "to", "to", b);
	report_int(r, "gpus", "GPUs running", p->op_gpus, "");
	report_bool(r, "supply_ok", "the supply carries them", p->supply_ok);
	report_num(r, "unserved_h", "hours with unserved load", p->unserved_h, "h", 2);
	report_num(r, "peak_unserved_mw", "worst shortfall", p->peak_unserved_w / 1e6,
	    "MW", 6);
	/* the worst shortfall's local standard time with the site's UTC offset,
	 * as the simulation's times (dcplan-json(5)) */
	if (!p->supply_ok) {
		int	off = (int)lround(tz_hours * 60);

		date_format(p->peak_day, tb);
		snprintf(at, sizeof at, "%sT%02d:%02d%c%02d:%02d", tb,
		    p->peak_minute / 60 % 24, p->peak_minute % 60, off < 0 ? '-' : '+',
		    abs(off) / 60 % 24, abs(off) % 60);
	}
	report_str(r, "peak_unserved_at", "at", p->supply_ok ? NULL : at);
	report_str(r, "supply_message", "supply", unstatus(sl));
	report_bool(r, "cooling_ok", "the cooling meets the load", p->cooling_ok);
	report_num(r, "unmet_cooling_h", "hours with unmet cooling", p->unmet_h, "h",
	    2);
	report_str(r, "cooling_message", "cooling", unstatus(cl));
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

/* The rented generator fixes in CSV and JSON (dcplan-json(5)). */
enum {
	FX_TARGET, FX_MODEL, FX_UNITS, FX_FROM, FX_TO, FX_MONTHS, FX_TERMS, FX_COST,
	FX_REMOVES, FX_MESSAGE, FX_N
};

static const struct report_col fix_cols[FX_N] = {
	[FX_TARGET] = { "target", "target", "", REPORT_STRING },
	[FX_MODEL] = { "generator_model", "generator model", "", REPORT_STRING },
	[FX_UNITS] = { "units", "units (N+1)", "", 0 },
	[FX_FROM] = { "from", "rented from", "", REPORT_STRING },
	[FX_TO] = { "to", "to", "", REPORT_STRING },
	[FX_MONTHS] = { "months", "months", "month", 1 },
	[FX_TERMS] = { "terms", "on the terms of", "", REPORT_STRING },
	[FX_COST] = { "cost", "fix cost", "", 0 },
	[FX_REMOVES] = { "removes", "delay it removes", "", 0 },
	[FX_MESSAGE] = { "message", "", "", REPORT_STRING },
};

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
	/* what a generator fix would cost if rented, beside the delay it removes:
	 * sentences in text, a table in CSV and JSON */
	if (fmt != FMT_TEXT) {
		report_table(r, "fixes", "", fix_cols, FX_N);
		report_col_as(r, FX_COST, NULL, cur, 0);
		report_col_as(r, FX_REMOVES, NULL, cur, 0);
	}
	for (i = 0; i < p->ntargets; i++) {
		const struct plan_target *t = &p->targets[i];
		const struct site_generator *as;
		char	line[512], a[16], b[16];
		int	to = t->met_on != DATE_NEVER && t->met_on != DATE_NONE ?
		    t->met_on - 1 : p->sim_to;
		double	fc, months, removes;

		if (t->ok || !(t->fixes & PLAN_FIX_SUPPLY) || t->gen_model == NULL ||
		    t->gen_units_n1 <= 0)
			continue;
		fc = cost_rent_units(s, t->gen_model, t->gen_units_n1, t->target->by, to,
		    &as);
		if (as == NULL)
			continue;
		date_format(t->target->by, a);
		date_format(to, b);
		months = (to - t->target->by + 1) * 12 / 365.0;
		removes = isfinite(t->delay_cost) ? t->delay_cost : 0;
		snprintf(line, sizeof line, "%s: +%d x %s rented %s to %s (%.1f months, "
		    "on the terms of '%s'): %.0f %s; removes %.0f %s of delay",
		    t->target->name, t->gen_units_n1, t->gen_model->name, a, b,
		    months, as->name, fc, cur, removes, cur);
		if (fmt == FMT_TEXT) {
			snprintf(key, sizeof key, "fix_%zu", i + 1);
			put_text(r, fmt, key, "fix cost", line);
		} else {
			const char *strs[FX_N] = { t->target->name, t->gen_model->name,
			    NULL, a, b, NULL, as->name, NULL, NULL, line };
			double	nums[FX_N] = { NAN, NAN, t->gen_units_n1, NAN, NAN, months,
			    NAN, fc, removes, NAN };

			report_row(r, nums, strs);
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
	r = report_new("dcplan.plan/3", title);
	write_design(r, c->g->fmt, &c->site, &p);
	write_targets(r, c->g->fmt, &c->site, &p);
	write_year(r, c->g->fmt, &p, c->site.sim.step_s);
	write_permits(r, c->g->fmt, &c->site, &p);
	write_operation(r, c->g->fmt, &p, c->site.tz_hours);
	write_costs(r, c->g->fmt, &c->site, &p);
	report_section(r, "verdict", "Verdict");
	if (c->g->fmt != FMT_TEXT)
		report_bool(r, "feasible", "feasible", p.feasible);
	report_str(r, "verdict", "verdict", p.feasible ? "FEASIBLE" : "INFEASIBLE");
	report_as(r, "status", NULL, 0);
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
	.summary = "the verdict: capacity, timeline, first year; FEASIBLE or INFEASIBLE",
	.opts = plan_opts,
	.min_pos = 1,
	.max_pos = 1,
	.needs = CMD_SITE | CMD_WEATHER | CMD_OUTPUT | CMD_REPORT,
	.formats = FMTS_ALL,
	.exec = cmd_plan_exec,
};
