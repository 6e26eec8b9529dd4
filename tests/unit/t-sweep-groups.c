/*
 * t-sweep-groups.c - which cases of a sweep share plant results
 * (src/input/sweep_cases.c, sweep_spec_groups and sweep_case_group): keys under
 * power.grid, power.generators, power.batteries, power.dispatch, targets,
 * economics, risk and swings never reach the plant; two cases are in one group
 * exactly when their other axes have the same typed values.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "sweep_cases.h"
#include "tap.h"

static int
spec(struct sweep_spec *sp, const char *const *args, size_t n, int zip)
{
	struct diags d;
	int	rc;

	memset(&d, 0, sizeof d);
	rc = sweep_spec_vary(sp, args, n, zip, &d);
	if (rc != 0)
		diags_print(&d, stderr);
	diags_release(&d);
	return rc == 0 ? sweep_spec_groups(sp) : -1;
}

static void
test_paths(void)
{
	static const char *const free_paths[] = { "power.grid.feeds[0].capacity",
	    "power.grid", "power.generators[1].count", "power.batteries[0].count",
	    "power.dispatch.policy", "targets[1].by", "targets",
	    "economics.gpu_hour", "risk.delay_groups.x.pert", "swings.jobs[0].gpus" };
	static const char *const plant_paths[] = { "power.chain.ups_fraction",
	    "power.gridx.capacity", "cooling.chillers[0].count",
	    "it.workload.gpu_power_cap", "climate.weather_file", "site.location",
	    "simulation.step", "targetsx", "economicsgpu", "power" };
	size_t	i;

	for (i = 0; i < sizeof free_paths / sizeof free_paths[0]; i++)
		is_int(sweep_path_plant(free_paths[i]), 0, "%s: not the plant's",
		    free_paths[i]);
	for (i = 0; i < sizeof plant_paths / sizeof plant_paths[0]; i++)
		is_int(sweep_path_plant(plant_paths[i]), 1, "%s: the plant's",
		    plant_paths[i]);
}

static void
test_groups(void)
{
	static const char *const cart[] = {
	    "it.workload.gpu_power_cap=500 W,600 W,500 W",
	    "power.grid.feeds[0].steps[0].date=2024-07-01,2024-08-01",
	    "cooling.towers[0].count=2,3" };
	static const char *const zip[] = {
	    "it.workload.gpu_power_cap=500 W,600 W,500 W,500 W",
	    "power.generators[1].count=1,1,5,9" };
	static const char *const none[] = {
	    "targets[0].gpus=8,16,32", "economics.gpu_hour=1 USD/GPU-h,2 USD/GPU-h" };
	struct sweep_spec sp;
	size_t	c, e;
	int	all;

	/* 3 x 2 x 2: the cap and the towers are the plant's; the listed 500 W
	 * twice is one class */
	ok(spec(&sp, cart, 3, 0) == 0 && sp.ncases == 12, "3 x 2 x 2 = 12 cases");
	all = 1;
	for (c = 0; c < sp.ncases; c++)
		for (e = 0; e < sp.ncases; e++) {
			int	same = strcmp(sp.axes[0].typed[sweep_value_index(&sp, c, 0)],
			    sp.axes[0].typed[sweep_value_index(&sp, e, 0)]) == 0 &&
			    sweep_value_index(&sp, c, 2) == sweep_value_index(&sp, e, 2);

			if ((sweep_case_group(&sp, c, NULL) == sweep_case_group(&sp, e, NULL)) != same)
				all = 0;
		}
	ok(all, "one group exactly when the cap and the towers are the same");
	ok(sweep_case_group(&sp, 0, NULL) != 0, "groups count from 1");
	is_int((int)sp.axes[0].nclass, 2, "the cap: 2 distinct values");
	sweep_spec_release(&sp);

	/* zipped: cases 1, 3, 4 (500 W) share, whatever the turbines */
	ok(spec(&sp, zip, 2, 1) == 0 && sp.ncases == 4, "zip: 4 cases");
	ok(sweep_case_group(&sp, 0, NULL) == sweep_case_group(&sp, 2, NULL) &&
	    sweep_case_group(&sp, 0, NULL) == sweep_case_group(&sp, 3, NULL) &&
	    sweep_case_group(&sp, 0, NULL) != sweep_case_group(&sp, 1, NULL),
	    "zip: the 500 W cases share, the 600 W case does not");
	sweep_spec_release(&sp);

	/* nothing the plant reads: one group */
	ok(spec(&sp, none, 2, 0) == 0 && sp.ncases == 6, "targets x prices: 6 cases");
	all = 1;
	for (c = 1; c < sp.ncases; c++)
		if (sweep_case_group(&sp, c, NULL) != sweep_case_group(&sp, 0, NULL))
			all = 0;
	ok(all, "targets x prices: every case in one group");
	/* day groups: the targets split them, the prices too (what a day costs) */
	ok(sweep_case_day_group(&sp, 0, NULL) != sweep_case_day_group(&sp, 1, NULL) &&
	    sweep_case_day_group(&sp, 0, NULL) != sweep_case_day_group(&sp, 2, NULL),
	    "targets x prices: a day group a case");
	sweep_spec_release(&sp);

	/* the cap x the turbines (zip above): the turbines are the supply's, so
	 * the 500 W cases share a day group as they share a plant */
	ok(spec(&sp, zip, 2, 1) == 0, "zip again");
	ok(sweep_case_day_group(&sp, 0, NULL) == sweep_case_day_group(&sp, 2, NULL) &&
	    sweep_case_day_group(&sp, 0, NULL) == sweep_case_day_group(&sp, 3, NULL) &&
	    sweep_case_day_group(&sp, 0, NULL) != sweep_case_day_group(&sp, 1, NULL),
	    "zip: the 500 W cases share a day group, whatever the turbines");
	sweep_spec_release(&sp);
}

int
main(void)
{
	test_paths();
	test_groups();
	return tap_done();
}
