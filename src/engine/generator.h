/*
 * generator.h - on-site generation: gas turbines and reciprocating/mobile gensets.
 * Ambient derating as a piecewise-linear curve of fraction vs inlet temperature
 * (gas turbines lose ~0.5..0.9 % per K above 15 degC ISO); fuel from heat rate (LHV);
 * CO2 from an emission factor per GJ of fuel (IPCC 2006: 56.1 kg/GJ LHV natural gas);
 * NOx per MWh generated.  SI units: W, J, kg, degC, s.
 */
#ifndef DCPLAN_GENERATOR_H
#define DCPLAN_GENERATOR_H

#include "dclimits.h"

#define GEN_DERATE_MAX DC_MAX_DERATE_POINTS

struct generator_model {
	char	name[64];
	double	rating_w;		/* W at ISO (15 degC) */
	double	heat_rate;		/* J fuel (LHV) per J electric at full load */
	double	heat_rate_min_load;	/* same at min load (0 = same as full) */
	double	min_load_frac;		/* lowest stable load, fraction of available */
	int	n_derate;		/* points in the derating curve */
	double	derate_t[GEN_DERATE_MAX];	/* degC, ascending */
	double	derate_f[GEN_DERATE_MAX];	/* fraction of rating */
	double	co2_kg_per_j;		/* kg CO2 per J of fuel (LHV) */
	double	nox_kg_per_j;		/* kg NOx per J electric generated */
	double	startup_s;		/* s from start to full load */
	/* Transient loading (dcplan swings); 0 = not given. */
	double	load_step_frac;		/* largest sudden load increase, fraction of rating */
	double	load_step_interval_s;	/* least time between such steps */
	double	ramp_wps;		/* W/s per unit, sustained */
	double	governor_tau_s;		/* s, speed governor time constant */
};

double	generator_available(const struct generator_model *, double t_amb);	/* W */
double	generator_fuel(const struct generator_model *, double out_w, double avail_w); /* W fuel */
double	generator_co2_kg(const struct generator_model *, double fuel_j);	/* kg */
double	generator_nox_kg(const struct generator_model *, double elec_j);	/* kg */

#endif
