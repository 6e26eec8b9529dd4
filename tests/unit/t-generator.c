/*
 * t-generator.c - derating, fuel and emissions against hand-computed values.
 * Reference unit: SMT-130-like, 16 MW, 10,160 kJ/kWh = 10160/3600 J/J.
 */

#include <math.h>
#include <string.h>

#include "generator.h"
#include "tap.h"

#define HR	(10160.0 / 3600.0)	/* J/J, 2.82222 */

static struct generator_model
smt130(void)
{
	struct generator_model	g;
	static const double	t[] = { -20, 15, 30, 45 };
	static const double	f[] = { 1.05, 1.00, 0.91, 0.80 };

	memset(&g, 0, sizeof g);
	strcpy(g.name, "smt130-test");
	g.rating_w = 16e6;
	g.heat_rate = HR;
	g.heat_rate_min_load = 3.6;
	g.min_load_frac = 0.5;
	g.n_derate = 4;
	memcpy(g.derate_t, t, sizeof t);
	memcpy(g.derate_f, f, sizeof f);
	g.co2_kg_per_j = 56.1 / 1e9;		/* IPCC 2006, 56.1 kg/GJ LHV */
	g.nox_kg_per_j = 1.24e-10;
	g.startup_s = 600;
	return g;
}

static void
test_derate(void)
{
	struct generator_model	g = smt130();

	is_rel(generator_available(&g, 15), 16e6, 1e-12, "derate: 15 degC ISO = rating");
	/* 0.91 + (35 - 30)/15 x (0.80 - 0.91) = 0.873333 -> 13.973 MW */
	is_rel(generator_available(&g, 35), 16e6 * (0.91 - 5.0 / 15 * 0.11), 1e-12,
	    "derate: 35 degC interpolated, 13.97 MW");
	is_rel(generator_available(&g, 30), 16e6 * 0.91, 1e-12, "derate: at a table point");
	/* 1.05 + (0 + 20)/35 x (1.00 - 1.05) = 1.021429 */
	is_rel(generator_available(&g, 0), 16e6 * (1.05 - 20.0 / 35 * 0.05), 1e-12,
	    "derate: 0 degC interpolated below ISO");
	is_rel(generator_available(&g, 50), 16e6 * 0.80, 1e-12, "derate: above table clamped");
	is_rel(generator_available(&g, -40), 16e6 * 1.05, 1e-12, "derate: below table clamped");
	is_abs(generator_available(&g, NAN), 0, 1e-15, "derate: NaN temperature gives 0");

	g.n_derate = 0;
	is_rel(generator_available(&g, 40), 16e6, 1e-12, "derate: empty table = 1.0");

	/* single point: constant */
	g.n_derate = 1;
	g.derate_f[0] = 0.95;
	is_rel(generator_available(&g, 40), 16e6 * 0.95, 1e-12, "derate: one point constant");

	/* step in the table (repeated temperature) must not divide by zero */
	g.n_derate = 3;
	g.derate_t[0] = 10; g.derate_f[0] = 1.0;
	g.derate_t[1] = 20; g.derate_f[1] = 0.9;
	g.derate_t[2] = 20; g.derate_f[2] = 0.7;
	is_rel(generator_available(&g, 15), 16e6 * 0.95, 1e-12, "derate: before a step");
	ok(isfinite(generator_available(&g, 20)), "derate: at a step, finite");
}

static void
test_fuel(void)
{
	struct generator_model	g = smt130();

	/* 16e6 x 2.82222 = 45.156 MW of fuel */
	is_rel(generator_fuel(&g, 16e6, 16e6), 16e6 * HR, 1e-12, "fuel: full load");
	/* x = 0.75: hr = 3.6 + (0.75 - 0.5)/0.5 x (2.82222 - 3.6) = 3.21111 */
	is_rel(generator_fuel(&g, 12e6, 16e6), 12e6 * (3.6 + 0.5 * (HR - 3.6)), 1e-12,
	    "fuel: 75 %% load, interpolated heat rate 38.53 MW");
	is_rel(generator_fuel(&g, 8e6, 16e6), 8e6 * 3.6, 1e-12, "fuel: at min load");
	is_rel(generator_fuel(&g, 4.8e6, 16e6), 4.8e6 * 3.6, 1e-12,
	    "fuel: below min load uses min-load heat rate");
	/* on a hot day 13.97 MW available: full output is full load */
	is_rel(generator_fuel(&g, 16e6 * 0.873333, 16e6 * 0.873333), 16e6 * 0.873333 * HR,
	    1e-12, "fuel: load fraction against derated availability");
	is_abs(generator_fuel(&g, 0, 16e6), 0, 1e-15, "fuel: out 0 -> 0");
	is_abs(generator_fuel(&g, -5, 16e6), 0, 1e-15, "fuel: out < 0 -> 0");
	is_rel(generator_fuel(&g, 1e6, 0), 1e6 * HR, 1e-12, "fuel: avail 0 uses full-load rate");

	g.heat_rate_min_load = 0;
	is_rel(generator_fuel(&g, 4e6, 16e6), 4e6 * HR, 1e-12, "fuel: constant heat rate");
}

static void
test_emissions(void)
{
	struct generator_model	g = smt130();
	double			fuel_j;

	/* One hour at 16 MW: 16e6 x 3600 x 2.82222 x 5.61e-8 = 9119.616 kg */
	fuel_j = generator_fuel(&g, 16e6, 16e6) * 3600;
	is_rel(generator_co2_kg(&g, fuel_j), 9119.616, 1e-9, "co2: one hour at 16 MW, 9.12 t");
	is_rel(generator_co2_kg(&g, 1e9), 56.1, 1e-12, "co2: 56.1 kg per GJ");
	is_abs(generator_co2_kg(&g, 0), 0, 1e-15, "co2: no fuel");
	/* 16e6 x 3600 x 1.24e-10 = 7.1424 kg */
	is_rel(generator_nox_kg(&g, 16e6 * 3600), 7.1424, 1e-12, "nox: one hour at 16 MW");
	is_abs(generator_nox_kg(&g, -1), 0, 1e-15, "nox: negative energy -> 0");
}

int
main(void)
{
	test_derate();
	test_fuel();
	test_emissions();
	return tap_done();
}
