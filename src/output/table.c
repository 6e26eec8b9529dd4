/*
 * table.c - streamed tables: one row per time step, written as it comes, in
 * constant memory (see table.h).
 */
#include <stdio.h>
#include <stdlib.h>

#include <cJSON.h>

#include "csv.h"
#include "numfmt.h"
#include "table.h"

void
table_begin(struct table *t, FILE *fp, enum out_format f, const char *schema,
    const struct table_col *cols, int ncols)
{
	int	j;

	t->fp = fp;
	t->fmt = f;
	t->cols = cols;
	t->ncols = ncols;
	t->nrows = 0;
	switch (f) {
	case FMT_CSV:
		for (j = 0; j < ncols; j++) {
			if (j)
				fputc(',', fp);
			csv_field(fp, cols[j].name);
		}
		fputs("\r\n", fp);
		break;
	case FMT_JSON:
		fprintf(fp, "{\n\"schema\": \"%s\",\n\"columns\": [", schema);
		for (j = 0; j < ncols; j++)
			fprintf(fp, "%s\"%s\"", j ? ", " : "", cols[j].name);
		fputs("],\n\"rows\": [", fp);
		break;
	default:
		for (j = 0; j < ncols; j++)
			fprintf(fp, "%s%*s", j ? " " : "",
			    cols[j].prec < 0 ? -cols[j].width : cols[j].width,
			    cols[j].label);
		fputc('\n', fp);
		break;
	}
}

void
table_row(struct table *t, const double *nums, const char *const *strs)
{
	char	buf[64];
	int	j;

	switch (t->fmt) {
	case FMT_CSV:
		for (j = 0; j < t->ncols; j++) {
			if (j)
				fputc(',', t->fp);
			if (t->cols[j].prec < 0)
				csv_field(t->fp, strs[j] ? strs[j] : "");
			else {
				fmt_num(buf, sizeof buf, nums[j], t->cols[j].prec);
				fputs(buf, t->fp);
			}
		}
		fputs("\r\n", t->fp);
		break;
	case FMT_JSON:
		fputs(t->nrows ? ",\n[" : "\n[", t->fp);
		for (j = 0; j < t->ncols; j++) {
			if (j)
				fputs(", ", t->fp);
			if (t->cols[j].prec < 0) {
				cJSON	*s = cJSON_CreateString(strs[j] ? strs[j] : "");
				char	*p = s ? cJSON_PrintUnformatted(s) : NULL;

				fputs(p ? p : "\"\"", t->fp);
				free(p);
				cJSON_Delete(s);
			} else {
				fmt_num(buf, sizeof buf, nums[j], t->cols[j].prec);
				fputs(*buf ? buf : "null", t->fp);
			}
		}
		fputc(']', t->fp);
		break;
	default:
		for (j = 0; j < t->ncols; j++) {
			if (t->cols[j].prec < 0)
				fprintf(t->fp, "%s%-*s", j ? " " : "", t->cols[j].width,
				    strs[j] ? strs[j] : "");
			else {
				fmt_num(buf, sizeof buf, nums[j], t->cols[j].prec);
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
	fputs("\n]", t->fp);
	if (summary_json != NULL)
		fprintf(t->fp, ",\n\"summary\": %s", summary_json);
	fputs("\n}\n", t->fp);
}
