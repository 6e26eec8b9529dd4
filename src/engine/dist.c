/*
 * dist.c - distributions of uncertain inputs, by inversion (see dist.h).
 */
#include <math.h>
#include <stdio.h>

#include <gsl/gsl_cdf.h>

#include "dist.h"

static const char *const kind_names[] = {
	"none", "fixed", "uniform", "triangular", "pert", "lognormal", "risk"
};

const char *
dist_kind_name(enum dist_kind k)
{
	return (unsigned)k < sizeof kind_names / sizeof kind_names[0] ?
	    kind_names[k] : "?";
}

static int
check_base(const struct dist_base *d, char *msg, unsigned long len)
{
	switch (d->kind) {
	case DIST_NONE:
	case DIST_FIXED:
		return 0;
	case DIST_UNIFORM:
		if (d->a > d->b) {
			snprintf(msg, len, "MIN %.6g is above MAX %.6g", d->a, d->b);
			return -1;
		}
		return 0;
	case DIST_TRIANGULAR:
	case DIST_PERT:
		if (d->a > d->c) {
			snprintf(msg, len, "MIN %.6g is above MODE %.6g", d->a, d->c);
			return -1;
		}
		if (d->c > d->b) {
			snprintf(msg, len, "MODE %.6g is above MAX %.6g", d->c, d->b);
			return -1;
		}
		return 0;
	case DIST_LOGNORMAL:
		if (!(d->a > 0)) {
			snprintf(msg, len, "the median %.6g must be positive", d->a);
			return -1;
		}
		if (!(d->b > d->a)) {
			snprintf(msg, len, "the 90th percentile %.6g must be above the "
			    "median %.6g", d->b, d->a);
			return -1;
		}
		return 0;
	default:
		snprintf(msg, len, "a risk event's impact cannot itself be a risk event");
		return -1;
	}
}

int
dist_check(const struct dist *d, char *msg, unsigned long len)
{
	if (d->d.kind != DIST_RISK)
		return check_base(&d->d, msg, len);
	if (!(d->p >= 0 && d->p <= 1)) {
		snprintf(msg, len, "the probability %.6g %% is outside 0..100 %%",
		    d->p * 100);
		return -1;
	}
	return check_base(&d->impact, msg, len);
}

/* PERT as beta(alpha, beta) on [a, b]: alpha = 1 + 4 (c - a) / (b - a),
 * beta = 1 + 4 (b - c) / (b - a) (Malcolm, Roseboom, Clark and Fazar, "Application
 * of a technique for research and development program evaluation", Operations
 * Research 7(5), 1959; the shape with mean (a + 4c + b) / 6). */
static void
pert_shape(const struct dist_base *d, double *al, double *be)
{
	*al = 1 + 4 * (d->c - d->a) / (d->b - d->a);
	*be = 1 + 4 * (d->b - d->c) / (d->b - d->a);
}

static double
lognormal_sigma(const struct dist_base *d)
{
	return log(d->b / d->a) / DIST_Z90;
}

static double
quantile_base(const struct dist_base *d, double u)
{
	double	al, be, fc;

	switch (d->kind) {
	case DIST_NONE:
		return 0;
	case DIST_FIXED:
		return d->a;
	case DIST_UNIFORM:
		return d->a + u * (d->b - d->a);
	case DIST_TRIANGULAR:
		if (d->b == d->a)
			return d->a;
		/* inverse of the triangular CDF (Johnson, Kotz and Balakrishnan,
		 * Continuous Univariate Distributions vol. 2, 2nd ed., 1995, ch. 26) */
		fc = (d->c - d->a) / (d->b - d->a);
		if (u < fc)
			return d->a + sqrt(u * (d->b - d->a) * (d->c - d->a));
		return d->b - sqrt((1 - u) * (d->b - d->a) * (d->b - d->c));
	case DIST_PERT:
		if (d->b == d->a)
			return d->a;
		pert_shape(d, &al, &be);
		return d->a + (d->b - d->a) * gsl_cdf_beta_Pinv(u, al, be);
	case DIST_LOGNORMAL:
		return d->a * exp(lognormal_sigma(d) * gsl_cdf_ugaussian_Pinv(u));
	default:
		return 0;
	}
}

static double
cdf_base(const struct dist_base *d, double x)
{
	double	al, be;

	switch (d->kind) {
	case DIST_NONE:
		return x >= 0 ? 1 : 0;
	case DIST_FIXED:
		return x >= d->a ? 1 : 0;
	case DIST_UNIFORM:
		if (d->b == d->a)
			return x >= d->a ? 1 : 0;
		return x <= d->a ? 0 : x >= d->b ? 1 : (x - d->a) / (d->b - d->a);
	case DIST_TRIANGULAR:
		if (d->b == d->a)
			return x >= d->a ? 1 : 0;
		if (x <= d->a)
			return 0;
		if (x >= d->b)
			return 1;
		if (x <= d->c)
			return (x - d->a) * (x - d->a) / ((d->b - d->a) * (d->c - d->a));
		return 1 - (d->b - x) * (d->b - x) / ((d->b - d->a) * (d->b - d->c));
	case DIST_PERT:
		if (d->b == d->a)
			return x >= d->a ? 1 : 0;
		pert_shape(d, &al, &be);
		return x <= d->a ? 0 : x >= d->b ? 1 :
		    gsl_cdf_beta_P((x - d->a) / (d->b - d->a), al, be);
	case DIST_LOGNORMAL:
		return x <= 0 ? 0 : gsl_cdf_ugaussian_P(log(x / d->a) /
		    lognormal_sigma(d));
	default:
		return 0;
	}
}

static double
mean_base(const struct dist_base *d)
{
	double	s;

	switch (d->kind) {
	case DIST_FIXED:
		return d->a;
	case DIST_UNIFORM:
		return (d->a + d->b) / 2;
	case DIST_TRIANGULAR:
		return (d->a + d->b + d->c) / 3;
	case DIST_PERT:
		return (d->a + 4 * d->c + d->b) / 6;
	case DIST_LOGNORMAL:
		s = lognormal_sigma(d);
		return d->a * exp(s * s / 2);
	default:
		return 0;
	}
}

static int
degenerate_base(const struct dist_base *d)
{
	switch (d->kind) {
	case DIST_NONE:
	case DIST_FIXED:
		return 1;
	case DIST_UNIFORM:
	case DIST_TRIANGULAR:
	case DIST_PERT:
		return d->a == d->b;
	default:
		return 0;
	}
}

double
dist_quantile(const struct dist *d, double u)
{
	if (d->d.kind != DIST_RISK)
		return quantile_base(&d->d, u);
	/* the event happens for the top p of u, so larger u never gives less delay */
	if (u <= 1 - d->p || d->p <= 0)
		return 0;
	return quantile_base(&d->impact, (u - (1 - d->p)) / d->p);
}

double
dist_cdf(const struct dist *d, double x)
{
	if (d->d.kind != DIST_RISK)
		return cdf_base(&d->d, x);
	return (1 - d->p) * (x >= 0 ? 1 : 0) + d->p * cdf_base(&d->impact, x);
}

double
dist_mean(const struct dist *d)
{
	if (d->d.kind != DIST_RISK)
		return mean_base(&d->d);
	return d->p * mean_base(&d->impact);
}

int
dist_degenerate(const struct dist *d)
{
	if (d->d.kind != DIST_RISK)
		return degenerate_base(&d->d);
	return d->p <= 0 || (degenerate_base(&d->impact) &&
	    (d->p >= 1 || quantile_base(&d->impact, 0.5) == 0));
}

double
dist_score(const struct dist *d, double u)
{
	if (d->d.kind != DIST_RISK)
		return degenerate_base(&d->d) ? 0.5 : u;
	if (d->p <= 0)
		return 0.5;
	if (u <= 1 - d->p)
		return (1 - d->p) / 2;		/* the atom at 0 */
	if (degenerate_base(&d->impact))
		return 1 - d->p / 2;
	return u;
}
