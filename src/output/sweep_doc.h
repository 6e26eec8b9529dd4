/*
 * sweep_doc.h - the rows of dcplan sweep: one tidy row a case (CSV, JSON
 * {head, columns, units, rows}, schema dcplan.sweep/2), or a text summary of
 * the cases that fits 80 columns; and the merge of sharded outputs.
 *
 * The columns (dcplan-json(5) documents each): case, cases, each varied PATH
 * as typed and PATH_value (a number in its kind's one unit), verdict, exit, error, per target i t<i>_name, _status,
 * _met_on, _days_late, _runnable_on_by, _shortfall_gpus, _binding, _fix,
 * _fix_amount, _fix_unit, _fix_set, _fix_date, _delay_gpu_h, _delay_cost; the
 * year's pue, peak_facility_mw, water_m3_per_day, co2_t, nox_t, unserved_mwh, unserved_h; costs (null without prices): currency,
 * cost_<category>..., cost_total, cost_delay, cost_total_with_delay,
 * cost_per_gpu_hour.
 */
#ifndef DCPLAN_SWEEP_DOC_H
#define DCPLAN_SWEEP_DOC_H

#include <stddef.h>
#include <stdio.h>

#include "format.h"

#define SWEEP_SCHEMA	"dcplan.sweep/2"
#define SWEEP_MAJOR	2

struct site;
struct plan_result;

/* What a case gives its row. */
struct sweep_case_out {
	size_t	id;			/* 1-based, in expansion order */
	const char *const *typed;	/* per varied input; NULL: the site's value */
	const double *value;		/* per varied input, in the unit of its
					   column; NaN: not a number */
	int	exit_class;		/* 0 feasible, 1 infeasible, 3 invalid, 4 I/O */
	const char *error;		/* exit_class 3 or 4: why */
	const struct site *site;	/* exit_class 0 or 1 */
	const struct plan_result *res;
};

struct sweep_doc;

/* A document for ncases cases varying paths[0..nvary) of a site with ntargets
 * targets (the base site's), written to fp as it comes (text: at the end);
 * units[i]: the unit of path i's values (NULL none; units NULL: none at all);
 * currency: the base site's (the unit of the cost columns), NULL without
 * prices.  NULL when out of memory. */
struct sweep_doc *sweep_doc_new(FILE *fp, enum out_format, const struct out_doc *,
	    const char *title, const char *const *paths,
	    const char *const *units, size_t nvary,
	    size_t ntargets, size_t ncases, const char *currency);
/* 0, or -1 when out of memory. */
int	sweep_doc_row(struct sweep_doc *, const struct sweep_case_out *);
/* The end of the document (text: the summary, the five most feasible cases and
 * every case); 0 or -1 when out of memory. */
int	sweep_doc_end(struct sweep_doc *);
void	sweep_doc_free(struct sweep_doc *);

/* The value of column `name` in the last row given (for pictures): a number,
 * NaN if absent or not a number column; -2 when there is no such column. */
int	sweep_doc_col(const struct sweep_doc *, const char *name);
double	sweep_doc_value(const struct sweep_doc *, int col);
/* A column's name and its unit (NULL for none). */
const char *sweep_doc_col_name(const struct sweep_doc *, int col, const char **unit);

/*
 * Merge shard outputs (CSV or JSON, all of one format) of one sweep into the
 * output of the unsharded run, byte for byte: the same head, every case once,
 * in case order.  0, -1 with a message in err (not shards of one sweep, a
 * shard missing or given twice), -2 out of memory.
 */
int	sweep_doc_merge(const char *const *texts, const size_t *lens,
	    const char *const *names, int n, FILE *out, char *err, size_t errlen);

#endif
