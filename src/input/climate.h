/*
 * climate.h - the built-in climate (a year generated from monthly normals and the
 * ASHRAE design conditions) and the constant design day.
 */
#ifndef DCPLAN_CLIMATE_H
#define DCPLAN_CLIMATE_H

#include <stddef.h>

#include "weather.h"

/* Each returns 0, or -1 with a message (without file and line) in err.  The struct
 * is overwritten; on failure it is left empty, and weather_release() on it is harmless. */
int	climate_builtin(const struct climate_normals *, const struct design_conditions *,
	    struct weather *, char *err, size_t errlen);
int	climate_design_day(double tdb, double twb, double p, struct weather *,
	    char *err, size_t errlen);
/* The built-in climate's inputs checked as climate_builtin() checks them, without
 * generating the year (for validation). */
int	climate_builtin_check(const struct climate_normals *,
	    const struct design_conditions *, char *err, size_t errlen);

#endif
