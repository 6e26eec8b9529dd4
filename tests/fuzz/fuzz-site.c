/*
 * fuzz-site.c - the site loader with --set overrides.  The input is a site file;
 * each of its lines that starts with "#set " (a YAML comment, so line numbers
 * stay true) is also given as a --set argument, in order.  The models are the
 * source tree's (FUZZ_MODELS_DIR).  A site that loads with a built-in or
 * design-day climate also has its weather year made; EPW paths are not
 * followed (fuzz-epw covers the reader).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fuzz.h"
#include "site.h"
#include "site_load.h"
#include "site_weather.h"
#include "weather.h"

#define FUZZ_MAX_SETS	8

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	const char *dirs[1] = { FUZZ_MODELS_DIR };
	const char *sets[FUZZ_MAX_SETS];
	struct site_opts o;
	struct diags d;
	struct site s;
	char	*text, *p, err[1024];
	size_t	nsets = 0;
	FILE	*f;
	int	rc;

	if (size > 1 << 20)
		return 0;
	if (path[0] == '\0')
		snprintf(path, sizeof path, "/tmp/dcplan-fuzz-site-%ld.yaml",
		    (long)getpid());
	if ((f = fopen(path, "wb")) == NULL)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	if ((text = malloc(size + 1)) == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	for (p = text; p != NULL && *p != '\0' && nsets < FUZZ_MAX_SETS; ) {
		char	*nl = strchr(p, '\n');

		if (nl != NULL)
			*nl = '\0';
		if (strncmp(p, "#set ", 5) == 0)
			sets[nsets++] = p + 5;
		p = nl != NULL ? nl + 1 : NULL;
	}
	memset(&o, 0, sizeof o);
	o.model_dirs = dirs;
	o.n_model_dirs = 1;
	o.sets = sets;
	o.nsets = nsets;
	memset(&d, 0, sizeof d);
	rc = site_load(path, &o, &s, &d);
	if (rc != 0 && d.n == 0)
		abort();	/* a rejected site always says why */
	if (rc == 0) {
		struct weather w;

		if (s.climate.source != CLIMATE_EPW &&
		    site_weather(&s, &w, err, sizeof err) == 0)
			weather_release(&w);
	}
	site_release(&s);
	diags_release(&d);
	free(text);
	return 0;
}
