/*
 * cmd-models-perf.c - "dcplan models perf NAME --at KEY=V1,V2,... [--at ...]":
 * a performance table of one model over the cartesian grid of the given
 * conditions.  Values carry units (units_parse); the key decides the kind.
 *
 * Every row is computed twice: once to validate the whole grid, then to write
 * it, so that nothing reaches standard output when any row fails.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "cmd.h"
#include "diag.h"
#include "library.h"
#include "output.h"
#include "perf.h"
#include "units.h"

#define PERF_MAX_ROWS	100000

/* The unit kind a key's values are parsed with. */
static enum unit_kind
perf_unit(enum perf_qty q)
{
	switch (q) {
	case PQ_TEMP:
		return U_TEMP;
	case PQ_DTEMP:
		return U_DTEMP;
	case PQ_POWER:
		return U_POWER;
	case PQ_FRACTION:
		return U_FRACTION;
	case PQ_RATIO:
		break;
	}
	return U_RATIO;
}

/* ---- the grid ---- */

struct perf_grid {
	struct perf_val *vals[PERF_MAX_KEYS];
	int	n[PERF_MAX_KEYS];
	int	given[PERF_MAX_KEYS];
	struct perf_val dflt[PERF_MAX_KEYS];
};

static void
perf_grid_free(struct perf_grid *g)
{
	int	k;

	for (k = 0; k < PERF_MAX_KEYS; k++)
		if (g->given[k])
			free(g->vals[k]);
}

/* A limit for messages: "-60 degC", "0 %", "0 K". */
static void
perf_limit(char *buf, size_t len, enum unit_kind kind, double v)
{
	switch (kind) {
	case U_FRACTION:
		snprintf(buf, len, "%g %%", v * 100);
		break;
	case U_TEMP:
		snprintf(buf, len, "%g degC", v);
		break;
	case U_DTEMP:
		snprintf(buf, len, "%g K", v);
		break;
	case U_POWER:
		snprintf(buf, len, "%g W", v);
		break;
	default:
		snprintf(buf, len, "%g", v);
		break;
	}
}

/* Parse one value of key k; 0, or an exit code after a message. */
static int
perf_parse_val(struct cmd_ctx *c, const struct perf_key *k, const char *tok,
    struct perf_val *out)
{
	char	err[256], err2[256], lim[64];
	enum unit_kind kind = perf_unit(k->qty);

	out->is_power = 0;
	if (units_parse(tok, kind, &out->v, err, sizeof err) != 0) {
		if (!k->or_power) {
			cmd_error(c, "--at '%s=%s': %s", k->name, tok, err);
			return EXIT_INPUT;
		}
		if (units_parse(tok, U_POWER, &out->v, err2, sizeof err2) != 0) {
			/* Neither: say both are accepted. */
			if (strncmp(err, "missing unit", 12) == 0)
				cmd_error(c, "--at '%s=%s': missing unit (give a "
				    "fraction in %% or a power in %s)", k->name, tok,
				    unit_kind_units(U_POWER));
			else if (strstr(err, "not a number") != NULL ||
			    strstr(err, "out of range") != NULL)
				cmd_error(c, "--at '%s=%s': %s", k->name, tok, err);
			else
				cmd_error(c, "--at '%s=%s': %s; or a fraction in %%",
				    k->name, tok, err2);
			return EXIT_INPUT;
		}
		out->is_power = 1;
		kind = U_POWER;
		if (out->v < 0) {
			cmd_error(c, "--at '%s=%s': %s must not be negative", k->name,
			    tok, k->what);
			return EXIT_INPUT;
		}
		/* 1 TW, a thousand times the largest plant: the bound of a power
		 * that a typo cannot pass */
		if (out->v > 1e12) {
			cmd_error(c, "--at '%s=%s': %s must be at most 1 TW", k->name,
			    tok, k->what);
			return EXIT_INPUT;
		}
		return EXIT_OK;
	}
	if (k->lo_open ? !(out->v > k->lo) : !(out->v >= k->lo)) {
		perf_limit(lim, sizeof lim, kind, k->lo);
		cmd_error(c, "--at '%s=%s': %s must be %s %s", k->name, tok, k->what,
		    k->lo_open ? "above" : "at least", lim);
		return EXIT_INPUT;
	}
	if (!(out->v <= k->hi)) {
		perf_limit(lim, sizeof lim, kind, k->hi);
		cmd_error(c, "--at '%s=%s': %s must be at most %s", k->name, tok,
		    k->what, lim);
		return EXIT_INPUT;
	}
	return EXIT_OK;
}

/* Parse "KEY=V1,V2,..." into the grid; 0, or an exit code after a message. */
static int
perf_parse_at(struct cmd_ctx *c, const struct perf_kind *pk, const char *arg,
    struct perf_grid *g)
{
	const char *names[PERF_MAX_KEYS], *eq, *p, *s;
	char	key[64], tok[128];
	size_t	klen, n, len;
	int	k, rc;

	if ((eq = strchr(arg, '=')) == NULL || eq == arg) {
		cmd_error(c, "--at '%s': expected KEY=V1,V2,...", arg);
		return EXIT_USAGE;
	}
	klen = (size_t)(eq - arg);
	if (klen >= sizeof key)
		klen = sizeof key - 1;
	memcpy(key, arg, klen);
	key[klen] = '\0';
	for (k = 0; k < pk->nkeys; k++) {
		names[k] = pk->keys[k].name;
		if (strcmp(key, names[k]) == 0)
			break;
	}
	if (k == pk->nkeys) {
		const char *sug = diag_suggest(key, names, (size_t)pk->nkeys);
		char	list[128] = "";

		for (k = 0; k < pk->nkeys; k++)
			snprintf(list + strlen(list), sizeof list - strlen(list),
			    "%s%s", k ? ", " : "", names[k]);
		if (sug != NULL)
			cmd_error(c, "--at '%s': unknown key for %s (did you mean "
			    "'%s'?)", key, pk->article, sug);
		else
			cmd_error(c, "--at '%s': unknown key for %s (keys: %s)", key,
			    pk->article, list);
		return EXIT_USAGE;
	}
	if (g->given[k]) {
		cmd_error(c, "--at '%s': key given twice (list the values: "
		    "%s=V1,V2,...)", key, key);
		return EXIT_USAGE;
	}
	for (n = 1, p = eq + 1; *p != '\0'; p++)
		if (*p == ',')
			n++;
	if (n > PERF_MAX_ROWS) {
		cmd_error(c, "--at '%s': too many values (at most %d)", key,
		    PERF_MAX_ROWS);
		return EXIT_USAGE;
	}
	if ((g->vals[k] = calloc(n, sizeof *g->vals[k])) == NULL) {
		cmd_error(c, "out of memory");
		return EXIT_IO;
	}
	g->given[k] = 1;
	g->n[k] = 0;
	for (s = eq + 1;; s = p + 1) {
		p = strchr(s, ',');
		len = p != NULL ? (size_t)(p - s) : strlen(s);
		if (strspn(s, " \t") >= len) {
			cmd_error(c, "--at '%s': empty value in '%s'", key, arg);
			return EXIT_USAGE;
		}
		if (len >= sizeof tok) {
			cmd_error(c, "--at '%s': value too long", key);
			return EXIT_INPUT;
		}
		memcpy(tok, s, len);
		tok[len] = '\0';
		if ((rc = perf_parse_val(c, &pk->keys[k], tok,
		    &g->vals[k][g->n[k]])) != EXIT_OK)
			return rc;
		g->n[k]++;
		if (p == NULL)
			break;
	}
	return EXIT_OK;
}

/* Row r of the grid: the first key varies slowest, the last fastest. */
static void
perf_row_vals(const struct perf_kind *pk, const struct perf_grid *g, long r,
    struct perf_val *in)
{
	int	k;

	for (k = pk->nkeys - 1; k >= 0; k--) {
		in[k] = g->vals[k][r % g->n[k]];
		r /= g->n[k];
	}
}

static char *
perf_summary(const struct model *m, long nrows)
{
	cJSON	*o = cJSON_CreateObject();
	char	*s = NULL;

	if (o == NULL)
		return NULL;
	if (cJSON_AddStringToObject(o, "model", m->name) != NULL &&
	    cJSON_AddStringToObject(o, "kind", model_kind_name(m->kind)) != NULL &&
	    cJSON_AddNumberToObject(o, "rows", (double)nrows) != NULL)
		s = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	return s;
}

/* The unit of a column, from the suffix its name carries ("capacity_kw": kW);
 * NULL for a ratio or a count. */
static const char *
unit_of(const char *name)
{
	static const char *const suf[][2] = {
		{ "_m3_h", "m3/h" }, { "_kj_per_kwh", "kJ/kWh" }, { "_gj_per_h", "GJ/h" },
		{ "_t_per_h", "t/h" }, { "_kg_per_h", "kg/h" }, { "kw_per_ton", "kW/ton" },
		{ "_kw", "kW" }, { "_mw", "MW" }, { "_kva", "kVA" }, { "_w", "W" },
		{ "_c", "degC" }, { "_k", "K" }, { "_pct", "%" }, { "_m3", "m3" },
	};
	size_t	i, n = strlen(name), k;

	for (i = 0; i < sizeof suf / sizeof suf[0]; i++) {
		k = strlen(suf[i][0]);
		if (n >= k && strcmp(name + n - k, suf[i][0]) == 0)
			return suf[i][1];
	}
	return NULL;
}

/* A column's name and factor in CSV and JSON, where power is in MW and
 * apparent power in MVA (dcplan-json(5)): "capacity_kw" becomes "capacity_mw"
 * with the value times 1e-3.  Other names stay (factor 0: as it is).  A fuel
 * rate in GJ/h is the fuel_mw column again in another unit: -1, left out. */
static double
machine_col(const char *name, char *buf, size_t len)
{
	static const struct {
		const char *suf, *to;
		double	scale;
	} map[] = {
		{ "_kw", "_mw", 1e-3 }, { "_w", "_mw", 1e-6 }, { "_kva", "_mva", 1e-3 },
	};
	size_t	i, n = strlen(name), k;

	snprintf(buf, len, "%s", name);
	if (n >= 9 && strcmp(name + n - 9, "_gj_per_h") == 0)
		return -1;
	if (n >= 10 && strcmp(name + n - 10, "kw_per_ton") == 0)
		return 0;	/* an efficiency, not a power */
	for (i = 0; i < sizeof map / sizeof map[0]; i++) {
		k = strlen(map[i].suf);
		if (n > k && strcmp(name + n - k, map[i].suf) == 0) {
			snprintf(buf, len, "%.*s%s", (int)(n - k), name, map[i].to);
			return map[i].scale;
		}
	}
	return 0;
}

static int
perf_write(struct cmd_ctx *c, const struct perf_kind *pk, const struct model *m,
    const struct perf_grid *g, long nrows)
{
	struct output *o;
	struct table t;
	struct perf_val in[PERF_MAX_KEYS];
	struct table_col cols[PERF_MAX_COLS];
	struct out_doc doc;
	double	out[PERF_MAX_COLS], scale[PERF_MAX_COLS], mout[PERF_MAX_COLS];
	char	names[PERF_MAX_COLS][64];
	int	keep[PERF_MAX_COLS], nk = 0, j;
	char	*sum;
	long	r;
	int	k;

	if ((sum = perf_summary(m, nrows)) == NULL) {
		cmd_error(c, "out of memory");
		return EXIT_IO;
	}
	if ((o = cmd_output(c)) == NULL) {
		cJSON_free(sum);
		return EXIT_IO;
	}
	for (k = 0; k < pk->ncols && k < PERF_MAX_COLS; k++) {
		double	f = c->g->fmt == FMT_TEXT ? 0 : machine_col(pk->cols[k].name,
		    names[nk], sizeof names[nk]);

		if (f < 0)
			continue;	/* not in the machine formats */
		keep[nk] = k;
		cols[nk].name = f != 0 ? names[nk] : pk->cols[k].name;
		cols[nk].label = pk->cols[k].label;
		cols[nk].prec = pk->cols[k].prec;
		cols[nk].width = pk->cols[k].width;
		cols[nk].unit = unit_of(cols[nk].name);
		scale[nk++] = f;
	}
	cmd_doc(c, &doc);
	if (table_begin(&t, o->fp, c->g->fmt, "dcplan.perf/3", &doc, cols,
	    nk) != 0) {
		cJSON_free(sum);
		cmd_error(c, "out of memory");
		return EXIT_IO;
	}
	table_scale(&t, scale);
	for (r = 0; r < nrows; r++) {
		perf_row_vals(pk, g, r, in);
		/* Validated by the first pass; the evaluation is deterministic. */
		if (pk->eval(m, in, out) != 0)
			break;
		for (j = 0; j < nk; j++)
			mout[j] = out[keep[j]];
		table_row(&t, mout, NULL);
	}
	table_end(&t, sum);
	cJSON_free(sum);
	if (r < nrows) {
		cmd_error(c, "'%s' cannot be evaluated", m->name);
		return EXIT_INPUT;
	}
	return EXIT_OK;
}

/* Say which conditions of row r failed: "t_lchw=6.67 degC, load=100 %". */
static void
perf_describe(const struct perf_kind *pk, const struct perf_val *in, char *buf,
    size_t len)
{
	char	v[64];
	int	k;

	buf[0] = '\0';
	for (k = 0; k < pk->nkeys; k++) {
		perf_limit(v, sizeof v, in[k].is_power ? U_POWER : perf_unit(pk->keys[k].qty),
		    in[k].v);
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s=%s",
		    k ? ", " : "", pk->keys[k].name, v);
	}
}

int	models_perf(struct cmd_ctx *, struct library *, const struct model *);

int
models_perf(struct cmd_ctx *c, struct library *l, const struct model *m)
{
	const struct perf_kind *pk = NULL;
	struct perf_grid g;
	struct perf_val in[PERF_MAX_KEYS];
	double	out[PERF_MAX_COLS], rows;
	long	nrows, r;
	int	k, rc = EXIT_OK, nat;

	(void)l;
	if ((pk = perf_kind_of(m->kind)) == NULL) {
		/* Batteries: power and energy limits, no operating curve. */
		cmd_error(c, "'%s' is a %s: 'models perf' is not defined for this "
		    "kind (see 'dcplan models show %s')", m->name,
		    model_kind_name(m->kind), m->name);
		return EXIT_USAGE;
	}
	if (!c->g->fmt_given)
		c->g->fmt = FMT_CSV;	/* a table is data first */

	memset(&g, 0, sizeof g);
	nat = cmd_opt_count(c, "at");
	for (k = 0; k < nat && rc == EXIT_OK; k++)
		rc = perf_parse_at(c, pk, cmd_opt_at(c, "at", k), &g);
	for (k = 0; k < pk->nkeys && rc == EXIT_OK; k++) {
		if (g.given[k])
			continue;
		if (pk->dflt(m, k, &g.dflt[k]) != 0) {
			cmd_error(c, "'%s' needs --at %s=... (the model gives no "
			    "%s)", m->name, pk->keys[k].name, pk->keys[k].what);
			rc = EXIT_USAGE;
			break;
		}
		g.vals[k] = &g.dflt[k];
		g.n[k] = 1;
	}
	if (rc == EXIT_OK && g.given[1] && perf_gpus(m) == 0) {
		cmd_error(c, "--at gpu_cap: '%s' has no GPUs", m->name);
		rc = EXIT_USAGE;
	}
	if (rc != EXIT_OK) {
		perf_grid_free(&g);
		return rc;
	}

	for (rows = 1, k = 0; k < pk->nkeys; k++)
		rows *= g.n[k];
	if (rows > PERF_MAX_ROWS) {
		cmd_error(c, "the grid has %.0f rows, more than %d: give fewer "
		    "values", rows, PERF_MAX_ROWS);
		perf_grid_free(&g);
		return EXIT_USAGE;
	}
	nrows = (long)rows;

	/* First pass: every row must evaluate before anything is written. */
	for (r = 0; r < nrows; r++) {
		perf_row_vals(pk, &g, r, in);
		if (pk->eval(m, in, out) != 0) {
			char	buf[256];

			perf_describe(pk, in, buf, sizeof buf);
			cmd_error(c, "'%s' cannot be evaluated at %s", m->name, buf);
			perf_grid_free(&g);
			return EXIT_INPUT;
		}
	}
	rc = perf_write(c, pk, m, &g, nrows);
	perf_grid_free(&g);
	return rc;
}
