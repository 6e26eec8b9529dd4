/*
 * capacity.h - how many GPUs each constraint supports at given conditions, found with
 * a GSL root solver (Brent) on the full plant model, not a linear ratio.
 */
#ifndef DCPLAN_CAPACITY_H
#define DCPLAN_CAPACITY_H

#include "plant.h"

enum cap_constraint {
	CAP_INSTALLED,		/* GPUs installed */
	CAP_SUPPLY,		/* grid + generators at the condition */
	CAP_COOLING,		/* chillers usable + free cooling */
	CAP_UPS,		/* usable UPS output */
	CAP_TRANSFORMER,	/* transformer kVA */
	CAP_COUNT
};

struct cap_condition {
	const char *name;	/* "cooling 0.4 %" */
	double	tdb, twb, p;
};

struct cap_result {
	double	gpus[CAP_COUNT];	/* max GPUs each supports (INFINITY: no limit) */
	int	present[CAP_COUNT];	/* constraint applies to this site */
	double	available[CAP_COUNT];	/* capacity, W or VA (0 for installed) */
	enum cap_constraint binding;
	double	max_gpus;		/* min over constraints */
	const char *condition[CAP_COUNT];	/* where each binds hardest */
	int	cond_index[CAP_COUNT];	/* that condition's index; available[] is
					   the capacity there */
	const char *binding_condition;	/* the design condition that binds */
	enum cool_limit cooling_limit;	/* what limits CAP_COOLING where it binds:
					   the chillers or the heat rejection */
};

/* "cooling (chillers)" or "cooling (heat rejection)" for CAP_COOLING, else the
 * constraint's name. */
const char *cap_constraint_label(const struct cap_result *, enum cap_constraint);

struct design_conditions;
/* The two ASHRAE design conditions plants are sized for (Handbook - Fundamentals
 * ch. 14): 0.4 % cooling dry-bulb with its mean coincident wet-bulb, and 0.4 %
 * evaporation wet-bulb with its mean coincident dry-bulb; p is station pressure. */
void	capacity_design_conditions(const struct design_conditions *, double p,
	    struct cap_condition cond[2]);

/* Supply available on `day` at ambient tdb: grid plus derated generators. */
double	capacity_supply_w(const struct site *, int day, double tdb);

/* Evaluate each constraint at every condition (worst wins).  util/gpu_cap: workload.
 * gpus_installed bounds CAP_INSTALLED.  0, or -1 if the plant model failed. */
int	capacity_solve(const struct plant_cfg *, const struct cap_condition *, int ncond,
	    double gpus_installed, double util, double gpu_cap, struct cap_result *);

/* Cheaper variant for day-by-day use: only the GPUs that can run and what binds.
 * Constraints that hold with every installed GPU running are not solved (their
 * gpus[] is INFINITY); hint (previous day's answer, or <= 0) narrows the bracket. */
int	capacity_solve_min(const struct plant_cfg *, const struct cap_condition *,
	    double gpus_installed, double util, double gpu_cap, double hint,
	    struct cap_result *);
/* The same for site s on day, with *cfg set up (plant_cfg_init) only when it
 * is needed: *have_cfg says whether it is, and is set when this call sets it
 * up (with the site's memo, a held answer needs none). */
int	capacity_solve_min_at(const struct site *s, int day, struct plant_cfg *cfg,
	    int *have_cfg, const struct cap_condition *, double gpus_installed,
	    double util, double gpu_cap, double hint, struct cap_result *);

/* Facility power (W; VA in *facility_va if not NULL) on the monotone envelope in
 * GPUs: the most that any count up to `gpus` draws at the condition (facility power
 * can fall where one more chiller stages on; see capacity.c).  NaN if the plant
 * model failed.  Every GPU count capacity reports is the first crossing of this
 * envelope, so it is the unique answer. */
double	capacity_demand_env_w(const struct plant_cfg *, const struct cap_condition *,
	    double gpus, double util, double gpu_cap, double *facility_va);

const char *cap_constraint_name(enum cap_constraint);

#endif
