/*
 * site.h - the site model: everything a site file says, resolved and in SI units.
 * Plain data: the engine reads it (const) from any number of threads at once.
 * Dates are days since 1970-01-01 (date.h); DATE_NONE means "always" / "never".
 */
#ifndef DCPLAN_SITE_H
#define DCPLAN_SITE_H

#include <stdint.h>

#include <limits.h>
#include <stddef.h>

#include "dist.h"
#include "model.h"
#include "swings.h"
#include "reliability.h"
#include "weather.h"

struct library;
struct site_econ;

#define DATE_NONE	INT_MIN
#define DATE_NEVER	INT_MAX

enum climate_source { CLIMATE_BUILTIN, CLIMATE_EPW, CLIMATE_DESIGN_DAY };
enum workload_profile { PROFILE_CONSTANT, PROFILE_DIURNAL };
enum liquid_loop { LOOP_CHILLED, LOOP_TOWER, LOOP_DRYCOOLER };
enum gen_role { GEN_BASE, GEN_PEAK };
/* ISO 8528-1 power ratings: continuous (COP) and prime (PRP) units are firm supply;
 * standby / emergency (ESP) units are backup and never count toward capacity. */
enum gen_duty { DUTY_PRIME, DUTY_CONTINUOUS, DUTY_STANDBY, DUTY_EMERGENCY };
enum dispatch_policy { DISPATCH_GRID_FIRST, DISPATCH_GENERATORS_BASE, DISPATCH_PEAK_SHAVE };

/* An uncertain date (dcplan risk only; plan ignores it): days added to the item's
 * date, its own draw plus the shared draw of its delay group, if any. */
struct site_delay {
	struct dist dist;	/* DIST_NONE: none of its own */
	int	group;		/* 1-based index into site.risk.groups; 0 = none */
};

/* A common cause: items naming the same group share one draw (dcplan risk). */
struct site_delay_group {
	char	name[64];
	struct dist dist;	/* days */
};

struct delivery_lot {
	int	date;
	int	racks;
	long	cum_racks;	/* racks of this lot and the earlier ones, counting
			   lots of > 0 racks (schedule_index) */
};

struct site_phase {
	char	name[64];
	const struct model *server;	/* MK_SERVER */
	struct rack_model rack;		/* servers per rack, switch, CDU */
	int	racks;
	int	gpus_per_rack;
	/* Delivery: a start date and rate, or explicit lots (expanded to lots at load). */
	int	delivery_start;
	double	rate_per_day;
	struct delivery_lot *lots;
	size_t	nlots;
	int	lots_indexed;	/* schedule_index found the lots in date order and
			   set their cum_racks (0: count them one by one) */
	int	install_lag_d;		/* whole days */
	int	commission_lag_d;
	int	line;			/* for messages */
	struct site_delay delay;	/* on the delivery start (risk) */
	struct dist rate_factor;	/* multiplies rate_per_day (risk) */
};

struct site_support {
	char	name[64];
	const struct model *server;
	int	count;			/* fixed count, or */
	double	per_gpu;		/* nodes per GPU online */
};

struct feed_step {
	int	date;
	double	capacity_w;
	struct site_delay delay;	/* risk */
};

struct site_feed {
	char	name[64];
	double	capacity_w;		/* real power */
	double	power_factor;
	int	in_service;
	int	out_of_service;		/* DATE_NEVER if none */
	struct feed_step *steps;
	size_t	nsteps;
	double	import_limit_w;		/* 0 = none */
	struct site_delay delay;	/* on in_service (risk) */
};

struct site_generator {
	char	name[64];
	const struct model *model;	/* MK_GENERATOR */
	int	count;
	int	available;
	int	until;			/* DATE_NEVER if none */
	enum redundancy redundancy;
	enum gen_role role;
	enum gen_duty duty;		/* default prime */
	int	max_running;		/* 0 = no limit */
	double	max_hours_s;		/* per unit per year, 0 = no limit */
	double	max_nox_kg;		/* per year, 0 = no limit */
	struct site_delay delay;	/* on available (risk) */
	struct reliability rel;		/* unit failures (risk) */
	/* dcplan swings: the model's transient loading overridden (0 = the model's) */
	double	load_step_frac, load_step_interval_s, ramp_wps, governor_tau_s;
};

struct site_battery {
	char	name[64];
	const struct model *model;	/* MK_BATTERY */
	int	count;
	int	available;
	double	initial_soc;		/* fraction */
	struct site_delay delay;	/* on available (risk) */
	struct reliability rel;		/* unit failures (risk) */
};

struct site_chain {
	const struct model *xfmr;	/* MK_TRANSFORMER or NULL */
	int	xfmr_count;		/* installed; 0 = auto-size */
	enum redundancy xfmr_redundancy;
	const struct model *ups;	/* MK_UPS (one module) or NULL */
	enum ups_topology ups_topology;
	int	ups_modules;		/* per block; 0 = auto-size */
	int	ups_blocks;		/* installed; 0 = auto-size */
	int	ups_reserve;		/* block-redundant reserve blocks (0 = 1) */
	double	ups_fraction;
	double	pdu_eff;
	double	power_factor;
};

/* A group of identical cooling units (chillers, tower cells, dry coolers). */
struct site_units {
	char	name[64];
	const struct model *model;
	struct chiller_model chiller;	/* chillers: with the site's capacity */
	int	count;
	enum redundancy redundancy;
	int	in_service;
	struct site_delay delay;	/* on in_service (risk) */
	struct reliability rel;		/* unit failures (risk) */
};

struct site_target {
	char	name[64];
	int	gpus;
	int	by;
};

struct site {
	char	*path;			/* the site file */
	char	*name;
	double	latitude, longitude, elevation, tz_hours;

	struct {
		enum climate_source source;
		char	*weather_file;	/* resolved path */
		/* climate.weather_files (dcplan risk samples a year per trial):
		 * resolved paths and their probabilities (sum 1); 0 files: the
		 * weather_file alone */
		size_t	nweather_files;
		char	**weather_files;
		double	*weather_weights;
		struct climate_normals normals;
		struct design_conditions design;
	} climate;

	struct {
		struct site_phase *phases;
		size_t	nphases;
		double	network_per_gpu;	/* W */
		struct site_support *support;
		size_t	nsupport;
		double	utilization;
		double	gpu_power_cap;		/* W, 0 = none */
		enum it_basis basis;		/* supply, energy, water: expected draw
						   (default) or nameplate */
		enum workload_profile profile;
		enum air_class air_class;
		int	air_class_given;
	} it;

	struct {
		struct site_feed *feeds;
		size_t	nfeeds;
		int	feeds_n1;		/* grid.redundancy N-1: the largest feed
						   in service does not count */
		struct site_generator *gens;
		size_t	ngens;
		struct site_battery *batts;
		size_t	nbatts;
		struct site_chain chain;
		enum dispatch_policy policy;
	} power;

	struct {
		double	liquid_fraction;	/* NaN = from the servers */
		double	liquid_supply;		/* degC facility water to the CDUs */
		double	fw_dt;			/* K facility-water rise across them */
		enum liquid_loop loop;
		double	chw_supply;		/* degC */
		double	chw_dt;			/* K */
		struct site_units *chillers;
		size_t	nchillers;
		struct site_units *towers;
		size_t	ntowers;
		double	cw_setpoint;		/* degC */
		double	cw_dt;			/* K design range: sizes the flow */
		double	cw_max;			/* degC hottest condenser water */
		int	cw_variable;		/* condenser pumps follow the flow */
		struct site_units *drycoolers;
		size_t	ndrycoolers;
		int	economizer;
		double	hx_approach;		/* K */
		double	chw_head, cw_head, fw_head;	/* Pa */
		double	pump_eff;
		double	fan_pressure;		/* Pa */
		double	fan_eff;
		double	air_dt;			/* K */
		double	air_supply;		/* degC */
	} cooling;

	struct site_target *targets;
	size_t	ntargets;

	struct site_swings swings;	/* dcplan swings (swings.h) */

	struct {
		struct site_delay_group *groups;	/* risk.delay_groups */
		size_t	ngroups;
	} risk;

	struct {
		int	year;
		double	step_s;
		int	horizon_d;
	} sim;

	struct site_econ *econ;		/* prices (cost.h), NULL: no costs */
	struct library *lib;		/* models used by this site (owned by the
					   input layer: site_load/site_release) */
	int	lib_borrowed;		/* lib is the caller's (site_load_doc):
					   site_release leaves it */
	/* An exact memo of plant evaluations (pmemo.h) and the group of sites
	 * sharing it, set by a caller that plans many sites with the same plant
	 * (dcplan sweep, src/engine/sweep.c); NULL otherwise (the loader leaves
	 * it so).  A copy that changes the plant (a risk trial) must clear it. */
	struct pmemo *plant_memo;
	uint64_t plant_group;
	/* With the memo: the group of sites that differ at most in their grid,
	 * generators, batteries and dispatch policy (0: none), whose plan years
	 * share whole days (sim.h, day sinks) */
	uint64_t day_group;
};

/* Derived totals at full deployment. */
long	site_total_racks(const struct site *);
long	site_total_servers(const struct site *);
long	site_total_gpus(const struct site *);
/* First delivery and the date the last rack is online. */
int	site_first_delivery(const struct site *);
int	site_full_deployment(const struct site *);
/* Station pressure at the site's elevation (standard atmosphere), Pa. */
double	site_pressure(const struct site *);

#endif
