/*
 * cmd-risk.c - "dcplan risk SITE": Monte Carlo over the site's uncertain dates and
 * unit failures (src/engine/risk.h); P(met) per target with its standard error,
 * met-date quantiles, LOLE / EUE / NEUE / CVaR, redundancy exhausted, and what
 * drives each date.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "output.h"
#include "risk-doc.h"
#include "risk-plot.h"
#include "risk.h"

/* The seed when --seed is not given (printed in every report). */
#define RISK_DEFAULT_SEED 20240902ULL
#define RISK_DEFAULT_TRIALS 10000
/* --target-se checks after every batch of this many trials (a fixed size, so the
 * stopping point does not depend on the thread count). */
#define RISK_SE_BATCH 500

static const struct opt_def risk_opts[] = {
	{ "trials", 0, OPT_COUNT, "N", 0, 0, 0,
	    "trials to run (default 10000; with --target-se, the most)" },
	{ "seed", 0, OPT_STRING, "S", 0, 0, 0,
	    "seed of the random streams, 0..2^64-1 (default 20240902)" },
	{ "threads", 0, OPT_COUNT, "T", 0, 0, 0,
	    "OpenMP threads (default: OMP_NUM_THREADS or every core)" },
	{ "cost-trials", 0, OPT_COUNT, "N", 0, 0, 0,
	    "also cost the first N trials, a year of dispatch each (needs prices)" },
	{ "target-se", 0, OPT_STRING, "X", 0, 0, 0,
	    "stop when every target's P(met) standard error is below X" },
	{ "shard", 0, OPT_STRING, "K/N", 0, 0, 0,
	    "run the trials i with i mod N = K-1 (K from 1), for dcplan merge" },
	CLI_PLOT_OPT,
	CLI_PLOT_KIND_OPT("s-curve (default), tornado, lolp or band"),
	CLI_PLOT_SIZE_OPT,
	{ NULL, 0, 0, NULL, 0, 0, 0, NULL }
};

struct progress {
	int	on;
	uint64_t base, total;
};

static void
show_progress(void *arg, uint64_t done, uint64_t total)
{
	struct progress *p = arg;

	(void)total;
	if (p->on)
		fprintf(stderr, "\rdcplan risk: %llu of %llu trials",
		    (unsigned long long)(p->base + done), (unsigned long long)p->total);
}

static int
parse_u64(const char *s, uint64_t *out)
{
	char	*end;
	unsigned long long v;

	if (s[0] < '0' || s[0] > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (*end != '\0' || errno != 0)
		return -1;
	*out = v;
	return 0;
}

static double
max_se(const struct risk_acc *a)
{
	double	m = 0;
	size_t	i;

	for (i = 0; i < a->ntargets; i++)
		if (stat_se(&a->t[i].met) > m)
			m = stat_se(&a->t[i].met);
	return m;
}

/*
 * The weather years of climate.weather_files, each read as the site's weather
 * (the same messages and exit codes); none: the site's one year, c->wx.
 */
static int
load_years(struct cmd_ctx *c, struct weather **out, size_t *n)
{
	const struct site *s = &c->site;
	struct weather *w;
	size_t	i;
	int	rc;

	*out = NULL;
	*n = 0;
	if (s->climate.nweather_files == 0)
		return EXIT_OK;
	if ((w = calloc(s->climate.nweather_files, sizeof *w)) == NULL) {
		cmd_error(c, "out of memory");
		return EXIT_IO;
	}
	for (i = 0; i < s->climate.nweather_files; i++) {
		struct site one = *s;

		one.climate.weather_file = s->climate.weather_files[i];
		if ((rc = cmd_load_weather(c, &one, &w[i])) != EXIT_OK) {
			while (i-- > 0)
				weather_release(&w[i]);
			free(w);
			return rc;
		}
	}
	*out = w;
	*n = s->climate.nweather_files;
	return EXIT_OK;
}

static void
free_years(struct weather *w, size_t n)
{
	size_t	i;

	for (i = 0; w != NULL && i < n; i++)
		weather_release(&w[i]);
	free(w);
}

static int
cmd_risk_exec(struct cmd_ctx *c)
{
	const char *v;
	struct risk_model rm;
	struct risk_meta meta;
	struct risk_acc acc;
	struct progress pg = { 0, 0, 0 };
	struct report *r;
	uint64_t seed = RISK_DEFAULT_SEED, trials = RISK_DEFAULT_TRIALS, done;
	uint64_t cost_trials = 0;
	double	x, target_se = 0;
	int	threads = 0, k = 1, n = 1, rc;
	struct plot_req preq;
	struct weather *years = NULL;
	size_t	nyears = 0;

	if ((rc = cli_plot_parse(c, risk_plot_kinds, &preq)) != EXIT_OK)
		return rc;

	if (cmd_opt_num(c, "trials", &x)) {
		if (x < 1) {
			cmd_error(c, "--trials must be at least 1, not %s",
			    cmd_opt(c, "trials"));
			return EXIT_USAGE;
		}
		trials = (uint64_t)x;
	}
	if ((v = cmd_opt(c, "seed")) != NULL && parse_u64(v, &seed) != 0) {
		cmd_error(c, "--seed: '%s' is not a whole number from 0 to "
		    "18446744073709551615", v);
		return EXIT_USAGE;
	}
	if (cmd_opt_num(c, "threads", &x))
		threads = (int)x;
	if (cmd_opt_num(c, "cost-trials", &x))
		cost_trials = (uint64_t)x;
	if ((v = cmd_opt(c, "target-se")) != NULL) {
		char	*end;

		target_se = strtod(v, &end);
		if (*end != '\0' || !(target_se > 0 && target_se <= 0.5)) {
			cmd_error(c, "--target-se: '%s' must be a number above 0 and at "
			    "most 0.5 (a standard error of a probability)", v);
			return EXIT_USAGE;
		}
	}
	if ((v = cmd_opt(c, "shard")) != NULL) {
		char	tail;

		if (sscanf(v, "%d/%d%c", &k, &n, &tail) != 2 || n < 1) {
			cmd_error(c, "--shard: '%s' is not K/N (shard K of N, K from 1)", v);
			return EXIT_USAGE;
		}
		if (k < 1 || k > n) {
			cmd_error(c, "--shard %s: K must be from 1 to N (%d)", v, n);
			return EXIT_USAGE;
		}
		if (target_se > 0 && n > 1) {
			cmd_error(c, "--target-se cannot be used with --shard: each shard "
			    "would stop on its own count, and the merge would not equal "
			    "one run");
			return EXIT_USAGE;
		}
	}
	if ((rc = load_years(c, &years, &nyears)) != EXIT_OK)
		return rc;
	if ((nyears > 0 ? risk_model_init_years(&rm, &c->site, years, nyears,
	    c->site.climate.weather_weights) : risk_model_init(&rm, &c->site,
	    &c->wx)) != 0) {
		cmd_error(c, "the plant model failed on the site's weather year");
		free_years(years, nyears);
		return EXIT_INPUT;
	}
	if (risk_meta_init(&meta, c->pos[0], &c->site, &rm, c->g->sets, c->g->nsets) != 0 ||
	    risk_acc_init_years(&acc, c->site.ntargets, rm.ninputs, rm.ngroups,
	    rm.nyears) != 0) {
		risk_model_release(&rm);
		risk_meta_free(&meta);
		free_years(years, nyears);
		cmd_error(c, "out of memory");
		return EXIT_IO;
	}
	meta.seed = seed;
	meta.seed_given = cmd_opt(c, "seed") != NULL;
	meta.shard_k = k;
	meta.shard_n = n;
	meta.trials_asked = trials;
	/* at most the trials run */
	meta.cost_trials = rm.cost_trials = cost_trials < trials ? cost_trials : trials;
	meta.target_se = target_se;
	pg.on = isatty(2) && !c->g->quiet;
	pg.total = (trials + (uint64_t)n - 1 - (uint64_t)(k - 1)) / (uint64_t)n;
	rc = EXIT_OK;
	for (done = 0; done < trials; ) {
		uint64_t batch = target_se > 0 ? RISK_SE_BATCH : trials;

		if (batch > trials - done)
			batch = trials - done;
		pg.base = acc.trials;
		if (risk_run(&rm, seed, done, batch, k, n, threads, &acc,
		    pg.on ? show_progress : NULL, &pg) != 0) {
			cmd_error(c, "a trial failed (out of memory or the plant model)");
			rc = EXIT_IO;
			break;
		}
		done += batch;
		if (target_se > 0 && acc.trials >= 2 && max_se(&acc) < target_se)
			break;
	}
	if (pg.on)
		fprintf(stderr, "\r%60s\r", "");
	if (rc == EXIT_OK) {
		r = risk_report(&meta, &acc, c->g->fmt != FMT_TEXT);
		if (r == NULL) {
			cmd_error(c, "out of memory");
			rc = EXIT_IO;
		} else {
			struct out_doc doc;

			cmd_doc(c, &doc);
			risk_doc(&meta, &doc);
			rc = report_set_doc(r, &doc) != 0 ? EXIT_IO :
			    cmd_write_report(c, r);
			report_free(r);
		}
	}
	if (rc == EXIT_OK)
		rc = risk_plot_write(c, &preq, &meta, &acc);
	risk_acc_release(&acc);
	risk_meta_free(&meta);
	risk_model_release(&rm);
	free_years(years, nyears);
	return rc;
}

const struct cmd_entry cmd_risk_entry = {
	.name = "risk",
	.operands = "SITE",
	.summary = "Monte Carlo over delays and failures: P(met), dates, LOLE, drivers",
	.opts = risk_opts,
	.min_pos = 1,
	.max_pos = 1,
	.needs = CMD_SITE | CMD_WEATHER | CMD_OUTPUT | CMD_REPORT,
	.formats = FMTS_ALL,
	.exec = cmd_risk_exec,
};
