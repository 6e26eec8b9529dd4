/*
 * elec.h - electrical chain losses between the grid feed and the IT equipment:
 * MV/LV transformers, UPS, PDUs.  Loss models: transformer no-load + load (I^2 R)
 * losses (IEEE C57.12.91 / 10 CFR 431.196 efficiency at 35 % load); UPS no-load,
 * proportional and square-law losses (quadratic in load fraction).  SI units: W, VA.
 */
#ifndef DCPLAN_ELEC_H
#define DCPLAN_ELEC_H

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

/* The whole chain for one facility: n units of each sized by the caller. */
struct elec_chain {
	const struct transformer_model *xfmr;	/* NULL = none */
	int	n_xfmr;
	const struct ups_model *ups;		/* NULL = none */
	int	n_ups;
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

/* it_w behind PDUs (and partly UPS); mech_w fed through the transformers only. */
void	elec_chain_eval(const struct elec_chain *, double it_w, double mech_w,
	    struct elec_op *);

#endif
