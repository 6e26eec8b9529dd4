/*
 * t-capacity.c - the capacity solver (src/capacity.c) on a small site.
 *
 * Each constraint is checked two ways: against a figure worked out by hand
 * where the plant is linear in GPUs (python3 as the calculator, arithmetic in
 * the comments), and against a plain bisection written here on plant_eval()
 * itself - a second, independent root method.  The answers must agree within
 * one GPU.
 *
 * The site: one hall of 30 racks (960 GPUs) of 4 liquid-cooled servers, AC 8000 W
 * each (8 x 700 + 2000 W DC / 0.95), 80 % liquid, rack switch 1000 W, CDU pumps
 * 2 %, network 100 W/GPU.  Per GPU, with racks filled continuously:
 *   IT (4 x 8000 + 1000) / 32 + 100 = 1131.25 W; liquid 4 x 6400 x 1.02 / 32
 *   = 816 W (CDU 16 W); air (4 x 1600 + 1000) / 32 + 100 = 331.25 W.
 * Cooling: chilled water 7 degC / 6 K, facility water 27 / 37 degC, economizer
 * with 1 K heat exchanger, 4 constant-approach (3 K) tower cells of 1.5 MW and
 * 30 kW fan (6 MW the most they reject), 3 DOE-2 generic chillers N+1 (2
 * usable), pumps 300/200/250 kPa at 70 %, fans 500 Pa at 60 %, 12 K air rise at
 * 24 degC supply.  PDU 98 %, pf 0.95.  Condenser flow sized at the 5.6 K range
 * for the 3 chillers: 3 x 1 MW x (1 + 1 / 5.5) / (997 x 4180 x 5.6) =
 * 0.15191913 m3/s (below 1.25 x 4 x 0.0645), constant: pump 0.15191913 x
 * 200 kPa / 0.7 = 43405.465 W whenever heat is rejected.
 *
 * Per-GPU mechanical figures (shared by the hand checks):
 *   PDU loss 1131.25 / 0.98 - 1131.25 = 23.086735
 *   CRAH: rho = 101325 / (287.042 x 297.15) = 1.1879425; (331.25 + 23.086735)
 *     x 500 / 0.6 / (1.1879425 x 1006 x 12) = 20.590186
 *   FW pump 816 x 250e3 / 0.7 / (997 x 4180 x 10) = 6.992954
 *   CHW pump per W it carries: 300e3 / 0.7 / (997 x 4180 x 6) = 0.0171395938;
 *     the air side only when the liquid loop is free-cooled: 374.926921 x that
 *     = 6.426095
 */
#include <math.h>
#include <string.h>

#include "capacity.h"
#include "fixture-site.h"
#include "tap.h"

/* The plant site (fixture-site.h) with 3 chillers of chiller_q, 4 tower cells and
 * one grid feed of grid_w. */
static void
site_init(struct fixture *f, double grid_w, double chiller_q)
{
	fixture_plant_site(f, chiller_q, 4);
	strcpy(f->feed.name, "grid");
	f->feed.capacity_w = grid_w;
	f->feed.power_factor = 0.95;
	f->feed.in_service = DATE_NONE;
	f->feed.out_of_service = DATE_NEVER;
	f->s.power.feeds = &f->feed;
	f->s.power.nfeeds = 1;
}

/* ASHRAE-style design conditions (the names are the solver's labels). */
static const struct cap_condition cold = { "heating 99.6 %", 5, 2, 101325 };
static const struct cap_condition hot = { "cooling 0.4 %", 35, 24, 101325 };

/* Does the constraint hold with g GPUs at full load?  Independent of
 * capacity.c: cooling is judged by unmet load, not by the margin. */
static int
holds(const struct plant_cfg *c, const struct cap_condition *k,
    enum cap_constraint which, double avail, double util, double g)
{
	struct it_load it;
	struct plant_result r;

	it_load_gpus(c->site, g, util, 0, &it);
	if (plant_eval(c, &it, k->tdb, k->twb, k->p, &r) != 0)
		return 0;
	switch (which) {
	case CAP_SUPPLY:
		return r.facility_w <= avail;
	case CAP_COOLING:
		return r.unmet_w <= 0;
	case CAP_TRANSFORMER:
		return r.facility_va <= avail;
	default:
		return it.it_w * c->chain.ups_fraction / c->chain.pdu_eff <= avail;
	}
}

/* Plain bisection to 1e-4 GPU on [0, hi]; hi must break the constraint. */
static double
bisect(const struct plant_cfg *c, const struct cap_condition *k,
    enum cap_constraint which, double avail, double util, double hi)
{
	double	lo = 0, mid;

	if (holds(c, k, which, avail, util, hi))
		return INFINITY;
	while (hi - lo > 1e-4) {
		mid = (lo + hi) / 2;
		if (holds(c, k, which, avail, util, mid))
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Supply-bound at the cold condition (FC: tower water 2 + 3 + 1 = 6 <= 7 degC,
 * chillers off).  1 MW of grid.  Facility power is affine in GPUs there: the
 * tower fan stays at its 20 % floor (q < 0.2 x 6 MW) and the condenser pumps
 * run at constant flow:
 *   constant: pump 43405.465 + fan 4 x 30 kW x 0.2^3 = 960 -> 44365.465 W
 *   per GPU: 1131.25 / 0.98 + 20.590186 + 6.992954 + 6.426095 + 16 = 1204.345970
 *   G = (1e6 - 44365.465) / 1204.345970 = 793.4884
 */
static void
test_supply(void)
{
	struct fixture f;
	struct plant_cfg c;
	struct cap_result r;
	struct cap_condition both[2] = { cold, hot };
	double	g;

	site_init(&f, 1e6, 1e6);
	plant_cfg_init(&c, &f.s, 0);
	is_rel(capacity_supply_w(&f.s, 0, 35), 1e6, 1e-12, "supply: grid feed 1 MW");
	is_int(capacity_solve(&c, &cold, 1, 960, 1, 0, &r), 0, "supply: solve ok");
	is_abs(r.gpus[CAP_SUPPLY], 793.488381, 0.02, "supply: (1 MW - 44365 W) / 1204.35 W per GPU");
	is_abs(r.gpus[CAP_SUPPLY], bisect(&c, &cold, CAP_SUPPLY, 1e6, 1, 960), 1,
	    "supply: agrees with bisection on plant_eval");
	is_int(r.binding, CAP_SUPPLY, "supply: binding constraint");
	is_str(cap_constraint_name(r.binding), "supply", "supply: constraint name");
	is_abs(r.max_gpus, 793, 0, "supply: whole GPUs");
	is_str(r.binding_condition, "heating 99.6 %", "supply: binding condition");
	is_rel(r.available[CAP_SUPPLY], 1e6, 1e-12, "supply: available W");
	is_abs(r.gpus[CAP_INSTALLED], 960, 0, "supply: installed");
	ok(r.gpus[CAP_COOLING] > 960, "supply: free cooling does not bind");
	ok(r.present[CAP_INSTALLED] && r.present[CAP_SUPPLY] && r.present[CAP_COOLING] &&
	    !r.present[CAP_UPS] && !r.present[CAP_TRANSFORMER], "supply: constraints present");
	ok(isinf(r.gpus[CAP_UPS]) && isinf(r.gpus[CAP_TRANSFORMER]),
	    "supply: absent constraints do not limit");

	/* at 50 % utilisation: server AC (8 x 400 + 1500) / 0.95 = 4947.368;
	 * per GPU IT 749.671, air 254.934, liquid 504.632 (CDU 9.895);
	 * PDU 15.299, CRAH 15.703, FW 4.325, CHW (air side) 4.636:
	 * slope 749.671 / 0.98 + 15.703 + 4.325 + 4.636 + 9.895 = 799.5324;
	 * G = (1e6 - 44365.465) / 799.5324 = 1194.851 (past the 960 installed) */
	is_int(capacity_solve(&c, &cold, 1, 960, 0.5, 0, &r), 0, "supply 50 %%: ok");
	is_abs(r.gpus[CAP_SUPPLY], 1194.851355, 0.02, "supply 50 %%: utilisation reaches the plant");
	is_int(r.binding, CAP_INSTALLED, "supply 50 %%: installed binds");
	is_abs(r.max_gpus, 960, 0, "supply 50 %%: all installed GPUs");

	/* two conditions: the hot one needs chillers, so less is left for IT;
	 * worst wins, and the solver names it.  Bisection on plant_eval (and an
	 * independent python transcription of the model) give 737.3776. */
	is_int(capacity_solve(&c, both, 2, 960, 1, 0, &r), 0, "supply, two conditions: ok");
	g = bisect(&c, &hot, CAP_SUPPLY, 1e6, 1, 960);
	is_abs(g, 737.377596, 0.01, "supply hot: bisection agrees with the hand model");
	is_abs(r.gpus[CAP_SUPPLY], g, 1, "supply, two conditions: the hot condition binds");
	is_str(r.condition[CAP_SUPPLY], "cooling 0.4 %", "supply, two conditions: condition");
	is_str(r.binding_condition, "cooling 0.4 %", "supply, two conditions: binding condition");
	is_abs(r.max_gpus, 737, 0, "supply, two conditions: max GPUs");
}

/*
 * Cooling-bound: 3 x 200 kW chillers N+1, 10 MW grid, hot condition with the
 * economizer: tower water 24 + 3 + 1 = 28 degC: nothing for the 7 degC loop,
 * (37 - 28) / (37 - 27) = 90 % of the facility water free.  Per GPU asked of
 * the chillers: air 374.926921 + 10 % of liquid 82.299295, and the CHW pump
 * carrying both, 457.226216 x 0.0171395938 = 7.836632: 465.062848 W.
 * Capacity at PLR 1: condenser water at the tower (27 degC, full fan, free
 * cooling running), CAPFT(7, 27) = 1.03277656; 2 x 200 kW x 1.03277656 =
 * 413110.624 W.  G = 413110.624 / 465.062848 = 888.2898.
 * With 1 MW chillers: 2065553.12 / 465.062848 = 4441.449.
 * Cold, free cooling only: the towers bind.  The condenser flow, sized for 3 x
 * 200 kW chillers, is 0.03038383 m3/s (pump 8681.093 W); water leaving the
 * towers at 2 + 3 = 5 degC may enter them at most at 35 + 5.6 = 40.6 degC:
 * 997 x 4180 x 0.03038383 x 35.6 = 4507792.2 W (below the 4 x 1.5 MW of the
 * cells).  Heat to them per GPU 374.926921 + 6.426095 + 822.992954 =
 * 1204.345970: G = (4507792.2 - 8681.093) / 1204.345970 = 3735.730.
 */
static void
test_cooling(void)
{
	struct fixture f;
	struct plant_cfg c;
	struct cap_result r;
	struct cap_condition both[2] = { cold, hot };

	site_init(&f, 10e6, 200e3);
	plant_cfg_init(&c, &f.s, 0);
	is_int(capacity_solve(&c, both, 2, 960, 1, 0, &r), 0, "cooling: ok");
	is_abs(r.gpus[CAP_COOLING], 888.289809, 0.02, "cooling: chiller capacity / load per GPU");
	is_abs(r.gpus[CAP_COOLING], bisect(&c, &hot, CAP_COOLING, 0, 1, 960), 1,
	    "cooling: agrees with bisection on unmet load");
	is_int(r.binding, CAP_COOLING, "cooling: binding");
	is_str(cap_constraint_name(r.binding), "cooling", "cooling: name");
	is_str(r.binding_condition, "cooling 0.4 %", "cooling: binds at the hot condition");
	is_str(r.condition[CAP_COOLING], "cooling 0.4 %", "cooling: its condition");
	is_abs(r.max_gpus, 888, 0, "cooling: max GPUs");
	is_str(cap_constraint_label(&r, CAP_COOLING), "cooling (chillers)",
	    "cooling: the chillers limit it");
	ok(r.gpus[CAP_SUPPLY] > 960 && isfinite(r.gpus[CAP_SUPPLY]), "cooling: supply finite, not binding");
	is_abs(r.gpus[CAP_SUPPLY], bisect(&c, &hot, CAP_SUPPLY, 10e6, 1, 20000), 1,
	    "cooling: supply agrees with bisection");

	/* the cold condition alone: free cooling carries everything up to what
	 * the towers reject */
	is_int(capacity_solve(&c, &cold, 1, 960, 1, 0, &r), 0, "cooling cold: ok");
	is_abs(r.gpus[CAP_COOLING], 3735.729786, 0.05,
	    "cooling cold: the towers' limit at 40.6 degC entering water");
	is_abs(r.gpus[CAP_COOLING], bisect(&c, &cold, CAP_COOLING, 0, 1, 20000), 1,
	    "cooling cold: agrees with bisection on unmet load");
	is_str(cap_constraint_label(&r, CAP_COOLING), "cooling (heat rejection)",
	    "cooling cold: heat rejection limits it");
	is_int(r.binding, CAP_INSTALLED, "cooling cold: installed binds");

	site_init(&f, 10e6, 1e6);
	plant_cfg_init(&c, &f.s, 0);
	is_int(capacity_solve(&c, both, 2, 960, 1, 0, &r), 0, "installed: ok");
	is_int(r.binding, CAP_INSTALLED, "installed: binding");
	is_str(cap_constraint_name(r.binding), "installed", "installed: name");
	is_abs(r.max_gpus, 960, 0, "installed: max = installed");
	is_str(r.binding_condition, "heating 99.6 %", "installed: first condition named");
	is_abs(r.gpus[CAP_COOLING], 4441.449045, 0.02, "installed: 1 MW chillers carry 4441 GPUs");
	/* 10 MW at the hot condition (tower-limited beyond 4441 GPUs): 7866.12 (python transcription) */
	is_abs(r.gpus[CAP_SUPPLY], 7866.122996, 1, "installed: supply far above");
}

/*
 * UPS-bound: 4 x 500 kW N+1 (3 usable, 1.5 MW), 10 MW grid, 1 MW chillers,
 * 2000 GPUs "installed" (more than the 960 the UPS was sized for).  PDU
 * efficiency 1 here, so the UPS output is the IT load itself:
 * G = 1.5e6 / 1131.25 = 1325.967.
 */
static void
test_ups(void)
{
	struct fixture f;
	struct plant_cfg c;
	struct cap_result r;
	struct cap_condition both[2] = { cold, hot };

	site_init(&f, 10e6, 1e6);
	f.s.power.chain.ups = &f.ups;
	f.s.power.chain.pdu_eff = 1;
	plant_cfg_init(&c, &f.s, 0);
	is_int(capacity_solve(&c, both, 2, 2000, 1, 0, &r), 0, "ups: ok");
	ok(r.present[CAP_UPS], "ups: present");
	is_rel(r.available[CAP_UPS], 1.5e6, 1e-12, "ups: 3 usable x 500 kW");
	is_abs(r.gpus[CAP_UPS], 1325.966851, 0.02, "ups: 1.5 MW / 1131.25 W per GPU");
	is_abs(r.gpus[CAP_UPS], bisect(&c, &hot, CAP_UPS, 1.5e6, 1, 2000), 1,
	    "ups: agrees with bisection");
	is_int(r.binding, CAP_UPS, "ups: binding");
	is_str(cap_constraint_name(r.binding), "ups", "ups: name");
	is_abs(r.max_gpus, 1325, 0, "ups: max GPUs");
	/* the IT load does not depend on the weather: the first condition is named */
	is_str(r.binding_condition, "heating 99.6 %", "ups: condition (weather-independent)");
	{
		/* PDU efficiency 0.98: the UPS carries IT / 0.98, so
		 * 1.5e6 x 0.98 / 1131.25 = 1299.45 GPUs */
		struct cap_result r2;
		double	pdu = f.s.power.chain.pdu_eff;

		f.s.power.chain.pdu_eff = 0.98;
		plant_cfg_init(&c, &f.s, 0);
		c.chain.n_ups = 4;
		c.ups_capacity_w = 1.5e6;
		is_int(capacity_solve(&c, both, 2, 2000, 1, 0, &r2), 0, "ups, pdu 0.98: ok");
		is_abs(r2.gpus[CAP_UPS], 1299.447514, 0.02,
		    "ups, pdu 0.98: 1.5 MW x 0.98 / 1131.25 W per GPU");
		f.s.power.chain.pdu_eff = pdu;
		plant_cfg_init(&c, &f.s, 0);
	}
	/* UPS heat joins the room: cooling still far off (python: 4025.04) */
	is_abs(r.gpus[CAP_COOLING], bisect(&c, &hot, CAP_COOLING, 0, 1, 20000), 1,
	    "ups: cooling agrees with bisection");
	is_abs(r.gpus[CAP_COOLING], 4025.042085, 1, "ups: cooling with UPS heat (python)");
}

/*
 * Transformer-bound: 2 x 1 MVA (sized for 1.086 MW x 1.3 / 0.95), 10 MW grid,
 * 1 MW chillers, 2000 GPUs installed.  Losses are quadratic in load: solved
 * by bisection here (python transcription: 1428.12 hot, 1519.84 cold).
 */
static void
test_transformer(void)
{
	struct fixture f;
	struct plant_cfg c;
	struct cap_result r;
	struct cap_condition both[2] = { cold, hot };
	double	g;

	site_init(&f, 10e6, 1e6);
	f.s.power.chain.xfmr = &f.xfmr;
	plant_cfg_init(&c, &f.s, 0);
	is_int(capacity_solve(&c, both, 2, 2000, 1, 0, &r), 0, "transformer: ok");
	ok(r.present[CAP_TRANSFORMER] && !r.present[CAP_UPS], "transformer: present, no UPS");
	is_rel(r.available[CAP_TRANSFORMER], 2e6, 1e-12, "transformer: 2 MVA");
	g = bisect(&c, &hot, CAP_TRANSFORMER, 2e6, 1, 2000);
	is_abs(g, 1428.122661, 0.01, "transformer: bisection agrees with the hand model");
	is_abs(r.gpus[CAP_TRANSFORMER], g, 1, "transformer: solver agrees with bisection");
	is_int(r.binding, CAP_TRANSFORMER, "transformer: binding");
	is_str(cap_constraint_name(r.binding), "transformer", "transformer: name");
	is_str(r.binding_condition, "cooling 0.4 %", "transformer: hot condition binds");
	is_abs(r.max_gpus, floor(g), 1, "transformer: max GPUs");
	is_int(capacity_solve(&c, &cold, 1, 2000, 1, 0, &r), 0, "transformer cold: ok");
	is_abs(r.gpus[CAP_TRANSFORMER], 1519.838049, 1, "transformer cold: more GPUs");
}

/*
 * Zero: the feed and the chillers come in service on day 200; on day 100,
 * with a UPS (no-load loss 4 x 500 kW x 1 % = 20 kW heating the room) and
 * the economizer off, even zero GPUs draw power and need cooling.
 */
static void
test_zero(void)
{
	struct fixture f;
	struct plant_cfg c;
	struct cap_result r;
	struct cap_condition bad = { "bad", 20, 25, 101325 };

	site_init(&f, 10e6, 1e6);
	f.s.power.chain.ups = &f.ups;
	f.s.cooling.economizer = 0;
	f.feed.in_service = 200;
	f.chillers[0].in_service = 200;
	plant_cfg_init(&c, &f.s, 100);
	is_abs(capacity_supply_w(&f.s, 100, 35), 0, 0, "zero: no feed on day 100");
	is_int(capacity_solve(&c, &hot, 1, 960, 1, 0, &r), 0, "zero: ok");
	is_abs(r.gpus[CAP_SUPPLY], 0, 0, "zero: supply 0 GPUs");
	is_abs(r.gpus[CAP_COOLING], 0, 0, "zero: cooling 0 GPUs");
	is_abs(r.max_gpus, 0, 0, "zero: max 0");
	is_int(r.binding, CAP_SUPPLY, "zero: supply binds first");
	is_str(r.binding_condition, "cooling 0.4 %", "zero: condition");

	/* the plant model refuses the condition: the solver reports failure */
	plant_cfg_init(&c, &f.s, 300);
	is_int(capacity_solve(&c, &bad, 1, 960, 1, 0, &r), -1, "wet-bulb above dry-bulb: -1");
}

/* The day-by-day variant agrees with the full solve within a GPU. */
static void
test_solve_min(void)
{
	struct fixture f;
	struct plant_cfg c;
	struct cap_result r, m;

	site_init(&f, 10e6, 200e3);
	plant_cfg_init(&c, &f.s, 0);
	is_int(capacity_solve(&c, &hot, 1, 960, 1, 0, &r), 0, "solve_min: full solve ok");
	is_int(capacity_solve_min(&c, &hot, 960, 1, 0, 0, &m), 0, "solve_min: ok");
	is_int(m.binding, CAP_COOLING, "solve_min: cooling binds");
	is_abs(m.max_gpus, r.max_gpus, 1, "solve_min: same answer");
	ok(isinf(m.gpus[CAP_SUPPLY]), "solve_min: supply holding at installed is not solved");
	is_int(capacity_solve_min(&c, &hot, 960, 1, 0, 860, &m), 0, "solve_min hint below: ok");
	is_abs(m.max_gpus, 888, 1, "solve_min hint below: same answer");
	is_int(capacity_solve_min(&c, &hot, 960, 1, 0, 900, &m), 0, "solve_min hint above: ok");
	is_abs(m.max_gpus, 888, 1, "solve_min hint above: same answer");

	site_init(&f, 1e6, 1e6);
	plant_cfg_init(&c, &f.s, 0);
	is_int(capacity_solve_min(&c, &cold, 960, 1, 0, 0, &m), 0, "solve_min supply: ok");
	is_int(m.binding, CAP_SUPPLY, "solve_min supply: binds");
	is_abs(m.max_gpus, 793, 1, "solve_min supply: hand figure 793.49");
	site_init(&f, 10e6, 1e6);
	plant_cfg_init(&c, &f.s, 0);
	is_int(capacity_solve_min(&c, &hot, 960, 1, 0, 0, &m), 0, "solve_min installed: ok");
	is_int(m.binding, CAP_INSTALLED, "solve_min installed: binds");
	is_abs(m.max_gpus, 960, 0, "solve_min installed: all");
}

int
main(void)
{
	test_supply();
	test_cooling();
	test_ups();
	test_transformer();
	test_zero();
	test_solve_min();
	return tap_done();
}
