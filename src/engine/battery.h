/*
 * battery.h - battery energy storage: power and energy limits, state-of-charge bounds,
 * round-trip efficiency split equally between charge and discharge (sqrt(rte) each way).
 * SI units: W, J, s.
 */
#ifndef DCPLAN_BATTERY_H
#define DCPLAN_BATTERY_H

struct battery_model {
	char	name[64];
	double	power_w;	/* W, max charge/discharge per unit */
	double	energy_j;	/* J, usable nameplate per unit */
	double	rte;		/* round-trip efficiency 0..1 */
	double	soc_min, soc_max;	/* fractions */
};

/* Discharge: request want_w for dt seconds from n units at stored energy *e (J);
 * returns W delivered and updates *e.  Charge: offer W, returns W absorbed. */
double	battery_discharge(const struct battery_model *, int n, double *e, double want_w, double dt);
double	battery_charge(const struct battery_model *, int n, double *e, double offer_w, double dt);

#endif
