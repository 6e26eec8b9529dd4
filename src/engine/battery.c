/*
 * battery.c - battery energy storage: power, energy and state-of-charge
 * limits with round-trip losses.
 *
 * The round-trip efficiency (AC to AC, as quoted for e.g. Tesla Megapack 2 XL,
 * ~92 % [S/U], doc/equipment.md) is split equally between the two directions:
 * eta = sqrt(rte) on charge and on discharge.  This is the usual simple split
 * (no data on the real split, which depends on the inverter and cell
 * chemistry); it makes a full cycle return exactly rte.  Self-discharge and
 * auxiliary (HVAC) loads are not modelled.
 *
 * *e is the energy stored in all n units together (J); the bounds are
 * soc_min n E and soc_max n E.  Both functions return 0 and leave *e alone
 * for invalid input (n <= 0, dt <= 0, rte outside (0, 1], E <= 0).
 */

#include <math.h>

#include "battery.h"

static int
battery_valid(const struct battery_model *b, int n, double dt)
{
	return n > 0 && dt > 0 && b->rte > 0 && b->rte <= 1 &&
	    b->energy_j > 0 && b->power_w > 0 && isfinite(dt);
}

/*
 * delivered = min(want, n P, (e - soc_min n E) sqrt(rte) / dt);
 * e -= delivered dt / sqrt(rte).  When the energy limit binds, e is set to
 * the bound itself so rounding cannot leave the SOC range.
 */
double
battery_discharge(const struct battery_model *b, int n, double *e,
    double want_w, double dt)
{
	double	eta, emin, lim, out;

	if (!battery_valid(b, n, dt) || !(want_w > 0) || !isfinite(*e))
		return 0;
	eta = sqrt(b->rte);
	emin = b->soc_min * n * b->energy_j;
	if (!(*e > emin))
		return 0;
	out = want_w;
	if (out > n * b->power_w)
		out = n * b->power_w;
	lim = (*e - emin) * eta / dt;
	if (out >= lim) {
		*e = emin;
		return lim;
	}
	*e -= out * dt / eta;
	if (*e < emin)
		*e = emin;
	return out;
}

/*
 * absorbed = min(offer, n P, (soc_max n E - e) / (sqrt(rte) dt));
 * e += absorbed dt sqrt(rte).  Clamped to the bound as above.
 */
double
battery_charge(const struct battery_model *b, int n, double *e,
    double offer_w, double dt)
{
	double	eta, emax, lim, in;

	if (!battery_valid(b, n, dt) || !(offer_w > 0) || !isfinite(*e))
		return 0;
	eta = sqrt(b->rte);
	emax = b->soc_max * n * b->energy_j;
	if (!(*e < emax))
		return 0;
	in = offer_w;
	if (in > n * b->power_w)
		in = n * b->power_w;
	lim = (emax - *e) / (eta * dt);
	if (in >= lim) {
		*e = emax;
		return lim;
	}
	*e += in * dt * eta;
	if (*e > emax)
		*e = emax;
	return in;
}
