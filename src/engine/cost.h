/*
 * cost.h - what a plan costs: grid tariffs, generator fuel, O&M, rentals and
 * ownership, batteries, water and CO2, and the cost of a target's delay.
 *
 * Prices are per SI unit in the site's one currency: per J of energy, per W-month
 * of demand or rental, per m3 of water, per kg of CO2, per GPU-second of delay
 * value.  Nothing here is a default price: a site gives every price it wants
 * counted (dcplan-site(5) ECONOMICS); a site without an economics section gets no
 * costs at all.
 *
 * Proration (documented in dcplan-site(5)):
 * - a month is a calendar month; fixed and demand charges are billed for every
 *   calendar month the window touches while the feed is in service, the demand
 *   charge on that month's peak grid draw (no proration of partial months, as
 *   utilities bill);
 * - rentals accrue by the day at rate x 12 / 365 per day in service, plus
 *   mobilisation when a group is first available inside the window and
 *   demobilisation when it leaves inside it;
 * - ownership: capex x CRF(i, life) per year, and fixed O&M per year, both by the
 *   day (x days / 365).
 */
#ifndef DCPLAN_COST_H
#define DCPLAN_COST_H

#include <stddef.h>

#include "dclimits.h"

struct site;
struct sim_step;

#define COST_TOU_MAX	DC_MAX_TOU_PERIODS

struct econ_tou {
	unsigned months;	/* bit m-1 set: applies in month m */
	int	hour_from, hour_to;	/* local standard hours [from, to) */
	double	price_per_j;
};

struct econ_feed {
	int	feed;			/* index into site power.feeds */
	double	energy_per_j;		/* flat energy price */
	struct econ_tou tou[COST_TOU_MAX];
	size_t	ntou;
	double	demand_per_w_month;	/* on the billing month's peak */
	double	fixed_per_month;
};

struct econ_gen {
	int	gen;			/* index into site power.gens */
	double	fuel_per_j[12];		/* by calendar month, per J of fuel (LHV) */
	double	vom_per_j;		/* per J generated */
	int	rented;
	double	rent_per_w_month;	/* on the group's ISO rating */
	double	rent_per_unit_month;
	double	mobilise, demobilise;	/* per group, once */
	int	owned;
	double	capex;			/* per group */
	double	life_y;
	double	fixed_om_per_year;	/* per group */
};

struct econ_batt {
	int	batt;			/* index into site power.batts */
	int	leased;
	double	lease_per_month;	/* per group */
	int	owned;
	double	capex, life_y, fixed_om_per_year;	/* per group */
};

struct site_econ {
	char	currency[8];		/* ISO 4217 code, e.g. "USD" */
	double	discount_rate;		/* fraction per year */
	double	gpu_hour;		/* value of a GPU-hour; NaN if not given */
	double	water_per_m3;		/* NaN if not given */
	double	co2_per_kg;		/* 0 if not given */
	struct econ_feed *feeds;
	size_t	nfeeds;
	struct econ_gen *gens;
	size_t	ngens;
	struct econ_batt *batts;
	size_t	nbatts;
};

enum cost_cat {
	COST_ENERGY, COST_DEMAND, COST_FIXED, COST_FUEL, COST_VOM, COST_RENTAL,
	COST_CAPEX, COST_FIXED_OM, COST_WATER, COST_CO2, COST_NCAT
};

struct cost_result {
	int	computed;		/* the site has prices */
	double	cat[COST_NCAT];		/* by category */
	double	total;			/* the sum of the categories */
	double	facility_j;		/* facility energy served in the window */
	double	gpu_hours;		/* GPU-hours delivered (online, served share) */
	double	per_mwh;		/* total per MWh of facility energy served */
	double	per_gpu_hour;		/* total per GPU-hour delivered */
	double	bridge_share;		/* share of energy from generators and batteries */
};

/* Accumulator for one window; caller-owned, re-usable. */
struct cost_acc {
	const struct site *s;
	int	from, to;		/* days, inclusive */
	int	month0;			/* first month (year * 12 + month - 1) */
	int	nmonths;
	double	*peak_w;		/* [nmonths x nfeeds]: peak grid draw per feed */
	unsigned char *served;		/* [nmonths x nfeeds]: feed in service */
	size_t	cap;
	double	cat[COST_NCAT];
	double	facility_j, gen_j, batt_j, gpu_s;
	int	day, month, mi;		/* the last step's day, its month (1-12)
					   and month index (DATE_NONE: none yet) */
	double	*feed_cap, total_cap;	/* that day: each priced feed's capacity
					   and their sum, W */
	size_t	feed_cap_n;
};

/* Capital recovery factor i (1+i)^n / ((1+i)^n - 1); 1/n when i is 0. */
double	cost_crf(double i, double n);

void	cost_acc_init(struct cost_acc *);
void	cost_acc_release(struct cost_acc *);
/* Start a window [from, to] for site s (which must have prices).  0, or -1 when
 * out of memory. */
int	cost_begin(struct cost_acc *, const struct site *, int from, int to);
/*
 * A window's costs are added up a day at a time: cost_day_begin sets the
 * day's month and each priced feed's capacity; cost_day_step adds a step
 * to a day's sums d (cost_day_len doubles, zeroed by the caller), which
 * depend only on the site's prices, the day, the feeds' capacities and the
 * steps (gpus_online: GPUs online that step; the GPU-hours delivered count
 * them less the share of the load left unserved); cost_day_end adds them to
 * the window.  A window's costs are the sum of its
 * days' in day order, so a day's sums kept from one plan serve another whose
 * steps and cost_day_fingerprint that day are the same (sim.h, day sinks).
 */
size_t	cost_day_len(const struct cost_acc *);
void	cost_day_begin(struct cost_acc *, int day);
void	cost_day_step(const struct cost_acc *, double *d, const struct sim_step *,
	    double dt, double gpus_online);
void	cost_day_end(struct cost_acc *, const double *d);
/* Everything cost_day_step reads that day besides the steps (after
 * cost_day_begin): the month, each priced feed's capacity and energy prices,
 * each priced generator group's fuel price that month and its VOM.  Its length
 * in bytes, or (size_t)-1 when it does not fit in cap. */
size_t	cost_day_fingerprint(const struct cost_acc *, unsigned char *buf, size_t cap);

/* Close the window: demand, fixed, rental and ownership charges and the totals. */
void	cost_end(struct cost_acc *, double water_m3, double co2_kg,
	    struct cost_result *);

/* Energy price of feed f at a local standard hour of a calendar month (1..12). */
double	cost_energy_price(const struct econ_feed *, int month, int hour);
/* Cost of generator group g's rental or ownership over [from, to]. */
double	cost_gen_fixed(const struct site *, const struct econ_gen *, int from, int to,
	    int *is_rental);

const char *cost_cat_name(enum cost_cat);

struct model;
struct site_generator;
/* Renting UNITS more units of generator model M over days [from, to], at the
 * rental terms of the site's first rented group of that model (*priced_as; NULL
 * and 0 when none is priced): rate by the day plus that group's mobilisation and
 * demobilisation. */
double	cost_rent_units(const struct site *, const struct model *m, int units,
	    int from, int to, const struct site_generator **priced_as);


#endif
