/*
 * site_load_power.c - the power section of a site file: grid feeds, generators, batteries, the
 * electrical chain and the dispatch policy.
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
#include "plant.h"
#include "site_load_int.h"

/*
 * units_parse()'s hint for power lists the power units only; a feed capacity also
 * takes apparent power.  Rewrite "(power: ...)", "for power (use ...)" and
 * "not power (use ...)" into one hint naming both.
 */
static void
capacity_hint(char *err, size_t len)
{
	static const char both[] = "power or apparent power";
	static const char units[] = "W, kW, MW, GW, VA, kVA, MVA";
	char	old[128], out[512];
	const char *p, *tail;
	size_t	n;

	snprintf(old, sizeof old, "power: %s)", unit_kind_units(U_POWER));
	if ((p = strstr(err, old)) != NULL && p > err && p[-1] == '(') {
		n = (size_t)(p - err);
		snprintf(out, sizeof out, "%.*s%s: %s)%s", (int)n, err, both, units,
		    p + strlen(old));
		goto copy;
	}
	snprintf(old, sizeof old, "power (use %s)", unit_kind_units(U_POWER));
	if ((p = strstr(err, old)) != NULL && p > err && p[-1] == ' ') {
		n = (size_t)(p - err);
		tail = p + strlen(old);
		snprintf(out, sizeof out, "%.*s%s (use %s)%s", (int)n, err, both,
		    units, tail);
		goto copy;
	}
	return;
copy:
	n = strlen(out) < len ? strlen(out) : len - 1;
	memcpy(err, out, n);
	err[n] = '\0';
}

/* capacity as real power, or apparent power times the power factor */
static int
load_capacity(struct bind *b, const struct ynode *n, const char *key, double pf,
    double *out)
{
	double	v;
	char	err[256], err2[256];

	if (n->kind != YN_SCALAR)
		return bind_qty_node(b, n, key, U_POWER, B_POS, 0, 1e12, out);
	if (units_parse(n->str, U_POWER, &v, err, sizeof err) == 0)
		return bind_qty_node(b, n, key, U_POWER, B_POS, 0, 1e12, out);
	if (units_parse(n->str, U_APPARENT, &v, err2, sizeof err2) == 0) {
		if (!bind_qty_node(b, n, key, U_APPARENT, B_POS, 0, 1e12, &v))
			return 0;
		*out = v * pf;
		return 1;
	}
	capacity_hint(err, sizeof err);
	bind_error(b, n, "'%s': %s", key, err);
	return 0;
}

static void
load_feed(struct site *s, struct bind *b, const struct ynode *m, struct site_feed *f,
    size_t idx)
{
	static const char *const keys[] = { "name", "capacity", "power_factor",
	    "in_service", "out_of_service", "steps", "import_limit", "delay",
	    "delay_group", "tariff", NULL };
	static const char *const skeys[] = { "date", "capacity", "delay", "delay_group",
	    NULL };
	const struct ynode *c, *st;
	size_t	i;
	int	prev = DATE_NONE;

	bind_keys(b, m, keys);
	snprintf(f->name, sizeof f->name, "feed%zu", idx + 1);
	bind_str(b, m, "name", 0, f->name, sizeof f->name);
	f->power_factor = 0.95;		/* doc/equipment.md: server PSUs >= 0.95 [U] */
	f->in_service = DATE_NONE;
	f->out_of_service = DATE_NEVER;
	bind_qty(b, m, "power_factor", B_POS, U_RATIO, 0, 1, &f->power_factor);
	if ((c = bind_node(b, m, "capacity", B_REQ)) != NULL)
		load_capacity(b, c, "capacity", f->power_factor, &f->capacity_w);
	bind_date(b, m, "in_service", 0, &f->in_service);
	bind_date(b, m, "out_of_service", 0, &f->out_of_service);
	if (f->in_service != DATE_NONE && f->out_of_service <= f->in_service) {
		char	a[16], o[16];

		date_format(f->in_service, a);
		date_format(f->out_of_service, o);
		bind_error(b, ymap_get(m, "out_of_service"),
		    "feed '%s': 'out_of_service' (%s) must be after 'in_service' (%s)",
		    f->name, o, a);
	}
	bind_qty(b, m, "import_limit", B_POS, U_POWER, 0, 1e12, &f->import_limit_w);
	site_load_delay(s, b, m, f->in_service, &f->delay);
	if ((st = bind_seq(b, m, "steps", 0)) == NULL)
		return;
	for (i = 0; i < st->n; i++) {
		const struct ynode *e = st->items[i];
		struct feed_step *p;

		if (e->kind != YN_MAP) {
			bind_error(b, e, "a step must be a mapping {date, capacity}");
			continue;
		}
		if ((p = site_load_grow(&f->steps, &f->nsteps, sizeof *p)) == NULL)
			return;
		bind_keys(b, e, skeys);
		if ((c = bind_node(b, e, "capacity", B_REQ)) != NULL)
			load_capacity(b, c, "capacity", f->power_factor, &p->capacity_w);
		/* only dates that parsed are compared: a bad one is reported once */
		if (!bind_date(b, e, "date", B_REQ, &p->date))
			continue;
		site_load_delay(s, b, e, p->date, &p->delay);
		if (f->in_service != DATE_NONE && p->date <= f->in_service) {
			char	a[16], d[16];

			date_format(f->in_service, a);
			date_format(p->date, d);
			bind_error(b, e, "feed step %s is not after 'in_service' (%s)", d, a);
		} else if (prev != DATE_NONE && p->date <= prev) {
			char	a[16], d[16];

			date_format(prev, a);
			date_format(p->date, d);
			bind_error(b, e, "feed step %s does not follow the step of %s: "
			    "steps must be in ascending date order", d, a);
		}
		prev = p->date;
	}
}

/* The UPS system and transformer bank given fit their topology and redundancy. */
static void
check_chain(struct site *s, struct bind *b, const struct ynode *c)
{
	const struct site_chain *ch = &s->power.chain;
	struct elec_plan p;

	if (b->errors > 0 || plant_elec_plan(s, &p) == 0)
		return;
	if (p.ups != NULL && p.topology == UPS_TOPO_N1 && p.modules < 2)
		bind_error(b, ymap_get(c, "ups_modules_per_block"), "N+1 per block "
		    "needs at least 2 modules per block, not %d", p.modules);
	else if (p.ups != NULL && p.topology == UPS_TOPO_2N && p.blocks % 2 != 0)
		bind_error(b, ymap_get(c, "ups_blocks"), "2N needs an even number of "
		    "blocks (two equal sides), not %d", p.blocks);
	else if (p.ups != NULL && p.topology == UPS_TOPO_DISTRIBUTED && p.blocks < 2)
		bind_error(b, ymap_get(c, "ups_blocks"), "distributed-redundant needs "
		    "at least 2 blocks, not %d", p.blocks);
	else if (p.ups != NULL && p.topology == UPS_TOPO_BLOCK &&
	    p.blocks - p.reserve < 1)
		bind_error(b, ymap_get(c, "ups_blocks") ? ymap_get(c, "ups_blocks") : c,
		    "block-redundant: %d blocks leave no active block beside %d "
		    "reserve", p.blocks, p.reserve);
	else if (p.xfmr != NULL)
		bind_error(b, ymap_get(c, "transformer_count") ?
		    ymap_get(c, "transformer_count") : c, "%d %s none usable under "
		    "%s redundancy", ch->xfmr_count, ch->xfmr_count == 1 ?
		    "transformer leaves" : "transformers leave",
		    redundancy_name(ch->xfmr_redundancy));
	else
		bind_error(b, c, "the UPS system does not fit its topology");
}

void
site_load_power(struct site *s, struct bind *b, const struct ynode *root)
{
	static const char *const keys[] = { "grid", "generators", "batteries", "chain",
	    "dispatch", NULL };
	static const char *const gkeys[] = { "feeds", "redundancy", NULL };
	static const char *const genkeys[] = { "name", "model", "count", "available",
	    "until", "redundancy", "role", "duty", "max_running", "max_hours", "max_nox",
	    "delay", "delay_group", "reliability", "prices",
	    "load_step", "load_steps", "load_step_interval", "ramp_rate",
	    "governor_time_constant", NULL };
	/* ISO 8528-1 ratings, in the order of enum gen_duty */
	static const char *const duties[] = { "prime", "continuous", "standby",
	    "emergency", NULL };
	static const char *const bkeys[] = { "name", "model", "count", "available",
	    "initial_soc", "delay", "delay_group", "reliability", "prices", NULL };
	static const char *const ckeys[] = { "transformer", "transformer_count",
	    "transformer_redundancy", "ups", "ups_topology", "ups_modules_per_block",
	    "ups_blocks", "ups_reserve_blocks", "ups_fraction", "ups_redundancy",
	    "pdu_efficiency", "power_factor", NULL };
	static const char *const gridkeys_red[] = { "N", "N-1", NULL };
	static const char *const dkeys[] = { "policy", NULL };
	static const char *const roles[] = { "base", "peak", NULL };
	static const char *const policies[] = { "grid-first", "generators-base",
	    "peak-shave", NULL };
	const struct ynode *m, *g, *l, *c, *d;
	size_t	i;
	int	v;

	s->power.chain.ups_fraction = 1.0;
	s->power.chain.ups_topology = UPS_TOPO_N1;	/* N+1 per block, auto-sized */
	s->power.chain.pdu_eff = 0.99;	/* PDU/busway ~99 % [U], documented default */
	s->power.chain.power_factor = 0.95;	/* doc/equipment.md [U] */
	if ((m = bind_map(b, root, "power", B_REQ)) == NULL)
		return;
	bind_keys(b, m, keys);
	if ((g = bind_map(b, m, "grid", 0)) != NULL) {
		bind_keys(b, g, gkeys);
		if (bind_enum(b, g, "redundancy", 0, gridkeys_red, &v))
			s->power.feeds_n1 = v == 1;
		if ((l = bind_seq(b, g, "feeds", 0)) != NULL)
			for (i = 0; i < l->n; i++) {
				struct site_feed *f;

				if (l->items[i]->kind != YN_MAP) {
					bind_error(b, l->items[i], "a feed must be a mapping");
					continue;
				}
				if ((f = site_load_grow(&s->power.feeds, &s->power.nfeeds,
				    sizeof *f)) == NULL)
					return;
				load_feed(s, b, l->items[i], f, i);
			}
	}
	if ((l = bind_seq(b, m, "generators", 0)) != NULL)
		for (i = 0; i < l->n; i++) {
			const struct ynode *e = l->items[i];
			struct site_generator *p;
			double	mass = 0;

			if (e->kind != YN_MAP) {
				bind_error(b, e, "a generator entry must be a mapping");
				continue;
			}
			if (i >= DC_MAX_GEN_GROUPS) {
				bind_error(b, e, "%zu generator groups: at most %d are supported",
				    l->n, DC_MAX_GEN_GROUPS);
				break;
			}
			if ((p = site_load_grow(&s->power.gens, &s->power.ngens, sizeof *p)) == NULL)
				return;
			bind_keys(b, e, genkeys);
			snprintf(p->name, sizeof p->name, "generators%zu", i + 1);
			bind_str(b, e, "name", 0, p->name, sizeof p->name);
			p->model = site_load_model(s, b, e, "model", MK_GENERATOR, B_REQ);
			bind_int(b, e, "count", B_REQ, 1, 100000, &p->count);
			p->available = DATE_NONE;
			p->until = DATE_NEVER;
			p->role = GEN_PEAK;
			bind_date(b, e, "available", 0, &p->available);
			bind_date(b, e, "until", 0, &p->until);
			if (p->available != DATE_NONE && p->until <= p->available)
				bind_error(b, ymap_get(e, "until"),
				    "'until' must be after 'available'");
			site_load_delay(s, b, e, p->available, &p->delay);
			site_load_reliability(b, e, REL_GENERATOR, &p->rel);
			if (bind_enum(b, e, "redundancy", 0, site_load_redundancy_names, &v))
				p->redundancy = (enum redundancy)v;
			if (bind_enum(b, e, "role", 0, roles, &v))
				p->role = (enum gen_role)v;
			p->duty = DUTY_PRIME;
			if (bind_enum(b, e, "duty", 0, duties, &v))
				p->duty = (enum gen_duty)v;
			bind_int(b, e, "max_running", 0, 1, 100000, &p->max_running);
			bind_qty(b, e, "max_hours", B_POS, U_TIME, 0, 8784 * 3600.0,
			    &p->max_hours_s);
			if (bind_qty(b, e, "max_nox", B_POS, U_MASS, 0, 1e12, &mass))
				p->max_nox_kg = mass;
			{
				/* dcplan swings: the model's transient loading, overridden */
				struct generator_model t;

				memset(&t, 0, sizeof t);
				model_bind_gen_transient(b, e, &t);
				p->load_step_frac = t.load_step_frac;
				p->load_step_interval_s = t.load_step_interval_s;
				p->ramp_wps = t.ramp_wps;
				p->governor_tau_s = t.governor_tau_s;
			}
			if (p->count > 0 && redundancy_usable(p->count, p->redundancy) <= 0)
				bind_error(b, ymap_get(e, "count"),
				    "%d %s none usable under %s redundancy", p->count,
				    p->count == 1 ? "unit leaves" : "units leave",
				    redundancy_name(p->redundancy));
		}
	if ((l = bind_seq(b, m, "batteries", 0)) != NULL)
		for (i = 0; i < l->n; i++) {
			const struct ynode *e = l->items[i];
			struct site_battery *p;

			if (e->kind != YN_MAP) {
				bind_error(b, e, "a battery entry must be a mapping");
				continue;
			}
			if (i >= DC_MAX_BATT_GROUPS) {
				bind_error(b, e, "%zu battery groups: at most %d are supported",
				    l->n, DC_MAX_BATT_GROUPS);
				break;
			}
			if ((p = site_load_grow(&s->power.batts, &s->power.nbatts, sizeof *p)) == NULL)
				return;
			bind_keys(b, e, bkeys);
			snprintf(p->name, sizeof p->name, "batteries%zu", i + 1);
			bind_str(b, e, "name", 0, p->name, sizeof p->name);
			p->model = site_load_model(s, b, e, "model", MK_BATTERY, B_REQ);
			bind_int(b, e, "count", B_REQ, 1, 1000000, &p->count);
			p->available = DATE_NONE;
			bind_date(b, e, "available", 0, &p->available);
			site_load_delay(s, b, e, p->available, &p->delay);
			site_load_reliability(b, e, REL_BATTERY, &p->rel);
			p->initial_soc = p->model ? p->model->u.battery.soc_max : 1;
			bind_qty(b, e, "initial_soc", 0, U_FRACTION, 0, 1, &p->initial_soc);
			if (p->model != NULL &&
			    (p->initial_soc < p->model->u.battery.soc_min - 1e-12 ||
			    p->initial_soc > p->model->u.battery.soc_max + 1e-12))
				bind_error(b, ymap_get(e, "initial_soc"),
				    "'initial_soc' %.6g %% is outside the battery's "
				    "state-of-charge limits %.6g %%..%.6g %%",
				    p->initial_soc * 100, p->model->u.battery.soc_min * 100,
				    p->model->u.battery.soc_max * 100);
		}
	if (s->power.nbatts > 32)
		bind_error(b, ymap_get(m, "batteries"),
		    "%zu battery groups: at most 32 are supported", s->power.nbatts);
	if ((c = bind_map(b, m, "chain", 0)) != NULL) {
		struct site_chain *ch = &s->power.chain;

		bind_keys(b, c, ckeys);
		ch->xfmr = site_load_model(s, b, c, "transformer", MK_TRANSFORMER, 0);
		bind_int(b, c, "transformer_count", 0, 1, 1000000, &ch->xfmr_count);
		if (bind_enum(b, c, "transformer_redundancy", 0, site_load_redundancy_names,
		    &v))
			ch->xfmr_redundancy = (enum redundancy)v;
		ch->ups = site_load_model(s, b, c, "ups", MK_UPS, 0);
		bind_qty(b, c, "ups_fraction", 0, U_FRACTION, 0, 1, &ch->ups_fraction);
		if (ymap_get(c, "ups_redundancy") != NULL)
			bind_error(b, ymap_get(c, "ups_redundancy"), "'ups_redundancy' "
			    "is replaced by 'ups_topology' (N, N+1 per block, "
			    "block-redundant, distributed-redundant, 2N) with "
			    "'ups_modules_per_block' and 'ups_blocks'");
		if (bind_enum(b, c, "ups_topology", 0, ups_topology_names, &v))
			ch->ups_topology = (enum ups_topology)v;
		bind_int(b, c, "ups_modules_per_block", 0, 1, 1000, &ch->ups_modules);
		bind_int(b, c, "ups_blocks", 0, 1, 100000, &ch->ups_blocks);
		bind_int(b, c, "ups_reserve_blocks", 0, 1, 100000, &ch->ups_reserve);
		if (ymap_get(c, "ups_reserve_blocks") != NULL &&
		    ch->ups_topology != UPS_TOPO_BLOCK)
			bind_error(b, ymap_get(c, "ups_reserve_blocks"),
			    "'ups_reserve_blocks' applies to the block-redundant "
			    "topology only, not %s", ups_topology_name(ch->ups_topology));
		if (ch->ups == NULL)
			for (i = 0; ckeys[i] != NULL; i++)
				if (strncmp(ckeys[i], "ups_", 4) == 0 &&
				    strcmp(ckeys[i], "ups_redundancy") != 0 &&
				    ymap_get(c, ckeys[i]) != NULL)
					bind_error(b, ymap_get(c, ckeys[i]),
					    "'%s' needs a 'ups' model", ckeys[i]);
		if (ch->xfmr == NULL)
			for (i = 0; ckeys[i] != NULL; i++)
				if (strncmp(ckeys[i], "transformer_", 12) == 0 &&
				    ymap_get(c, ckeys[i]) != NULL)
					bind_error(b, ymap_get(c, ckeys[i]),
					    "'%s' needs a 'transformer' model", ckeys[i]);
		bind_qty(b, c, "pdu_efficiency", B_POS, U_FRACTION, 0, 1, &ch->pdu_eff);
		bind_qty(b, c, "power_factor", B_POS, U_RATIO, 0, 1, &ch->power_factor);
		check_chain(s, b, c);
	}
	if ((d = bind_map(b, m, "dispatch", 0)) != NULL) {
		bind_keys(b, d, dkeys);
		if (bind_enum(b, d, "policy", 0, policies, &v))
			s->power.policy = (enum dispatch_policy)v;
	}
	if (s->power.nfeeds == 0 && s->power.ngens == 0)
		bind_error(b, m, "no power supply: give 'grid.feeds' or 'generators'");
}
