/*
 * table.c - streamed tables: one row per time step, written as it comes, in
 * constant memory (see table.h).  The row loop formats numbers with numfmt, not
 * printf: a year of hourly rows is some 200,000 numbers.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "csv.h"
#include "doc.h"
#include "numfmt.h"
#include "report.h"
#include "table.h"

static int
is_string(int prec)
{
	return prec == TABLE_STRING || prec == TABLE_DATETIME;
}

int
table_begin(struct table *t, FILE *fp, enum out_format f, const char *schema,
    const struct out_doc *doc, const struct table_col *cols, int ncols)
{
	cJSON	*head, *names, *units;
	char	*s;
	size_t	len;
	int	j;

	t->fp = fp;
	t->fmt = f;
	t->cols = cols;
	t->ncols = ncols;
	t->nrows = 0;
	t->eol = doc_eol(doc);
	t->scale = NULL;
	t->null_strings = 0;
	switch (f) {
	case FMT_CSV:
		for (j = 0; j < ncols; j++) {
			if (j)
				putc(',', fp);
			csv_field(fp, cols[j].name);
			if (cols[j].prec == TABLE_DATETIME) {
				putc(',', fp);
				csv_field(fp, cols[j].name);
				fputs("_utc_offset_min", fp);
			}
		}
		fputs(t->eol, fp);
		break;
	case FMT_JSON:
		if ((head = cJSON_CreateObject()) == NULL)
			return -1;
		names = cJSON_AddArrayToObject(head, "columns");
		units = cJSON_AddArrayToObject(head, "units");
		if (doc_json_head(head, schema, doc) != 0 || names == NULL ||
		    units == NULL) {
			cJSON_Delete(head);
			return -1;
		}
		/* the head first, as in every document */
		cJSON_DetachItemViaPointer(head, names);
		cJSON_DetachItemViaPointer(head, units);
		cJSON_AddItemToObject(head, "columns", names);
		cJSON_AddItemToObject(head, "units", units);
		for (j = 0; j < ncols; j++) {
			cJSON_AddItemToArray(names, cJSON_CreateString(cols[j].name));
			cJSON_AddItemToArray(units, cols[j].unit ?
			    cJSON_CreateString(cols[j].unit) : cJSON_CreateNull());
		}
		s = cJSON_Print(head);
		cJSON_Delete(head);
		if (s == NULL)
			return -1;
		len = strlen(s);
		while (len > 0 && s[len - 1] != '}')	/* reopen the object */
			len--;
		if (len > 0)
			len--;
		while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == ' '))
			len--;
		fwrite(s, 1, len, fp);
		fputs(",\n\t\"rows\": [", fp);
		free(s);
		break;
	default:
		for (j = 0; j < ncols; j++)
			fprintf(fp, "%s%*s", j ? " " : "",
			    is_string(cols[j].prec) || cols[j].prec == TABLE_BOOL ?
			    -cols[j].width : cols[j].width,
			    cols[j].label);
		fputc('\n', fp);
		break;
	}
	return 0;
}

void
table_scale(struct table *t, const double *scale)
{
	t->scale = scale;
}

void
table_nulls(struct table *t)
{
	t->null_strings = 1;
}

/* A row is built in memory and written with one fwrite (stdio's per-call cost
 * is a third of the time otherwise). */
struct line {
	FILE	*fp;
	size_t	n;
	char	b[4096];
};

static void
line_flush(struct line *l)
{
	fwrite(l->b, 1, l->n, l->fp);
	l->n = 0;
}

static void
line_put(struct line *l, const char *s, size_t n)
{
	if (l->n + n > sizeof l->b) {
		line_flush(l);
		if (n > sizeof l->b) {
			fwrite(s, 1, n, l->fp);
			return;
		}
	}
	memcpy(l->b + l->n, s, n);
	l->n += n;
}

static void
line_num(struct line *l, double v, const char *absent)
{
	if (l->n + NUMFMT_BUFSZ > sizeof l->b)
		line_flush(l);
	l->n += numfmt_shortest(l->b + l->n, v);
	if (!isfinite(v))
		line_put(l, absent, strlen(absent));
}

/* A CSV field that needs no quotes nor neutralising goes straight in. */
static void
line_csv(struct line *l, const char *s)
{
	size_t	n = strlen(s);

	if (strpbrk(s, ",\"\r\n") == NULL && !csv_neutral(s)) {
		line_put(l, s, n);
		return;
	}
	line_flush(l);
	csv_field(l->fp, s);
}

/* A JSON string with nothing to escape goes straight in. */
static void
line_json(struct line *l, const char *s)
{
	const char *p;

	for (p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == '"' || *p == '\\')
			break;
	if (*p == '\0') {
		line_put(l, "\"", 1);
		line_put(l, s, (size_t)(p - s));
		line_put(l, "\"", 1);
		return;
	}
	line_flush(l);
	doc_json_string(l->fp, s);
}

/*
 * "YYYY-MM-DDTHH:MM+HH:MM" as the CSV fields "YYYY-MM-DD HH:MM" and the offset in
 * minutes; anything else as it is, with an empty offset.
 */
static void
line_datetime(struct line *l, const char *s)
{
	size_t	len = strlen(s);
	const char *o = len > 16 ? s + 16 : NULL;

	if (len == 22 && s[10] == 'T' && (o[0] == '+' || o[0] == '-') && o[3] == ':') {
		int	m = ((o[1] - '0') * 10 + (o[2] - '0')) * 60 +
		    (o[4] - '0') * 10 + (o[5] - '0');

		line_put(l, s, 10);
		line_put(l, " ", 1);
		line_put(l, s + 11, 5);
		line_put(l, ",", 1);
		line_num(l, o[0] == '-' ? -m : m, "");
		return;
	}
	line_csv(l, s);
	line_put(l, ",", 1);
}

void
table_row(struct table *t, const double *nums, const char *const *strs)
{
	struct line l;
	char	buf[NUMFMT_BUFSZ];
	int	j;

	l.fp = t->fp;
	l.n = 0;
	switch (t->fmt) {
	case FMT_CSV:
		for (j = 0; j < t->ncols; j++) {
			if (j)
				line_put(&l, ",", 1);
			if (t->cols[j].prec == TABLE_DATETIME)
				line_datetime(&l, strs[j] ? strs[j] : "");
			else if (t->cols[j].prec == TABLE_BOOL) {
				if (isfinite(nums[j]))
					line_put(&l, nums[j] != 0 ? "true" : "false",
					    nums[j] != 0 ? 4 : 5);
			} else if (t->cols[j].prec < 0)
				line_csv(&l, strs[j] ? strs[j] : "");
			else
				line_num(&l, t->scale != NULL ?
				    report_scale(nums[j], t->scale[j]) : nums[j], "");
		}
		line_put(&l, t->eol, strlen(t->eol));
		line_flush(&l);
		break;
	case FMT_JSON:
		if (t->nrows)
			line_put(&l, ",\n\t\t[", 5);
		else
			line_put(&l, "\n\t\t[", 4);
		for (j = 0; j < t->ncols; j++) {
			if (j)
				line_put(&l, ", ", 2);
			if (is_string(t->cols[j].prec)) {
				if (strs[j] != NULL)
					line_json(&l, strs[j]);
				else
					line_put(&l, "null", 4);
			} else if (t->cols[j].prec == TABLE_BOOL)
				line_put(&l, !isfinite(nums[j]) ? "null" : nums[j] != 0 ?
				    "true" : "false", !isfinite(nums[j]) ? 4 :
				    nums[j] != 0 ? 4 : 5);
			else
				line_num(&l, t->scale != NULL ?
				    report_scale(nums[j], t->scale[j]) : nums[j], "null");
		}
		line_put(&l, "]", 1);
		line_flush(&l);
		break;
	default:
		for (j = 0; j < t->ncols; j++) {
			if (is_string(t->cols[j].prec))
				fprintf(t->fp, "%s%-*s", j ? " " : "", t->cols[j].width,
				    strs[j] ? strs[j] : "");
			else if (t->cols[j].prec == TABLE_BOOL)
				fprintf(t->fp, "%s%-*s", j ? " " : "", t->cols[j].width,
				    !isfinite(nums[j]) ? "-" : nums[j] != 0 ? "yes" : "no");
			else {
				numfmt_fixed(buf, nums[j], t->cols[j].prec);
				fprintf(t->fp, "%s%*s", j ? " " : "", t->cols[j].width,
				    *buf ? buf : "-");
			}
		}
		fputc('\n', t->fp);
		break;
	}
	t->nrows++;
}

void
table_end(struct table *t, const char *summary_json)
{
	if (t->fmt != FMT_JSON)
		return;
	fputs(t->nrows ? "\n\t]" : "]", t->fp);
	if (summary_json != NULL)
		fprintf(t->fp, ",\n\t\"summary\": %s", summary_json);
	fputs("\n}\n", t->fp);
}
