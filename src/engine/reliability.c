/*
 * reliability.c - the two-state unit model (see reliability.h).
 */
#include <math.h>
#include <string.h>

#include "reliability.h"
#include "rng.h"

double
reliability_for(const struct reliability *r)
{
	if (!r->given || !(r->mtbf_h > 0) || !(r->mttr_h > 0))
		return 0;
	return r->mttr_h / (r->mtbf_h + r->mttr_h);
}

int
reliability_default(enum rel_kind k, struct reliability *r, const char **source)
{
	memset(r, 0, sizeof *r);
	switch (k) {
	case REL_GENERATOR:
		/* IEEE Std 493-2007 Gold Book: standby generator, MTBF 5,950 h,
		 * MTTR 54 h (as transcribed in equinor/neqsim
		 * reliabilitydata/ieee493_equipment.csv) */
		r->mtbf_h = 5950;
		r->mttr_h = 54;
		*source = "IEEE Std 493 (Gold Book): generator, MTBF 5950 h, MTTR 54 h";
		break;
	case REL_CHILLER:
		/* IEEE Std 493-2007 Gold Book: centrifugal chiller, MTBF 10,950 h,
		 * MTTR 72 h (same transcription) */
		r->mtbf_h = 10950;
		r->mttr_h = 72;
		*source = "IEEE Std 493 (Gold Book): centrifugal chiller, MTBF 10950 h, "
		    "MTTR 72 h";
		break;
	case REL_BATTERY:
		/* IEEE Std 493-2007 Gold Book: static UPS module, MTBF 15,900 h,
		 * MTTR 25 h - the nearest listed kind of inverter-based storage */
		r->mtbf_h = 15900;
		r->mttr_h = 25;
		*source = "IEEE Std 493 (Gold Book): static UPS module (inverter), "
		    "MTBF 15900 h, MTTR 25 h";
		break;
	default:
		*source = "";
		return -1;
	}
	r->given = 1;
	return 0;
}

static double
repair_h(const struct reliability *r, gsl_rng *g)
{
	double	x;

	if (r->repair.d.kind == DIST_NONE)
		return -r->mttr_h * log(rng_uniform_pos(g));
	x = dist_quantile(&r->repair, rng_uniform_pos(g));
	return x > 0 ? x : 0;
}

static void
mark(int32_t *down, unsigned char *any, int nhours, double t0, double t1)
{
	/* hours h with t0 <= h < t1 (the unit is down at the hour's start) */
	int	a = (int)ceil(t0), b = (int)ceil(t1), h;

	if (a < 0)
		a = 0;
	if (b > nhours)
		b = nhours;
	for (h = a; h < b; h++)
		down[h]++;
	if (any != NULL)
		for (h = a; h < b; h++)
			any[h] = 1;
}

long
reliability_unit(const struct reliability *r, gsl_rng *g, int nhours, int32_t *down,
    unsigned char *any)
{
	double	q = reliability_for(r), t = 0, d;
	long	nfail = 0;

	if (q <= 0 || nhours <= 0)
		return 0;
	/* the long-run state at time 0: down with probability q */
	if (rng_uniform_pos(g) < q) {
		d = repair_h(r, g);
		mark(down, any, nhours, 0, d);
		t = d;
	}
	while (t < nhours) {
		t += -r->mtbf_h * log(rng_uniform_pos(g));	/* up time */
		if (t >= nhours)
			break;
		nfail++;
		d = repair_h(r, g);
		mark(down, any, nhours, t, t + d);
		t += d;
	}
	return nfail;
}
