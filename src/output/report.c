/*
 * report.c - the report writer: sections of labelled values and small tables, held
 * in memory and written as text, CSV or JSON (see report.h).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "csv.h"
#include "doc.h"
#include "numfmt.h"
#include "report.h"

enum ent_kind { E_SECTION, E_NUM, E_INT, E_STR, E_BOOL, E_TABLE, E_ROW, E_NOTE };

struct colm {
	char	*mkey, *munit, *tnull;
	double	scale;
};

struct ent {
	enum ent_kind kind;
	char	*key, *label, *unit, *str;
	double	num;
	int	prec;
	/* the machine form (report_as): key, unit, scale; NULL/0 as in text */
	char	*mkey, *munit;
	double	mscale;
	/* tables */
	struct report_col *cols;
	struct colm *cm;	/* the columns' machine forms, or NULL */
	int	ncols;
	double	*nums;
	char	**strs;
};

struct report {
	char	*schema, *title;
	int	has_doc;
	struct out_doc doc;	/* strings owned */
	struct ent *v;
	size_t	n, cap;
	int	oom;		/* an entry or a string was lost: writing fails */
};

static char *
xstrdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

static struct ent *
add(struct report *r, enum ent_kind k)
{
	struct ent *e;

	if (r == NULL)
		return NULL;
	if (r->n == r->cap) {
		size_t nc = r->cap ? r->cap * 2 : 32;
		struct ent *nv = realloc(r->v, nc * sizeof *nv);

		if (nv == NULL) {
			r->oom = 1;
			return NULL;
		}
		r->v = nv;
		r->cap = nc;
	}
	e = &r->v[r->n++];
	memset(e, 0, sizeof *e);
	e->kind = k;
	return e;
}

/* A copy of s owned by the report; a failed copy marks the report. */
static char *
rdup(struct report *r, const char *s)
{
	char	*c = xstrdup(s);

	if (s != NULL && c == NULL)
		r->oom = 1;
	return c;
}

static void
doc_release(struct report *r)
{
	size_t	i;

	free((char *)r->doc.site_path);
	free((char *)r->doc.site_name);
	for (i = 0; i < r->doc.nsets; i++)
		free((char *)r->doc.sets[i]);
	free((void *)r->doc.sets);
	memset(&r->doc, 0, sizeof r->doc);
	r->has_doc = 0;
}

int
report_set_doc(struct report *r, const struct out_doc *d)
{
	char	**sets = NULL;
	size_t	i;

	if (r == NULL)
		return -1;
	doc_release(r);
	if (d == NULL)
		return 0;
	r->doc = *d;
	r->doc.site_path = xstrdup(d->site_path);
	r->doc.site_name = xstrdup(d->site_name);
	r->doc.sets = NULL;
	r->doc.nsets = 0;
	r->has_doc = 1;
	if (d->nsets > 0) {
		if ((sets = calloc(d->nsets, sizeof *sets)) == NULL)
			return -1;
		r->doc.sets = (const char *const *)sets;
		for (i = 0; i < d->nsets; i++) {
			if ((sets[i] = xstrdup(d->sets[i])) == NULL)
				return -1;
			r->doc.nsets++;
		}
	}
	if ((d->site_path && !r->doc.site_path) || (d->site_name && !r->doc.site_name))
		return -1;
	return 0;
}

struct report *
report_new(const char *schema, const char *title)
{
	struct report *r = calloc(1, sizeof *r);

	if (r == NULL)
		return NULL;
	r->schema = xstrdup(schema);
	r->title = xstrdup(title);
	return r;
}

void
report_free(struct report *r)
{
	size_t	i;
	int	j;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++) {
		struct ent *e = &r->v[i];

		free(e->key);
		free(e->label);
		free(e->unit);
		free(e->str);
		free(e->mkey);
		free(e->munit);
		if (e->kind == E_TABLE)
			free(e->cols);
		if (e->cm != NULL)
			for (j = 0; j < e->ncols; j++) {
				free(e->cm[j].mkey);
				free(e->cm[j].munit);
				free(e->cm[j].tnull);
			}
		free(e->cm);
		if (e->strs != NULL)
			for (j = 0; j < e->ncols; j++)
				free(e->strs[j]);
		free(e->strs);
		free(e->nums);
	}
	doc_release(r);
	free(r->v);
	free(r->schema);
	free(r->title);
	free(r);
}

void
report_section(struct report *r, const char *key, const char *title)
{
	struct ent *e = add(r, E_SECTION);

	if (e == NULL)
		return;
	e->key = rdup(r, key);
	e->label = rdup(r, title);
}

void
report_num(struct report *r, const char *key, const char *label, double v,
    const char *unit, int prec)
{
	struct ent *e = add(r, E_NUM);

	if (e == NULL)
		return;
	e->key = rdup(r, key);
	e->label = rdup(r, label);
	e->unit = rdup(r, unit ? unit : "");
	e->num = v;
	e->prec = prec;
}

void
report_int(struct report *r, const char *key, const char *label, long v,
    const char *unit)
{
	report_num(r, key, label, (double)v, unit, 0);
	if (r != NULL && r->n > 0)
		r->v[r->n - 1].kind = E_INT;
}

void
report_str(struct report *r, const char *key, const char *label, const char *v)
{
	struct ent *e = add(r, E_STR);

	if (e == NULL)
		return;
	e->key = rdup(r, key);
	e->label = rdup(r, label);
	e->str = rdup(r, v);
}

void
report_bool(struct report *r, const char *key, const char *label, int v)
{
	report_num(r, key, label, v ? 1 : 0, "", 0);
	if (r != NULL && r->n > 0)
		r->v[r->n - 1].kind = E_BOOL;
}

void
report_as(struct report *r, const char *mkey, const char *munit, double scale)
{
	struct ent *e;

	if (r == NULL || r->n == 0)
		return;
	e = &r->v[r->n - 1];
	if (e->kind != E_NUM && e->kind != E_INT && e->kind != E_STR &&
	    e->kind != E_BOOL)
		return;
	e->mkey = rdup(r, mkey);
	e->munit = rdup(r, munit);
	e->mscale = scale;
}

/* The machine (CSV, JSON) form of a value or column. */
static const char *
ekey(const struct ent *e)
{
	return e->mkey != NULL ? e->mkey : e->key;
}

static const char *
eunit(const struct ent *e)
{
	return e->munit != NULL ? e->munit : e->unit != NULL ? e->unit : "";
}

/* v times scale; a scale of 1/n (n whole) divides by n, which is exact where
 * multiplying by the inexact 1/n is not: 80 W as 80 / 1e6 = 8e-05 MW, not
 * 80 x 1e-6 = 7.999999999999999e-05. */
double
report_scale(double v, double scale)
{
	double	n;

	if (scale == 0)
		return v;
	if (fabs(scale) < 1) {
		n = nearbyint(1 / scale);
		if (n != 0 && fabs(n * scale - 1) < 1e-12)
			return v / n;
	}
	return v * scale;
}

static double
enum_(const struct ent *e)
{
	return report_scale(e->num, e->mscale);
}

static const char *
ckey(const struct ent *t, int j)
{
	return t->cm != NULL && t->cm[j].mkey != NULL ? t->cm[j].mkey :
	    t->cols[j].key;
}

static const char *
cunit(const struct ent *t, int j)
{
	return t->cm != NULL && t->cm[j].munit != NULL ? t->cm[j].munit :
	    t->cols[j].unit != NULL ? t->cols[j].unit : "";
}

static double
cnum(const struct ent *t, int j, double v)
{
	return t->cm != NULL ? report_scale(v, t->cm[j].scale) : v;
}

/* The text of an absent string cell of column j. */
static const char *
tnull(const struct ent *t, int j)
{
	return t->cm != NULL && t->cm[j].tnull != NULL ? t->cm[j].tnull : "";
}

/* The machine forms of column col of the table just begun, made on demand;
 * NULL (the report marked) when out of memory. */
static struct colm *
col_m(struct report *r, int col)
{
	struct ent *t = NULL;
	size_t	i;

	for (i = r ? r->n : 0; i > 0; i--)
		if (r->v[i - 1].kind == E_TABLE) {
			t = &r->v[i - 1];
			break;
		} else if (r->v[i - 1].kind != E_ROW)
			break;
	if (t == NULL || col < 0 || col >= t->ncols)
		return NULL;
	if (t->cm == NULL &&
	    (t->cm = calloc((size_t)t->ncols, sizeof *t->cm)) == NULL) {
		r->oom = 1;
		return NULL;
	}
	return &t->cm[col];
}

void
report_col_null_text(struct report *r, int col, const char *text)
{
	struct colm *c = col_m(r, col);

	if (c == NULL)
		return;
	free(c->tnull);
	c->tnull = rdup(r, text);
}

void
report_col_as(struct report *r, int col, const char *mkey, const char *munit,
    double scale)
{
	struct ent *t = NULL;
	size_t	i;

	for (i = r ? r->n : 0; i > 0; i--)
		if (r->v[i - 1].kind == E_TABLE) {
			t = &r->v[i - 1];
			break;
		} else if (r->v[i - 1].kind != E_ROW)
			break;
	if (t == NULL || col < 0 || col >= t->ncols)
		return;
	if (t->cm == NULL &&
	    (t->cm = calloc((size_t)t->ncols, sizeof *t->cm)) == NULL) {
		r->oom = 1;
		return;
	}
	free(t->cm[col].mkey);
	free(t->cm[col].munit);
	t->cm[col].mkey = rdup(r, mkey);
	t->cm[col].munit = rdup(r, munit);
	t->cm[col].scale = scale;
}

void
report_note(struct report *r, const char *text)
{
	struct ent *e = add(r, E_NOTE);

	if (e != NULL)
		e->str = rdup(r, text);
}

void
report_table(struct report *r, const char *key, const char *title,
    const struct report_col *cols, int ncols)
{
	struct ent *e = add(r, E_TABLE);

	if (e == NULL)
		return;
	e->key = rdup(r, key);
	e->label = rdup(r, title);
	e->ncols = ncols;
	if ((e->cols = malloc((size_t)ncols * sizeof *cols)) != NULL)
		memcpy(e->cols, cols, (size_t)ncols * sizeof *cols);
	else
		r->oom = 1;
}

void
report_row(struct report *r, const double *nums, const char *const *strs)
{
	struct ent *t = NULL, *e;
	size_t	i;
	int	j;

	for (i = r ? r->n : 0; i > 0; i--)
		if (r->v[i - 1].kind == E_TABLE) {
			t = &r->v[i - 1];
			break;
		} else if (r->v[i - 1].kind != E_ROW)
			break;
	if (t == NULL || t->cols == NULL)
		return;
	{
		int	nc = t->ncols;
		struct report_col *cols = t->cols;

		if ((e = add(r, E_ROW)) == NULL)
			return;
		e->ncols = nc;
		e->nums = calloc((size_t)nc, sizeof *e->nums);
		e->strs = calloc((size_t)nc, sizeof *e->strs);
		if (e->nums == NULL || e->strs == NULL) {
			r->oom = 1;
			return;
		}
		for (j = 0; j < nc; j++) {
			if (cols[j].prec == REPORT_STRING)
				e->strs[j] = rdup(r, strs ? strs[j] : NULL);
			else
				e->nums[j] = nums ? nums[j] : NAN;
		}
	}
}

/* ---- report writers ---- */

static cJSON *
json_num(double v)
{
	char	buf[NUMFMT_BUFSZ];

	if (!isfinite(v))
		return cJSON_CreateNull();
	numfmt_shortest(buf, v);
	return cJSON_CreateRaw(buf);
}

/* A table as {"columns", "units", "rows"}: the shape of every table. */
static cJSON *
json_table(cJSON *sec, const struct ent *t)
{
	cJSON	*o = cJSON_AddObjectToObject(sec, t->key), *names, *units;
	int	j;

	if (o == NULL)
		return NULL;
	names = cJSON_AddArrayToObject(o, "columns");
	units = cJSON_AddArrayToObject(o, "units");
	for (j = 0; j < t->ncols && t->cols != NULL; j++) {
		const char *u;

		if (*ckey(t, j) == '\0')
			continue;
		cJSON_AddItemToArray(names, cJSON_CreateString(ckey(t, j)));
		u = cunit(t, j);
		cJSON_AddItemToArray(units, *u ? cJSON_CreateString(u) :
		    cJSON_CreateNull());
	}
	return cJSON_AddArrayToObject(o, "rows");
}

static int
write_json(const struct report *r, const struct out_doc *doc, FILE *fp)
{
	cJSON	*root = cJSON_CreateObject(), *sec = root, *tab = NULL, *notes = NULL;
	const struct ent *tdef = NULL;
	char	*s;
	size_t	i;
	int	j;

	if (root == NULL)
		return -1;
	if (doc != NULL) {
		if (doc_json_head(root, r->schema, doc) != 0) {
			cJSON_Delete(root);
			return -1;
		}
	} else if (r->schema != NULL)
		cJSON_AddStringToObject(root, "schema", r->schema);
	for (i = 0; i < r->n; i++) {
		const struct ent *e = &r->v[i];
		cJSON	*o;

		if (e->mkey != NULL && *e->mkey == '\0')
			continue;	/* text only */
		switch (e->kind) {
		case E_SECTION:
			sec = cJSON_AddObjectToObject(root, e->key);
			tab = NULL;
			break;
		case E_NUM:
		case E_INT:
			cJSON_AddItemToObject(sec, ekey(e), json_num(enum_(e)));
			break;
		case E_BOOL:
			cJSON_AddItemToObject(sec, ekey(e), cJSON_CreateBool(e->num != 0));
			break;
		case E_STR:
			cJSON_AddItemToObject(sec, ekey(e), e->str != NULL ?
			    cJSON_CreateString(e->str) : cJSON_CreateNull());
			break;
		case E_NOTE:
			if (notes == NULL)
				notes = cJSON_AddArrayToObject(root, "notes");
			cJSON_AddItemToArray(notes, cJSON_CreateString(e->str +
			    strspn(e->str, " ")));
			break;
		case E_TABLE:
			tab = json_table(sec, e);
			tdef = e;
			break;
		case E_ROW:
			if (tab == NULL || tdef == NULL || e->nums == NULL)
				break;
			o = cJSON_CreateArray();
			for (j = 0; j < e->ncols; j++) {
				const struct report_col *c = &tdef->cols[j];

				if (*ckey(tdef, j) == '\0')
					continue;
				if (c->prec == REPORT_STRING)
					cJSON_AddItemToArray(o, e->strs[j] != NULL ?
					    cJSON_CreateString(e->strs[j]) :
					    cJSON_CreateNull());
				else if (c->prec == REPORT_BOOL)
					cJSON_AddItemToArray(o, isfinite(e->nums[j]) ?
					    cJSON_CreateBool(e->nums[j] != 0) :
					    cJSON_CreateNull());
				else
					cJSON_AddItemToArray(o, json_num(cnum(tdef, j,
					    e->nums[j])));
			}
			cJSON_AddItemToArray(tab, o);
			break;
		}
	}
	s = cJSON_Print(root);
	cJSON_Delete(root);
	if (s == NULL)
		return -1;
	fputs(s, fp);
	fputc('\n', fp);
	free(s);
	return 0;
}

static void
csv_num(FILE *fp, double v)
{
	char	buf[NUMFMT_BUFSZ];

	fwrite(buf, 1, numfmt_shortest(buf, v), fp);
}

/* One table cell in CSV: a string, true/false or a number; empty if absent. */
static void
csv_cell(FILE *fp, const struct ent *t, const struct ent *e, int j)
{
	const struct report_col *c = &t->cols[j];

	if (c->prec == REPORT_STRING)
		csv_field(fp, e->strs[j] ? e->strs[j] : "");
	else if (c->prec == REPORT_BOOL) {
		if (isfinite(e->nums[j]))
			fputs(e->nums[j] != 0 ? "true" : "false", fp);
	} else
		csv_num(fp, cnum(t, j, e->nums[j]));
}

static int
write_csv(const struct report *r, const struct out_doc *doc, FILE *fp)
{
	const char *sec = "", *eol = doc_eol(doc);
	const struct ent *tdef = NULL;
	size_t	i;
	long	row = 0;
	int	j;

	fprintf(fp, "section,row,key,value,unit%s", eol);
	for (i = 0; i < r->n; i++) {
		const struct ent *e = &r->v[i];

		switch (e->kind) {
		case E_SECTION:
			sec = e->key;
			break;
		case E_NUM:
		case E_INT:
		case E_STR:
		case E_BOOL:
			if (e->mkey != NULL && *e->mkey == '\0')
				break;	/* text only */
			csv_field(fp, sec);
			fputs(",,", fp);
			csv_field(fp, ekey(e));
			fputc(',', fp);
			if (e->kind == E_STR)
				csv_field(fp, e->str ? e->str : "");
			else if (e->kind == E_BOOL)
				fputs(e->num != 0 ? "true" : "false", fp);
			else
				csv_num(fp, enum_(e));
			fputc(',', fp);
			csv_field(fp, eunit(e));
			fputs(eol, fp);
			break;
		case E_TABLE:
			tdef = e;
			row = 0;
			break;
		case E_ROW:
			if (tdef == NULL || e->nums == NULL)
				break;
			row++;
			for (j = 0; j < e->ncols; j++) {
				char	key[256];

				if (*ckey(tdef, j) == '\0')
					continue;
				snprintf(key, sizeof key, "%s.%s", tdef->key,
				    ckey(tdef, j));
				csv_field(fp, sec);
				fprintf(fp, ",%ld,", row);
				csv_field(fp, key);
				fputc(',', fp);
				csv_cell(fp, tdef, e, j);
				fputc(',', fp);
				csv_field(fp, cunit(tdef, j));
				fputs(eol, fp);
			}
			break;
		case E_NOTE:
			break;
		}
	}
	return 0;
}

/* The table's name as "SECTION.TABLE", or NULL beyond the end. */
static const char *
table_name(const struct report *r, size_t i, char *buf, size_t len)
{
	const char *sec = "";
	size_t	k;

	for (k = 0; k <= i && k < r->n; k++)
		if (r->v[k].kind == E_SECTION)
			sec = r->v[k].key;
	snprintf(buf, len, "%s.%s", sec, r->v[i].key);
	return buf;
}

/* The document's head: the report's own (report_set_doc), else the one given,
 * else none. */
static const struct out_doc *
doc_of(const struct report *r, const struct out_doc *d)
{
	return r->has_doc ? &r->doc : d;
}

int
report_table_names(const struct report *r, const char **names, int max,
    char *buf, size_t len)
{
	size_t	i, used = 0;
	int	n = 0;

	for (i = 0; r != NULL && i < r->n; i++) {
		if (r->v[i].kind != E_TABLE)
			continue;
		if (n < max && used < len) {
			table_name(r, i, buf + used, len - used);
			names[n] = buf + used;
			used += strlen(buf + used) + 1;
		}
		n++;
	}
	return n;
}

int
report_write_table(const struct report *r, const char *name,
    const struct out_doc *doc, FILE *fp)
{
	const char *eol = doc_eol(r != NULL ? doc_of(r, doc) : doc);
	char	buf[512];
	size_t	i, k;
	int	j, first;

	for (i = 0; r != NULL && i < r->n; i++) {
		const struct ent *t = &r->v[i];

		if (t->kind != E_TABLE || t->cols == NULL ||
		    strcmp(table_name(r, i, buf, sizeof buf), name) != 0)
			continue;
		for (j = 0, first = 1; j < t->ncols; j++) {
			if (*ckey(t, j) == '\0')
				continue;
			if (!first)
				fputc(',', fp);
			first = 0;
			csv_field(fp, ckey(t, j));
		}
		fputs(eol, fp);
		for (k = i + 1; k < r->n && r->v[k].kind == E_ROW; k++) {
			const struct ent *e = &r->v[k];

			if (e->nums == NULL)
				continue;
			for (j = 0, first = 1; j < e->ncols; j++) {
				if (*ckey(t, j) == '\0')
					continue;
				if (!first)
					fputc(',', fp);
				first = 0;
				csv_cell(fp, t, e, j);
			}
			fputs(eol, fp);
		}
		return 0;
	}
	return -1;
}

static void
text_table(const struct report *r, size_t first, FILE *fp)
{
	const struct ent *t = &r->v[first];
	char	buf[128];
	int	w[32], j, nc = t->ncols < 32 ? t->ncols : 32;
	size_t	i;

	for (j = 0; j < nc; j++) {
		w[j] = (int)strlen(t->cols[j].label);
		if (t->cols[j].unit && *t->cols[j].unit) {
			int	u = (int)strlen(t->cols[j].unit) + 2;
			if (u > w[j])
				w[j] = u;
		}
	}
	for (i = first + 1; i < r->n && r->v[i].kind == E_ROW; i++)
		for (j = 0; j < nc; j++) {
			const struct ent *e = &r->v[i];
			int	len;

			if (e->nums == NULL)
				continue;
			if (t->cols[j].prec == REPORT_STRING)
				len = (int)strlen(e->strs[j] ? e->strs[j] :
				    tnull(t, j));
			else if (t->cols[j].prec == REPORT_BOOL)
				len = 3;
			else {
				fmt_num(buf, sizeof buf, e->nums[j], t->cols[j].prec);
				len = (int)strlen(buf);
			}
			if (len > w[j])
				w[j] = len;
		}
	if (t->label && *t->label)
		fprintf(fp, "  %s\n", t->label);
	fputs("   ", fp);
	for (j = 0; j < nc; j++)
		fprintf(fp, " %*s", t->cols[j].prec < 0 ? -w[j] : w[j], t->cols[j].label);
	fputc('\n', fp);
	for (j = 0; j < nc; j++)
		if (t->cols[j].unit && *t->cols[j].unit)
			break;
	if (j < nc) {
		fputs("   ", fp);
		for (j = 0; j < nc; j++) {
			buf[0] = '\0';
			if (t->cols[j].unit && *t->cols[j].unit)
				snprintf(buf, sizeof buf, "(%s)", t->cols[j].unit);
			fprintf(fp, " %*s", t->cols[j].prec < 0 ? -w[j] : w[j], buf);
		}
		fputc('\n', fp);
	}
	for (i = first + 1; i < r->n && r->v[i].kind == E_ROW; i++) {
		const struct ent *e = &r->v[i];

		if (e->nums == NULL)
			continue;
		fputs("   ", fp);
		for (j = 0; j < nc; j++) {
			if (t->cols[j].prec == REPORT_STRING)
				fprintf(fp, " %-*s", w[j], e->strs[j] ? e->strs[j] :
				    tnull(t, j));
			else if (t->cols[j].prec == REPORT_BOOL)
				fprintf(fp, " %-*s", w[j], !isfinite(e->nums[j]) ? "-" :
				    e->nums[j] != 0 ? "yes" : "no");
			else {
				fmt_num(buf, sizeof buf, e->nums[j], t->cols[j].prec);
				fprintf(fp, " %*s", w[j], *buf ? buf : "-");
			}
		}
		fputc('\n', fp);
	}
}

/* A string value; the lines after the first are indented under the value column. */
static void
text_str(FILE *fp, int lw, const char *label, const char *v)
{
	const char *nl;
	size_t	len = strlen(v);

	while (len > 0 && v[len - 1] == '\n')	/* a YAML block's final newline */
		len--;
	fprintf(fp, "  %-*s  ", lw, label);
	while ((nl = memchr(v, '\n', len)) != NULL) {
		fprintf(fp, "%.*s\n%*s", (int)(nl - v), v, lw + 4, "");
		len -= (size_t)(nl - v) + 1;
		v = nl + 1;
	}
	fprintf(fp, "%.*s\n", (int)len, v);
}

static int
write_text(const struct report *r, FILE *fp)
{
	char	buf[64];
	size_t	i, lw = 0;
	int	first = 1;

	for (i = 0; i < r->n; i++)
		if (r->v[i].kind == E_NUM || r->v[i].kind == E_INT ||
		    r->v[i].kind == E_STR || r->v[i].kind == E_BOOL) {
			size_t l = strlen(r->v[i].label);
			if (l > lw)
				lw = l;
		}
	if (r->title && *r->title) {
		fprintf(fp, "%s\n", r->title);
		first = 0;
	}
	for (i = 0; i < r->n; i++) {
		const struct ent *e = &r->v[i];

		switch (e->kind) {
		case E_SECTION:
			/* a blank line between sections, none above the first */
			fprintf(fp, "%s%s\n", first ? "" : "\n", e->label);
			break;
		case E_NUM:
		case E_INT:
			fmt_num(buf, sizeof buf, e->num, e->kind == E_INT ? 0 : e->prec);
			fprintf(fp, "  %-*s  %s%s%s\n", (int)lw, e->label, *buf ? buf : "-",
			    e->unit && *e->unit ? " " : "", e->unit ? e->unit : "");
			break;
		case E_STR:
			text_str(fp, (int)lw, e->label, e->str ? e->str : "-");
			break;
		case E_BOOL:
			text_str(fp, (int)lw, e->label, e->num != 0 ? "yes" : "no");
			break;
		case E_NOTE:
			fprintf(fp, "  %s\n", e->str);
			break;
		case E_TABLE:
			text_table(r, i, fp);
			break;
		case E_ROW:
			break;
		}
		first = 0;
	}
	return 0;
}

int
report_write_doc(const struct report *r, enum out_format f, const struct out_doc *doc,
    FILE *fp)
{
	if (r == NULL)
		return -1;
	if (r->oom) {
		errno = ENOMEM;	/* a report that lost entries is never written */
		return -1;
	}
	switch (f) {
	case FMT_JSON:
		return write_json(r, doc_of(r, doc), fp);
	case FMT_CSV:
		return write_csv(r, doc_of(r, doc), fp);
	default:
		return write_text(r, fp);
	}
}

int
report_write(const struct report *r, enum out_format f, FILE *fp)
{
	return report_write_doc(r, f, NULL, fp);
}
