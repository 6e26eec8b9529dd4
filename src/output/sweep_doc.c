/*
 * sweep_doc.c - the rows of dcplan sweep and the merge of its shards (see
 * sweep_doc.h).  CSV and JSON go through the streamed table writer (table.h),
 * one row a case as it comes; the text summary is written at the end.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consts.h"
#include "date.h"
#include "numfmt.h"
#include "plan.h"
#include "site.h"
#include "supply.h"
#include "sweep_doc.h"
#include "table.h"

/* the text summary's widths: 5 + 24 + 10 + 6 + 7 + 5 + 7 + 9 and 7 spaces =
 * 80 columns */
#define TW_INPUTS	24
#define TOP_N		5

/* A case as the text summary shows it. */
struct text_row {
	size_t	id;
	int	cls;		/* 0 feasible, 1 infeasible, 2 invalid */
	int	failing;	/* targets that fail */
	double	late;		/* worst days late; inf: never met; NaN: none */
	double	shortfall;	/* largest shortfall, GPUs */
	double	cost;		/* total, NaN without prices */
	char	line[96];	/* the row, formatted */
	char	*error;		/* invalid cases: the message */
};

enum { F_STR, F_NUM };

struct sweep_doc {
	FILE	*fp;
	enum out_format fmt;
	struct table t;
	struct table_col *cols;
	char	**names;	/* owned column names */
	int	ncols;
	size_t	nvary, ntargets, ncases;
	int	c_targets, c_year;	/* first column of the targets and the year */
	double	*nums;
	const char **strs;
	char	(*sbuf)[512];	/* per column, the strings of the row */
	/* text */
	const char *title;
	char	*title_copy;
	const char *const *paths;
	struct text_row top[TOP_N];
	int	ntop;
	char	*lines;		/* every case's text line (and error lines) */
	size_t	nlines, caplines;
	size_t	count[4];	/* feasible, infeasible, invalid, I/O */
	char	cur[16], cur_gpuh[32];	/* units of the costs ("" none) */
};

/* ---- columns ---- */

static int
add_col(struct sweep_doc *d, const char *name, const char *unit, int kind)
{
	struct table_col *c;
	char	**nm;

	if ((c = realloc(d->cols, (size_t)(d->ncols + 1) * sizeof *c)) == NULL)
		return -1;
	d->cols = c;
	if ((nm = realloc(d->names, (size_t)(d->ncols + 1) * sizeof *nm)) == NULL)
		return -1;
	d->names = nm;
	if ((d->names[d->ncols] = strdup(name)) == NULL)
		return -1;
	c = &d->cols[d->ncols++];
	memset(c, 0, sizeof *c);
	c->name = d->names[d->ncols - 1];
	c->label = c->name;
	c->prec = kind == F_STR ? TABLE_STRING : 6;
	c->width = 1;
	c->unit = unit;
	return 0;
}

static const char *const cost_cols[COST_NCAT] = {
	"cost_energy", "cost_demand", "cost_fixed", "cost_fuel",
	"cost_variable_om", "cost_rental", "cost_capex", "cost_fixed_om",
	"cost_water", "cost_co2"
};

/* the unit of a cost column: the currency, none without prices */
static const char *
cur(const struct sweep_doc *d)
{
	return d->cur[0] ? d->cur : NULL;
}

static int
build_cols(struct sweep_doc *d, const char *const *paths,
    const char *const *units)
{
	static const char *const tcols[][3] = {
		/* name, unit, kind (s/n) */
		{ "name", NULL, "s" }, { "status", NULL, "s" },
		{ "met_on", NULL, "s" }, { "days_late", "d", "n" },
		/* GPU counts have no unit, as in plan's (dcplan-json(5) Units) */
		{ "runnable_on_by", NULL, "n" }, { "shortfall_gpus", NULL, "n" },
		{ "binding", NULL, "s" }, { "fix", NULL, "s" },
		{ "fix_amount", NULL, "n" }, { "fix_unit", NULL, "s" },
		{ "fix_set", NULL, "s" }, { "fix_date", NULL, "s" },
		{ "delay_gpu_h", "GPU-h", "n" }, { "delay_cost", "$", "n" },
	};
	static const char *const ycols[][2] = {
		{ "pue", NULL }, { "peak_facility_mw", "MW" },
		{ "water_m3_per_day", "m3/d" }, { "co2_t", "t" }, { "nox_t", "t" }, { "unserved_mwh", "MWh" },
		{ "unserved_h", "h" },
	};
	char	name[600];
	size_t	i, k;
	int	rc = 0;

	rc |= add_col(d, "case", NULL, F_NUM);
	rc |= add_col(d, "cases", NULL, F_NUM);
	for (i = 0; i < d->nvary; i++) {
		snprintf(name, sizeof name, "%s", paths[i]);
		rc |= add_col(d, name, NULL, F_STR);
		snprintf(name, sizeof name, "%s_value", paths[i]);
		rc |= add_col(d, name, units != NULL ? units[i] : NULL, F_NUM);
	}
	rc |= add_col(d, "verdict", NULL, F_STR);
	rc |= add_col(d, "exit", NULL, F_NUM);
	rc |= add_col(d, "error", NULL, F_STR);
	d->c_targets = d->ncols;
	for (i = 0; i < d->ntargets; i++)
		for (k = 0; k < sizeof tcols / sizeof tcols[0]; k++) {
			snprintf(name, sizeof name, "t%zu_%s", i + 1, tcols[k][0]);
			rc |= add_col(d, name, tcols[k][1] != NULL &&
			    tcols[k][1][0] == '$' ? cur(d) : tcols[k][1],
			    tcols[k][2][0] == 's' ? F_STR : F_NUM);
		}
	d->c_year = d->ncols;
	for (k = 0; k < sizeof ycols / sizeof ycols[0]; k++)
		rc |= add_col(d, ycols[k][0], ycols[k][1], F_NUM);
	rc |= add_col(d, "currency", NULL, F_STR);
	for (k = 0; k < COST_NCAT; k++)
		rc |= add_col(d, cost_cols[k], cur(d), F_NUM);
	rc |= add_col(d, "cost_total", cur(d), F_NUM);
	rc |= add_col(d, "cost_delay", cur(d), F_NUM);
	rc |= add_col(d, "cost_total_with_delay", cur(d), F_NUM);
	rc |= add_col(d, "cost_per_gpu_hour", d->cur_gpuh[0] ? d->cur_gpuh : NULL,
	    F_NUM);
	return rc ? -1 : 0;
}

struct sweep_doc *
sweep_doc_new(FILE *fp, enum out_format fmt, const struct out_doc *doc,
    const char *title, const char *const *paths, const char *const *units,
    size_t nvary, size_t ntargets, size_t ncases, const char *currency)
{
	struct sweep_doc *d = calloc(1, sizeof *d);

	if (d == NULL)
		return NULL;
	d->fp = fp;
	d->fmt = fmt;
	d->nvary = nvary;
	d->ntargets = ntargets;
	d->ncases = ncases;
	d->paths = paths;
	if (currency != NULL) {
		snprintf(d->cur, sizeof d->cur, "%s", currency);
		snprintf(d->cur_gpuh, sizeof d->cur_gpuh, "%s/GPU-h", currency);
	}
	if ((d->title_copy = strdup(title)) == NULL || build_cols(d, paths, units) != 0 ||
	    (d->nums = calloc((size_t)d->ncols, sizeof *d->nums)) == NULL ||
	    (d->strs = calloc((size_t)d->ncols, sizeof *d->strs)) == NULL ||
	    (d->sbuf = calloc((size_t)d->ncols, sizeof *d->sbuf)) == NULL) {
		sweep_doc_free(d);
		return NULL;
	}
	d->title = d->title_copy;
	if (fmt != FMT_TEXT && table_begin(&d->t, fp, fmt, SWEEP_SCHEMA, doc, d->cols,
	    d->ncols) != 0) {
		sweep_doc_free(d);
		return NULL;
	}
	table_nulls(&d->t);	/* absent is null (dcplan-json(5)) */
	return d;
}

void
sweep_doc_free(struct sweep_doc *d)
{
	int	i;

	if (d == NULL)
		return;
	for (i = 0; i < d->ncols; i++)
		free(d->names[i]);
	for (i = 0; i < d->ntop; i++)
		free(d->top[i].error);
	free(d->names);
	free(d->cols);
	free(d->nums);
	free(d->strs);
	free(d->sbuf);
	free(d->lines);
	free(d->title_copy);
	free(d);
}

/* ---- one row ---- */

/* Power to buy, rounded up so that it covers the need, as dcplan plan writes
 * it in its --set forms: to 0.1 MW from a megawatt, to the kilowatt below. */
static const char *
fmt_buy(char *buf, size_t len, double w)
{
	if (w >= 1e6)
		snprintf(buf, len, "%.1f MW", ceil(w / 1e5 - 1e-9) / 10);
	else
		snprintf(buf, len, "%.0f kW", ceil(w / 1e3 - 1e-9));
	return buf;
}

/* The --set override of a target's first fix, as dcplan plan's fix_set_grid,
 * fix_set_chillers and fix_set_date give it (the test t-cli-sweep.sh compares
 * them); empty when the fix has none. */
static void
fix_set(const struct site *s, const struct plan_target *e, unsigned part,
    char *buf, size_t len)
{
	const struct site_target *t = e->target;
	char	by[16], mv[16], pw[32];

	buf[0] = '\0';
	date_format(t->by, by);
	if (part == PLAN_FIX_SUPPLY)
		snprintf(buf, len, "power.grid.feeds[%zu]={name: fix-%.40s, capacity: "
		    "%s, in_service: %s}", s->power.nfeeds, t->name,
		    fmt_buy(pw, sizeof pw, e->supply_w), by);
	else if (part == PLAN_FIX_COOLING && e->chiller_group != NULL &&
	    e->chillers_n1 > 0) {
		const struct site_units *c = e->chiller_group;
		size_t	ci = (size_t)(c - s->cooling.chillers);

		if (!c->model->is_inline)
			snprintf(buf, len, "cooling.chillers[%zu]={name: fix-%.40s, "
			    "model: %s, capacity: %.0f kW, count: %d, redundancy: N+1, "
			    "in_service: %s}", s->cooling.nchillers, t->name,
			    c->model->name, ceil(c->chiller.q_ref / 1e3), e->chillers_n1,
			    by);
		else if ((c->in_service == DATE_NONE || c->in_service <= t->by) &&
		    c->redundancy != RED_2N)
			snprintf(buf, len, "cooling.chillers[%zu].count=%d", ci,
			    c->count + e->chillers);
	} else if (part == PLAN_FIX_DATE) {
		date_format(e->move_to, mv);
		snprintf(buf, len, "targets[%zu].by=%s", e->index, mv);
	}
}

/* A target's fix: what (the parts, "+"-joined), and the first part's amount,
 * unit and --set form. */
static void
fix_fields(struct sweep_doc *d, int c, const struct site *s,
    const struct plan_target *e)
{
	static const struct { unsigned bit; const char *name; } parts[] = {
		{ PLAN_FIX_SUPPLY, "supply" }, { PLAN_FIX_COOLING, "cooling" },
		{ PLAN_FIX_UPS, "ups" }, { PLAN_FIX_TRANSFORMER, "transformer" },
		{ PLAN_FIX_DEPLOY, "deploy" }, { PLAN_FIX_DATE, "date" },
	};
	unsigned first = 0;
	size_t	i, o = 0;
	char	*what = d->sbuf[c];

	what[0] = '\0';
	for (i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (e->fixes & parts[i].bit) {
			o += (size_t)snprintf(what + o, sizeof d->sbuf[c] - o, "%s%s",
			    o ? "+" : "", parts[i].name);
			if (first == 0)
				first = parts[i].bit;
		}
	d->strs[c] = first ? what : NULL;
	switch (first) {
	case PLAN_FIX_SUPPLY:
		d->nums[c + 1] = e->supply_w / 1e6;
		d->strs[c + 2] = "MW";
		break;
	case PLAN_FIX_COOLING:
		d->nums[c + 1] = e->cooling_w / 1e6;
		d->strs[c + 2] = "MW";
		break;
	case PLAN_FIX_UPS:
		d->nums[c + 1] = e->ups_w / 1e6;
		d->strs[c + 2] = "MW";
		break;
	case PLAN_FIX_TRANSFORMER:
		d->nums[c + 1] = e->transformer_va / 1e6;
		d->strs[c + 2] = "MVA";
		break;
	case PLAN_FIX_DEPLOY:
		d->nums[c + 1] = (double)e->gpus_short_online;
		d->strs[c + 2] = "GPUs";
		break;
	case PLAN_FIX_DATE:
		d->nums[c + 1] = e->move_to - e->target->by;
		d->strs[c + 2] = "d";
		break;
	default:
		break;
	}
	if (first) {
		fix_set(s, e, first, d->sbuf[c + 3], sizeof d->sbuf[c + 3]);
		d->strs[c + 3] = d->sbuf[c + 3][0] ? d->sbuf[c + 3] : NULL;
	}
	if (e->fixes & PLAN_FIX_DATE) {
		date_format(e->move_to, d->sbuf[c + 4]);
		d->strs[c + 4] = d->sbuf[c + 4];
	}
}

/* The fields of a case that ran. */
static void
plan_fields(struct sweep_doc *d, const struct site *s, const struct plan_result *p)
{
	const struct sim_summary *su = &p->year;
	int	c = d->c_targets, k;
	size_t	i;
	double	delay = 0;

	for (i = 0; i < d->ntargets; i++, c += 14) {
		const struct plan_target *e;
		const struct site_target *t;

		if (i >= p->ntargets)
			continue;
		e = &p->targets[i];
		t = e->target;
		d->strs[c] = t->name;
		d->strs[c + 1] = e->ok ? "OK" : "FAIL";
		if (e->met_on != DATE_NEVER) {
			date_format(e->met_on, d->sbuf[c + 2]);
			d->strs[c + 2] = d->sbuf[c + 2];
			d->nums[c + 3] = e->met_on - t->by;
		}		/* never met: null */
		d->nums[c + 4] = e->at_by.gpus_runnable;
		d->nums[c + 5] = e->shortfall_gpus;
		if (!e->ok) {
			d->strs[c + 6] = e->reason == PLAN_REASON_DEPLOY ? "deployment" :
			    cap_constraint_name(e->fail_binding);
			fix_fields(d, c + 7, s, e);
		}
		d->nums[c + 12] = e->delay_gpu_h;
		d->nums[c + 13] = e->delay_cost;
		delay += e->delay_cost;
	}
	c = d->c_year;
	d->nums[c] = su->e_it > 0 ? su->e_facility / su->e_it : NAN;
	d->nums[c + 1] = su->peak_facility_w / 1e6;
	d->nums[c + 2] = su->days ? su->water_m3 / su->days : 0;
	d->nums[c + 3] = su->co2_kg / 1e3;
	d->nums[c + 4] = su->nox_kg / 1e3;
	d->nums[c + 5] = su->e_unserved / DC_J_PER_MWH;
	d->nums[c + 6] = su->unserved_hours;
	c += 7;
	if (s->econ == NULL || !p->cost.computed)
		return;
	d->strs[c] = s->econ->currency;
	for (k = 0; k < COST_NCAT; k++)
		d->nums[c + 1 + k] = p->cost.cat[k];
	c += 1 + COST_NCAT;
	d->nums[c] = p->cost.total;
	d->nums[c + 1] = delay;		/* NaN without a GPU-hour value */
	d->nums[c + 2] = p->cost.total + delay;
	d->nums[c + 3] = p->cost.per_gpu_hour;
}

/* ---- text ---- */

static int
rank_less(const struct text_row *a, const struct text_row *b)
{
	if (a->cls != b->cls)
		return a->cls < b->cls;
	if (a->cls == 0) {
		if (isnan(a->cost) != isnan(b->cost))
			return !isnan(a->cost);
		if (!isnan(a->cost) && a->cost != b->cost)
			return a->cost < b->cost;
	} else if (a->cls == 1) {
		if (a->failing != b->failing)
			return a->failing < b->failing;
		if (a->late != b->late)
			return a->late < b->late;
		if (a->shortfall != b->shortfall)
			return a->shortfall < b->shortfall;
	}
	return a->id < b->id;
}

static int
add_line(struct sweep_doc *d, const char *s)
{
	size_t	n = strlen(s);

	if (d->nlines + n + 2 > d->caplines) {
		size_t	cap = d->caplines ? 2 * d->caplines : 65536;
		char	*v;

		while (cap < d->nlines + n + 2)
			cap *= 2;
		if ((v = realloc(d->lines, cap)) == NULL)
			return -1;
		d->lines = v;
		d->caplines = cap;
	}
	memcpy(d->lines + d->nlines, s, n);
	d->nlines += n;
	d->lines[d->nlines++] = '\n';
	return 0;
}

/* s cut to w columns, a '~' where it was cut */
static void
cut(char *buf, size_t len, const char *s, int w)
{
	if ((int)strlen(s) <= w)
		snprintf(buf, len, "%s", s);
	else
		snprintf(buf, len, "%.*s~", w - 1, s);
}

static void
num_or_dash(char *buf, double v, int prec)
{
	numfmt_fixed(buf, v, prec);
	if (*buf == '\0')
		strcpy(buf, "-");
}

/* An error message wrapped to 80 columns under its case, indented 6. */
static int
add_error(struct sweep_doc *d, const char *msg)
{
	char	line[81];
	const char *p = msg;
	int	first = 1;

	while (*p != '\0') {
		int	room = 80 - 6 - (first ? 7 : 0), n = (int)strlen(p);

		if (n > room) {
			n = room;
			while (n > room / 2 && p[n] != ' ')
				n--;
			if (p[n] != ' ')
				n = room;
		}
		snprintf(line, sizeof line, "      %s%.*s", first ? "error: " : "", n, p);
		if (add_line(d, line) != 0)
			return -1;
		p += n;
		while (*p == ' ')
			p++;
		first = 0;
	}
	return 0;
}

static int
text_row(struct sweep_doc *d, const struct sweep_case_out *o)
{
	struct text_row r;
	char	in[256], ic[TW_INPUTS + 2], late[32], sh[32], pue[32], pk[32],
		cost[32];
	size_t	i, n = 0;
	int	j;

	memset(&r, 0, sizeof r);
	r.id = o->id;
	r.cls = o->exit_class == 0 ? 0 : o->exit_class == 1 ? 1 : 2;
	r.late = NAN;
	r.shortfall = NAN;
	r.cost = NAN;
	in[0] = '\0';
	for (i = 0; i < d->nvary && n + 1 < sizeof in; i++)
		n += (size_t)snprintf(in + n, sizeof in - n, "%s%s", i ? ", " : "",
		    o->typed[i] != NULL ? o->typed[i] : "(site)");
	cut(ic, sizeof ic, in, TW_INPUTS);
	if (r.cls < 2) {
		const struct plan_result *p = o->res;

		for (i = 0; i < p->ntargets; i++) {
			const struct plan_target *e = &p->targets[i];
			double	l;

			if (e->ok)
				continue;
			r.failing++;
			l = e->met_on == DATE_NEVER ? INFINITY :
			    (double)(e->met_on - e->target->by);
			if (isnan(r.late) || l > r.late)
				r.late = l;
			if (isnan(r.shortfall) || e->shortfall_gpus > r.shortfall)
				r.shortfall = e->shortfall_gpus;
		}
		if (p->cost.computed)
			r.cost = p->cost.total;
	}
	j = d->c_year;
	if (isinf(r.late))
		strcpy(late, "never");
	else
		num_or_dash(late, r.late, 0);
	num_or_dash(sh, r.shortfall, 0);
	num_or_dash(pue, d->nums[j], 2);
	num_or_dash(pk, d->nums[j + 1], 1);
	num_or_dash(cost, r.cost / 1e6, 1);
	snprintf(r.line, sizeof r.line, "%5zu %-*s %-10s %6s %7s %5s %7s %9s", o->id,
	    TW_INPUTS, ic, o->exit_class == 0 ? "FEASIBLE" : o->exit_class == 1 ?
	    "INFEASIBLE" : o->exit_class == 3 ? "INVALID" : "ERROR", late, sh, pue,
	    pk, cost);
	if (add_line(d, r.line) != 0 ||
	    (r.cls == 2 && o->error != NULL && add_error(d, o->error) != 0))
		return -1;
	/* keep the TOP_N best, in order */
	if (d->ntop < TOP_N || rank_less(&r, &d->top[d->ntop - 1])) {
		int	k = d->ntop < TOP_N ? d->ntop++ : TOP_N - 1;

		free(d->top[k].error);
		if (r.cls == 2 && o->error != NULL && (r.error = strdup(o->error)) == NULL)
			return -1;
		while (k > 0 && rank_less(&r, &d->top[k - 1])) {
			d->top[k] = d->top[k - 1];
			k--;
		}
		d->top[k] = r;
	}
	return 0;
}

int
sweep_doc_row(struct sweep_doc *d, const struct sweep_case_out *o)
{
	int	c;
	size_t	i;

	for (c = 0; c < d->ncols; c++) {
		d->nums[c] = NAN;
		d->strs[c] = NULL;
	}
	d->nums[0] = (double)o->id;
	d->nums[1] = (double)d->ncases;
	for (i = 0; i < d->nvary; i++) {
		d->strs[2 + 2 * i] = o->typed[i];
		d->nums[3 + 2 * i] = o->value[i];
	}
	c = 2 + 2 * (int)d->nvary;
	d->strs[c] = o->exit_class == 0 ? "FEASIBLE" : o->exit_class == 1 ?
	    "INFEASIBLE" : o->exit_class == 3 ? "INVALID" : "ERROR";
	d->nums[c + 1] = o->exit_class;
	d->strs[c + 2] = o->exit_class >= 3 ? o->error : NULL;
	if (o->exit_class <= 1)
		plan_fields(d, o->site, o->res);
	d->count[o->exit_class == 0 ? 0 : o->exit_class == 1 ? 1 :
	    o->exit_class == 3 ? 2 : 3]++;
	if (d->fmt == FMT_TEXT)
		return text_row(d, o);
	table_row(&d->t, d->nums, d->strs);
	return 0;
}

int
sweep_doc_col(const struct sweep_doc *d, const char *name)
{
	int	c;

	for (c = 0; c < d->ncols; c++)
		if (strcmp(d->cols[c].name, name) == 0)
			return d->cols[c].prec == TABLE_STRING ? -1 : c;
	return -2;
}

double
sweep_doc_value(const struct sweep_doc *d, int c)
{
	return c >= 0 && c < d->ncols ? d->nums[c] : NAN;
}

const char *
sweep_doc_col_name(const struct sweep_doc *d, int c, const char **unit)
{
	*unit = c >= 0 && c < d->ncols ? d->cols[c].unit : NULL;
	return c >= 0 && c < d->ncols ? d->cols[c].name : "";
}

static void
text_head(FILE *fp)
{
	fprintf(fp, "%5s %-*s %-10s %6s %7s %5s %7s %9s\n", "case", TW_INPUTS,
	    "inputs", "verdict", "late d", "short", "PUE", "peak MW", "cost M");
}

int
sweep_doc_end(struct sweep_doc *d)
{
	FILE	*fp = d->fp;
	size_t	i, n = 0;
	int	k;

	if (d->fmt != FMT_TEXT) {
		table_end(&d->t, NULL);
		return 0;
	}
	fprintf(fp, "%s\n", d->title);
	fprintf(fp, "%zu cases: %zu feasible, %zu infeasible, %zu invalid%s\n",
	    d->count[0] + d->count[1] + d->count[2] + d->count[3], d->count[0],
	    d->count[1], d->count[2] + d->count[3], d->count[3] ?
	    " (some could not read their input)" : "");
	fputs("inputs: ", fp);
	n = 8;
	for (i = 0; i < d->nvary; i++) {
		size_t	w = strlen(d->paths[i]) + (i + 1 < d->nvary ? 2 : 0);

		if (n + w > 80 && n > 8) {
			fputs("\n        ", fp);
			n = 8;
		}
		fprintf(fp, "%s%s", d->paths[i], i + 1 < d->nvary ? ", " : "");
		n += w;
	}
	fputs("\nlate d: the latest target's days late (never: not met); short: the\n"
	    "largest shortfall in GPUs; cost M: build and first year, millions.\n",
	    fp);
	fprintf(fp, "\nThe %d most feasible (feasible cheapest first; then fewest "
	    "failing targets,\nleast late, smallest shortfall):\n", TOP_N);
	text_head(fp);
	for (k = 0; k < d->ntop; k++) {
		fprintf(fp, "%s\n", d->top[k].line);
	}
	fputs("\nEvery case:\n", fp);
	text_head(fp);
	if (d->nlines > 0)
		fwrite(d->lines, 1, d->nlines, fp);
	return 0;
}

/* ---- merge ---- */

/* A row of a shard: its text (without the separator) and its case. */
struct mrow {
	const char *s;
	size_t	len;
	long	id, cases;
};

static int
mrow_cmp(const void *a, const void *b)
{
	const struct mrow *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/* The end of the CSV record at s[i..n): past its line end (quotes respected). */
static size_t
csv_record_end(const char *s, size_t i, size_t n)
{
	int	q = 0;

	for (; i < n; i++) {
		if (s[i] == '"')
			q = !q;
		else if (s[i] == '\n' && !q)
			return i + 1;
	}
	return n;
}

static int
grow_rows(struct mrow **v, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		size_t	c = *cap ? 2 * *cap : 256;
		struct mrow *nv = realloc(*v, c * sizeof *nv);

		if (nv == NULL)
			return -1;
		*v = nv;
		*cap = c;
	}
	return 0;
}

#define JSON_ROWS	"\n\t\"rows\": ["

/* The major version of a shard's schema: a JSON document's "schema"; CSV has
 * none, but dcplan.sweep/1 always had the column water_gal_per_day (removed in
 * /2).  0 when a JSON document names no sweep schema. */
static int
shard_major(const char *s, size_t len, size_t headlen)
{
	static const char key[] = "\"schema\":\t\"dcplan.sweep/";
	const char *m;
	char	*e;
	long	v;

	if (len > 0 && s[0] == '{') {
		if ((m = strstr(s, key)) == NULL || (size_t)(m - s) > headlen)
			return 0;
		v = strtol(m + sizeof key - 1, &e, 10);
		return *e == '"' && v > 0 && v < 1000 ? (int)v : 0;
	}
	for (m = s; m + 17 <= s + headlen; m++) {
		m = memchr(m, 'w', (size_t)(s + headlen - m));
		if (m == NULL || m + 17 > s + headlen)
			break;
		if (m > s && m[-1] == ',' && strncmp(m, "water_gal_per_day", 17) == 0 &&
		    (m + 17 == s + headlen || m[17] == ',' || m[17] == '\n' ||
		    m[17] == '\r'))
			return 1;
	}
	return SWEEP_MAJOR;
}

int
sweep_doc_merge(const char *const *texts, const size_t *lens,
    const char *const *names, int n, FILE *out, char *err, size_t errlen)
{
	struct mrow *rows = NULL;
	size_t	nrows = 0, cap = 0, headlen = 0, i;
	const char *head = NULL;
	int	json = -1, k, rc = -1, major = 0;
	long	cases = -1;

	for (k = 0; k < n; k++) {
		const char *s = texts[k];
		size_t	len = lens[k], p, hl;
		int	isj = len > 0 && s[0] == '{', mj;

		if (json >= 0 && isj != json) {
			snprintf(err, errlen, "%s: %s, but %s is %s: merge shards of one "
			    "format", names[k], isj ? "JSON" : "CSV", names[0],
			    json ? "JSON" : "CSV");
			goto out;
		}
		json = isj;
		if (isj) {
			const char *m = strstr(s, JSON_ROWS);

			if (m == NULL) {
				snprintf(err, errlen, "%s: no rows in this sweep document",
				    names[k]);
				goto out;
			}
			hl = (size_t)(m - s) + strlen(JSON_ROWS);
		} else
			hl = csv_record_end(s, 0, len);
		mj = shard_major(s, len, hl);
		if (k == 0)
			major = mj;
		else if (mj != major) {
			snprintf(err, errlen, "%s is a dcplan.sweep/%d shard, but %s is "
			    "dcplan.sweep/%d: the shards of one sweep come from one "
			    "dcplan (run the older shards again)", names[k], mj,
			    names[0], major);
			goto out;
		}
		if (major > SWEEP_MAJOR) {
			snprintf(err, errlen, "%s is a dcplan.sweep/%d shard, newer than "
			    "this dcplan's dcplan.sweep/%d", names[k], major,
			    SWEEP_MAJOR);
			goto out;
		}
		if (head == NULL) {
			head = s;
			headlen = hl;
		} else if (hl != headlen || memcmp(s, head, hl) != 0) {
			snprintf(err, errlen, "%s: not a shard of the same sweep as %s (the "
			    "%s differs)", names[k], names[0], isj ? "document head, "
			    "site, --set or columns" : "header line");
			goto out;
		}
		p = hl;
		while (p < len) {
			struct mrow *r;
			const char *e;
			size_t	end;
			char	*q;

			if (isj) {
				/* "\n\t\t[ROW]" rows, "," between, then "\n\t]\n}\n" */
				if (s[p] == ',')
					p++;
				if (strncmp(s + p, "\n\t\t[", 4) != 0)
					break;
				p += 3;
				e = memchr(s + p, '\n', len - p);
				end = e ? (size_t)(e - s) : len;
				if (end > p && s[end - 1] == ',')
					end--;
			} else {
				end = csv_record_end(s, p, len);
				if (end == p)
					break;
			}
			if (grow_rows(&rows, &nrows, &cap) != 0) {
				rc = -2;
				goto out;
			}
			r = &rows[nrows++];
			r->s = s + p;
			r->len = end - p;
			r->id = strtol(s + p + isj, &q, 10);
			if (*q == ',')
				r->cases = strtol(q + 1, &q, 10);
			else
				r->cases = -1;
			if (r->id < 1 || r->cases < r->id || *q != ',') {
				snprintf(err, errlen, "%s: a row without its case number "
				    "and count (not a dcplan sweep output?)", names[k]);
				goto out;
			}
			if (cases < 0)
				cases = r->cases;
			else if (r->cases != cases) {
				snprintf(err, errlen, "%s: a sweep of %ld cases, not %ld: "
				    "not a shard of the same sweep", names[k], r->cases,
				    cases);
				goto out;
			}
			p = end;
		}
		if (isj && strcmp(s + p, "\n\t]\n}\n") != 0 &&
		    strcmp(s + p, "]\n}\n") != 0) {
			snprintf(err, errlen, "%s: the rows do not end as a dcplan sweep "
			    "document's do", names[k]);
			goto out;
		}
	}
	if (nrows > 0)
		qsort(rows, nrows, sizeof *rows, mrow_cmp);
	for (i = 0; i < nrows; i++) {
		if (i > 0 && rows[i].id == rows[i - 1].id) {
			snprintf(err, errlen, "case %ld is in two shards: a shard given "
			    "twice?", rows[i].id);
			goto out;
		}
		if (rows[i].id != (long)i + 1) {
			snprintf(err, errlen, "case %zu of %ld is missing: give every "
			    "shard", i + 1, cases);
			goto out;
		}
	}
	if (cases >= 0 && (long)nrows != cases) {
		snprintf(err, errlen, "case %zu of %ld is missing: give every shard",
		    nrows + 1, cases);
		goto out;
	}
	if (head == NULL) {
		snprintf(err, errlen, "no shards");
		goto out;
	}
	fwrite(head, 1, headlen, out);
	for (i = 0; i < nrows; i++) {
		if (json)
			fputs(i ? ",\n\t\t" : "\n\t\t", out);
		fwrite(rows[i].s, 1, rows[i].len, out);
	}
	if (json)
		fputs(nrows ? "\n\t]\n}\n" : "]\n}\n", out);
	rc = 0;
out:
	free(rows);
	return rc;
}
