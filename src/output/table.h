/*
 * table.h - a streamed table: one row per time step, written as it comes (constant
 * memory), as text (fixed-width columns), CSV (RFC 4180) or JSON.  A non-finite
 * value is written as JSON null / empty CSV field / "-".
 */
#ifndef DCPLAN_TABLE_H
#define DCPLAN_TABLE_H

#include <stdio.h>

#include "format.h"

struct table_col {
	const char *name;	/* CSV/JSON column name, carries the unit: "it_kw" */
	const char *label;	/* text header */
	int	prec;		/* decimals; -1 = string */
	int	width;		/* text column width */
};
struct table {
	FILE	*fp;
	enum out_format fmt;
	const struct table_col *cols;
	int	ncols;
	long	nrows;
};
void	table_begin(struct table *, FILE *, enum out_format, const char *schema,
	    const struct table_col *, int ncols);
void	table_row(struct table *, const double *nums, const char *const *strs);
void	table_end(struct table *, const char *summary_json);	/* JSON: raw object or NULL */

#endif
