/*
 * bench-sim.c - time the simulation and the timeline through the library API (not
 * a test: 'make bench').
 *
 *	bench-sim [-q] [-n samples] [-M models-dir] [site.yaml]
 *
 * Only the computation is timed: the site is loaded and its weather year made once,
 * beforehand, and sim_run() has no sink (nothing is formatted or written).  A
 * sample is a batch of runs lasting at least BENCH_MIN_SAMPLE_S; the median and the
 * minimum per run over the samples are printed, as bench-plant does.  Over-budget
 * results are flagged but do not fail: timings are not reproducible enough for that.
 *
 * To add a benchmark, write `static int bench_x(struct bench_ctx *)' that does one
 * run and returns 0, and add a line to `benches'.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "date.h"
#include "diag.h"
#include "sim.h"
#include "site.h"
#include "site_weather.h"
#include "timeline.h"
#include "weather.h"

#define BENCH_MIN_SAMPLE_S	2e-3	/* a sample lasts at least this long */
#define BENCH_MAX_BATCH		100000
#define BENCH_DEFAULT_SAMPLES	31
#define BENCH_TL_DAYS		365

struct bench_ctx {
	const char *path;
	struct site_opts opts;
	struct site site;
	struct weather wx;
	struct sim_opts hourly, quarter;	/* simulation.year, full fleet */
	int	tl_from;			/* first day of the timeline */
	long	steps;				/* of the last simulation */
	volatile double sink;			/* keeps results live */
};

struct bench {
	const char *name;
	double	budget_s;		/* per run; 0 = none */
	int	(*run)(struct bench_ctx *);
};

static double
bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int
bench_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* ---- the benchmarks ---- */

static int
bench_sim(struct bench_ctx *b, const struct sim_opts *o)
{
	struct sim_summary u;

	if (sim_run(&b->site, &b->wx, o, NULL, NULL, &u) != 0)
		return -1;
	b->steps = u.steps;
	b->sink = u.e_facility;
	return 0;
}

/* 'dcplan simulate --full' without its output: a year at 1 h steps. */
static int
bench_sim_hourly(struct bench_ctx *b)
{
	return bench_sim(b, &b->hourly);
}

/* The same at 15 min steps: four times the plant evaluations. */
static int
bench_sim_quarter(struct bench_ctx *b)
{
	return bench_sim(b, &b->quarter);
}

/* 365 independent days of the timeline (each its own capacity solve). */
static int
bench_tl_day(struct bench_ctx *b)
{
	struct tl_day d;
	double	acc = 0;
	int	i;

	for (i = 0; i < BENCH_TL_DAYS; i++) {
		if (timeline_day(&b->site, &b->wx, b->tl_from + i, &d) != 0)
			return -1;
		acc += d.gpus_runnable;
	}
	b->sink = acc;
	return 0;
}

/* The same days warm-started from the day before, as 'dcplan timeline' runs them. */
static int
bench_tl_next(struct bench_ctx *b)
{
	struct tl_day d, prev;
	double	acc = 0;
	int	i;

	for (i = 0; i < BENCH_TL_DAYS; i++) {
		if (timeline_next(&b->site, &b->wx, b->tl_from + i, i > 0 ? &prev : NULL,
		    &d) != 0)
			return -1;
		acc += d.gpus_runnable;
		prev = d;
	}
	b->sink = acc;
	return 0;
}

static const struct bench benches[] = {
	{ "sim_run, year, 1 h, full", 5e-3, bench_sim_hourly },
	{ "sim_run, year, 15 min, full", 20e-3, bench_sim_quarter },
	{ "timeline_day x 365", 5e-3, bench_tl_day },
	{ "timeline_next x 365", 0, bench_tl_next },
};
#define NBENCH	(sizeof benches / sizeof benches[0])

/* ---- harness ---- */

static int
bench_setup(struct bench_ctx *b)
{
	struct diags d;
	char	err[512];
	int	to;

	memset(&d, 0, sizeof d);
	if (site_load(b->path, &b->opts, &b->site, &d) != 0) {
		diags_print(&d, stderr);
		diags_free(&d);
		site_free(&b->site);
		return -1;
	}
	diags_free(&d);
	if (site_weather(&b->site, &b->wx, err, sizeof err) != 0) {
		fprintf(stderr, "bench-sim: %s\n", err);
		site_free(&b->site);
		return -1;
	}
	memset(&b->hourly, 0, sizeof b->hourly);
	b->hourly.from_day = date_from_ymd(b->site.sim.year, 1, 1);
	b->hourly.to_day = date_from_ymd(b->site.sim.year, 12, 31);
	b->hourly.step_s = 3600;
	b->hourly.full_fleet = 1;
	b->quarter = b->hourly;
	b->quarter.step_s = 900;
	timeline_range(&b->site, &b->tl_from, &to);
	return 0;
}

static void
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

/* Run one benchmark; its median and minimum per run.  0, or -1 if it failed. */
static int
bench_one(struct bench_ctx *b, const struct bench *bn, int samples, double *med,
    double *min)
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
		if (dt >= BENCH_MIN_SAMPLE_S || batch >= BENCH_MAX_BATCH)
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

static void
usage(void)
{
	fprintf(stderr, "usage: bench-sim [-q] [-n samples] [-M models-dir] [site.yaml]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	static struct bench_ctx b;
	char	a[32], c[32], d[32], from[16];
	int	ch, samples = BENCH_DEFAULT_SAMPLES, quiet = 0, rc = 0;
	size_t	i;

	gsl_set_error_handler_off();
	while ((ch = getopt(argc, argv, "M:n:q")) != -1) {
		switch (ch) {
		case 'M':
			b.opts.models_dir = optarg;
			break;
		case 'n':
			samples = atoi(optarg);
			if (samples < 1 || samples > 100000)
				usage();
			break;
		case 'q':
			quiet = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 1)
		usage();
	b.path = argc == 1 ? argv[0] : "examples/colossus-memphis.yaml";
	b.opts.models_path = getenv("DCPLAN_MODELS_PATH");
	if (bench_setup(&b) != 0)
		return 3;
	if (!quiet) {
		date_format(b.tl_from, from);
		printf("%s: simulation year %d, full fleet (%ld GPUs); timeline from %s; "
		    "%d samples per benchmark\n", b.path, b.site.sim.year,
		    site_total_gpus(&b.site), from, samples);
	}
	printf("%-30s %12s %12s %12s %10s\n", "benchmark", "median", "min", "budget",
	    "step/day");
	for (i = 0; i < NBENCH; i++) {
		double	med, min;
		char	per[32];

		b.steps = 0;
		if (bench_one(&b, &benches[i], samples, &med, &min) != 0) {
			fprintf(stderr, "bench-sim: '%s' failed\n", benches[i].name);
			rc = 1;
			continue;
		}
		bench_fmt(a, sizeof a, med);
		bench_fmt(c, sizeof c, min);
		if (benches[i].budget_s > 0)
			bench_fmt(d, sizeof d, benches[i].budget_s);
		else
			snprintf(d, sizeof d, "-");
		/* the cost of one step (simulation) or one day (timeline) */
		bench_fmt(per, sizeof per, min / (b.steps > 0 ? (double)b.steps :
		    BENCH_TL_DAYS));
		printf("%-30s %12s %12s %12s %10s%s\n", benches[i].name, a, c, d, per,
		    benches[i].budget_s > 0 && med > benches[i].budget_s ?
		    "  OVER BUDGET" : "");
	}
	weather_free(&b.wx);
	site_free(&b.site);
	if (fflush(stdout) != 0 || ferror(stdout))
		return 4;
	return rc;
}
