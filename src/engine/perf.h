/*
 * perf.h - performance tables of equipment models: each kind's operating
 * conditions (keys, with their physical ranges and defaults from the model) and
 * one record of outputs per condition, as `dcplan models perf` writes them.
 * Records are in the units their column names say (kW, degC, %, m3/h).
 */
#ifndef DCPLAN_PERF_H
#define DCPLAN_PERF_H

#include "model.h"

#define PERF_MAX_KEYS	4
#define PERF_MAX_COLS	20

/* What a key's value is (the command line parses it with the matching unit). */
enum perf_qty { PQ_TEMP, PQ_DTEMP, PQ_POWER, PQ_FRACTION, PQ_RATIO };

/* An output column: its name (carrying the unit), and for text its decimals and
 * width. */
struct perf_col {
	const char *name;
	const char *label;
	int	prec;
	int	width;
};

/* One value of a key, SI; a "load" may be a fraction or a power. */
struct perf_val {
	double	v;
	int	is_power;
};

struct perf_key {
	const char *name;
	enum perf_qty qty;
	int	or_power;	/* a fraction that may also be given as a power */
	double	lo, hi;		/* physical range, SI */
	int	lo_open;	/* lo itself excluded */
	const char *what;	/* for messages */
};

struct perf_kind {
	enum model_kind kind;
	const char *article;	/* "a chiller" */
	const struct perf_key *keys;
	int	nkeys;
	const struct perf_col *cols;
	int	ncols;
	/* Default of key k; 0, or -1 when the key must be given. */
	int	(*dflt)(const struct model *, int k, struct perf_val *);
	/* One row: 0, or -1 when the model cannot be evaluated there. */
	int	(*eval)(const struct model *, const struct perf_val *, double *);
};

/* The performance table of a model kind, or NULL (batteries have none). */
const struct perf_kind *perf_kind_of(enum model_kind);
/* GPUs per server of a server or rack model; -1 for other kinds. */
int	perf_gpus(const struct model *);

#endif
