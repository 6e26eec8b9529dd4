/*
 * t-dist.c - distributions of uncertain inputs against their closed forms.
 */
#include <math.h>

#include "dist.h"
#include "rng.h"
#include "tap.h"

static struct dist
mk(enum dist_kind k, double a, double c, double b)
{
	struct dist d = { { k, a, b, c }, 0, { DIST_NONE, 0, 0, 0 } };

	return d;
}

/* sample mean of n draws by inversion */
static double
sample_mean(const struct dist *d, int n, unsigned long seed)
{
	gsl_rng *r = rng_alloc();
	double	m = 0;
	int	i;

	rng_stream(r, seed, 0, 0);
	for (i = 0; i < n; i++)
		m += dist_quantile(d, rng_uniform_pos(r));
	gsl_rng_free(r);
	return m / n;
}

int
main(void)
{
	struct dist d;
	char	msg[160];
	double	x;
	int	n = 100000;

	/* uniform [10, 30]: Q(u) = 10 + 20 u */
	d = mk(DIST_UNIFORM, 10, 0, 30);
	is_abs(dist_quantile(&d, 0.1), 12, 1e-12, "uniform P10");
	is_abs(dist_quantile(&d, 0.9), 28, 1e-12, "uniform P90");
	is_abs(dist_cdf(&d, 15), 0.25, 1e-12, "uniform CDF");
	is_abs(dist_mean(&d), 20, 1e-12, "uniform mean");

	/* triangular (0, 10, 40): F(c) = (c - a) / (b - a) = 0.25 */
	d = mk(DIST_TRIANGULAR, 0, 10, 40);
	is_abs(dist_quantile(&d, 0.25), 10, 1e-9, "triangular: Q(F(mode)) = mode");
	/* u < Fc: a + sqrt(u (b - a)(c - a)) = sqrt(0.1 * 400) */
	is_abs(dist_quantile(&d, 0.1), sqrt(40.0), 1e-12, "triangular lower branch");
	/* u > Fc: b - sqrt((1 - u)(b - a)(b - c)) = 40 - sqrt(0.5 * 1200) */
	is_abs(dist_quantile(&d, 0.5), 40 - sqrt(600.0), 1e-12, "triangular upper branch");
	is_abs(dist_cdf(&d, dist_quantile(&d, 0.7)), 0.7, 1e-12, "triangular F(Q(u)) = u");
	is_abs(dist_mean(&d), 50.0 / 3, 1e-12, "triangular mean (a + b + c) / 3");
	is_abs(sample_mean(&d, n, 1), 50.0 / 3, 4 * sqrt((0 + 1600 + 100 - 0 - 0 - 400)
	    / 18.0 / n), "triangular sample mean within 4 SE");

	/* PERT (0, 10, 40): mean (a + 4c + b) / 6 = 80 / 6 */
	d = mk(DIST_PERT, 0, 10, 40);
	is_abs(dist_mean(&d), 80.0 / 6, 1e-12, "PERT mean (a + 4 mode + b) / 6");
	is_abs(dist_cdf(&d, dist_quantile(&d, 0.3)), 0.3, 1e-9, "PERT F(Q(u)) = u");
	/* beta(1 + 4 * 10/40, 1 + 4 * 30/40) = beta(2, 4): variance 8 / (36 * 7) * 40^2 */
	is_abs(sample_mean(&d, n, 2), 80.0 / 6, 4 * sqrt(8.0 / 252 * 1600 / n),
	    "PERT sample mean within 4 SE");
	/* symmetric PERT: the median is the mode */
	d = mk(DIST_PERT, 0, 20, 40);
	is_abs(dist_quantile(&d, 0.5), 20, 1e-9, "symmetric PERT median = mode");

	/* lognormal with median 10, p90 40 */
	d = mk(DIST_LOGNORMAL, 10, 0, 40);
	is_abs(dist_quantile(&d, 0.5), 10, 1e-9, "lognormal median");
	is_abs(dist_quantile(&d, 0.9), 40, 1e-9, "lognormal 90th percentile");
	x = log(4.0) / DIST_Z90;
	is_abs(dist_mean(&d), 10 * exp(x * x / 2), 1e-9, "lognormal mean exp(mu + s^2/2)");

	/* risk event: 30 % of uniform [10, 20] */
	d = mk(DIST_RISK, 0, 0, 0);
	d.p = 0.3;
	d.impact.kind = DIST_UNIFORM;
	d.impact.a = 10;
	d.impact.b = 20;
	is_abs(dist_quantile(&d, 0.5), 0, 0, "risk: no event below 1 - p");
	is_abs(dist_quantile(&d, 0.85), 15, 1e-12, "risk: impact's median at 1 - p/2");
	is_abs(dist_mean(&d), 4.5, 1e-12, "risk mean p E[impact]");
	is_abs(dist_cdf(&d, 0), 0.7, 1e-12, "risk: P(0) = 1 - p");
	is_abs(dist_score(&d, 0.2), 0.35, 1e-12, "risk: the atom's mid-rank");
	is_abs(sample_mean(&d, n, 3), 4.5, 4 * sqrt((0.3 * (100.0 / 12 + 225) - 4.5 * 4.5)
	    / n), "risk sample mean within 4 SE");

	/* degenerate */
	d = mk(DIST_TRIANGULAR, 5, 5, 5);
	ok(dist_degenerate(&d) && dist_quantile(&d, 0.3) == 5, "triangular [5,5,5] is 5");
	is_abs(dist_score(&d, 0.9), 0.5, 0, "a constant's score is 1/2");

	/* checks */
	d = mk(DIST_TRIANGULAR, 5, 3, 9);
	ok(dist_check(&d, msg, sizeof msg) != 0 && strstr(msg, "MIN 5 is above MODE 3"),
	    "MIN > MODE rejected: %s", msg);
	d = mk(DIST_PERT, 1, 9, 3);
	ok(dist_check(&d, msg, sizeof msg) != 0 && strstr(msg, "MODE 9 is above MAX 3"),
	    "MODE > MAX rejected: %s", msg);
	d = mk(DIST_RISK, 0, 0, 0);
	d.p = 1.5;
	ok(dist_check(&d, msg, sizeof msg) != 0 && strstr(msg, "outside 0..100"),
	    "probability 150 %% rejected: %s", msg);
	d = mk(DIST_LOGNORMAL, 10, 0, 5);
	ok(dist_check(&d, msg, sizeof msg) != 0, "lognormal p90 below median rejected");
	return tap_done();
}
