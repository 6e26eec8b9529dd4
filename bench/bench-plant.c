/*
 * bench-plant.c - time the engine through the library API (not a test: 'make bench').
 *
 *	bench-plant [-q] [-n reps] [-M models-dir] [site.yaml]
 *
 * Each benchmark is one entry of `benches' below: a function that does one unit of
 * work, and the budget it should meet.  A sample is a batch of calls long enough
 * (>= BENCH_MIN_SAMPLE_S) that the clock's own cost does not matter; the median and
 * the minimum per call over the samples are printed.  The minimum is the speed of
 * the code, the median what a loaded machine gives.  Over-budget results are
 * flagged but do not fail: timings are not reproducible enough for that.
 *
 * To add a benchmark (simulate, timeline, plan), write a function
 * `static int bench_x(struct bench_ctx *)' that does one run and returns 0, and
 * add a line to `benches'; per-site preparation shared by several belongs in
 * bench_setup().
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "capacity.h"
#include "diag.h"
#include "plant.h"
#include "site.h"
#include "site_weather.h"
#include "supply.h"

#define BENCH_MIN_SAMPLE_S	2e-3	/* a sample lasts at least this long */
#define BENCH_MAX_BATCH		1000000
#define BENCH_DEFAULT_SAMPLES	31

struct bench_ctx {
	const char *path;
	struct site_opts opts;
	struct site site;		/* loaded once for the engine benchmarks */
	int	day;
	struct plant_cfg cfg;
	struct it_load it;
	struct cap_condition cond[2];
	double	installed, util, cap;
	volatile double sink;		/* keeps results live */
};

struct bench {
	const char *name;
	double	budget_s;		/* per call; 0 = none */
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

/* One plant evaluation at the 0.4 % cooling design condition (the inner step of
 * every simulation). */
static int
bench_plant_eval(struct bench_ctx *b)
{
	struct plant_result r;

	if (plant_eval(&b->cfg, &b->it, b->cond[0].tdb, b->cond[0].twb, b->cond[0].p,
	    &r) != 0)
		return -1;
	b->sink = r.facility_w;
	return 0;
}

/* Reading, binding and validating the site file with its models ('dcplan check'). */
static int
bench_site_load(struct bench_ctx *b)
{
	struct site s;
	struct diags d;
	int	rc;

	memset(&d, 0, sizeof d);
	rc = site_load(b->path, &b->opts, &s, &d);
	if (rc != 0) {
		diags_print(&d, stderr);
		diags_free(&d);
		site_free(&s);
		return -1;
	}
	diags_free(&d);
	b->sink = s.latitude;
	site_free(&s);
	return 0;
}

/* The capacity solve at both design conditions ('dcplan capacity'). */
static int
bench_capacity(struct bench_ctx *b)
{
	struct cap_result cr;

	if (capacity_solve(&b->cfg, b->cond, 2, b->installed, b->util, b->cap, &cr) != 0)
		return -1;
	b->sink = cr.max_gpus;
	return 0;
}

static const struct bench benches[] = {
	{ "plant_eval, cooling design", 2e-6, bench_plant_eval },
	{ "site_load", 5e-3, bench_site_load },
	{ "capacity_solve, 2 conditions", 20e-3, bench_capacity },
};
#define NBENCH	(sizeof benches / sizeof benches[0])

/* ---- harness ---- */

/* What 'dcplan capacity' prepares: the site, its design conditions, the plant on
 * the day everything planned is in service, the whole fleet. */
static int
bench_setup(struct bench_ctx *b)
{
	struct diags d;
	struct design_conditions dc;
	char	err[512];
	int	dates[512];
	size_t	n;

	memset(&d, 0, sizeof d);
	if (site_load(b->path, &b->opts, &b->site, &d) != 0) {
		diags_print(&d, stderr);
		diags_free(&d);
		site_free(&b->site);
		return -1;
	}
	diags_free(&d);
	if (site_design(&b->site, &dc, err, sizeof err) != 0) {
		fprintf(stderr, "bench-plant: %s\n", err);
		site_free(&b->site);
		return -1;
	}
	b->day = site_full_deployment(&b->site);
	n = supply_change_dates(&b->site, dates, 512);
	if (n > 0 && dates[n - 1] > b->day)
		b->day = dates[n - 1];
	b->cond[0].name = "cooling 0.4 %";
	b->cond[0].tdb = dc.cool_db;
	b->cond[0].twb = dc.cool_mcwb;
	b->cond[1].name = "evaporation 0.4 %";
	b->cond[1].tdb = dc.evap_mcdb;
	b->cond[1].twb = dc.evap_wb;
	b->cond[0].p = b->cond[1].p = site_pressure(&b->site);
	plant_cfg_init(&b->cfg, &b->site, b->day);
	b->installed = (double)site_total_gpus(&b->site);
	b->util = b->site.it.utilization;
	b->cap = b->site.it.gpu_power_cap;
	it_load_gpus(&b->site, b->installed, b->util, b->cap, &b->it);
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

/* Run one benchmark; its median and minimum per call.  0, or -1 if it failed. */
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
	fprintf(stderr, "usage: bench-plant [-q] [-n samples] [-M models-dir] "
	    "[site.yaml]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	static struct bench_ctx b;
	char	a[32], c[32], d[32];
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
	if (!quiet)
		printf("%s: %ld GPUs, %d samples per benchmark\n", b.path,
		    (long)b.installed, samples);
	printf("%-30s %12s %12s %12s\n", "benchmark", "median", "min", "budget");
	for (i = 0; i < NBENCH; i++) {
		double	med, min;

		if (bench_one(&b, &benches[i], samples, &med, &min) != 0) {
			fprintf(stderr, "bench-plant: '%s' failed\n", benches[i].name);
			rc = 1;
			continue;
		}
		bench_fmt(a, sizeof a, med);
		bench_fmt(c, sizeof c, min);
		if (benches[i].budget_s > 0)
			bench_fmt(d, sizeof d, benches[i].budget_s);
		else
			snprintf(d, sizeof d, "-");
		printf("%-30s %12s %12s %12s%s\n", benches[i].name, a, c, d,
		    benches[i].budget_s > 0 && med > benches[i].budget_s ?
		    "  OVER BUDGET" : "");
	}
	site_free(&b.site);
	if (fflush(stdout) != 0 || ferror(stdout))
		return 4;
	return rc;
}
