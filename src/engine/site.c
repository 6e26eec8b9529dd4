/*
 * site.c - derived facts about a loaded site.
 */
#include "psychro.h"
#include "site.h"

long
site_total_racks(const struct site *s)
{
	long	n = 0;
	size_t	i;

	for (i = 0; i < s->it.nphases; i++)
		n += s->it.phases[i].racks;
	return n;
}

long
site_total_servers(const struct site *s)
{
	long	n = 0;
	size_t	i;

	for (i = 0; i < s->it.nphases; i++)
		n += (long)s->it.phases[i].racks * s->it.phases[i].rack.servers;
	return n;
}

long
site_total_gpus(const struct site *s)
{
	long	n = 0;
	size_t	i;

	for (i = 0; i < s->it.nphases; i++)
		n += (long)s->it.phases[i].racks * s->it.phases[i].gpus_per_rack;
	return n;
}

int
site_first_delivery(const struct site *s)
{
	int	d = DATE_NONE;
	size_t	i;

	for (i = 0; i < s->it.nphases; i++)
		if (s->it.phases[i].nlots > 0 &&
		    (d == DATE_NONE || s->it.phases[i].lots[0].date < d))
			d = s->it.phases[i].lots[0].date;
	return d;
}

int
site_full_deployment(const struct site *s)
{
	int	d = DATE_NONE;
	size_t	i;

	for (i = 0; i < s->it.nphases; i++) {
		const struct site_phase *p = &s->it.phases[i];
		int	last;

		if (p->nlots == 0)
			continue;
		last = p->lots[p->nlots - 1].date + p->install_lag_d + p->commission_lag_d;
		if (d == DATE_NONE || last > d)
			d = last;
	}
	return d;
}

double
site_pressure(const struct site *s)
{
	return psy_pressure_at_elevation(s->elevation);
}
