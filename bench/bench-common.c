/*
 * bench-common.c - the timing harness of bench-plant and bench-sim (bench.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "diag.h"
#include "site.h"
#include "site_load.h"

/* -c: time by the process's CPU clock instead of the wall clock (on a shared,
 * loaded machine the CPU time is the code's own cost; the wall clock includes
 * the time other processes held the core). */
static int bench_cpu;

static double
bench_now(void)
{
	struct timespec ts;

	clock_gettime(bench_cpu ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int
bench_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void
bench_usage(const char *prog)
{
	fprintf(stderr, "usage: %s [-cq] [-n samples] [-M models-dir] [site.yaml]\n",
	    prog);
	exit(2);
}

void
bench_args(const char *prog, int argc, char **argv, struct bench_args *a)
{
	int	ch;

	memset(a, 0, sizeof *a);
	a->samples = BENCH_DEFAULT_SAMPLES;
	while ((ch = getopt(argc, argv, "cM:n:q")) != -1) {
		switch (ch) {
		case 'c':
			bench_cpu = 1;
			break;
		case 'M':
			a->dirs[0] = optarg;
			break;
		case 'n':
			a->samples = atoi(optarg);
			if (a->samples < 1 || a->samples > 100000)
				bench_usage(prog);
			break;
		case 'q':
			a->quiet = 1;
			break;
		default:
			bench_usage(prog);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 1)
		bench_usage(prog);
	a->path = argc == 1 ? argv[0] : "examples/colossus-memphis.yaml";
	if (a->dirs[0] == NULL)
		a->dirs[0] = "models";
	a->opts.model_dirs = a->dirs;
	a->opts.n_model_dirs = 1;
}

int
bench_load(const char *path, const struct site_opts *opts, struct site *s)
{
	struct diags d;

	memset(&d, 0, sizeof d);
	if (site_load(path, opts, s, &d) != 0) {
		diags_print(&d, stderr);
		diags_release(&d);
		site_release(s);
		return -1;
	}
	diags_release(&d);
	return 0;
}

int
bench_one(struct bench_ctx *b, const struct bench *bn, long max_batch, int samples,
    double *med, double *min)
{
	double	*t, t0, dt;
	long	batch = 1, i;
	int	k;

	/* warm up and size the batch so that a sample lasts BENCH_MIN_SAMPLE_S */
	for (;;) {
		t0 = bench_now();
		for (i = 0; i < batch; i++)
			if (bn->run(b) != 0)
				return -1;
		dt = bench_now() - t0;
		if (dt >= BENCH_MIN_SAMPLE_S || batch >= max_batch)
			break;
		batch *= dt > 0 && BENCH_MIN_SAMPLE_S / dt < 10 ? 2 : 10;
	}
	if ((t = calloc((size_t)samples, sizeof *t)) == NULL)
		return -1;
	for (k = 0; k < samples; k++) {
		t0 = bench_now();
		for (i = 0; i < batch; i++)
			if (bn->run(b) != 0) {
				free(t);
				return -1;
			}
		t[k] = (bench_now() - t0) / (double)batch;
	}
	qsort(t, (size_t)samples, sizeof *t, bench_cmp);
	*min = t[0];
	*med = samples % 2 ? t[samples / 2] : (t[samples / 2 - 1] + t[samples / 2]) / 2;
	free(t);
	return 0;
}

void
bench_fmt(char *buf, size_t len, double s)
{
	if (s < 1e-6)
		snprintf(buf, len, "%.0f ns", s * 1e9);
	else if (s < 1e-3)
		snprintf(buf, len, "%.2f us", s * 1e6);
	else if (s < 1)
		snprintf(buf, len, "%.2f ms", s * 1e3);
	else
		snprintf(buf, len, "%.2f s", s);
}

void
bench_header(const char *extra)
{
	printf("%-30s %12s %12s %12s", "benchmark", "median", "min", "budget");
	if (extra != NULL)
		printf(" %10s", extra);
	printf("\n");
}

void
bench_row(const struct bench *bn, double med, double min, const char *extra)
{
	char	a[32], c[32], d[32];

	bench_fmt(a, sizeof a, med);
	bench_fmt(c, sizeof c, min);
	if (bn->budget_s > 0)
		bench_fmt(d, sizeof d, bn->budget_s);
	else
		snprintf(d, sizeof d, "-");
	printf("%-30s %12s %12s %12s", bn->name, a, c, d);
	if (extra != NULL)
		printf(" %10s", extra);
	printf("%s\n", bn->budget_s > 0 && med > bn->budget_s ? "  OVER BUDGET" : "");
}
