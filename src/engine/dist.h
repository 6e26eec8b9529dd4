/*
 * dist.h - the distributions of uncertain inputs (schedule delays in days, delivery
 * rate factors, repair times): fixed, uniform, triangular, PERT, lognormal given by
 * its median and 90th percentile, and a discrete risk event (with probability P the
 * impact distribution, otherwise 0).
 *
 * Every distribution is sampled by inversion, x = Q(u) with one uniform u per draw,
 * so that a draw's rank among all draws is u itself: the rank correlations of the
 * risk engine's tornado use it (dist_score).  Q is exact (closed form, or GSL's
 * inverse beta and normal CDFs), which the tests use as the analytic answer.
 */
#ifndef DCPLAN_DIST_H
#define DCPLAN_DIST_H

enum dist_kind {
	DIST_NONE,		/* not given: always 0 */
	DIST_FIXED,		/* a */
	DIST_UNIFORM,		/* [a, b] */
	DIST_TRIANGULAR,	/* min a, mode c, max b */
	DIST_PERT,		/* min a, mode c, max b: beta, mean (a + 4c + b) / 6 */
	DIST_LOGNORMAL,		/* median a, 90th percentile b */
	DIST_RISK		/* probability p of `impact`, else 0 */
};

struct dist_base {
	enum dist_kind kind;
	double	a, b, c;
};

struct dist {
	struct dist_base d;		/* kind DIST_RISK: d.kind only */
	double	p;			/* DIST_RISK: probability, 0..1 */
	struct dist_base impact;	/* DIST_RISK: never itself a risk */
};

/* The 90th percentile of the standard normal, Phi^-1(0.9). */
#define DIST_Z90 1.2815515655446004

/* Check the parameters: 0, or -1 with a message ("MIN 5 is above MODE 3"). */
int	dist_check(const struct dist *, char *msg, unsigned long len);
/* Quantile x = Q(u), 0 < u < 1. */
double	dist_quantile(const struct dist *, double u);
/* Cumulative probability P(X <= x). */
double	dist_cdf(const struct dist *, double x);
/* Mean. */
double	dist_mean(const struct dist *);
/* The draw's mid-rank in the population, (P(X < x) + P(X <= x)) / 2 for x = Q(u):
 * u for a continuous distribution, the middle of an atom's probability otherwise
 * (0.5 for a fixed value). */
double	dist_score(const struct dist *, double u);
/* 1 if the distribution can only give one value. */
int	dist_degenerate(const struct dist *);
/* Name of the kind ("triangular"). */
const char *dist_kind_name(enum dist_kind);

#endif
