/*
 * table.h - a streamed table: one row per time step, written as it comes (constant
 * memory), as text (fixed-width columns, the column's decimals), CSV (RFC 4180, a
 * header line of column names) or JSON ({head, "columns", "units", "rows"}, see
 * dcplan-json(5)).  CSV and JSON numbers round-trip (numfmt_shortest); a
 * non-finite value is written as JSON null / empty CSV field / "-".
 */
#ifndef DCPLAN_TABLE_H
#define DCPLAN_TABLE_H

#include <stdio.h>

#include "format.h"

/* prec of a string column, and of a local date-time column: an ISO 8601 string
 * "YYYY-MM-DDTHH:MM+HH:MM" that CSV writes as two columns, NAME (local time
 * "YYYY-MM-DD HH:MM", which spreadsheets read as a date-time) and
 * NAME_utc_offset_min (the offset in minutes, a number). */
#define TABLE_STRING	(-1)
#define TABLE_DATETIME	(-2)
/* prec of a yes/no column, given as a number (0 no, nonzero yes, NaN absent):
 * JSON and CSV true/false, text yes/no. */
#define TABLE_BOOL	(-3)

struct table_col {
	const char *name;	/* CSV/JSON column name, carries the unit: "it_kw" */
	const char *label;	/* text header */
	int	prec;		/* text decimals; TABLE_STRING, TABLE_DATETIME */
	int	width;		/* text column width */
	const char *unit;	/* JSON "units" entry; NULL for none */
};
struct table {
	FILE	*fp;
	enum out_format fmt;
	const struct table_col *cols;
	int	ncols;
	long	nrows;
	const char *eol;
	const double *scale;	/* NULL, or per column: CSV and JSON value = text
				 * value x scale (0: 1), see table_scale */
	int	null_strings;	/* JSON: a NULL string is null (table_nulls) */
};
/* Writes the header; 0, or -1 when out of memory (JSON). */
int	table_begin(struct table *, FILE *, enum out_format, const char *schema,
	    const struct out_doc *, const struct table_col *, int ncols);
/* The machine formats' factor per column (ncols entries, 0 for 1; kept, not
 * copied): CSV and JSON have one unit per quantity kind (dcplan-json(5)) where
 * the text may choose another; name and unit are the machine's. */
void	table_scale(struct table *, const double *scale);
/* Kept for callers written before every NULL string was JSON null (absent):
 * now it changes nothing (CSV: an empty field, JSON null, always). */
void	table_nulls(struct table *);
void	table_row(struct table *, const double *nums, const char *const *strs);
void	table_end(struct table *, const char *summary_json);	/* JSON: raw object or NULL */

#endif
