/*
 * report.h - the report writer: sections of labelled values and small tables, built
 * in memory and written whole as text, CSV (section,row,key,value,unit) or JSON.
 * Text numbers have each value's decimals; CSV and JSON numbers round-trip
 * (numfmt_shortest).  A non-finite value is written as JSON null / empty CSV field
 * / "-" so that NaN never reaches a report.  JSON tables are {"columns", "units",
 * "rows"}, rows arrays in column order (dcplan-json(5)).
 */
#ifndef DCPLAN_REPORT_H
#define DCPLAN_REPORT_H

#include <stdio.h>

#include "format.h"

struct report;
struct report *report_new(const char *schema, const char *title);
void	report_free(struct report *);
void	report_section(struct report *, const char *key, const char *title);
void	report_num(struct report *, const char *key, const char *label, double v,
	    const char *unit, int prec);
void	report_int(struct report *, const char *key, const char *label, long v,
	    const char *unit);
/* A string; v NULL is an absent value: JSON null, an empty CSV field, "-" in
 * text. */
void	report_str(struct report *, const char *key, const char *label, const char *v);
/* A yes/no fact: JSON true/false, CSV true/false, text "yes"/"no". */
void	report_bool(struct report *, const char *key, const char *label, int v);
/* How the value just added appears in CSV and JSON when that differs from the
 * text: under mkey (NULL: the same key; "": text only, not in CSV and JSON),
 * in munit (NULL: the same unit), the value times scale (0: as it is).  The machine formats have one unit per
 * quantity kind (dcplan-json(5)) where the text may choose another. */
void	report_as(struct report *, const char *mkey, const char *munit, double scale);
/* v times scale as report_as and table_scale apply it (0: v itself; 1/n, n
 * whole: v / n, exactly rounded). */
double	report_scale(double v, double scale);
/* A table inside the current section.  prec >= 0: a number column with prec
 * text decimals; REPORT_STRING: strings (a NULL cell is absent: JSON null, an
 * empty field, nothing in text); REPORT_BOOL: yes/no facts given as numbers
 * (0 no, nonzero yes, NaN absent). */
#define REPORT_STRING	(-1)
#define REPORT_BOOL	(-2)
struct report_col {
	const char *key;
	const char *label;
	const char *unit;	/* "" if none */
	int	prec;
};
void	report_table(struct report *, const char *key, const char *title,
	    const struct report_col *, int ncols);
void	report_row(struct report *, const double *nums, const char *const *strs);
/* What the text shows for an absent (NULL) cell of string column col of the
 * table just begun: "never" for a date that never comes; "" unless set. */
void	report_col_null_text(struct report *, int col, const char *text);
/* Column col of the table just begun, in CSV and JSON, as report_as. */
void	report_col_as(struct report *, int col, const char *mkey, const char *munit,
	    double scale);
void	report_note(struct report *, const char *text);	/* free text line (text only; JSON "notes") */
/* The document's provenance and options (copied), for the JSON head and the CSV
 * line ending; 0 or -1 when out of memory. */
int	report_set_doc(struct report *, const struct out_doc *);
int	report_write(const struct report *, enum out_format, FILE *);
/* The same with the document's head doc, unless the report has its own
 * (report_set_doc). */
int	report_write_doc(const struct report *, enum out_format, const struct out_doc *,
	    FILE *);
/* The names ("SECTION.TABLE") of the report's tables, at most max of them, kept
 * in buf; returns how many there are. */
int	report_table_names(const struct report *, const char **names, int max,
	    char *buf, size_t len);
/* One table in CSV wide form: a header line of column keys (units in
 * parentheses), one line per row.  -1 when the report has no such table. */
int	report_write_table(const struct report *, const char *name,
	    const struct out_doc *, FILE *);

#endif
