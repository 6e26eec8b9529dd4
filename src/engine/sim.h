/*
 * sim.h - the time-stepped simulation: at each step the deployed fleet and the
 * workload give IT power, the plant runs at that step's weather, and the result is
 * facility power and water.  Steps go to a caller's sink (streamed, constant memory);
 * the summary accumulates as it goes.  Re-entrant: all state is in the arguments.
 */
#ifndef DCPLAN_SIM_H
#define DCPLAN_SIM_H

#include "dispatch.h"
#include "plant.h"
#include "weather.h"

struct sim_day_sink;
struct sim_step;

struct sim_opts {
	int	from_day;	/* first day (days since 1970-01-01) */
	int	to_day;		/* last day, inclusive */
	double	step_s;		/* 3600 or 900 */
	int	full_fleet;	/* every rack online, ignoring the schedule */
	int	equip_day;	/* != 0: the equipment in service on this day runs
			   every day (the finished site, with full_fleet) */
	double	gpu_limit;	/* > 0: at most this many GPUs run (the first of
			   the deployment); the rest are idle spares, off */
	const struct sim_day_sink *day_sink;	/* instead of the step sink */
};

/*
 * A sink that sums its steps a day at a time (plan's year): begin(day) starts
 * the day (its own bookkeeping: calendar years, prices), step() adds a step to
 * the day's sums acc (acc_n doubles, zeroed by sim_run), end() adds a day's
 * sums to the sink's totals.  Whatever step() reads beyond the step must be
 * the same for the whole day and be written by fingerprint() after begin():
 * its byte length, or (size_t)-1 when it does not fit in cap.
 *
 * With a day sink, a site's memo (pmemo.h) and a nonzero site day_group, a day
 * whose inputs - the day's fleet and plant steps, its grid, generator and
 * battery groups, the batteries' energy and the hour budgets used so far, and
 * the sink's fingerprint - equal a day already run in that day group takes
 * that day's sums and end state from the memo instead of its steps.  The
 * summary and the sink's totals add up days in order either way, so the
 * result is the same bit for bit.
 */
struct sim_day_sink {
	void	*arg;
	size_t	acc_n;
	double	*acc;
	void	(*begin)(void *arg, int day);
	void	(*step)(void *arg, double *acc, const struct sim_step *);
	void	(*end)(void *arg, const double *acc, int day);
	size_t	(*fingerprint)(void *arg, int day, unsigned char *buf, size_t cap);
};

struct sim_step {
	long	index;
	int	day;
	int	minute;		/* minute of the day, local standard time */
	double	util;
	struct wx_point wx;
	const struct plant_result *plant;	/* the plant this step (valid during
					   the sink's call) */
	int	outside_class;	/* servers outside their ASHRAE class this step */
	struct dispatch_out disp;	/* supply dispatch of facility power */
	double	batt_soc;	/* stored energy of all batteries, fraction of nameplate */
	double	grid_cap_w;	/* grid capacity this step (feeds in service, import limits) */
	double	gen_cap_w;	/* generators usable this step (at most max_running), derated */
};

struct sim_summary {
	long	steps;
	double	hours;
	/* energy, J */
	double	e_it, e_facility, e_chiller, e_tower_fan, e_drycooler_fan, e_crah;
	double	e_pumps, e_cdu, e_elec_loss;
	double	pue_worst;
	int	pue_worst_day, pue_worst_minute;
	double	peak_facility_w;
	int	peak_day, peak_minute;
	double	peak_it_w;
	/* water, m3 */
	double	water_m3, evap_m3, drift_m3, blowdown_m3;
	double	water_peak_day_m3;
	int	water_peak_day;
	int	days;
	/* hours */
	double	mode_hours[3];
	double	unmet_hours, unmet_mwh, outside_hours;
	/* cooling plant: hours with heat the towers could not reject, with chillers
	 * above PLR 1, with chiller curves evaluated at their limits (any input,
	 * the condenser water) */
	double	unmet_reject_hours, emergency_hours, clamp_hours, clamp_cw_hours;
	double	tdb_max, twb_max;
	/* supply, J and kg */
	double	e_grid, e_gen, e_batt_out, e_batt_in, e_unserved, e_curtailed;
	double	unserved_hours, peak_unserved_w;
	double	fuel_j, co2_kg, nox_kg;
	double	gen_unit_s[DISPATCH_MAX_GROUPS];	/* unit-seconds per group */
	int	gen_max_running[DISPATCH_MAX_GROUPS];
	double	gen_nox_kg[DISPATCH_MAX_GROUPS];
};

typedef int (*sim_sink_fn)(void *arg, const struct sim_step *);

/* 0, or -1 if the plant model failed (bad weather), or the sink's non-zero value.
 * The sink may be NULL (none, or opts.day_sink).  The summary's sums are added
 * a day at a time. */
int	sim_run(const struct site *, const struct weather *, const struct sim_opts *,
	    sim_sink_fn, void *arg, struct sim_summary *);

/* Hour of the typical weather year for a calendar day and minute (Feb 29 reads
 * Feb 28). */
double	sim_hour_of_year(int day, int minute);

#endif
