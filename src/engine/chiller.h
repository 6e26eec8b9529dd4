/*
 * chiller.h - electric chiller, EnergyPlus Chiller:Electric:EIR (DOE-2.1 model).
 * Source: EnergyPlus Engineering Reference, "Electric Chiller Model Based on Condenser
 * Entering Temperature"; src/EnergyPlus/ChillerElectricEIR.cc.  SI units: W, degC, m3/s.
 */
#ifndef DCPLAN_CHILLER_H
#define DCPLAN_CHILLER_H

#include "curve.h"
#include "redundancy.h"

struct chiller_model {
	char	name[64];
	double	q_ref;		/* W, reference capacity (0 = user must give one) */
	double	cop_ref;	/* W/W at reference conditions */
	double	t_lchw_ref;	/* degC, reference leaving chilled water */
	double	t_ecw_ref;	/* degC, reference entering condenser water (or dry-bulb) */
	double	chw_flow_ref;	/* m3/s (0 = not given) */
	double	cw_flow_ref;	/* m3/s (0 = not given) */
	double	plr_min;	/* below this the chiller cycles on/off */
	double	plr_max;	/* may exceed 1 */
	double	min_unloading;	/* below this PLR, hot-gas bypass (false loading) */
	double	f_motor;	/* fraction of compressor power rejected to condenser */
	int	air_cooled;	/* y = outdoor dry-bulb instead of condenser water */
	struct curve_biquad capft, eirft;
	struct curve_quad eirfplr;
};

/* One chiller at one time step. */
struct chiller_op {
	double	capft, eirft, eirfplr;	/* curve values (negatives set to 0) */
	double	q_avail;	/* W = q_ref * capft */
	double	q_evap;		/* W, load met */
	double	unmet;		/* W, load - q_evap */
	double	plr;		/* part-load ratio, 0..plr_max */
	double	frac;		/* cycling ratio, 0..1 */
	double	plr_eff;	/* PLR' = max(plr, min_unloading) */
	double	q_false;	/* W, false-loading (hot-gas bypass) heat */
	double	power;		/* W electric */
	double	q_cond;		/* W to condenser */
	double	cop;		/* q_evap / power, 0 if off */
	int	clamped;	/* CURVE_CLAMP_X | _Y: CAPFT or EIRFT inputs outside
				   their limits (evaluated at the limits) */
};

/* t_ecw is the outdoor dry-bulb for an air-cooled chiller.  Returns 0, or -1 on
 * a bad model (q_ref, cop_ref, plr_max <= 0) or a NaN/negative input. */
int	chiller_eval(const struct chiller_model *, double t_lchw, double t_ecw,
	    double load, struct chiller_op *);

/* Redundancy rules: how many of n installed units count as available capacity. */

/* A bank of identical chillers. */
struct chiller_bank_op {
	int	n_running;
	int	emergency;	/* the load needed PLR above 1 (up to plr_max) */
	double	q_avail_total;	/* W, n_usable * q_avail at PLR 1.0 (capacity that
				   counts) */
	double	q_evap;		/* W, total met */
	double	unmet;		/* W */
	double	power;		/* W */
	double	q_cond;		/* W */
	struct chiller_op unit;	/* one running unit */
};

/* Staging: run the fewest units that carry the load at PLR <= 1.0 (the rated
 * capacity at the operating condition), limited to n_usable; share the load
 * equally.  If n_usable units at PLR 1 fall short (an emergency), all n_usable
 * run, up to plr_max, and what is left is unmet.  Zero load: nothing runs.
 * Returns 0, or -1 as chiller_eval() or if n_usable < 0. */
int	chiller_bank_eval(const struct chiller_model *, int n_usable, double t_lchw,
	    double t_ecw, double load, struct chiller_bank_op *);

#endif
