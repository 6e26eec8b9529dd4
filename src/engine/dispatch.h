/*
 * dispatch.h - one time step of supply dispatch: how the grid, on-site
 * generators and batteries serve the facility load.  Pure and allocation-free:
 * everything that persists between steps (battery energy, generator hours)
 * belongs to the caller, so it runs inside Monte Carlo loops and threads.
 *
 * DISPATCH POLICY (for dcplan-site(5) and the commands' man pages)
 *
 * Sources are taken in an order that depends on the site's dispatch policy:
 *
 *   grid-first       grid, then generators (base-role groups, then peak-role),
 *                    then batteries.
 *   generators-base  base-role generators, then the grid, then peak-role
 *                    generators, then batteries.
 *   peak-shave       grid, then base-role generators, then batteries; peak-role
 *                    generators start only for what the batteries cannot cover.
 *
 * Whatever is still not served is unserved load.
 *
 * Generators.  Within a role, groups run in merit order: lowest full-load heat
 * rate first (ties in site order).  A group commits whole units: the fewest
 * units whose derated output covers what is left to serve, all loaded equally.
 * If that share is below the units' minimum stable load (min_load x derated
 * output) the units run at minimum load anyway (this is the case when what is
 * left is below one unit's minimum load: one unit runs at its minimum load).
 * A group that cannot cover what is left runs all the units it may at full
 * derated output and the next group in merit order takes the rest.  Units
 * start instantly (start-up time and ramp rates are not modelled).
 *
 * Min-load surplus.  Output that a minimum load forces above what is needed
 * goes, in this order: to less battery discharge (peak-shave), to charging the
 * batteries, to a smaller grid import, and what is still left is curtailed:
 * the units are backed down below their minimum load (reported as
 * curtailed_w, a sign the site runs a unit too lightly).  Curtailed power is
 * never generated and burns no fuel.
 *
 * Batteries.  Groups discharge and charge in site order, each within its power
 * rating and its state-of-charge window; losses are sqrt(round-trip
 * efficiency) each way (battery.h).  Whenever the grid has headroom (capacity
 * minus what it carries) the batteries charge from it, under every policy.
 * Generators charge batteries only with min-load surplus.
 *
 * Permits.  max_running caps the units of a group running at once.
 * max_hours is a budget of hours per unit per year; units are assumed to be
 * rotated so the group's hours spread evenly, so a group may run at most
 * floor((units on site x max_hours - unit-seconds used) / dt) units in a step
 * (none once the budget is spent).  The caller keeps the year's unit-seconds
 * (sum dispatch_out.unit_s) in dispatch_gen.hours_used_s, and applies the
 * annual NOx cap itself (dispatch_out.nox_group_kg), e.g. by setting units to
 * 0 once a group's cap is reached.
 *
 * Energy balance, every step, all terms >= 0:
 *   grid_w + gen_w + batt_discharge_w = demand_w - unserved_w + batt_charge_w
 */
#ifndef DCPLAN_DISPATCH_H
#define DCPLAN_DISPATCH_H

#include "dclimits.h"
#include "site.h"

#define DISPATCH_MAX_GROUPS	DC_MAX_GEN_GROUPS	/* generator groups, and battery groups */
#if DC_MAX_BATT_GROUPS != DC_MAX_GEN_GROUPS
#error "dispatch sizes both kinds of group by DISPATCH_MAX_GROUPS"
#endif

struct generator_model;
struct battery_model;

struct dispatch_gen {
	const struct generator_model *model;	/* NULL: the group is ignored */
	int	units;		/* usable now: on site, less redundancy */
	int	units_site;	/* on site, over which hours rotate (0: units) */
	enum gen_role role;
	double	avail_w;	/* W per unit at this ambient (derated) */
	int	max_running;	/* permit: most units at once, 0 = no limit */
	double	max_hours_s;	/* permit: s per unit per year, 0 = no limit */
	double	hours_used_s;	/* unit-seconds the group ran so far this year */
};

struct dispatch_batt {
	const struct battery_model *model;	/* NULL: the group is ignored */
	int	count;		/* units in service now (0 = none) */
};

struct dispatch_in {
	double	demand_w;	/* facility power to serve, W */
	double	dt;		/* step, s */
	double	grid_w;		/* grid capacity this step (feeds in service, import limits applied) */
	int	ngen;
	const struct dispatch_gen *gens;
	int	nbatt;
	const struct dispatch_batt *batts;
	enum dispatch_policy policy;
	/* dispatch_prepare: the checks and the merit order of what stays the
	 * same from step to step (a day's groups) */
	int	prepared;
	int	norder;
	int	order[DISPATCH_MAX_GROUPS];
};

/* Check what a day keeps (the groups, their units and permits, the policy) and
 * put the generator groups in merit order once, for the steps that follow:
 * then only demand_w, grid_w, dt and each group's avail_w and hours_used_s may
 * change (dispatch_step still checks those).  0, or -1 for invalid input (as
 * dispatch_step).  Changing anything else afterwards needs a new call. */
int	dispatch_prepare(struct dispatch_in *);

struct dispatch_out {
	double	grid_w;			/* drawn from the grid, battery charging included */
	double	gen_w;			/* generated */
	double	batt_discharge_w;	/* delivered by batteries */
	double	batt_charge_w;		/* taken by batteries (grid headroom and min-load surplus) */
	double	unserved_w;		/* demand not served */
	double	curtailed_w;		/* min-load output nobody could take (not generated) */
	double	grid_headroom_w;	/* grid capacity left unused */
	double	fuel_w;			/* fuel burnt, W (LHV, the heat rate's basis) */
	double	fuel_j;			/* fuel burnt this step, J */
	double	co2_kg;			/* this step */
	double	nox_kg;			/* this step */
	int	units_running[DISPATCH_MAX_GROUPS];	/* per generator group */
	double	gen_group_w[DISPATCH_MAX_GROUPS];	/* W per generator group */
	double	unit_s[DISPATCH_MAX_GROUPS];		/* unit-seconds run this step */
	double	nox_group_kg[DISPATCH_MAX_GROUPS];	/* kg NOx per group this step */
	double	fuel_group_w[DISPATCH_MAX_GROUPS];	/* W of fuel (LHV) per group */
	double	batt_group_w[DISPATCH_MAX_GROUPS];	/* per battery group: + discharge, - charge */
};

/*
 * One step.  batt_e[i] is the energy stored in battery group i (J, all its
 * units together; nbatt entries), updated in place.  Returns 0, or -1 for
 * invalid input (negative or non-finite power or energy, dt <= 0, too many
 * groups, unknown policy): then *out is zeroed and batt_e is left alone.
 * The per-group arrays of *out are written for the groups there are (ngen,
 * nbatt entries); later entries are left as they were (zero them once).
 */
int	dispatch_step(const struct dispatch_in *, double *batt_e, struct dispatch_out *);

/*
 * From the site, for a day: generator groups (units usable under redundancy
 * and max_running, units on site, derated output at t_amb degC, permits;
 * hours_used_s = 0, the caller fills it) and battery groups (count, or 0
 * before they are available).  out has room for DISPATCH_MAX_GROUPS.
 * Return 0, or -1 if the site has more groups than that (*n = 0).
 */
int	dispatch_gens_from_site(const struct site *, int day, double t_amb,
	    struct dispatch_gen *out, int *n);
int	dispatch_batts_from_site(const struct site *, int day, struct dispatch_batt *out,
	    int *n);
/* Energy each battery group holds at the start: initial_soc x count x energy (J). */
void	dispatch_batt_init(const struct site *, double *batt_e);
/*
 * Everything but demand_w and dt: grid capacity, generator and battery groups
 * (into the caller's gens and batts, DISPATCH_MAX_GROUPS each) and the policy.
 * Returns 0 or -1 as dispatch_gens_from_site.
 */
int	dispatch_in_from_site(const struct site *, int day, double t_amb,
	    struct dispatch_gen *gens, struct dispatch_batt *batts, struct dispatch_in *);
/* The same without dispatch_prepare (the caller prepares before stepping). */
int	dispatch_in_fill(const struct site *, int day, double t_amb,
	    struct dispatch_gen *gens, struct dispatch_batt *batts, struct dispatch_in *);

#endif
