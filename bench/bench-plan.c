/*
 * bench-plan.c - time plan_run() on a loaded site, the mode 'dcplan sweep' uses
 * (not a test: 'make bench').
 *
 *	bench-plan [-q] [-n samples] [-M models-dir] [site.yaml]
 *
 * The site is loaded and its weather year made once; each call is one
 * plan_run(PLAN_ALL) into a result reused from call to call (as a sweep or a
 * Monte Carlo loop reuses it), with nothing formatted.  Also timed: each part of
 * the verdict alone (design, targets with their fixes, the build and first
 * year), so a change can be placed.  The harness is bench-plant's (bench.h);
 * over-budget results are only flagged.  The budget, 4 ms a plan, is the
 * 500 plans per second on two cores that the sweep asks for.
 */
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "plan.h"
#include "pmemo.h"
#include "site.h"
#include "site_load.h"
#include "site_weather.h"
#include "weather.h"

#include "bench.h"

#define BENCH_MAX_BATCH		10000

struct bench_ctx {
	const char *path;
	struct site_opts opts;
	struct site site;
	struct weather wx;
	struct plan_result r;
	struct pmemo *memo;			/* the shared-plant rows' */
	volatile double sink;			/* keeps results live */
};

static int
bench_plan(struct bench_ctx *b, int what)
{
	if (plan_run(&b->site, &b->wx, what, &b->r) != PLAN_OK)
		return -1;
	b->sink = b->r.year.e_facility + b->r.design.max_gpus + b->r.feasible;
	return 0;
}

static int
bench_plan_all(struct bench_ctx *b)
{
	return bench_plan(b, PLAN_ALL);
}

static int
bench_plan_design(struct bench_ctx *b)
{
	return bench_plan(b, PLAN_DESIGN);
}

static int
bench_plan_targets(struct bench_ctx *b)
{
	return bench_plan(b, PLAN_TARGETS | PLAN_FIXES);
}

static int
bench_plan_year(struct bench_ctx *b)
{
	return bench_plan(b, PLAN_YEAR);
}

/* The same with the site's memo attached (pmemo.h): after the first call
 * every plant result is held, as for the later cases of a sweep's group whose
 * supply is the same: the floor of a shared case. */
static int
bench_shared(struct bench_ctx *b, int what)
{
	int	rc;

	b->site.plant_memo = b->memo;
	b->site.plant_group = 1;
	rc = bench_plan(b, what);
	b->site.plant_memo = NULL;
	return rc;
}

static int
bench_shared_all(struct bench_ctx *b)
{
	return bench_shared(b, PLAN_ALL);
}

static int
bench_shared_targets(struct bench_ctx *b)
{
	return bench_shared(b, PLAN_TARGETS | PLAN_FIXES);
}

static int
bench_shared_year(struct bench_ctx *b)
{
	return bench_shared(b, PLAN_YEAR);
}

/* And with whole days (sim.h, day sinks): the same case again in one day
 * group, every day of its year held: the floor of a case of a sweep whose
 * supply, day by day, another case already ran. */
static int
bench_days(struct bench_ctx *b, int what)
{
	int	rc;

	b->site.day_group = 1;
	rc = bench_shared(b, what);
	b->site.day_group = 0;
	return rc;
}

static int
bench_days_all(struct bench_ctx *b)
{
	return bench_days(b, PLAN_ALL);
}

static int
bench_days_year(struct bench_ctx *b)
{
	return bench_days(b, PLAN_YEAR);
}

static const struct bench benches[] = {
	{ "plan_run, all", 4e-3, bench_plan_all },
	{ "plan_run, design only", 0, bench_plan_design },
	{ "plan_run, targets + fixes", 0, bench_plan_targets },
	{ "plan_run, build + year", 0, bench_plan_year },
	{ "shared plant, all", 4e-3, bench_shared_all },
	{ "shared plant, targets + fixes", 0, bench_shared_targets },
	{ "shared plant, build + year", 0, bench_shared_year },
	{ "whole days, all", 0, bench_days_all },
	{ "whole days, build + year", 0, bench_days_year },
};
#define NBENCH	(sizeof benches / sizeof benches[0])

int
main(int argc, char **argv)
{
	static struct bench_ctx b;
	struct bench_args args;
	char	err[512];
	int	rc = 0;
	size_t	i;

	gsl_set_error_handler_off();
	bench_args("bench-plan", argc, argv, &args);
	b.path = args.path;
	b.opts = args.opts;
	if (bench_load(b.path, &b.opts, &b.site) != 0)
		return 3;
	if (site_weather(&b.site, &b.wx, err, sizeof err) != 0) {
		fprintf(stderr, "bench-plan: %s\n", err);
		site_release(&b.site);
		return 3;
	}
	plan_result_init(&b.r);
	if ((b.memo = pmemo_new(15, 15)) == NULL || pmemo_blobs(b.memo, 13) != 0) {
		fprintf(stderr, "bench-plan: out of memory\n");
		return 4;
	}
	if (!args.quiet)
		printf("%s: %ld GPUs, plan_run on the loaded site, %d samples per "
		    "benchmark\n", b.path, site_total_gpus(&b.site), args.samples);
	bench_header("plans/s");
	for (i = 0; i < NBENCH; i++) {
		double	med, min;
		char	per[32];

		if (bench_one(&b, &benches[i], BENCH_MAX_BATCH, args.samples, &med,
		    &min) != 0) {
			fprintf(stderr, "bench-plan: '%s' failed\n", benches[i].name);
			rc = 1;
			continue;
		}
		snprintf(per, sizeof per, "%.0f", med > 0 ? 1 / med : 0);
		bench_row(&benches[i], med, min, per);
	}
	plan_result_release(&b.r);
	pmemo_free(b.memo);
	weather_release(&b.wx);
	site_release(&b.site);
	if (fflush(stdout) != 0 || ferror(stdout))
		return 4;
	return rc;
}
