/*
 * report.h - the report writer: sections of labelled values and small tables, built
 * in memory and written whole as text, CSV (section,row,key,value,unit) or JSON.
 * Numbers are formatted with fixed precision in the C locale; a non-finite value is
 * written as JSON null / empty CSV field / "-" so that NaN never reaches a report.
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
void	report_str(struct report *, const char *key, const char *label, const char *v);
/* A table inside the current section: columns "key|label|unit|prec" given as arrays. */
struct report_col {
	const char *key;
	const char *label;
	const char *unit;	/* "" if none; -1 prec = string column */
	int	prec;
};
void	report_table(struct report *, const char *key, const char *title,
	    const struct report_col *, int ncols);
void	report_row(struct report *, const double *nums, const char *const *strs);
void	report_note(struct report *, const char *text);	/* free text line (text only; JSON "notes") */
int	report_write(const struct report *, enum out_format, FILE *);

#endif
