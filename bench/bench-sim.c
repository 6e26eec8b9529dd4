/*
 * bench-sim.c - time the simulation and the timeline through the library API (not
 * a test: 'make bench').
 *
 *	bench-sim [-q] [-n samples] [-M models-dir] [site.yaml]
 *
 * Only the computation is timed: the site is loaded and its weather year made once,
 * beforehand, and sim_run() has no sink (nothing is formatted or written).  The
 * harness is bench-plant's (bench.h): the median and the minimum per run over
 * samples of at least BENCH_MIN_SAMPLE_S; over-budget results are only flagged.
 *
 * To add a benchmark, write `static int bench_x(struct bench_ctx *)' that does one
 * run and returns 0, and add a line to `benches'.
 */
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "date.h"
#include "sim.h"
#include "site.h"
#include "site_load.h"
#include "site_weather.h"
#include "timeline.h"
#include "weather.h"

#include "bench.h"

#define BENCH_MAX_BATCH		100000
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

/* ---- setup ---- */

static int
bench_setup(struct bench_ctx *b)
{
	char	err[512];
	int	to;

	if (bench_load(b->path, &b->opts, &b->site) != 0)
		return -1;
	if (site_weather(&b->site, &b->wx, err, sizeof err) != 0) {
		fprintf(stderr, "bench-sim: %s\n", err);
		site_release(&b->site);
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

int
main(int argc, char **argv)
{
	static struct bench_ctx b;
	struct bench_args args;
	char	from[16];
	int	rc = 0;
	size_t	i;

	gsl_set_error_handler_off();
	bench_args("bench-sim", argc, argv, &args);
	b.path = args.path;
	b.opts = args.opts;
	if (bench_setup(&b) != 0)
		return 3;
	if (!args.quiet) {
		date_format(b.tl_from, from);
		printf("%s: simulation year %d, full fleet (%ld GPUs); timeline from %s; "
		    "%d samples per benchmark\n", b.path, b.site.sim.year,
		    site_total_gpus(&b.site), from, args.samples);
	}
	bench_header("step/day");
	for (i = 0; i < NBENCH; i++) {
		double	med, min;
		char	per[32];

		b.steps = 0;
		if (bench_one(&b, &benches[i], BENCH_MAX_BATCH, args.samples, &med,
		    &min) != 0) {
			fprintf(stderr, "bench-sim: '%s' failed\n", benches[i].name);
			rc = 1;
			continue;
		}
		/* the cost of one step (simulation) or one day (timeline) */
		bench_fmt(per, sizeof per, min / (b.steps > 0 ? (double)b.steps :
		    BENCH_TL_DAYS));
		bench_row(&benches[i], med, min, per);
	}
	weather_release(&b.wx);
	site_release(&b.site);
	if (fflush(stdout) != 0 || ferror(stdout))
		return 4;
	return rc;
}
