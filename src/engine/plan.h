/*
 * plan.h - the verdict as data: capacity of the finished site at its design
 * conditions, every target against the build timeline, the build and first year
 * simulated with dispatch, the generator permits, and FEASIBLE or not.
 *
 * GSL style: the caller owns a struct plan_result, plan_result_init() makes it
 * empty, plan_run() fills it (reusing its arrays from one run to the next, so a
 * Monte Carlo or sweep loop allocates nothing after the first trial), and
 * plan_result_release() frees what it holds.  plan_run() reads the site and the
 * weather const and keeps no state outside the result: any number of threads may
 * run plans at once, each with its own result.  It never prints.
 */
#ifndef DCPLAN_PLAN_H
#define DCPLAN_PLAN_H

#include <stddef.h>

#include "capacity.h"
#include "dispatch.h"
#include "sim.h"
#include "timeline.h"

/* How far past full deployment plan looks for the date a target is met, days. */
#define PLAN_LOOKAHEAD_D 730

/* Status codes of plan_run. */
enum plan_status {
	PLAN_OK = 0,
	PLAN_ENOMEM,		/* out of memory */
	PLAN_ECAPACITY,		/* the capacity solver failed (plant model) */
	PLAN_ETIMELINE,		/* the plant model failed on a day of the timeline */
	PLAN_ESIM		/* the simulation failed */
};

/* What plan_run computes (bits; PLAN_ALL for the whole verdict). */
enum {
	PLAN_DESIGN = 1 << 0,	/* capacity at the design conditions */
	PLAN_TARGETS = 1 << 1,	/* targets against the timeline */
	PLAN_YEAR = 1 << 2,	/* build and first year: simulation, permits */
	PLAN_ALL = PLAN_DESIGN | PLAN_TARGETS | PLAN_YEAR
};

/* What would make a failing target pass. */
enum plan_fix_kind {
	PLAN_FIX_NONE,		/* the target passes */
	PLAN_FIX_DEPLOY,	/* too few GPUs online by the date: deliver earlier */
	PLAN_FIX_SUPPLY,	/* supply binds: add supply before the date */
	PLAN_FIX_OTHER		/* cooling, UPS or transformer binds */
};

struct plan_target {
	const struct site_target *target;	/* into the site */
	int	ok;			/* met on or before its date */
	int	met_on;			/* first day met, DATE_NEVER if not within the
					   look-ahead */
	struct tl_day at_by;		/* the timeline on the target's date */
	double	shortfall_gpus;		/* target - runnable on the date, >= 0 */
	enum cap_constraint binding;	/* what limits the runnable count */
	int	deployment_binds;	/* runnable == online: the build binds */
	/* the fix */
	enum plan_fix_kind fix;
	double	extra_supply_w;		/* supply that would carry the target on `by` */
	long	racks_short;		/* PLAN_FIX_DEPLOY: racks' worth missing */
};

struct plan_permit {
	const struct site_generator *gen;	/* into the site */
	double	worst_h;		/* hours per unit in the worst calendar year */
	int	worst_h_year;
	double	worst_nox_kg;		/* NOx of the worst calendar year */
	int	worst_nox_year;
	int	max_running;		/* most units at once over the run */
	int	hours_ok, nox_ok, running_ok, ok;	/* against the site's limits */
};

struct plan_result {
	int	what;			/* PLAN_* bits computed */
	int	from, to;		/* timeline range (timeline_range) */
	int	full;			/* full deployment date (schedule_full_date) */

	/* capacity of the finished site at the design conditions */
	int	cap_day;
	double	gpus_installed;
	struct cap_condition cond[2];
	struct cap_result design;

	/* targets, in site order */
	struct plan_target *targets;
	size_t	ntargets, targets_cap;

	/* the build and the first year after full deployment */
	int	sim_from, sim_to;	/* simulated days, inclusive */
	struct sim_summary year;
	int	op_from;		/* first day of the first-year check */
	double	unserved_h, unmet_h, peak_unserved_w;
	int	peak_day, peak_minute;
	int	supply_ok, cooling_ok;

	/* permits per generator group, in site order */
	struct plan_permit permits[DISPATCH_MAX_GROUPS];
	size_t	npermits;

	int	feasible;
};

void	plan_result_init(struct plan_result *);
void	plan_result_release(struct plan_result *);

/* The verdict on a site with its weather year.  what: PLAN_* bits.  Returns
 * PLAN_OK or a status code (the result is then incomplete). */
int	plan_run(const struct site *, const struct weather *, int what,
	    struct plan_result *);

const char *plan_status_str(int status);

#endif
