/*
 * generator.c - on-site gas turbines and gensets: ambient derating, fuel,
 * CO2 and NOx.
 *
 * Reference values (doc/equipment.md):
 * - Solar Turbines SMT-130 (trailer-mounted Titan 130): 16 MW, heat rate
 *   10,160 kJ/kWh LHV = 10160e3 / 3.6e6 = 2.8222 J fuel per J electric
 *   (~35.4 % efficiency), 25 ppm NOx (SoLoNOx) [S].
 * - Gas turbine output falls ~0.5..0.9 % per K above the 15 degC ISO inlet
 *   temperature [U]; the model file gives the curve.
 * - Natural gas CO2: 56.1 kg per GJ of fuel, lower heating value basis
 *   (2006 IPCC Guidelines, vol. 2 ch. 2 table 2.2: 56,100 kg/TJ)
 *   = 5.61e-8 kg/J [V].  US EPA's 53.06 kg/MMBtu is on a higher heating value
 *   basis: it pairs with an HHV heat rate only.
 * - NOx, derived [U]: 25 ppmvd at 15 % O2 -> E = C x 1.194e-7 lb/scf/ppm x
 *   F_d 8710 dscf/MMBtu x 20.9 / (20.9 - 15) = 0.0921 lb/MMBtu HHV
 *   (EPA Method 19, 40 CFR 60 App. A-7); with HHV/LHV = 1.108 the heat rate
 *   is 10.67 MMBtu/MWh, so ~0.98 lb/MWh = 0.446 kg/MWh = 1.24e-10 kg/J.
 */

#include <math.h>

#include "generator.h"

/*
 * Piecewise-linear fraction of rating at t_amb, clamped to the end points
 * outside the table.  No allocation: the table is short and scanned.  A
 * repeated temperature (a step) takes the later value.  NaN gives 0, the
 * conservative answer, so that it never reaches the caller's sums.
 */
static double
generator_derate(const struct generator_model *g, double t)
{
	const double	*x = g->derate_t, *y = g->derate_f;
	int		 n, i;
	double		 dx;

	n = g->n_derate;
	if (n > GEN_DERATE_MAX)
		n = GEN_DERATE_MAX;
	if (n <= 0)
		return 1;
	if (isnan(t))
		return 0;
	if (t <= x[0])
		return y[0];
	if (t >= x[n - 1])
		return y[n - 1];
	for (i = 0; i < n - 1; i++) {
		if (t <= x[i + 1])
			break;
	}
	dx = x[i + 1] - x[i];
	if (!(dx > 0))
		return y[i + 1];
	return y[i] + (t - x[i]) / dx * (y[i + 1] - y[i]);
}

double
generator_available(const struct generator_model *g, double t_amb)
{
	double	f;

	f = generator_derate(g, t_amb);
	if (!(f > 0))
		return 0;
	return g->rating_w * f;
}

/*
 * Fuel power (W, LHV) for out_w electric when avail_w is available.  The heat
 * rate is a two-point linear approximation in load fraction x = out/avail:
 * heat_rate_min_load at min_load_frac, heat_rate at 1, held flat outside
 * (below the minimum stable load the unit cannot run; the dispatcher must
 * not ask for it, and the min-load heat rate is the closest figure).
 * heat_rate_min_load <= 0 or min_load_frac >= 1 gives a constant heat rate.
 * Part-load heat rates of gas turbines rise faster than linearly at low load
 * (roughly a fixed no-load fuel plus an incremental rate); a site that runs
 * units deep in part load should give a min-load point near where it runs.
 */
double
generator_fuel(const struct generator_model *g, double out_w, double avail_w)
{
	double	x, x0, hr;

	if (!(out_w > 0))
		return 0;
	hr = g->heat_rate;
	x0 = g->min_load_frac;
	if (g->heat_rate_min_load > 0 && x0 < 1) {
		x = avail_w > 0 ? out_w / avail_w : 1;
		if (x0 < 0)
			x0 = 0;
		if (x <= x0)
			hr = g->heat_rate_min_load;
		else if (x < 1)
			hr = g->heat_rate_min_load +
			    (x - x0) / (1 - x0) * (g->heat_rate - g->heat_rate_min_load);
	}
	if (!(hr > 0))
		return 0;
	return out_w * hr;
}

/* kg CO2 = fuel energy (J, same heating-value basis as the factor) x factor. */
double
generator_co2_kg(const struct generator_model *g, double fuel_j)
{
	if (!(fuel_j > 0) || !(g->co2_kg_per_j > 0))
		return 0;
	return fuel_j * g->co2_kg_per_j;
}

/* kg NOx = electric energy generated (J) x factor (kg/J). */
double
generator_nox_kg(const struct generator_model *g, double elec_j)
{
	if (!(elec_j > 0) || !(g->nox_kg_per_j > 0))
		return 0;
	return elec_j * g->nox_kg_per_j;
}
