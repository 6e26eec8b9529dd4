/*
 * cost.c - costs of a plan's window (see cost.h for the proration rules).
 *
 * Capital recovery factor: CRF(i, n) = i (1 + i)^n / ((1 + i)^n - 1), the
 * annuity that repays a capital cost over n years at discount rate i (standard
 * engineering economics; e.g. NREL, "Simple Levelized Cost of Energy (LCOE)
 * Calculator Documentation").  Generator fuel cost = fuel energy (heat rate x
 * energy generated, LHV, as the dispatch computes it) x fuel price.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "consts.h"
#include "cost.h"
#include "date.h"
#include "site.h"
#include "sim.h"
#include "supply.h"

#define DAYS_PER_YEAR	365.0

double
cost_crf(double i, double n)
{
	double	g;

	if (!(n > 0))
		return 0;
	if (fabs(i) < 1e-12)
		return 1 / n;
	g = pow(1 + i, n);
	return i * g / (g - 1);
}

const char *
cost_cat_name(enum cost_cat c)
{
	static const char *const names[COST_NCAT] = {
		"energy", "demand", "fixed", "fuel", "variable_om", "rental", "capex",
		"fixed_om", "water", "co2"
	};

	return (unsigned)c < COST_NCAT ? names[c] : "?";
}

void
cost_acc_init(struct cost_acc *a)
{
	memset(a, 0, sizeof *a);
}

void
cost_acc_release(struct cost_acc *a)
{
	free(a->peak_w);
	free(a->served);
	free(a->feed_cap);
	cost_acc_init(a);
}

static int
month_index(int day)
{
	int	y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return y * 12 + m - 1;
}

int
cost_begin(struct cost_acc *a, const struct site *s, int from, int to)
{
	size_t	n, nf;
	double	*pw;
	unsigned char *sv;

	a->s = s;
	a->from = from;
	a->to = to;
	a->month0 = month_index(from);
	a->nmonths = month_index(to) - a->month0 + 1;
	memset(a->cat, 0, sizeof a->cat);
	a->facility_j = a->gen_j = a->batt_j = a->gpu_s = 0;
	a->day = DATE_NONE;
	nf = s->econ != NULL && s->econ->nfeeds > 0 ? s->econ->nfeeds : 1;
	n = (size_t)(a->nmonths > 0 ? a->nmonths : 1) * nf;
	if (n > a->cap) {
		if ((pw = realloc(a->peak_w, n * sizeof *pw)) == NULL)
			return -1;
		a->peak_w = pw;
		if ((sv = realloc(a->served, n)) == NULL)
			return -1;
		a->served = sv;
		a->cap = n;
	}
	memset(a->peak_w, 0, n * sizeof *a->peak_w);
	memset(a->served, 0, n);
	if (nf > a->feed_cap_n) {
		if ((pw = realloc(a->feed_cap, nf * sizeof *pw)) == NULL)
			return -1;
		a->feed_cap = pw;
		a->feed_cap_n = nf;
	}
	return 0;
}

double
cost_energy_price(const struct econ_feed *f, int month, int hour)
{
	size_t	i;

	/* the last matching period wins, so a narrow period may follow a wide one */
	for (i = f->ntou; i-- > 0;) {
		const struct econ_tou *t = &f->tou[i];
		int	in = t->hour_from <= t->hour_to ?
		    hour >= t->hour_from && hour < t->hour_to :
		    hour >= t->hour_from || hour < t->hour_to;

		if ((t->months >> (month - 1) & 1u) && in)
			return t->price_per_j;
	}
	return f->energy_per_j;
}

/* A day's sums: the served energies and GPU-seconds, three categories, and
 * per priced feed its peak draw and whether it served. */
enum { CD_FACILITY, CD_GEN, CD_BATT, CD_GPU_S, CD_ENERGY, CD_FUEL, CD_VOM, CD_FEEDS };

static size_t
nfeeds_of(const struct cost_acc *a)
{
	return a->s != NULL && a->s->econ != NULL ? a->s->econ->nfeeds : 0;
}

size_t
cost_day_len(const struct cost_acc *a)
{
	return CD_FEEDS + 2 * nfeeds_of(a);
}

void
cost_day_begin(struct cost_acc *a, int day)
{
	const struct site *s = a->s;
	const struct site_econ *e = s->econ;
	size_t	i;
	int	y, d;

	date_to_ymd(day, &y, &a->month, &d);
	a->mi = y * 12 + a->month - 1 - a->month0;
	a->day = day;
	a->total_cap = 0;
	if (e == NULL)
		return;
	/* The grid draw is shared among the priced feeds in proportion to
	 * their capacity that day (the dispatch sees one grid). */
	for (i = 0; i < e->nfeeds; i++) {
		a->feed_cap[i] = feed_capacity_at(&s->power.feeds[e->feeds[i].feed], day);
		a->total_cap += a->feed_cap[i];
	}
}

struct fp_out {
	unsigned char *p;
	size_t	n, cap;
};

static void
fp_put(struct fp_out *o, const void *v, size_t n)
{
	if (o->n <= o->cap && n <= o->cap - o->n)
		memcpy(o->p + o->n, v, n);
	o->n += n;
}

size_t
cost_day_fingerprint(const struct cost_acc *a, unsigned char *buf, size_t cap)
{
	const struct site_econ *e = a->s->econ;
	struct fp_out o = { buf, 0, cap };
	size_t	i, k;

	fp_put(&o, &a->month, sizeof a->month);
	if (e != NULL) {
		fp_put(&o, &e->nfeeds, sizeof e->nfeeds);
		for (i = 0; i < e->nfeeds; i++) {
			const struct econ_feed *f = &e->feeds[i];

			fp_put(&o, &a->feed_cap[i], sizeof a->feed_cap[i]);
			fp_put(&o, &f->energy_per_j, sizeof f->energy_per_j);
			fp_put(&o, &f->ntou, sizeof f->ntou);
			for (k = 0; k < f->ntou && k < COST_TOU_MAX; k++) {
				fp_put(&o, &f->tou[k].months, sizeof f->tou[k].months);
				fp_put(&o, &f->tou[k].hour_from, sizeof f->tou[k].hour_from);
				fp_put(&o, &f->tou[k].hour_to, sizeof f->tou[k].hour_to);
				fp_put(&o, &f->tou[k].price_per_j,
				    sizeof f->tou[k].price_per_j);
			}
		}
		fp_put(&o, &e->ngens, sizeof e->ngens);
		for (i = 0; i < e->ngens; i++) {
			const struct econ_gen *g = &e->gens[i];

			fp_put(&o, &g->gen, sizeof g->gen);
			if (a->month >= 1 && a->month <= 12)
				fp_put(&o, &g->fuel_per_j[a->month - 1],
				    sizeof g->fuel_per_j[0]);
			fp_put(&o, &g->vom_per_j, sizeof g->vom_per_j);
		}
	}
	return o.n <= cap ? o.n : (size_t)-1;
}

void
cost_day_step(const struct cost_acc *a, double *dv, const struct sim_step *st,
    double dt, double gpus_online)
{
	const struct site_econ *e = a->s->econ;
	double	grid_w = st->disp.grid_w, total_cap = a->total_cap, cap;
	size_t	i, nf = nfeeds_of(a);
	int	m = a->month, hour = st->minute / 60;

	/* facility energy served (the load the supply could not serve costs
	 * nothing and is counted as delay, not energy) */
	dv[CD_FACILITY] += fmax(0, st->plant->facility_w - st->disp.unserved_w) * dt;
	dv[CD_GEN] += st->disp.gen_w * dt;
	dv[CD_BATT] += st->disp.batt_discharge_w * dt;
	/* GPU-hours delivered: the GPUs online, less the share of the load the
	 * supply could not serve */
	dv[CD_GPU_S] += gpus_online * dt * (st->plant->facility_w > 0 ?
	    fmax(0, 1 - st->disp.unserved_w / st->plant->facility_w) : 1);
	if (e == NULL)
		return;
	for (i = 0; i < nf; i++) {
		const struct econ_feed *f = &e->feeds[i];
		double	w;

		cap = a->feed_cap[i];
		if (!(cap > 0))
			continue;
		w = total_cap > 0 ? grid_w * cap / total_cap : 0;
		dv[CD_ENERGY] += w * dt * cost_energy_price(f, m, hour);
		dv[CD_FEEDS + nf + i] = 1;
		if (w > dv[CD_FEEDS + i])
			dv[CD_FEEDS + i] = w;
	}
	for (i = 0; i < e->ngens; i++) {
		const struct econ_gen *g = &e->gens[i];

		dv[CD_FUEL] += st->disp.fuel_group_w[g->gen] * dt * g->fuel_per_j[m - 1];
		dv[CD_VOM] += st->disp.gen_group_w[g->gen] * dt * g->vom_per_j;
	}
}

void
cost_day_end(struct cost_acc *a, const double *dv)
{
	size_t	i, nf = nfeeds_of(a);

	a->facility_j += dv[CD_FACILITY];
	a->gen_j += dv[CD_GEN];
	a->batt_j += dv[CD_BATT];
	a->gpu_s += dv[CD_GPU_S];
	a->cat[COST_ENERGY] += dv[CD_ENERGY];
	a->cat[COST_FUEL] += dv[CD_FUEL];
	a->cat[COST_VOM] += dv[CD_VOM];
	if (a->mi < 0 || a->mi >= a->nmonths)
		return;
	for (i = 0; i < nf; i++) {
		size_t	k = (size_t)a->mi * nf + i;

		if (!(dv[CD_FEEDS + nf + i] > 0))
			continue;
		a->served[k] = 1;
		if (dv[CD_FEEDS + i] > a->peak_w[k])
			a->peak_w[k] = dv[CD_FEEDS + i];
	}
}

/* Days of [from, to] that a group available from `avail` until `until` is on
 * site (DATE_NONE: from the start; DATE_NEVER: to the end). */
static int
days_on_site(int from, int to, int avail, int until)
{
	int	a = avail == DATE_NONE || avail < from ? from : avail;
	int	b = until == DATE_NEVER || until == DATE_NONE || until > to + 1 ?
	    to + 1 : until;

	return b > a ? b - a : 0;
}

double
cost_gen_fixed(const struct site *s, const struct econ_gen *g, int from, int to,
    int *is_rental)
{
	const struct site_generator *sg = &s->power.gens[g->gen];
	const struct site_econ *e = s->econ;
	double	days = days_on_site(from, to, sg->available, sg->until), c = 0;

	*is_rental = g->rented;
	if (g->rented) {
		double	rating = sg->model != NULL ?
		    sg->model->u.generator.rating_w * sg->count : 0;

		c = (g->rent_per_w_month * rating + g->rent_per_unit_month * sg->count) *
		    days * 12 / DAYS_PER_YEAR;
		if (days > 0 && sg->available != DATE_NONE && sg->available >= from &&
		    sg->available <= to)
			c += g->mobilise;
		if (days > 0 && sg->until != DATE_NEVER && sg->until != DATE_NONE &&
		    sg->until > from && sg->until <= to + 1)
			c += g->demobilise;
	} else if (g->owned) {
		c = g->capex * cost_crf(e->discount_rate, g->life_y) * days /
		    DAYS_PER_YEAR;
	}
	return c;
}

void
cost_end(struct cost_acc *a, double water_m3, double co2_kg, struct cost_result *r)
{
	const struct site *s = a->s;
	const struct site_econ *e = s->econ;
	size_t	i;
	int	k, rental;

	memset(r, 0, sizeof *r);
	r->facility_j = a->facility_j;
	r->gpu_hours = a->gpu_s / DC_S_PER_H;
	r->bridge_share = a->facility_j > 0 ? (a->gen_j + a->batt_j) / a->facility_j : 0;
	if (e == NULL)
		return;
	r->computed = 1;
	for (i = 0; i < e->nfeeds; i++)
		for (k = 0; k < a->nmonths; k++) {
			size_t	j = (size_t)k * e->nfeeds + i;

			if (!a->served[j])
				continue;
			a->cat[COST_DEMAND] += a->peak_w[j] * e->feeds[i].demand_per_w_month;
			a->cat[COST_FIXED] += e->feeds[i].fixed_per_month;
		}
	for (i = 0; i < e->ngens; i++) {
		const struct econ_gen *g = &e->gens[i];
		const struct site_generator *sg = &s->power.gens[g->gen];
		double	c = cost_gen_fixed(s, g, a->from, a->to, &rental);

		a->cat[rental ? COST_RENTAL : COST_CAPEX] += c;
		if (g->owned)
			a->cat[COST_FIXED_OM] += g->fixed_om_per_year *
			    days_on_site(a->from, a->to, sg->available, sg->until) /
			    DAYS_PER_YEAR;
	}
	for (i = 0; i < e->nbatts; i++) {
		const struct econ_batt *b = &e->batts[i];
		const struct site_battery *sb = &s->power.batts[b->batt];
		double	days = days_on_site(a->from, a->to, sb->available, DATE_NEVER);

		if (b->leased)
			a->cat[COST_RENTAL] += b->lease_per_month * days * 12 / DAYS_PER_YEAR;
		if (b->owned) {
			a->cat[COST_CAPEX] += b->capex * cost_crf(e->discount_rate,
			    b->life_y) * days / DAYS_PER_YEAR;
			a->cat[COST_FIXED_OM] += b->fixed_om_per_year * days / DAYS_PER_YEAR;
		}
	}
	if (isfinite(e->water_per_m3))
		a->cat[COST_WATER] = water_m3 * e->water_per_m3;
	a->cat[COST_CO2] = co2_kg * e->co2_per_kg;
	for (k = 0; k < COST_NCAT; k++) {
		r->cat[k] = a->cat[k];
		r->total += a->cat[k];
	}
	r->per_mwh = a->facility_j > 0 ? r->total / (a->facility_j / DC_J_PER_MWH) : 0;
	r->per_gpu_hour = r->gpu_hours > 0 ? r->total / r->gpu_hours : 0;
}

double
cost_rent_units(const struct site *s, const struct model *m, int units, int from,
    int to, const struct site_generator **priced_as)
{
	const struct site_econ *e = s->econ;
	size_t	i;
	int	days = to - from + 1;

	*priced_as = NULL;
	if (e == NULL || m == NULL || units <= 0 || days <= 0)
		return 0;
	for (i = 0; i < e->ngens; i++) {
		const struct econ_gen *g = &e->gens[i];
		const struct site_generator *sg = &s->power.gens[g->gen];

		if (!g->rented || sg->model != m)
			continue;
		*priced_as = sg;
		return (g->rent_per_w_month * m->u.generator.rating_w +
		    g->rent_per_unit_month) * units * days * 12 / DAYS_PER_YEAR +
		    g->mobilise + g->demobilise;
	}
	return 0;
}
