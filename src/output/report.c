/*
 * report.c - the report writer: sections of labelled values and small tables, held
 * in memory and written as text, CSV or JSON (see report.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "csv.h"
#include "numfmt.h"
#include "report.h"

enum ent_kind { E_SECTION, E_NUM, E_INT, E_STR, E_TABLE, E_ROW, E_NOTE };

struct ent {
	enum ent_kind kind;
	char	*key, *label, *unit, *str;
	double	num;
	int	prec;
	/* tables */
	struct report_col *cols;
	int	ncols;
	double	*nums;
	char	**strs;
};

struct report {
	char	*schema, *title;
	struct ent *v;
	size_t	n, cap;
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

		if (nv == NULL)
			return NULL;
		r->v = nv;
		r->cap = nc;
	}
	e = &r->v[r->n++];
	memset(e, 0, sizeof *e);
	e->kind = k;
	return e;
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
		if (e->kind == E_TABLE)
			free(e->cols);
		if (e->strs != NULL)
			for (j = 0; j < e->ncols; j++)
				free(e->strs[j]);
		free(e->strs);
		free(e->nums);
	}
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
	e->key = xstrdup(key);
	e->label = xstrdup(title);
}

void
report_num(struct report *r, const char *key, const char *label, double v,
    const char *unit, int prec)
{
	struct ent *e = add(r, E_NUM);

	if (e == NULL)
		return;
	e->key = xstrdup(key);
	e->label = xstrdup(label);
	e->unit = xstrdup(unit ? unit : "");
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
	e->key = xstrdup(key);
	e->label = xstrdup(label);
	e->str = xstrdup(v ? v : "");
}

void
report_note(struct report *r, const char *text)
{
	struct ent *e = add(r, E_NOTE);

	if (e != NULL)
		e->str = xstrdup(text);
}

void
report_table(struct report *r, const char *key, const char *title,
    const struct report_col *cols, int ncols)
{
	struct ent *e = add(r, E_TABLE);

	if (e == NULL)
		return;
	e->key = xstrdup(key);
	e->label = xstrdup(title);
	e->ncols = ncols;
	if ((e->cols = malloc((size_t)ncols * sizeof *cols)) != NULL)
		memcpy(e->cols, cols, (size_t)ncols * sizeof *cols);
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
		if (e->nums == NULL || e->strs == NULL)
			return;
		for (j = 0; j < nc; j++) {
			if (cols[j].prec < 0)
				e->strs[j] = xstrdup(strs && strs[j] ? strs[j] : "");
			else
				e->nums[j] = nums ? nums[j] : NAN;
		}
	}
}

/* ---- report writers ---- */

static cJSON *
json_num(double v, int prec)
{
	char	buf[64];

	if (!isfinite(v))
		return cJSON_CreateNull();
	fmt_num(buf, sizeof buf, v, prec);
	return cJSON_CreateRaw(buf);
}

static int
write_json(const struct report *r, FILE *fp)
{
	cJSON	*root = cJSON_CreateObject(), *sec = root, *tab = NULL, *notes = NULL;
	const struct ent *tdef = NULL;
	char	*s;
	size_t	i;
	int	j;

	if (root == NULL)
		return -1;
	cJSON_AddStringToObject(root, "schema", r->schema);
	for (i = 0; i < r->n; i++) {
		const struct ent *e = &r->v[i];
		cJSON	*o;

		switch (e->kind) {
		case E_SECTION:
			sec = cJSON_AddObjectToObject(root, e->key);
			tab = NULL;
			break;
		case E_NUM:
			cJSON_AddItemToObject(sec, e->key, json_num(e->num, e->prec));
			break;
		case E_INT:
			cJSON_AddItemToObject(sec, e->key, json_num(e->num, 0));
			break;
		case E_STR:
			cJSON_AddStringToObject(sec, e->key, e->str);
			break;
		case E_NOTE:
			if (notes == NULL)
				notes = cJSON_AddArrayToObject(root, "notes");
			cJSON_AddItemToArray(notes, cJSON_CreateString(e->str));
			break;
		case E_TABLE:
			tab = cJSON_AddArrayToObject(sec, e->key);
			tdef = e;
			break;
		case E_ROW:
			if (tab == NULL || tdef == NULL || e->nums == NULL)
				break;
			o = cJSON_CreateObject();
			for (j = 0; j < e->ncols; j++) {
				if (tdef->cols[j].prec < 0)
					cJSON_AddStringToObject(o, tdef->cols[j].key,
					    e->strs[j] ? e->strs[j] : "");
				else
					cJSON_AddItemToObject(o, tdef->cols[j].key,
					    json_num(e->nums[j], tdef->cols[j].prec));
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

static int
write_csv(const struct report *r, FILE *fp)
{
	const char *sec = "";
	const struct ent *tdef = NULL;
	char	buf[64];
	size_t	i;
	long	row = 0;
	int	j;

	fputs("section,row,key,value,unit\r\n", fp);
	for (i = 0; i < r->n; i++) {
		const struct ent *e = &r->v[i];

		switch (e->kind) {
		case E_SECTION:
			sec = e->key;
			break;
		case E_NUM:
		case E_INT:
		case E_STR:
			csv_field(fp, sec);
			fputs(",,", fp);
			csv_field(fp, e->key);
			fputc(',', fp);
			if (e->kind == E_STR)
				csv_field(fp, e->str);
			else {
				fmt_num(buf, sizeof buf, e->num, e->kind == E_INT ? 0 : e->prec);
				fputs(buf, fp);
			}
			fputc(',', fp);
			csv_field(fp, e->unit ? e->unit : "");
			fputs("\r\n", fp);
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

				snprintf(key, sizeof key, "%s.%s", tdef->key, tdef->cols[j].key);
				csv_field(fp, sec);
				fprintf(fp, ",%ld,", row);
				csv_field(fp, key);
				fputc(',', fp);
				if (tdef->cols[j].prec < 0)
					csv_field(fp, e->strs[j] ? e->strs[j] : "");
				else {
					fmt_num(buf, sizeof buf, e->nums[j], tdef->cols[j].prec);
					fputs(buf, fp);
				}
				fputc(',', fp);
				csv_field(fp, tdef->cols[j].unit ? tdef->cols[j].unit : "");
				fputs("\r\n", fp);
			}
			break;
		case E_NOTE:
			break;
		}
	}
	return 0;
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
			if (t->cols[j].prec < 0)
				len = (int)strlen(e->strs[j] ? e->strs[j] : "");
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
			if (t->cols[j].prec < 0)
				fprintf(fp, " %-*s", w[j], e->strs[j] ? e->strs[j] : "");
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
		    r->v[i].kind == E_STR) {
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
			text_str(fp, (int)lw, e->label, e->str);
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
report_write(const struct report *r, enum out_format f, FILE *fp)
{
	if (r == NULL)
		return -1;
	switch (f) {
	case FMT_JSON:
		return write_json(r, fp);
	case FMT_CSV:
		return write_csv(r, fp);
	default:
		return write_text(r, fp);
	}
}
