/*
 * site_weather.h - the weather a site asks for (EPW file, built-in climate from its
 * normals, or a constant design day) and its design conditions.
 */
#ifndef DCPLAN_SITE_WEATHER_H
#define DCPLAN_SITE_WEATHER_H

#include <stddef.h>

#include "weather.h"

struct site;

/* Load the site's year of weather.  0, or -1 with a message in err.  The design
 * conditions of the site file override those of an EPW file field by field. */
int	site_weather(const struct site *, struct weather *, char *err, size_t errlen);
/* The same; on failure *io_error (if not NULL) tells an I/O error (the weather file
 * cannot be opened or read) from invalid content (1 and 0). */
int	site_weather_io(const struct site *, struct weather *, char *err, size_t errlen,
	    int *io_error);

/* Design conditions: from the site file, or from its EPW file when the site gives
 * none.  0, or -1 with a message (no design conditions anywhere). */
int	site_design(const struct site *, struct design_conditions *, char *err,
	    size_t errlen);

#endif
