/*
 * bench.h - the timing harness that bench-plant and bench-sim share (not a test:
 * 'make bench').
 *
 * A benchmark is one entry of a program's `benches' table: a function that does
 * one unit of work on the program's own struct bench_ctx and returns 0, and the
 * budget it should meet.  A sample is a batch of calls long enough
 * (>= BENCH_MIN_SAMPLE_S) that the clock's own cost does not matter; bench_one()
 * gives the median and the minimum per call over the samples.  The minimum is the
 * speed of the code, the median what a loaded machine gives.  Over-budget results
 * are flagged but do not fail: timings are not reproducible enough for that.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stddef.h>

#include "site.h"
#include "site_load.h"

#define BENCH_MIN_SAMPLE_S	2e-3	/* a sample lasts at least this long */
#define BENCH_DEFAULT_SAMPLES	31

struct bench_ctx;			/* each program's own */

struct bench {
	const char *name;
	double	budget_s;		/* per call; 0 = none */
	int	(*run)(struct bench_ctx *);
};

/* The command line of every program: [-cq] [-n samples] [-M models-dir]
 * [site.yaml]; -c times by the process's CPU clock (bench-common.c). */
struct bench_args {
	const char *path;
	struct site_opts opts;
	const char *dirs[1];	/* -M DIR, or models/ */
	int	samples;
	int	quiet;
};

/* Parse the command line into *a; on a usage error print the usage and exit 2. */
void	bench_args(const char *prog, int argc, char **argv, struct bench_args *a);
/* site_load() with its diagnostics printed; 0, or -1 with nothing to free. */
int	bench_load(const char *path, const struct site_opts *, struct site *);
/* Run one benchmark, batches of at most max_batch calls; its median and minimum
 * per call.  0, or -1 if it failed. */
int	bench_one(struct bench_ctx *, const struct bench *, long max_batch,
	    int samples, double *med, double *min);
/* A duration in ns, us, ms or s. */
void	bench_fmt(char *buf, size_t len, double s);
/* The table's header and a benchmark's row, with an optional last column. */
void	bench_header(const char *extra);
void	bench_row(const struct bench *, double med, double min, const char *extra);

#endif
