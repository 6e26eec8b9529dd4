/*
 * weather.c - the parts of the weather module that every source shares: storage,
 * derived psychrometric quantities, and the per-step look-ups weather_at() and
 * weather_day_peak() used inside simulation loops.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "psychro.h"
#include "weather.h"

void
weather_design_init(struct design_conditions *d)
{
	d->cool_db = d->cool_mcwb = NAN;
	d->evap_wb = d->evap_mcdb = NAN;
	d->heat_db = d->extreme_max_db = NAN;
	d->cool_month = d->cool_range = NAN;
	d->cool_db_1 = d->cool_mcwb_1 = NAN;
	d->cool_db_2 = d->cool_mcwb_2 = NAN;
	d->evap_wb_1 = d->evap_mcdb_1 = NAN;
	d->evap_wb_2 = d->evap_mcdb_2 = NAN;
	d->heat_db_99 = d->extreme_max_wb = d->extreme_min_db = NAN;
}

void
weather_release(struct weather *w)
{
	if (w == NULL)
		return;
	free(w->tdb);
	free(w->tdp);
	free(w->rh);
	free(w->p);
	free(w->twb);
	free(w->w);
	free(w->peak_hour);
	free(w->peak);
	w->tdb = w->tdp = w->rh = w->p = w->twb = w->w = NULL;
	w->peak_hour = NULL;
	w->peak = NULL;
	w->n = w->npeak = 0;
}

int
weather_alloc(struct weather *w, size_t n)
{
	w->tdb = calloc(n, sizeof *w->tdb);
	w->tdp = calloc(n, sizeof *w->tdp);
	w->rh = calloc(n, sizeof *w->rh);
	w->p = calloc(n, sizeof *w->p);
	w->twb = calloc(n, sizeof *w->twb);
	w->w = calloc(n, sizeof *w->w);
	if (w->tdb == NULL || w->tdp == NULL || w->rh == NULL || w->p == NULL ||
	    w->twb == NULL || w->w == NULL) {
		weather_release(w);
		return -1;
	}
	w->n = n;
	return 0;
}

/*
 * Humidity ratio from dew point (ASHRAE 2017 ch. 1 eq. 36 via psy_w_from_tdp) and
 * wet bulb from it (eqs. 35, 37 solved by psy_twb_from_w).  A dew point above the
 * dry-bulb (EPW rounding, or a built-in night colder than the month's dew point)
 * is capped at the dry-bulb: the air is saturated, not supersaturated.
 */
int
weather_derive_hour(struct weather *w, size_t k)
{
	double twb;

	if (w->tdp[k] > w->tdb[k])
		w->tdp[k] = w->tdb[k];
	w->w[k] = psy_w_from_tdp(w->tdp[k], w->p[k]);
	if (!(w->w[k] >= 0) || !isfinite(w->w[k]))
		return -1;
	/* the dew point is known: it brackets the wet bulb from below */
	if (psy_twb_from_w_tdp(w->tdb[k], w->w[k], w->p[k], w->tdp[k], &twb) != 0 ||
	    !isfinite(twb))
		return -1;
	w->twb[k] = twb;
	return 0;
}

/*
 * Row k holds the EPW hour ending at k+1 (data dictionary: hour 1..24), and its
 * value is taken as the instantaneous condition at that hour's end, the reading
 * EnergyPlus uses when it interpolates hourly records to shorter time steps.  So
 * t = k+1 returns row k exactly, t between returns the straight line between rows,
 * and t in [0, 1) lies between the last row (Dec 31 24:00 = Jan 1 00:00 of a
 * typical year) and the first.  Non-finite t is read as 0.
 */
void
weather_at(const struct weather *w, double t, struct wx_point *pt)
{
	double n, s, f;
	size_t i, j;

	if (w->n == 0) {
		memset(pt, 0, sizeof *pt);
		return;
	}
	n = (double)w->n;
	if (!isfinite(t))
		t = 0;
	s = fmod(t - 1.0, n);
	if (s < 0)
		s += n;
	i = (size_t)s;
	if (i >= w->n)		/* s rounded up to n */
		i = 0;
	f = s - (double)i;
	if (f < 0)
		f = 0;
	j = i + 1 < w->n ? i + 1 : 0;
	pt->tdb = w->tdb[i] + f * (w->tdb[j] - w->tdb[i]);
	pt->twb = w->twb[i] + f * (w->twb[j] - w->twb[i]);
	pt->tdp = w->tdp[i] + f * (w->tdp[j] - w->tdp[i]);
	pt->rh = w->rh[i] + f * (w->rh[j] - w->rh[i]);
	pt->w = w->w[i] + f * (w->w[j] - w->w[i]);
	pt->p = w->p[i] + f * (w->p[j] - w->p[i]);
}

void
weather_step(const struct weather *w, double t0, double step_h, struct wx_point *pt)
{
	weather_at(w, t0 + (step_h > 0 ? step_h : 0), pt);
}

static int
day_peak_scan(const struct weather *w, size_t d, struct wx_point *pt)
{
	size_t base, k, hot;
	double twb_max;

	base = d * 24;
	hot = base;
	twb_max = w->twb[base];
	for (k = base + 1; k < base + 24; k++) {
		if (w->tdb[k] > w->tdb[hot])
			hot = k;
		if (w->twb[k] > twb_max)
			twb_max = w->twb[k];
	}
	pt->tdb = w->tdb[hot];
	pt->twb = twb_max;
	pt->tdp = w->tdp[hot];
	pt->rh = w->rh[hot];
	pt->w = w->w[hot];
	pt->p = w->p[hot];
	return (int)(hot - base);
}

int
weather_day_peak(const struct weather *w, int day, struct wx_point *pt)
{
	size_t days;
	long d;

	days = w->n / 24;
	if (days == 0) {
		memset(pt, 0, sizeof *pt);
		return 0;
	}
	d = (long)day % (long)days;
	if (d < 0)
		d += (long)days;
	if (w->peak != NULL && w->npeak == days) {
		*pt = w->peak[d];
		return w->peak_hour[d];
	}
	return day_peak_scan(w, (size_t)d, pt);
}

int
weather_index_days(struct weather *w)
{
	size_t days = w->n / 24, d;

	free(w->peak_hour);
	free(w->peak);
	w->peak_hour = NULL;
	w->peak = NULL;
	w->npeak = 0;
	if (days == 0)
		return 0;
	w->peak_hour = malloc(days * sizeof *w->peak_hour);
	w->peak = malloc(days * sizeof *w->peak);
	if (w->peak_hour == NULL || w->peak == NULL) {
		free(w->peak_hour);
		free(w->peak);
		w->peak_hour = NULL;
		w->peak = NULL;
		return -1;
	}
	for (d = 0; d < days; d++)
		w->peak_hour[d] = day_peak_scan(w, d, &w->peak[d]);
	w->npeak = days;
	return 0;
}
