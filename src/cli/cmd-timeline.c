/*
 * cmd-timeline.c - "dcplan timeline SITE": one row per day of the build.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-plot.h"
#include "cmd.h"
#include "date.h"
#include "diag.h"
#include "output.h"
#include "plot_pics.h"
#include "site.h"
#include "site_load.h"
#include "site_weather.h"
#include "timeline.h"

/* The longest timeline, days: ten years of daily rows. */
#define TIMELINE_MAX_DAYS	3660

static const struct table_col cols[] = {
	{ "date", "date", -1, 10, NULL },
	{ "racks_online", "racks", 0, 6, NULL },
	{ "gpus_online", "GPUs", 0, 7, NULL },
	{ "gpus_runnable", "runnable", 0, 8, NULL },
	{ "gpus_full_power", "full pwr", 0, 8, NULL },
	{ "tdb_c", "tdb", 1, 5, "degC" },
	{ "twb_c", "twb", 1, 5, "degC" },
	{ "demand_mw", "demand MW", 2, 9, "MW" },
	{ "grid_mw", "grid MW", 2, 8, "MW" },
	{ "generators_mw", "gen MW", 2, 8, "MW" },
	{ "batteries_mw", "batt MW", 2, 8, "MW" },
	{ "cooling_mw", "cool MW", 2, 8, "MW" },
	{ "supply_margin_mw", "margin MW", 2, 9, "MW" },
	{ "binding", "binding", -1, 11, NULL },
	/* CSV and JSON only (the text says it in a line above the table) */
	{ "power_basis", "basis", -1, 9, NULL },
};
#define NCOLS ((int)(sizeof cols / sizeof cols[0]))

/* The picture: the rows the table got, kept when --plot asks for it. */
struct tl_plot {
	const struct site *site;
	const struct tl_day *rows;
	size_t	n;
};

static int
draw_build(void *vp, enum plot_fmt f, int w, int h, FILE *fp)
{
	const struct tl_plot *tp = vp;
	struct build_series b;
	int	rc;

	if (plot_build_series(tp->site, tp->rows, tp->n, &b) != 0)
		return -1;
	rc = plot_build_draw(tp->site, &b, "timeline", f, w, h, fp);
	plot_build_free(&b);
	return rc;
}

static int
cmd_timeline_exec(struct cmd_ctx *c)
{
	const struct site *s = &c->site;
	struct output *out;
	struct table t;
	int	from, to, day, rc;
	struct tl_day prev, *rows = NULL;
	struct plot_req pr;
	struct tl_plot tp;

	if ((rc = cli_plot_parse(c, NULL, &pr)) != EXIT_OK)
		return rc;
	timeline_range(s, &from, &to);
	cmd_opt_date(c, "from", &from);
	if (!cmd_opt_date(c, "to", &to) && to - from > TIMELINE_MAX_DAYS) {
		/* a long build: the default range stops after ten years */
		to = from + TIMELINE_MAX_DAYS;
		if (!c->g->quiet) {
			char	buf[16];

			date_format(to, buf);
			diag_printf(stderr, "dcplan: note: the build runs past ten years; "
			    "the timeline stops on %s (give --from and --to for a later "
			    "range)\n", buf);
		}
	}
	if (to < from || to - from > TIMELINE_MAX_DAYS) {
		cmd_error(c, "the timeline must run forwards and span at most ten years");
		return EXIT_USAGE;
	}
	if (pr.path != NULL && (rows = calloc((size_t)(to - from + 1),
	    sizeof *rows)) == NULL) {
		cmd_error(c, "out of memory");
		return EXIT_IO;
	}
	if ((out = cmd_output(c)) == NULL) {
		free(rows);
		return EXIT_IO;
	}
	{
		struct out_doc doc;

		cmd_doc(c, &doc);
		/* which IT power the demand is (it.workload.power) */
		if (c->g->fmt == FMT_TEXT)
			fprintf(out->fp, "IT power basis: %s\n\n",
			    it_basis_label(s->it.basis));
		if (table_begin(&t, out->fp, c->g->fmt, "dcplan.timeline/3", &doc, cols,
		    c->g->fmt == FMT_TEXT ? NCOLS - 1 : NCOLS) != 0) {
			free(rows);
			cmd_error(c, "out of memory");
			return EXIT_IO;
		}
	}
	for (day = from; day <= to; day++) {
		struct tl_day d;
		double	n[NCOLS];
		const char *strs[NCOLS];
		char	dbuf[16];

		if (timeline_next(s, &c->wx, day, day > from ? &prev : NULL,
		    &d) != 0) {
			date_format(day, dbuf);
			cmd_error(c, "the plant model failed on %s", dbuf);
			free(rows);
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
		/* nothing binds: "none" in text, null in CSV and JSON */
		strs[13] = d.gpus_runnable < d.gpus_online ? cap_constraint_name(d.binding) :
		    c->g->fmt == FMT_TEXT ? "none" : NULL;
		strs[14] = it_basis_names[s->it.basis];
		table_row(&t, n, strs);
		prev = d;
		if (rows != NULL)
			rows[day - from] = d;
	}
	table_end(&t, NULL);
	tp.site = s;
	tp.rows = rows;
	tp.n = (size_t)(to - from + 1);
	rc = cli_plot_write(c, &pr, draw_build, &tp);
	free(rows);
	return rc;
}

static const struct opt_def timeline_opts[] = {
	{ .name = "from", .type = OPT_DATE, .arg = "DATE",
	  .help = "first day (default: first delivery)" },
	{ .name = "to", .type = OPT_DATE, .arg = "DATE",
	  .help = "last day (default: full deployment + simulation.horizon)" },
	CLI_PLOT_OPT,
	CLI_PLOT_SIZE_OPT,
	{ .name = NULL }
};

const struct cmd_entry cmd_timeline_entry = {
	.name = "timeline",
	.operands = "SITE",
	.summary = "day by day: GPUs online, GPUs supply and cooling can run, binding",
	.opts = timeline_opts,
	.min_pos = 1,
	.max_pos = 1,
	.needs = CMD_SITE | CMD_WEATHER | CMD_OUTPUT,
	.formats = FMTS_ALL,
	.exec = cmd_timeline_exec,
};
