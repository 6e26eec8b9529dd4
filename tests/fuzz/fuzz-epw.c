/*
 * fuzz-epw.c - the EPW reader on any bytes (from memory, through fmemopen).  It
 * must return a full year or an error message, never hang or read out of bounds.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "epw.h"
#include "fuzz.h"
#include "weather.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct weather w;
	char	err[1024];
	FILE	*fp;
	size_t	k;

	if (size == 0)
		return 0;	/* fmemopen of nothing */
	if ((fp = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	err[0] = '\0';
	if (epw_read_fp(fp, "fuzz.epw", &w, err, sizeof err) == 0) {
		if (w.n != WEATHER_HOURS)
			abort();
		for (k = 0; k < w.n; k++)
			if (!isfinite(w.tdb[k]) || !isfinite(w.twb[k]) ||
			    !isfinite(w.w[k]) || w.twb[k] > w.tdb[k] + 1e-6)
				abort();
		weather_release(&w);
	} else if (err[0] == '\0')
		abort();
	fclose(fp);
	return 0;
}
