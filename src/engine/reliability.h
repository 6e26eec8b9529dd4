/*
 * reliability.h - units that fail and are repaired: the two-state (up/down) model of
 * Billinton and Allan, "Reliability Evaluation of Power Systems", 2nd ed., 1996,
 * ch. 2 and 12 (sequential Monte Carlo): up times exponential with mean MTBF, down
 * times exponential with mean MTTR, or drawn from a repair distribution.  The
 * forced outage rate is q = MTTR / (MTBF + MTTR).
 */
#ifndef DCPLAN_RELIABILITY_H
#define DCPLAN_RELIABILITY_H

#include <stdint.h>

#include <gsl/gsl_rng.h>

#include "dist.h"

enum rel_kind { REL_GENERATOR, REL_BATTERY, REL_CHILLER, REL_TOWER, REL_DRYCOOLER };

struct reliability {
	int	given;		/* 0: the unit never fails */
	double	mtbf_h;		/* hours */
	double	mttr_h;		/* hours (mean of `repair` when one is given) */
	struct dist repair;	/* DIST_NONE: exponential with mean mttr_h; else hours */
};

/* Forced outage rate MTTR / (MTBF + MTTR); 0 when not given. */
double	reliability_for(const struct reliability *);

/* Documented defaults per kind of equipment: 0 and *r filled, with the source, or
 * -1 when there is none for that kind.  IEEE Std 493-2007 ("Gold Book"),
 * "Recommended Practice for the Design of Reliable Industrial and Commercial Power
 * Systems", equipment reliability tables. */
int	reliability_default(enum rel_kind, struct reliability *r, const char **source);

/*
 * One unit over hours 0 .. nhours-1: adds +1 to down[h] for every hour whose start
 * finds the unit down (and sets any[h] to 1 there, when any is not NULL).  The unit starts in its long-run state (down with probability
 * q, the remaining repair drawn afresh), so each hour's P(down) is q exactly with
 * exponential repairs.  Draws come from r's stream in a fixed order.  Returns the
 * number of failures that began inside the window.
 */
long	reliability_unit(const struct reliability *, gsl_rng *, int nhours, int32_t *down,
	    unsigned char *any);

#endif
