/*
 * site_load.c - the schema: a site file (plus --set overrides) bound into struct site.
 * Every key, unit and default is documented in dcplan-site(5); defaults carry their
 * sources here.  All problems are collected and reported together.
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

static const char *const red_names[] = { "N", "N+1", "N+2", "2N", NULL };

/* The slowest delivery rate, one rack a year, per second: slower is a typo. */
#define SITE_MIN_RATE		(1.0 / (365 * 86400.0))
/* A delivery by rate is expanded day by day: at most 100 years of it. */
#define SITE_MAX_DELIVERY_Y	100
#define SITE_MAX_DELIVERY_D	(SITE_MAX_DELIVERY_Y * 365L)

/* Grow an array by one zeroed element; NULL on allocation failure. */
static void *
grow(void *pv, size_t *n, size_t size)
{
	char	*v = realloc(*(void **)pv, (*n + 1) * size);

	if (v == NULL)
		return NULL;
	memset(v + *n * size, 0, size);
	*(void **)pv = v;
	return v + (*n)++ * size;
}

/* A model given by name or inline. */
static const struct model *
get_model(struct site *s, struct bind *b, const struct ynode *map, const char *key,
    enum model_kind kind, int flags)
{
	const struct ynode *n = bind_node(b, map, key, flags);
	struct model m;
	const struct model *r;

	if (n == NULL)
		return NULL;
	if (n->kind == YN_SCALAR)
		return library_get(s->lib, b, kind, n->str, n);
	if (n->kind != YN_MAP) {
		bind_error(b, n, "'%s' must be a model name or an inline model", key);
		return NULL;
	}
	if (model_bind(b, n, kind, 0, &m) != 0) {
		model_clear(&m);
		return NULL;
	}
	if (m.name[0] == '\0')
		snprintf(m.name, sizeof m.name, "inline@%d", n->line);
	m.is_inline = 1;
	if ((r = library_adopt(s->lib, &m)) == NULL) {
		model_clear(&m);
		bind_error(b, n, "out of memory");
		return NULL;
	}
	if (r->kind == MK_RACK) {
		struct model *rm = s->lib->models[s->lib->nmodels - 1];
		rm->u.rack.server = library_get(s->lib, b, MK_SERVER,
		    rm->u.rack.server_name, ymap_get(n, "server"));
	}
	return r;
}

static void
load_site(struct site *s, struct bind *b, const struct ynode *root)
{
	static const char *const keys[] = { "name", "location", "timezone", NULL };
	static const char *const lkeys[] = { "latitude", "longitude", "elevation", NULL };
	const struct ynode *m, *l, *tz;

	if ((m = bind_map(b, root, "site", B_REQ)) == NULL)
		return;
	bind_keys(b, m, keys);
	bind_strdup(b, m, "name", B_REQ, &s->name);
	if ((l = bind_map(b, m, "location", 0)) != NULL) {
		bind_keys(b, l, lkeys);
		bind_qty(b, l, "latitude", 0, U_ANGLE, -90, 90, &s->latitude);
		bind_qty(b, l, "longitude", 0, U_ANGLE, -180, 180, &s->longitude);
		/* Dead Sea shore to the highest inhabited places */
		bind_qty(b, l, "elevation", 0, U_LENGTH, -500, 6000, &s->elevation);
	}
	if ((tz = bind_node(b, m, "timezone", 0)) != NULL) {
		int	sign, hh = 0, mm = 0, len = 0;
		char	c = 0;

		if (tz->kind != YN_SCALAR ||
		    (strcmp(tz->str, "UTC") != 0 &&
		    (sscanf(tz->str, "UTC%c%2d:%2d%n", &c, &hh, &mm, &len) != 3 ||
		    (c != '+' && c != '-') || (size_t)len != strlen(tz->str) ||
		    hh > 14 || mm > 59))) {
			bind_error(b, tz, "'timezone' must be a UTC offset such as UTC-06:00");
		} else {
			sign = c == '-' ? -1 : 1;
			s->tz_hours = sign * (hh + mm / 60.0);
		}
	}
}

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

static void
load_climate(struct site *s, struct bind *b, const struct ynode *root)
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

/* Delivery lots from a start date and a rate: cumulative floor(rate * days).  The
 * caller has checked that the racks arrive within SITE_MAX_DELIVERY_D days. */
static int
expand_rate(struct site_phase *p)
{
	long	done = 0, day;

	for (day = 0; done < p->racks && day <= SITE_MAX_DELIVERY_D; day++) {
		long	cum = (long)floor(p->rate_per_day * (double)(day + 1) + 1e-9);
		struct delivery_lot *lot;

		if (cum > p->racks)
			cum = p->racks;
		if (cum == done)
			continue;
		if ((lot = grow(&p->lots, &p->nlots, sizeof *lot)) == NULL)
			return -1;
		lot->date = p->delivery_start + (int)day;
		lot->racks = (int)(cum - done);
		done = cum;
	}
	return 0;
}

static void
load_phase(struct site *s, struct bind *b, const struct ynode *m, struct site_phase *p,
    size_t idx)
{
	static const char *const keys[] = { "name", "rack", "server",
	    "servers_per_rack", "racks", "delivery", "install_lag", "commission_lag",
	    NULL };
	static const char *const dkeys[] = { "start", "rate", "dates", NULL };
	static const char *const lkeys[] = { "date", "racks", NULL };
	const struct ynode *d, *dates, *rn;
	const struct model *rk, *sv;
	double	lag;
	size_t	i;
	long	sum = 0;
	int	racks_ok, lots_ok = 1, prev = DATE_NONE;

	p->line = m->line;
	snprintf(p->name, sizeof p->name, "phase%zu", idx + 1);
	bind_keys(b, m, keys);
	bind_str(b, m, "name", 0, p->name, sizeof p->name);
	if (ymap_get(m, "rack") != NULL && ymap_get(m, "server") != NULL) {
		bind_error(b, ymap_get(m, "server"),
		    "give either 'rack' or 'server' with 'servers_per_rack', not both");
	} else if (ymap_get(m, "rack") == NULL && ymap_get(m, "server") == NULL) {
		bind_error(b, m, "give 'rack', or 'server' with 'servers_per_rack'");
	} else if (ymap_get(m, "rack") != NULL) {
		if ((rk = get_model(s, b, m, "rack", MK_RACK, B_REQ)) != NULL) {
			p->rack = rk->u.rack.rack;
			p->server = rk->u.rack.server;
		}
	} else if ((sv = get_model(s, b, m, "server", MK_SERVER, B_REQ)) != NULL) {
		p->server = sv;
		snprintf(p->rack.name, sizeof p->rack.name, "1 x %.50s", sv->name);
		if (bind_int(b, m, "servers_per_rack", B_REQ, 1, 1024, &p->rack.servers))
			snprintf(p->rack.name, sizeof p->rack.name, "%d x %.50s",
			    p->rack.servers, sv->name);
	}
	if (p->server != NULL)
		p->gpus_per_rack = p->rack.servers * p->server->u.server.gpus;
	racks_ok = bind_int(b, m, "racks", B_REQ, 1, 10000000, &p->racks);
	lag = 0;
	if (bind_qty(b, m, "install_lag", 0, U_TIME, 0, 3650 * 86400.0, &lag))
		p->install_lag_d = (int)ceil(lag / 86400 - 1e-9);
	lag = 0;
	if (bind_qty(b, m, "commission_lag", 0, U_TIME, 0, 3650 * 86400.0, &lag))
		p->commission_lag_d = (int)ceil(lag / 86400 - 1e-9);
	if ((d = bind_map(b, m, "delivery", B_REQ)) == NULL)
		return;
	bind_keys(b, d, dkeys);
	dates = bind_seq(b, d, "dates", 0);
	if (dates != NULL && (ymap_get(d, "rate") || ymap_get(d, "start"))) {
		bind_error(b, dates, "give either 'start' and 'rate' or 'dates', not both");
		return;
	}
	if (dates == NULL) {
		int	ok = bind_date(b, d, "start", B_REQ, &p->delivery_start);
		double	rate = 0;

		/* at least one rack a year, at most a million a day */
		rn = ymap_get(d, "rate");
		if (!bind_qty(b, d, "rate", B_REQ | B_POS, U_RATE, 0, 1e6 / 86400,
		    &rate))
			ok = 0;
		else if (rate < SITE_MIN_RATE * (1 - 1e-9)) {
			bind_error(b, rn, "'rate' must be at least one rack a year "
			    "(%.6g /d), not %s", SITE_MIN_RATE * 86400, rn->str);
			ok = 0;
		}
		p->rate_per_day = rate * 86400;
		if (!ok || !racks_ok)
			return;
		/* days for the last rack: cumulative floor(rate * day) reaches racks */
		if ((double)p->racks / p->rate_per_day > SITE_MAX_DELIVERY_D) {
			bind_error(b, rn, "%d racks at %s take %.0f years to deliver "
			    "(at most %d)", p->racks, rn->str,
			    p->racks / p->rate_per_day / 365, SITE_MAX_DELIVERY_Y);
			return;
		}
		if (expand_rate(p) != 0)
			bind_error(b, d, "out of memory");
		return;
	}
	for (i = 0; i < dates->n; i++) {
		const struct ynode *lm = dates->items[i];
		struct delivery_lot *lot;

		if (lm->kind != YN_MAP) {
			bind_error(b, lm, "delivery 'dates' entries must be {date, racks}");
			continue;
		}
		if ((lot = grow(&p->lots, &p->nlots, sizeof *lot)) == NULL)
			return;
		bind_keys(b, lm, lkeys);
		if (!bind_int(b, lm, "racks", B_REQ, 1, 10000000, &lot->racks))
			lots_ok = 0;
		sum += lot->racks;
		/* only dates that parsed are compared: a bad one is reported once */
		if (!bind_date(b, lm, "date", B_REQ, &lot->date))
			continue;
		if (prev != DATE_NONE && lot->date == prev) {
			char	ds[16];

			date_format(prev, ds);
			bind_error(b, lm, "delivery date %s appears twice", ds);
		} else if (prev != DATE_NONE && lot->date < prev)
			bind_error(b, lm, "delivery dates must be in ascending order");
		prev = lot->date;
	}
	if (dates->n == 0)
		bind_error(b, dates, "'dates' is empty");
	else if (lots_ok && racks_ok && p->nlots == dates->n && sum != p->racks)
		bind_error(b, dates, "delivery lots add up to %ld racks, but the phase has %d",
		    sum, p->racks);
	if (p->nlots > 0)
		p->delivery_start = p->lots[0].date;
}

static void
load_it(struct site *s, struct bind *b, const struct ynode *root)
{
	static const char *const keys[] = { "phases", "network_per_gpu", "support",
	    "workload", "air_class", NULL };
	static const char *const wkeys[] = { "utilization", "gpu_power_cap", "profile",
	    NULL };
	static const char *const skeys[] = { "name", "server", "count", "per_gpu", NULL };
	static const char *const profiles[] = { "constant", "diurnal", NULL };
	static const char *const classes[] = { "A1", "A2", "A3", "A4", "B", "C", "H1",
	    NULL };
	const struct ynode *m, *ph, *w, *su;
	size_t	i, j;
	int	v;

	s->it.utilization = 1.0;
	s->it.air_class = AC_A2;
	if ((m = bind_map(b, root, "it", B_REQ)) == NULL)
		return;
	bind_keys(b, m, keys);
	if ((ph = bind_seq(b, m, "phases", B_REQ)) != NULL) {
		if (ph->n == 0)
			bind_error(b, ph, "'phases' is empty: a site needs at least one");
		for (i = 0; i < ph->n; i++) {
			struct site_phase *p;

			if (ph->items[i]->kind != YN_MAP) {
				bind_error(b, ph->items[i], "a phase must be a mapping");
				continue;
			}
			if ((p = grow(&s->it.phases, &s->it.nphases, sizeof *p)) == NULL)
				return;
			load_phase(s, b, ph->items[i], p, i);
			for (j = 0; j + 1 < s->it.nphases; j++)
				if (strcmp(s->it.phases[j].name, p->name) == 0)
					bind_error(b, ph->items[i],
					    "duplicate phase name '%s'", p->name);
		}
	}
	bind_qty(b, m, "network_per_gpu", 0, U_POWER, 0, 10000, &s->it.network_per_gpu);
	if ((su = bind_seq(b, m, "support", 0)) != NULL) {
		for (i = 0; i < su->n; i++) {
			const struct ynode *e = su->items[i];
			struct site_support *p;

			if (e->kind != YN_MAP) {
				bind_error(b, e, "a support entry must be a mapping");
				continue;
			}
			if ((p = grow(&s->it.support, &s->it.nsupport, sizeof *p)) == NULL)
				return;
			bind_keys(b, e, skeys);
			snprintf(p->name, sizeof p->name, "support%zu", i + 1);
			bind_str(b, e, "name", 0, p->name, sizeof p->name);
			p->server = get_model(s, b, e, "server", MK_SERVER, B_REQ);
			if (ymap_get(e, "count") && ymap_get(e, "per_gpu"))
				bind_error(b, ymap_get(e, "per_gpu"),
				    "give either 'count' or 'per_gpu', not both");
			else if (ymap_get(e, "per_gpu"))
				bind_qty(b, e, "per_gpu", 0, U_RATIO, 0, 10, &p->per_gpu);
			else
				bind_int(b, e, "count", B_REQ, 0, 10000000, &p->count);
		}
	}
	if ((w = bind_map(b, m, "workload", 0)) != NULL) {
		bind_keys(b, w, wkeys);
		bind_qty(b, w, "utilization", 0, U_FRACTION, 0, 1, &s->it.utilization);
		bind_qty(b, w, "gpu_power_cap", B_POS, U_POWER, 0, 1e5,
		    &s->it.gpu_power_cap);
		if (bind_enum(b, w, "profile", 0, profiles, &v))
			s->it.profile = (enum workload_profile)v;
	}
	if (bind_enum(b, m, "air_class", 0, classes, &v)) {
		s->it.air_class = (enum air_class)v;
		s->it.air_class_given = 1;
	} else if (s->it.nphases > 0 && s->it.phases[0].server != NULL)
		s->it.air_class = s->it.phases[0].server->air_class;
}

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
load_feed(struct bind *b, const struct ynode *m, struct site_feed *f, size_t idx)
{
	static const char *const keys[] = { "name", "capacity", "power_factor",
	    "in_service", "out_of_service", "steps", "import_limit", NULL };
	static const char *const skeys[] = { "date", "capacity", NULL };
	const struct ynode *c, *st;
	size_t	i;
	int	prev = DATE_NONE;

	bind_keys(b, m, keys);
	snprintf(f->name, sizeof f->name, "feed%zu", idx + 1);
	bind_str(b, m, "name", 0, f->name, sizeof f->name);
	f->power_factor = 0.95;		/* equipment.md: server PSUs >= 0.95 [U] */
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
	if ((st = bind_seq(b, m, "steps", 0)) == NULL)
		return;
	for (i = 0; i < st->n; i++) {
		const struct ynode *e = st->items[i];
		struct feed_step *p;

		if (e->kind != YN_MAP) {
			bind_error(b, e, "a step must be a mapping {date, capacity}");
			continue;
		}
		if ((p = grow(&f->steps, &f->nsteps, sizeof *p)) == NULL)
			return;
		bind_keys(b, e, skeys);
		if ((c = bind_node(b, e, "capacity", B_REQ)) != NULL)
			load_capacity(b, c, "capacity", f->power_factor, &p->capacity_w);
		/* only dates that parsed are compared: a bad one is reported once */
		if (!bind_date(b, e, "date", B_REQ, &p->date))
			continue;
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

static void
load_power(struct site *s, struct bind *b, const struct ynode *root)
{
	static const char *const keys[] = { "grid", "generators", "batteries", "chain",
	    "dispatch", NULL };
	static const char *const gkeys[] = { "feeds", NULL };
	static const char *const genkeys[] = { "name", "model", "count", "available",
	    "until", "redundancy", "role", "max_running", "max_hours", "max_nox", NULL };
	static const char *const bkeys[] = { "name", "model", "count", "available",
	    "initial_soc", NULL };
	static const char *const ckeys[] = { "transformer", "ups", "ups_fraction",
	    "ups_redundancy", "pdu_efficiency", "power_factor", NULL };
	static const char *const dkeys[] = { "policy", NULL };
	static const char *const roles[] = { "base", "peak", NULL };
	static const char *const policies[] = { "grid-first", "generators-base",
	    "peak-shave", NULL };
	const struct ynode *m, *g, *l, *c, *d;
	size_t	i;
	int	v;

	s->power.chain.ups_fraction = 1.0;
	s->power.chain.ups_redundancy = RED_N1;
	s->power.chain.pdu_eff = 0.99;	/* PDU/busway ~99 % [U], documented default */
	s->power.chain.power_factor = 0.95;	/* equipment.md [U] */
	if ((m = bind_map(b, root, "power", B_REQ)) == NULL)
		return;
	bind_keys(b, m, keys);
	if ((g = bind_map(b, m, "grid", 0)) != NULL) {
		bind_keys(b, g, gkeys);
		if ((l = bind_seq(b, g, "feeds", 0)) != NULL)
			for (i = 0; i < l->n; i++) {
				struct site_feed *f;

				if (l->items[i]->kind != YN_MAP) {
					bind_error(b, l->items[i], "a feed must be a mapping");
					continue;
				}
				if ((f = grow(&s->power.feeds, &s->power.nfeeds,
				    sizeof *f)) == NULL)
					return;
				load_feed(b, l->items[i], f, i);
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
			if ((p = grow(&s->power.gens, &s->power.ngens, sizeof *p)) == NULL)
				return;
			bind_keys(b, e, genkeys);
			snprintf(p->name, sizeof p->name, "generators%zu", i + 1);
			bind_str(b, e, "name", 0, p->name, sizeof p->name);
			p->model = get_model(s, b, e, "model", MK_GENERATOR, B_REQ);
			bind_int(b, e, "count", B_REQ, 1, 100000, &p->count);
			p->available = DATE_NONE;
			p->until = DATE_NEVER;
			p->role = GEN_PEAK;
			bind_date(b, e, "available", 0, &p->available);
			bind_date(b, e, "until", 0, &p->until);
			if (p->available != DATE_NONE && p->until <= p->available)
				bind_error(b, ymap_get(e, "until"),
				    "'until' must be after 'available'");
			if (bind_enum(b, e, "redundancy", 0, red_names, &v))
				p->redundancy = (enum redundancy)v;
			if (bind_enum(b, e, "role", 0, roles, &v))
				p->role = (enum gen_role)v;
			bind_int(b, e, "max_running", 0, 1, 100000, &p->max_running);
			bind_qty(b, e, "max_hours", B_POS, U_TIME, 0, 8784 * 3600.0,
			    &p->max_hours_s);
			if (bind_qty(b, e, "max_nox", B_POS, U_MASS, 0, 1e12, &mass))
				p->max_nox_kg = mass;
			if (p->count > 0 && redundancy_usable(p->count, p->redundancy) <= 0)
				bind_error(b, ymap_get(e, "count"),
				    "%d %s none usable under %s redundancy", p->count,
				    p->count == 1 ? "unit leaves" : "units leave",
				    redundancy_name(p->redundancy));
		}
	/* dispatch works on at most DISPATCH_MAX_GROUPS groups of each kind */
	if (s->power.ngens > 32)
		bind_error(b, ymap_get(m, "generators"),
		    "%zu generator groups: at most 32 are supported", s->power.ngens);
	if ((l = bind_seq(b, m, "batteries", 0)) != NULL)
		for (i = 0; i < l->n; i++) {
			const struct ynode *e = l->items[i];
			struct site_battery *p;

			if (e->kind != YN_MAP) {
				bind_error(b, e, "a battery entry must be a mapping");
				continue;
			}
			if ((p = grow(&s->power.batts, &s->power.nbatts, sizeof *p)) == NULL)
				return;
			bind_keys(b, e, bkeys);
			snprintf(p->name, sizeof p->name, "batteries%zu", i + 1);
			bind_str(b, e, "name", 0, p->name, sizeof p->name);
			p->model = get_model(s, b, e, "model", MK_BATTERY, B_REQ);
			bind_int(b, e, "count", B_REQ, 1, 1000000, &p->count);
			p->available = DATE_NONE;
			bind_date(b, e, "available", 0, &p->available);
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
		ch->xfmr = get_model(s, b, c, "transformer", MK_TRANSFORMER, 0);
		ch->ups = get_model(s, b, c, "ups", MK_UPS, 0);
		bind_qty(b, c, "ups_fraction", 0, U_FRACTION, 0, 1, &ch->ups_fraction);
		if (bind_enum(b, c, "ups_redundancy", 0, red_names, &v))
			ch->ups_redundancy = (enum redundancy)v;
		bind_qty(b, c, "pdu_efficiency", B_POS, U_FRACTION, 0, 1, &ch->pdu_eff);
		bind_qty(b, c, "power_factor", B_POS, U_RATIO, 0, 1, &ch->power_factor);
	}
	if ((d = bind_map(b, m, "dispatch", 0)) != NULL) {
		bind_keys(b, d, dkeys);
		if (bind_enum(b, d, "policy", 0, policies, &v))
			s->power.policy = (enum dispatch_policy)v;
	}
	if (s->power.nfeeds == 0 && s->power.ngens == 0)
		bind_error(b, m, "no power supply: give 'grid.feeds' or 'generators'");
}

static void
load_units(struct site *s, struct bind *b, const struct ynode *m, const char *key,
    enum model_kind kind, struct site_units **out, size_t *nout)
{
	static const char *const keys[] = { "name", "model", "capacity", "count",
	    "redundancy", "in_service", NULL };
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
		if ((u = grow(out, nout, sizeof *u)) == NULL)
			return;
		bind_keys(b, e, keys);
		snprintf(u->name, sizeof u->name, "%s%zu", key, i + 1);
		bind_str(b, e, "name", 0, u->name, sizeof u->name);
		u->model = get_model(s, b, e, "model", kind, B_REQ);
		bind_int(b, e, "count", B_REQ, 1, 100000, &u->count);
		/* chillers default to N+1 (physics.md section 1 staging note) */
		u->redundancy = kind == MK_CHILLER ? RED_N1 : RED_N;
		if (bind_enum(b, e, "redundancy", 0, red_names, &v))
			u->redundancy = (enum redundancy)v;
		u->in_service = DATE_NONE;
		bind_date(b, e, "in_service", 0, &u->in_service);
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

static void
load_cooling(struct site *s, struct bind *b, const struct ynode *root)
{
	static const char *const keys[] = { "liquid", "chilled_water", "chillers",
	    "towers", "condenser", "dry_coolers", "economizer", "pumps", "air", NULL };
	static const char *const lkeys[] = { "fraction", "supply_temp", "cdu_approach",
	    "loop", NULL };
	static const char *const loops[] = { "chilled", "tower", "drycooler", NULL };
	static const char *const chkeys[] = { "supply_temp", "delta_t", NULL };
	static const char *const cdkeys[] = { "setpoint", "delta_t", NULL };
	static const char *const ekeys[] = { "enabled", "hx_approach", NULL };
	static const char *const pkeys[] = { "chilled_water_head",
	    "condenser_water_head", "facility_water_head", "efficiency", NULL };
	static const char *const akeys[] = { "fan_pressure", "fan_efficiency",
	    "delta_t", "supply_temp", NULL };
	const struct ynode *m, *n;
	int	v;

	/* Defaults (documented in dcplan-site(5)):
	 * facility water 30 degC: ASHRAE W32 class supply [physics.md s.5];
	 * CDU approach 3 K: equipment.md "approach 3..5 K" [U];
	 * chilled water 10/16 degC (6 K): common data-centre practice [U];
	 * condenser setpoint 21 degC, range 5.6 K (10 degF): AHRI 550/590 range [U];
	 * economizer HX approach 1.5 K: plate heat exchangers [U];
	 * pump heads 300/200/250 kPa and 70 % wire-to-water efficiency [U];
	 * air: 500 Pa total fan pressure, 60 % fan efficiency, 12 K rise, 24 degC
	 * supply within the ASHRAE recommended 18..27 degC [physics.md s.5]. */
	s->cooling.liquid_fraction = NAN;
	s->cooling.liquid_supply = 30;
	s->cooling.cdu_approach = 3;
	s->cooling.chw_supply = 10;
	s->cooling.chw_dt = 6;
	s->cooling.cw_setpoint = 21;
	s->cooling.cw_dt = 5.6;
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
		bind_qty(b, n, "cdu_approach", 0, U_DTEMP, 0, 20, &s->cooling.cdu_approach);
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

static void
load_targets(struct site *s, struct bind *b, const struct ynode *root)
{
	static const char *const keys[] = { "name", "gpus", "by", NULL };
	const struct ynode *l = bind_seq(b, root, "targets", 0);
	size_t	i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++) {
		const struct ynode *e = l->items[i];
		struct site_target *t;

		if (e->kind != YN_MAP) {
			bind_error(b, e, "a target must be a mapping {name, gpus, by}");
			continue;
		}
		if ((t = grow(&s->targets, &s->ntargets, sizeof *t)) == NULL)
			return;
		bind_keys(b, e, keys);
		snprintf(t->name, sizeof t->name, "target%zu", i + 1);
		bind_str(b, e, "name", 0, t->name, sizeof t->name);
		bind_int(b, e, "gpus", B_REQ, 1, 100000000, &t->gpus);
		bind_date(b, e, "by", B_REQ, &t->by);
	}
}

static void
load_sim(struct site *s, struct bind *b, const struct ynode *root)
{
	static const char *const keys[] = { "year", "step", "horizon", NULL };
	const struct ynode *m;
	double	h;
	int	y, d;

	s->sim.step_s = 3600;
	s->sim.horizon_d = 30;
	d = site_first_delivery(s);
	if (d != DATE_NONE) {
		date_to_ymd(d, &y, &d, &d);
		s->sim.year = y;
	} else
		s->sim.year = 2024;
	if ((m = bind_map(b, root, "simulation", 0)) == NULL)
		return;
	bind_keys(b, m, keys);
	bind_int(b, m, "year", 0, 1900, 2199, &s->sim.year);
	if (bind_qty(b, m, "step", B_POS, U_TIME, 0, 3600, &s->sim.step_s) &&
	    s->sim.step_s != 3600 && s->sim.step_s != 900)
		bind_error(b, ymap_get(m, "step"), "'step' must be 1 h or 15 min");
	if (bind_qty(b, m, "horizon", 0, U_TIME, 0, 3650 * 86400.0, &h))
		s->sim.horizon_d = (int)ceil(h / 86400 - 1e-9);
}

int
site_load(const char *path, const struct site_opts *o, struct site *s,
    struct diags *d)
{
	static const char *const keys[] = { "site", "climate", "it", "power", "cooling",
	    "targets", "simulation", NULL };
	struct ydoc doc;
	struct bind b = { d, 0 };
	size_t	i;
	int	rc;

	memset(s, 0, sizeof *s);
	if ((s->path = strdup(path)) == NULL)
		return -2;
	if ((s->lib = calloc(1, sizeof *s->lib)) == NULL ||
	    library_init(s->lib, o->models_dir, o->models_path) != 0) {
		diags_add(d, path, 0, 0, "out of memory");
		return -2;
	}
	memset(&doc, 0, sizeof doc);
	rc = ydoc_load_file(&doc, path, NULL, d);
	if (rc != 0) {
		ydoc_free(&doc);
		return rc == -2 ? -2 : -1;
	}
	for (i = 0; i < o->nsets; i++)
		if (ydoc_set(&doc, o->sets[i], (int)i + 1, d) != 0)
			b.errors++;
	if (b.errors) {
		ydoc_free(&doc);
		return -1;
	}
	if (doc.root == NULL) {
		diags_add(d, path, 0, 0, "empty site file");
		ydoc_free(&doc);
		return -1;
	}
	if (doc.root->kind != YN_MAP) {
		bind_error(&b, doc.root, "a site file must be a mapping of sections");
		ydoc_free(&doc);
		return -1;
	}
	bind_keys(&b, doc.root, keys);
	load_site(s, &b, doc.root);
	load_climate(s, &b, doc.root);
	load_it(s, &b, doc.root);
	load_power(s, &b, doc.root);
	load_cooling(s, &b, doc.root);
	load_targets(s, &b, doc.root);
	load_sim(s, &b, doc.root);
	ydoc_free(&doc);
	return b.errors ? -1 : 0;
}

void
site_free(struct site *s)
{
	size_t	i;

	for (i = 0; i < s->it.nphases; i++)
		free(s->it.phases[i].lots);
	for (i = 0; i < s->power.nfeeds; i++)
		free(s->power.feeds[i].steps);
	free(s->it.phases);
	free(s->it.support);
	free(s->power.feeds);
	free(s->power.gens);
	free(s->power.batts);
	free(s->cooling.chillers);
	free(s->cooling.towers);
	free(s->cooling.drycoolers);
	free(s->targets);
	free(s->climate.weather_file);
	free(s->name);
	free(s->path);
	if (s->lib != NULL) {
		library_free(s->lib);
		free(s->lib);
	}
	memset(s, 0, sizeof *s);
}
