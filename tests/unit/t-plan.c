/*
 * t-plan.c - the plan engine (src/engine/plan.c) and what it rests on: the
 * monotone envelope of facility power in GPUs (capacity.c), firm supply without
 * standby units (supply.c), and the verdict on a small site built here.
 *
 * The site is the plant site of fixture-site.h (hall A: 30 racks, 960 GPUs; 3
 * DOE-2 chillers N+1; 4 tower cells), all racks online from the start, in a
 * weather year held at one condition, so every day's hottest hour is the same
 * and the design conditions are the only hotter hours.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "capacity.h"
#include "date.h"
#include "fixture-site.h"
#include "plan.h"
#include "supply.h"
#include "tap.h"

/* A year at tdb / twb (degC), 101325 Pa, with the given design conditions. */
static int
const_weather(struct weather *w, double tdb, double twb, double design_db,
    double design_wb)
{
	size_t	i;

	if (fixture_weather_alloc(w) != 0)
		return -1;
	for (i = 0; i < w->n; i++) {
		w->tdb[i] = tdb;
		w->twb[i] = twb;
		w->tdp[i] = twb - 2;
		w->rh[i] = 0.5;
		w->p[i] = 101325;
		w->w[i] = 0.01;
	}
	w->design.cool_db = design_db;
	w->design.cool_mcwb = design_wb;
	w->design.evap_wb = design_wb;
	w->design.evap_mcdb = design_db;
	return 0;
}

/*
 * 1. Facility power falls where a chiller stages on: with 300 kW chillers at PLR
 * <= 1 (30 degC: the liquid loop partly free-cooled, the second chiller starts
 * near 667 GPUs), one chiller at PLR 1 draws Q/COP x 1.0 and two at PLR 0.5 draw
 * 2 x Q/COP x EIRFPLR(0.5) = 2 x (0.222903 + 0.313387 x 0.5 + 0.46371 x 0.25) =
 * 0.991 Q/COP: a saw tooth (a few hundred watts, seen at 0.05 GPU steps).  The envelope must be monotone, at
 * least the raw demand, and the GPU count solved on it the first crossing.
 */
static void
test_envelope(void)
{
	static const struct cap_condition warm = { "warm", 30, 24, 101325 };
	struct fixture f;
	struct plant_cfg c;
	struct cap_result r;
	double	g, prev = 0, drop = 0, g_drop = -1, f_before = 0, f_after = 0;
	double	env_prev = 0, worst_env = 0, worst_below = 0;

	fixture_plant_site(&f, 300e3, 4);
	plant_cfg_init(&c, &f.s, 0);
	for (g = 600; g <= 720; g += 0.05) {
		struct it_load it;
		struct plant_result pr;
		double	e;

		it_load_gpus(&f.s, g, 1, 0, &it);
		if (plant_eval(&c, &it, warm.tdb, warm.twb, warm.p, &pr) != 0)
			break;
		if (g > 600 && pr.facility_w < prev && prev - pr.facility_w > drop) {
			drop = prev - pr.facility_w;
			g_drop = g;
			f_before = prev;
			f_after = pr.facility_w;
		}
		prev = pr.facility_w;
		e = capacity_demand_env_w(&c, &warm, g, 1, 0, NULL);
		if (g > 600 && env_prev - e > worst_env)
			worst_env = env_prev - e;
		if (pr.facility_w - e > worst_below)
			worst_below = pr.facility_w - e;
		env_prev = e;
	}
	ok(g_drop > 0, "staging: facility power falls where a chiller stages on "
	    "(%.0f W at %.2f GPUs)", drop, g_drop);
	is_abs(worst_env, 0, 1, "envelope: monotone in GPUs, to a watt (the step is "
	    "found to 1e-4 GPU; worst fall %.3g W)", worst_env);
	is_abs(worst_below, 0, 1e-6, "envelope: never below the plant's demand");
	if (g_drop < 0)
		return;
	/* a supply between the two sides of the step: two roots of the plain
	 * margin; the answer is the first (below the step), and every count up to
	 * it is carried */
	strcpy(f.feed.name, "grid");
	f.feed.capacity_w = 0.5 * (f_before + f_after);
	f.feed.in_service = DATE_NONE;
	f.feed.out_of_service = DATE_NEVER;
	f.s.power.feeds = &f.feed;
	f.s.power.nfeeds = 1;
	plant_cfg_init(&c, &f.s, 0);
	is_int(capacity_solve(&c, &warm, 1, 960, 1, 0, &r), 0, "first crossing: solve ok");
	ok(r.gpus[CAP_SUPPLY] < g_drop, "first crossing: %.2f GPUs, below the step at "
	    "%.2f", r.gpus[CAP_SUPPLY], g_drop);
	ok(g_drop - r.gpus[CAP_SUPPLY] < 1, "first crossing: within a GPU of the step");
	{
		double	worst = 0;

		for (g = 0; g <= r.gpus[CAP_SUPPLY]; g += 0.05) {
			struct it_load it;
			struct plant_result pr;

			it_load_gpus(&f.s, g, 1, 0, &it);
			plant_eval(&c, &it, warm.tdb, warm.twb, warm.p, &pr);
			if (pr.facility_w - f.feed.capacity_w > worst)
				worst = pr.facility_w - f.feed.capacity_w;
		}
		is_abs(worst, 0, 1e-6, "first crossing: every count up to it is carried");
	}
	is_int(capacity_solve_min(&c, &warm, 960, 1, 0, 0, &r), 0, "solve_min: ok");
	ok(r.max_gpus < g_drop, "solve_min: the same first crossing (%.0f)", r.max_gpus);
	is_int(capacity_solve_min(&c, &warm, 960, 1, 0, g_drop + 50, &r), 0,
	    "solve_min, hint above the step: ok");
	ok(r.max_gpus < g_drop, "solve_min, hint above the step: still the first "
	    "crossing (%.0f)", r.max_gpus);
}

/* 2. Firm supply: prime and continuous units count, standby and emergency do
 * not (ISO 8528-1); redundancy and derating apply. */
static void
test_firm(void)
{
	struct fixture f;
	struct model gm;
	struct site_generator g;

	fixture_plant_site(&f, 1e6, 4);
	fixture_gen_model(&gm, 1e6, 0.8);
	memset(&g, 0, sizeof g);
	strcpy(g.name, "g");
	g.model = &gm;
	g.count = 3;
	g.redundancy = RED_N1;
	g.available = DATE_NONE;
	g.until = DATE_NEVER;
	f.s.power.gens = &g;
	f.s.power.ngens = 1;
	g.duty = DUTY_PRIME;
	is_rel(supply_gen_at(&f.s, 0, 20), 2e6, 1e-12, "prime: 3 units N+1 -> 2 x 1 MW");
	is_rel(supply_gen_at(&f.s, 0, 35), 1.6e6, 1e-12, "prime at 35 degC: 2 x 0.8 MW");
	g.duty = DUTY_CONTINUOUS;
	is_rel(supply_gen_at(&f.s, 0, 20), 2e6, 1e-12, "continuous: firm");
	g.duty = DUTY_STANDBY;
	is_abs(supply_gen_at(&f.s, 0, 20), 0, 0, "standby: not firm");
	is_rel(supply_gen_backup_at(&f.s, 0, 20), 2e6, 1e-12, "standby: backup, 2 MW");
	g.duty = DUTY_EMERGENCY;
	is_abs(capacity_supply_w(&f.s, 0, 20), 0, 0, "emergency: no capacity");
}

/*
 * 3. The verdict on the site in a year held at 20 degC / 14 degC, design
 * conditions 35 / 24 degC.  Supply: generators only (no grid), 3 x 1 MW N+1
 * (2 usable), 100 % up to 25 degC and 60 % at 35 degC.  Target 960 GPUs: the
 * facility draws about 1.2 MW (1131.25 W IT a GPU plus the plant), so 2 MW carry
 * them every day at 20 degC, but 1.2 MW at the design dry-bulb does not: the
 * plan is INFEASIBLE for the design condition.
 */
static void
test_verdict(void)
{
	struct fixture f;
	struct model gm;
	struct site_generator g;
	struct site_target t;
	struct weather w;
	struct plan_result r;
	struct delivery_lot lot;
	int	rc;

	fixture_plant_site(&f, 1e6, 4);
	/* all 30 racks delivered and online on 2024-12-01 */
	lot.date = date_from_ymd(2024, 12, 1);
	lot.racks = 30;
	f.phase[0].lots = &lot;
	f.phase[0].nlots = 1;
	f.phase[0].delivery_start = lot.date;
	fixture_gen_model(&gm, 1e6, 0.6);
	memset(&g, 0, sizeof g);
	strcpy(g.name, "g");
	g.model = &gm;
	g.count = 3;
	g.redundancy = RED_N1;
	g.available = DATE_NONE;
	g.until = DATE_NEVER;
	g.role = GEN_BASE;
	f.s.power.gens = &g;
	f.s.power.ngens = 1;
	f.s.sim.step_s = 3600;
	memset(&t, 0, sizeof t);
	strcpy(t.name, "all");
	t.gpus = 960;
	t.by = date_from_ymd(2025, 1, 1);
	f.s.targets = &t;
	f.s.ntargets = 1;
	if (const_weather(&w, 20, 14, 35, 24) != 0) {
		ok(0, "weather: out of memory");
		return;
	}
	plan_result_init(&r);
	rc = plan_run(&f.s, &w, PLAN_ALL, &r);
	is_int(rc, PLAN_OK, "plan_run: PLAN_OK");
	if (rc == PLAN_OK && r.ntargets == 1) {
		const struct plan_target *e = &r.targets[0];

		is_int(e->at_by.gpus_runnable >= 960, 1, "20 degC: all 960 run every day");
		is_int(e->ok, 0, "design condition: the target does not hold");
		is_int(e->reason, PLAN_REASON_DESIGN, "design condition: the reason");
		ok(e->fail_runnable < 960, "design condition: %.0f GPUs can run there",
		    e->fail_runnable);
		is_int(e->fail_binding, CAP_SUPPLY, "design condition: supply binds");
		is_int(r.feasible, 0, "a design-condition shortfall: INFEASIBLE");
		ok((e->fixes & PLAN_FIX_SUPPLY) && e->supply_w > 0, "the fix: %.0f W of "
		    "firm supply", e->supply_w);
		is_abs(e->supply_tdb, 35, 0, "the fix: sized at the design dry-bulb");
		is_abs(e->gen_derate, 0.6, 1e-12, "the fix: the unit's derate there");
		is_int(e->gen_units, (int)ceil(e->supply_w / 0.6e6 - 1e-9),
		    "the fix: units = need / 0.6 MW, rounded up");
		is_int(e->gen_units_n1, e->gen_units + 1, "the fix: one more with N+1");
		is_int(r.op_gpus, 960, "first year: the target's GPUs");
		is_int(e->horizon, t.by + PLAN_WINDOW_D, "horizon: a year from the date");
	}
	/* the fix applied: one more group of gen_units_n1 units at N+1 */
	if (rc == PLAN_OK && r.ntargets == 1 && r.targets[0].gen_units_n1 > 0) {
		struct site_generator two[2];
		int	n1 = r.targets[0].gen_units_n1;

		two[0] = g;
		two[1] = g;
		two[1].count = n1;
		f.s.power.gens = two;
		f.s.power.ngens = 2;
		is_int(plan_run(&f.s, &w, PLAN_ALL, &r), PLAN_OK, "fix applied: PLAN_OK");
		is_int(r.targets[0].ok, 1, "fix applied (+%d units N+1): the target holds",
		    n1);
		is_int(r.feasible, 1, "fix applied: FEASIBLE");
		/* the same units as standby: backup, not firm */
		two[1].duty = DUTY_STANDBY;
		is_int(plan_run(&f.s, &w, PLAN_ALL, &r), PLAN_OK, "standby: PLAN_OK");
		is_int(r.targets[0].ok, 0, "the same units as standby: the target fails");
		f.s.power.gens = &g;
		f.s.power.ngens = 1;
	}
	/* reuse: the same result again, bit for bit, with no new allocation */
	{
		struct plan_result r2;
		struct plan_target *keep;

		plan_run(&f.s, &w, PLAN_ALL, &r);
		keep = r.targets;
		plan_result_init(&r2);
		plan_run(&f.s, &w, PLAN_ALL, &r2);
		plan_run(&f.s, &w, PLAN_ALL, &r);
		ok(r.targets == keep, "reuse: the result's arrays are kept");
		ok(r.feasible == r2.feasible && r.targets[0].fail_runnable ==
		    r2.targets[0].fail_runnable && r.targets[0].supply_w ==
		    r2.targets[0].supply_w && r.year.e_facility == r2.year.e_facility,
		    "reuse: the same figures as a fresh result");
		plan_result_release(&r2);
	}
	plan_result_release(&r);
	weather_release(&w);
}

int
main(void)
{
	test_envelope();
	test_firm();
	test_verdict();
	return tap_done();
}
