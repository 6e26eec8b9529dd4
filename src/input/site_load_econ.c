/*
 * site_load_econ.c - the economics section of a site file: the currency, the
 * discount rate, the value of a GPU-hour, water and CO2 prices, grid tariffs per
 * feed, fuel, O&M, rental or ownership per generator group, and lease or
 * ownership per battery group (cost.h).  Keys, units and the proration rules are
 * documented in dcplan-site(5) ECONOMICS.  There are no default prices: what the
 * site does not price is not counted, and the report says so.
 *
 * A price is written NUMBER CURRENCY[/UNIT]: "62.3 USD/MWh", "12 USD/kW-month",
 * "3.5 USD/MMBtu", "2 USD/GPU-h", "1.2e6 USD".  Every price must be in the
 * section's currency.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bind.h"
#include "consts.h"
#include "cost.h"
#include "diag.h"
#include "site.h"
#include "site_load_int.h"

/* What a price is per. */
enum per {
	PER_NONE,		/* an amount */
	PER_ENERGY,		/* per J */
	PER_POWER_MONTH,	/* per W-month */
	PER_MONTH,
	PER_UNIT_MONTH,
	PER_YEAR,
	PER_POWER_YEAR,		/* per W-year */
	PER_POWER,		/* per W (capex) */
	PER_ENERGY_CAP,		/* per J of storage (capex) */
	PER_VOLUME,		/* per m3 */
	PER_MASS,		/* per kg */
	PER_GPU_HOUR
};

static const struct {
	const char *name;
	enum per per;
	double	si;		/* the unit in SI (J, W, m3, kg, ...) */
} denoms[] = {
	{ "J", PER_ENERGY, 1 }, { "kWh", PER_ENERGY, DC_J_PER_KWH },
	{ "MWh", PER_ENERGY, DC_J_PER_MWH }, { "GJ", PER_ENERGY, 1e9 },
	/* 1 MMBtu = 10^6 Btu (IT), 1 therm = 10^5 Btu (NIST SP 811 B.8) */
	{ "MMBtu", PER_ENERGY, 1e6 * DC_J_PER_BTU }, { "therm", PER_ENERGY, 1e5 * DC_J_PER_BTU },
	{ "kW-month", PER_POWER_MONTH, 1e3 }, { "MW-month", PER_POWER_MONTH, 1e6 },
	{ "month", PER_MONTH, 1 }, { "unit-month", PER_UNIT_MONTH, 1 },
	{ "y", PER_YEAR, 1 }, { "year", PER_YEAR, 1 },
	{ "kW-y", PER_POWER_YEAR, 1e3 }, { "kW-year", PER_POWER_YEAR, 1e3 },
	{ "MW-y", PER_POWER_YEAR, 1e6 },
	{ "kW", PER_POWER, 1e3 }, { "MW", PER_POWER, 1e6 },
	{ "kWh-capacity", PER_ENERGY_CAP, DC_J_PER_KWH },
	{ "m3", PER_VOLUME, 1 }, { "kgal", PER_VOLUME, 1e3 * DC_M3_PER_USGAL },
	{ "gal", PER_VOLUME, DC_M3_PER_USGAL },
	{ "t", PER_MASS, 1e3 }, { "kg", PER_MASS, 1 },
	{ "GPU-h", PER_GPU_HOUR, 1 },
};

static const char *
per_units(enum per p)
{
	switch (p) {
	case PER_NONE: return "an amount, e.g. '1.2e6 USD'";
	case PER_ENERGY: return "CUR/MWh, CUR/kWh, CUR/GJ, CUR/MMBtu, CUR/therm";
	case PER_POWER_MONTH: return "CUR/kW-month, CUR/MW-month";
	case PER_MONTH: return "CUR/month";
	case PER_UNIT_MONTH: return "CUR/unit-month";
	case PER_YEAR: return "CUR/y";
	case PER_POWER_YEAR: return "CUR/kW-y";
	case PER_POWER: return "CUR/kW, CUR/MW";
	case PER_ENERGY_CAP: return "CUR/kWh-capacity";
	case PER_VOLUME: return "CUR/m3, CUR/kgal";
	case PER_MASS: return "CUR/t, CUR/kg";
	case PER_GPU_HOUR: return "CUR/GPU-h";
	}
	return "?";
}

/*
 * Parse a price node against the accepted kinds (a mask of 1 << enum per).
 * Stores the value per SI unit and its kind; 1 on success, 0 after a message.
 */
static int
price_node(struct bind *b, const struct site_econ *e, const struct ynode *n,
    const char *key, unsigned accept, double *out, enum per *kind)
{
	const char *s, *cur;
	char	*end, code[8], den[24];
	double	v;
	size_t	i, len;
	enum per p;

	if (n == NULL)
		return 0;
	if (n->kind != YN_SCALAR || n->is_null) {
		bind_error(b, n, "'%s' must be a price such as '62.3 USD/MWh'", key);
		return 0;
	}
	s = n->str;
	v = strtod(s, &end);
	if (end == s || !isfinite(v)) {
		bind_error(b, n, "'%s': '%s' is not a price (a number, a currency and "
		    "the unit it is per, e.g. '62.3 USD/MWh')", key, s);
		return 0;
	}
	if (v < 0) {
		bind_error(b, n, "'%s': a price must not be negative", key);
		return 0;
	}
	for (s = end; *s == ' '; s++)
		;
	cur = s;
	for (len = 0; isalpha((unsigned char)s[len]) || s[len] == '$'; len++)
		;
	if (len == 0 || len >= sizeof code) {
		bind_error(b, n, "'%s': '%s' has no currency (write e.g. '%g %s')", key,
		    n->str, v, e->currency[0] ? e->currency : "USD");
		return 0;
	}
	memcpy(code, cur, len);
	code[len] = '\0';
	if (strcmp(code, "$") == 0)
		strcpy(code, "USD");
	if (strcmp(code, e->currency) != 0) {
		bind_error(b, n, "'%s': currency '%s' does not match the site's currency "
		    "'%s' (economics.currency)", key, code, e->currency);
		return 0;
	}
	s = cur + len;
	p = PER_NONE;
	if (*s == '/') {
		s++;
		len = strlen(s);
		if (len >= sizeof den)
			len = sizeof den - 1;
		memcpy(den, s, len);
		den[len] = '\0';
		for (i = 0; i < sizeof denoms / sizeof denoms[0]; i++)
			if (strcmp(den, denoms[i].name) == 0)
				break;
		if (i == sizeof denoms / sizeof denoms[0]) {
			bind_error(b, n, "'%s': unknown unit '%s' in a price", key, den);
			return 0;
		}
		p = denoms[i].per;
		v /= denoms[i].si;
	} else if (*s != '\0') {
		bind_error(b, n, "'%s': '%s' is not a price", key, n->str);
		return 0;
	}
	if (!(accept >> p & 1u)) {
		char	list[256] = "";

		for (i = 0; i <= PER_GPU_HOUR; i++)
			if (accept >> i & 1u)
				snprintf(list + strlen(list), sizeof list - strlen(list),
				    "%s%s", list[0] ? "; " : "", per_units((enum per)i));
		bind_error(b, n, "'%s': '%s' is not a price of the right kind (%s)", key,
		    n->str, list);
		return 0;
	}
	*out = v;
	if (kind != NULL)
		*kind = p;
	return 1;
}

static int
price(struct bind *b, const struct site_econ *e, const struct ynode *map,
    const char *key, int flags, unsigned accept, double *out, enum per *kind)
{
	const struct ynode *n = bind_node(b, map, key, flags);

	return n != NULL && price_node(b, e, n, key, accept, out, kind);
}

#define M(p)	(1u << (p))



static void
load_tou(struct bind *b, struct site_econ *e, const struct ynode *l, struct econ_feed *f)
{
	static const char *const keys[] = { "months", "hours", "price", NULL };
	size_t	i, j;

	for (i = 0; i < l->n; i++) {
		const struct ynode *t = l->items[i], *ms, *hs;
		struct econ_tou *p;
		int	h[2] = { 0, 24 };

		if (t->kind != YN_MAP) {
			bind_error(b, t, "a time-of-use period must be a mapping");
			continue;
		}
		if (f->ntou >= COST_TOU_MAX) {
			bind_error(b, t, "%zu time-of-use periods: at most %d are supported",
			    l->n, COST_TOU_MAX);
			return;
		}
		p = &f->tou[f->ntou++];
		bind_keys(b, t, keys);
		p->months = 0xfffu;
		if ((ms = bind_seq(b, t, "months", 0)) != NULL) {
			p->months = 0;
			for (j = 0; j < ms->n; j++) {
				const struct ynode *m = ms->items[j];
				char	*end;
				long	v = m->kind == YN_SCALAR ? strtol(m->str, &end, 10) : 0;

				if (m->kind != YN_SCALAR || *end != '\0' || v < 1 || v > 12)
					bind_error(b, m, "a month is a number from 1 to 12");
				else
					p->months |= 1u << (v - 1);
			}
		}
		if ((hs = bind_seq(b, t, "hours", 0)) != NULL) {
			if (hs->n != 2) {
				bind_error(b, hs, "'hours' is [FROM, TO]: local standard hours "
				    "0..24, from inclusive, to exclusive");
			} else {
				for (j = 0; j < 2; j++) {
					const struct ynode *m = hs->items[j];
					char	*end;
					long	v = m->kind == YN_SCALAR ?
					    strtol(m->str, &end, 10) : -1;

					if (m->kind != YN_SCALAR || *end != '\0' || v < 0 || v > 24)
						bind_error(b, m, "an hour is a number from 0 to 24");
					else
						h[j] = (int)v;
				}
				if (h[0] == h[1])
					bind_error(b, hs, "'hours' covers no hour");
			}
		}
		p->hour_from = h[0];
		p->hour_to = h[1];
		price(b, e, t, "price", B_REQ, M(PER_ENERGY), &p->price_per_j, NULL);
	}
}

/* The items of power.LIST (power.grid.feeds for "feeds"), or NULL. */
static const struct ynode *
power_list(const struct ynode *root, const char *list)
{
	const struct ynode *p = ymap_get(root, "power"), *g;

	if (p == NULL || p->kind != YN_MAP)
		return NULL;
	if (strcmp(list, "feeds") == 0) {
		if ((g = ymap_get(p, "grid")) == NULL || g->kind != YN_MAP)
			return NULL;
		p = g;
	}
	g = ymap_get(p, list);
	return g != NULL && g->kind == YN_SEQ ? g : NULL;
}

/* A feed's tariff: power.grid.feeds[i].tariff. */
static void
load_tariff(struct bind *b, struct site_econ *e, const struct ynode *m,
    struct econ_feed *f)
{
	static const char *const keys[] = { "energy", "time_of_use", "demand", "fixed",
	    NULL };
	const struct ynode *t;

	bind_keys(b, m, keys);
	price(b, e, m, "energy", B_REQ, M(PER_ENERGY), &f->energy_per_j, NULL);
	if ((t = bind_seq(b, m, "time_of_use", 0)) != NULL)
		load_tou(b, e, t, f);
	price(b, e, m, "demand", 0, M(PER_POWER_MONTH), &f->demand_per_w_month, NULL);
	price(b, e, m, "fixed", 0, M(PER_MONTH), &f->fixed_per_month, NULL);
}

/* ownership: {capex, life, fixed_om}; per-W capex and O&M are scaled by RATING_W
 * (and per-J-of-storage capex by ENERGY_J) of the whole group. */
static int
load_ownership(struct bind *b, struct site_econ *e, const struct ynode *o,
    double rating_w, double energy_j, double *capex, double *life_y, double *fom)
{
	static const char *const keys[] = { "capex", "life", "fixed_om", NULL };
	enum per k;
	double	v, life_s = 0;

	bind_keys(b, o, keys);
	if (price(b, e, o, "capex", B_REQ, M(PER_NONE) | M(PER_POWER) |
	    M(PER_ENERGY_CAP), &v, &k))
		*capex = k == PER_POWER ? v * rating_w : k == PER_ENERGY_CAP ?
		    v * energy_j : v;
	if (bind_qty(b, o, "life", B_REQ | B_POS, U_TIME, 0, 100 * 365.0 * 86400,
	    &life_s))
		*life_y = life_s / (365.0 * 86400);
	if (price(b, e, o, "fixed_om", 0, M(PER_YEAR) | M(PER_POWER_YEAR), &v, &k))
		*fom = k == PER_POWER_YEAR ? v * rating_w : v;
	return 1;
}

/* A generator group's prices: power.generators[i].prices. */
static void
load_gen_prices(struct site *s, struct bind *b, struct site_econ *e,
    const struct ynode *m, int gi, struct econ_gen *g)
{
	static const char *const keys[] = { "fuel", "variable_om", "rental",
	    "ownership", NULL };
	static const char *const rkeys[] = { "rate", "mobilisation", "demobilisation",
	    NULL };
	const struct site_generator *sg = &s->power.gens[gi];
	const struct ynode *fu, *r, *o;
	double	rating;
	enum per k;
	size_t	j;

	bind_keys(b, m, keys);
	g->gen = gi;
	rating = sg->model != NULL ? sg->model->u.generator.rating_w * sg->count : 0;
	if ((fu = bind_node(b, m, "fuel", B_REQ)) != NULL) {
		if (fu->kind == YN_SEQ) {
			if (fu->n != 12)
				bind_error(b, fu, "'fuel' by month needs 12 prices, "
				    "January to December (%zu given)", fu->n);
			else
				for (j = 0; j < 12; j++)
					price_node(b, e, fu->items[j], "fuel",
					    M(PER_ENERGY), &g->fuel_per_j[j], NULL);
		} else if (price_node(b, e, fu, "fuel", M(PER_ENERGY),
		    &g->fuel_per_j[0], NULL)) {
			for (j = 1; j < 12; j++)
				g->fuel_per_j[j] = g->fuel_per_j[0];
		}
	}
	price(b, e, m, "variable_om", 0, M(PER_ENERGY), &g->vom_per_j, NULL);
	r = bind_map(b, m, "rental", 0);
	o = bind_map(b, m, "ownership", 0);
	if (r != NULL && o != NULL)
		bind_error(b, o, "generator group '%s' is either rented or owned, not "
		    "both", sg->name);
	if (r != NULL) {
		double	v;

		bind_keys(b, r, rkeys);
		g->rented = 1;
		if (ymap_get(r, "rate") == NULL)
			bind_error(b, r, "a rental needs a 'rate' with its period "
			    "(CUR/kW-month or CUR/unit-month)");
		else if (price(b, e, r, "rate", B_REQ, M(PER_POWER_MONTH) |
		    M(PER_UNIT_MONTH) | M(PER_NONE) | M(PER_MONTH), &v, &k)) {
			if (k == PER_POWER_MONTH)
				g->rent_per_w_month = v;
			else if (k == PER_UNIT_MONTH)
				g->rent_per_unit_month = v;
			else if (k == PER_MONTH)
				g->rent_per_unit_month = sg->count > 0 ? v / sg->count : 0;
			else
				bind_error(b, ymap_get(r, "rate"), "a rental rate needs "
				    "its period: CUR/kW-month, CUR/unit-month or "
				    "CUR/month, not a bare amount");
		}
		price(b, e, r, "mobilisation", 0, M(PER_NONE), &g->mobilise, NULL);
		price(b, e, r, "demobilisation", 0, M(PER_NONE), &g->demobilise, NULL);
	}
	if (o != NULL) {
		g->owned = 1;
		load_ownership(b, e, o, rating, 0, &g->capex, &g->life_y,
		    &g->fixed_om_per_year);
	}
}

/* A battery group's prices: power.batteries[i].prices. */
static void
load_batt_prices(struct site *s, struct bind *b, struct site_econ *e,
    const struct ynode *m, int bi, struct econ_batt *p)
{
	static const char *const keys[] = { "lease", "ownership", NULL };
	const struct site_battery *sb = &s->power.batts[bi];
	const struct ynode *o;
	double	power, energy;

	bind_keys(b, m, keys);
	p->batt = bi;
	power = sb->model != NULL ? sb->model->u.battery.power_w * sb->count : 0;
	energy = sb->model != NULL ? sb->model->u.battery.energy_j * sb->count : 0;
	if (price(b, e, m, "lease", 0, M(PER_MONTH), &p->lease_per_month, NULL))
		p->leased = 1;
	if ((o = bind_map(b, m, "ownership", 0)) != NULL) {
		if (p->leased)
			bind_error(b, o, "battery group '%s' is either leased or owned, "
			    "not both", sb->name);
		p->owned = 1;
		load_ownership(b, e, o, power, energy, &p->capex, &p->life_y,
		    &p->fixed_om_per_year);
	}
	if (!p->leased && !p->owned)
		bind_error(b, m, "battery group '%s': give a 'lease' or an 'ownership'",
		    sb->name);
}

/* Every item of power.LIST with a KEY map (tariff or prices), in site order. */
static size_t
count_priced(const struct ynode *l, const char *key)
{
	size_t	i, n = 0;

	for (i = 0; l != NULL && i < l->n; i++)
		if (l->items[i]->kind == YN_MAP && ymap_get(l->items[i], key) != NULL)
			n++;
	return n;
}

void
site_load_econ(struct site *s, struct bind *b, const struct ynode *root)
{
	static const char *const keys[] = { "currency", "discount_rate", "gpu_hour",
	    "water", "co2", NULL };
	const struct ynode *m, *c, *feeds, *gens, *batts;
	struct site_econ *e;
	size_t	i, nf, ng, nb;
	int	needs_rate = 0;

	feeds = power_list(root, "feeds");
	gens = power_list(root, "generators");
	batts = power_list(root, "batteries");
	nf = count_priced(feeds, "tariff");
	ng = count_priced(gens, "prices");
	nb = count_priced(batts, "prices");
	if ((m = bind_map(b, root, "economics", 0)) == NULL) {
		/* prices without a currency: report the first */
		const struct ynode *l[3] = { feeds, gens, batts };
		const char *const k[3] = { "tariff", "prices", "prices" };
		size_t	j;

		for (i = 0; i < 3; i++)
			for (j = 0; l[i] != NULL && j < l[i]->n; j++)
				if (l[i]->items[j]->kind == YN_MAP &&
				    ymap_get(l[i]->items[j], k[i]) != NULL) {
					bind_error(b, ymap_get(l[i]->items[j], k[i]),
					    "prices need the site's currency: give an "
					    "'economics' section with 'currency'");
					return;
				}
		return;
	}
	if ((e = calloc(1, sizeof *e)) == NULL ||
	    (e->feeds = calloc(nf ? nf : 1, sizeof *e->feeds)) == NULL ||
	    (e->gens = calloc(ng ? ng : 1, sizeof *e->gens)) == NULL ||
	    (e->batts = calloc(nb ? nb : 1, sizeof *e->batts)) == NULL) {
		site_econ_free(e);
		bind_error(b, m, "out of memory");
		return;
	}
	s->econ = e;
	e->gpu_hour = NAN;
	e->water_per_m3 = NAN;
	e->discount_rate = NAN;
	bind_keys(b, m, keys);
	if (bind_str(b, m, "currency", B_REQ, e->currency, sizeof e->currency)) {
		c = ymap_get(m, "currency");
		for (i = 0; e->currency[i] != '\0'; i++)
			if (!isupper((unsigned char)e->currency[i]))
				break;
		if (i != 3 || e->currency[i] != '\0')
			bind_error(b, c, "'currency' is a three-letter ISO 4217 code such "
			    "as USD or EUR");
	}
	/* A discount rate outside 0..25 % a year is a typo, not a plan. */
	bind_qty(b, m, "discount_rate", 0, U_FRACTION, 0, 0.25, &e->discount_rate);
	price(b, e, m, "gpu_hour", 0, M(PER_GPU_HOUR), &e->gpu_hour, NULL);
	price(b, e, m, "water", 0, M(PER_VOLUME), &e->water_per_m3, NULL);
	price(b, e, m, "co2", 0, M(PER_MASS), &e->co2_per_kg, NULL);
	/* the loaded items are the YAML items in order (loading stops at the
	 * first item past a limit, which is then an error anyway) */
	for (i = 0; feeds != NULL && i < feeds->n && i < s->power.nfeeds; i++) {
		const struct ynode *t = feeds->items[i]->kind == YN_MAP ?
		    bind_map(b, feeds->items[i], "tariff", 0) : NULL;

		if (t != NULL) {
			e->feeds[e->nfeeds].feed = (int)i;
			load_tariff(b, e, t, &e->feeds[e->nfeeds++]);
		}
	}
	for (i = 0; gens != NULL && i < gens->n && i < s->power.ngens; i++) {
		const struct ynode *t = gens->items[i]->kind == YN_MAP ?
		    bind_map(b, gens->items[i], "prices", 0) : NULL;

		if (t != NULL)
			load_gen_prices(s, b, e, t, (int)i, &e->gens[e->ngens++]);
	}
	for (i = 0; batts != NULL && i < batts->n && i < s->power.nbatts; i++) {
		const struct ynode *t = batts->items[i]->kind == YN_MAP ?
		    bind_map(b, batts->items[i], "prices", 0) : NULL;

		if (t != NULL)
			load_batt_prices(s, b, e, t, (int)i, &e->batts[e->nbatts++]);
	}
	for (i = 0; i < e->ngens; i++)
		needs_rate |= e->gens[i].owned;
	for (i = 0; i < e->nbatts; i++)
		needs_rate |= e->batts[i].owned;
	if (needs_rate && isnan(e->discount_rate))
		bind_error(b, m, "ownership costs are annualised: give 'discount_rate'");
	if (isnan(e->discount_rate))
		e->discount_rate = 0;
}

void
site_econ_free(struct site_econ *e)
{
	if (e == NULL)
		return;
	free(e->feeds);
	free(e->gens);
	free(e->batts);
	free(e);
}
