/*
 * dclimits.h - every fixed limit of dcplan in one place.
 *
 * The engine keeps small fixed-size arrays (no allocation in the hourly loop); the
 * input layer checks each limit when a site is loaded and reports the first item
 * past it at its file:line:col (exit 3), so that no command ever meets a site that
 * exceeds one.  dcplan-site(5) LIMITS lists them.  (Named dclimits.h, not limits.h,
 * so that it never shadows the C library's <limits.h> on an include path.)
 */
#ifndef DCPLAN_DCLIMITS_H
#define DCPLAN_DCLIMITS_H

#define DC_MAX_PHASES		64	/* deployment phases (it.phases) */
#define DC_MAX_COOLING_GROUPS	16	/* chiller, tower and dry-cooler groups, each */
#define DC_MAX_GEN_GROUPS	32	/* generator groups (power.generators) */
#define DC_MAX_BATT_GROUPS	32	/* battery groups (power.batteries) */
#define DC_MAX_DERATE_POINTS	16	/* points of a generator's derating curve */
#define DC_MAX_NAME		63	/* bytes of a name (site items, models) */
#define DC_DATE_YMIN		1900	/* dates: years 1900 .. 2200 */
#define DC_DATE_YMAX		2200
#define DC_MAX_DELIVERY_YEARS	100	/* a delivery by rate, expanded day by day */
#define DC_MAX_TOU_PERIODS	8	/* time-of-use periods of a feed's tariff */
#define DC_MAX_SWEEP_CASES	1000000	/* cases of one dcplan sweep */
#define DC_MAX_WEATHER_FILES	40	/* weather years of climate.weather_files */

#endif
