/*
 * cmd-sweep.c - "dcplan sweep SITE --vary PATH=VALUES ... | --cases FILE": a full
 * plan of every case of a what-if grid, one tidy row a case.
 *
 * The cases come from src/input/sweep_cases.c (expansion, the site of each case,
 * the weather cache), the plans run on a thread pool (src/engine/sweep.h), the
 * rows are written by src/output/sweep_doc.c.  This file only orchestrates:
 * cases are built a batch at a time in this thread, planned in parallel, and
 * written in case order, so the output is the same at any thread count and any
 * shard split.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-plot.h"
#include "cmd.h"
#include "library.h"
#include "diag.h"
#include "output.h"
#include "pmemo.h"
#include "site_load.h"
#include "sweep.h"
#include "sweep_cases.h"
#include "sweep_doc.h"
#include "sweep_plot.h"

/* Cases built and planned together: enough to keep every thread busy with
 * cases of unequal cost and to run a plant group's cases on one thread (a
 * group's first case costs several later ones), few enough that memory stays
 * flat (about 50 KB a case). */
#define SWEEP_BATCH	512
#define SWEEP_ERR_LEN	2048
/* Plant results kept per thread (src/engine/pmemo.h): 2^15 entries of 544
 * bytes, 17 MiB, touched as used (a Memphis plan asks for ~9,000 outside its
 * year) */
#define SWEEP_MEMO_LOG2	15
/* and by the step of the plan's year: 2^15 steps, a build and year of hourly
 * steps (Memphis: 10,224), 16 MiB */
#define SWEEP_MEMO_STEPS_LOG2	15
/* and whole days of plan years (sim.h, day sinks): 2^13 of 2 KiB, 16 MiB,
 * touched as used (a Memphis plan's year: 426 days) */
#define SWEEP_MEMO_DAYS_LOG2	13

static const struct opt_def sweep_opts[] = {
	{ "vary", 0, OPT_STRING, "PATH=VALUES", OPT_REPEAT, 0, 0,
	    "vary a site key: V1,V2,... or A:B:STEP (numbers, units, dates)" },
	{ "zip", 0, OPT_FLAG, NULL, 0, 0, 0,
	    "pair the --vary lists value by value instead of all combinations" },
	{ "cases", 0, OPT_STRING, "FILE.csv", 0, 0, 0,
	    "the cases from a CSV file: a header of --set paths, a row a case" },
	{ "threads", 0, OPT_COUNT, "T", 0, 0, 0,
	    "OpenMP threads (default: OMP_NUM_THREADS or every core)" },
	{ "fresh", 0, OPT_FLAG, NULL, 0, 0, 0,
	    "evaluate each case's plant afresh, sharing nothing between cases "
	    "(the same output, slower: for checking)" },
	{ "shard", 0, OPT_STRING, "K/N", 0, 0, 0,
	    "run the cases i with i mod N = K-1 (K from 1), for dcplan merge" },
	CLI_PLOT_OPT,
	CLI_PLOT_KIND_OPT("lines (default) or verdict"),
	{ "plot-y", 0, OPT_STRING, "COLUMN", 0, 0, 0,
	    "lines: the output drawn (default cost_total, or peak_facility_mw)" },
	CLI_PLOT_SIZE_OPT,
	{ NULL, 0, 0, NULL, 0, 0, 0, NULL }
};

/* The cases of one batch. */
struct batch {
	struct sweep_job jobs[SWEEP_BATCH];
	struct site sites[SWEEP_BATCH];
	int	have_site[SWEEP_BATCH];
	size_t	ids[SWEEP_BATCH];		/* 0-based case */
	int	cls[SWEEP_BATCH];
	char	err[SWEEP_BATCH][SWEEP_ERR_LEN];
};

static int
parse_shard(struct cmd_ctx *c, int *k, int *n)
{
	const char *v = cmd_opt(c, "shard");
	char	tail;

	*k = *n = 1;
	if (v == NULL)
		return EXIT_OK;
	if (sscanf(v, "%d/%d%c", k, n, &tail) != 2 || *n < 1) {
		cmd_error(c, "--shard: '%s' is not K/N (shard K of N, K from 1)", v);
		return EXIT_USAGE;
	}
	if (*k < 1 || *k > *n) {
		cmd_error(c, "--shard %s: K must be from 1 to N (%d)", v, *n);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

/* The diagnostics of the cases or the site, and the exit code they mean. */
static int
report_diags(struct diags *d, int rc)
{
	diags_print(d, stderr);
	diags_release(d);
	return rc == -2 ? EXIT_IO : EXIT_INPUT;
}

/* Build, plan and write the cases ids[0..n). */
struct build_arg {
	struct sweep_base *base;
	const struct sweep_spec *sp;
	struct batch *b;
};

/* Case j's site (sweep_each: each case writes only its own slots). */
static void
build_case(size_t j, void *vp)
{
	struct build_arg *a = vp;
	struct batch *b = a->b;

	b->cls[j] = 3;
	b->have_site[j] = sweep_case_site(a->base, a->sp, b->ids[j], &b->sites[j],
	    b->err[j], SWEEP_ERR_LEN) == 0;
}

static int
run_batch(struct cmd_ctx *c, struct sweep_base *base, const struct sweep_spec *sp,
    struct batch *b, size_t n, int threads, struct pmemo **memos,
    struct sweep_doc *doc, struct sweep_plot *pl, int *worst)
{
	const char *typed[CMD_MAX_VALUES];
	double	value[CMD_MAX_VALUES];
	size_t	j, a;
	int	rc = EXIT_OK;

	struct build_arg ba = { base, sp, b };
	struct sweep_lock *lk = threads != 1 ? sweep_lock_new() : NULL;

	/* the cases' sites, on the pool: the library is shared, under a lock */
	if (lk != NULL) {
		base->lib->lock = sweep_lock_take;
		base->lib->unlock = sweep_lock_give;
		base->lib->lock_arg = lk;
	}
	sweep_each(n, lk != NULL ? threads : 1, build_case, &ba);
	if (lk != NULL) {
		base->lib->lock = base->lib->unlock = NULL;
		base->lib->lock_arg = NULL;
		sweep_lock_free(lk);
	}
	for (j = 0; j < n; j++) {
		const struct weather *wx = NULL;
		int	io = 0;

		b->jobs[j].site = NULL;
		if (!b->have_site[j])
			continue;
		if ((wx = sweep_case_weather(base, &b->sites[j], b->err[j],
		    SWEEP_ERR_LEN, &io)) == NULL) {
			b->cls[j] = io ? 4 : 3;
			continue;
		}
		b->jobs[j].site = &b->sites[j];
		b->jobs[j].wx = wx;
		b->jobs[j].group = memos != NULL ?
		    sweep_case_group(sp, b->ids[j], &b->sites[j]) : 0;
		b->jobs[j].day_group = memos != NULL ?
		    sweep_case_day_group(sp, b->ids[j], &b->sites[j]) : 0;
	}
	sweep_run(b->jobs, n, PLAN_ALL, threads, memos);
	for (j = 0; j < n && rc == EXIT_OK; j++) {
		struct sweep_case_out o;
		struct sweep_job *jb = &b->jobs[j];

		if (jb->site != NULL) {
			if (jb->status != PLAN_OK) {
				b->cls[j] = jb->status == PLAN_ENOMEM ? 4 : 3;
				snprintf(b->err[j], SWEEP_ERR_LEN, "%s: %s", c->pos[0],
				    plan_status_str(jb->status));
			} else
				b->cls[j] = jb->res.feasible ? 0 : 1;
		}
		for (a = 0; a < sp->naxes; a++) {
			size_t	v = sweep_value_index(sp, b->ids[j], a);

			typed[a] = sp->axes[a].typed[v];
			value[a] = sp->axes[a].value[v];
		}
		memset(&o, 0, sizeof o);
		o.id = b->ids[j] + 1;
		o.typed = typed;
		o.value = value;
		o.exit_class = b->cls[j];
		o.error = b->err[j];
		o.site = b->cls[j] <= 1 ? &b->sites[j] : NULL;
		o.res = b->cls[j] <= 1 ? &jb->res : NULL;
		if (sweep_doc_row(doc, &o) != 0 ||
		    (pl != NULL && sweep_plot_add(pl, doc, &o) != 0)) {
			cmd_error(c, "out of memory");
			rc = EXIT_IO;
		}
		if (b->cls[j] > *worst)
			*worst = b->cls[j];
	}
	for (j = 0; j < n; j++)
		if (b->have_site[j])
			site_release(&b->sites[j]);
	sweep_batch_done(base);
	return rc;
}

static int
cmd_sweep_exec(struct cmd_ctx *c)
{
	struct sweep_spec sp;
	struct sweep_base base;
	struct diags d;
	struct batch *b = NULL;
	struct sweep_doc *doc = NULL;
	struct sweep_plot *pl = NULL;
	struct pmemo **memos = NULL;
	struct plot_req preq;
	struct output out;
	struct out_doc od;
	const char *paths[CMD_MAX_VALUES], *units[CMD_MAX_VALUES];
	const char *cases = cmd_opt(c, "cases");
	char	title[512];
	int	nvary = cmd_opt_count(c, "vary"), k, nshard, rc, threads = 0,
		worst = 0, out_open = 0, nthreads = 0;
	size_t	i, n;
	double	x;

	if ((rc = cli_plot_parse(c, sweep_plot_kinds, &preq)) != EXIT_OK)
		return rc;
	if (cmd_opt(c, "plot-y") != NULL && preq.path == NULL) {
		cmd_error(c, "--plot-y needs --plot FILE");
		return EXIT_USAGE;
	}
	if (nvary == 0 && cases == NULL) {
		cmd_error(c, "give the cases: --vary PATH=VALUES (one or more) or "
		    "--cases FILE.csv");
		return EXIT_USAGE;
	}
	if (nvary > 0 && cases != NULL) {
		cmd_error(c, "give --vary or --cases, not both");
		return EXIT_USAGE;
	}
	if (cases != NULL && cmd_opt_flag(c, "zip")) {
		cmd_error(c, "--zip pairs --vary lists; a cases file gives its cases "
		    "row by row");
		return EXIT_USAGE;
	}
	if ((rc = parse_shard(c, &k, &nshard)) != EXIT_OK)
		return rc;
	if (cmd_opt_num(c, "threads", &x))
		threads = (int)x;

	memset(&d, 0, sizeof d);
	if (cases != NULL)
		rc = sweep_spec_cases(&sp, cases, &d);
	else {
		const char *args[CMD_MAX_VALUES];
		int	v;

		for (v = 0; v < nvary; v++)
			args[v] = cmd_opt_at(c, "vary", v);
		rc = sweep_spec_vary(&sp, args, (size_t)nvary, cmd_opt_flag(c, "zip"),
		    &d);
	}
	if (rc != 0) {
		sweep_spec_release(&sp);
		return report_diags(&d, rc);
	}
	if ((rc = sweep_base_init(&base, c->pos[0], c->g->sets, c->g->nsets,
	    c->site.lib, &d)) != 0 || sweep_check_paths(&base, &sp, &d) != 0) {
		sweep_base_release(&base);
		sweep_spec_release(&sp);
		return report_diags(&d, rc);
	}
	diags_release(&d);
	if (sweep_spec_groups(&sp) != 0) {
		cmd_error(c, "out of memory");
		rc = EXIT_IO;
		goto out;
	}
	/* a memo of plant results per thread (src/engine/pmemo.h) */
	if (!cmd_opt_flag(c, "fresh")) {
		nthreads = sweep_threads(threads);
		if ((memos = calloc((size_t)nthreads, sizeof *memos)) == NULL) {
			cmd_error(c, "out of memory");
			rc = EXIT_IO;
			goto out;
		}
		for (i = 0; i < (size_t)nthreads; i++)
			if ((memos[i] = pmemo_new(SWEEP_MEMO_LOG2, SWEEP_MEMO_STEPS_LOG2)) == NULL ||
			    pmemo_blobs(memos[i], SWEEP_MEMO_DAYS_LOG2) != 0) {
				cmd_error(c, "out of memory");
				rc = EXIT_IO;
				goto out;
			}
	}

	snprintf(title, sizeof title, "%s: sweep of %s", c->site.name, c->pos[0]);
	if (strlen(title) > 80) {
		const char *bn = strrchr(c->pos[0], '/');

		snprintf(title, sizeof title, "%s: sweep of .../%s", c->site.name,
		    bn != NULL ? bn + 1 : c->pos[0]);
	}
	for (i = 0; i < sp.naxes; i++) {
		paths[i] = sp.axes[i].path;
		units[i] = sp.axes[i].unit;
	}
	cmd_doc(c, &od);
	if (output_open(&out, c->g->out_path) != 0) {
		cmd_error(c, "cannot write '%s': %s", c->g->out_path ? c->g->out_path :
		    "standard output", strerror(errno));
		rc = EXIT_IO;
		goto out;
	}
	out_open = 1;
	if ((b = calloc(1, sizeof *b)) == NULL ||
	    (doc = sweep_doc_new(out.fp, c->g->fmt, &od, title, paths, units,
	    sp.naxes, c->site.ntargets, sp.ncases, c->site.econ != NULL ?
	    c->site.econ->currency : NULL)) == NULL) {
		cmd_error(c, "out of memory");
		rc = EXIT_IO;
		goto out;
	}
	if (preq.path != NULL && (pl = sweep_plot_new(doc, c->site.name, paths,
	    sp.naxes, cmd_opt(c, "plot-y"), preq.kind, title, sizeof title)) == NULL) {
		cmd_error(c, "--plot: %s", title);
		rc = EXIT_USAGE;
		goto out;
	}
	for (i = 0; i < SWEEP_BATCH; i++)
		plan_result_init(&b->jobs[i].res);
	/* this shard's cases, K-1, K-1+N, ..., a batch at a time */
	rc = EXIT_OK;
	n = 0;
	for (i = (size_t)(k - 1); i < sp.ncases && rc == EXIT_OK; i += (size_t)nshard) {
		b->ids[n++] = i;
		if (n == SWEEP_BATCH) {
			rc = run_batch(c, &base, &sp, b, n, threads, memos, doc, pl, &worst);
			n = 0;
		}
	}
	if (rc == EXIT_OK && n > 0)
		rc = run_batch(c, &base, &sp, b, n, threads, memos, doc, pl, &worst);
	if (rc == EXIT_OK && sweep_doc_end(doc) != 0) {
		cmd_error(c, "out of memory");
		rc = EXIT_IO;
	}
	for (i = 0; i < SWEEP_BATCH; i++)
		plan_result_release(&b->jobs[i].res);
	if (rc == EXIT_OK) {
		out_open = 0;
		if (output_commit(&out) != 0) {
			cmd_error(c, "cannot write '%s': %s", c->g->out_path ?
			    c->g->out_path : "standard output", strerror(errno));
			rc = EXIT_IO;
		}
	}
	if (rc == EXIT_OK && pl != NULL)
		rc = cli_plot_write(c, &preq, sweep_plot_draw, pl);
	/* every case ran: 0, whether feasible or not; 3 when a case was
	 * invalid, 4 when one could not read its input */
	if (rc == EXIT_OK && worst >= 3)
		rc = worst == 4 ? EXIT_IO : EXIT_INPUT;
out:
	if (out_open)
		output_abort(&out);
	sweep_plot_free(pl);
	sweep_doc_free(doc);
	free(b);
	if (memos != NULL)
		for (i = 0; i < (size_t)nthreads; i++)
			pmemo_free(memos[i]);
	free(memos);
	sweep_base_release(&base);
	sweep_spec_release(&sp);
	return rc;
}

const struct cmd_entry cmd_sweep_entry = {
	.name = "sweep",
	.operands = "SITE",
	.opts_last = 1,
	.summary = "a plan for every case of a what-if grid, one row a case",
	.opts = sweep_opts,
	.min_pos = 1,
	.max_pos = 1,
	.needs = CMD_SITE | CMD_OUTPUT,
	.formats = FMTS_ALL,
	.exec = cmd_sweep_exec,
};
