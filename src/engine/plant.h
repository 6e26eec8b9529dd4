/*
 * plant.h - the facility at one condition: IT load, electrical chain and cooling plant
 * combined into facility power, water and PUE.  This is the inner step of every
 * simulation: plant_eval() is pure, allocation-free and thread-safe; plant_cfg_init()
 * does the per-day preparation (which equipment is in service, chain sizing).
 */
#ifndef DCPLAN_PLANT_H
#define DCPLAN_PLANT_H

#include "dclimits.h"
#include "elec.h"
#include "site.h"

#define PLANT_MAX_GROUPS DC_MAX_COOLING_GROUPS

/* The tower-chiller balance (condenser water temperature) is solved by
 * successive substitution to this tolerance, K, in at most this many steps. */
#define PLANT_FP_TOL	1e-6
#define PLANT_FP_MAXITER 100
/* Secant steps accelerate it where the map's slope from the last two steps lies
 * in (0, PLANT_FP_SLOPE_MAX) (see plant.c, cool_try). */
#define PLANT_FP_SLOPE_MAX 0.9
/* Cycles of the substitution up to this length are recognised as such. */
#define PLANT_FP_CYCLE 8

enum cool_mode { MODE_FREE, MODE_PARTIAL, MODE_MECHANICAL };
/* What limits the cooling: the chillers (PLR 1.0) or the heat rejection. */
enum cool_limit { COOL_LIMIT_CHILLERS, COOL_LIMIT_REJECTION };

struct plant_cfg {
	const struct site *site;
	int	day;
	int	epoch;		/* plant_epoch(site, day) */
	int	nch;
	const struct chiller_model *ch[PLANT_MAX_GROUPS];
	const struct model *ch_model[PLANT_MAX_GROUPS];
	int	ch_usable[PLANT_MAX_GROUPS];
	int	ntw;
	const struct tower_model *tw[PLANT_MAX_GROUPS];
	int	tw_cells[PLANT_MAX_GROUPS];	/* usable cells (redundancy applied) */
	int	tw_valid;	/* every tower model passes tower_model_valid() */
	double	tw_gflow[PLANT_MAX_GROUPS];	/* m3/s design flow per group */
	double	tw_flow;		/* m3/s design water flow, usable cells */
	double	tw_cap;			/* W design heat rejection, usable cells */
	double	cw_flow_design;		/* m3/s condenser flow at cooling.condenser.
					   delta_t (what the pumps are sized for) */
	double	cw_flow_max;		/* m3/s most the pumps and towers carry */
	double	dc_cap;			/* W design, usable dry coolers */
	int	ndc;
	const struct drycooler_model *dc[PLANT_MAX_GROUPS];
	int	dc_units[PLANT_MAX_GROUPS];	/* usable units */
	struct elec_plan plan;		/* UPS system and transformers installed */
	int	plan_ok;		/* 0: the chain's counts do not fit its topology */
	struct elec_chain chain;	/* energised for the full deployment; plant_eval
					   energises what the evaluated fleet needs */
	double	ups_capacity_w;		/* usable UPS output (redundancy applied) */
	double	xfmr_capacity_va;
};

/* IT side of the facility. */
struct it_load {
	double	gpus, servers, racks;
	enum it_basis basis;	/* what it_w, gpu_w and the heat use */
	double	it_w;		/* servers + in-rack switches + network + support nodes */
	double	nameplate_w;	/* the same fleet on the nameplate basis (UPS and
				   transformer constraints) */
	double	rated_w;	/* its nameplate at full load, uncapped: what the
				   chain energised for it must carry */
	double	gpu_w;		/* GPU share of it_w (DC) */
	double	cdu_w;		/* in-rack CDU pumps (facility power) */
	double	liquid_w;	/* heat to facility water, incl. CDU pump heat */
	double	air_w;		/* heat to room air */
};

struct plant_result {
	double	tdb, twb;
	struct it_load it;
	/* electrical */
	double	pdu_loss_w, ups_loss_w, xfmr_loss_w;
	/* cooling power */
	double	chiller_w, tower_fan_w, drycooler_fan_w, crah_fan_w;
	double	chw_pump_w, cw_pump_w, fw_pump_w, cdu_pump_w;
	double	mech_w;		/* all cooling power */
	double	facility_w;	/* at the feed */
	double	facility_va;
	double	pue;
	/* heat */
	double	q_air_w;	/* room air load incl. fan and loss heat */
	double	q_liquid_w;	/* facility water load incl. pump heat */
	double	q_free_w;	/* removed without chillers */
	double	q_mech_w;	/* asked of the chillers */
	double	q_reject_w;	/* to towers: water-cooled condensers, free-cooled
				   heat, condenser-pump heat */
	double	q_reject_max_w;	/* the most the towers reject at this wet-bulb
				   with water no warmer than cooling.condenser.
				   max_temp (INFINITY: no towers) */
	double	cooling_capacity_w;	/* chillers usable x Q_avail (PLR 1.0) + free */
	double	cooling_margin_w;	/* min(chiller capacity - chiller load,
					   q_reject_max - q_reject); negative: short */
	enum cool_limit cool_limit;	/* which of the two margins is smaller */
	double	unmet_w;	/* cooling not met: chillers short (beyond PLR_max)
				   plus heat the towers cannot reject */
	double	unmet_reject_w;	/* the heat-rejection part of unmet_w */
	enum cool_mode mode;
	int	economizer_used;	/* the chosen tower control free-cools */
	int	chillers_running;
	int	chiller_emergency;	/* some bank ran above PLR 1 */
	int	curve_clamped;	/* CURVE_CLAMP_X (chilled water) | _Y (condenser)
				   on a running chiller: curves held at limits */
	double	t_ecw;		/* entering condenser water, degC */
	double	t_tower_out;
	double	cw_flow;	/* m3/s condenser water */
	int	tower_at_capacity;
	int	fp_iter;	/* substitution steps of the condenser balance */
	/* water, m3/s */
	double	evap, drift, blowdown, water;
};

void	plant_cfg_init(struct plant_cfg *, const struct site *, int day);
/* The site's UPS system and transformers, auto-sized where the site gives no
 * counts (for the full deployment's nameplate IT).  0, or -1 when the counts do
 * not fit the topology (the site loader rejects such sites). */
int	plant_elec_plan(const struct site *, struct elec_plan *);
/* UPS output (W) and transformer load (VA) that IT of nameplate rated_w needs:
 * what elec_plan_size and elec_chain_energise are given. */
void	plant_chain_load(const struct site *, double rated_w, double *ups_w,
	    double *xfmr_va);

/* IT load of a fleet: racks online per phase (nphases entries). */
void	it_load_eval(const struct site *, const double *racks_online, double util,
	    double gpu_cap, struct it_load *);
/* The first `gpus` GPUs of the deployment (phases filled in order). */
void	it_load_gpus(const struct site *, double gpus, double util, double gpu_cap,
	    struct it_load *);
/* The same on a given basis instead of the site's. */
/* A GPU power cap as the memo keys it (pmemo.h): 0 when it limits no phase's
 * GPUs (server_gpu_limit the same as uncapped for every phase's server), so
 * that caps at or above the TDP share their results; else the cap. */
double	it_cap_class(const struct site *, double cap);
void	it_load_gpus_basis(const struct site *, double gpus, double util,
	    double gpu_cap, enum it_basis, struct it_load *);
void	it_load_eval_basis(const struct site *, const double *racks_online,
	    double util, double gpu_cap, enum it_basis, struct it_load *);

int	plant_eval(const struct plant_cfg *, const struct it_load *, double tdb,
	    double twb, double p, struct plant_result *);
/* plant_eval of the first `gpus` GPUs of the deployment on a basis
 * (it_load_gpus_basis), from the site's memo without the IT load when held. */
int	plant_eval_gpus(const struct plant_cfg *, double gpus, double util,
	    double gpu_cap, enum it_basis, double tdb, double twb, double p,
	    struct plant_result *);
struct pmemo_key;
/* The plant's epoch on a day: plant_cfg_init reads the day only through
 * which cooling units are in service (their in_service dates), so two days
 * with the same latest in_service date at or before them (DATE_NONE: none)
 * set up the same plant.  The memo keys (pmemo.h) hold it instead of the
 * day, so the same air on another day of the epoch is the same answer. */
int	plant_epoch(const struct site *, int day);
/* The memo key of an evaluation of plant_cfg_init(site, day) (pmemo.h): the
 * site's plant group, the day's epoch, the air and every field of the IT
 * load. */
void	plant_memo_key(struct pmemo_key *, const struct site *, int epoch,
	    const struct it_load *, double tdb, double twb, double p);
/* The same evaluated afresh, never from the site's memo (sim_run keeps its
 * steps' results by step, pmemo.h). */
int	plant_eval_fresh(const struct plant_cfg *, const struct it_load *, double tdb,
	    double twb, double p, struct plant_result *);

const char *cool_mode_name(enum cool_mode);

#endif
