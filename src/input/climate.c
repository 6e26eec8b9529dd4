/*
 * climate.c - weather years that are made, not read: the built-in climate
 * generated from monthly normals, and a constant design-day condition.
 *
 * Built-in climate, deterministic (no randomness):
 * - Daily highs and lows: a periodic piecewise-linear curve through one node per
 *   month, placed at mid-month.  The node values are solved (fixed-point
 *   iteration on the 12 monthly means) so that the mean over each calendar month
 *   of the generated daily highs, and lows, equals the input normal: a plain
 *   interpolation through the normals would shave the peaks of July and the
 *   troughs of January.
 * - Hours: ASHRAE Handbook - Fundamentals (2009 ch. 14 table 6, p. 14.11; 2021
 *   p. 14.13) "fraction of daily temperature range", the profile EnergyPlus uses
 *   for design days (Engineering Reference, "EnergyPlus Design Day Temperature
 *   Calculations"): t = high - f * (high - low), with f = 1 at hour 5 (the low)
 *   and f = 0 at hours 14 and 15 (the high), hours ending 1..24 local time.  So
 *   each generated day's max and min are its daily high and low exactly.
 * - Day-to-day weather.  Smooth curves through the normals never reach the
 *   design values, which ASHRAE Handbook - Fundamentals (2009 ch. 14, "Annual
 *   design conditions") defines as met or exceeded in 0.4 %, 1 % and 2 % of the
 *   8760 hours of a year: about 35, 88 and 175 h.  So each day d is shifted from
 *   the smooth curves by an anomaly: high and low by s * z(d) together (the
 *   daily range stays the month's), the dew point by s_dp * z_dp(d).  The days of
 *   each month take the standard normal quantiles z_i = Phi^-1((i - 1/2) / n),
 *   i = 1..n (n days; they sum to zero, so the month's means are kept) in the
 *   rank order of a fixed "synoptic" wave, sin(2 pi d / 7) + sin(2 pi d / 11 + 1)
 *   for d = day of year (assumption: weather systems pass every few days, so
 *   hot and cool spells last a few days).  z_dp = 0.5 z + sqrt(0.75) z' with z'
 *   the quantiles in the order of a second wave, sin(2 pi d / 5 + 2) +
 *   sin(2 pi d / 13 + 3), skewed to a short upper tail and re-centred
 *   (clim_dew_shape()).  The spreads s, then s_dp, are solved by bisection as
 *   the smallest for which the year has at least round(0.004 * 8760) = 35 hours
 *   at or above the 0.4 % cooling dry-bulb, then the 0.4 % evaporation
 *   wet-bulb (at most 10 K each).  The Memphis and Washington Dulles examples
 *   (colossus-memphis.yaml --set climate.source=builtin, oracle-24k.yaml):
 *   36 / 85 / 165 and 36 / 82 / 159 hours at or above their TMY3 files' 0.4 /
 *   1 / 2 % dry-bulbs, 35 / 95 / 175 and 35 / 93 / 177 at or above the
 *   evaporation wet-bulbs.  No design conditions: no spread.
 * - Humidity: the month's dew point (interpolated between months the same
 *   mean-preserving way), constant through the day as in EnergyPlus design days
 *   given by dew point, and capped at the hour's dry-bulb (saturated nights).
 *   A month given by RH instead is converted to a dew point at the month's mean
 *   temperature (high + low) / 2.
 * - Pressure: constant, given or from elevation (standard atmosphere).
 * - Design days: when the cooling design pair is given, the 21st of the hottest
 *   month (the date ASHRAE/EnergyPlus design-day files use) becomes a cooling
 *   design day peaking at the 0.4 % dry-bulb with its mean coincident wet-bulb,
 *   and, when the evaporation pair is given, the 22nd an evaporation design day
 *   peaking at the 0.4 % wet-bulb with its mean coincident dry-bulb.  Each has
 *   the hottest month's mean daily range (design data, else the normals) and a
 *   constant humidity ratio, so its peak hour holds exactly the design pair.  The
 *   other days of that month are lowered evenly so that the month's means of
 *   daily high, low and dew point still equal the normals.  The year thus holds
 *   the plant-sizing peaks that a year of pure normals would miss.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "psychro.h"
#include "climate.h"
#include "weather.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

#define CLIM_DAYS	365
#define CLIM_ITER	200
#define CLIM_TOL	1e-10
/* ASHRAE HOF 2009 ch. 14: the 0.4 % design values */
#define CLIM_DESIGN_FRAC	0.004
/* largest day-to-day spread searched, K (standard deviation of the daily
 * anomaly), and bisection steps (10 K / 2^40: far below any hour count step) */
#define CLIM_SPREAD_MAX	10.0
#define CLIM_BISECT	40
/* the dew point anomaly's correlation with the dry-bulb's and its skew
 * (clim_dew_shape) */
#define CLIM_DEW_RHO	0.5
#define CLIM_DEW_G	(-0.5)

/* ASHRAE HOF 2009 ch. 14 table 6: fraction of the daily range below the high,
 * hours ending 1..24. */
static const double clim_frac[24] = {
	0.88, 0.92, 0.95, 0.98, 1.00, 0.98, 0.91, 0.74, 0.55, 0.38, 0.23, 0.13,
	0.05, 0.00, 0.00, 0.06, 0.14, 0.24, 0.39, 0.50, 0.59, 0.68, 0.75, 0.82
};

static const int clim_mlen[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

#if defined(__GNUC__)
static void clim_err(char *, size_t, const char *, ...)
    __attribute__((format(printf, 3, 4)));
#endif

static void
clim_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

static void
clim_starts(int start[13])
{
	int m;

	start[0] = 0;
	for (m = 0; m < 12; m++)
		start[m + 1] = start[m] + clim_mlen[m];
}

/* Periodic piecewise-linear curve through node[m] at mid-month, sampled at the
 * middle of each day. */
static void
clim_curve(const double node[12], double day[CLIM_DAYS])
{
	int start[13], d, m, a, b;
	double c[12], t, ta, tb;

	clim_starts(start);
	for (m = 0; m < 12; m++)
		c[m] = start[m] + clim_mlen[m] / 2.0;
	m = 0;
	for (d = 0; d < CLIM_DAYS; d++) {
		t = d + 0.5;
		while (m < 12 && c[m] <= t)
			m++;
		/* nodes a at or before t and b after it, around the year end */
		a = m == 0 || m == 12 ? 11 : m - 1;
		b = m == 0 || m == 12 ? 0 : m;
		ta = m == 0 ? c[11] - CLIM_DAYS : c[a];
		tb = m == 12 ? c[0] + CLIM_DAYS : c[b];
		day[d] = node[a] + (node[b] - node[a]) * (t - ta) / (tb - ta);
	}
}

static void
clim_means(const double day[CLIM_DAYS], double mean[12])
{
	int start[13], d, m;

	clim_starts(start);
	for (m = 0; m < 12; m++) {
		mean[m] = 0;
		for (d = start[m]; d < start[m + 1]; d++)
			mean[m] += day[d];
		mean[m] /= clim_mlen[m];
	}
}

/*
 * Daily values whose monthly means are target[]: iterate node += target - mean.
 * The month-mean operator is diagonally dominant (its weakest mode, months
 * alternating, keeps about half), so the error shrinks at least twofold a step.
 */
static int
clim_daily(const double target[12], double day[CLIM_DAYS])
{
	double node[12], mean[12], res;
	int it, m;

	memcpy(node, target, sizeof node);
	for (it = 0; it < CLIM_ITER; it++) {
		clim_curve(node, day);
		clim_means(day, mean);
		res = 0;
		for (m = 0; m < 12; m++) {
			node[m] += target[m] - mean[m];
			res = fmax(res, fabs(target[m] - mean[m]));
		}
		if (res < CLIM_TOL)
			return 0;
	}
	return -1;
}

static int
clim_check(const struct climate_normals *cn, double p, double tdp[12],
    char *err, size_t errlen)
{
	static const char *mon[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	int m, hasdp, hasrh;
	double w;

	for (m = 0; m < 12; m++) {
		if (!(cn->high[m] > -70 && cn->high[m] < 70) ||
		    !(cn->low[m] > -70 && cn->low[m] < 70)) {
			clim_err(err, errlen, "climate normals: %s high/low must be "
			    "between -70 and 70 degC", mon[m]);
			return -1;
		}
		if (cn->high[m] < cn->low[m]) {
			clim_err(err, errlen, "climate normals: %s high %g degC is "
			    "below the low %g degC", mon[m], cn->high[m], cn->low[m]);
			return -1;
		}
		hasdp = !isnan(cn->dewpoint[m]);
		hasrh = !isnan(cn->rh[m]);
		if (hasdp == hasrh) {
			clim_err(err, errlen, "climate normals: %s needs exactly one "
			    "of dew point and RH", mon[m]);
			return -1;
		}
		if (hasdp) {
			if (!(cn->dewpoint[m] > -70 && cn->dewpoint[m] < 70)) {
				clim_err(err, errlen, "climate normals: %s dew point "
				    "must be between -70 and 70 degC", mon[m]);
				return -1;
			}
			tdp[m] = cn->dewpoint[m];
			continue;
		}
		if (!(cn->rh[m] > 0 && cn->rh[m] <= 1)) {
			clim_err(err, errlen, "climate normals: %s RH must be in "
			    "(0 %%, 100 %%]", mon[m]);
			return -1;
		}
		w = psy_w_from_rh((cn->high[m] + cn->low[m]) / 2, cn->rh[m], p);
		if (!(w >= 0) || psy_tdp_from_w(w, p, &tdp[m]) != 0) {
			clim_err(err, errlen, "climate normals: %s RH gives no dew "
			    "point", mon[m]);
			return -1;
		}
	}
	return 0;
}

/* Dew point of the humidity ratio at design pair (tdb, twb), or -1. */
static int
clim_design_tdp(double tdb, double twb, double p, double *tdp)
{
	struct psy_state s;

	if (psy_state_from_twb(tdb, twb, p, &s) != 0)
		return -1;
	*tdp = s.tdp;
	return 0;
}

/* Superimpose the design days on day[] (see the top of the file). */
static int
clim_design(const struct climate_normals *cn, const struct design_conditions *dc,
    double p, double hi[CLIM_DAYS], double lo[CLIM_DAYS], double dp[CLIM_DAYS],
    char *err, size_t errlen)
{
	int start[13], m, mh, d, k = 0, dday[2];
	double range, peak[2], tdp[2], exh = 0, exl = 0, exd = 0;

	if (isnan(dc->cool_db) || isnan(dc->cool_mcwb))
		return 0;
	clim_starts(start);
	mh = 0;
	for (m = 1; m < 12; m++)
		if (cn->high[m] > cn->high[mh])
			mh = m;
	if (dc->cool_month >= 1 && dc->cool_month <= 12)
		mh = (int)dc->cool_month - 1;
	range = dc->cool_range > 0 && dc->cool_range < 40 ? dc->cool_range :
	    cn->high[mh] - cn->low[mh];
	if (clim_design_tdp(dc->cool_db, dc->cool_mcwb, p, &tdp[0]) != 0) {
		clim_err(err, errlen, "design conditions: no moist-air state for "
		    "cooling dry-bulb %g and wet-bulb %g", dc->cool_db,
		    dc->cool_mcwb);
		return -1;
	}
	peak[k] = dc->cool_db;
	dday[k++] = start[mh] + 20;
	if (!isnan(dc->evap_wb) && !isnan(dc->evap_mcdb)) {
		if (clim_design_tdp(dc->evap_mcdb, dc->evap_wb, p, &tdp[1]) != 0) {
			clim_err(err, errlen, "design conditions: no moist-air state "
			    "for evaporation wet-bulb %g and dry-bulb %g",
			    dc->evap_wb, dc->evap_mcdb);
			return -1;
		}
		peak[k] = dc->evap_mcdb;
		dday[k++] = start[mh] + 21;
	}
	for (m = 0; m < k; m++) {
		d = dday[m];
		exh += peak[m] - hi[d];
		exl += peak[m] - range - lo[d];
		exd += tdp[m] - dp[d];
		hi[d] = peak[m];
		lo[d] = peak[m] - range;
		dp[d] = tdp[m];
	}
	for (d = start[mh]; d < start[mh + 1]; d++) {
		if (d == dday[0] || (k > 1 && d == dday[1]))
			continue;
		hi[d] -= exh / (clim_mlen[mh] - k);
		lo[d] -= exl / (clim_mlen[mh] - k);
		dp[d] -= exd / (clim_mlen[mh] - k);
		if (hi[d] < lo[d]) {
			clim_err(err, errlen, "design conditions: design days do not "
			    "fit the month's normals (high below low)");
			return -1;
		}
	}
	return 0;
}

/* Hours of the year at or above tdb x, the hourly dry-bulb exactly as
 * climate_builtin() makes it. */
static int
clim_hours_db(const double *hi, const double *lo, double x)
{
	int d, h, n = 0;

	for (d = 0; d < CLIM_DAYS; d++) {
		if (hi[d] < x)
			continue;
		for (h = 0; h < 24; h++)
			if (hi[d] - clim_frac[h] * (hi[d] - lo[d]) >= x)
				n++;
	}
	return n;
}

/* Hours at or above wet-bulb x.  At a given dry-bulb the wet-bulb rises with
 * the humidity ratio, so twb >= x exactly when W >= W(tdb, twb = x) (ASHRAE
 * Handbook - Fundamentals 2017 ch. 1 eq. 33/35, psychro.c): no iteration.  The
 * dew point is capped at the hour's dry-bulb as weather_derive_hour() caps it. */
static int
clim_hours_wb(const double *hi, const double *lo, const double *dp, double p,
    double x)
{
	int d, h, n = 0;
	double t;

	for (d = 0; d < CLIM_DAYS; d++) {
		if (hi[d] < x)
			continue;
		for (h = 0; h < 24; h++) {
			t = hi[d] - clim_frac[h] * (hi[d] - lo[d]);
			if (t >= x && psy_w_from_tdp(fmin(dp[d], t), p) >=
			    psy_w_from_twb(t, x, p))
				n++;
		}
	}
	return n;
}

/* The anomaly pattern z(d) of the top of the file: in each month the normal
 * quantiles in the rank order of the wave key(d) = sin(2 pi d / a + pa) +
 * sin(2 pi d / b + pb). */
static void
clim_pattern(double a, double pa, double b, double pb, double z[CLIM_DAYS])
{
	int start[13], m, d, e, r, n;
	double key[31], ka, kb;

	clim_starts(start);
	for (m = 0; m < 12; m++) {
		n = clim_mlen[m];
		for (d = 0; d < n; d++) {
			e = start[m] + d;
			key[d] = sin(2 * M_PI * e / a + pa) + sin(2 * M_PI * e / b + pb);
		}
		for (d = 0; d < n; d++) {
			/* rank of day d (ties to the earlier day) */
			for (r = 0, e = 0; e < n; e++) {
				ka = key[e], kb = key[d];
				if (ka < kb || (ka == kb && e < d))
					r++;
			}
			z[start[m] + d] = gsl_cdf_ugaussian_Pinv((r + 0.5) / n);
		}
	}
}

/*
 * The dew point's anomaly: correlated with the dry-bulb's (rho: hot spells
 * are humid spells too) and skewed to a short upper tail, Tukey's g
 * transform (exp(g z) - 1) / g with g < 0 (Hoaglin 1985, "Summarizing shape
 * numerically: the g-and-h distributions"): a summer air mass's dew point is
 * capped by the sea it came from.  Re-centred to a zero mean in each month.
 * rho and g are calibrated (assumption) so that the built-in years of the
 * Memphis and Washington Dulles examples have 95 / 93 hours at or above the 1 %
 * and 175 / 177 at or above the 2 % evaporation wet-bulb of their TMY3 files'
 * ASHRAE 2009 design conditions (88 and 175 due; independent and unskewed dew
 * points gave 74 / 69 and 100 / 104).
 */
static void
clim_dew_shape(const double zt[CLIM_DAYS], double zd[CLIM_DAYS])
{
	int start[13], m, d;
	double mean, c = sqrt(1 - CLIM_DEW_RHO * CLIM_DEW_RHO);

	clim_starts(start);
	for (m = 0; m < 12; m++) {
		mean = 0;
		for (d = start[m]; d < start[m + 1]; d++) {
			zd[d] = CLIM_DEW_RHO * zt[d] + c * zd[d];
			zd[d] = (exp(CLIM_DEW_G * zd[d]) - 1) / CLIM_DEW_G;
			mean += zd[d];
		}
		mean /= clim_mlen[m];
		for (d = start[m]; d < start[m + 1]; d++)
			zd[d] -= mean;
	}
}

struct clim_base {
	double	hi[CLIM_DAYS], lo[CLIM_DAYS], dp[CLIM_DAYS];	/* smooth curves */
	double	zt[CLIM_DAYS], zd[CLIM_DAYS];	/* anomaly patterns */
	double	p;
};

/* The year's days with spreads s (dry-bulb) and sdp (dew point), design days
 * superimposed. */
static int
clim_days(const struct clim_base *b, const struct climate_normals *cn,
    const struct design_conditions *dc, double s, double sdp, double *hi,
    double *lo, double *dp, char *err, size_t errlen)
{
	int d;

	for (d = 0; d < CLIM_DAYS; d++) {
		hi[d] = b->hi[d] + s * b->zt[d];
		lo[d] = b->lo[d] + s * b->zt[d];
		dp[d] = b->dp[d] + sdp * b->zd[d];
	}
	return clim_design(cn, dc, b->p, hi, lo, dp, err, errlen);
}

/*
 * Everything the built-in year is made from, checked: pressure, the daily
 * curves of highs, lows and dew points, their day-to-day spreads and the
 * design days.
 */
static int
clim_prepare(const struct climate_normals *cn, struct design_conditions *design,
    double *pp, double *hi, double *lo, double *dp, char *err, size_t errlen)
{
	struct clim_base *b;
	double	tdp[12], p, a, z, s = 0, sdp = 0;
	int	d, it, target = (int)lround(CLIM_DESIGN_FRAC * WEATHER_HOURS);

	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (!(cn->elevation >= -1000 && cn->elevation <= 9999.9)) {
		clim_err(err, errlen, "climate normals: elevation must be between "
		    "-1000 and 9999.9 m");
		return -1;
	}
	/* standard atmosphere, ASHRAE 2017 ch. 1 eq. 3 (psychro.c) */
	p = cn->pressure == 0 ? psy_pressure_at_elevation(cn->elevation) :
	    cn->pressure;
	if (!(p > 31000 && p < 120000)) {
		clim_err(err, errlen, "climate normals: pressure %g Pa out of "
		    "range (31000..120000)", p);
		return -1;
	}
	if (clim_check(cn, p, tdp, err, errlen) != 0)
		return -1;
	if ((b = malloc(sizeof *b)) == NULL) {
		clim_err(err, errlen, "out of memory");
		return -1;
	}
	b->p = p;
	if (clim_daily(cn->high, b->hi) != 0 || clim_daily(cn->low, b->lo) != 0 ||
	    clim_daily(tdp, b->dp) != 0) {
		clim_err(err, errlen, "climate normals: monthly interpolation did "
		    "not converge");
		free(b);
		return -1;
	}
	/* The mean-preserving curves of high and low may cross on a day when a
	 * month's range is tiny; a day's high is never below its low. */
	for (d = 0; d < CLIM_DAYS; d++)
		if (b->hi[d] < b->lo[d])
			b->hi[d] = b->lo[d] = (b->hi[d] + b->lo[d]) / 2;
	clim_pattern(7, 0, 11, 1, b->zt);
	clim_pattern(5, 2, 13, 3, b->zd);
	clim_dew_shape(b->zt, b->zd);
	if (clim_days(b, cn, design, 0, 0, hi, lo, dp, err, errlen) != 0) {
		free(b);
		return -1;
	}
	/* The smallest spreads that put the design values into >= 35 hours; the
	 * hour counts only grow with the spread (the hot tail moves up). */
	if (!isnan(design->cool_db) && !isnan(design->cool_mcwb) &&
	    clim_hours_db(hi, lo, design->cool_db) < target) {
		for (a = 0, z = CLIM_SPREAD_MAX, it = 0; it < CLIM_BISECT; it++) {
			s = (a + z) / 2;
			(void)clim_days(b, cn, design, s, 0, hi, lo, dp, NULL, 0);
			if (clim_hours_db(hi, lo, design->cool_db) >= target)
				z = s;
			else
				a = s;
		}
		s = z;
	}
	if (!isnan(design->cool_db) && !isnan(design->cool_mcwb) &&
	    !isnan(design->evap_wb) && !isnan(design->evap_mcdb)) {
		(void)clim_days(b, cn, design, s, 0, hi, lo, dp, NULL, 0);
		if (clim_hours_wb(hi, lo, dp, p, design->evap_wb) < target) {
			for (a = 0, z = CLIM_SPREAD_MAX, it = 0; it < CLIM_BISECT;
			    it++) {
				sdp = (a + z) / 2;
				(void)clim_days(b, cn, design, s, sdp, hi, lo, dp,
				    NULL, 0);
				if (clim_hours_wb(hi, lo, dp, p, design->evap_wb) >=
				    target)
					z = sdp;
				else
					a = sdp;
			}
			sdp = z;
		}
	}
	if (clim_days(b, cn, design, s, sdp, hi, lo, dp, err, errlen) != 0) {
		free(b);
		return -1;
	}
	free(b);
	*pp = p;
	return 0;
}

int
climate_builtin_check(const struct climate_normals *cn,
    const struct design_conditions *dc, char *err, size_t errlen)
{
	double	hi[CLIM_DAYS], lo[CLIM_DAYS], dp[CLIM_DAYS], p;
	struct design_conditions design;

	weather_design_init(&design);
	if (dc != NULL)
		design = *dc;
	return clim_prepare(cn, &design, &p, hi, lo, dp, err, errlen);
}

int
climate_builtin(const struct climate_normals *cn, const struct design_conditions *dc,
    struct weather *w, char *err, size_t errlen)
{
	double hi[CLIM_DAYS], lo[CLIM_DAYS], dp[CLIM_DAYS], p;
	size_t k;
	int d, h;

	memset(w, 0, sizeof *w);
	weather_design_init(&w->design);
	w->latitude = w->longitude = w->tz_hours = w->elevation = NAN;
	if (dc != NULL)
		w->design = *dc;
	if (clim_prepare(cn, &w->design, &p, hi, lo, dp, err, errlen) != 0)
		return -1;
	if (weather_alloc(w, WEATHER_HOURS) != 0) {
		clim_err(err, errlen, "out of memory");
		return -1;
	}
	for (d = 0; d < CLIM_DAYS; d++) {
		for (h = 0; h < 24; h++) {
			k = (size_t)d * 24 + (size_t)h;
			w->tdb[k] = hi[d] - clim_frac[h] * (hi[d] - lo[d]);
			w->tdp[k] = dp[d];
			w->p[k] = p;
			if (weather_derive_hour(w, k) != 0) {
				clim_err(err, errlen, "climate normals: no moist-air "
				    "state for dry-bulb %g, dew point %g", w->tdb[k],
				    w->tdp[k]);
				weather_release(w);
				return -1;
			}
			w->rh[k] = fmin(psy_rh_from_w(w->tdb[k], w->w[k], p), 1.0);
		}
	}
	snprintf(w->source, sizeof w->source, "built-in");
	w->elevation = cn->elevation;
	return 0;
}

/*
 * The same condition every hour: sizing against one point (e.g. the 0.4 %
 * cooling design pair) with the machinery of an annual run.  Its design
 * conditions are that point.
 */
int
climate_design_day(double tdb, double twb, double p, struct weather *w,
    char *err, size_t errlen)
{
	struct psy_state s;
	size_t k;

	memset(w, 0, sizeof *w);
	weather_design_init(&w->design);
	w->latitude = w->longitude = w->tz_hours = w->elevation = NAN;
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (!(tdb > -70 && tdb < 70) || !(twb > -70 && twb < 70)) {
		clim_err(err, errlen, "design day: temperatures must be between "
		    "-70 and 70 degC");
		return -1;
	}
	if (twb > tdb) {
		clim_err(err, errlen, "design day: wet-bulb %g degC above "
		    "dry-bulb %g degC", twb, tdb);
		return -1;
	}
	if (!(p > 31000 && p < 120000)) {
		clim_err(err, errlen, "design day: pressure %g Pa out of range "
		    "(31000..120000)", p);
		return -1;
	}
	if (psy_state_from_twb(tdb, twb, p, &s) != 0) {
		clim_err(err, errlen, "design day: no moist-air state for "
		    "dry-bulb %g and wet-bulb %g", tdb, twb);
		return -1;
	}
	if (weather_alloc(w, WEATHER_HOURS) != 0) {
		clim_err(err, errlen, "out of memory");
		return -1;
	}
	for (k = 0; k < w->n; k++) {
		w->tdb[k] = tdb;
		w->twb[k] = twb;
		w->tdp[k] = s.tdp;
		w->rh[k] = s.rh;
		w->w[k] = s.w;
		w->p[k] = p;
	}
	w->design.cool_db = w->design.evap_mcdb = tdb;
	w->design.cool_mcwb = w->design.evap_wb = twb;
	w->design.heat_db = w->design.extreme_max_db = tdb;
	w->design.extreme_max_wb = twb;
	snprintf(w->source, sizeof w->source, "design day");
	return 0;
}
