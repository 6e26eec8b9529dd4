/*
 * site_load_it.c - the it section of a site file: phases of racks with their delivery, and
 * support nodes.
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
#include "schedule.h"
#include "site_load.h"
#include "ydoc.h"
#include "dclimits.h"
#include "site_load_int.h"

/* The slowest delivery rate, one rack a year, per second: slower is a typo. */
#define SITE_MIN_RATE		(1.0 / (365 * 86400.0))
/* A delivery by rate is expanded day by day: at most 100 years of it. */
#define SITE_MAX_DELIVERY_Y	DC_MAX_DELIVERY_YEARS
#define SITE_MAX_DELIVERY_D	(SITE_MAX_DELIVERY_Y * 365L)

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
		if ((lot = site_load_grow(&p->lots, &p->nlots, sizeof *lot)) == NULL)
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
	static const char *const dkeys[] = { "start", "rate", "dates", "delay",
	    "delay_group", "rate_factor", NULL };
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
		if ((rk = site_load_model(s, b, m, "rack", MK_RACK, B_REQ)) != NULL) {
			p->rack = rk->u.rack.rack;
			p->server = rk->u.rack.server;
		}
	} else if ((sv = site_load_model(s, b, m, "server", MK_SERVER, B_REQ)) != NULL) {
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
	site_load_rate_factor(b, d, &p->rate_factor);
	site_load_delay(s, b, d, 0, &p->delay);	/* a delivery always has a date */
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
		if ((lot = site_load_grow(&p->lots, &p->nlots, sizeof *lot)) == NULL)
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

/*
 * A GPU power cap below what a server's GPUs accept is an error, not silently
 * raised: nvidia-smi -pl refuses limits below "Min Power Limit" (nvidia-smi -q
 * -d POWER), and no limit takes a GPU below its idle draw.
 */
static void
check_cap(struct site *s, struct bind *b, const struct ynode *w)
{
	double	cap = s->it.gpu_power_cap;
	size_t	i;

	if (!(cap > 0) || w == NULL)
		return;
	for (i = 0; i < s->it.nphases; i++) {
		const struct site_phase *p = &s->it.phases[i];
		const struct server_model *m;

		if (p->server == NULL || p->server->u.server.gpus <= 0)
			continue;
		m = &p->server->u.server;
		if (cap < m->gpu_tdp && cap < server_cap_floor(m)) {
			bind_error(b, ymap_get(w, "gpu_power_cap"), "'gpu_power_cap' "
			    "%.6g W is below the lowest limit %s accepts, %.6g W "
			    "(phase '%s')", cap, p->server->name, server_cap_floor(m),
			    p->name);
			return;
		}
	}
}

/*
 * Each phase's rack fits its max_power: servers x their nameplate draw at full
 * load (under the site's GPU power cap, which the firmware enforces) plus the
 * in-rack switches.  The CDU pumps are cooling, fed apart.
 */
static void
check_racks(struct site *s, struct bind *b, const struct ynode *ph)
{
	size_t	i;

	for (i = 0; ph != NULL && i < s->it.nphases && i < ph->n; i++) {
		const struct site_phase *p = &s->it.phases[i];
		struct server_power sp;
		double	w;

		if (p->server == NULL || !(p->rack.max_power > 0))
			continue;
		server_eval(&p->server->u.server, 1, s->it.gpu_power_cap, &sp);
		w = p->rack.servers * sp.ac_w + p->rack.switch_w;
		if (w > p->rack.max_power * (1 + 1e-9))
			bind_error(b, ph->items[i], "phase '%s': rack '%s' draws %.6g kW "
			    "at nameplate (%d x %.6g kW + %.6g kW of switches), over its "
			    "max_power %.6g kW", p->name, p->rack.name, w / 1e3,
			    p->rack.servers, sp.ac_w / 1e3, p->rack.switch_w / 1e3,
			    p->rack.max_power / 1e3);
	}
}

/*
 * The whole build, first delivery to last over every phase, within the
 * DC_MAX_DELIVERY_YEARS that one delivery by rate gets: a plan simulates the
 * build step by step, so lots or phases centuries apart would run for minutes
 * (a 302-year hourly plan) for what is surely a typo in a year.
 */
static void
check_build_span(const struct site *s, struct bind *b, const struct ynode *ph)
{
	char	d0[11], d1[11];
	size_t	i;
	int	first = DATE_NONE;

	for (i = 0; i < s->it.nphases; i++)
		if (s->it.phases[i].nlots > 0 && (first == DATE_NONE ||
		    s->it.phases[i].lots[0].date < first))
			first = s->it.phases[i].lots[0].date;
	if (first == DATE_NONE || ph == NULL)
		return;
	for (i = 0; i < s->it.nphases && i < ph->n; i++) {
		const struct site_phase *p = &s->it.phases[i];
		const struct ynode *at;
		int	last;

		if (p->nlots == 0)
			continue;
		last = p->lots[p->nlots - 1].date;
		if (last <= first || site_load_years(first, last - 1) <
		    SITE_MAX_DELIVERY_Y)
			continue;
		at = ymap_get(ph->items[i], "delivery");
		date_format(first, d0);
		date_format(last, d1);
		bind_error(b, at != NULL ? at : ph->items[i], "the build spans more "
		    "than %d years, from %s to %s", SITE_MAX_DELIVERY_Y, d0, d1);
		return;
	}
}

void
site_load_it(struct site *s, struct bind *b, const struct ynode *root)
{
	static const char *const keys[] = { "phases", "network_per_gpu", "support",
	    "workload", "air_class", NULL };
	static const char *const wkeys[] = { "utilization", "gpu_power_cap", "profile",
	    "power", NULL };
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
			if (i >= DC_MAX_PHASES) {
				bind_error(b, ph->items[i], "%zu phases: at most %d are supported",
				    ph->n, DC_MAX_PHASES);
				break;
			}
			if ((p = site_load_grow(&s->it.phases, &s->it.nphases, sizeof *p)) == NULL)
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
			if ((p = site_load_grow(&s->it.support, &s->it.nsupport, sizeof *p)) == NULL)
				return;
			bind_keys(b, e, skeys);
			snprintf(p->name, sizeof p->name, "support%zu", i + 1);
			bind_str(b, e, "name", 0, p->name, sizeof p->name);
			p->server = site_load_model(s, b, e, "server", MK_SERVER, B_REQ);
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
		if (bind_enum(b, w, "power", 0, it_basis_names, &v))
			s->it.basis = (enum it_basis)v;
	}
	for (i = 0; i < s->it.nphases; i++)
		schedule_index(&s->it.phases[i]);
	check_cap(s, b, w);
	check_racks(s, b, ph);
	if (!b->errors)
		check_build_span(s, b, ph);
	if (bind_enum(b, m, "air_class", 0, classes, &v)) {
		s->it.air_class = (enum air_class)v;
		s->it.air_class_given = 1;
	} else if (s->it.nphases > 0 && s->it.phases[0].server != NULL)
		s->it.air_class = s->it.phases[0].server->air_class;
}
