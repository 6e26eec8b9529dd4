/*
 * cmd-timeline.c - "dcplan timeline SITE": one row per day of the build.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "date.h"
#include "output.h"
#include "site.h"
#include "site_load.h"
#include "site_weather.h"
#include "timeline.h"

static const struct table_col cols[] = {
	{ "date", "date", -1, 10 },
	{ "racks_online", "racks", 0, 6 },
	{ "gpus_online", "GPUs", 0, 7 },
	{ "gpus_runnable", "runnable", 0, 8 },
	{ "gpus_full_power", "full pwr", 0, 8 },
	{ "tdb_c", "tdb", 1, 5 },
	{ "twb_c", "twb", 1, 5 },
	{ "demand_mw", "demand MW", 2, 9 },
	{ "grid_mw", "grid MW", 2, 8 },
	{ "generators_mw", "gen MW", 2, 8 },
	{ "batteries_mw", "batt MW", 2, 8 },
	{ "cooling_mw", "cool MW", 2, 8 },
	{ "supply_margin_mw", "margin MW", 2, 9 },
	{ "binding", "binding", -1, 11 },
};
#define NCOLS ((int)(sizeof cols / sizeof cols[0]))

static int
cmd_timeline_exec(struct cmd_ctx *c)
{
	struct cmd_job j;
	struct output out;
	struct table t;
	char	err[512];
	const char *fs = cmd_opt(c, "from"), *ts = cmd_opt(c, "to");
	int	rc, from, to, day;
	struct tl_day prev;

	if ((rc = cmd_job_load(c, &j)) != EXIT_OK)
		return rc;
	timeline_range(&j.site, &from, &to);
	if ((fs != NULL && date_parse(fs, &from, err, sizeof err) != 0) ||
	    (ts != NULL && date_parse(ts, &to, err, sizeof err) != 0)) {
		cmd_error(c, "%s", err);
		cmd_job_free(&j);
		return EXIT_USAGE;
	}
	if (to < from || to - from > 3660) {
		cmd_error(c, "the timeline must run forwards and span at most ten years");
		cmd_job_free(&j);
		return EXIT_USAGE;
	}
	if ((rc = cmd_output_open(c, &out)) != EXIT_OK) {
		cmd_job_free(&j);
		return rc;
	}
	table_begin(&t, out.fp, c->g->fmt, "dcplan.timeline/1", cols, NCOLS);
	for (day = from; day <= to; day++) {
		struct tl_day d;
		double	n[NCOLS];
		const char *strs[NCOLS];
		char	dbuf[16];

		if (timeline_next(&j.site, &j.wx, day, day > from ? &prev : NULL,
		    &d) != 0) {
			output_abort(&out);
			date_format(day, dbuf);
			cmd_error(c, "the plant model failed on %s", dbuf);
			cmd_job_free(&j);
			return EXIT_INPUT;
		}
		memset(strs, 0, sizeof strs);
		date_format(day, dbuf);
		strs[0] = dbuf;
		n[1] = (double)d.racks_online;
		n[2] = (double)d.gpus_online;
		n[3] = d.gpus_runnable;
		n[4] = d.gpus_full_power;
		n[5] = d.tdb;
		n[6] = d.twb;
		n[7] = d.demand_w / 1e6;
		n[8] = d.grid_w / 1e6;
		n[9] = d.gen_w / 1e6;
		n[10] = d.batt_w / 1e6;
		n[11] = d.cooling_w / 1e6;
		n[12] = d.supply_margin_w / 1e6;
		strs[13] = d.gpus_runnable < d.gpus_online ? cap_constraint_name(d.binding) :
		    "none";
		table_row(&t, n, strs);
		prev = d;
	}
	table_end(&t, NULL);
	rc = cmd_output_close(c, &out, 1);
	cmd_job_free(&j);
	return rc;
}

static const struct opt_def timeline_opts[] = {
	{ "from", 0, "DATE", 0, "first day (default: first delivery)" },
	{ "to", 0, "DATE", 0, "last day (default: full deployment + simulation.horizon)" },
	{ NULL, 0, NULL, 0, NULL }
};

const struct cmd_entry cmd_timeline_entry = {
	.name = "timeline",
	.usage = "[--from DATE] [--to DATE] SITE",
	.summary = "day by day: GPUs online, GPUs the supply and cooling can run, what binds",
	.opts = timeline_opts,
	.min_pos = 1,
	.max_pos = 1,
	.formats = FMTS_ALL,
	.exec = cmd_timeline_exec,
};
