/*
 * epw.h - reading an EnergyPlus weather (EPW) file into a weather year.
 */
#ifndef DCPLAN_EPW_H
#define DCPLAN_EPW_H

#include <stddef.h>
#include <stdio.h>

#include "weather.h"

/* 0, or -1 with a message "file:line: ..." in err.  The struct is overwritten; on
 * failure it is left empty, and weather_release() on it is harmless. */
int	epw_read(const char *path, struct weather *, char *err, size_t errlen);
/* The same from an open stream; path names it in messages. */
int	epw_read_fp(FILE *, const char *path, struct weather *, char *err,
	    size_t errlen);

#endif
