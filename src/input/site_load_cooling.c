/*
 * site_load_cooling.c - the cooling section of a site file: the liquid loop, chillers, towers, dry
 * coolers, pumps and fans.
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
#include "dclimits.h"
#include "site_load_int.h"

static void
load_units(struct site *s, struct bind *b, const struct ynode *m, const char *key,
    enum model_kind kind, struct site_units **out, size_t *nout)
{
	static const char *const keys[] = { "name", "model", "capacity", "count",
	    "redundancy", "in_service", "delay", "delay_group", "reliability", NULL };
	const struct ynode *l = bind_seq(b, m, key, 0);
	size_t	i;
	int	v;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++) {
		const struct ynode *e = l->items[i];
		struct site_units *u;

		if (e->kind != YN_MAP) {
			bind_error(b, e, "a %s entry must be a mapping", key);
			continue;
		}
		if (i >= DC_MAX_COOLING_GROUPS) {
			bind_error(b, e, "%zu %s groups: at most %d are supported", l->n,
			    kind == MK_CHILLER ? "chiller" : kind == MK_TOWER ? "tower" :
			    "dry-cooler", DC_MAX_COOLING_GROUPS);
			break;
		}
		if ((u = site_load_grow(out, nout, sizeof *u)) == NULL)
			return;
		bind_keys(b, e, keys);
		snprintf(u->name, sizeof u->name, "%s%zu", key, i + 1);
		bind_str(b, e, "name", 0, u->name, sizeof u->name);
		u->model = site_load_model(s, b, e, "model", kind, B_REQ);
		bind_int(b, e, "count", B_REQ, 1, 100000, &u->count);
		/* chillers default to N+1 (doc/model-reference.md section 1 staging note) */
		u->redundancy = kind == MK_CHILLER ? RED_N1 : RED_N;
		if (bind_enum(b, e, "redundancy", 0, site_load_redundancy_names, &v))
			u->redundancy = (enum redundancy)v;
		u->in_service = DATE_NONE;
		bind_date(b, e, "in_service", 0, &u->in_service);
		site_load_delay(s, b, e, u->in_service, &u->delay);
		site_load_reliability(b, e, kind == MK_CHILLER ? REL_CHILLER :
		    kind == MK_TOWER ? REL_TOWER : REL_DRYCOOLER, &u->rel);
		if (kind == MK_CHILLER) {
			if (u->model != NULL)
				u->chiller = u->model->u.chiller;
			if (ymap_get(e, "capacity") != NULL)
				bind_qty(b, e, "capacity", B_POS, U_POWER, 0, 1e9,
				    &u->chiller.q_ref);
			else if (u->model != NULL && !u->model->capacity_given)
				bind_error(b, e, "chiller model '%s' has no capacity: "
				    "give 'capacity'", u->model->name);
		} else if (ymap_get(e, "capacity") != NULL)
			bind_error(b, ymap_get(e, "capacity"),
			    "'capacity' applies to chillers only (set it in the model)");
		if (u->count > 0 && redundancy_usable(u->count, u->redundancy) <= 0)
			bind_error(b, ymap_get(e, "count"),
			    "%d %s none usable under %s redundancy", u->count,
			    u->count == 1 ? "unit leaves" : "units leave",
			    redundancy_name(u->redundancy));
	}
}

void
site_load_cooling(struct site *s, struct bind *b, const struct ynode *root)
{
	static const char *const keys[] = { "liquid", "chilled_water", "chillers",
	    "towers", "condenser", "dry_coolers", "economizer", "pumps", "air", NULL };
	static const char *const lkeys[] = { "fraction", "supply_temp", "delta_t",
	    "loop", "cdu_approach", NULL };
	static const char *const loops[] = { "chilled", "tower", "drycooler", NULL };
	static const char *const chkeys[] = { "supply_temp", "delta_t", NULL };
	static const char *const cdkeys[] = { "setpoint", "delta_t", "max_temp",
	    "flow_control", NULL };
	static const char *const flows[] = { "constant", "variable", NULL };
	static const char *const ekeys[] = { "enabled", "hx_approach", NULL };
	static const char *const pkeys[] = { "chilled_water_head",
	    "condenser_water_head", "facility_water_head", "efficiency", NULL };
	static const char *const akeys[] = { "fan_pressure", "fan_efficiency",
	    "delta_t", "supply_temp", NULL };
	const struct ynode *m, *n;
	int	v;

	/* Defaults (documented in dcplan-site(5)):
	 * facility water 30 degC: ASHRAE W32 class supply [ASHRAE TC 9.9 Liquid
	 * Cooling Guidelines]; its rise across the CDUs 10 K, the ~10 K the same
	 * guidelines design around [U];
	 * chilled water 10/16 degC (6 K): common data-centre practice [U];
	 * condenser setpoint 21 degC, range 5.6 K (10 degF): AHRI 550/590 range [U];
	 * hottest condenser water 35 degC (95 degF), the usual design entering
	 * tower water, the YorkCalc reference 35 -> 29.4 degC [U]; constant-flow
	 * condenser pumps [U];
	 * economizer HX approach 1.5 K: plate heat exchangers [U];
	 * pump heads 300/200/250 kPa and 70 % wire-to-water efficiency [U];
	 * air: 500 Pa total fan pressure, 60 % fan efficiency, 12 K rise, 24 degC
	 * supply within the ASHRAE recommended 18..27 degC [doc/model-reference.md s.5]. */
	s->cooling.liquid_fraction = NAN;
	s->cooling.liquid_supply = 30;
	s->cooling.fw_dt = 10;
	s->cooling.chw_supply = 10;
	s->cooling.chw_dt = 6;
	s->cooling.cw_setpoint = 21;
	s->cooling.cw_dt = 5.6;
	s->cooling.cw_max = 35;
	s->cooling.economizer = 1;
	s->cooling.hx_approach = 1.5;
	s->cooling.chw_head = 300e3;
	s->cooling.cw_head = 200e3;
	s->cooling.fw_head = 250e3;
	s->cooling.pump_eff = 0.70;
	s->cooling.fan_pressure = 500;
	s->cooling.fan_eff = 0.60;
	s->cooling.air_dt = 12;
	s->cooling.air_supply = 24;
	if ((m = bind_map(b, root, "cooling", B_REQ)) == NULL)
		return;
	bind_keys(b, m, keys);
	if ((n = bind_map(b, m, "liquid", 0)) != NULL) {
		bind_keys(b, n, lkeys);
		bind_qty(b, n, "fraction", 0, U_FRACTION, 0, 1, &s->cooling.liquid_fraction);
		bind_qty(b, n, "supply_temp", 0, U_TEMP, 2, 70, &s->cooling.liquid_supply);
		bind_qty(b, n, "delta_t", B_POS, U_DTEMP, 0, 40, &s->cooling.fw_dt);
		if (ymap_get(n, "cdu_approach") != NULL)
			bind_error(b, ymap_get(n, "cdu_approach"), "'cdu_approach' is "
			    "no longer used: 'supply_temp' is the facility water "
			    "supplied to the CDUs; remove the key");
		if (bind_enum(b, n, "loop", 0, loops, &v))
			s->cooling.loop = (enum liquid_loop)v;
	}
	if ((n = bind_map(b, m, "chilled_water", 0)) != NULL) {
		bind_keys(b, n, chkeys);
		bind_qty(b, n, "supply_temp", 0, U_TEMP, 1, 30, &s->cooling.chw_supply);
		bind_qty(b, n, "delta_t", B_POS, U_DTEMP, 0, 30, &s->cooling.chw_dt);
	}
	load_units(s, b, m, "chillers", MK_CHILLER, &s->cooling.chillers,
	    &s->cooling.nchillers);
	load_units(s, b, m, "towers", MK_TOWER, &s->cooling.towers, &s->cooling.ntowers);
	load_units(s, b, m, "dry_coolers", MK_DRYCOOLER, &s->cooling.drycoolers,
	    &s->cooling.ndrycoolers);
	if ((n = bind_map(b, m, "condenser", 0)) != NULL) {
		bind_keys(b, n, cdkeys);
		bind_qty(b, n, "setpoint", 0, U_TEMP, 5, 50, &s->cooling.cw_setpoint);
		bind_qty(b, n, "delta_t", B_POS, U_DTEMP, 0, 22, &s->cooling.cw_dt);
		bind_qty(b, n, "max_temp", 0, U_TEMP, 5, 60, &s->cooling.cw_max);
		if (bind_enum(b, n, "flow_control", 0, flows, &v))
			s->cooling.cw_variable = v;
		if (s->cooling.cw_max < s->cooling.cw_setpoint)
			bind_error(b, ymap_get(n, "max_temp") != NULL ?
			    ymap_get(n, "max_temp") : n,
			    "'max_temp' is below the condenser 'setpoint'");
	}
	if ((n = bind_map(b, m, "economizer", 0)) != NULL) {
		bind_keys(b, n, ekeys);
		bind_bool(b, n, "enabled", 0, &s->cooling.economizer);
		bind_qty(b, n, "hx_approach", 0, U_DTEMP, 0, 20, &s->cooling.hx_approach);
	}
	if ((n = bind_map(b, m, "pumps", 0)) != NULL) {
		bind_keys(b, n, pkeys);
		bind_qty(b, n, "chilled_water_head", 0, U_PRESSURE, 0, 5e6,
		    &s->cooling.chw_head);
		bind_qty(b, n, "condenser_water_head", 0, U_PRESSURE, 0, 5e6,
		    &s->cooling.cw_head);
		bind_qty(b, n, "facility_water_head", 0, U_PRESSURE, 0, 5e6,
		    &s->cooling.fw_head);
		bind_qty(b, n, "efficiency", B_POS, U_FRACTION, 0, 1, &s->cooling.pump_eff);
	}
	if ((n = bind_map(b, m, "air", 0)) != NULL) {
		bind_keys(b, n, akeys);
		bind_qty(b, n, "fan_pressure", 0, U_PRESSURE, 0, 1e4,
		    &s->cooling.fan_pressure);
		bind_qty(b, n, "fan_efficiency", B_POS, U_FRACTION, 0, 1,
		    &s->cooling.fan_eff);
		bind_qty(b, n, "delta_t", B_POS, U_DTEMP, 0, 40, &s->cooling.air_dt);
		bind_qty(b, n, "supply_temp", 0, U_TEMP, 5, 45, &s->cooling.air_supply);
	}
	if (s->cooling.nchillers == 0 && s->cooling.ndrycoolers == 0 &&
	    s->cooling.ntowers == 0)
		bind_error(b, m, "no heat rejection: give 'chillers', 'towers' or "
		    "'dry_coolers'");
	if (s->cooling.nchillers > 0 && s->cooling.ntowers == 0) {
		size_t	i;

		for (i = 0; i < s->cooling.nchillers; i++)
			if (s->cooling.chillers[i].model != NULL &&
			    !s->cooling.chillers[i].chiller.air_cooled) {
				bind_error(b, ymap_get(m, "chillers"),
				    "water-cooled chillers need 'towers'");
				break;
			}
	}
}
