/*
 * supply.c - supply capacity by date (see supply.h).
 */
#include <stdlib.h>

#include "site.h"
#include "supply.h"

static int
in_service(int day, int from, int until)
{
	return (from == DATE_NONE || day >= from) && (until == DATE_NEVER || day < until);
}

double
feed_capacity_at(const struct site_feed *f, int day)
{
	double	c;
	size_t	i;

	if (!in_service(day, f->in_service, f->out_of_service))
		return 0;
	c = f->capacity_w;
	for (i = 0; i < f->nsteps; i++)
		if (day >= f->steps[i].date)
			c = f->steps[i].capacity_w;
	if (f->import_limit_w > 0 && c > f->import_limit_w)
		c = f->import_limit_w;
	return c;
}

/*
 * Firm grid capacity.  With grid.redundancy N-1 the largest feed in service is
 * taken out (the single-contingency criterion of NERC TPL-001 "P1" events,
 * applied to the site's own feeds): what the site can count on with any one
 * feed lost.  One feed alone under N-1 gives nothing firm.
 */
double
supply_grid_at(const struct site *s, int day)
{
	double	w = 0, big = 0, c;
	size_t	i;

	for (i = 0; i < s->power.nfeeds; i++) {
		c = feed_capacity_at(&s->power.feeds[i], day);
		w += c;
		if (c > big)
			big = c;
	}
	return s->power.feeds_n1 ? w - big : w;
}

static inline int
units_at(const struct site_generator *g, int day)
{
	return in_service(day, g->available, g->until) ? g->count : 0;
}

static inline int
usable_at(const struct site_generator *g, int day)
{
	int	n = redundancy_usable(units_at(g, day), g->redundancy);

	if (g->max_running > 0 && n > g->max_running)
		n = g->max_running;
	return n;
}

int
gen_units_at(const struct site_generator *g, int day)
{
	return units_at(g, day);
}

int
gen_usable_at(const struct site_generator *g, int day)
{
	return usable_at(g, day);
}

static inline int
firm(const struct site_generator *g)
{
	return g->duty == DUTY_PRIME || g->duty == DUTY_CONTINUOUS;
}

int
gen_is_firm(const struct site_generator *g)
{
	return firm(g);
}

double
supply_gen_at(const struct site *s, int day, double t_amb)
{
	const struct model *last = NULL;
	double	w = 0, av = 0;
	size_t	i;

	for (i = 0; i < s->power.ngens; i++) {
		const struct site_generator *g = &s->power.gens[i];

		if (g->model == NULL || !firm(g))
			continue;
		/* groups of one model (next to each other) derate alike */
		if (g->model != last) {
			last = g->model;
			av = generator_available(&g->model->u.generator, t_amb);
		}
		w += usable_at(g, day) * av;
	}
	return w;
}

double
supply_gen_backup_at(const struct site *s, int day, double t_amb)
{
	double	w = 0;
	size_t	i;

	for (i = 0; i < s->power.ngens; i++) {
		const struct site_generator *g = &s->power.gens[i];

		if (g->model != NULL && !gen_is_firm(g))
			w += gen_usable_at(g, day) *
			    generator_available(&g->model->u.generator, t_amb);
	}
	return w;
}

double
supply_batt_power_at(const struct site *s, int day)
{
	double	w = 0;
	size_t	i;

	for (i = 0; i < s->power.nbatts; i++) {
		const struct site_battery *b = &s->power.batts[i];

		if (b->model != NULL && in_service(day, b->available, DATE_NEVER))
			w += b->count * b->model->u.battery.power_w;
	}
	return w;
}

double
supply_batt_energy_at(const struct site *s, int day)
{
	double	e = 0;
	size_t	i;

	for (i = 0; i < s->power.nbatts; i++) {
		const struct site_battery *b = &s->power.batts[i];
		const struct battery_model *m;

		if (b->model == NULL || !in_service(day, b->available, DATE_NEVER))
			continue;
		m = &b->model->u.battery;
		e += b->count * m->energy_j * (m->soc_max - m->soc_min);
	}
	return e;
}

double
cooling_chiller_ref_at(const struct site *s, int day)
{
	double	w = 0;
	size_t	i;

	for (i = 0; i < s->cooling.nchillers; i++) {
		const struct site_units *u = &s->cooling.chillers[i];

		if (u->model != NULL && in_service(day, u->in_service, DATE_NEVER))
			w += redundancy_usable(u->count, u->redundancy) * u->chiller.q_ref;
	}
	return w;
}

static int
cmp_int(const void *a, const void *b)
{
	int	x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static void
put(int *d, size_t *n, size_t max, int date)
{
	if (date != DATE_NONE && date != DATE_NEVER && *n < max)
		d[(*n)++] = date;
}

size_t
supply_change_dates(const struct site *s, int *d, size_t max)
{
	size_t	n = 0, i, j, k;

	for (i = 0; i < s->power.nfeeds; i++) {
		const struct site_feed *f = &s->power.feeds[i];

		put(d, &n, max, f->in_service);
		put(d, &n, max, f->out_of_service);
		for (j = 0; j < f->nsteps; j++)
			put(d, &n, max, f->steps[j].date);
	}
	for (i = 0; i < s->power.ngens; i++) {
		put(d, &n, max, s->power.gens[i].available);
		put(d, &n, max, s->power.gens[i].until);
	}
	for (i = 0; i < s->power.nbatts; i++)
		put(d, &n, max, s->power.batts[i].available);
	for (i = 0; i < s->cooling.nchillers; i++)
		put(d, &n, max, s->cooling.chillers[i].in_service);
	for (i = 0; i < s->cooling.ntowers; i++)
		put(d, &n, max, s->cooling.towers[i].in_service);
	for (i = 0; i < s->cooling.ndrycoolers; i++)
		put(d, &n, max, s->cooling.drycoolers[i].in_service);
	if (n == 0)
		return 0;
	qsort(d, n, sizeof *d, cmp_int);
	for (i = 1, k = 1; i < n; i++)
		if (d[i] != d[k - 1])
			d[k++] = d[i];
	return k;
}

/* The earliest and the latest change of equipment (DATE_NONE if none): the one
 * walk over the change dates that both ends of the site's span read. */
static void
change_span(const struct site *s, int *first, int *last)
{
	int	d[2048];
	size_t	n = supply_change_dates(s, d, sizeof d / sizeof d[0]);

	*first = n > 0 ? d[0] : DATE_NONE;
	*last = n > 0 ? d[n - 1] : DATE_NONE;
}

int
supply_first_in_service(const struct site *s)
{
	int	first = site_first_delivery(s), c, l;

	change_span(s, &c, &l);
	if (c != DATE_NONE && (first == DATE_NONE || first == DATE_NEVER || c < first))
		first = c;
	return first == DATE_NEVER ? DATE_NONE : first;
}

int
supply_finished_day(const struct site *s)
{
	int	last = site_full_deployment(s), f, c;

	change_span(s, &f, &c);
	if (last == DATE_NEVER)
		last = DATE_NONE;
	if (c != DATE_NONE && (last == DATE_NONE || c > last))
		last = c;
	return last;
}
