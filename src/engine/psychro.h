/*
 * psychro.h - moist-air psychrometrics, ASHRAE Handbook - Fundamentals 2017, ch. 1,
 * as implemented and tested by PsychroLib.  Temperatures in degC, pressure in Pa,
 * humidity ratio W in kg water / kg dry air, RH as a fraction 0..1, enthalpy J/kg dry air,
 * specific volume m3/kg dry air, density kg/m3 of moist air.
 *
 * Pure functions: no globals, thread-safe.  Functions that solve return 0 on success
 * and -1 when the inputs are outside the physical domain (the caller reports it).
 */
#ifndef DCPLAN_PSYCHRO_H
#define DCPLAN_PSYCHRO_H

struct psy_state {
	double p;	/* Pa, total (station) pressure */
	double tdb;	/* degC dry-bulb */
	double twb;	/* degC thermodynamic wet-bulb */
	double tdp;	/* degC dew point */
	double rh;	/* 0..1 */
	double w;	/* kg/kg */
	double h;	/* J/kg dry air */
	double v;	/* m3/kg dry air */
	double rho;	/* kg/m3 moist air */
};

double	psy_pressure_at_elevation(double z_m);		/* standard atmosphere, Pa */
double	psy_pws(double t);				/* saturation vapour pressure, Pa */
double	psy_w_from_pw(double pw, double p);
double	psy_w_from_rh(double tdb, double rh, double p);
double	psy_w_from_twb(double tdb, double twb, double p);
double	psy_w_from_tdp(double tdp, double p);
double	psy_rh_from_w(double tdb, double w, double p);
int	psy_tdp_from_w(double w, double p, double *tdp);	/* GSL root solver */
int	psy_twb_from_w(double tdb, double w, double p, double *twb); /* GSL root, 1e-6 K */
/* The same when the dew point of w is already known (saves its root solve). */
int	psy_twb_from_w_tdp(double tdb, double w, double p, double tdp, double *twb);
double	psy_enthalpy(double tdb, double w);
double	psy_volume(double tdb, double w, double p);
double	psy_density(double tdb, double w, double p);
/* Saturated air: enthalpy at t (J/kg dry air), and the temperature whose saturated
 * enthalpy is h (EnergyPlus PsyTsatFnHPb): Newton's method to 1e-10 K where the
 * answer lies in -60..90 degC below boiling, else GSL Brent to 1e-6 K on -60 degC
 * .. the temperature where pws reaches 90 % of p.  0, or -1 if h is outside that
 * span. */
double	psy_h_sat(double t, double p);
int	psy_tsat_from_h(double h, double p, double *t);

/* Full state from dry-bulb plus one humidity measure.  Return 0, or -1 if the
 * combination is not physical (RH outside 0..1, twb > tdb, tdp > tdb, p <= 0,
 * temperatures outside -100..200 degC, NaN, a wet bulb so low that W < 0, or air
 * above the boiling point at p).  Bone-dry air (rh 0) is accepted: the dew point
 * and wet bulb are solved with W floored at 1e-7 kg/kg, as PsychroLib does. */
int	psy_state_from_rh(double tdb, double rh, double p, struct psy_state *s);
int	psy_state_from_twb(double tdb, double twb, double p, struct psy_state *s);
int	psy_state_from_tdp(double tdb, double tdp, double p, struct psy_state *s);

#endif
