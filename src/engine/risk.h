/*
 * risk.h - Monte Carlo over schedule slips and equipment failures (dcplan risk).
 *
 * A trial samples every uncertain input (an item's own delay, a delay group's shared
 * draw, a delivery-rate factor) from the stream (seed, trial, 0), moves the dated
 * items of a private copy of the site, and finds for each target the first day it
 * can run (the site carries the target's GPUs at that day's hottest hour: supply,
 * cooling, UPS and transformer, with the GPUs online - the rule plan uses).  It
 * then runs the first year after full deployment hour by hour with each unit of
 * every group that has a reliability failing and being repaired (unit u's stream is
 * (seed, trial, 1 + u)): supply against the facility demand with batteries
 * dispatched, chillers against the cooling load, and for every group the hours in
 * which the units available fall below the units the load needs.
 *
 * What does not change between trials is computed once by risk_model_init: the
 * weather's hottest hour per day, the plant's demand and cooling load at every hour
 * of the weather year with the whole fleet, and the IT load of each target.
 *
 * All results go into a struct risk_acc of integers (stats.h), so trials may run
 * on any thread in any order, or in shards merged later, with identical results.
 */
#ifndef DCPLAN_RISK_H
#define DCPLAN_RISK_H

#include <stddef.h>
#include <stdint.h>

#include "capacity.h"
#include "dist.h"
#include "plant.h"
#include "site.h"
#include "stats.h"
#include "weather.h"

#define RISK_NAME_LEN 96
#define RISK_YEAR_H 8760

/* An uncertain input: what the tornado ranks. */
struct risk_input {
	char	name[RISK_NAME_LEN];
	const struct dist *dist;
	int	rate;			/* a delivery-rate factor, not days */
};

enum risk_group_kind { RG_GEN, RG_BATT, RG_CHILLER, RG_TOWER, RG_DRYCOOLER };

/* An equipment group watched for redundancy exhausted. */
struct risk_group {
	char	name[RISK_NAME_LEN];
	enum risk_group_kind kind;
	size_t	index;			/* in its site array */
	int	count;
	const struct reliability *rel;	/* NULL: never fails */
	int	unit0;			/* global index of its first unit */
};

/* What one weather year gives, computed once (risk_model_init). */
struct risk_year {
	const struct weather *wx;
	double	cum_weight;		/* P(year <= this one) */
	/* per day of the weather year: the hottest hour; then the design conditions */
	double	peak_tdb[366], peak_twb[366], peak_p[366];
	struct cap_condition cond[368];
	int	have_design[2];
	/* per hour of the weather year, the whole fleet running */
	size_t	nh;
	double	*demand_w, *q_mech_w, *q_reject_w, *ch_unit_frac;
	double	*gen_unit_w;		/* [group * nh + hour]: a unit's derated W */
	double	*gen_cond_w;		/* [cond * ngens + gen]: a firm generator
					   unit's output at each condition, W (0
					   for a backup unit or no model) */
};

struct risk_model {
	const struct site *site;
	size_t	ninputs;
	struct risk_input *inputs;
	size_t	ngroups;
	struct risk_group *groups;
	int	nunits;
	size_t	nyears;			/* weather years a trial samples from */
	struct risk_year *years;
	double	*cell_w;		/* per group: a tower cell's or dry cooler's
					   design heat rejection, W */
	size_t	*batt_groups, nbatt_groups;
	size_t	*gen_groups, ngen_groups;	/* groups by kind, in group order */
	size_t	*chiller_groups, nchiller_groups;
	size_t	*cool_groups, ncool_groups;	/* chillers, towers, dry coolers */
	double	*chiller_qref;		/* per chiller group: a unit's rating, W */
	size_t	gen_rel_end, cool_rel_end;	/* 1 + the last of gen_groups,
					   cool_groups that can fail (0: none) */
	int	cool_rel;		/* a cooling group can fail */
	/* per target: its IT load */
	struct it_load *target_it;
	int	hist_sentinel;		/* day recorded for "never met" */
	long	band_fleet;		/* GPUs of every phase's racks */
	long	doy_lo;			/* doy[i]: the weather day of day doy_lo + i */
	size_t	ndoy;
	short	*doy;
	/* trials 0 .. cost_trials - 1 are also costed (struct risk_cost), for a
	 * site with prices; 0: none.  The caller sets it after the init. */
	uint64_t cost_trials;
};

/* Zeroed model; 0, or -1 (out of memory or the plant model failed). */
int	risk_model_init(struct risk_model *, const struct site *, const struct weather *);
/*
 * The same over nw weather years: each trial samples its year, year k with
 * probability weights[k] / sum(weights) (all equal when weights is NULL), from
 * its own stream after its inputs (risk_trial).  The weathers must outlive m.
 */
int	risk_model_init_years(struct risk_model *, const struct site *,
	    const struct weather *wx, size_t nw, const double *weights);
void	risk_model_release(struct risk_model *);

struct risk_target_acc {
	struct stat_sum met;		/* 1 if met by its date */
	struct stat_sum delay;		/* days late (0 if on time), met trials */
	uint64_t never;			/* not met within the look-ahead */
	struct day_hist days;		/* met date (never: hist_sentinel), scores */
	uint64_t *critical;		/* per input: the item that completed it */
	uint64_t critical_weather;	/* nothing arrived that day: the weather */
};

struct risk_group_acc {
	struct stat_sum hours;		/* hours of redundancy exhausted per trial */
	struct stat_sum any;		/* 1 if any */
};

/*
 * A costed trial: the cost of the build and its first year on the trial's
 * dates (plan_run's dispatch of the trial's site: its delays, not its unit
 * outages), and that plus its targets' cost of delay (days late x
 * risk_delay_cost_per_day; a target never met counts to the model's
 * hist_sentinel; NaN without a GPU-hour value).
 */
struct risk_cost {
	uint64_t trial;
	double	year, with_delay;
};

struct risk_acc {
	size_t	ntargets, ninputs, ngroups, nyears;
	struct risk_cost *cost;		/* the costed trials, in no order */
	size_t	ncost, capcost;
	uint64_t trials;
	uint64_t *year_trials;		/* per weather year: trials that drew it */
	struct risk_target_acc *t;
	struct risk_group_acc *g;
	struct stat_sum lole_h;		/* hours with unserved load, first year */
	struct stat_sum eue_wh;		/* unserved energy, Wh */
	struct stat_sum demand_wh;	/* energy demanded, Wh */
	struct stat_sum unmet_cool_h;	/* hours with unmet cooling */
	struct tail_hist *eue_tail;	/* for the CVaR */
	uint64_t *lolp;			/* [hour of the weather year]: trials with
					   load unserved in that hour */
	/* the band of GPUs online: per level k of RISK_BAND_LEVELS
	 * (risk_band_level), the first day each trial's GPUs online reach it
	 * (never: the model's hist_sentinel); band_fleet is the fleet's GPUs
	 * the levels divide (0 until a trial sets it) */
	long	band_fleet;
	struct day_hist *band;
};

/* GPU levels of the band: level k (0 .. RISK_BAND_LEVELS - 1) is
 * ceil(fleet x (k + 1) / RISK_BAND_LEVELS) GPUs, so the band's resolution is
 * fleet / RISK_BAND_LEVELS GPUs. */
#define RISK_BAND_LEVELS 40
long	risk_band_level(long fleet, size_t k);
/* The q-quantile (0 < q < 1) of GPUs online at the end of day, on the level
 * grid: the largest level whose P(reached by day) >= 1 - q, counted exactly in
 * integers; 0 when none is. */
long	risk_band_quantile(const struct risk_acc *, int day, double q);

int	risk_acc_init(struct risk_acc *, size_t ntargets, size_t ninputs, size_t ngroups);
/* The same for a model of nyears weather years. */
int	risk_acc_init_years(struct risk_acc *, size_t ntargets, size_t ninputs,
	    size_t ngroups, size_t nyears);
void	risk_acc_release(struct risk_acc *);
int	risk_acc_merge(struct risk_acc *, const struct risk_acc *);
/* Keep one costed trial: 0, or -1 out of memory. */
int	risk_acc_add_cost(struct risk_acc *, const struct risk_cost *);

/*
 * The cost of one day of target t's delay: the target counts whole until its met
 * day, so each day past its date costs its GPUs x 24 h x the site's value of a
 * GPU-hour (economics.gpu_hour; dcplan-site(5)).  NaN without that value.  The
 * delay-cost statistics of a run follow from the days-late ones exactly (the
 * met-date histogram, the mean and its standard error), so they merge as they do.
 */
double	risk_delay_cost_per_day(const struct site *, size_t target);

/* Per-thread scratch: the site copy, the failure counts, the generator. */
struct risk_scratch;
struct risk_scratch *risk_scratch_new(const struct risk_model *);
void	risk_scratch_free(struct risk_scratch *);

/* One trial into acc.  0, or -1 (out of memory or the plant model failed). */
int	risk_trial(const struct risk_model *, struct risk_scratch *, uint64_t seed,
	    uint64_t trial, struct risk_acc *);

/*
 * Trials first .. first + n - 1 with index i kept when i % shard_n == shard_k - 1,
 * on `threads` OpenMP threads (0: the default); progress(arg, done, total) is
 * called from one thread now and then if not NULL.  0, or -1.
 */
int	risk_run(const struct risk_model *, uint64_t seed, uint64_t first, uint64_t n,
	    int shard_k, int shard_n, int threads, struct risk_acc *,
	    void (*progress)(void *, uint64_t, uint64_t), void *arg);

#endif
