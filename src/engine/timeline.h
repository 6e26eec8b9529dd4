/*
 * timeline.h - the build day by day: racks and GPUs online, the GPUs the supply and the
 * cooling plant can carry at that day's hottest hour, and what binds.
 */
#ifndef DCPLAN_TIMELINE_H
#define DCPLAN_TIMELINE_H

#include "capacity.h"
#include "weather.h"

struct tl_day {
	int	day;
	double	tdb, twb;		/* hottest hour of the day */
	long	racks_online, gpus_online;
	double	gpus_runnable;		/* at the site's workload (power cap if any) */
	double	gpus_full_power;	/* uncapped, at full utilisation */
	double	demand_w;		/* facility power with every online GPU running */
	double	grid_w, gen_w, batt_w;	/* supply by source (gens derated) */
	double	cooling_w;		/* cooling capacity at the hot hour */
	double	supply_margin_w;	/* grid + gens - demand */
	enum cap_constraint binding;	/* what limits gpus_runnable */
	struct cap_result cap;
};

/* One day.  0, or -1 if the plant model failed. */
int	timeline_day(const struct site *, const struct weather *, int day,
	    struct tl_day *);
/* The same, warm-started from the previous day's row (or NULL): days in sequence
 * cost a few plant evaluations each. */
int	timeline_next(const struct site *, const struct weather *, int day,
	    const struct tl_day *prev, struct tl_day *);
/* The same with only the GPUs online and runnable, what binds and the hottest
 * hour filled in (gpus_runnable, binding and cap equal timeline_next's for
 * the same prev): the plan's timeline. */
int	timeline_next_runnable(const struct site *, const struct weather *, int day,
	    const struct tl_day *prev, struct tl_day *);

/* Days from..to into rows[0..to-from], each warm-started from the one before.
 * 0, or -1 if the plant model failed. */
int	timeline_rows(const struct site *, const struct weather *, int from, int to,
	    struct tl_day *rows);

/* Range of days a timeline covers: first delivery to full deployment plus the
 * horizon (simulation.horizon). */
void	timeline_range(const struct site *, int *from, int *to);

#endif
