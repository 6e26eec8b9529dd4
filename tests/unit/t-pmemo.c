/*
 * t-pmemo.c - the exact memo of plant results (src/engine/pmemo.c) and the
 * plans that use it: a plan run with a memo shared by sites of the same plant
 * gives the same figures, bit for bit, as each site's plan run afresh.
 *
 * The site is the plant site of fixture-site.h (30 racks, 960 GPUs, 3 chillers
 * N+1, 4 tower cells) with a grid feed and one generator group; the sites of a
 * group differ in their generators (which the plant never reads).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "capacity.h"
#include "date.h"
#include "fixture-site.h"
#include "plan.h"
#include "itload.h"
#include "plant.h"
#include "pmemo.h"
#include "tap.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

static void
key_of(struct pmemo_key *k, uint64_t group, double x)
{
	pmemo_key_init(k, PMEMO_PLANT, group);
	pmemo_key_d(k, x);
	pmemo_key_i(k, 7);
}

static void
test_table(void)
{
	struct pmemo *m = pmemo_new(2, 2);	/* one set of 4, 4 step slots */
	struct pmemo_key k;
	double	v, out;
	uint64_t hits, misses;
	int	i;

	ok(m != NULL, "pmemo_new(2, 2)");
	if (m == NULL)
		return;
	ok(pmemo_new(1, 2) == NULL && pmemo_new(25, 2) == NULL &&
	    pmemo_new(4, 25) == NULL, "pmemo_new: sizes out of range refused");
	key_of(&k, 1, 1.0);
	is_int(pmemo_get(m, &k, &out, sizeof out), 0, "empty: a miss");
	for (i = 1; i <= 4; i++) {
		key_of(&k, 1, i);
		v = i * 10.5;
		pmemo_put(m, &k, &v, sizeof v);
	}
	for (i = 1; i <= 4; i++) {
		key_of(&k, 1, i);
		out = 0;
		ok(pmemo_get(m, &k, &out, sizeof out) && out == i * 10.5,
		    "key %d: held, value %.1f", i, i * 10.5);
	}
	key_of(&k, 2, 1.0);
	is_int(pmemo_get(m, &k, &out, sizeof out), 0, "another group: a miss");
	key_of(&k, 1, -0.0);
	pmemo_put(m, &k, &v, sizeof v);	/* a fifth key replaces the oldest */
	key_of(&k, 1, 1.0);
	is_int(pmemo_get(m, &k, &out, sizeof out), 0, "a fifth key: the first is gone");
	key_of(&k, 1, 0.0);
	is_int(pmemo_get(m, &k, &out, sizeof out), 0, "0.0 and -0.0: different bits");
	for (i = 2; i <= 4; i++) {
		key_of(&k, 1, i);
		ok(pmemo_get(m, &k, &out, sizeof out), "key %d: still held", i);
	}
	/* a key past PMEMO_KEY_WORDS is never held */
	pmemo_key_init(&k, PMEMO_PLANT, 1);
	for (i = 0; i < PMEMO_KEY_WORDS; i++)
		pmemo_key_i(&k, i);
	pmemo_put(m, &k, &v, sizeof v);
	is_int(pmemo_get(m, &k, &out, sizeof out), 0, "an overlong key: never held");
	/* a simulation's days: held with their key, dropped while written */
	ok(pmemo_sim_fits(m, 4, 2) && !pmemo_sim_fits(m, 5, 2) &&
	    !pmemo_sim_fits(m, 4, PMEMO_DAYS + 1), "a simulation of 4 steps fits");
	key_of(&k, 1, 3.0);
	is_int(pmemo_day_held(m, 1, &k), 0, "day 1: not yet held");
	pmemo_day_drop(m, 1);
	*(double *)pmemo_step_slot(m, 2) = 3.25;
	pmemo_day_keep(m, 1, &k);
	ok(pmemo_day_held(m, 1, &k) && *(double *)pmemo_step_slot(m, 2) == 3.25,
	    "day 1: held, its slot's value");
	ok(pmemo_step_slot(m, 6) == pmemo_step_slot(m, 2), "step 6 is step 2's slot");
	is_int(pmemo_day_held(m, 1 + PMEMO_DAYS, &k), 1,
	    "day 1 + PMEMO_DAYS: the same day slot");
	key_of(&k, 1, 4.0);
	is_int(pmemo_day_held(m, 1, &k), 0, "day 1, another key: not held");
	key_of(&k, 1, 3.0);
	pmemo_day_drop(m, 1);
	is_int(pmemo_day_held(m, 1, &k), 0, "day 1 dropped: not held");
	pmemo_stats(m, &hits, &misses);
	ok(hits == 9 && misses == 8, "stats: %llu hits, %llu misses",
	    (unsigned long long)hits, (unsigned long long)misses);
	pmemo_free(m);
}

/* A year whose dry-bulb follows the hour of the day (every day alike) and a
 * slow seasonal swing: hot days fail the target at first. */
static int
year_weather(struct weather *w)
{
	size_t	i;

	if (fixture_weather_alloc(w) != 0)
		return -1;
	for (i = 0; i < w->n; i++) {
		double	d = (double)(i / 24), h = (double)(i % 24);

		w->tdb[i] = 18 + 10 * sin(2 * M_PI * (d - 110) / 365) +
		    4 * cos(2 * M_PI * (h - 15) / 24);
		w->twb[i] = w->tdb[i] - 6;
		w->tdp[i] = w->twb[i] - 2;
		w->rh[i] = 0.5;
		w->p[i] = 101325;
		w->w[i] = 0.01;
	}
	w->design.cool_db = 34;
	w->design.cool_mcwb = 24;
	w->design.evap_wb = 25;
	w->design.evap_mcdb = 31;
	return 0;
}

/* The figures a sweep row shows, compared bit for bit. */
static int
same_plan(const struct plan_result *a, const struct plan_result *b)
{
	size_t	i;

	if (a->feasible != b->feasible || a->ntargets != b->ntargets ||
	    a->ndays != b->ndays ||
	    memcmp(&a->year, &b->year, sizeof a->year) != 0 ||
	    memcmp(&a->cost, &b->cost, sizeof a->cost) != 0 ||
	    memcmp(&a->unserved_h, &b->unserved_h, sizeof(double)) != 0 ||
	    memcmp(&a->peak_unserved_w, &b->peak_unserved_w, sizeof(double)) != 0 ||
	    a->peak_day != b->peak_day || a->peak_minute != b->peak_minute ||
	    memcmp(&a->unmet_h, &b->unmet_h, sizeof(double)) != 0 ||
	    memcmp(a->permits, b->permits, sizeof a->permits) != 0)
		return 0;
	/* field by field: a day's padding is not set */
	for (i = 0; i < a->ndays; i++) {
		const struct plan_day *x = &a->days[i], *y = &b->days[i];

		if (memcmp(&x->runnable, &y->runnable, sizeof(double)) != 0 ||
		    x->online != y->online || x->binding != y->binding ||
		    memcmp(&x->tdb, &y->tdb, sizeof(double)) != 0 ||
		    memcmp(&x->twb, &y->twb, sizeof(double)) != 0)
			return 0;
	}
	for (i = 0; i < a->ntargets; i++) {
		const struct plan_target *x = &a->targets[i], *y = &b->targets[i];

		if (x->ok != y->ok || x->met_on != y->met_on ||
		    memcmp(&x->fail_runnable, &y->fail_runnable, sizeof(double)) ||
		    memcmp(&x->shortfall_gpus, &y->shortfall_gpus, sizeof(double)) ||
		    x->fail_binding != y->fail_binding || x->fixes != y->fixes ||
		    memcmp(&x->supply_w, &y->supply_w, sizeof(double)) ||
		    memcmp(&x->cooling_w, &y->cooling_w, sizeof(double)) ||
		    x->gen_units != y->gen_units || x->chillers != y->chillers ||
		    memcmp(&x->at_by.cap, &y->at_by.cap, sizeof x->at_by.cap) ||
		    memcmp(&x->design_runnable, &y->design_runnable, sizeof(double)))
			return 0;
	}
	return 1;
}

/* Whole days: a value found by its fingerprint's bytes, whatever its length. */
static void
test_blobs(void)
{
	struct pmemo *m = pmemo_new(4, 4);
	unsigned char fp[64], fp2[64], val[PMEMO_BLOB_MAX], out[PMEMO_BLOB_MAX];
	size_t	len = 0, i;
	uint64_t h, mi;
	int	held, all = 1;

	if (m == NULL) {
		ok(0, "out of memory");
		return;
	}
	for (i = 0; i < sizeof fp; i++)
		fp[i] = (unsigned char)(i * 7 + 1);
	memcpy(fp2, fp, sizeof fp);
	fp2[63] ^= 1;
	memset(val, 0xab, 100);
	pmemo_blob_put(m, fp, sizeof fp, val, 100);
	ok(!pmemo_blob_get(m, fp, sizeof fp, out, sizeof out, &len),
	    "blobs: nothing kept before pmemo_blobs");
	is_int(pmemo_blobs(m, 1), -1, "blobs: 2^1 entries refused");
	is_int(pmemo_blobs(m, 4), 0, "blobs: 16 entries");
	pmemo_blob_put(m, fp, sizeof fp, val, 100);
	ok(pmemo_blob_get(m, fp, sizeof fp, out, sizeof out, &len) && len == 100 &&
	    memcmp(out, val, 100) == 0, "blobs: the value back, 100 bytes");
	ok(!pmemo_blob_get(m, fp2, sizeof fp2, out, sizeof out, &len),
	    "blobs: one bit of the fingerprint differs: a miss");
	ok(!pmemo_blob_get(m, fp, 63, out, sizeof out, &len),
	    "blobs: a prefix of the fingerprint: a miss");
	ok(!pmemo_blob_get(m, fp, sizeof fp, out, 99, &len),
	    "blobs: no room for the value: a miss");
	/* fingerprint and value share an entry */
	pmemo_blob_put(m, fp2, sizeof fp2, val, PMEMO_BLOB_MAX - sizeof fp2 + 1);
	ok(!pmemo_blob_get(m, fp2, sizeof fp2, out, sizeof out, &len),
	    "blobs: a value too long for its fingerprint is not kept");
	pmemo_blob_put(m, fp2, sizeof fp2, val, PMEMO_BLOB_MAX - sizeof fp2);
	ok(pmemo_blob_get(m, fp2, sizeof fp2, out, sizeof out, &len) &&
	    len == PMEMO_BLOB_MAX - sizeof fp2, "blobs: the longest value that fits");
	/* 64 more keys through 16 entries: the latest of each set stays */
	for (i = 0; i < 64; i++) {
		fp[0] = (unsigned char)i;
		fp[1] = 0xee;
		val[0] = (unsigned char)i;
		pmemo_blob_put(m, fp, 2, val, 1);
	}
	fp[0] = 63;
	held = pmemo_blob_get(m, fp, 2, out, sizeof out, &len);
	ok(held && len == 1 && out[0] == 63, "blobs: the newest key is held");
	for (i = 0; i < 64; i++) {
		fp[0] = (unsigned char)i;
		if (pmemo_blob_get(m, fp, 2, out, sizeof out, &len) &&
		    (len != 1 || out[0] != i))
			all = 0;
	}
	ok(all, "blobs: whatever is held is its own key's value");
	pmemo_blob_stats(m, &h, &mi);
	ok(h >= 4 && mi >= 5, "blobs: counted (%llu hits, %llu misses)",
	    (unsigned long long)h, (unsigned long long)mi);
	pmemo_free(m);
}

/* The plant's epoch: the day matters only through the units in service. */
static void
test_epoch(void)
{
	struct fixture f;
	struct plant_cfg a, b, c;
	struct plant_result ra, rb, rf;
	struct it_load it;
	struct pmemo *m;
	uint64_t h0, m0, h1, m1;
	int	d0 = date_from_ymd(2024, 6, 1), d1 = date_from_ymd(2025, 6, 1);

	fixture_plant_site(&f, 1e6, 4);
	/* a second chiller group from 2024-09-01 */
	f.chillers[1] = f.chillers[0];
	strcpy(f.chillers[1].name, "ch2");
	f.chillers[1].in_service = date_from_ymd(2024, 9, 1);
	f.s.cooling.nchillers = 2;
	is_int(plant_epoch(&f.s, d0), DATE_NONE, "epoch before the second group: none");
	is_int(plant_epoch(&f.s, f.chillers[1].in_service), f.chillers[1].in_service,
	    "epoch on its in-service day: that day");
	is_int(plant_epoch(&f.s, d1), f.chillers[1].in_service,
	    "epoch a year on: the same");
	f.towers[0].in_service = date_from_ymd(2025, 1, 1);
	is_int(plant_epoch(&f.s, d1), f.towers[0].in_service,
	    "a later tower date: a new epoch");
	f.towers[0].in_service = DATE_NONE;
	plant_cfg_init(&a, &f.s, date_from_ymd(2024, 10, 1));
	plant_cfg_init(&b, &f.s, d1);
	plant_cfg_init(&c, &f.s, d0);
	is_int(a.epoch, b.epoch, "two days of one epoch: one epoch in the set-up");
	ok(a.nch == b.nch && a.ch_usable[0] == b.ch_usable[0] &&
	    memcmp(&a.cw_flow_design, &b.cw_flow_design, sizeof(double)) == 0,
	    "... and the same plant set up");
	if ((m = pmemo_new(8, 4)) == NULL) {
		ok(0, "out of memory");
		return;
	}
	f.s.plant_memo = m;
	f.s.plant_group = 1;
	it_load_gpus(&f.s, 400, 1, 0, &it);
	ok(plant_eval(&a, &it, 30, 22, 101325, &ra) == 0, "eval in October 2024");
	pmemo_stats(m, &h0, &m0);
	ok(plant_eval(&b, &it, 30, 22, 101325, &rb) == 0, "the same air in June 2025");
	pmemo_stats(m, &h1, &m1);
	ok(h1 == h0 + 1, "... from the memo (one hit)");
	ok(plant_eval_fresh(&b, &it, 30, 22, 101325, &rf) == 0 &&
	    memcmp(&rb, &rf, sizeof rb) == 0, "... bit for bit the fresh result");
	ok(plant_eval(&c, &it, 30, 22, 101325, &rf) == 0 &&
	    rf.cooling_capacity_w < ra.cooling_capacity_w,
	    "June 2024 (one group): not from the memo, less capacity");
	f.s.plant_memo = NULL;
	pmemo_free(m);

	/* the cap as the keys hold it: 0 where it limits no GPU (TDP 700 W,
	 * configurable from 200 W) */
	is_abs(it_cap_class(&f.s, 0), 0, 0, "cap class: no cap, 0");
	is_abs(it_cap_class(&f.s, 700), 0, 0, "cap class: 700 W (the TDP), 0");
	is_abs(it_cap_class(&f.s, 900), 0, 0, "cap class: 900 W, 0");
	is_abs(it_cap_class(&f.s, 600), 600, 0, "cap class: 600 W limits, itself");
	is_abs(it_cap_class(&f.s, 150), 150, 0,
	    "cap class: 150 W (raised to 200 W) limits, itself");
	{
		struct it_load x, y;

		it_load_gpus(&f.s, 500, 0.9, 725, &x);
		it_load_gpus(&f.s, 500, 0.9, 0, &y);
		ok(memcmp(&x, &y, sizeof x) == 0,
		    "a cap above the TDP: the IT load of no cap, bit for bit");
	}
}

static void
test_plans(void)
{
	enum { NCASE = 3 };
	struct fixture f;
	struct model gm;
	struct site_generator g;
	struct site_feed feed;
	struct feed_step step;
	struct site_target t;
	struct weather w;
	struct plan_result fresh[NCASE], r;
	struct delivery_lot lot;
	struct pmemo *m;
	uint64_t hits, misses;
	int	units[NCASE] = { 1, 2, 4 }, i, k, all = 1;

	fixture_plant_site(&f, 1e6, 4);
	lot.date = date_from_ymd(2024, 5, 1);
	lot.racks = 30;
	f.phase[0].lots = &lot;
	f.phase[0].nlots = 1;
	f.phase[0].delivery_start = lot.date;
	f.s.it.profile = PROFILE_DIURNAL;
	f.s.it.utilization = 0.9;
	fixture_gen_model(&gm, 0.3e6, 0.8);
	memset(&g, 0, sizeof g);
	strcpy(g.name, "g");
	g.model = &gm;
	g.available = DATE_NONE;
	g.until = DATE_NEVER;
	g.role = GEN_BASE;
	f.s.power.gens = &g;
	f.s.power.ngens = 1;
	/* 0.5 MW of grid, 1.5 MW from 2024-08-01 */
	memset(&feed, 0, sizeof feed);
	strcpy(feed.name, "utility");
	feed.capacity_w = 0.5e6;
	feed.in_service = DATE_NONE;
	feed.out_of_service = DATE_NEVER;
	feed.power_factor = 1;
	step.date = date_from_ymd(2024, 8, 1);
	step.capacity_w = 1.5e6;
	feed.steps = &step;
	feed.nsteps = 1;
	f.s.power.feeds = &feed;
	f.s.power.nfeeds = 1;
	f.s.sim.step_s = 3600;
	memset(&t, 0, sizeof t);
	strcpy(t.name, "all");
	t.gpus = 960;
	t.by = date_from_ymd(2024, 6, 1);
	f.s.targets = &t;
	f.s.ntargets = 1;
	if (year_weather(&w) != 0 || (m = pmemo_new(12, 14)) == NULL) {
		ok(0, "out of memory");
		return;
	}
	for (i = 0; i < NCASE; i++) {
		plan_result_init(&fresh[i]);
		g.count = units[i];
		is_int(plan_run(&f.s, &w, PLAN_ALL, &fresh[i]), PLAN_OK,
		    "%d units, afresh: PLAN_OK", units[i]);
	}
	ok(fresh[0].feasible != fresh[NCASE - 1].feasible ||
	    fresh[0].targets[0].met_on != fresh[NCASE - 1].targets[0].met_on,
	    "the generators change the plan (met on %d vs %d)",
	    fresh[0].targets[0].met_on, fresh[NCASE - 1].targets[0].met_on);
	plan_result_init(&r);
	/* twice round, each site after the others filled the memo */
	for (k = 0; k < 2 * NCASE; k++) {
		i = k % NCASE;
		g.count = units[i];
		f.s.plant_memo = m;
		f.s.plant_group = 1;
		if (plan_run(&f.s, &w, PLAN_ALL, &r) != PLAN_OK || !same_plan(&r, &fresh[i]))
			all = 0;
		f.s.plant_memo = NULL;
	}
	ok(all, "with the shared memo: every plan bit for bit as afresh");
	pmemo_stats(m, &hits, &misses);
	ok(hits > misses, "the memo served them: %llu hits, %llu misses",
	    (unsigned long long)hits, (unsigned long long)misses);
	/* a memo of another group's results is not used */
	{
		uint64_t h0 = hits;

		g.count = units[0];
		f.s.plant_memo = m;
		f.s.plant_group = 2;
		ok(plan_run(&f.s, &w, PLAN_ALL, &r) == PLAN_OK &&
		    same_plan(&r, &fresh[0]), "group 2: the same plan");
		f.s.plant_memo = NULL;
		pmemo_stats(m, &hits, &misses);
		ok(hits - h0 < misses / 2, "group 2: computed afresh, not from group 1");
	}
	/* whole days: the grid's step on another day, the same generators, in
	 * one day group; the days before the earlier step are the same */
	{
		int	steps[2] = { date_from_ymd(2024, 8, 1), date_from_ymd(2024, 9, 1) };
		struct plan_result fr[2];
		uint64_t bh, bm, bh0, bm0;
		int	j, same = 1;

		g.count = units[1];
		for (j = 0; j < 2; j++) {
			plan_result_init(&fr[j]);
			step.date = steps[j];
			is_int(plan_run(&f.s, &w, PLAN_ALL, &fr[j]), PLAN_OK,
			    "grid step %d, afresh: PLAN_OK", j);
		}
		ok(memcmp(&fr[0].year, &fr[1].year, sizeof fr[0].year) != 0,
		    "the step's day changes the year");
		is_int(pmemo_blobs(m, 13), 0, "whole days kept");
		for (k = 0; k < 4; k++) {
			j = k % 2;
			step.date = steps[j];
			f.s.plant_memo = m;
			f.s.plant_group = 3;
			f.s.day_group = 1;
			pmemo_blob_stats(m, &bh0, &bm0);
			if (plan_run(&f.s, &w, PLAN_ALL, &r) != PLAN_OK ||
			    !same_plan(&r, &fr[j]))
				same = 0;
			pmemo_blob_stats(m, &bh, &bm);
			f.s.plant_memo = NULL;
			f.s.day_group = 0;
			if (k == 1)
				/* the second site's days before the first step
				 * (2024-05-01 .. 07-31: 92 days) came whole */
				ok(bh - bh0 >= 92, "step 2024-09-01 after 08-01: "
				    "%llu of %llu days whole from the memo",
				    (unsigned long long)(bh - bh0),
				    (unsigned long long)(bh - bh0 + bm - bm0));
			/* (a day lost to a full set of the table now and then:
			 * the hash of the air's bits decides) */
			if (k >= 2)
				ok(bm - bm0 <= (bh - bh0) / 100, "round %d: every day "
				    "whole but at most 1 %% (%llu of %llu)", k,
				    (unsigned long long)(bh - bh0),
				    (unsigned long long)(bh - bh0 + bm - bm0));
		}
		ok(same, "whole days: every plan bit for bit as afresh");
		step.date = date_from_ymd(2024, 8, 1);
		for (j = 0; j < 2; j++)
			plan_result_release(&fr[j]);
	}
	for (i = 0; i < NCASE; i++)
		plan_result_release(&fresh[i]);
	plan_result_release(&r);
	pmemo_free(m);
	weather_release(&w);
}

/* The staging step (capacity.c): searched in [0, the power of two at or above
 * the GPUs asked about], so every count of an octave finds the same step, and
 * the memo keeps it.  Solves at many supplies and envelopes at many counts,
 * each with the memo, equal the fresh answers bit for bit, and once a step is
 * held an envelope costs fewer fresh plant evaluations. */
static int
same_cap(const struct cap_result *a, const struct cap_result *b)
{
	return memcmp(a->gpus, b->gpus, sizeof a->gpus) == 0 &&
	    memcmp(a->available, b->available, sizeof a->available) == 0 &&
	    memcmp(&a->max_gpus, &b->max_gpus, sizeof a->max_gpus) == 0 &&
	    a->binding == b->binding;
}

static void
test_stage(void)
{
	struct fixture f;
	struct site_feed feed;
	struct plant_cfg c;
	struct cap_condition cond = { "hot", 32, 24, 101325 };
	struct cap_result fr, mr;
	struct pmemo *m;
	uint64_t h0, m0, h1, m1, first = 0, later = 0;
	double	gpus[] = { 600, 700, 800, 900, 1000 }, fw, mw, fva, mva;
	int	i, same = 1, bound = 0;

	fixture_plant_site(&f, 1e6, 4);
	memset(&feed, 0, sizeof feed);
	strcpy(feed.name, "utility");
	feed.in_service = DATE_NONE;
	feed.out_of_service = DATE_NEVER;
	feed.power_factor = 1;
	f.s.power.feeds = &feed;
	f.s.power.nfeeds = 1;
	if ((m = pmemo_new(12, 4)) == NULL) {
		ok(0, "out of memory");
		return;
	}
	/* supplies from 0.6 to 1.4 MW: the supply binds at several chiller
	 * counts; the memo's answer is the fresh one */
	for (i = 0; i < 17; i++) {
		feed.capacity_w = 0.6e6 + i * 0.05e6;
		f.s.plant_memo = NULL;
		plant_cfg_init(&c, &f.s, 0);
		if (capacity_solve_min(&c, &cond, 960, 1, 0, 0, &fr) != 0) {
			same = 0;
			break;
		}
		f.s.plant_memo = m;
		f.s.plant_group = 1;
		if (capacity_solve_min(&c, &cond, 960, 1, 0, 0, &mr) != 0 ||
		    !same_cap(&fr, &mr))
			same = 0;
		bound += fr.binding == CAP_SUPPLY;
	}
	ok(same, "staging: 17 supplies, each solve with the memo as afresh");
	ok(bound >= 8, "staging: the supply binds in %d of them", bound);
	/* envelopes in one octave (512 to 1024 GPUs) */
	for (i = 0; i < 5; i++) {
		f.s.plant_memo = NULL;
		fw = capacity_demand_env_w(&c, &cond, gpus[i], 1, 0, &fva);
		f.s.plant_memo = m;
		pmemo_stats(m, &h0, &m0);
		mw = capacity_demand_env_w(&c, &cond, gpus[i], 1, 0, &mva);
		pmemo_stats(m, &h1, &m1);
		if (memcmp(&fw, &mw, sizeof fw) != 0 ||
		    memcmp(&fva, &mva, sizeof fva) != 0 || !(fw > 0))
			same = 0;
		if (i == 0)
			first = m1 - m0;
		else
			later += m1 - m0;
	}
	ok(same, "staging: envelopes at 600 to 1000 GPUs with the memo as afresh");
	ok(later < 4 * first, "staging: held steps, fewer fresh evaluations "
	    "(%llu for the first envelope, %llu for the next four)",
	    (unsigned long long)first, (unsigned long long)later);
	f.s.plant_memo = NULL;
	pmemo_free(m);
}

int
main(void)
{
	test_table();
	test_blobs();
	test_epoch();
	test_stage();
	test_plans();
	return tap_done();
}
