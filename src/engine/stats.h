/*
 * stats.h - Monte Carlo accumulators that merge exactly.
 *
 * Every accumulator holds integers only (counts, and sums of values quantised to a
 * fixed unit by the caller), so adding trials in any order, on any number of
 * threads, or in shards merged afterwards gives bit-identical state - and so
 * byte-identical reports.  Memory does not grow with the number of trials:
 * - stat_sum: n, sum and sum of squares -> mean and its standard error s / sqrt(n);
 * - day_hist: a count per day over the days seen (exact quantiles of whole days;
 *   its size is the span of days, not the number of trials), with a per-day sum of
 *   rank scores for each uncertain input (exact Spearman correlation of the days
 *   with the inputs' population ranks);
 * - tail_hist: counts and sums in log-spaced bins (2^(1/16) wide), for the
 *   conditional value at risk; exact except in the one bin the tail boundary cuts,
 *   which counts at its own mean.
 */
#ifndef DCPLAN_STATS_H
#define DCPLAN_STATS_H

#include <stddef.h>
#include <stdint.h>

typedef unsigned __int128 stats_u128;
typedef __int128 stats_i128;

struct stat_sum {
	uint64_t n;
	stats_i128 s;
	stats_u128 s2;
};

void	stat_add(struct stat_sum *, int64_t x);
void	stat_merge(struct stat_sum *, const struct stat_sum *);
double	stat_mean(const struct stat_sum *);
/* Sample standard deviation over n (0 for n < 2). */
double	stat_sd(const struct stat_sum *);
/* Standard error of the mean, sd / sqrt(n). */
double	stat_se(const struct stat_sum *);

/* Rank scores are quantised to 2^-STATS_SCORE_BITS. */
#define STATS_SCORE_BITS 24
#define STATS_SCORE_ONE  ((uint64_t)1 << STATS_SCORE_BITS)

struct day_hist {
	int	lo;		/* first day of counts[0] */
	size_t	n;		/* days held */
	uint64_t *counts;
	size_t	nscores;	/* inputs with per-day score sums */
	uint64_t *score;	/* [day * nscores + input] */
	uint64_t total;
	/* per input: sums of the score and its square over all entries */
	stats_u128 *ssum, *ssq;
};

/* 0, or -1 out of memory. */
int	day_hist_init(struct day_hist *, size_t nscores);
void	day_hist_release(struct day_hist *);
/* One entry: a day and each input's score quantised (0..STATS_SCORE_ONE). */
int	day_hist_add(struct day_hist *, int day, const uint64_t *scores);
int	day_hist_merge(struct day_hist *, const struct day_hist *);
/* Exact p-quantile: the smallest day with P(X <= day) >= p, 0 < p <= 1.
 * For an empty histogram, INT_MIN. */
int	day_hist_quantile(const struct day_hist *, double p);
/* Spearman rank correlation between the days (mid-ranks, ties averaged) and input
 * k's score; 0 when either is constant. */
double	day_hist_spearman(const struct day_hist *, size_t k);

#define TAIL_BINS_PER_OCTAVE 16
#define TAIL_BINS (64 * TAIL_BINS_PER_OCTAVE + 1)

struct tail_hist {
	uint64_t n;
	uint64_t count[TAIL_BINS];	/* bin 0: value 0; bin k: [2^((k-1)/16), 2^(k/16)) */
	stats_u128 sum[TAIL_BINS];
};

void	tail_add(struct tail_hist *, uint64_t x);
void	tail_merge(struct tail_hist *, const struct tail_hist *);
/* Mean of the worst (1 - alpha) share of the values (CVaR_alpha). */
double	tail_cvar(const struct tail_hist *, double alpha);
int	tail_bin(uint64_t x);

/* Spearman rank correlation of two arrays (mid-ranks for ties), for tests and
 * small samples; allocates; NAN when out of memory or n < 2. */
double	stats_spearman(const double *x, const double *y, size_t n);

#endif
