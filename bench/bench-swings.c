/*
 * bench-swings.c - time 'dcplan swings' through the library API (not a test:
 * 'make bench').
 *
 *	bench-swings [-q] [-n samples] [-M models-dir] [site.yaml]
 *
 * The site (default examples/colossus-memphis.yaml) is loaded once and its swings
 * configuration resolved on its swings date; then one hour at 100 Hz (360,000
 * samples) is synthesised for the whole fleet and passed through every stage
 * (swings_run), the same with the analysis of every signal and the verdicts
 * (swings_evaluate: band amplitudes by FFT, ramps, steps), and the sizing search
 * for the smallest GPU floor and battery (swings_size) with an instantaneous
 * inverter response so that both searches run to the end.  Budgets from issue 12:
 * 100 ms for the hour with its analysis, 2 s for the sizing.  The last column is
 * the least CPU time of a call (CLOCK_PROCESS_CPUTIME_ID), which a loaded machine
 * inflates less than the wall clock.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_errno.h>

#include "date.h"
#include "site.h"
#include "site_load.h"
#include "swings.h"

#include "bench.h"

struct bench_ctx {
	struct site site;
	struct sw_config cfg, size_cfg;
	struct sw_job jobs[SW_MAX_JOBS];
	struct sw_gen gens[SW_MAX_GENS];
	struct sw_sizing sz;
	volatile double sink;
};

static int
bench_run(struct bench_ctx *b)
{
	struct sw_wave w;

	if (swings_run(&b->cfg, &w) != 0)
		return -1;
	b->sink = w.site[w.n - 1];
	swings_wave_release(&w);
	return 0;
}

static int
bench_eval(struct bench_ctx *b)
{
	static struct sw_result r;	/* large; one benchmark at a time */

	if (swings_evaluate(&b->cfg, &r) != 0)
		return -1;
	b->sink = r.m[SW_SIG_SITE].band_amp[0];
	swings_result_release(&r);
	return 0;
}

static int
bench_size(struct bench_ctx *b)
{
	if (swings_size(&b->size_cfg, &b->sz) != 0)
		return -1;
	b->sink = b->sz.floor + b->sz.batt_power_w;
	return 0;
}

/* The least CPU time of one call over `reps' calls (the process's clock, so that a
 * loaded machine's waiting is not counted); negative on failure. */
static double
cpu_per_call(struct bench_ctx *b, const struct bench *bn, int reps)
{
	double	best = -1;
	int	i;

	for (i = 0; i < reps; i++) {
		struct timespec t0, t1;
		double	d;

		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
		if (bn->run(b) != 0)
			return -1;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
		d = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
		if (best < 0 || d < best)
			best = d;
	}
	return best;
}

static const struct bench benches[] = {
	{ "swings_run, 1 h at 100 Hz", 0, bench_run },
	{ "swings_evaluate, 1 h at 100 Hz", 100e-3, bench_eval },
	{ "swings_size, 1 h at 100 Hz", 2.0, bench_size },
};
#define NBENCH	(sizeof benches / sizeof benches[0])

int
main(int argc, char **argv)
{
	static struct bench_ctx b;
	struct bench_args args;
	char	err[512], day[16];
	int	rc = 0, d;
	size_t	i;

	gsl_set_error_handler_off();
	bench_args("bench-swings", argc, argv, &args);
	if (bench_load(args.path, &args.opts, &b.site) != 0)
		return 3;
	if (!b.site.swings.given) {
		fprintf(stderr, "bench-swings: %s has no swings section\n", args.path);
		site_release(&b.site);
		return 3;
	}
	b.site.swings.duration_s = 3600;
	b.site.swings.rate_hz = 100;
	d = b.site.swings.date != DATE_NONE ? b.site.swings.date :
	    site_full_deployment(&b.site);
	if (swings_site_config(&b.site, d, &b.cfg, b.jobs, b.gens, err, sizeof err) != 0) {
		fprintf(stderr, "bench-swings: %s\n", err);
		site_release(&b.site);
		return 3;
	}
	b.size_cfg = b.cfg;
	b.size_cfg.store.response_s = 0;
	if (!args.quiet) {
		double	g = 0;

		for (i = 0; i < b.cfg.njobs; i++)
			g += b.jobs[i].gpus;
		date_format(d, day);
		printf("%s: swings on %s, %.0f GPUs in %zu job(s), %.0f s at %.0f Hz "
		    "(%.0f samples), %zu bands; %d samples per benchmark\n", args.path,
		    day, g, b.cfg.njobs, b.cfg.duration_s, b.cfg.rate_hz,
		    b.cfg.duration_s * b.cfg.rate_hz, b.cfg.lim.nbands, args.samples);
	}
	bench_header("cpu/call");
	for (i = 0; i < NBENCH; i++) {
		double	med, min;

		if (bench_one(&b, &benches[i], 1000, args.samples, &med, &min) != 0) {
			fprintf(stderr, "bench-swings: '%s' failed\n", benches[i].name);
			rc = 1;
			continue;
		}
		{
			char	cpu[32];
			double	t = cpu_per_call(&b, &benches[i], 5);

			bench_fmt(cpu, sizeof cpu, t);
			bench_row(&benches[i], med, min, t < 0 ? "-" : cpu);
		}
	}
	if (!args.quiet)
		printf("sizing: floor %.1f %% of TDP (+%.2f MWh/d), battery %.3f MW / "
		    "%.4f MWh\n", b.sz.floor * 100, b.sz.floor_extra_w * 86400 / 3.6e9,
		    b.sz.batt_power_w / 1e6, b.sz.batt_energy_j / 3.6e9);
	site_release(&b.site);
	if (fflush(stdout) != 0 || ferror(stdout))
		return 4;
	return rc;
}
