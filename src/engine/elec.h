/*
 * elec.h - electrical chain losses between the grid feed and the IT equipment:
 * MV/LV transformers, UPS, PDUs.  Loss models: transformer no-load + load (I^2 R)
 * losses (IEEE C57.12.91 / 10 CFR 431.196 efficiency at 35 % load); UPS no-load,
 * proportional and square-law losses (quadratic in load fraction).  SI units: W, VA.
 */
#ifndef DCPLAN_ELEC_H
#define DCPLAN_ELEC_H

#include "chiller.h"	/* enum redundancy */

struct transformer_model {
	char	name[64];
	double	rating_va;	/* VA */
	double	no_load_loss;	/* W, core loss */
	double	load_loss;	/* W, winding loss at rated load */
};

struct ups_model {
	char	name[64];
	double	rating_w;	/* W output */
	/* loss / rating = c0 + c1 x + c2 x^2, x = output / rating */
	double	loss_c[3];
	int	eco_mode;	/* bypass path; loss_c describes it */
};

double	transformer_loss(const struct transformer_model *, double load_va);
double	transformer_efficiency(const struct transformer_model *, double load_frac, double pf);
/*
 * Fill no_load_loss and load_loss from a rated efficiency at one per-unit load
 * (unity power factor, as in the DOE test procedure): e.g. 10 CFR 431.196
 * low-voltage dry-type at 35 %, liquid-immersed and medium-voltage dry-type at
 * 50 %.  nl_share is the no-load share of the total loss at that load (0.5 =
 * efficiency peaks at the rating point).  Returns 0, or -1 on invalid input.
 */
int	transformer_from_efficiency(struct transformer_model *, double rating_va,
	    double eff, double load_frac, double nl_share);
double	ups_loss(const struct ups_model *, double out_w);
double	ups_efficiency(const struct ups_model *, double load_frac);

/*
 * UPS system topologies (Schneider Electric White Paper 75, "Comparing UPS System
 * Design Configurations", K. McCarthy and V. Avelar; Uptime Institute Tier
 * Standard: Topology).  A block is a paralleled group of identical modules
 * behind one output bus.
 *   N          every module of every block counts; no redundancy.
 *   N+1        per block: each block holds one spare module (parallel redundant);
 *              usable blocks x (modules - 1) x rating; all modules share the load.
 *   block      block-redundant ("catcher"): `reserve' whole blocks stand by,
 *              energised at no load, behind static transfer switches; usable
 *              (blocks - reserve) x modules x rating; only the active blocks
 *              carry load.
 *   distributed  distributed redundant ("N+1 blocks", e.g. 4-make-3): every block
 *              carries load; one block's failure spreads to the others; usable
 *              (blocks - 1) x modules x rating; all blocks share equally.
 *   2N         two independent sides (A and B) of blocks/2 each, dual-corded
 *              loads share 50/50; usable (blocks / 2) x modules x rating.
 */
enum ups_topology { UPS_TOPO_N, UPS_TOPO_N1, UPS_TOPO_BLOCK, UPS_TOPO_DISTRIBUTED,
	UPS_TOPO_2N, UPS_TOPO_COUNT };

/* NULL-terminated, indexed by the enum: "N", "N+1", "block-redundant", ... */
extern const char *const ups_topology_names[UPS_TOPO_COUNT + 1];
const char *ups_topology_name(enum ups_topology);

/* What is installed: the UPS system and the transformer bank.  Counts of 0
 * mean "not given": elec_plan_size() fills them (auto-sizing) and says so. */
struct elec_plan {
	const struct ups_model *ups;		/* NULL = no UPS */
	enum ups_topology topology;
	int	modules;	/* per block */
	int	blocks;		/* installed, including reserve blocks */
	int	reserve;	/* block-redundant: reserve blocks among `blocks' */
	int	ups_auto;	/* 1: modules and/or blocks were auto-sized */
	const struct transformer_model *xfmr;	/* NULL = none */
	int	n_xfmr;		/* installed */
	enum redundancy xfmr_redundancy;
	int	xfmr_auto;	/* 1: the count was auto-sized */
};

/* Auto-sizing defaults (documented in dcplan-site(5)): blocks of four modules,
 * as in a 3+1 parallel-redundant block [A]; transformers for the design IT x
 * ELEC_XFMR_SIZING_PUE. */
#define ELEC_AUTO_MODULES	4
/* Transformers are sized for the full-deployment nameplate IT at a design PUE of
 * 1.3 (an engineering allowance for cooling and losses [A]). */
#define ELEC_XFMR_SIZING_PUE	1.3

/* Usable UPS output of the installed system under its topology, W. */
double	elec_ups_usable(const struct elec_plan *);
/* Usable transformer capacity under its redundancy, VA. */
double	elec_xfmr_usable(const struct elec_plan *);
/*
 * Fill the counts the plan leaves at 0 for a UPS load ups_w (W of UPS output at
 * nameplate IT) and a transformer load xfmr_va (VA): the fewest blocks (and
 * transformers) whose usable capacity carries it.  Returns 0, or -1 when the
 * topology cannot work with the counts given (e.g. 2N with an odd number of
 * blocks, N+1 with one module per block, block-redundant with no active block).
 */
int	elec_plan_size(struct elec_plan *, double ups_w, double xfmr_va);
/* Whether the counts fit the topology (the test elec_plan_size applies). */
int	elec_plan_valid(const struct elec_plan *);

/* The whole chain for one facility at one moment: how many units are energised
 * and share the load. */
struct elec_chain {
	const struct transformer_model *xfmr;	/* NULL = none */
	int	n_xfmr;		/* energised, sharing the load equally */
	const struct ups_model *ups;		/* NULL = none */
	int	n_ups;		/* energised modules sharing the UPS load equally */
	int	n_ups_idle;	/* energised modules at no load (reserve blocks) */
	double	ups_fraction;	/* fraction of IT load behind UPS (0..1) */
	double	pdu_eff;	/* PDU/busway efficiency 0..1 */
	double	power_factor;	/* at the grid feed */
};

struct elec_op {
	double	it_w;		/* W delivered to IT */
	double	pdu_loss;	/* W */
	double	ups_loss;	/* W */
	double	xfmr_loss;	/* W */
	double	mech_w;		/* W of cooling/mechanical load (not behind UPS) */
	double	input_w;	/* W real power at the feed */
	double	input_va;	/* VA apparent power at the feed */
	double	heat_to_room;	/* W of losses released indoors (UPS + PDU) */
};

/*
 * Energise what a load needs out of what the plan installs: the UPS blocks (and
 * their spares) for ups_w of UPS output at nameplate IT, and the transformers
 * (and their spares) for xfmr_va.  A block or transformer feeds a part of the
 * halls; it is energised with the first rack it feeds, so an empty site has
 * none energised and a half-built one about half.  Sets c->n_ups, n_ups_idle and
 * n_xfmr; never more than installed.
 */
void	elec_chain_energise(const struct elec_plan *, double ups_w, double xfmr_va,
	    struct elec_chain *c);

/* it_w behind PDUs (and partly UPS); mech_w fed through the transformers only. */
void	elec_chain_eval(const struct elec_chain *, double it_w, double mech_w,
	    struct elec_op *);

#endif
