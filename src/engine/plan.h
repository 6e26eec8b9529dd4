/*
 * plan.h - the verdict as data: capacity of the finished site at its design
 * conditions, every target against the build timeline and the design conditions,
 * the build and first year simulated with dispatch, the generator permits, and
 * FEASIBLE or not.
 *
 * GSL style: the caller owns a struct plan_result, plan_result_init() makes it
 * empty, plan_run() fills it (reusing its arrays from one run to the next, so a
 * Monte Carlo or sweep loop allocates nothing after the first trial), and
 * plan_result_release() frees what it holds.  plan_run() reads the site and the
 * weather const and keeps no state outside the result: any number of threads may
 * run plans at once, each with its own result.  It never prints.
 *
 * WHAT FEASIBLE MEANS (for dcplan(1)).  A plan is FEASIBLE when every target holds,
 * the generator permits given are kept, and the first year of operation serves its
 * load.  A target of G GPUs by date D holds when, on every day from D through its
 * horizon H = max(D, full deployment) + 364 days:
 *   - at least G GPUs are online, and
 *   - at that day's hottest hour (its highest dry-bulb with its highest wet-bulb,
 *     an upper bound on every hour of the day), and
 *   - with the equipment in service that day, at both ASHRAE 0.4 % design
 *     conditions (the window is a year long, so the annual design conditions are
 *     the season around it),
 * the firm supply (grid, plus prime- and continuous-duty generators derated at the
 * condition, less redundancy; standby and emergency units excluded), the usable
 * cooling (less redundancy), the UPS and the transformers carry G GPUs at the
 * site's workload (utilisation and power cap), on the monotone envelope of facility
 * power in GPUs (capacity.h).  "Met on M" is the first day M from which the same
 * holds through max(M, full deployment) + 364 days.
 */
#ifndef DCPLAN_PLAN_H
#define DCPLAN_PLAN_H

#include <stddef.h>

#include "capacity.h"
#include "cost.h"
#include "dispatch.h"
#include "sim.h"
#include "timeline.h"

/* How far past full deployment plan looks for the date a target is met, days. */
#define PLAN_LOOKAHEAD_D 730
/* A target's window: from its date (or full deployment) one year on, days. */
#define PLAN_WINDOW_D 364
/*
 * The Clean Air Act Title V major-source threshold: 100 tons per year of a
 * criteria pollutant such as NOx (42 U.S.C. 7602(j), 7661(2); 40 CFR 70.2
 * "major source"), short tons: 100 x 907.18474 kg.
 */
#define PLAN_TITLE_V_NOX_KG 90718.474

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
	PLAN_FIXES = 1 << 3,	/* size the fixes of failing targets */
	PLAN_ALL = PLAN_DESIGN | PLAN_TARGETS | PLAN_YEAR | PLAN_FIXES
};

/* Why a target fails: what is short on its first failing day. */
enum plan_reason {
	PLAN_REASON_NONE,	/* the target holds */
	PLAN_REASON_DEPLOY,	/* fewer than its GPUs online */
	PLAN_REASON_HOT_HOUR,	/* a constraint at a day's hottest hour */
	PLAN_REASON_DESIGN	/* a constraint at a design condition */
};

/* The fixes (bits of plan_target.fixes).  DATE alone, DEPLOY, or SUPPLY (as grid
 * or as generators, either suffices) with COOLING, UPS, TRANSFORMER as needed. */
enum {
	PLAN_FIX_DATE = 1 << 0,		/* move the date to met_on */
	PLAN_FIX_DEPLOY = 1 << 1,	/* have the GPUs online by the date */
	PLAN_FIX_SUPPLY = 1 << 2,	/* firm supply to add, in service by the date */
	PLAN_FIX_COOLING = 1 << 3,	/* chillers to add */
	PLAN_FIX_UPS = 1 << 4,		/* usable UPS output to add */
	PLAN_FIX_TRANSFORMER = 1 << 5	/* transformer capacity to add */
};

struct plan_target {
	const struct site_target *target;	/* into the site */
	size_t	index;			/* in the site's list */
	int	ok;			/* holds from its date through its horizon */
	int	horizon;		/* last day of its window */
	int	met_on;			/* first day from which it holds through
					   max(day, full) + PLAN_WINDOW_D; DATE_NEVER
					   if none within the look-ahead */
	int	met_horizon;		/* the end of met_on's window */
	struct tl_day at_by;		/* the timeline on the target's date */
	/* the first day of the window it fails, and why */
	enum plan_reason reason;
	int	fail_day;
	double	fail_runnable;		/* GPUs that can run there */
	long	fail_online;		/* GPUs online that day */
	enum cap_constraint fail_binding;	/* what binds there */
	const char *fail_condition;	/* "hottest hour" or a design condition */
	double	fail_tdb, fail_twb;	/* degC */
	double	shortfall_gpus;		/* target - fail_runnable, >= 0 */
	int	fail_days;		/* days of the window on which it fails */
	/* design conditions over the window */
	int	design_ok;
	double	design_runnable;	/* fewest GPUs that can run at a design
					   condition on a day of the window */
	int	design_day;
	const char *design_condition;
	enum cap_constraint design_binding;

	/* the fix: everything it needs, each sized on the worst hour of the window
	 * and the design conditions */
	unsigned fixes;
	int	move_to;		/* PLAN_FIX_DATE: met_on */
	long	gpus_short_online;	/* PLAN_FIX_DEPLOY: GPUs missing on the date */
	long	racks_short;		/* the same in racks */
	double	supply_w;		/* PLAN_FIX_SUPPLY: firm supply to add, W */
	int	supply_day;		/* where it is worst */
	const char *supply_condition;
	double	supply_tdb;		/* degC there */
	/* the supply fix as generators of the site's firm model, if any */
	const struct model *gen_model;
	double	gen_unit_w;		/* one unit, derated where it is worst */
	double	gen_derate;		/* gen_unit_w / rating */
	double	gen_tdb;		/* degC of that worst case */
	int	gen_units;		/* units needed (N) */
	int	gen_units_n1;		/* to install with N+1 */
	/* cooling */
	double	cooling_w;		/* chiller capacity short, W */
	int	cooling_day;
	const char *cooling_condition;
	const struct site_units *chiller_group;	/* whose model to add */
	double	chiller_unit_w;		/* one unit's capacity where it is worst */
	int	chillers;		/* units needed (N) */
	int	chillers_n1;		/* with N+1 */
	const struct site_units *tower_group;	/* cells to add with them */
	double	ups_w, transformer_va;
	/* the delay: GPU-hours short from the date to the day before it is met (to
	 * the look-ahead's end when never met), and their value (economics) */
	double	delay_gpu_h;
	double	delay_cost;		/* NaN without a GPU-hour value */
};

struct plan_permit {
	const struct site_generator *gen;	/* into the site */
	double	worst_h;		/* hours per unit in the worst calendar year */
	int	worst_h_year;
	int	worst_h_days;		/* days of that year simulated (partial < 365) */
	double	worst_nox_kg;		/* NOx of the worst calendar year */
	int	worst_nox_year;
	int	worst_nox_days;
	int	max_running;		/* most units at once over the run */
	int	hours_ok, nox_ok, running_ok, ok;	/* against the site's limits */
	int	title_v;		/* NOx above the Title V threshold */
};

struct plan_result {
	int	what;			/* PLAN_* bits computed */
	int	from, to;		/* timeline range (timeline_range) */
	int	full;			/* full deployment date, or `from` */

	/* capacity of the finished site at the design conditions */
	int	cap_day;
	double	gpus_installed;
	struct cap_condition cond[2];
	struct cap_result design;

	/* targets, in site order */
	struct plan_target *targets;
	size_t	ntargets, targets_cap;
	int	targets_ok;

	/* the build and the first year after full deployment */
	int	sim_from, sim_to;	/* simulated days, inclusive */
	struct sim_summary year;
	int	op_from;		/* first day of the first-year check */
	long	op_gpus;		/* GPUs the check runs: the largest target
					   (every GPU online if none) */
	double	unserved_h, unmet_h, peak_unserved_w;
	int	peak_day, peak_minute;
	int	supply_ok, cooling_ok;

	/* permits per generator group, in site order; NOx of all groups in the
	 * worst calendar year against Title V */
	struct plan_permit permits[DISPATCH_MAX_GROUPS];
	size_t	npermits;
	int	permits_ok;
	double	site_nox_kg;
	int	site_nox_year, site_nox_days;
	int	site_title_v;

	/* costs of the build and first year (computed when the site has prices) */
	struct cost_result cost;
	struct cost_acc cost_acc;	/* kept for reuse between runs */

	int	feasible;

	/* scratch (reused between runs): the timeline day by day from day0 (the
	 * first delivery, or an earlier target date) */
	int	day0;
	struct plan_day {
		double	runnable;
		long	online;
		enum cap_constraint binding;
		double	tdb, twb;
		int	bad;		/* per target, while it is evaluated */
	} *days;
	size_t	ndays, days_cap;
	int	*changes;		/* equipment change dates */
	size_t	nchanges, changes_cap;
	struct plan_design_check {
		int	day;		/* start of an interval of the same equipment */
		int	ok;
		double	runnable;
		int	cond;		/* the design condition that binds */
		enum cap_constraint binding;
	} *dchecks;
	size_t	ndchecks, dchecks_cap;
	struct tl_day tl_prev;
};

void	plan_result_init(struct plan_result *);
void	plan_result_release(struct plan_result *);

/* The verdict on a site with its weather year.  what: PLAN_* bits.  Returns
 * PLAN_OK or a status code (the result is then incomplete). */
int	plan_run(const struct site *, const struct weather *, int what,
	    struct plan_result *);

const char *plan_status_str(int status);

/* The days plan_run simulates for the build and the first year (sim_from,
 * sim_to), without running it. */
void	plan_window(const struct site *, int *from, int *to);
const char *plan_reason_name(enum plan_reason);

#endif
