/*
 * cmd-swings.c - "dcplan swings SITE": the sub-second power swing of the site's
 * training jobs on a day, raw, after GPU smoothing, after facility storage and at
 * the grid or each islanded generator group; a verdict on every limit (exit 1 when
 * one fails) and, with --size, the smallest GPU floor and battery that meet them.
 * Text and JSON give the summary; CSV gives the waveform, one row per sample.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consts.h"
#include "cli-plot.h"
#include "cmd.h"
#include "date.h"
#include "output.h"
#include "plot_pics.h"
#include "schedule.h"
#include "site.h"
#include "site_load.h"
#include "swings.h"
#include "units.h"

static const char *const sig_names[] = { "raw", "smoothed", "after storage", "grid" };

static const char *
check_name(enum sw_check k)
{
	switch (k) {
	case SW_CK_RAMP_S: return "ramp (1 s)";
	case SW_CK_RAMP_MIN: return "ramp (1 min)";
	case SW_CK_STEP: return "largest step";
	case SW_CK_BAND: return "band amplitude";
	case SW_CK_MIN_LOAD: return "minimum load";
	case SW_CK_CAPACITY: return "grid capacity";
	case SW_CK_GEN_STEP: return "load step";
	case SW_CK_GEN_INTERVAL: return "time between steps";
	case SW_CK_GEN_RAMP: return "ramp (1 min)";
	case SW_CK_GEN_MIN_LOAD: return "minimum load";
	case SW_CK_GEN_CAPACITY: return "capacity";
	}
	return "?";
}

/* value and limit in report units: MW, MW/s, MW/min or s */
static const char *
check_unit(enum sw_check k, double *scale)
{
	*scale = 1e-6;
	switch (k) {
	case SW_CK_RAMP_S:
		return "MW/s";
	case SW_CK_RAMP_MIN:
	case SW_CK_GEN_RAMP:
		return "MW/min";
	case SW_CK_GEN_INTERVAL:
		*scale = 1;
		return "s";
	default:
		return "MW";
	}
}

/* A time or frequency option, above zero; -1 after a message. */
static int
opt_positive(struct cmd_ctx *c, const char *opt, double *out)
{
	double	v;

	if (!cmd_opt_num(c, opt, &v))
		return 0;
	if (!(v > 0)) {
		cmd_error(c, "--%s must be above zero, not '%s'", opt, cmd_opt(c, opt));
		return -1;
	}
	*out = v;
	return 0;
}

static void
metrics_table(struct report *r, int mach, const struct sw_result *res,
    const struct sw_config *cfg)
{
	static const struct report_col cols[] = {
		{ "signal", "signal", "", -1 },
		{ "mean_mw", "mean", "MW", 3 },
		{ "p2p_mw", "peak-peak", "MW", 3 },
		{ "step_mw", "step", "MW", 3 },
		{ "ramp_mw_per_s", "ramp", "MW/s", 3 },
		{ "ramp_mw_per_min", "ramp", "MW/min", 3 },
		{ "min_mw", "min", "MW", 3 },
		{ "max_mw", "max", "MW", 3 },
	};
	int	k, ns = res->has_grid ? 4 : 3;
	size_t	g;

	report_table(r, "signals", "", cols, 8);
	if (mach)	/* one unit a quantity: the ramp in MW/s */
		report_col_as(r, 5, "", NULL, 0);
	for (k = 0; k < ns + (int)(res->has_grid ? 0 : cfg->ngens); k++) {
		const struct sw_metrics *m = k < ns ? &res->m[k] : &res->gen[k - ns];
		double	nums[8] = { NAN, m->mean / 1e6, m->p2p / 1e6, m->step_w / 1e6,
		    m->ramp_wps / 1e6, m->ramp_wpm / 1e6, m->min / 1e6, m->max / 1e6 };
		const char *strs[8] = { k < ns ? sig_names[k] : cfg->gens[k - ns].name };

		report_row(r, nums, strs);
	}
	{
		static const struct report_col bcols[] = {
			{ "signal", "signal", "", -1 },
			{ "low_hz", "from", "Hz", 2 },
			{ "high_hz", "to", "Hz", 2 },
			{ "amplitude_mw", "amplitude", "MW", 6 },
			{ "largest_component_mw", "largest line", "MW", 6 },
			{ "share_pct", "share", "%", 1 },
		};

		if (cfg->lim.nbands == 0)
			return;
		report_table(r, "bands", "Band amplitudes (equivalent sinusoid, worst "
		    "window)", bcols, 6);
		for (k = 0; k < ns; k++)
			for (g = 0; g < cfg->lim.nbands; g++) {
				const struct sw_metrics *m = &res->m[k];
				double	nums[6] = { NAN, cfg->lim.bands[g].lo_hz,
				    cfg->lim.bands[g].hi_hz, m->band_amp[g] / 1e6,
				    m->band_peak[g] / 1e6, m->band_share[g] * 100 };
				const char *strs[6] = { sig_names[k] };

				report_row(r, nums, strs);
			}
	}
}

static void
verdict_table(struct report *r, int mach, const struct sw_result *res,
    const struct sw_config *cfg)
{
	static const struct report_col cols[] = {
		{ "limit", "limit", "", -1 },
		{ "at", "at", "", -1 },
		{ "value", "value", "", 4 },
		{ "limit_value", "limit", "", 4 },
		{ "margin", "margin", "", 4 },
		{ "unit", "unit", "", -1 },
		{ "verdict", "verdict", "", -1 },
	};
	/* CSV and JSON: whether each limit holds, true or false */
	static const struct report_col mcols[] = {
		{ "limit", "limit", "", -1 },
		{ "at", "at", "", -1 },
		{ "value", "value", "", 4 },
		{ "limit_value", "limit", "", 4 },
		{ "margin", "margin", "", 4 },
		{ "unit", "unit", "", -1 },
		{ "ok", "ok", "", REPORT_BOOL },
	};
	char	lab[SW_MAX_VERDICTS][48];
	size_t	i;

	report_section(r, "verdicts", "Verdicts");
	if (res->nv == 0) {
		report_note(r, "no limits given: 'swings.grid' and the generator models' "
		    "load_step, ramp_rate keys set them");
		if (!mach)
			return;
	}
	report_table(r, "limits", "", mach ? mcols : cols, 7);
	for (i = 0; i < res->nv; i++) {
		const struct sw_verdict *v = &res->v[i];
		double	sc;
		const char *u = check_unit(v->check, &sc);
		double	nums[7] = { NAN, NAN, v->value * sc, v->limit * sc,
		    isfinite(v->margin) ? v->margin * sc : NAN, NAN, NAN };
		const char *strs[7];

		if (v->check == SW_CK_BAND)
			snprintf(lab[i], sizeof lab[i], "%g-%g Hz amplitude",
			    cfg->lim.bands[v->band].lo_hz, cfg->lim.bands[v->band].hi_hz);
		else
			snprintf(lab[i], sizeof lab[i], "%s", check_name(v->check));
		strs[0] = lab[i];
		strs[1] = v->gen >= 0 ? cfg->gens[v->gen].name : "grid";
		strs[5] = u;
		strs[6] = v->ok ? "OK" : "FAIL";
		if (mach) {
			strs[6] = NULL;
			nums[6] = v->ok;
		}
		report_row(r, nums, strs);
	}
	if (mach)
		report_bool(r, "ok", "every limit holds", res->all_ok);
	report_str(r, "verdict", "overall", res->all_ok ? "OK" : "FAIL");
	if (mach)
		report_as(r, "status", NULL, 0);
}

static int
write_csv(struct cmd_ctx *c, const struct sw_result *res, const struct sw_config *cfg)
{
	struct output *o;
	struct table t;
	struct table_col cols[7 + SW_MAX_GENS];
	struct out_doc doc;
	char	names[SW_MAX_GENS][80];
	double	nums[7 + SW_MAX_GENS];
	size_t	i, g, nc = 0;

	cols[nc++] = (struct table_col){ "time_s", "time", 2, 10, "s" };
	cols[nc++] = (struct table_col){ "raw_mw", "raw", 6, 12, "MW" };
	cols[nc++] = (struct table_col){ "smoothed_mw", "smoothed", 6, 12, "MW" };
	cols[nc++] = (struct table_col){ "battery_mw", "battery", 6, 12, "MW" };
	cols[nc++] = (struct table_col){ "soc_pct", "SOC", 4, 8, "%" };
	cols[nc++] = (struct table_col){ "after_storage_mw", "after storage", 6, 12, "MW" };
	if (res->has_grid)
		cols[nc++] = (struct table_col){ "grid_mw", "grid", 6, 12, "MW" };
	else
		for (g = 0; g < cfg->ngens; g++) {
			snprintf(names[g], sizeof names[g], "gen_%s_mw", cfg->gens[g].name);
			cols[nc++] = (struct table_col){ names[g], names[g], 6, 12, "MW" };
		}
	if ((o = cmd_output(c)) == NULL)
		return EXIT_IO;
	cmd_doc(c, &doc);
	if (table_begin(&t, o->fp, FMT_CSV, "dcplan.swings/2", &doc, cols, (int)nc) != 0) {
		cmd_error(c, "out of memory");
		return EXIT_IO;
	}
	for (i = 0; i < res->wave.n; i++) {
		size_t	k = 0;

		nums[k++] = (double)i * res->wave.dt;
		nums[k++] = res->wave.raw[i] / 1e6;
		nums[k++] = res->wave.smooth[i] / 1e6;
		nums[k++] = res->wave.batt[i] / 1e6;
		nums[k++] = cfg->store.enabled ? res->wave.soc[i] * 100 : NAN;
		nums[k++] = res->wave.site[i] / 1e6;
		if (res->has_grid)
			nums[k++] = res->wave.site[i] / 1e6;
		else
			for (g = 0; g < cfg->ngens; g++)
				nums[k++] = cfg->gens[g].share * res->wave.site[i] / 1e6;
		table_row(&t, nums, NULL);
	}
	table_end(&t, NULL);
	return EXIT_OK;
}

static const char *const plot_kinds[] = { "waveform", "spectrum", NULL };

/* The picture (--plot): from the waveforms the CSV has. */
struct swings_plot {
	const char *title;
	const struct sw_config *cfg;
	const struct sw_result *res;
	enum swings_pic pic;
	double	span_s;
};

static int
draw_swings(void *vp, enum plot_fmt f, int w, int h, FILE *fp)
{
	const struct swings_plot *sp = vp;

	return plot_swings_draw(sp->title, sp->cfg, sp->res, sp->pic, sp->span_s, f, w,
	    h, fp);
}

static int
cmd_swings_exec(struct cmd_ctx *c)
{
	struct site *sp = &c->site;
	struct sw_config cfg;
	struct sw_job jobs[SW_MAX_JOBS];
	struct sw_gen gens[SW_MAX_GENS];
	struct sw_result *res = NULL;
	struct sw_sizing sz;
	struct report *r = NULL;
	char	err[512], dbuf[16], title[512];
	int	rc, day, which, do_size = cmd_opt_flag(c, "size");
	int	mach = c->g->fmt != FMT_TEXT;
	long	online;
	size_t	i;

	struct plot_req preq;
	struct swings_plot splot;
	double	span = 60;

	if ((rc = cli_plot_parse(c, plot_kinds, &preq)) != EXIT_OK)
		return rc;
	if (cmd_opt(c, "plot-window") != NULL && preq.path == NULL) {
		cmd_error(c, "--plot-window needs --plot FILE");
		return EXIT_USAGE;
	}
	if (opt_positive(c, "plot-window", &span) != 0)
		return EXIT_USAGE;
	if (!sp->swings.given) {
		fprintf(stderr, "%s: no 'swings' section: it describes the training jobs "
		    "(see dcplan-site(5))\n", c->pos[0]);
		return EXIT_INPUT;
	}
	day = sp->swings.date != DATE_NONE ? sp->swings.date : site_full_deployment(sp);
	cmd_opt_date(c, "date", &day);
	if (opt_positive(c, "duration", &sp->swings.duration_s) != 0 ||
	    opt_positive(c, "rate", &sp->swings.rate_hz) != 0 ||
	    opt_positive(c, "window", &sp->swings.window_s) != 0)
		return EXIT_USAGE;
	if (swings_check_timing(sp->swings.rate_hz, sp->swings.duration_s, sp->swings.window_s,
	    &sp->swings.lim, &which, err, sizeof err) != 0) {
		cmd_error(c, "%s", err);
		return cmd_opt(c, "duration") || cmd_opt(c, "rate") || cmd_opt(c, "window") ?
		    EXIT_USAGE : EXIT_INPUT;
	}
	for (i = 0; i < sp->swings.njobs; i++)
		if (sp->swings.jobs[i].j.period_s * sp->swings.rate_hz < 2) {
			cmd_error(c, "job '%s': an iteration period of %g s is shorter than "
			    "two samples at %g Hz", sp->swings.jobs[i].j.name,
			    sp->swings.jobs[i].j.period_s, sp->swings.rate_hz);
				return EXIT_USAGE;
		}
	date_format(day, dbuf);
	if (swings_site_config(sp, day, &cfg, jobs, gens, err, sizeof err) != 0) {
		fprintf(stderr, "%s: on %s: %s\n", c->pos[0], dbuf, err);
		return EXIT_INPUT;
	}
	c->have_seed = 1;	/* the documents' head says it too */
	c->seed = cfg.seed;
	if ((res = malloc(sizeof *res)) == NULL || swings_evaluate(&cfg, res) != 0) {
		cmd_error(c, "out of memory");
		free(res);
		return EXIT_IO;
	}
	snprintf(title, sizeof title, "%s: training power swings on %s", sp->name, dbuf);
	splot.title = title;
	splot.cfg = &cfg;
	splot.res = res;
	splot.pic = preq.kind == 1 ? SWINGS_SPECTRUM : SWINGS_WAVEFORM;
	splot.span_s = span;
	if ((rc = cli_plot_write(c, &preq, draw_swings, &splot)) != EXIT_OK)
		goto out;
	if (c->g->fmt == FMT_CSV) {
		rc = write_csv(c, res, &cfg);
		goto out;
	}
	if (do_size && swings_size(&cfg, &sz) != 0) {
		cmd_error(c, "out of memory");
		rc = EXIT_IO;
		goto out;
	}
	online = schedule_gpus_at(sp, day, DEPLOY_ONLINE);
	snprintf(title, sizeof title, "%s: training power swings on %s", sp->name, dbuf);
	r = report_new("dcplan.swings/3", title);
	report_section(r, "run", "Run");
	report_str(r, "date", "date", dbuf);
	report_int(r, "gpus_online", "GPUs online", online, "");
	{
		static const struct report_col cols[] = {
			{ "job", "job", "", -1 },
			{ "gpus", "GPUs", "", 0 },
			{ "period_s", "period", "s", 3 },
			{ "comm_pct", "comm", "%", 1 },
			{ "compute_w", "compute", "W", 0 },
			{ "comm_w", "comm", "W", 0 },
			{ "checkpoint_w", "checkpoint", "W", 0 },
		};

		report_table(r, "jobs", "", cols, 7);
		/* power in MW in CSV and JSON (dcplan-json(5)) */
		report_col_as(r, 4, "compute_mw", "MW", 1e-6);
		report_col_as(r, 5, "comm_mw", "MW", 1e-6);
		report_col_as(r, 6, "checkpoint_mw", "MW", 1e-6);
		for (i = 0; i < cfg.njobs; i++) {
			double	nums[7] = { NAN, jobs[i].gpus, jobs[i].period_s,
			    jobs[i].comm_fraction * 100, jobs[i].p_compute_w,
			    jobs[i].p_comm_w, jobs[i].ckpt_interval_s > 0 ?
			    jobs[i].p_ckpt_w : NAN };
			const char *strs[7] = { jobs[i].name };

			report_row(r, nums, strs);
		}
	}
	report_num(r, "static_mw", "load that does not swing", cfg.static_w / 1e6, "MW", 3);
	if (cfg.smooth.cap_w > 0 || mach) {
		report_num(r, "gpu_power_cap_w", "GPU power cap", cfg.smooth.cap_w > 0 ?
		    cfg.smooth.cap_w : NAN, "W", 0);
		report_as(r, "gpu_power_cap_mw", "MW", 1e-6);
	}
	if (cfg.smooth.floor > 0 || mach)
		report_num(r, "gpu_floor_pct", "GPU power floor", cfg.smooth.floor * 100,
		    "% TDP", 1);
	report_str(r, "supply", "supply", cfg.island ? "islanded generators" : "grid");
	if (mach)
		report_bool(r, "islanded", "islanded", cfg.island);
	report_num(r, "sample_rate_hz", "sample rate", cfg.rate_hz, "Hz", 1);
	report_num(r, "duration_s", "duration", cfg.duration_s, "s", 1);
	report_num(r, "window_s", "analysis window (Hann, 50 % overlap)", cfg.window_s,
	    "s", 1);
	report_int(r, "samples", "samples", (long)res->wave.n, "");
	report_int(r, "seed", "seed", (long)cfg.seed, "");
	{
		double	hi = 0;

		for (i = 0; i < cfg.lim.nbands; i++)
			hi = fmax(hi, cfg.lim.bands[i].hi_hz);
		if (hi > 0 && cfg.rate_hz < 10 * hi) {
			char	note[200];

			snprintf(note, sizeof note, "sample rate below 10 x the top band "
			    "edge (%g Hz): content above %g Hz aliases", 10 * hi,
			    cfg.rate_hz / 2);
			report_note(r, note);
		}
	}
	report_section(r, "signals", "Signals");
	metrics_table(r, mach, res, &cfg);
	report_num(r, "smoothing_extra_mwh_per_day", "energy the smoothing adds",
	    (res->m[SW_SIG_SMOOTH].mean - res->m[SW_SIG_RAW].mean) * 86400 / DC_J_PER_MWH,
	    "MWh/d", 2);
	report_section(r, "storage", "Facility storage");
	if (mach) {
		/* every field, null without storage or for the other control law */
		int	e = cfg.store.enabled, ramp = e && cfg.store.law == SW_LAW_RAMP;

		report_bool(r, "enabled", "storage", e);
		report_num(r, "power_mw", "power", e ? cfg.store.power_w / 1e6 : NAN,
		    "MW", 2);
		report_num(r, "energy_mwh", "energy", e ? cfg.store.energy_j /
		    DC_J_PER_MWH : NAN, "MWh", 3);
		report_str(r, "control", "control", !e ? NULL : ramp ? "ramp_limiter" :
		    "low_pass");
		report_num(r, "ramp_mw_per_s", "ramp limit", ramp ? cfg.store.ramp_wps /
		    1e6 : NAN, "MW/s", 3);
		report_num(r, "time_constant_s", "time constant", e && !ramp ?
		    cfg.store.tau_s : NAN, "s", 2);
		report_num(r, "soc_min_pct", "SOC reached, lowest", e ?
		    res->wave.soc_lo * 100 : NAN, "%", 2);
		report_num(r, "soc_max_pct", "SOC reached, highest", e ?
		    res->wave.soc_hi * 100 : NAN, "%", 2);
		report_num(r, "discharged_mwh", "energy discharged", e ?
		    res->wave.batt_discharged_j / DC_J_PER_MWH : NAN, "MWh", 4);
		report_num(r, "cycles", "equivalent full cycles", e ?
		    res->wave.batt_cycles : NAN, "", 4);
		report_num(r, "cycles_per_day", "  per day", e ? res->wave.batt_cycles *
		    86400 / cfg.duration_s : NAN, "", 2);
		report_num(r, "reversals", "charge/discharge reversals", e ?
		    (double)res->wave.batt_reversals : NAN, "", 0);
	} else if (!cfg.store.enabled)
		report_str(r, "state", "storage", "none");
	else {
		report_num(r, "power_mw", "power", cfg.store.power_w / 1e6, "MW", 2);
		report_num(r, "energy_mwh", "energy", cfg.store.energy_j / DC_J_PER_MWH, "MWh", 3);
		report_str(r, "control", "control", cfg.store.law == SW_LAW_RAMP ?
		    "ramp limiter" : "low-pass setpoint");
		if (cfg.store.law == SW_LAW_RAMP)
			report_num(r, "ramp_mw_per_s", "ramp limit", cfg.store.ramp_wps / 1e6,
			    "MW/s", 3);
		else
			report_num(r, "time_constant_s", "time constant", cfg.store.tau_s,
			    "s", 2);
		report_num(r, "soc_min_pct", "SOC reached, lowest", res->wave.soc_lo * 100,
		    "%", 2);
		report_num(r, "soc_max_pct", "SOC reached, highest", res->wave.soc_hi * 100,
		    "%", 2);
		report_num(r, "discharged_mwh", "energy discharged",
		    res->wave.batt_discharged_j / DC_J_PER_MWH, "MWh", 4);
		report_num(r, "cycles", "equivalent full cycles", res->wave.batt_cycles, "",
		    4);
		report_num(r, "cycles_per_day", "  per day", res->wave.batt_cycles * 86400 /
		    cfg.duration_s, "", 2);
		report_int(r, "reversals", "charge/discharge reversals",
		    res->wave.batt_reversals, "");
	}
	verdict_table(r, mach, res, &cfg);
	if (do_size) {
		report_section(r, "sizing", "Sizing (every limit met)");
		if (res->nv == 0)
			report_note(r, "no limits to size against");
		else {
			if (mach) {
				/* found, none_needed or none_suffices, and the
				 * figures (null unless found) */
				static const char *const st[] = { "none_needed",
				    "none_suffices", "found" };
				int	f = sz.floor_found == 1, b = sz.batt_found == 1;

				report_str(r, "floor_status", "GPU floor, no storage",
				    st[f ? 2 : sz.floor_found < 0 ? 0 : 1]);
				report_num(r, "floor_pct", "smallest GPU floor, no storage",
				    f ? sz.floor * 100 : NAN, "% TDP", 1);
				report_num(r, "floor_extra_mwh_per_day", "  energy it adds",
				    f ? sz.floor_extra_w * 86400 / DC_J_PER_MWH : NAN,
				    "MWh/d", 4);
				report_str(r, "battery_status", "battery",
				    st[b ? 2 : sz.batt_found < 0 ? 0 : 1]);
				report_num(r, "battery_power_mw", "smallest battery: power",
				    b ? sz.batt_power_w / 1e6 : NAN, "MW", 6);
				report_num(r, "battery_energy_mwh", "  energy at that power",
				    b ? sz.batt_energy_j / DC_J_PER_MWH : NAN, "MWh", 6);
			} else if (sz.floor_found == 1) {
				report_num(r, "floor_pct", "smallest GPU floor, no storage",
				    sz.floor * 100, "% TDP", 1);
				report_num(r, "floor_extra_mwh_per_day", "  energy it adds",
				    sz.floor_extra_w * 86400 / DC_J_PER_MWH, "MWh/d", 4);
			} else
				report_str(r, "floor", "GPU floor, no storage",
				    sz.floor_found < 0 ? "none needed" :
				    "none suffices (100 % fails)");
			if (mach)
				;	/* above */
			else if (sz.batt_found == 1) {
				report_num(r, "battery_power_mw", "smallest battery: power",
				    sz.batt_power_w / 1e6, "MW", 6);
				report_num(r, "battery_energy_mwh", "  energy at that power",
				    sz.batt_energy_j / DC_J_PER_MWH, "MWh", 6);
			} else
				report_str(r, "battery", "battery", sz.batt_found < 0 ?
				    "none needed" : "none suffices with this control law");
		}
	}
	rc = cmd_write_report(c, r);
out:
	if (r != NULL)
		report_free(r);
	if (rc == EXIT_OK && !res->all_ok)
		rc = EXIT_INFEASIBLE;
	swings_result_release(res);
	free(res);
	return rc;
}

static const struct opt_def swings_opts[] = {
	{ .name = "date", .short_name = 'd', .type = OPT_DATE, .arg = "DATE",
	  .help = "the fleet and supply on DATE (default: swings.date)" },
	{ .name = "duration", .type = OPT_QUANTITY, .arg = "TIME", .kind = U_TIME,
	  .help = "length of the waveform, such as 1h" },
	{ .name = "rate", .type = OPT_QUANTITY, .arg = "FREQ", .kind = U_FREQ,
	  .help = "sample rate, such as 100Hz" },
	{ .name = "window", .type = OPT_QUANTITY, .arg = "TIME", .kind = U_TIME,
	  .help = "analysis (FFT) window, such as 60s" },
	{ .name = "size", .type = OPT_FLAG,
	  .help = "find the smallest GPU floor and battery meeting every limit" },
	CLI_PLOT_OPT,
	CLI_PLOT_KIND_OPT("waveform (default) or spectrum"),
	CLI_PLOT_SIZE_OPT,
	{ .name = "plot-window", .type = OPT_QUANTITY, .arg = "TIME", .kind = U_TIME,
	  .help = "waveform picture: its first TIME (default 60s)" },
	{ .name = NULL }
};

const struct cmd_entry cmd_swings_entry = {
	.name = "swings",
	.operands = "SITE",
	.summary = "sub-second training power swings against grid and generator limits",
	.opts = swings_opts,
	.min_pos = 1,
	.max_pos = 1,
	.needs = CMD_SITE | CMD_OUTPUT,
	.formats = FMTS_ALL,
	.exec = cmd_swings_exec,
};
