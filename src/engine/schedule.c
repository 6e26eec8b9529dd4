/*
 * schedule.c - the deployment schedule (see schedule.h).
 *
 * A rack reaches a stage lag(stage) whole days after its lot's delivery date:
 * lag = 0 (delivered), install_lag_d (installed), install_lag_d +
 * commission_lag_d (online).  Counts are at the end of the day, so a rack is
 * counted on day d when lot.date + lag <= d.  Servers and GPUs follow from the
 * phase's rack (servers per rack, GPUs per rack).  Lots are in ascending date
 * order (site_load checks it); only schedule_last_date relies on that.
 */
#include "site.h"
#include "schedule.h"

static int
schedule_lag(const struct site_phase *p, enum deploy_stage st)
{
	int	inst, comm;

	/* site_load gives lags >= 0; a hand-built negative lag counts as 0 */
	inst = p->install_lag_d > 0 ? p->install_lag_d : 0;
	comm = p->commission_lag_d > 0 ? p->commission_lag_d : 0;
	switch (st) {
	case DEPLOY_DELIVERED:
		return 0;
	case DEPLOY_INSTALLED:
		return inst;
	case DEPLOY_ONLINE:
		return inst + comm;
	}
	return 0;
}

/* Is a lot dated date at the stage by the end of day?  Written as a
 * subtraction on day so that DATE_NONE/DATE_NEVER days cannot overflow. */
static int
schedule_reached(int date, int lag, int day)
{
	long	d = (long)day - lag;

	return date <= d;
}

void
schedule_index(struct site_phase *p)
{
	long	n = 0;
	size_t	i;

	p->lots_indexed = 0;
	for (i = 0; i < p->nlots; i++) {
		if (i > 0 && p->lots[i].date < p->lots[i - 1].date)
			return;
		if (p->lots[i].racks > 0)
			n += p->lots[i].racks;
		p->lots[i].cum_racks = n;
	}
	p->lots_indexed = 1;
}

long
schedule_phase_racks(const struct site_phase *p, int day, enum deploy_stage st)
{
	long	n = 0;
	int	lag = schedule_lag(p, st);
	size_t	i;

	if (p->racks <= 0)
		return 0;
	if (p->lots_indexed) {
		/* the lots reached are the first k (ascending dates) */
		size_t	lo = 0, hi = p->nlots;

		while (lo < hi) {
			size_t	mid = lo + (hi - lo) / 2;

			if (schedule_reached(p->lots[mid].date, lag, day))
				lo = mid + 1;
			else
				hi = mid;
		}
		n = lo > 0 ? p->lots[lo - 1].cum_racks : 0;
		return n < p->racks ? n : p->racks;
	}
	for (i = 0; i < p->nlots; i++)
		if (p->lots[i].racks > 0 && schedule_reached(p->lots[i].date, lag, day))
			n += p->lots[i].racks;
	return n < p->racks ? n : p->racks;
}

static void
schedule_add(struct deploy_counts *c, const struct site_phase *p, long racks)
{
	c->racks += racks;
	c->servers += racks * p->rack.servers;
	c->gpus += racks * p->gpus_per_rack;
}

void
schedule_at(const struct site *s, int day, struct deploy_state *ds)
{
	static const struct deploy_counts zero;
	size_t	i;

	ds->delivered = ds->installed = ds->online = zero;
	for (i = 0; i < s->it.nphases; i++) {
		const struct site_phase *p = &s->it.phases[i];
		long	d, n, o;

		d = schedule_phase_racks(p, day, DEPLOY_DELIVERED);
		n = schedule_phase_racks(p, day, DEPLOY_INSTALLED);
		o = schedule_phase_racks(p, day, DEPLOY_ONLINE);
		schedule_add(&ds->delivered, p, d);
		schedule_add(&ds->installed, p, n);
		schedule_add(&ds->online, p, o);
		if (ds->phase_delivered != NULL)
			ds->phase_delivered[i] = d;
		if (ds->phase_installed != NULL)
			ds->phase_installed[i] = n;
		if (ds->phase_online != NULL)
			ds->phase_online[i] = o;
	}
}

long
schedule_gpus_at(const struct site *s, int day, enum deploy_stage st)
{
	long	g = 0;
	size_t	i;

	for (i = 0; i < s->it.nphases; i++)
		g += schedule_phase_racks(&s->it.phases[i], day, st) *
		    s->it.phases[i].gpus_per_rack;
	return g;
}

int
schedule_first_date(const struct site *s, enum deploy_stage st)
{
	int	d = DATE_NEVER;
	size_t	i, j;

	for (i = 0; i < s->it.nphases; i++) {
		const struct site_phase *p = &s->it.phases[i];
		int	lag = schedule_lag(p, st);

		if (p->racks <= 0)
			continue;
		for (j = 0; j < p->nlots; j++)
			if (p->lots[j].racks > 0 && p->lots[j].date < DATE_NEVER - lag &&
			    p->lots[j].date + lag < d)
				d = p->lots[j].date + lag;
	}
	return d;
}

/* Day the phase's last rack reaches the stage (lots ascending), DATE_NEVER if
 * the lots fall short of the phase's racks. */
static int
schedule_phase_last(const struct site_phase *p, enum deploy_stage st)
{
	long	n = 0;
	int	lag = schedule_lag(p, st);
	size_t	i;

	for (i = 0; i < p->nlots; i++) {
		if (p->lots[i].racks <= 0)
			continue;
		n += p->lots[i].racks;
		if (n >= p->racks) {
			if (p->lots[i].date >= DATE_NEVER - lag)
				return DATE_NEVER;
			return p->lots[i].date + lag;
		}
	}
	return DATE_NEVER;
}

int
schedule_last_date(const struct site *s, enum deploy_stage st)
{
	int	d = DATE_NONE, last;
	size_t	i;

	for (i = 0; i < s->it.nphases; i++) {
		if (s->it.phases[i].racks <= 0)
			continue;
		last = schedule_phase_last(&s->it.phases[i], st);
		if (d == DATE_NONE || last > d)
			d = last;
	}
	return d;
}

int
schedule_full_date(const struct site *s)
{
	return schedule_last_date(s, DEPLOY_ONLINE);
}

/* Latest lot date plus lag over all phases: after it nothing changes. */
static int
schedule_last_lot(const struct site *s, enum deploy_stage st)
{
	int	d = DATE_NONE, lag;
	size_t	i, j;

	for (i = 0; i < s->it.nphases; i++) {
		const struct site_phase *p = &s->it.phases[i];

		lag = schedule_lag(p, st);
		for (j = 0; j < p->nlots; j++)
			if (p->lots[j].racks > 0 && p->lots[j].date < DATE_NEVER - lag &&
			    p->lots[j].date + lag > d)
				d = p->lots[j].date + lag;
	}
	return d;
}

/*
 * The GPU count at a stage never falls as the day advances, so bisect between
 * the first and the last date of the stage: O(log(days) x lots).
 */
int
schedule_gpus_date(const struct site *s, enum deploy_stage st, long gpus)
{
	int	lo, hi, mid;

	if (gpus <= 0)
		return DATE_NONE;
	lo = schedule_first_date(s, st);
	if (lo == DATE_NEVER)
		return DATE_NEVER;
	hi = schedule_last_date(s, st);
	if (hi == DATE_NEVER || hi == DATE_NONE)
		hi = schedule_last_lot(s, st);	/* the count stops growing there */
	if (schedule_gpus_at(s, hi, st) < gpus)
		return DATE_NEVER;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (schedule_gpus_at(s, mid, st) >= gpus)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}
