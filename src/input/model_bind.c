/*
 * model_bind.c - binding of equipment models (library files and inline definitions).
 * Key names, units and defaults are documented in dcplan-site(5).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bind.h"
#include "model.h"
#include "model_bind.h"

#define COMMON_KEYS "kind", "name", "description", "source", "notes"

static void
bind_server(struct bind *b, const struct ynode *m, struct model *mo)
{
	static const char *const keys[] = { COMMON_KEYS, "gpus", "gpu_tdp",
	    "gpu_idle", "gpu_cap_min", "base_idle", "base_max", "psu_efficiency",
	    "psu_efficiency_half", "max_power", "liquid_fraction", "power_factor",
	    "rack_units", "air_class", "water_class", "expected_power", NULL };
	static const char *const wclass[] = { "W17", "W27", "W32", "W40", "W45",
	    "W+", NULL };
	/* ASHRAE W classes: the number is the maximum facility water supply, degC
	 * (Thermal Guidelines 5th ed.); W+ is above 45 degC. */
	static const double wmax[] = { 17, 27, 32, 40, 45, 60 };
	struct server_model *s = &mo->u.server;
	int	ac = AC_A2, wc = -1;

	bind_keys(b, m, keys);
	/* Defaults: a power factor of 0.95 for modern server PSUs (doc/equipment.md [U]). */
	s->power_factor = 0.95;
	s->psu_eff = 0.94;
	bind_int(b, m, "gpus", B_REQ, 0, 1024, &s->gpus);
	bind_qty(b, m, "gpu_tdp", s->gpus > 0 ? B_REQ : 0, U_POWER, 0, 1e5, &s->gpu_tdp);
	bind_qty(b, m, "gpu_idle", 0, U_POWER, 0, 1e5, &s->gpu_idle);
	bind_qty(b, m, "gpu_cap_min", 0, U_POWER, 0, 1e5, &s->gpu_cap_min);
	bind_qty(b, m, "base_idle", B_REQ, U_POWER, 0, 1e6, &s->base_idle);
	bind_qty(b, m, "base_max", B_REQ, U_POWER, 0, 1e6, &s->base_max);
	bind_qty(b, m, "psu_efficiency", B_POS, U_FRACTION, 0, 1, &s->psu_eff);
	bind_qty(b, m, "psu_efficiency_half", B_POS, U_FRACTION, 0, 1,
	    &s->psu_eff_half);
	bind_qty(b, m, "max_power", B_REQ | B_POS, U_POWER, 0, 1e7, &s->max_power);
	bind_qty(b, m, "liquid_fraction", 0, U_FRACTION, 0, 1, &s->liquid_fraction);
	bind_qty(b, m, "power_factor", B_POS, U_RATIO, 0, 1, &s->power_factor);
	bind_int(b, m, "rack_units", 0, 1, 60, &s->rack_units);
	if (bind_enum(b, m, "air_class", 0, air_class_names, &ac))
		mo->air_class = (enum air_class)ac;
	else
		mo->air_class = AC_A2;
	mo->water_class = NAN;
	if (bind_enum(b, m, "water_class", 0, wclass, &wc))
		mo->water_class = wmax[wc];
	if (s->gpu_idle > s->gpu_tdp)
		bind_error(b, ymap_get(m, "gpu_idle"),
		    "'gpu_idle' exceeds 'gpu_tdp'");
	if (s->base_idle > s->base_max)
		bind_error(b, ymap_get(m, "base_idle"),
		    "'base_idle' exceeds 'base_max'");
	/* the draw under training, for supply and energy (nameplate when absent) */
	if (bind_qty(b, m, "expected_power", B_POS, U_POWER, 0, 1e7,
	    &s->expected_power)) {
		struct server_power hi, lo;
		struct server_model t = *s;

		t.expected_power = 0;
		server_eval(&t, 1, 0, &hi);
		server_eval(&t, 0, 0, &lo);
		if (s->expected_power > hi.ac_w * (1 + 1e-9))
			bind_error(b, ymap_get(m, "expected_power"), "'expected_power' "
			    "%.6g W exceeds the server's draw at full load, %.6g W",
			    s->expected_power, hi.ac_w);
		else if (s->expected_power < lo.ac_w * (1 - 1e-9))
			bind_error(b, ymap_get(m, "expected_power"), "'expected_power' "
			    "%.6g W is below the server's idle draw, %.6g W",
			    s->expected_power, lo.ac_w);
	}
	s->expected_load = server_expected_load(s);
}

static void
bind_rack(struct bind *b, const struct ynode *m, struct model *mo)
{
	static const char *const keys[] = { COMMON_KEYS, "server", "servers",
	    "switch_power", "cdu_pump_fraction", "max_power", NULL };
	struct rack_spec *r = &mo->u.rack;

	bind_keys(b, m, keys);
	bind_str(b, m, "server", B_REQ, r->server_name, sizeof r->server_name);
	bind_int(b, m, "servers", B_REQ, 1, 1024, &r->rack.servers);
	bind_qty(b, m, "switch_power", 0, U_POWER, 0, 1e7, &r->rack.switch_w);
	bind_qty(b, m, "cdu_pump_fraction", 0, U_FRACTION, 0, 0.5,
	    &r->rack.cdu_pump_frac);
	bind_qty(b, m, "max_power", 0, U_POWER, 0, 1e8, &r->rack.max_power);
}

static void
bind_curve_range(struct bind *b, const struct ynode *c, const char *key,
    enum unit_kind kind, double *lo, double *hi)
{
	const struct ynode *r = bind_seq(b, c, key, B_REQ);

	if (r == NULL)
		return;
	if (r->n != 2) {
		bind_error(b, r, "'%s' must be a list of two limits [min, max]", key);
		return;
	}
	if (bind_qty_node(b, r->items[0], key, kind, 0, -1e9, 1e9, lo) &&
	    bind_qty_node(b, r->items[1], key, kind, 0, -1e9, 1e9, hi) &&
	    !(*lo < *hi))
		bind_error(b, r, "'%s' minimum must be below its maximum", key);
}

static void
bind_coeffs(struct bind *b, const struct ynode *c, size_t n, double *out)
{
	const struct ynode *s = bind_seq(b, c, "coefficients", B_REQ);
	size_t	i;

	if (s == NULL)
		return;
	if (s->n != n) {
		bind_error(b, s, "'coefficients' must have %zu values, not %zu", n,
		    s->n);
		return;
	}
	for (i = 0; i < n; i++)
		bind_qty_node(b, s->items[i], "coefficients", U_RATIO, 0, -1e6, 1e6,
		    &out[i]);
}

static void
bind_biquad(struct bind *b, const struct ynode *m, const char *key,
    struct curve_biquad *c)
{
	static const char *const keys[] = { "coefficients", "x", "y", NULL };
	const struct ynode *n = bind_map(b, m, key, B_REQ);

	if (n == NULL)
		return;
	bind_keys(b, n, keys);
	bind_coeffs(b, n, 6, c->c);
	bind_curve_range(b, n, "x", U_TEMP, &c->xmin, &c->xmax);
	bind_curve_range(b, n, "y", U_TEMP, &c->ymin, &c->ymax);
}

static void
bind_chiller(struct bind *b, const struct ynode *m, struct model *mo)
{
	static const char *const keys[] = { COMMON_KEYS, "capacity", "cop",
	    "ref_leaving_chw", "ref_entering_cw", "chw_flow", "cw_flow", "plr_min",
	    "plr_max", "min_unloading", "motor_fraction", "condenser", "capft",
	    "eirft", "eirfplr", NULL };
	static const char *const cond[] = { "water", "air", NULL };
	static const char *const pkeys[] = { "coefficients", "p", NULL };
	struct chiller_model *c = &mo->u.chiller;
	const struct ynode *n;
	int	air = 0;

	bind_keys(b, m, keys);
	c->f_motor = 1.0;	/* hermetic (doc/model-reference.md section 1) */
	c->plr_max = 1.0;
	mo->capacity_given = bind_qty(b, m, "capacity", B_POS, U_POWER, 0, 1e9,
	    &c->q_ref);
	bind_qty(b, m, "cop", B_REQ | B_POS, U_RATIO, 0, 100, &c->cop_ref);
	bind_qty(b, m, "ref_leaving_chw", B_REQ, U_TEMP, -20, 60, &c->t_lchw_ref);
	bind_qty(b, m, "ref_entering_cw", B_REQ, U_TEMP, -20, 70, &c->t_ecw_ref);
	bind_qty(b, m, "chw_flow", B_POS, U_FLOW, 0, 100, &c->chw_flow_ref);
	bind_qty(b, m, "cw_flow", B_POS, U_FLOW, 0, 100, &c->cw_flow_ref);
	bind_qty(b, m, "plr_min", 0, U_RATIO, 0, 1, &c->plr_min);
	bind_qty(b, m, "plr_max", B_POS, U_RATIO, 0, 2, &c->plr_max);
	bind_qty(b, m, "min_unloading", 0, U_RATIO, 0, 1, &c->min_unloading);
	bind_qty(b, m, "motor_fraction", 0, U_RATIO, 0, 1, &c->f_motor);
	if (bind_enum(b, m, "condenser", 0, cond, &air))
		c->air_cooled = air;
	bind_biquad(b, m, "capft", &c->capft);
	bind_biquad(b, m, "eirft", &c->eirft);
	if ((n = bind_map(b, m, "eirfplr", B_REQ)) != NULL) {
		bind_keys(b, n, pkeys);
		bind_coeffs(b, n, 3, c->eirfplr.c);
		bind_curve_range(b, n, "p", U_RATIO, &c->eirfplr.xmin,
		    &c->eirfplr.xmax);
	}
	if (c->plr_min > c->plr_max)
		bind_error(b, ymap_get(m, "plr_min"), "'plr_min' exceeds 'plr_max'");
}

static void
bind_tower(struct bind *b, const struct ynode *m, struct model *mo)
{
	static const char *const keys[] = { COMMON_KEYS, "method", "capacity",
	    "water_flow", "air_flow", "fan_power", "approach", "min_air_flow",
	    "evaporation", "evaporation_loss", "drift", "cycles", NULL };
	static const char *const methods[] = { "yorkcalc", "constant_approach", NULL };
	static const char *const evaps[] = { "saturated_exit", "loss_factor", NULL };
	struct tower_model *t = &mo->u.tower;
	int	meth = TOWER_YORKCALC, ev = TOWER_EVAP_SATURATED_EXIT;

	bind_keys(b, m, keys);
	/* Defaults from doc/model-reference.md section 2 (EnergyPlus CoolingTower:VariableSpeed):
	 * 20 % minimum air flow, evaporation by SaturatedExit (the EnergyPlus
	 * default mode; loss factor 0.2 %/K when asked for), drift 0.008 %, 4 cycles
	 * (typ. 3..5). */
	t->min_air_flow_ratio = 0.2;
	t->evap_loss_pct_per_k = 0.2;
	t->drift_pct = 0.008;
	t->cycles = 4;
	if (bind_enum(b, m, "method", 0, methods, &meth))
		t->method = (enum tower_method)meth;
	if (bind_enum(b, m, "evaporation", 0, evaps, &ev))
		t->evap_mode = (enum tower_evap)ev;
	bind_qty(b, m, "capacity", B_REQ | B_POS, U_POWER, 0, 1e9, &t->design_q);
	bind_qty(b, m, "water_flow", B_POS, U_FLOW, 0, 100, &t->design_water_flow);
	bind_qty(b, m, "air_flow", B_POS, U_FLOW, 0, 1e5, &t->design_air_flow);
	bind_qty(b, m, "fan_power", B_REQ, U_POWER, 0, 1e8, &t->design_fan_power);
	bind_qty(b, m, "approach", t->method == TOWER_CONSTANT_APPROACH ? B_REQ | B_POS :
	    B_POS, U_DTEMP, 0, 40, &t->const_approach);
	bind_qty(b, m, "min_air_flow", 0, U_FRACTION, 0, 1, &t->min_air_flow_ratio);
	if (ymap_get(m, "evaporation_loss") != NULL &&
	    t->evap_mode != TOWER_EVAP_LOSS_FACTOR)
		bind_error(b, ymap_get(m, "evaporation_loss"), "'evaporation_loss' "
		    "applies to 'evaporation: loss_factor' only");
	else if (bind_qty(b, m, "evaporation_loss", 0, U_LOSS_PER_K, 0, 0.1,
	    &t->evap_loss_pct_per_k))
		t->evap_loss_pct_per_k *= 100;	/* the struct holds % per K */
	if (bind_qty(b, m, "drift", 0, U_FRACTION, 0, 0.05, &t->drift_pct))
		t->drift_pct *= 100;		/* the struct holds % */
	bind_qty(b, m, "cycles", B_POS, U_RATIO, 1, 100, &t->cycles);
	if (t->evap_mode == TOWER_EVAP_SATURATED_EXIT && t->design_air_flow <= 0 &&
	    t->design_fan_power <= 0)
		bind_error(b, m, "saturated-exit evaporation needs the air flow: "
		    "give 'air_flow' (a fan power of 0 cannot size it)");
}

static void
bind_drycooler(struct bind *b, const struct ynode *m, struct model *mo)
{
	static const char *const keys[] = { COMMON_KEYS, "capacity", "approach",
	    "fan_power_fraction", "adiabatic_effectiveness", NULL };
	struct drycooler_model *d = &mo->u.drycooler;

	bind_keys(b, m, keys);
	bind_qty(b, m, "capacity", B_REQ | B_POS, U_POWER, 0, 1e9, &d->design_q);
	bind_qty(b, m, "approach", B_REQ | B_POS, U_DTEMP, 0, 40, &d->design_approach);
	bind_qty(b, m, "fan_power_fraction", B_REQ, U_FRACTION, 0, 0.5,
	    &d->fan_power_frac);
	bind_qty(b, m, "adiabatic_effectiveness", 0, U_FRACTION, 0, 1,
	    &d->adiabatic_wb_eff);
}

/* Transient loading for dcplan swings: one largest step, or the cumulative levels of
 * a stepped load acceptance (such as 0-28-60-100 %, whose smallest increment binds),
 * with the least interval between steps, the sustained ramp rate and the governor
 * time constant. */
void
model_bind_gen_transient(struct bind *b, const struct ynode *m, struct generator_model *g)
{
	const struct ynode *l;
	size_t	i;

	bind_qty(b, m, "load_step", B_POS, U_FRACTION, 0, 1, &g->load_step_frac);
	if ((l = bind_seq(b, m, "load_steps", 0)) != NULL) {
		double	prev = 0, v, least = 1;

		if (ymap_get(m, "load_step") != NULL)
			bind_error(b, l, "give 'load_step' or 'load_steps', not both");
		if (l->n == 0)
			bind_error(b, l, "'load_steps' needs at least one level");
		for (i = 0; i < l->n; i++) {
			if (!bind_qty_node(b, l->items[i], "load_steps", U_FRACTION, B_POS,
			    0, 1, &v))
				continue;
			if (!(v > prev)) {
				bind_error(b, l->items[i], "'load_steps' levels must ascend");
				continue;
			}
			if (v - prev < least)
				least = v - prev;
			prev = v;
		}
		if (l->n > 0)
			g->load_step_frac = least;
	}
	bind_qty(b, m, "load_step_interval", 0, U_TIME, 0, 3600, &g->load_step_interval_s);
	bind_qty(b, m, "ramp_rate", B_POS, U_RAMP, 0, 1e10, &g->ramp_wps);
	bind_qty(b, m, "governor_time_constant", B_POS, U_TIME, 0, 60, &g->governor_tau_s);
}

static void
bind_generator(struct bind *b, const struct ynode *m, struct model *mo)
{
	static const char *const keys[] = { COMMON_KEYS, "rating", "heat_rate",
	    "heat_rate_min_load", "min_load", "derate", "fuel", "co2_factor",
	    "nox_factor", "startup", "load_step", "load_steps", "load_step_interval",
	    "ramp_rate", "governor_time_constant", NULL };
	static const char *const fuels[] = { "natural_gas", "diesel", NULL };
	static const char *const dkeys[] = { "temp", "output", NULL };
	struct generator_model *g = &mo->u.generator;
	const struct ynode *d;
	int	fuel = 0;
	size_t	i;

	bind_keys(b, m, keys);
	bind_qty(b, m, "rating", B_REQ | B_POS, U_POWER, 0, 1e10, &g->rating_w);
	/* heat rate cannot be below 1 J/J (100 % efficiency) */
	bind_qty(b, m, "heat_rate", B_REQ, U_HEAT_RATE, 1, 20, &g->heat_rate);
	bind_qty(b, m, "heat_rate_min_load", 0, U_HEAT_RATE, 1, 40,
	    &g->heat_rate_min_load);
	bind_qty(b, m, "min_load", 0, U_FRACTION, 0, 1, &g->min_load_frac);
	bind_enum(b, m, "fuel", 0, fuels, &fuel);
	bind_qty(b, m, "co2_factor", B_REQ, U_EF_FUEL, 0, 1e-6, &g->co2_kg_per_j);
	bind_qty(b, m, "nox_factor", 0, U_EF_ELEC, 0, 1e-6, &g->nox_kg_per_j);
	bind_qty(b, m, "startup", 0, U_TIME, 0, 7 * 86400.0, &g->startup_s);
	model_bind_gen_transient(b, m, g);
	if ((d = bind_seq(b, m, "derate", 0)) == NULL)
		return;
	if (d->n > GEN_DERATE_MAX) {
		bind_error(b, d, "'derate' has %zu points; at most %d are allowed",
		    d->n, GEN_DERATE_MAX);
		return;
	}
	for (i = 0; i < d->n; i++) {
		const struct ynode *p = d->items[i];

		if (p->kind != YN_MAP) {
			bind_error(b, p, "'derate' points must be mappings {temp, output}");
			continue;
		}
		bind_keys(b, p, dkeys);
		bind_qty(b, p, "temp", B_REQ, U_TEMP, -80, 80, &g->derate_t[i]);
		bind_qty(b, p, "output", B_REQ, U_FRACTION, 0, 1.5, &g->derate_f[i]);
		if (i > 0 && !(g->derate_t[i] > g->derate_t[i - 1]))
			bind_error(b, p, "'derate' temperatures must ascend");
	}
	g->n_derate = (int)d->n;
}

static void
bind_battery(struct bind *b, const struct ynode *m, struct model *mo)
{
	static const char *const keys[] = { COMMON_KEYS, "power", "energy",
	    "round_trip_efficiency", "soc_min", "soc_max", NULL };
	struct battery_model *t = &mo->u.battery;

	bind_keys(b, m, keys);
	t->rte = 0.92;		/* Megapack round trip ~92 % (doc/equipment.md [S]) */
	t->soc_min = 0.0;
	t->soc_max = 1.0;
	bind_qty(b, m, "power", B_REQ | B_POS, U_POWER, 0, 1e10, &t->power_w);
	bind_qty(b, m, "energy", B_REQ | B_POS, U_ENERGY, 0, 1e15, &t->energy_j);
	bind_qty(b, m, "round_trip_efficiency", B_POS, U_FRACTION, 0, 1, &t->rte);
	bind_qty(b, m, "soc_min", 0, U_FRACTION, 0, 1, &t->soc_min);
	bind_qty(b, m, "soc_max", B_POS, U_FRACTION, 0, 1, &t->soc_max);
	if (t->soc_min >= t->soc_max)
		bind_error(b, ymap_get(m, "soc_min") ? ymap_get(m, "soc_min") : m,
		    "'soc_min' must be below 'soc_max'");
}

static void
bind_ups(struct bind *b, const struct ynode *m, struct model *mo)
{
	static const char *const keys[] = { COMMON_KEYS, "rating",
	    "loss_coefficients", "eco_mode", NULL };
	struct ups_model *u = &mo->u.ups;
	const struct ynode *c;
	size_t	i;

	bind_keys(b, m, keys);
	bind_qty(b, m, "rating", B_REQ | B_POS, U_POWER, 0, 1e10, &u->rating_w);
	bind_bool(b, m, "eco_mode", 0, &u->eco_mode);
	if ((c = bind_seq(b, m, "loss_coefficients", B_REQ)) == NULL)
		return;
	if (c->n != 3) {
		bind_error(b, c, "'loss_coefficients' must have 3 values, not %zu", c->n);
		return;
	}
	for (i = 0; i < 3; i++)
		bind_qty_node(b, c->items[i], "loss_coefficients", U_RATIO, 0, 0, 0.5,
		    &u->loss_c[i]);
}

static void
bind_transformer(struct bind *b, const struct ynode *m, struct model *mo)
{
	static const char *const keys[] = { COMMON_KEYS, "rating", "no_load_loss",
	    "load_loss", NULL };
	struct transformer_model *t = &mo->u.transformer;

	bind_keys(b, m, keys);
	bind_qty(b, m, "rating", B_REQ | B_POS, U_APPARENT, 0, 1e10, &t->rating_va);
	bind_qty(b, m, "no_load_loss", B_REQ, U_POWER, 0, 1e8, &t->no_load_loss);
	bind_qty(b, m, "load_loss", B_REQ, U_POWER, 0, 1e8, &t->load_loss);
	if (t->rating_va > 0 && t->no_load_loss + t->load_loss >= t->rating_va)
		bind_error(b, m, "transformer losses exceed its rating");
}

int
model_bind(struct bind *b, const struct ynode *m, enum model_kind hint,
    int require_name, struct model *mo)
{
	int	before = b->errors;
	enum model_kind k = hint;
	const struct ynode *kn;

	memset(mo, 0, sizeof *mo);
	mo->water_class = NAN;
	if (m == NULL || m->kind != YN_MAP) {
		bind_error(b, m, "a model must be a mapping");
		return -1;
	}
	mo->file = strdup(m->file);
	mo->line = m->line;
	if ((kn = bind_node(b, m, "kind", hint == MK_COUNT ? B_REQ : 0)) != NULL) {
		if (kn->kind != YN_SCALAR || model_kind_parse(kn->str, &k) != 0) {
			const char *s = kn->kind == YN_SCALAR ?
			    diag_suggest(kn->str, model_kind_names, MK_COUNT) : NULL;
			if (s != NULL)
				bind_error(b, kn, "unknown model kind '%s' (did you mean '%s'?)",
				    kn->str, s);
			else
				bind_error(b, kn, "unknown model kind '%s'",
				    kn->kind == YN_SCALAR ? kn->str : "?");
			return -1;
		}
		if (hint != MK_COUNT && k != hint) {
			bind_error(b, kn, "expected a %s model here, not a %s",
			    model_kind_name(hint), model_kind_name(k));
			return -1;
		}
	}
	if (k == MK_COUNT)
		return -1;
	mo->kind = k;
	bind_str(b, m, "name", require_name ? B_REQ : 0, mo->name, sizeof mo->name);
	bind_strdup(b, m, "description", 0, &mo->description);
	bind_strdup(b, m, "source", require_name ? B_REQ : 0, &mo->source);
	switch (k) {
	case MK_SERVER:
		bind_server(b, m, mo);
		break;
	case MK_RACK:
		bind_rack(b, m, mo);
		break;
	case MK_CHILLER:
		bind_chiller(b, m, mo);
		break;
	case MK_TOWER:
		bind_tower(b, m, mo);
		break;
	case MK_DRYCOOLER:
		bind_drycooler(b, m, mo);
		break;
	case MK_GENERATOR:
		bind_generator(b, m, mo);
		break;
	case MK_BATTERY:
		bind_battery(b, m, mo);
		break;
	case MK_UPS:
		bind_ups(b, m, mo);
		break;
	case MK_TRANSFORMER:
		bind_transformer(b, m, mo);
		break;
	default:
		break;
	}
	/* the physics structs carry the name too */
	memcpy(mo->u.server.name, mo->name, sizeof mo->name);
	return b->errors > before ? -1 : 0;
}

