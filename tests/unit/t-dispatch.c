/*
 * t-dispatch.c - one-step supply dispatch: grid, generator commitment with
 * derating, min load and permits, batteries, the three policies, the site
 * helpers, and a randomized energy-balance run.
 *
 * Test equipment (figures from models/mobile-gas-2.5mw.yaml and smt-130.yaml):
 *   mobile: 2.5 MW, heat rate 9800 kJ/kWh = 2.7222 J/J full load, 11500 kJ/kWh
 *           = 3.19444 J/J at the 30 % minimum load, flat to 30 degC then 0.8 %/K;
 *           CO2 56.1 kg/GJ, NOx 1.4 kg/MWh.
 *   turbine: 16 MW at 15 degC, 10160 kJ/kWh, 13000 kJ/kWh at 50 % min load,
 *           0.7 %/K above 15 degC; NOx 0.45 kg/MWh.
 *   battery: 1 MW, 1 MWh = 3.6e9 J per unit, round trip 0.81 (0.9 each way),
 *           SOC 10..90 %; two units: 0.72e9 .. 6.48e9 J.
 * Hand arithmetic (python3) is in the comments next to each check.
 */

#include <math.h>
#include <string.h>

#include <gsl/gsl_rng.h>

#include "battery.h"
#include "dispatch.h"
#include "generator.h"
#include "model.h"
#include "site.h"
#include "tap.h"

#define MW	1e6
#define HR	(9800e3 / 3.6e6)	/* 2.72222 J/J */
#define HRMIN	(11500e3 / 3.6e6)	/* 3.19444 J/J */

static struct generator_model
mobile(void)
{
	struct generator_model	g;

	memset(&g, 0, sizeof g);
	strcpy(g.name, "mobile");
	g.rating_w = 2.5e6;
	g.heat_rate = HR;
	g.heat_rate_min_load = HRMIN;
	g.min_load_frac = 0.3;
	g.n_derate = 4;
	g.derate_t[0] = -20; g.derate_f[0] = 1;
	g.derate_t[1] = 30; g.derate_f[1] = 1;
	g.derate_t[2] = 40; g.derate_f[2] = 0.92;
	g.derate_t[3] = 50; g.derate_f[3] = 0.84;
	g.co2_kg_per_j = 56.1e-9;
	g.nox_kg_per_j = 1.4 / 3.6e9;
	return g;
}

static struct generator_model
turbine(void)
{
	struct generator_model	g;

	memset(&g, 0, sizeof g);
	strcpy(g.name, "turbine");
	g.rating_w = 16e6;
	g.heat_rate = 10160e3 / 3.6e6;
	g.heat_rate_min_load = 13000e3 / 3.6e6;
	g.min_load_frac = 0.5;
	g.n_derate = 4;
	g.derate_t[0] = 15; g.derate_f[0] = 1;
	g.derate_t[1] = 25; g.derate_f[1] = 0.93;
	g.derate_t[2] = 35; g.derate_f[2] = 0.86;
	g.derate_t[3] = 45; g.derate_f[3] = 0.79;
	g.co2_kg_per_j = 56.1e-9;
	g.nox_kg_per_j = 0.45 / 3.6e9;
	return g;
}

static struct battery_model
batt(void)
{
	struct battery_model	b;

	memset(&b, 0, sizeof b);
	strcpy(b.name, "batt");
	b.power_w = 1e6;
	b.energy_j = 3.6e9;
	b.rte = 0.81;
	b.soc_min = 0.1;
	b.soc_max = 0.9;
	return b;
}

static struct dispatch_gen
gen(const struct generator_model *m, int units, enum gen_role role, double t_amb)
{
	struct dispatch_gen	g;

	memset(&g, 0, sizeof g);
	g.model = m;
	g.units = units;
	g.units_site = units;
	g.role = role;
	g.avail_w = generator_available(m, t_amb);
	return g;
}

static void
setup(struct dispatch_in *in, double demand, double grid, double dt,
    const struct dispatch_gen *g, int ng, const struct dispatch_batt *b, int nb,
    enum dispatch_policy pol)
{
	memset(in, 0, sizeof *in);
	in->demand_w = demand;
	in->grid_w = grid;
	in->dt = dt;
	in->gens = g;
	in->ngen = ng;
	in->batts = b;
	in->nbatt = nb;
	in->policy = pol;
}

/* grid + gen + discharge == demand - unserved + charge */
static double
imbalance(const struct dispatch_in *in, const struct dispatch_out *o)
{
	return o->grid_w + o->gen_w + o->batt_discharge_w -
	    (in->demand_w - o->unserved_w + o->batt_charge_w);
}

static void
test_grid_and_commit(void)
{
	struct generator_model	mm = mobile();
	struct dispatch_gen	g[1];
	struct dispatch_in	in;
	struct dispatch_out	o;

	g[0] = gen(&mm, 14, GEN_PEAK, 25);
	setup(&in, 50 * MW, 60 * MW, 3600, g, 1, NULL, 0, DISPATCH_GRID_FIRST);
	is_int(dispatch_step(&in, NULL, &o), 0, "grid alone: ok");
	is_rel(o.grid_w, 50 * MW, 1e-15, "grid alone: grid carries 50 MW");
	is_abs(o.gen_w, 0, 0, "grid alone: no generation");
	is_int(o.units_running[0], 0, "grid alone: no units");
	is_abs(o.unserved_w, 0, 0, "grid alone: nothing unserved");
	is_rel(o.grid_headroom_w, 10 * MW, 1e-15, "grid alone: 10 MW headroom");
	is_abs(o.fuel_w, 0, 0, "grid alone: no fuel");

	/* 10 MW short, 2.5 MW units at 25 degC (no derating): 4 units at full load.
	 * fuel 4 x 2.5e6 x 2.72222 = 27.2222 MW; x 3600 s = 9.8e10 J;
	 * CO2 9.8e10 x 56.1e-9 = 5497.8 kg; NOx 10 MWh x 1.4 = 14 kg */
	setup(&in, 60 * MW, 50 * MW, 3600, g, 1, NULL, 0, DISPATCH_GRID_FIRST);
	is_int(dispatch_step(&in, NULL, &o), 0, "10 MW short: ok");
	is_int(o.units_running[0], 4, "10 MW short: 4 x 2.5 MW units");
	is_rel(o.gen_w, 10 * MW, 1e-12, "10 MW short: 10 MW generated");
	is_rel(o.grid_w, 50 * MW, 1e-15, "10 MW short: grid at capacity");
	is_rel(o.fuel_w, 27222222.222222224, 1e-12, "10 MW short: fuel 27.22 MW");
	is_rel(o.fuel_j, 9.8e10, 1e-12, "10 MW short: fuel 9.8e10 J in an hour");
	is_rel(o.co2_kg, 5497.8, 1e-12, "10 MW short: CO2 5497.8 kg");
	is_rel(o.nox_kg, 14, 1e-12, "10 MW short: NOx 14 kg");
	is_rel(o.nox_group_kg[0], 14, 1e-12, "10 MW short: group NOx 14 kg");
	is_rel(o.unit_s[0], 4 * 3600, 1e-15, "10 MW short: 4 unit-hours");

	/* 35 degC: 2.5 x (1 - 0.08 x 0.5) = 2.4 MW per unit; 10 / 2.4 = 4.17 -> 5 units
	 * at 2 MW, x = 0.8333; hr = 3.19444 + (0.8333-0.3)/0.7 x (2.72222-3.19444)
	 * = 2.834656; fuel 5 x 2e6 x 2.834656 = 28.346561 MW */
	g[0] = gen(&mm, 14, GEN_PEAK, 35);
	is_rel(g[0].avail_w, 2.4e6, 1e-12, "35 degC: derated to 2.4 MW");
	setup(&in, 60 * MW, 50 * MW, 3600, g, 1, NULL, 0, DISPATCH_GRID_FIRST);
	dispatch_step(&in, NULL, &o);
	is_int(o.units_running[0], 5, "35 degC: 5 units");
	is_rel(o.gen_group_w[0], 10 * MW, 1e-12, "35 degC: 10 MW from the group");
	is_rel(o.fuel_w, 28346560.846560847, 1e-12, "35 degC: part-load fuel");

	/* exactly 4 units' worth with awkward numbers: 3 x 2.4 = 7.2 MW short */
	setup(&in, 57.2 * MW, 50 * MW, 3600, g, 1, NULL, 0, DISPATCH_GRID_FIRST);
	dispatch_step(&in, NULL, &o);
	is_int(o.units_running[0], 3, "7.2 MW short at 2.4 MW per unit: 3 units, not 4");

	/* max_running 3: 7.5 MW of the 10, 2.5 MW unserved */
	g[0] = gen(&mm, 14, GEN_PEAK, 25);
	g[0].max_running = 3;
	setup(&in, 60 * MW, 50 * MW, 3600, g, 1, NULL, 0, DISPATCH_GRID_FIRST);
	dispatch_step(&in, NULL, &o);
	is_int(o.units_running[0], 3, "max_running 3: 3 units");
	is_rel(o.gen_w, 7.5 * MW, 1e-12, "max_running 3: 7.5 MW");
	is_rel(o.unserved_w, 2.5 * MW, 1e-9, "max_running 3: 2.5 MW unserved");
}

static void
test_hours(void)
{
	struct generator_model	mm = mobile();
	struct dispatch_gen	g[1];
	struct dispatch_in	in;
	struct dispatch_out	o;

	/* 100 h per unit, 14 units: budget 14 x 360000 unit-seconds */
	g[0] = gen(&mm, 14, GEN_PEAK, 25);
	g[0].max_hours_s = 100 * 3600;
	g[0].hours_used_s = 14 * 360000.0;
	setup(&in, 60 * MW, 50 * MW, 3600, g, 1, NULL, 0, DISPATCH_GRID_FIRST);
	dispatch_step(&in, NULL, &o);
	is_int(o.units_running[0], 0, "hours exhausted: no units");
	is_rel(o.unserved_w, 10 * MW, 1e-12, "hours exhausted: 10 MW unserved");

	/* 2.5 unit-hours left, 1 h step: 2 whole units */
	g[0].hours_used_s = 14 * 360000.0 - 2.5 * 3600;
	dispatch_step(&in, NULL, &o);
	is_int(o.units_running[0], 2, "2.5 unit-hours left: 2 units");
	is_rel(o.unserved_w, 5 * MW, 1e-12, "2.5 unit-hours left: 5 MW unserved");

	/* the budget spreads over units on site (14), not only usable ones (13) */
	g[0].units = 13;
	g[0].hours_used_s = 13 * 360000.0;
	dispatch_step(&in, NULL, &o);
	is_int(o.units_running[0], 4, "budget over 14 units on site: still runs");
	g[0].max_hours_s = 0;
	g[0].hours_used_s = 1e12;
	dispatch_step(&in, NULL, &o);
	is_int(o.units_running[0], 4, "max_hours 0 = no limit");
}

static void
test_min_load(void)
{
	struct generator_model	mm = mobile(), hm;
	struct battery_model	bm = batt();
	struct dispatch_gen	g[1];
	struct dispatch_batt	b[1] = { { &bm, 2 } };
	struct dispatch_in	in;
	struct dispatch_out	o;
	double			e[1];

	/* 0.5 MW left, min load 0.3 x 2.5 = 0.75 MW: one unit at 0.75, the 0.25 MW
	 * surplus lowers the grid import (no batteries): grid 49.75 MW */
	g[0] = gen(&mm, 14, GEN_PEAK, 25);
	setup(&in, 50.5 * MW, 50 * MW, 600, g, 1, NULL, 0, DISPATCH_GRID_FIRST);
	dispatch_step(&in, NULL, &o);
	is_int(o.units_running[0], 1, "min load: one unit");
	is_rel(o.gen_w, 0.75 * MW, 1e-12, "min load: runs at 0.75 MW");
	is_rel(o.grid_w, 49.75 * MW, 1e-12, "min load: grid import backs off 0.25 MW");
	is_abs(o.curtailed_w, 0, 0, "min load: nothing curtailed");
	is_abs(imbalance(&in, &o), 0, 1e-6, "min load: balance");

	/* with batteries: the surplus charges them (grid at capacity, no headroom) */
	e[0] = 3.6e9;
	setup(&in, 50.5 * MW, 50 * MW, 600, g, 1, b, 1, DISPATCH_GRID_FIRST);
	dispatch_step(&in, e, &o);
	is_rel(o.batt_charge_w, 0.25 * MW, 1e-12, "min load: 0.25 MW surplus to batteries");
	is_rel(o.grid_w, 50 * MW, 1e-12, "min load: grid stays at capacity");
	is_rel(e[0], 3.6e9 + 0.25e6 * 600 * 0.9, 1e-12, "min load: stored 0.25 MW x 600 s x 0.9");
	is_abs(imbalance(&in, &o), 0, 1e-6, "min load + batteries: balance");

	/* no grid, no batteries: the unit is backed down to 0.5 MW, 0.25 curtailed;
	 * fuel at x = 0.2 < 0.3 uses the min-load heat rate: 0.5e6 x 3.19444 */
	setup(&in, 0.5 * MW, 0, 600, g, 1, NULL, 0, DISPATCH_GRID_FIRST);
	dispatch_step(&in, NULL, &o);
	is_rel(o.gen_w, 0.5 * MW, 1e-12, "islanded min load: backed down to demand");
	is_rel(o.curtailed_w, 0.25 * MW, 1e-12, "islanded min load: 0.25 MW curtailed");
	is_rel(o.fuel_w, 1597222.2222222222, 1e-12, "islanded min load: fuel at min-load heat rate");
	is_abs(o.unserved_w, 0, 0, "islanded min load: served");

	/* several units under min load: min load 60 %% of 10 MW, 11 MW needed ->
	 * 2 units; 5.5 MW each is below 6, so both run at 6 MW and 1 MW surplus
	 * charges the batteries (2 x 1 MW rating, room enough) */
	hm = mm;
	hm.rating_w = 10e6;
	hm.min_load_frac = 0.6;
	hm.n_derate = 0;
	g[0] = gen(&hm, 4, GEN_PEAK, 25);
	e[0] = 3.6e9;
	setup(&in, 11 * MW, 0, 600, g, 1, b, 1, DISPATCH_GRID_FIRST);
	dispatch_step(&in, e, &o);
	is_int(o.units_running[0], 2, "min load 60 %%: 2 units");
	is_rel(o.gen_w, 12 * MW, 1e-12, "min load 60 %%: 2 x 6 MW");
	is_rel(o.batt_charge_w, 1 * MW, 1e-12, "min load 60 %%: 1 MW surplus charges");
	is_abs(o.curtailed_w, 0, 1e-6, "min load 60 %%: nothing curtailed");
	is_abs(imbalance(&in, &o), 0, 1e-6, "min load 60 %%: balance");

	/* the same with the batteries full: 1 MW curtailed from the 12 */
	e[0] = 0.9 * 2 * 3.6e9;
	dispatch_step(&in, e, &o);
	is_rel(o.gen_w, 11 * MW, 1e-12, "min load 60 %%, batteries full: 11 MW generated");
	is_rel(o.curtailed_w, 1 * MW, 1e-12, "min load 60 %%, batteries full: 1 MW curtailed");
	is_rel(e[0], 6.48e9, 1e-15, "min load 60 %%, batteries full: stay at soc_max");
}

static void
test_batteries(void)
{
	struct battery_model	bm = batt();
	struct dispatch_batt	b[1] = { { &bm, 2 } };
	struct dispatch_in	in;
	struct dispatch_out	o;
	double			e[1];
	int			i;

	/* 1 MW gap, 600 s: draws 1e6 x 600 / 0.9 = 6.6667e8 J a step.  From 3.6e9
	 * with the floor at 0.72e9: four full steps leave 9.3333e8 J; the fifth
	 * gives (9.3333e8 - 0.72e9) x 0.9 / 600 = 320000 W and stops at soc_min. */
	e[0] = 3.6e9;
	setup(&in, 51 * MW, 50 * MW, 600, NULL, 0, b, 1, DISPATCH_GRID_FIRST);
	dispatch_step(&in, e, &o);
	is_rel(o.batt_discharge_w, 1 * MW, 1e-12, "battery covers a 1 MW gap");
	is_abs(o.unserved_w, 0, 0, "battery gap: served");
	is_rel(e[0], 3.6e9 - 666666666.6666666, 1e-12, "battery gap: 6.667e8 J drawn");
	is_rel(o.batt_group_w[0], 1 * MW, 1e-12, "battery gap: group reports discharge");
	for (i = 0; i < 3; i++)
		dispatch_step(&in, e, &o);
	is_rel(e[0], 933333333.3333335, 1e-9, "battery gap: after four steps");
	dispatch_step(&in, e, &o);
	is_rel(o.batt_discharge_w, 320000, 1e-6, "battery gap: fifth step limited by energy");
	is_rel(o.unserved_w, 680000, 1e-6, "battery gap: 680 kW unserved");
	is_rel(e[0], 0.72e9, 1e-15, "battery gap: stops at soc_min");
	dispatch_step(&in, e, &o);
	is_abs(o.batt_discharge_w, 0, 0, "battery empty: nothing more");
	is_rel(o.unserved_w, 1 * MW, 1e-12, "battery empty: 1 MW unserved");

	/* recharge from headroom: 10 MW headroom, capped by room to soc_max:
	 * 1e8 J / (0.9 x 600) = 185185.185 W; grid 40.185 MW */
	e[0] = 6.48e9 - 1e8;
	setup(&in, 40 * MW, 50 * MW, 600, NULL, 0, b, 1, DISPATCH_GRID_FIRST);
	dispatch_step(&in, e, &o);
	is_rel(o.batt_charge_w, 185185.1851851852, 1e-9, "recharge: limited by room to soc_max");
	is_rel(o.grid_w, 40 * MW + 185185.1851851852, 1e-12, "recharge: grid carries the charge");
	is_rel(e[0], 6.48e9, 1e-15, "recharge: stops at soc_max");
	is_rel(o.batt_group_w[0], -185185.1851851852, 1e-9, "recharge: group reports charge");
	dispatch_step(&in, e, &o);
	is_abs(o.batt_charge_w, 0, 0, "recharge: full, nothing more");
	is_rel(o.grid_w, 40 * MW, 1e-15, "recharge: full, grid carries the demand only");

	/* power limit: 2 x 1 MW; stored 2e6 x 600 x 0.9 = 1.08e9 J */
	e[0] = 3.6e9;
	dispatch_step(&in, e, &o);
	is_rel(o.batt_charge_w, 2 * MW, 1e-15, "recharge: limited to 2 x 1 MW");
	is_rel(e[0], 4.68e9, 1e-12, "recharge: +1.08e9 J");

	/* a group not yet in service does nothing */
	b[0].count = 0;
	e[0] = 3.6e9;
	setup(&in, 51 * MW, 50 * MW, 600, NULL, 0, b, 1, DISPATCH_GRID_FIRST);
	dispatch_step(&in, e, &o);
	is_abs(o.batt_discharge_w, 0, 0, "battery count 0: no discharge");
	is_rel(e[0], 3.6e9, 0, "battery count 0: energy untouched");
}

static void
test_short_everywhere(void)
{
	struct generator_model	mm = mobile();
	struct battery_model	bm = batt();
	struct dispatch_gen	g[1];
	struct dispatch_batt	b[1] = { { &bm, 2 } };
	struct dispatch_in	in;
	struct dispatch_out	o;
	double			e[1] = { 3.6e9 };

	/* 100 MW against 50 grid + 14 x 2.5 = 35 gen + 2 battery: 13 MW unserved */
	g[0] = gen(&mm, 14, GEN_PEAK, 25);
	setup(&in, 100 * MW, 50 * MW, 600, g, 1, b, 1, DISPATCH_GRID_FIRST);
	dispatch_step(&in, e, &o);
	is_int(o.units_running[0], 14, "all short: every unit runs");
	is_rel(o.gen_w, 35 * MW, 1e-12, "all short: 35 MW generated");
	is_rel(o.batt_discharge_w, 2 * MW, 1e-12, "all short: batteries at 2 MW");
	is_rel(o.unserved_w, 13 * MW, 1e-12, "all short: 13 MW unserved");
	is_abs(o.batt_charge_w, 0, 0, "all short: no charging");
}

static void
test_policies(void)
{
	struct generator_model	mm = mobile(), tm = turbine();
	struct battery_model	bm = batt();
	struct dispatch_gen	g[2];
	struct dispatch_batt	b[1] = { { &bm, 2 } };
	struct dispatch_in	in;
	struct dispatch_out	o;
	double			e[1];

	/* merit order inside a role: the turbine is listed first, but the mobile
	 * sets have the lower heat rate (2.722 < 2.822), so they run */
	g[0] = gen(&tm, 2, GEN_PEAK, 15);
	g[1] = gen(&mm, 14, GEN_PEAK, 15);
	setup(&in, 60 * MW, 50 * MW, 600, g, 2, NULL, 0, DISPATCH_GRID_FIRST);
	dispatch_step(&in, NULL, &o);
	is_int(o.units_running[0], 0, "merit: turbine idle");
	is_int(o.units_running[1], 4, "merit: 4 mobile units");

	/* role before heat rate: the turbine as base runs before the mobile peakers;
	 * 10 MW short -> 1 turbine (16 MW) at 10 MW (62.5 %, above its 50 % min) */
	g[0].role = GEN_BASE;
	dispatch_step(&in, NULL, &o);
	is_int(o.units_running[0], 1, "base role first: 1 turbine");
	is_int(o.units_running[1], 0, "base role first: no mobile units");
	is_rel(o.gen_group_w[0], 10 * MW, 1e-12, "base role first: turbine at 10 MW");

	/* generators-base: base mobile sets (14 x 2.5 = 35 MW) before the grid,
	 * grid 25 MW, the 25 MW headroom charges the batteries (2 MW) */
	g[0] = gen(&mm, 14, GEN_BASE, 15);
	g[1] = gen(&tm, 2, GEN_PEAK, 15);
	e[0] = 3.6e9;
	setup(&in, 60 * MW, 50 * MW, 600, g, 2, b, 1, DISPATCH_GENERATORS_BASE);
	dispatch_step(&in, e, &o);
	is_int(o.units_running[0], 14, "generators-base: all 14 base units");
	is_rel(o.gen_group_w[0], 35 * MW, 1e-12, "generators-base: 35 MW base");
	is_rel(o.grid_w, 25 * MW + 2 * MW, 1e-12, "generators-base: grid 25 MW + 2 MW charging");
	is_rel(o.batt_charge_w, 2 * MW, 1e-12, "generators-base: batteries charge from headroom");
	is_int(o.units_running[1], 0, "generators-base: peakers idle");
	/* 20 MW demand: base covers it with 8 units, grid 0 (+ charging) */
	setup(&in, 20 * MW, 50 * MW, 600, g, 2, b, 1, DISPATCH_GENERATORS_BASE);
	dispatch_step(&in, e, &o);
	is_int(o.units_running[0], 8, "generators-base: 20 MW -> 8 base units");
	is_rel(o.grid_w, 2 * MW, 1e-12, "generators-base: grid only charges");
	/* 0.5 MW: one base unit at its 0.75 MW minimum; the 0.25 MW surplus charges
	 * the batteries, the grid headroom tops them up to their 2 x 1 MW rating
	 * (1.75 MW more, not another 2) */
	e[0] = 3.6e9;
	setup(&in, 0.5 * MW, 50 * MW, 600, g, 2, b, 1, DISPATCH_GENERATORS_BASE);
	dispatch_step(&in, e, &o);
	is_rel(o.gen_w, 0.75 * MW, 1e-12, "generators-base 0.5 MW: base unit at min load");
	is_rel(o.batt_charge_w, 2 * MW, 1e-12, "generators-base 0.5 MW: charge within 2 MW rating");
	is_rel(o.grid_w, 1.75 * MW, 1e-12, "generators-base 0.5 MW: grid gives the other 1.75 MW");
	is_abs(imbalance(&in, &o), 0, 1e-6, "generators-base 0.5 MW: balance");
	/* 100 MW: base 35, grid 50, peakers 15 MW -> one 16 MW turbine */
	setup(&in, 100 * MW, 50 * MW, 600, g, 2, b, 1, DISPATCH_GENERATORS_BASE);
	dispatch_step(&in, e, &o);
	is_rel(o.grid_w, 50 * MW, 1e-12, "generators-base: grid at capacity");
	is_int(o.units_running[1], 1, "generators-base: one turbine peaks");
	is_rel(o.gen_group_w[1], 15 * MW, 1e-12, "generators-base: turbine 15 MW");
	is_abs(o.batt_discharge_w, 0, 0, "generators-base: batteries not needed");

	/* peak-shave: batteries before peakers */
	g[0] = gen(&mm, 14, GEN_PEAK, 15);
	e[0] = 3.6e9;
	setup(&in, 52 * MW, 50 * MW, 600, g, 1, b, 1, DISPATCH_PEAK_SHAVE);
	dispatch_step(&in, e, &o);
	is_rel(o.batt_discharge_w, 2 * MW, 1e-12, "peak-shave: batteries take 2 MW");
	is_int(o.units_running[0], 0, "peak-shave: no generator");
	/* 3 MW short: batteries 2, one unit at 1 MW (above its 0.75 MW min) */
	e[0] = 3.6e9;
	setup(&in, 53 * MW, 50 * MW, 600, g, 1, b, 1, DISPATCH_PEAK_SHAVE);
	dispatch_step(&in, e, &o);
	is_rel(o.batt_discharge_w, 2 * MW, 1e-12, "peak-shave 3 MW: batteries 2 MW");
	is_int(o.units_running[0], 1, "peak-shave 3 MW: one unit");
	is_rel(o.gen_w, 1 * MW, 1e-12, "peak-shave 3 MW: 1 MW generated");
	/* grid-first on the same: 2 units at 1.5 MW, batteries idle */
	e[0] = 3.6e9;
	setup(&in, 53 * MW, 50 * MW, 600, g, 1, b, 1, DISPATCH_GRID_FIRST);
	dispatch_step(&in, e, &o);
	is_int(o.units_running[0], 2, "grid-first 3 MW: 2 units");
	is_abs(o.batt_discharge_w, 0, 0, "grid-first 3 MW: batteries idle");
	/* peak-shave, 2.5 MW short: batteries plan 2, the unit must run at its
	 * 0.75 MW minimum for the last 0.5, so the batteries give 1.75 MW */
	e[0] = 3.6e9;
	setup(&in, 52.5 * MW, 50 * MW, 600, g, 1, b, 1, DISPATCH_PEAK_SHAVE);
	dispatch_step(&in, e, &o);
	is_rel(o.gen_w, 0.75 * MW, 1e-12, "peak-shave min load: unit at 0.75 MW");
	is_rel(o.batt_discharge_w, 1.75 * MW, 1e-12, "peak-shave min load: batteries 1.75 MW");
	is_abs(o.batt_charge_w, 0, 0, "peak-shave min load: no charge and discharge together");
	is_abs(o.curtailed_w, 0, 0, "peak-shave min load: nothing curtailed");
	is_abs(imbalance(&in, &o), 0, 1e-6, "peak-shave min load: balance");
	/* peak-shave with a base group: base runs before the batteries */
	g[0] = gen(&mm, 14, GEN_BASE, 15);
	g[1] = gen(&tm, 2, GEN_PEAK, 15);
	e[0] = 3.6e9;
	setup(&in, 55 * MW, 50 * MW, 600, g, 2, b, 1, DISPATCH_PEAK_SHAVE);
	dispatch_step(&in, e, &o);
	is_int(o.units_running[0], 2, "peak-shave: base units before batteries");
	is_abs(o.batt_discharge_w, 0, 0, "peak-shave: batteries idle behind base");
	is_int(o.units_running[1], 0, "peak-shave: peakers idle");
}

static void
test_invalid(void)
{
	struct battery_model	bm = batt();
	struct dispatch_batt	b[1] = { { &bm, 2 } };
	struct dispatch_gen	g[DISPATCH_MAX_GROUPS + 1];
	struct dispatch_in	in;
	struct dispatch_out	o;
	double			e[1] = { 3.6e9 };

	setup(&in, NAN, 50 * MW, 600, NULL, 0, b, 1, DISPATCH_GRID_FIRST);
	is_int(dispatch_step(&in, e, &o), -1, "NaN demand: error");
	is_abs(o.grid_w, 0, 0, "NaN demand: output zeroed");
	is_rel(e[0], 3.6e9, 0, "NaN demand: energy untouched");
	setup(&in, 1 * MW, 50 * MW, 0, NULL, 0, b, 1, DISPATCH_GRID_FIRST);
	is_int(dispatch_step(&in, e, &o), -1, "dt 0: error");
	setup(&in, -1, 50 * MW, 600, NULL, 0, b, 1, DISPATCH_GRID_FIRST);
	is_int(dispatch_step(&in, e, &o), -1, "negative demand: error");
	setup(&in, 1 * MW, INFINITY, 600, NULL, 0, b, 1, DISPATCH_GRID_FIRST);
	is_int(dispatch_step(&in, e, &o), -1, "infinite grid: error");
	setup(&in, 1 * MW, 50 * MW, 600, NULL, 0, b, 1, DISPATCH_GRID_FIRST);
	is_int(dispatch_step(&in, NULL, &o), -1, "batteries without energy array: error");
	e[0] = NAN;
	is_int(dispatch_step(&in, e, &o), -1, "NaN battery energy: error");
	memset(g, 0, sizeof g);
	setup(&in, 1 * MW, 50 * MW, 600, g, DISPATCH_MAX_GROUPS + 1, NULL, 0,
	    DISPATCH_GRID_FIRST);
	is_int(dispatch_step(&in, NULL, &o), -1, "too many generator groups: error");
	setup(&in, 1 * MW, 50 * MW, 600, NULL, 0, NULL, 0, (enum dispatch_policy)7);
	is_int(dispatch_step(&in, NULL, &o), -1, "unknown policy: error");
	setup(&in, 0, 0, 600, NULL, 0, NULL, 0, DISPATCH_PEAK_SHAVE);
	is_int(dispatch_step(&in, NULL, &o), 0, "zero demand, nothing on site: ok");
	is_abs(o.unserved_w, 0, 0, "zero demand: nothing unserved");
}

static void
test_site(void)
{
	struct model		gm, bmod;
	struct site_generator	sg[1];
	struct site_battery	sb[1];
	struct site_feed	sf[1];
	struct site		s;
	struct dispatch_gen	g[DISPATCH_MAX_GROUPS];
	struct dispatch_batt	b[DISPATCH_MAX_GROUPS];
	struct dispatch_in	in;
	double			e[1];
	int			n;

	memset(&gm, 0, sizeof gm);
	gm.kind = MK_GENERATOR;
	gm.u.generator = mobile();
	memset(&bmod, 0, sizeof bmod);
	bmod.kind = MK_BATTERY;
	bmod.u.battery = batt();
	memset(sg, 0, sizeof sg);
	sg[0].model = &gm;
	sg[0].count = 14;
	sg[0].available = 100;
	sg[0].until = DATE_NEVER;
	sg[0].redundancy = RED_N1;
	sg[0].role = GEN_BASE;
	sg[0].max_running = 10;
	sg[0].max_hours_s = 360000;
	memset(sb, 0, sizeof sb);
	sb[0].model = &bmod;
	sb[0].count = 3;
	sb[0].available = 120;
	sb[0].initial_soc = 0.5;
	memset(sf, 0, sizeof sf);
	sf[0].capacity_w = 50 * MW;
	sf[0].in_service = DATE_NONE;
	sf[0].out_of_service = DATE_NEVER;
	memset(&s, 0, sizeof s);
	s.power.gens = sg;
	s.power.ngens = 1;
	s.power.batts = sb;
	s.power.nbatts = 1;
	s.power.feeds = sf;
	s.power.nfeeds = 1;
	s.power.policy = DISPATCH_PEAK_SHAVE;

	/* day 110 at 40 degC: 14 on site, N+1 -> 13, max_running 10 -> 10 usable;
	 * 2.5 MW x 0.92 = 2.3 MW each */
	is_int(dispatch_gens_from_site(&s, 110, 40, g, &n), 0, "gens from site: ok");
	is_int(n, 1, "gens from site: one group");
	is_int(g[0].units, 10, "gens from site: N+1 and max_running give 10");
	is_int(g[0].units_site, 14, "gens from site: 14 on site");
	is_rel(g[0].avail_w, 2.3e6, 1e-12, "gens from site: derated 2.3 MW at 40 degC");
	is_int(g[0].role, GEN_BASE, "gens from site: role");
	is_rel(g[0].max_hours_s, 360000, 0, "gens from site: hours permit");
	dispatch_gens_from_site(&s, 99, 40, g, &n);
	is_int(g[0].units, 0, "gens from site: none before available");

	dispatch_batts_from_site(&s, 119, b, &n);
	is_int(b[0].count, 0, "batts from site: none before available");
	dispatch_batts_from_site(&s, 120, b, &n);
	is_int(b[0].count, 3, "batts from site: 3 from day 120");
	dispatch_batt_init(&s, e);
	is_rel(e[0], 0.5 * 3 * 3.6e9, 1e-15, "batt init: 0.5 x 3 x 3.6e9 J");

	is_int(dispatch_in_from_site(&s, 130, 20, g, b, &in), 0, "in from site: ok");
	is_rel(in.grid_w, 50 * MW, 1e-15, "in from site: 50 MW grid");
	is_int(in.policy, DISPATCH_PEAK_SHAVE, "in from site: policy");
	is_int(in.ngen, 1, "in from site: ngen");
	is_int(in.nbatt, 1, "in from site: nbatt");
	is_rel(in.gens[0].avail_w, 2.5e6, 1e-15, "in from site: 2.5 MW at 20 degC");

	s.power.ngens = DISPATCH_MAX_GROUPS + 1;
	is_int(dispatch_gens_from_site(&s, 110, 40, g, &n), -1, "too many groups: error");
	is_int(n, 0, "too many groups: n 0");
}

/* Random sites and steps; every step must balance and keep the SOC in range. */
static void
test_random(void)
{
	struct generator_model	mm = mobile(), tm = turbine(), hm;
	struct battery_model	b1 = batt(), b2 = batt();
	struct dispatch_gen	g[3];
	struct dispatch_batt	b[2];
	struct dispatch_in	in;
	struct dispatch_out	o;
	gsl_rng			*r;
	double			e[2], used[3] = { 0, 0, 0 }, lhs, worst = 0, emin, emax;
	int			step, i, bad_rc = 0, bad_bal = 0, bad_neg = 0, bad_soc = 0;
	int			bad_units = 0, nunserved = 0, ncurtail = 0, nsurplus = 0;

	hm = mm;
	hm.rating_w = 5e6;
	hm.min_load_frac = 0.7;
	b2.power_w = 2.5e6;
	b2.energy_j = 1.8e10;
	b2.rte = 0.9;
	b2.soc_min = 0.05;
	b2.soc_max = 0.95;
	b[0].model = &b1;
	b[0].count = 3;
	b[1].model = &b2;
	b[1].count = 2;
	e[0] = 0.5 * 3 * b1.energy_j;
	e[1] = 0.5 * 2 * b2.energy_j;

	r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, 20240701);
	for (step = 0; step < 10000; step++) {
		double	t = -10 + 55 * gsl_rng_uniform(r);

		g[0] = gen(&mm, (int)gsl_rng_uniform_int(r, 15), GEN_PEAK, t);
		g[1] = gen(&tm, (int)gsl_rng_uniform_int(r, 4),
		    gsl_rng_uniform(r) < 0.5 ? GEN_BASE : GEN_PEAK, t);
		g[2] = gen(&hm, (int)gsl_rng_uniform_int(r, 5), GEN_BASE, t);
		g[0].max_running = (int)gsl_rng_uniform_int(r, 12);
		g[1].max_hours_s = 200 * 3600.0;
		for (i = 0; i < 3; i++)
			g[i].hours_used_s = used[i];
		b[0].count = (int)gsl_rng_uniform_int(r, 2) ? 3 : 0;
		setup(&in, 120 * MW * gsl_rng_uniform(r), 80 * MW * gsl_rng_uniform(r),
		    300 + 3300 * gsl_rng_uniform(r), g, 3, b, 2,
		    (enum dispatch_policy)gsl_rng_uniform_int(r, 3));
		if (dispatch_step(&in, e, &o) != 0) {
			bad_rc++;
			continue;
		}
		lhs = fabs(imbalance(&in, &o)) / (in.demand_w > 1 ? in.demand_w : 1);
		if (!(lhs <= 1e-6))
			bad_bal++;
		if (lhs > worst)
			worst = lhs;
		if (!(o.grid_w >= 0) || !(o.gen_w >= 0) || !(o.batt_discharge_w >= 0) ||
		    !(o.batt_charge_w >= 0) || !(o.unserved_w >= 0) || !(o.curtailed_w >= 0) ||
		    !(o.fuel_w >= 0) || !(o.co2_kg >= 0) || !(o.nox_kg >= 0) ||
		    !(o.grid_w <= in.grid_w * (1 + 1e-12)))
			bad_neg++;
		for (i = 0; i < 3; i++) {
			int	lim = g[i].units;

			if (g[i].max_running > 0 && lim > g[i].max_running)
				lim = g[i].max_running;
			if (o.units_running[i] > lim || !(o.gen_group_w[i] <=
			    o.units_running[i] * g[i].avail_w * (1 + 1e-9)))
				bad_units++;
			used[i] += o.unit_s[i];
		}
		for (i = 0; i < 2; i++) {
			const struct battery_model *m = b[i].model;
			int	n = i == 0 ? 3 : 2;

			if (!(fabs(o.batt_group_w[i]) <= b[i].count * m->power_w * (1 + 1e-12)))
				bad_soc++;

			emin = m->soc_min * n * m->energy_j;
			emax = m->soc_max * n * m->energy_j;
			if (!(e[i] >= emin * (1 - 1e-12)) || !(e[i] <= emax * (1 + 1e-12)))
				bad_soc++;
		}
		if (o.unserved_w > 0)
			nunserved++;
		if (o.curtailed_w > 0)
			ncurtail++;
		if (o.batt_charge_w > 0 && o.gen_w > 0)
			nsurplus++;
	}
	gsl_rng_free(r);
	is_int(bad_rc, 0, "random: every step accepted");
	is_int(bad_bal, 0, "random: energy balance to 1e-6 relative (worst %.3g)", worst);
	is_int(bad_neg, 0, "random: all terms >= 0, finite, grid within capacity");
	is_int(bad_units, 0, "random: units within limits, output within derated capacity");
	is_int(bad_soc, 0, "random: SOC within [soc_min, soc_max], power within rating");
	ok(nunserved > 0 && ncurtail > 0 && nsurplus > 0,
	    "random: covers unserved (%d), curtailed (%d) and charge-while-generating (%d) steps",
	    nunserved, ncurtail, nsurplus);
	/* at most 3 turbines on site: the budget is 3 x 200 h */
	ok(used[1] <= 3 * 200 * 3600.0 * (1 + 1e-12) && used[1] > 2 * 200 * 3600.0,
	    "random: turbine unit-hours reach but stay within 3 x 200 h (%.1f h)",
	    used[1] / 3600);
}

int
main(void)
{
	test_grid_and_commit();
	test_hours();
	test_min_load();
	test_batteries();
	test_short_everywhere();
	test_policies();
	test_invalid();
	test_site();
	test_random();
	return tap_done();
}
