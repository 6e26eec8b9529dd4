/*
 * dispatch.c - one step of supply dispatch (the policy is described in
 * dispatch.h).
 *
 * Fuel, CO2 and NOx per group come from generator.h: fuel = units x
 * generator_fuel(per-unit output, per-unit derated output), i.e. the heat rate
 * (LHV, J fuel per J electric) interpolated in load fraction between the
 * minimum-load and full-load points; CO2 = fuel energy x emission factor
 * (IPCC 2006 vol. 2 ch. 2, 56.1 kg/GJ LHV for natural gas); NOx = electric
 * energy x factor.  Battery power and SOC limits and losses: battery.h.
 *
 * All scratch state lives on the stack in fixed arrays of
 * DISPATCH_MAX_GROUPS: no allocation, no globals.
 */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "battery.h"
#include "dispatch.h"
#include "generator.h"
#include "supply.h"

#define ROLE_BASE	0x1
#define ROLE_PEAK	0x2
#define ROLE_ALL	(ROLE_BASE | ROLE_PEAK)

struct dispatch_work {
	const struct dispatch_in *in;
	int	order[DISPATCH_MAX_GROUPS];	/* generator groups in merit order */
	int	norder;
	int	k[DISPATCH_MAX_GROUPS];		/* units committed */
	double	unit_w[DISPATCH_MAX_GROUPS];	/* W per committed unit */
	double	surplus[DISPATCH_MAX_GROUPS];	/* W forced above need by min load */
	double	charged[DISPATCH_MAX_GROUPS];	/* W taken per battery group */
	double	discharged[DISPATCH_MAX_GROUPS];
};

static int
dispatch_finite_nonneg(double x)
{
	return isfinite(x) && x >= 0;
}

/* What a day keeps: the counts, the pointers, the policy, each group's units
 * and permits. */
static int
dispatch_valid_static(const struct dispatch_in *in)
{
	int	i;

	if (in->ngen < 0 || in->ngen > DISPATCH_MAX_GROUPS ||
	    in->nbatt < 0 || in->nbatt > DISPATCH_MAX_GROUPS)
		return 0;
	if ((in->ngen > 0 && in->gens == NULL) || (in->nbatt > 0 && in->batts == NULL))
		return 0;
	switch (in->policy) {
	case DISPATCH_GRID_FIRST:
	case DISPATCH_GENERATORS_BASE:
	case DISPATCH_PEAK_SHAVE:
		break;
	default:
		return 0;
	}
	for (i = 0; i < in->ngen; i++) {
		const struct dispatch_gen *g = &in->gens[i];

		if (g->model == NULL)
			continue;
		if (g->units < 0 || !dispatch_finite_nonneg(g->max_hours_s))
			return 0;
	}
	return 1;
}

/* What changes from step to step. */
static int
dispatch_valid_step(const struct dispatch_in *in, const double *e)
{
	int	i;

	if (!dispatch_finite_nonneg(in->demand_w) || !dispatch_finite_nonneg(in->grid_w) ||
	    !isfinite(in->dt) || !(in->dt > 0))
		return 0;
	if (in->nbatt > 0 && e == NULL)
		return 0;
	for (i = 0; i < in->ngen; i++) {
		const struct dispatch_gen *g = &in->gens[i];

		if (g->model == NULL)
			continue;
		if (!dispatch_finite_nonneg(g->avail_w) ||
		    !dispatch_finite_nonneg(g->hours_used_s))
			return 0;
	}
	for (i = 0; i < in->nbatt; i++)
		if (in->batts[i].model != NULL && !dispatch_finite_nonneg(e[i]))
			return 0;
	return 1;
}

static int
dispatch_valid(const struct dispatch_in *in, const double *e)
{
	return (in->prepared || dispatch_valid_static(in)) &&
	    dispatch_valid_step(in, e);
}

/* Units a group may run this step: usable, permit count, hour budget. */
static int
dispatch_gen_limit(const struct dispatch_gen *g, double dt)
{
	double	budget, h;
	int	n, site;

	if (g->model == NULL || !(g->avail_w > 0) || g->units <= 0)
		return 0;
	n = g->units;
	if (g->max_running > 0 && n > g->max_running)
		n = g->max_running;
	if (g->max_hours_s > 0) {
		/* units rotate, so the budget is the whole group's (dispatch.h) */
		site = g->units_site > 0 ? g->units_site : g->units;
		budget = site * g->max_hours_s - g->hours_used_s;
		if (!(budget > 0))
			return 0;
		h = floor(budget / dt * (1 + 1e-12));
		if (h < n)
			n = (int)h;
	}
	return n;
}

static int
dispatch_role_bit(enum gen_role r)
{
	return r == GEN_BASE ? ROLE_BASE : ROLE_PEAK;
}

/* Merit order: base before peak, then lowest full-load heat rate, then site order. */
static int
dispatch_before(const struct dispatch_gen *a, int ia, const struct dispatch_gen *b, int ib)
{
	int	ra = dispatch_role_bit(a->role), rb = dispatch_role_bit(b->role);

	if (ra != rb)
		return ra == ROLE_BASE;
	if (a->model->heat_rate != b->model->heat_rate)
		return a->model->heat_rate < b->model->heat_rate;
	return ia < ib;
}

static void
merit_order(const struct dispatch_in *in, int *order, int *norder)
{
	const struct dispatch_gen *g = in->gens;
	int	i, j, x;

	*norder = 0;
	for (i = 0; i < in->ngen; i++) {
		if (g[i].model == NULL)
			continue;
		/* insertion sort: at most DISPATCH_MAX_GROUPS groups */
		for (j = *norder; j > 0; j--) {
			x = order[j - 1];
			if (dispatch_before(&g[x], x, &g[i], i))
				break;
			order[j] = x;
		}
		order[j] = i;
		(*norder)++;
	}
}

static void
dispatch_merit(struct dispatch_work *w)
{
	if (w->in->prepared) {
		w->norder = w->in->norder;
		memcpy(w->order, w->in->order, (size_t)w->norder * sizeof w->order[0]);
	} else
		merit_order(w->in, w->order, &w->norder);
}

int
dispatch_prepare(struct dispatch_in *in)
{
	in->prepared = 0;
	if (!dispatch_valid_static(in))
		return -1;
	merit_order(in, in->order, &in->norder);
	in->prepared = 1;
	return 0;
}

/*
 * Commit units of the groups with a role in mask, in merit order, to cover
 * need (W).  Returns the W that goes to need (<= need); min-load output above
 * that is left in w->surplus.
 */
static double
dispatch_commit(struct dispatch_work *w, int mask, double need)
{
	const struct dispatch_gen *g;
	double	avail, share, minw, done = 0;
	int	i, gi, n, k;

	for (i = 0; i < w->norder && need - done > 0; i++) {
		gi = w->order[i];
		g = &w->in->gens[gi];
		if (!(dispatch_role_bit(g->role) & mask))
			continue;
		if ((n = dispatch_gen_limit(g, w->in->dt)) <= 0)
			continue;
		avail = g->avail_w;
		if (n * avail <= need - done) {
			w->k[gi] = n;
			w->unit_w[gi] = avail;
			done += n * avail;
			continue;
		}
		/* fewest units that cover it; the tolerance keeps 10 MW / 2.5 MW at 4 */
		k = (int)ceil((need - done) / avail * (1 - 1e-12));
		if (k < 1)
			k = 1;
		if (k > n)
			k = n;
		share = (need - done) / k;
		minw = g->model->min_load_frac * avail;
		if (minw > avail)
			minw = avail;
		if (share < minw) {
			w->surplus[gi] = k * minw - (need - done);
			share = minw;
		}
		w->k[gi] = k;
		w->unit_w[gi] = share;
		done = need;
	}
	return done;
}

static double
dispatch_surplus(const struct dispatch_work *w)
{
	double	s = 0;
	int	i;

	for (i = 0; i < w->in->ngen; i++)
		s += w->surplus[i];
	return s;
}

/* What the batteries could deliver this step, without touching their energy. */
static double
dispatch_batt_cap(const struct dispatch_work *w, const double *e)
{
	const struct dispatch_batt *b;
	double	cap = 0, tmp;
	int	i;

	for (i = 0; i < w->in->nbatt; i++) {
		b = &w->in->batts[i];
		if (b->model == NULL || b->count <= 0)
			continue;
		tmp = e[i];
		cap += battery_discharge(b->model, b->count, &tmp,
		    b->count * b->model->power_w, w->in->dt);
	}
	return cap;
}

/* Discharge up to want W, groups in site order; returns W delivered. */
static double
dispatch_discharge(struct dispatch_work *w, double *e, double want)
{
	const struct dispatch_batt *b;
	double	got = 0, x;
	int	i;

	for (i = 0; i < w->in->nbatt && want - got > 0; i++) {
		b = &w->in->batts[i];
		if (b->model == NULL || b->count <= 0)
			continue;
		x = battery_discharge(b->model, b->count, &e[i], want - got, w->in->dt);
		w->discharged[i] += x;
		got += x;
	}
	return got;
}

/* Charge with up to offer W, groups in site order, each within its power
 * rating over the whole step (a group may be offered power twice). */
static double
dispatch_charge(struct dispatch_work *w, double *e, double offer)
{
	const struct dispatch_batt *b;
	double	took = 0, room, o, x;
	int	i;

	for (i = 0; i < w->in->nbatt && offer - took > 0; i++) {
		b = &w->in->batts[i];
		if (b->model == NULL || b->count <= 0)
			continue;
		room = b->count * b->model->power_w - w->charged[i];
		o = offer - took < room ? offer - took : room;
		if (!(o > 0))
			continue;
		x = battery_charge(b->model, b->count, &e[i], o, w->in->dt);
		w->charged[i] += x;
		took += x;
	}
	return took;
}

/* Back the units down by s W (curtailment), last in merit order first. */
static double
dispatch_curtail(struct dispatch_work *w, double s)
{
	double	c, done = 0;
	int	i, gi;

	for (i = w->norder - 1; i >= 0 && s - done > 0; i--) {
		gi = w->order[i];
		if (!(w->surplus[gi] > 0) || w->k[gi] <= 0)
			continue;
		c = s - done < w->surplus[gi] ? s - done : w->surplus[gi];
		w->unit_w[gi] -= c / w->k[gi];
		if (w->unit_w[gi] < 0)
			w->unit_w[gi] = 0;
		done += c;
	}
	return done;
}

static double
dispatch_min(double a, double b)
{
	return a < b ? a : b;
}

/* Fill the generator outputs: power, fuel, emissions, unit-seconds. */
static void
dispatch_gen_out(const struct dispatch_work *w, struct dispatch_out *out)
{
	const struct dispatch_gen *g;
	double	dt = w->in->dt, p, fuel, co2, nox;
	int	i;

	for (i = 0; i < w->in->ngen; i++) {
		g = &w->in->gens[i];
		if (w->k[i] <= 0)
			continue;
		p = w->k[i] * w->unit_w[i];
		fuel = w->k[i] * generator_fuel(g->model, w->unit_w[i], g->avail_w);
		co2 = generator_co2_kg(g->model, fuel * dt);
		nox = generator_nox_kg(g->model, p * dt);
		out->units_running[i] = w->k[i];
		out->gen_group_w[i] = p;
		out->unit_s[i] = w->k[i] * dt;
		out->nox_group_kg[i] = nox;
		out->fuel_group_w[i] = fuel;
		out->gen_w += p;
		out->fuel_w += fuel;
		out->co2_kg += co2;
		out->nox_kg += nox;
	}
	out->fuel_j = out->fuel_w * dt;
}

/* Grid first, a demand the grid carries, every battery group full (or none):
 * the general path then commits no unit, discharges nothing, has no surplus,
 * and offers the headroom to batteries that cannot take it (battery_charge
 * returns 0 at e >= soc_max n E without touching e). */
static int
grid_alone(const struct dispatch_in *in, const double *e)
{
	int	i;

	if (in->policy != DISPATCH_GRID_FIRST || !(in->demand_w <= in->grid_w))
		return 0;
	for (i = 0; i < in->nbatt; i++) {
		const struct dispatch_batt *b = &in->batts[i];

		if (b->model != NULL && b->count > 0 &&
		    !(e[i] >= b->model->soc_max * b->count * b->model->energy_j))
			return 0;
	}
	return 1;
}

static void
zero_groups(struct dispatch_out *out, int ngen, int nbatt)
{
	size_t	g = (size_t)ngen, b = (size_t)nbatt;

	memset(out->units_running, 0, g * sizeof out->units_running[0]);
	memset(out->gen_group_w, 0, g * sizeof out->gen_group_w[0]);
	memset(out->unit_s, 0, g * sizeof out->unit_s[0]);
	memset(out->nox_group_kg, 0, g * sizeof out->nox_group_kg[0]);
	memset(out->fuel_group_w, 0, g * sizeof out->fuel_group_w[0]);
	memset(out->batt_group_w, 0, b * sizeof out->batt_group_w[0]);
}

int
dispatch_step(const struct dispatch_in *in, double *e, struct dispatch_out *out)
{
	struct dispatch_work w;
	double	need, grid = 0, plan, s, r;
	int	i;

	if (!dispatch_valid(in, e)) {
		memset(out, 0, sizeof *out);
		return -1;
	}
	/* the totals, and the groups there are (dispatch.h: later entries are
	 * left as they were) */
	memset(out, 0, offsetof(struct dispatch_out, units_running));
	zero_groups(out, in->ngen, in->nbatt);
	if (grid_alone(in, e)) {
		/* what the general path gives here: the grid takes the demand,
		 * nothing else runs, full batteries take no charge */
		grid = dispatch_min(in->grid_w, in->demand_w);
		out->grid_w = grid;
		out->grid_headroom_w = in->grid_w - grid > 0 ? in->grid_w - grid : 0;
		return 0;
	}
	w.in = in;
	w.norder = 0;
	memset(w.k, 0, (size_t)in->ngen * sizeof w.k[0]);
	memset(w.unit_w, 0, (size_t)in->ngen * sizeof w.unit_w[0]);
	memset(w.surplus, 0, (size_t)in->ngen * sizeof w.surplus[0]);
	memset(w.charged, 0, (size_t)in->nbatt * sizeof w.charged[0]);
	memset(w.discharged, 0, (size_t)in->nbatt * sizeof w.discharged[0]);
	dispatch_merit(&w);

	need = in->demand_w;
	switch (in->policy) {
	case DISPATCH_GRID_FIRST:
		grid = dispatch_min(in->grid_w, need);
		need -= grid;
		need -= dispatch_commit(&w, ROLE_ALL, need);
		need -= dispatch_discharge(&w, e, need);
		break;
	case DISPATCH_GENERATORS_BASE:
		need -= dispatch_commit(&w, ROLE_BASE, need);
		grid = dispatch_min(in->grid_w, need);
		need -= grid;
		need -= dispatch_commit(&w, ROLE_PEAK, need);
		need -= dispatch_discharge(&w, e, need);
		break;
	case DISPATCH_PEAK_SHAVE:
		grid = dispatch_min(in->grid_w, need);
		need -= grid;
		need -= dispatch_commit(&w, ROLE_BASE, need);
		/* the batteries' share is planned first, then peakers take the
		 * rest; their min-load surplus shrinks the batteries' share */
		plan = dispatch_min(dispatch_batt_cap(&w, e), need);
		need -= plan;
		need -= dispatch_commit(&w, ROLE_PEAK, need);
		s = dispatch_surplus(&w);
		r = dispatch_min(s, plan);
		plan -= r;
		need += plan - dispatch_discharge(&w, e, plan);
		/* r of the surplus now serves load the batteries gave up */
		for (i = w.norder - 1; i >= 0 && r > 0; i--) {
			double	x = dispatch_min(r, w.surplus[w.order[i]]);

			w.surplus[w.order[i]] -= x;
			r -= x;
		}
		break;
	}

	/* min-load surplus: batteries, then a smaller grid import, then curtail */
	s = dispatch_surplus(&w);
	if (s > 0) {
		s -= dispatch_charge(&w, e, s);
		r = dispatch_min(s, grid);
		grid -= r;
		s -= r;
		if (s > 0)
			out->curtailed_w = dispatch_curtail(&w, s);
	}

	/* grid headroom recharges the batteries */
	if (in->grid_w - grid > 0)
		grid += dispatch_charge(&w, e, in->grid_w - grid);

	dispatch_gen_out(&w, out);
	out->grid_w = grid;
	out->grid_headroom_w = in->grid_w - grid > 0 ? in->grid_w - grid : 0;
	out->unserved_w = need > 0 ? need : 0;
	for (i = 0; i < in->nbatt; i++) {
		out->batt_discharge_w += w.discharged[i];
		out->batt_charge_w += w.charged[i];
		out->batt_group_w[i] = w.discharged[i] - w.charged[i];
	}
	return 0;
}

static int
dispatch_in_service(int day, int from)
{
	return from == DATE_NONE || day >= from;
}

int
dispatch_gens_from_site(const struct site *s, int day, double t_amb,
    struct dispatch_gen *out, int *n)
{
	const struct site_generator *g;
	const struct model *last = NULL;
	struct dispatch_gen *d;
	double	av = 0;
	size_t	i;

	*n = 0;
	if (s->power.ngens > DISPATCH_MAX_GROUPS)
		return -1;
	for (i = 0; i < s->power.ngens; i++) {
		g = &s->power.gens[i];
		d = &out[i];
		memset(d, 0, sizeof *d);
		d->role = g->role;
		d->max_running = g->max_running;
		d->max_hours_s = g->max_hours_s;
		if (g->model == NULL)
			continue;
		d->model = &g->model->u.generator;
		d->units = gen_usable_at(g, day);
		d->units_site = gen_units_at(g, day);
		/* groups of one model (next to each other) derate alike */
		if (g->model != last) {
			last = g->model;
			av = generator_available(d->model, t_amb);
		}
		d->avail_w = av;
	}
	*n = (int)s->power.ngens;
	return 0;
}

int
dispatch_batts_from_site(const struct site *s, int day, struct dispatch_batt *out, int *n)
{
	const struct site_battery *b;
	size_t	i;

	*n = 0;
	if (s->power.nbatts > DISPATCH_MAX_GROUPS)
		return -1;
	for (i = 0; i < s->power.nbatts; i++) {
		b = &s->power.batts[i];
		memset(&out[i], 0, sizeof out[i]);
		if (b->model == NULL)
			continue;
		out[i].model = &b->model->u.battery;
		out[i].count = dispatch_in_service(day, b->available) ? b->count : 0;
	}
	*n = (int)s->power.nbatts;
	return 0;
}

void
dispatch_batt_init(const struct site *s, double *e)
{
	const struct site_battery *b;
	size_t	i;

	for (i = 0; i < s->power.nbatts && i < DISPATCH_MAX_GROUPS; i++) {
		b = &s->power.batts[i];
		e[i] = 0;
		if (b->model != NULL && b->count > 0 && isfinite(b->initial_soc))
			e[i] = b->initial_soc * b->count * b->model->u.battery.energy_j;
	}
}

int
dispatch_in_from_site(const struct site *s, int day, double t_amb,
    struct dispatch_gen *gens, struct dispatch_batt *batts, struct dispatch_in *in)
{
	if (dispatch_in_fill(s, day, t_amb, gens, batts, in) != 0)
		return -1;
	return dispatch_prepare(in);
}

int
dispatch_in_fill(const struct site *s, int day, double t_amb,
    struct dispatch_gen *gens, struct dispatch_batt *batts, struct dispatch_in *in)
{
	memset(in, 0, sizeof *in);
	in->grid_w = supply_grid_at(s, day);
	in->policy = s->power.policy;
	in->gens = gens;
	in->batts = batts;
	if (dispatch_gens_from_site(s, day, t_amb, gens, &in->ngen) != 0 ||
	    dispatch_batts_from_site(s, day, batts, &in->nbatt) != 0) {
		in->ngen = in->nbatt = 0;
		return -1;
	}
	return 0;
}
