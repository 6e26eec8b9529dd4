/*
 * t-stats.c - exactly mergeable accumulators: mean and standard error, exact day
 * quantiles, Spearman correlation from the histogram against a direct rank
 * computation, CVaR, and merges equal to one pass.
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "rng.h"
#include "stats.h"
#include "tap.h"

int
main(void)
{
	struct stat_sum s, s1, s2;
	struct day_hist h, h1, h2;
	struct tail_hist *t = calloc(1, sizeof *t), *t1 = calloc(1, sizeof *t1);
	gsl_rng *r = rng_alloc();
	const int n = 5000;
	double	*x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
	int	i, same;

	/* 1..10: mean 5.5, sd sqrt(55/6), se sd / sqrt(10) */
	memset(&s, 0, sizeof s);
	for (i = 1; i <= 10; i++)
		stat_add(&s, i);
	is_abs(stat_mean(&s), 5.5, 1e-12, "mean of 1..10");
	is_abs(stat_sd(&s), sqrt(55.0 / 6), 1e-12, "sample sd of 1..10");
	is_abs(stat_se(&s), sqrt(55.0 / 6) / sqrt(10.0), 1e-12, "standard error");
	memset(&s1, 0, sizeof s1);
	memset(&s2, 0, sizeof s2);
	for (i = 1; i <= 10; i++)
		stat_add(i % 3 ? &s1 : &s2, i);
	stat_merge(&s1, &s2);
	ok(s1.n == s.n && s1.s == s.s && s1.s2 == s.s2, "merged sums equal one pass");

	/* days 100..199 once each: P10 is day 109 (10 of 100 at or below) */
	day_hist_init(&h, 1);
	for (i = 0; i < 100; i++) {
		uint64_t sc = (uint64_t)i * STATS_SCORE_ONE / 100;

		day_hist_add(&h, 100 + i, &sc);
	}
	is_int(day_hist_quantile(&h, 0.1), 109, "P10 of 100..199");
	is_int(day_hist_quantile(&h, 0.5), 149, "P50 of 100..199");
	is_int(day_hist_quantile(&h, 0.9), 189, "P90 of 100..199");
	is_int(day_hist_quantile(&h, 1.0), 199, "P100 is the last day");
	/* the score rises with the day: rank correlation 1 */
	is_abs(day_hist_spearman(&h, 0), 1, 1e-9, "Spearman of a monotone score is 1");
	day_hist_release(&h);

	/* random days and scores: the histogram's Spearman equals the direct one */
	day_hist_init(&h, 1);
	day_hist_init(&h1, 1);
	day_hist_init(&h2, 1);
	rng_stream(r, 9, 0, 0);
	for (i = 0; i < n; i++) {
		double	u = rng_uniform_pos(r), v = rng_uniform_pos(r);
		int	day = 1000 + (int)floor(40 * u + 20 * v);
		uint64_t sc = (uint64_t)llround(u * STATS_SCORE_ONE);

		x[i] = day;
		y[i] = (double)sc;
		day_hist_add(&h, day, &sc);
		day_hist_add(i % 2 ? &h1 : &h2, day, &sc);
	}
	is_abs(day_hist_spearman(&h, 0), stats_spearman(x, y, n), 1e-3,
	    "histogram Spearman = rank correlation of the samples (ties: mid-ranks)");
	day_hist_merge(&h1, &h2);
	for (same = h1.total == h.total, i = 0; i < 1100; i++) {
		double	p = (i % 100 + 1) / 100.0;

		same &= day_hist_quantile(&h1, p) == day_hist_quantile(&h, p);
	}
	ok(same, "merged halves give the same quantiles");
	ok(day_hist_spearman(&h1, 0) == day_hist_spearman(&h, 0),
	    "merged halves give the same Spearman, bit for bit");
	day_hist_release(&h);
	day_hist_release(&h1);
	day_hist_release(&h2);
	day_hist_init(&h, 0);
	is_int(day_hist_quantile(&h, 0.5), INT_MIN, "empty histogram");
	day_hist_release(&h);

	/* CVaR 95 % of 0 x 95 and 1000 x 5: the worst 5 % average 1000 */
	for (i = 0; i < 95; i++)
		tail_add(t, 0);
	for (i = 0; i < 5; i++)
		tail_add(t1, 1000);
	tail_merge(t, t1);
	is_abs(tail_cvar(t, 0.95), 1000, 1e-9, "CVaR 95 %% of a 5 %% tail at 1000");
	/* 90 zeros, 5 x 100, 5 x 1000: the worst 10 % average 550 */
	memset(t, 0, sizeof *t);
	for (i = 0; i < 90; i++)
		tail_add(t, 0);
	for (i = 0; i < 5; i++) {
		tail_add(t, 100);
		tail_add(t, 1000);
	}
	is_abs(tail_cvar(t, 0.90), 550, 1e-9, "CVaR 90 %%");
	is_int(tail_bin(1), 1, "value 1 in the first bin");
	ok(tail_bin(1000) != tail_bin(1100), "values 10 %% apart in different bins");

	gsl_rng_free(r);
	free(t);
	free(t1);
	free(x);
	free(y);
	return tap_done();
}
