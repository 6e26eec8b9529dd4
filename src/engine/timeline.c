/*
 * timeline.c - the build day by day (see timeline.h).
 */
#include <math.h>
#include <string.h>

#include "schedule.h"
#include "sim.h"
#include "site.h"
#include "supply.h"
#include "timeline.h"

void
timeline_range(const struct site *s, int *from, int *to)
{
	int	f = schedule_first_date(s, DEPLOY_DELIVERED);
	int	l = schedule_full_date(s);

	if (f == DATE_NEVER || f == DATE_NONE)
		f = 0;
	if (l == DATE_NEVER || l == DATE_NONE || l < f)
		l = f;
	*from = f;
	*to = l + s->sim.horizon_d;
}

int
timeline_day(const struct site *s, const struct weather *w, int day, struct tl_day *t)
{
	return timeline_next(s, w, day, NULL, t);
}

/* The day's hottest hour: dry-bulb, wet-bulb (not above the dry-bulb), pressure. */
static void
hot_hour(const struct site *s, const struct weather *w, int day, double *tdb,
    double *twb, double *p)
{
	struct wx_point wx;

	weather_day_peak(w, (int)(sim_hour_of_year(day, 0) / 24), &wx);
	*tdb = wx.tdb;
	*twb = fmin(wx.twb, wx.tdb);
	*p = wx.p > 0 ? wx.p : site_pressure(s);
}

/* The plant with `gpus` running (the site's workload) at one condition. */
static int
demand_eval(const struct plant_cfg *cfg, double gpus, double tdb, double twb,
    double p, struct plant_result *pr)
{
	return plant_eval_gpus(cfg, gpus, cfg->site->it.utilization,
	    cfg->site->it.gpu_power_cap, cfg->site->it.basis, tdb, twb, p, pr);
}

/* The day; with all == 0 only what the plan needs (the GPUs online and
 * runnable, what binds, the hottest hour). */
static int
timeline_eval(const struct site *s, const struct weather *w, int day,
    const struct tl_day *prev, int all, struct tl_day *t)
{
	struct plant_cfg cfg;
	struct cap_condition cond;
	struct cap_result full;
	struct plant_result pr;
	double	p;
	int	have_cfg = 0;

	memset(t, 0, sizeof *t);
	t->day = day;
	hot_hour(s, w, day, &t->tdb, &t->twb, &p);
	/* racks and GPUs online, phase by phase (schedule_at's online counts) */
	t->racks_online = 0;
	t->gpus_online = 0;
	{
		size_t	i;

		for (i = 0; i < s->it.nphases; i++) {
			const struct site_phase *ph = &s->it.phases[i];
			long	o = schedule_phase_racks(ph, day, DEPLOY_ONLINE);

			t->racks_online += o;
			t->gpus_online += o * ph->gpus_per_rack;
		}
	}
	cond.name = "hottest hour";
	cond.tdb = t->tdb;
	cond.twb = t->twb;
	cond.p = p;
	/* the plant is set up only if the answer is not held (capacity.h) */
	if (capacity_solve_min_at(s, day, &cfg, &have_cfg, &cond,
	    (double)t->gpus_online, s->it.utilization, s->it.gpu_power_cap,
	    prev ? prev->gpus_runnable : 0, &t->cap) != 0)
		return -1;
	t->gpus_runnable = t->cap.max_gpus;
	t->binding = t->cap.binding;
	if (!all)
		return 0;
	if (s->it.gpu_power_cap > 0 || s->it.utilization < 1) {
		if (capacity_solve_min_at(s, day, &cfg, &have_cfg, &cond,
		    (double)t->gpus_online, 1.0, 0, prev ? prev->gpus_full_power : 0,
		    &full) != 0)
			return -1;
		t->gpus_full_power = full.max_gpus;
	} else
		t->gpus_full_power = t->gpus_runnable;
	if (!have_cfg)
		plant_cfg_init(&cfg, s, day);
	if (demand_eval(&cfg, (double)t->gpus_online, t->tdb, t->twb, p, &pr) != 0)
		return -1;
	t->demand_w = pr.facility_w;
	t->cooling_w = pr.cooling_capacity_w;
	t->grid_w = supply_grid_at(s, day);
	t->gen_w = supply_gen_at(s, day, t->tdb);
	t->batt_w = supply_batt_power_at(s, day);
	t->supply_margin_w = t->grid_w + t->gen_w - t->demand_w;
	return 0;
}

int
timeline_next(const struct site *s, const struct weather *w, int day,
    const struct tl_day *prev, struct tl_day *t)
{
	return timeline_eval(s, w, day, prev, 1, t);
}

int
timeline_next_runnable(const struct site *s, const struct weather *w, int day,
    const struct tl_day *prev, struct tl_day *t)
{
	return timeline_eval(s, w, day, prev, 0, t);
}

int
timeline_rows(const struct site *s, const struct weather *w, int from, int to,
    struct tl_day *rows)
{
	int	day;

	for (day = from; day <= to; day++)
		if (timeline_next(s, w, day, day > from ? &rows[day - from - 1] : NULL,
		    &rows[day - from]) != 0)
			return -1;
	return 0;
}
