/*
 * t-battery.c - battery limits, losses and SOC bounds.
 * Reference unit: Megapack-2-XL-like, 1.9 MW, 3.9 MWh = 1.404e10 J,
 * round trip 92 % -> sqrt(0.92) = 0.9591663 each way; SOC 5..95 %.
 * Hand values from python: e.g. 3.6e9 / math.sqrt(0.92) = 3753259453.03.
 */

#include <math.h>
#include <string.h>

#include <gsl/gsl_rng.h>

#include "battery.h"
#include "tap.h"

#define E1	(3.9e6 * 3600)		/* J per unit */
#define ETA	0.9591663046625439	/* sqrt(0.92), python math.sqrt */

static struct battery_model
megapack(void)
{
	struct battery_model	b;

	memset(&b, 0, sizeof b);
	strcpy(b.name, "megapack-test");
	b.power_w = 1.9e6;
	b.energy_j = E1;
	b.rte = 0.92;
	b.soc_min = 0.05;
	b.soc_max = 0.95;
	return b;
}

static void
test_discharge(void)
{
	struct battery_model	b = megapack();
	double			e, got;

	/* 2 units at 50 %: 1.404e10 J; 1 MW for 1 h draws 3.6e9/0.95917 */
	e = 0.5 * 2 * E1;
	got = battery_discharge(&b, 2, &e, 1e6, 3600);
	is_rel(got, 1e6, 1e-15, "discharge: request met");
	is_rel(e, 1.404e10 - 3753259453.0273457, 1e-12, "discharge: store drops by 3.753 GJ");

	/* power limit: 2 x 1.9 MW */
	e = 0.5 * 2 * E1;
	got = battery_discharge(&b, 2, &e, 1e7, 60);
	is_rel(got, 3.8e6, 1e-15, "discharge: limited to n x power");
	is_rel(e, 1.404e10 - 3.8e6 * 60 / ETA, 1e-12, "discharge: store after power-limited step");

	/* energy limit: 1 GJ above the floor, 1 h: 1e9 x 0.95917 / 3600 = 266435.08 W */
	e = 0.05 * 2 * E1 + 1e9;
	got = battery_discharge(&b, 2, &e, 3.8e6, 3600);
	is_rel(got, 266435.0846284844, 1e-12, "discharge: limited by energy above soc_min");
	is_rel(e, 0.05 * 2 * E1, 1e-15, "discharge: ends exactly at soc_min");

	/* empty: nothing more */
	got = battery_discharge(&b, 2, &e, 1e6, 3600);
	is_abs(got, 0, 1e-15, "discharge: at soc_min delivers 0");
	is_rel(e, 0.05 * 2 * E1, 1e-15, "discharge: at soc_min store unchanged");

	/* invalid input */
	e = 0.5 * E1;
	is_abs(battery_discharge(&b, 0, &e, 1e6, 3600), 0, 1e-15, "discharge: n 0 -> 0");
	is_abs(battery_discharge(&b, 1, &e, 1e6, 0), 0, 1e-15, "discharge: dt 0 -> 0");
	is_abs(battery_discharge(&b, 1, &e, -1e6, 3600), 0, 1e-15, "discharge: want < 0 -> 0");
	is_abs(battery_discharge(&b, 1, &e, NAN, 3600), 0, 1e-15, "discharge: want NaN -> 0");
	b.rte = 0;
	is_abs(battery_discharge(&b, 1, &e, 1e6, 3600), 0, 1e-15, "discharge: rte 0 -> 0");
	is_rel(e, 0.5 * E1, 1e-15, "discharge: invalid input leaves store alone");
}

static void
test_charge(void)
{
	struct battery_model	b = megapack();
	double			e, got, e0;

	/* 1 MW for 1 h into 2 units at 50 %: stores 3.6e9 x 0.95917 */
	e = 0.5 * 2 * E1;
	got = battery_charge(&b, 2, &e, 1e6, 3600);
	is_rel(got, 1e6, 1e-15, "charge: offer absorbed");
	is_rel(e, 1.404e10 + 3452998696.785158, 1e-12, "charge: store rises by 3.453 GJ");

	e = 0.5 * 2 * E1;
	got = battery_charge(&b, 2, &e, 5e6, 60);
	is_rel(got, 3.8e6, 1e-15, "charge: limited to n x power");

	/* 1 GJ below soc_max, 1 h: 1e9 / (0.95917 x 3600) = 289603.35 W */
	e = 0.95 * 2 * E1 - 1e9;
	got = battery_charge(&b, 2, &e, 3.8e6, 3600);
	is_rel(got, 289603.3528570483, 1e-12, "charge: limited by room below soc_max");
	is_rel(e, 0.95 * 2 * E1, 1e-15, "charge: ends exactly at soc_max");
	got = battery_charge(&b, 2, &e, 1e6, 3600);
	is_abs(got, 0, 1e-15, "charge: full absorbs 0");

	/* above soc_max (e.g. a high initial SOC): no charge */
	e = 0.99 * E1;
	is_abs(battery_charge(&b, 1, &e, 1e6, 60), 0, 1e-15, "charge: above soc_max absorbs 0");
	is_rel(e, 0.99 * E1, 1e-15, "charge: above soc_max store unchanged");

	/* round trip: 1 MWh in, then discharge back to the start: 0.92 MWh out */
	e0 = e = 0.5 * E1;
	got = battery_charge(&b, 1, &e, 1e6, 3600);
	is_rel(got, 1e6, 1e-15, "round trip: 1 MWh charged");
	got = battery_discharge(&b, 1, &e, 0.92e6, 3600);
	is_rel(got, 0.92e6, 1e-15, "round trip: 0.92 MWh delivered");
	is_rel(e, e0, 1e-12, "round trip: back at the starting energy (rte 92 %%)");
}

/*
 * Random walk: charge and discharge requests, time steps from 1 s to 2 h,
 * 1..4 units.  Each step must keep soc_min n E <= e <= soc_max n E and the
 * ledger e_end - e_start = sum(in dt) sqrt(rte) - sum(out dt) / sqrt(rte)
 * must close to 1e-9 of the capacity.
 */
static void
test_random(void)
{
	struct battery_model	b = megapack();
	gsl_rng			*r;
	double			e, e0, eb, lo, hi, in_j, out_j, w, dt, got, cap, d;
	int			i, n, bad_bounds, bad_power, bad_step, steps = 200000;

	r = gsl_rng_alloc(gsl_rng_mt19937);
	if (r == NULL) {
		ok(0, "random: gsl_rng_alloc");
		return;
	}
	gsl_rng_set(r, 20240601);
	n = 3;
	cap = n * E1;
	lo = b.soc_min * cap;
	hi = b.soc_max * cap;
	e0 = e = 0.5 * cap;
	in_j = out_j = 0;
	bad_bounds = bad_power = bad_step = 0;
	for (i = 0; i < steps; i++) {
		w = gsl_rng_uniform(r) * 1.5 * n * b.power_w;
		dt = 1 + gsl_rng_uniform(r) * 7199;
		eb = e;
		if (gsl_rng_uniform(r) < 0.5) {
			got = battery_discharge(&b, n, &e, w, dt);
			out_j += got * dt;
			d = -got * dt / ETA;
		} else {
			got = battery_charge(&b, n, &e, w, dt);
			in_j += got * dt;
			d = got * dt * ETA;
		}
		/* per step: 1e-9 of the step's energy, plus rounding of e */
		if (fabs((e - eb) - d) > 1e-9 * fabs(d) + 1e-15 * cap)
			bad_step++;
		if (got < 0 || got > w || got > n * b.power_w)
			bad_power++;
		if (!(e >= lo && e <= hi))
			bad_bounds++;
	}
	gsl_rng_free(r);
	is_int(bad_bounds, 0, "random: %d steps never leave the SOC bounds", steps);
	is_int(bad_power, 0, "random: 0 <= power <= min(request, n x rating)");
	is_int(bad_step, 0, "random: each step conserves energy within 1e-9 relative");
	is_abs(e - e0, in_j * ETA - out_j / ETA, 1e-9 * cap,
	    "random: energy ledger closes within 1e-9 of capacity");
	ok(in_j > 10 * cap && out_j > 10 * cap, "random: many full cycles exercised");
}

int
main(void)
{
	test_discharge();
	test_charge();
	test_random();
	return tap_done();
}
