/*
 * dcplan.h - libdcplan, the datacenter power and cooling planner as a library.
 *
 * Load a site file (with its equipment library and weather), then ask for its
 * capacity at the design conditions, its plan (every target's verdict) or a
 * simulation summary, and read the answers as plain structs in SI units (W, J, s,
 * m3, kg; dates as ISO 8601 strings).  See dcplan-lib(3).
 *
 * Every function returns DC_OK (0) or a status code; none prints, exits or aborts.
 * Call dc_init() once before anything else (it is idempotent); after that the
 * functions are safe to call from many threads at once on different objects, and
 * a loaded site may be shared read-only by many threads.  Numbers are read and
 * written in the C locale whatever the program's locale.
 *
 * Compile and link with: cc prog.c $(pkg-config --cflags --libs dcplan)
 */
#ifndef DCPLAN_H
#define DCPLAN_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DC_API_VERSION 1

/* Status codes (the engine's own; its src/engine/status.h has the same guard). */
#ifndef DC_STATUS_DEFINED
#define DC_STATUS_DEFINED
enum dc_status {
	DC_OK = 0,
	DC_EINVAL = 1,		/* invalid input: the diagnostics say where */
	DC_EIO = 2,		/* a file could not be read or written */
	DC_ENOMEM = 3,		/* out of memory */
	DC_EDOM = 4,		/* outside a model's domain */
	DC_ENOCONV = 5,		/* an iteration did not converge */
	DC_EINFEASIBLE = 6	/* not an error: the plan is infeasible */
};
#endif

/* The library's version ("0.2.0") and a status code's description. */
const char *dc_version(void);
const char *dc_strerror(int status);

/* Turn off GSL's default error handler (which aborts the process) and prepare the
 * C locale used for numbers.  Idempotent; call it before starting threads.
 * Note that it changes GSL's process-wide handler. */
int	dc_init(void);

/* ---- diagnostics ---- */
enum dc_level { DC_LEVEL_ERROR, DC_LEVEL_WARNING, DC_LEVEL_NOTE };

struct dc_diag {
	const char *file;	/* NULL when not about a file */
	int	line, column;	/* 1-based; 0 when not known */
	enum dc_level level;
	const char *message;	/* without file, position or level prefix */
};

typedef struct dc_diags dc_diags;

size_t	dc_diags_count(const dc_diags *);
/* The I-th diagnostic, valid until dc_diags_free.  DC_EINVAL if I is out of range. */
int	dc_diags_get(const dc_diags *, size_t i, struct dc_diag *);
void	dc_diags_free(dc_diags *);

/* ---- sites ---- */
typedef struct dc_site dc_site;

struct dc_load_options {
	const char *const *model_dirs;	/* the model library's directories, in order */
	size_t	n_model_dirs;
	const char *const *overrides;	/* "PATH=VALUE" as dcplan --set takes them */
	size_t	n_overrides;
};

/*
 * Load the site file at PATH and its weather year.  On success *SITE is the site
 * (free with dc_site_free).  Diagnostics (errors, and notes on success) are
 * returned in *DIAGS when DIAGS is not NULL (free with dc_diags_free; it may be
 * empty).  Returns DC_OK, DC_EINVAL (the file is invalid), DC_EIO (a file could not
 * be read) or DC_ENOMEM; *SITE is NULL on failure.
 */
int	dc_site_load(const char *path, const struct dc_load_options *,
	    dc_site **site, dc_diags **diags);
void	dc_site_free(dc_site *);

const char *dc_site_name(const dc_site *);
long	dc_site_gpus(const dc_site *);		/* GPUs at full deployment */
size_t	dc_site_ntargets(const dc_site *);

/* ---- capacity at the ASHRAE design conditions ---- */
struct dc_capacity {
	char	date[11];		/* equipment in service on this day */
	double	gpus_installed;
	double	gpus_max;		/* GPUs that can run (<= installed) */
	const char *binding;		/* "installed", "supply", "cooling", ... */
	const char *condition;		/* the design condition where it binds */
};

int	dc_capacity(const dc_site *, struct dc_capacity *);

/* ---- the plan ---- */
struct dc_target {
	const char *name;
	long	gpus;			/* GPUs wanted */
	char	by[11];			/* by this date */
	int	ok;			/* met on or before its date */
	char	met_on[11];		/* first day met; "" if never within the horizon */
	double	runnable;		/* GPUs that can run on the target's date */
	double	shortfall;		/* GPUs short on the date (0 when ok) */
	const char *binding;		/* what limits it on the date */
};

struct dc_plan {
	int	feasible;
	double	gpus_installed;
	double	design_gpus_max;	/* at the design conditions */
	const char *design_binding;
	struct dc_target *targets;	/* in site order */
	size_t	ntargets;
	/* the build and first year, simulated */
	char	sim_from[11], sim_to[11];
	double	it_energy_j, facility_energy_j;
	double	pue;			/* energy-weighted */
	double	peak_facility_w;
	double	water_m3;
	double	grid_energy_j, generator_energy_j, unserved_energy_j;
	double	co2_kg, nox_kg;
};

/* Plan the site: capacity, every target, the build and first year.  Fill *PLAN
 * (release with dc_plan_release).  DC_OK whether or not the plan is feasible. */
int	dc_plan_run(const dc_site *, struct dc_plan *);
void	dc_plan_release(struct dc_plan *);

/* ---- a simulation summary ---- */
struct dc_sim_options {
	const char *from, *to;	/* ISO dates, inclusive; NULL: the build and first year */
	double	step_s;		/* 3600 or 900; 0: the site's step */
	int	full;		/* the finished site (every rack and all equipment) */
};

struct dc_sim_summary {
	char	from[11], to[11];
	double	hours;
	double	it_energy_j, facility_energy_j, pue;	/* energy-weighted PUE */
	double	peak_facility_w;
	char	peak_time[17];		/* YYYY-MM-DDTHH:MM, local standard time */
	double	water_m3, evaporation_m3;
	double	unmet_cooling_h;
	double	grid_energy_j, generator_energy_j, battery_energy_j;
	double	unserved_energy_j, unserved_h;
	double	fuel_j, co2_kg, nox_kg;
};

/* Simulate the site step by step with dispatch and sum it up. */
int	dc_simulate(const dc_site *, const struct dc_sim_options *,
	    struct dc_sim_summary *);

/* ---- Monte Carlo risk over delays and failures ---- */
struct dc_risk_options {
	unsigned long long trials;	/* 0: 10000 */
	unsigned long long seed;	/* 0: dcplan's default, 20240902 */
	int	threads;		/* 0: OpenMP's default; results do not depend on it */
};

struct dc_risk_target {
	const char *name;
	double	p_met, p_met_se;	/* P(met by its date) and its standard error */
	char	p10[11], p50[11], p80[11], p90[11];	/* met-date quantiles; "" never */
	double	mean_delay_d;		/* days late, over the trials that met it */
};

struct dc_risk {
	unsigned long long trials, seed;
	struct dc_risk_target *targets;
	size_t	ntargets;
	double	lole_h, lole_h_se;	/* loss-of-load hours in the first year */
	double	eue_wh, eue_wh_se;	/* expected unserved energy, Wh */
	double	unmet_cooling_h;
};

/* What dcplan risk computes, as a struct (release with dc_risk_release). */
int	dc_risk_run(const dc_site *, const struct dc_risk_options *, struct dc_risk *);
void	dc_risk_release(struct dc_risk *);

#ifdef __cplusplus
}
#endif

#endif
