/*
 * site_load_climate.c - the climate section of a site file: the weather source, design
 * conditions and monthly normals.
 * Keys, units and defaults are documented in dcplan-site(5).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bind.h"
#include "dclimits.h"
#include "model_bind.h"
#include "date.h"
#include "diag.h"
#include "library.h"
#include "site.h"
#include "site_load.h"
#include "ydoc.h"
#include "site_load_int.h"

static void
load_month_list(struct bind *b, const struct ynode *m, const char *key,
    enum unit_kind kind, double lo, double hi, double *out)
{
	const struct ynode *n = bind_seq(b, m, key, 0);
	size_t	i;

	if (n == NULL)
		return;
	if (n->n != 12) {
		bind_error(b, n, "'%s' must list 12 monthly values (Jan..Dec), not %zu",
		    key, n->n);
		return;
	}
	for (i = 0; i < 12; i++)
		bind_qty_node(b, n->items[i], key, kind, 0, lo, hi, &out[i]);
}

/* A weather file's path as given, relative to the site file's folder. */
static char *
resolve_path(const struct site *s, char *f)
{
	const char *slash = strrchr(s->path, '/');
	size_t	dl;
	char	*full;

	if (f == NULL || f[0] == '/' || slash == NULL)
		return f;
	dl = (size_t)(slash - s->path) + 1;
	if ((full = malloc(dl + strlen(f) + 1)) != NULL) {
		memcpy(full, s->path, dl);
		strcpy(full + dl, f);
	}
	free(f);
	return full;
}

/*
 * climate.weather_files: the weather years dcplan risk samples from, one per
 * trial.  Each item is a file name, or {file: NAME, weight: P %}; with weights
 * every item gives one and they sum to 100 %, without them the years are
 * equally likely.
 */
static void
load_weather_files(struct site *s, struct bind *b, const struct ynode *m)
{
	static const char *const ikeys[] = { "file", "weight", NULL };
	const struct ynode *n = bind_seq(b, m, "weather_files", 0);
	size_t	i, nw = 0;
	double	sum = 0;

	if (n == NULL)
		return;
	if (n->n == 0 || n->n > DC_MAX_WEATHER_FILES) {
		bind_error(b, n, "'weather_files' must list 1 to %d weather files, not %zu",
		    DC_MAX_WEATHER_FILES, n->n);
		return;
	}
	if ((s->climate.weather_files = calloc(n->n, sizeof(char *))) == NULL ||
	    (s->climate.weather_weights = calloc(n->n, sizeof(double))) == NULL) {
		bind_error(b, n, "out of memory");
		return;
	}
	s->climate.nweather_files = n->n;
	for (i = 0; i < n->n; i++) {
		const struct ynode *it = n->items[i];
		char	*f = NULL;

		if (it->kind == YN_SCALAR && !it->is_null) {
			f = strdup(it->str);
			s->climate.weather_weights[i] = NAN;
		} else if (it->kind == YN_MAP) {
			bind_keys(b, it, ikeys);
			bind_strdup(b, it, "file", B_REQ, &f);
			s->climate.weather_weights[i] = NAN;
			if (bind_qty(b, it, "weight", B_POS, U_FRACTION, 0, 1,
			    &s->climate.weather_weights[i]))
				nw++;
		} else {
			bind_error(b, it, "a weather year is a file name or "
			    "{file: NAME, weight: P %%}");
			continue;
		}
		if (f != NULL && f[0] == '\0') {
			bind_error(b, it, "empty weather file name");
			free(f);
			f = NULL;
		}
		s->climate.weather_files[i] = resolve_path(s, f);
		sum += s->climate.weather_weights[i];
	}
	if (nw > 0 && nw < n->n)
		bind_error(b, n, "give every weather year a weight, or none (%zu of %zu "
		    "have one)", nw, n->n);
	else if (nw > 0 && fabs(sum - 1) > 1e-4)
		bind_error(b, n, "the weather years' weights sum to %.6g %%, not 100 %%",
		    sum * 100);
	else
		for (i = 0; i < n->n; i++)
			s->climate.weather_weights[i] = nw > 0 ?
			    s->climate.weather_weights[i] / sum : 1.0 / (double)n->n;
}

void
site_load_climate(struct site *s, struct bind *b, const struct ynode *root)
{
	static const char *const keys[] = { "source", "weather_file", "weather_files",
	    "normals", "design", NULL };
	static const char *const nkeys[] = { "high", "low", "dewpoint", "rh", NULL };
	static const char *const dkeys[] = { "cooling_db", "cooling_mcwb",
	    "evaporation_wb", "evaporation_mcdb", "heating_db", "extreme_max_db", NULL };
	static const char *const sources[] = { "builtin", "epw", "design_day", NULL };
	struct climate_normals *cn = &s->climate.normals;
	struct design_conditions *dc = &s->climate.design;
	const struct ynode *m, *n, *d, *wf;
	int	src = -1, i, need_design;

	weather_design_init(dc);
	for (i = 0; i < 12; i++)
		cn->high[i] = cn->low[i] = cn->dewpoint[i] = cn->rh[i] = NAN;
	cn->elevation = s->elevation;
	if ((m = bind_map(b, root, "climate", B_REQ)) == NULL)
		return;
	bind_keys(b, m, keys);
	wf = bind_node(b, m, "weather_file", 0);
	if (wf == NULL)
		wf = bind_node(b, m, "weather_files", 0);
	if (!bind_enum(b, m, "source", 0, sources, &src))
		src = wf != NULL ? CLIMATE_EPW : CLIMATE_BUILTIN;
	s->climate.source = (enum climate_source)src;
	if (src != CLIMATE_EPW && ymap_get(m, "weather_files") != NULL)
		bind_error(b, ymap_get(m, "weather_files"), "'weather_files' needs "
		    "source: epw");
	else
		load_weather_files(s, b, m);
	if (src == CLIMATE_EPW) {
		char	*f = NULL;

		/* every command but risk reads weather_file; without one, the
		 * first of weather_files */
		if (ymap_get(m, "weather_file") == NULL && s->climate.nweather_files > 0) {
			if (s->climate.weather_files[0] != NULL)
				s->climate.weather_file =
				    strdup(s->climate.weather_files[0]);
		} else if (bind_strdup(b, m, "weather_file", B_REQ, &f))
			s->climate.weather_file = resolve_path(s, f);
	}
	if ((n = bind_map(b, m, "normals", src == CLIMATE_BUILTIN ? B_REQ : 0)) != NULL) {
		bind_keys(b, n, nkeys);
		if (bind_seq(b, n, "high", B_REQ) && bind_seq(b, n, "low", B_REQ)) {
			load_month_list(b, n, "high", U_TEMP, -60, 60, cn->high);
			load_month_list(b, n, "low", U_TEMP, -70, 50, cn->low);
			for (i = 0; i < 12; i++)
				if (cn->low[i] > cn->high[i]) {
					bind_error(b, ymap_get(n, "low")->items[i],
					    "monthly low above the monthly high");
					break;
				}
		}
		if (ymap_get(n, "dewpoint") && ymap_get(n, "rh"))
			bind_error(b, ymap_get(n, "rh"),
			    "give either 'dewpoint' or 'rh', not both");
		else if (ymap_get(n, "rh"))
			load_month_list(b, n, "rh", U_FRACTION, 0, 1, cn->rh);
		else if (bind_seq(b, n, "dewpoint", B_REQ))
			load_month_list(b, n, "dewpoint", U_TEMP, -80, 40, cn->dewpoint);
	}
	need_design = src != CLIMATE_EPW;
	if ((d = bind_map(b, m, "design", need_design ? B_REQ : 0)) != NULL) {
		int f = need_design ? B_REQ : 0;

		bind_keys(b, d, dkeys);
		bind_qty(b, d, "cooling_db", f, U_TEMP, -30, 60, &dc->cool_db);
		bind_qty(b, d, "cooling_mcwb", f, U_TEMP, -30, 40, &dc->cool_mcwb);
		bind_qty(b, d, "evaporation_wb", f, U_TEMP, -30, 40, &dc->evap_wb);
		bind_qty(b, d, "evaporation_mcdb", f, U_TEMP, -30, 60, &dc->evap_mcdb);
		bind_qty(b, d, "heating_db", 0, U_TEMP, -70, 40, &dc->heat_db);
		bind_qty(b, d, "extreme_max_db", 0, U_TEMP, -30, 65, &dc->extreme_max_db);
		if (dc->cool_mcwb > dc->cool_db)
			bind_error(b, ymap_get(d, "cooling_mcwb"),
			    "wet-bulb above its dry-bulb");
		if (dc->evap_wb > dc->evap_mcdb)
			bind_error(b, ymap_get(d, "evaporation_wb"),
			    "wet-bulb above its dry-bulb");
	}
}
