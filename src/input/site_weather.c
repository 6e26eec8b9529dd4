/*
 * site_weather.c - weather and design conditions for a site (see site_weather.h).
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "psychro.h"
#include "site.h"
#include "climate.h"
#include "epw.h"
#include "site_weather.h"

/* Field by field: the site's value where it gives one. */
static void
merge_design(struct design_conditions *into, const struct design_conditions *site)
{
	const double *src = (const double *)site;
	double	*dst = (double *)into;
	size_t	i, n = sizeof *site / sizeof(double);

	for (i = 0; i < n; i++)
		if (!isnan(src[i]))
			dst[i] = src[i];
}

/*
 * Did epw_read() fail on I/O?  It words those "PATH: cannot open: ..." and
 * "PATH:LINE: read error: ..." (weather_epw.c); every other message is about the
 * content.  errno is no guide: formatting the message may have changed it.
 */
static int
epw_io_error(const char *path, const char *err)
{
	size_t	n;
	const char *p;

	if (path == NULL || err == NULL || strncmp(err, path, n = strlen(path)) != 0)
		return 0;
	p = err + n;
	if (strncmp(p, ": cannot open: ", 15) == 0)
		return 1;
	if (*p++ != ':' || !isdigit((unsigned char)*p))
		return 0;
	while (isdigit((unsigned char)*p))
		p++;
	return strncmp(p, ": read error: ", 14) == 0;
}

int
site_weather(const struct site *s, struct weather *w, char *err, size_t len)
{
	return site_weather_io(s, w, err, len, NULL);
}

int
site_weather_io(const struct site *s, struct weather *w, char *err, size_t len,
    int *io_error)
{
	const struct design_conditions *d = &s->climate.design;
	int	rc;

	memset(w, 0, sizeof *w);
	if (io_error != NULL)
		*io_error = 0;
	switch (s->climate.source) {
	case CLIMATE_EPW:
		rc = epw_read(s->climate.weather_file, w, err, len);
		if (rc == 0)
			merge_design(&w->design, d);
		else if (io_error != NULL)
			*io_error = epw_io_error(s->climate.weather_file, err);
		break;
	case CLIMATE_DESIGN_DAY:
		rc = climate_design_day(d->cool_db, d->cool_mcwb, site_pressure(s), w, err,
		    len);
		if (rc == 0)
			w->design = *d;
		break;
	default:
		rc = climate_builtin(&s->climate.normals, d, w, err, len);
		break;
	}
	if (rc == 0 && (isnan(w->design.cool_db) || isnan(w->design.cool_mcwb) ||
	    isnan(w->design.evap_wb) || isnan(w->design.evap_mcdb))) {
		snprintf(err, len, "%s: no ASHRAE design conditions: give climate.design "
		    "in the site file", s->climate.weather_file ? s->climate.weather_file :
		    s->path);
		weather_release(w);
		return -1;
	}
	/* the days' peaks, for the look-ups inside the runs (an index that
	 * cannot be made only leaves them to scan the hours) */
	if (rc == 0)
		(void)weather_index_days(w);
	return rc;
}

int
site_design(const struct site *s, struct design_conditions *dc, char *err, size_t len)
{
	struct weather w;

	*dc = s->climate.design;
	if (!isnan(dc->cool_db) && !isnan(dc->cool_mcwb) && !isnan(dc->evap_wb) &&
	    !isnan(dc->evap_mcdb))
		return 0;
	if (site_weather(s, &w, err, len) != 0)
		return -1;
	*dc = w.design;
	weather_release(&w);
	return 0;
}
