/*
 * bench-plant.c - time the engine through the library API (not a test: 'make bench').
 *
 *	bench-plant [-q] [-n samples] [-M models-dir] [site.yaml]
 *
 * Each benchmark is one entry of `benches' below: a function that does one unit of
 * work, and the budget it should meet; bench.h says how they are timed.
 *
 * To add a benchmark (simulate, timeline, plan), write a function
 * `static int bench_x(struct bench_ctx *)' that does one run and returns 0, and
 * add a line to `benches'; per-site preparation shared by several belongs in
 * bench_setup().
 */
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "capacity.h"
#include "diag.h"
#include "plant.h"
#include "site.h"
#include "site_load.h"
#include "site_weather.h"
#include "supply.h"

#include "bench.h"

#define BENCH_MAX_BATCH		1000000

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
		diags_release(&d);
		site_release(&s);
		return -1;
	}
	diags_release(&d);
	b->sink = s.latitude;
	site_release(&s);
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

/* ---- setup ---- */

/* What 'dcplan capacity' prepares: the site, its design conditions, the plant on
 * the day everything planned is in service, the whole fleet. */
static int
bench_setup(struct bench_ctx *b)
{
	struct design_conditions dc;
	char	err[512];
	int	dates[512];
	size_t	n;

	if (bench_load(b->path, &b->opts, &b->site) != 0)
		return -1;
	if (site_design(&b->site, &dc, err, sizeof err) != 0) {
		fprintf(stderr, "bench-plant: %s\n", err);
		site_release(&b->site);
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

int
main(int argc, char **argv)
{
	static struct bench_ctx b;
	struct bench_args args;
	int	rc = 0;
	size_t	i;

	gsl_set_error_handler_off();
	bench_args("bench-plant", argc, argv, &args);
	b.path = args.path;
	b.opts = args.opts;
	if (bench_setup(&b) != 0)
		return 3;
	if (!args.quiet)
		printf("%s: %ld GPUs, %d samples per benchmark\n", b.path,
		    (long)b.installed, args.samples);
	bench_header(NULL);
	for (i = 0; i < NBENCH; i++) {
		double	med, min;

		if (bench_one(&b, &benches[i], BENCH_MAX_BATCH, args.samples, &med,
		    &min) != 0) {
			fprintf(stderr, "bench-plant: '%s' failed\n", benches[i].name);
			rc = 1;
			continue;
		}
		bench_row(&benches[i], med, min, NULL);
	}
	site_release(&b.site);
	if (fflush(stdout) != 0 || ferror(stdout))
		return 4;
	return rc;
}
