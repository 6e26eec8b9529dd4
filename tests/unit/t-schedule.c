/*
 * t-schedule.c - deployment schedule: delivered/installed/online counts by day,
 * first and last dates, GPU target dates.  Sites are built by hand in C.
 *
 * Site used by most tests (days are plain integers):
 *   phase A: 10 racks, 4 servers and 32 GPUs per rack, lots {day 100: 4, day 105: 6},
 *            install lag 3 d, commission lag 2 d
 *            -> installed 103 (4), 108 (10); online 105 (4), 110 (10)
 *   phase B: 5 racks, 8 servers and 64 GPUs per rack, lot {day 102: 5}, no lags
 *            -> delivered, installed and online on day 102
 */

#include <string.h>

#include "site.h"
#include "schedule.h"
#include "tap.h"

static struct delivery_lot lots_a[] = { { 100, 4, 0 }, { 105, 6, 0 } };
static struct delivery_lot lots_b[] = { { 102, 5, 0 } };

static void
phase(struct site_phase *p, int racks, int servers, int gpus_per_rack,
    struct delivery_lot *lots, size_t nlots, int inst, int comm)
{
	memset(p, 0, sizeof *p);
	p->racks = racks;
	p->rack.servers = servers;
	p->gpus_per_rack = gpus_per_rack;
	p->lots = lots;
	p->nlots = nlots;
	p->install_lag_d = inst;
	p->commission_lag_d = comm;
}

static void
site_ab(struct site *s, struct site_phase ph[2])
{
	memset(s, 0, sizeof *s);
	phase(&ph[0], 10, 4, 32, lots_a, 2, 3, 2);
	phase(&ph[1], 5, 8, 64, lots_b, 1, 0, 0);
	s->it.phases = ph;
	s->it.nphases = 2;
}

static void
test_counts(void)
{
	struct site		s;
	struct site_phase	ph[2];
	struct deploy_state	ds;
	long			del[2], ins[2], onl[2];

	site_ab(&s, ph);
	memset(&ds, 0, sizeof ds);
	ds.phase_delivered = del;
	ds.phase_installed = ins;
	ds.phase_online = onl;

	schedule_at(&s, 99, &ds);
	is_int(ds.delivered.racks, 0, "day 99: nothing delivered");
	is_int(ds.online.gpus, 0, "day 99: no GPUs online");

	schedule_at(&s, 100, &ds);
	is_int(ds.delivered.racks, 4, "day 100: A's first lot delivered (end of day)");
	is_int(ds.installed.racks, 0, "day 100: not installed yet (lag 3)");
	is_int(del[0], 4, "day 100: per-phase delivered A");
	is_int(del[1], 0, "day 100: per-phase delivered B");

	schedule_at(&s, 102, &ds);
	is_int(ds.delivered.racks, 9, "day 102: 4 + 5 delivered");
	is_int(ds.installed.racks, 5, "day 102: B installed on its delivery day (zero lag)");
	is_int(ds.online.racks, 5, "day 102: B online on its delivery day (zero lags)");
	is_int(ds.online.gpus, 320, "day 102: 5 x 64 GPUs online");
	is_int(ds.online.servers, 40, "day 102: 5 x 8 servers online");

	schedule_at(&s, 103, &ds);
	is_int(ins[0], 4, "day 103: A's first lot installed (100 + 3)");
	is_int(onl[0], 0, "day 103: A's first lot not online (100 + 5)");

	schedule_at(&s, 104, &ds);
	is_int(onl[0], 0, "day 104: still commissioning");

	/* day 105: delivered 15 racks, 10x4+5x8 = 80 servers, 10x32+5x64 = 640 GPUs;
	 * installed and online: A 4 + B 5 = 9 racks, 16+40 = 56 servers, 128+320 = 448 GPUs */
	schedule_at(&s, 105, &ds);
	is_int(ds.delivered.racks, 15, "day 105: all racks delivered");
	is_int(ds.delivered.servers, 80, "day 105: servers delivered");
	is_int(ds.delivered.gpus, 640, "day 105: GPUs delivered");
	is_int(ds.installed.racks, 9, "day 105: racks installed");
	is_int(ds.installed.servers, 56, "day 105: servers installed");
	is_int(ds.online.racks, 9, "day 105: racks online");
	is_int(ds.online.gpus, 448, "day 105: GPUs online");
	is_int(onl[0], 4, "day 105: A's first lot online (100 + 3 + 2)");

	schedule_at(&s, 107, &ds);
	is_int(ins[0], 4, "day 107: A's second lot not installed (105 + 3 = 108)");
	schedule_at(&s, 108, &ds);
	is_int(ins[0], 10, "day 108: A all installed");
	is_int(onl[0], 4, "day 108: A's second lot commissioning");
	schedule_at(&s, 109, &ds);
	is_int(ds.online.racks, 9, "day 109: one day short of full");
	schedule_at(&s, 110, &ds);
	is_int(ds.online.racks, 15, "day 110: all online");
	is_int(ds.online.gpus, 640, "day 110: 640 GPUs online");
	is_int(ds.online.servers, 80, "day 110: 80 servers online");

	is_int(schedule_gpus_at(&s, 105, DEPLOY_ONLINE), 448, "gpus_at agrees with schedule_at");
	is_int(schedule_gpus_at(&s, 105, DEPLOY_DELIVERED), 640, "gpus_at delivered");
	is_int(schedule_phase_racks(&ph[0], 107, DEPLOY_ONLINE), 4, "phase_racks A online day 107");

	/* NULL per-phase arrays are allowed */
	memset(&ds, 0, sizeof ds);
	schedule_at(&s, 110, &ds);
	is_int(ds.online.racks, 15, "NULL per-phase arrays: totals still filled");

	/* Extreme days do not overflow: DATE_NEVER sees everything, DATE_NONE nothing. */
	schedule_at(&s, DATE_NEVER, &ds);
	is_int(ds.online.racks, 15, "DATE_NEVER: all online");
	schedule_at(&s, DATE_NONE, &ds);
	is_int(ds.delivered.racks, 0, "DATE_NONE: nothing delivered");
}

static void
test_dates(void)
{
	struct site		s;
	struct site_phase	ph[2];

	site_ab(&s, ph);
	is_int(schedule_first_date(&s, DEPLOY_DELIVERED), 100, "first delivery day 100");
	is_int(schedule_first_date(&s, DEPLOY_INSTALLED), 102, "first install: min(103, 102)");
	is_int(schedule_first_date(&s, DEPLOY_ONLINE), 102, "first online: min(105, 102)");
	is_int(schedule_last_date(&s, DEPLOY_DELIVERED), 105, "last delivery day 105");
	is_int(schedule_last_date(&s, DEPLOY_INSTALLED), 108, "last install 105 + 3");
	is_int(schedule_full_date(&s), 110, "full: 105 + 3 + 2");

	is_int(schedule_gpus_date(&s, DEPLOY_ONLINE, 0), DATE_NONE, "0 GPUs: always");
	is_int(schedule_gpus_date(&s, DEPLOY_ONLINE, 1), 102, "1 GPU online day 102");
	is_int(schedule_gpus_date(&s, DEPLOY_ONLINE, 320), 102, "320 GPUs (B) day 102");
	is_int(schedule_gpus_date(&s, DEPLOY_ONLINE, 321), 105, "321 GPUs needs A's first lot, day 105");
	is_int(schedule_gpus_date(&s, DEPLOY_ONLINE, 448), 105, "448 GPUs day 105");
	is_int(schedule_gpus_date(&s, DEPLOY_ONLINE, 449), 110, "449 GPUs day 110");
	is_int(schedule_gpus_date(&s, DEPLOY_ONLINE, 640), 110, "all 640 GPUs day 110");
	is_int(schedule_gpus_date(&s, DEPLOY_ONLINE, 641), DATE_NEVER, "641 GPUs never");
	/* delivered by day 102: A 4 x 32 + B 5 x 64 = 448 */
	is_int(schedule_gpus_date(&s, DEPLOY_DELIVERED, 448), 102, "448 GPUs delivered day 102");
	is_int(schedule_gpus_date(&s, DEPLOY_DELIVERED, 449), 105, "449 GPUs delivered day 105");
	is_int(schedule_gpus_date(&s, DEPLOY_INSTALLED, 448), 103, "448 GPUs installed day 103");
}

static void
test_edges(void)
{
	struct site		s;
	struct site_phase	ph[2];
	struct deploy_state	ds;
	struct delivery_lot	shortlots[] = { { 50, 2, 0 } };
	struct delivery_lot	extra[] = { { 60, 3, 0 }, { 61, 4, 0 } };

	/* no phases */
	memset(&s, 0, sizeof s);
	memset(&ds, 0, sizeof ds);
	schedule_at(&s, 100, &ds);
	is_int(ds.online.racks, 0, "no phases: zero");
	is_int(schedule_full_date(&s), DATE_NONE, "no racks: full date DATE_NONE");
	is_int(schedule_first_date(&s, DEPLOY_DELIVERED), DATE_NEVER, "no racks: first date never");
	is_int(schedule_gpus_date(&s, DEPLOY_ONLINE, 1), DATE_NEVER, "no racks: 1 GPU never");

	/* lots short of the phase's racks: never full, counts stop at the lots */
	phase(&ph[0], 3, 1, 8, shortlots, 1, 1, 1);
	s.it.phases = ph;
	s.it.nphases = 1;
	is_int(schedule_full_date(&s), DATE_NEVER, "lots 2 of 3 racks: never full");
	is_int(schedule_phase_racks(&ph[0], 1000, DEPLOY_ONLINE), 2, "short lots: 2 online");
	is_int(schedule_gpus_date(&s, DEPLOY_ONLINE, 16), 52, "short lots: 16 GPUs on 50 + 2");
	is_int(schedule_gpus_date(&s, DEPLOY_ONLINE, 17), DATE_NEVER, "short lots: 17 GPUs never");

	/* lots adding to more than the phase: capped at its racks, full when the cap is met */
	phase(&ph[0], 5, 1, 8, extra, 2, 0, 0);
	is_int(schedule_phase_racks(&ph[0], 61, DEPLOY_DELIVERED), 5, "excess lots capped at 5 racks");
	is_int(schedule_phase_racks(&ph[0], 60, DEPLOY_DELIVERED), 3, "day 60: first lot only");
	is_int(schedule_full_date(&s), 61, "excess lots: full on day 61");

	/* a phase without lots delivers nothing and is never full */
	phase(&ph[0], 4, 1, 8, NULL, 0, 0, 0);
	is_int(schedule_phase_racks(&ph[0], 1000, DEPLOY_DELIVERED), 0, "no lots: nothing");
	is_int(schedule_full_date(&s), DATE_NEVER, "no lots: never full");

	/* negative lags (hand-built) count as zero */
	phase(&ph[0], 2, 1, 8, shortlots, 1, -3, -4);
	is_int(schedule_phase_racks(&ph[0], 50, DEPLOY_ONLINE), 2, "negative lags treated as 0");
	is_int(schedule_phase_racks(&ph[0], 49, DEPLOY_ONLINE), 0, "negative lags: not before delivery");
}

/* schedule_index: the binary search over indexed lots counts what the pass
 * over every lot counts, every day and stage; lots out of order stay
 * unindexed. */
static void
test_index(void)
{
	struct delivery_lot lots[40], bad[3] = { { 10, 1, 0 }, { 5, 1, 0 }, { 20, 1, 0 } };
	struct site_phase a, b;
	enum deploy_stage st[3] = { DEPLOY_DELIVERED, DEPLOY_INSTALLED, DEPLOY_ONLINE };
	int	i, d, k, all = 1;

	/* 40 lots every 3 days from day 100, 0 to 4 racks (a 0 now and then;
	 * two lots on day 130), 70 racks in the phase (fewer than the lots) */
	for (i = 0; i < 40; i++) {
		lots[i].date = 100 + 3 * i - (i == 11);
		lots[i].racks = i % 5;
		lots[i].cum_racks = 0;
	}
	phase(&a, 70, 1, 8, lots, 40, 2, 5);
	b = a;
	schedule_index(&b);
	ok(b.lots_indexed, "ascending lots: indexed");
	is_int(lots[39].cum_racks, 80, "cum_racks of the last lot: every rack (80)");
	a.lots_indexed = 0;
	for (d = 90; d <= 240; d++)
		for (k = 0; k < 3; k++)
			if (schedule_phase_racks(&a, d, st[k]) !=
			    schedule_phase_racks(&b, d, st[k]))
				all = 0;
	ok(all, "indexed = one by one, days 90..240 at every stage");
	is_int(schedule_phase_racks(&b, 240, DEPLOY_ONLINE), 70,
	    "indexed: capped at the phase's 70 racks");
	is_int(schedule_phase_racks(&b, 99, DEPLOY_DELIVERED), 0,
	    "indexed: nothing before the first lot");
	phase(&a, 3, 1, 8, bad, 3, 0, 0);
	schedule_index(&a);
	ok(!a.lots_indexed, "lots out of date order: not indexed");
	is_int(schedule_phase_racks(&a, 7, DEPLOY_DELIVERED), 1,
	    "... and counted one by one (day 7: the lot of day 5)");
}

int
main(void)
{
	test_counts();
	test_dates();
	test_edges();
	test_index();
	return tap_done();
}
