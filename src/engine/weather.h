/*
 * weather.h - hourly weather for a year: EnergyPlus EPW files, a built-in climate
 * generated from monthly normals, or a constant design-day condition.
 * Temperatures degC, pressure Pa, RH fraction.  All derived quantities (wet-bulb,
 * humidity ratio) are computed once at load time, so a simulation step only reads.
 *
 * Every year is 365 days = 8760 hours; row k (0-based) holds the hour that ends at
 * k+1 hours after Jan 1 00:00 local standard time (EPW "hour ending" convention).
 */
#ifndef DCPLAN_WEATHER_H
#define DCPLAN_WEATHER_H

#include <stddef.h>

#define WEATHER_HOURS	8760

/*
 * ASHRAE Handbook - Fundamentals ch. 14 design conditions (NaN = not given).
 * The first six fields are what the site file can give; the rest are read from
 * an EPW DESIGN CONDITIONS line when present.  weather_design_init() sets all NaN.
 */
struct design_conditions {
	double	cool_db;	/* 0.4 % cooling dry-bulb */
	double	cool_mcwb;	/* its mean coincident wet-bulb */
	double	evap_wb;	/* 0.4 % evaporation wet-bulb */
	double	evap_mcdb;	/* its mean coincident dry-bulb */
	double	heat_db;	/* 99.6 % heating dry-bulb */
	double	extreme_max_db;	/* mean of annual extreme maxima */

	double	cool_month;	/* hottest month 1..12 */
	double	cool_range;	/* mean daily dry-bulb range of the hottest month, K */
	double	cool_db_1, cool_mcwb_1;	/* 1 % cooling dry-bulb, MCWB */
	double	cool_db_2, cool_mcwb_2;	/* 2 % */
	double	evap_wb_1, evap_mcdb_1;	/* 1 % evaporation wet-bulb, MCDB */
	double	evap_wb_2, evap_mcdb_2;	/* 2 % */
	double	heat_db_99;	/* 99 % heating dry-bulb */
	double	extreme_max_wb;	/* extreme maximum wet-bulb */
	double	extreme_min_db;	/* mean of annual extreme minima */
};

/* Inputs for the built-in climate (12 months each, Jan..Dec). */
struct climate_normals {
	double	high[12];	/* degC, mean daily maximum */
	double	low[12];	/* degC, mean daily minimum */
	double	dewpoint[12];	/* degC, monthly mean dew point (NaN if rh given) */
	double	rh[12];		/* 0..1 monthly mean RH (NaN if dew point given) */
	double	pressure;	/* Pa (0 = from elevation) */
	double	elevation;	/* m */
};

struct wx_point { double tdb, twb, tdp, rh, w, p; };

struct weather {
	char	source[256];	/* "EPW path", "built-in", "design day" */
	char	location[128];	/* EPW: "city, state, country"; else empty */
	char	wmo[16];	/* EPW station number; else empty */
	char	design_source[96];	/* EPW DESIGN CONDITIONS source; else empty */
	double	latitude, longitude, elevation, tz_hours;	/* NaN = unknown */
	struct design_conditions design;
	int	year;		/* nominal year of the data (0 = typical year) */
	int	leap_dropped;	/* EPW: 1 if Feb 29 rows were dropped */
	size_t	n_filled;	/* EPW: values filled in for missing sentinels */
	size_t	n_rh_clamped;	/* EPW: hours with RH above 110 %, clamped to 100 % */
	size_t	n_tdp_capped;	/* EPW: hours with the dew point above the dry-bulb */
	int	design_derived;	/* EPW: design conditions derived from the hours */
	size_t	n;		/* hours, 8760 */
	double	*tdb, *tdp, *rh, *p;	/* as read */
	double	*twb, *w;		/* derived with psychro */
	/* each day's hottest hour as weather_day_peak() finds it (its offset
	 * in the day, then the point), or NULL: weather_index_days() */
	int	*peak_hour;
	struct wx_point *peak;
	size_t	npeak;
};

void	weather_release(struct weather *);
/* Keep each day's peak (weather_day_peak) with the hours, once they are final:
 * the look-ups then read it.  0, or -1 out of memory (the look-ups then scan
 * the hours, with the same results).  A change to the hours afterwards must
 * be followed by weather_index_days() again. */
int	weather_index_days(struct weather *);
void	weather_design_init(struct design_conditions *);

/* Conditions at fractional hour of year t (0 = Jan 1 00:00, hour-ending convention of
 * EPW: row k holds hour k+1); linear interpolation between hourly values, wrapping
 * at the year end.  Cheap: O(1). */
void	weather_at(const struct weather *, double hour_of_year, struct wx_point *);

/*
 * Conditions for the simulation step that starts at hour_of_year t0 and lasts
 * step_h hours, as EnergyPlus reads its weather (Engineering Reference, "Weather
 * Data" / WeatherManager interpolation): the value at the END of the step, so an
 * hourly step aligned to the hour is exactly the EPW record of that hour (hour
 * ending convention) and a sub-hourly step j of N within hour h weighs the
 * record of h by j/N and that of h-1 by 1 - j/N.
 */
void	weather_step(const struct weather *, double t0, double step_h, struct wx_point *);

/* Hottest hour of a calendar day (0-based day of year, wrapped into the year):
 * the hour of max dry-bulb, and the max wet-bulb of that day.  All fields of the
 * point are those of the max dry-bulb hour except twb, which is the day's maximum.
 * Returns that hour's row within the day, 0..23 (the hour ending at row+1). */
int	weather_day_peak(const struct weather *, int day_of_year, struct wx_point *);

/* Internal to the weather module (the loaders share them): allocate the six
 * arrays for n hours, zeroed (0, or -1 when out of memory); and derive w and twb of
 * row k from its tdb, tdp and p, first capping tdp at tdb (0, or -1 if psychro
 * finds the state unphysical). */
int	weather_alloc(struct weather *, size_t n);
int	weather_derive_hour(struct weather *, size_t k);

#endif
