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

void
site_load_climate(struct site *s, struct bind *b, const struct ynode *root)
{
	static const char *const keys[] = { "source", "weather_file", "normals",
	    "design", NULL };
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
	if (!bind_enum(b, m, "source", 0, sources, &src))
		src = wf != NULL ? CLIMATE_EPW : CLIMATE_BUILTIN;
	s->climate.source = (enum climate_source)src;
	if (src == CLIMATE_EPW) {
		char	*f = NULL;

		if (bind_strdup(b, m, "weather_file", B_REQ, &f)) {
			const char *slash = strrchr(s->path, '/');

			if (f[0] != '/' && slash != NULL) {
				size_t	dl = (size_t)(slash - s->path) + 1;
				char	*full = malloc(dl + strlen(f) + 1);

				if (full != NULL) {
					memcpy(full, s->path, dl);
					strcpy(full + dl, f);
				}
				free(f);
				f = full;
			}
			s->climate.weather_file = f;
		}
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
