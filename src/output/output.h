/*
 * output.h - where results go and how they are written.
 *
 * An output is stdout or a file written atomically (a temporary file in the same
 * directory, renamed over the target on success, removed on any failure; a new file
 * gets 0666 less the umask, a replaced one keeps its mode).  An existing target that
 * is not a regular file (a FIFO, /dev/null, /dev/stdout) is written directly, without
 * atomicity, rather than replaced.  Writers:
 * a report (sections of labelled values and small tables) and a streamed table (one
 * row per time step, constant memory), each as text, CSV (RFC 4180) or JSON.
 * Numbers are formatted with fixed precision in the C locale; a non-finite value is
 * written as JSON null / empty CSV field / "-" so that NaN never reaches a report.
 */
#ifndef DCPLAN_OUTPUT_H
#define DCPLAN_OUTPUT_H

#include <stdio.h>

enum out_format { FMT_TEXT, FMT_CSV, FMT_JSON };

struct output {
	FILE	*fp;
	char	*path;		/* NULL = stdout */
	char	*tmp;
};

int	output_open(struct output *, const char *path);	/* 0, or -1 with errno */
int	output_commit(struct output *);	/* flush, close, rename; 0 or -1 with errno */
void	output_abort(struct output *);	/* discard */

/* ---- report ---- */
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

/* ---- streamed table ---- */
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

/* Format v with prec decimals into buf; "-0" is normalised to "0". */
void	fmt_num(char *buf, size_t len, double v, int prec);

#endif
