/*
 * cmd-models.c - "dcplan models list|show NAME|perf NAME --at K=V,...".
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consts.h"
#include "bind.h"
#include "cmd.h"
#include "library.h"
#include "paths.h"
#include "output.h"

int	models_perf(struct cmd_ctx *, struct library *, const struct model *);

static int
open_library(struct cmd_ctx *c, struct library *l)
{
	struct paths p;
	int	rc;

	if (paths_models(&p, c->g->models_dir) != 0) {
		cmd_error(c, "out of memory");
		return EXIT_IO;
	}
	rc = library_init(l, (const char *const *)p.dirs, p.n);
	paths_release(&p);
	if (rc != 0) {
		cmd_error(c, "out of memory");
		return EXIT_IO;
	}
	return EXIT_OK;
}

/* Load a model by name, printing diagnostics; NULL on failure (*rc set). */
static const struct model *
load_model(struct cmd_ctx *c, struct library *l, const char *name, int *rc)
{
	struct diags d;
	struct bind b;
	const struct model *m;
	struct ynode at;

	(void)c;
	memset(&d, 0, sizeof d);
	memset(&at, 0, sizeof at);
	at.file = "dcplan";
	memset(&b, 0, sizeof b);
	b.d = &d;
	m = library_get(l, &b, MK_COUNT, name, &at);
	if (m == NULL) {
		size_t	i;

		/* "dcplan:0:0: unknown model" reads badly: print plain messages */
		for (i = 0; i < d.n; i++)
			if (strcmp(d.v[i].file, "dcplan") == 0)
				diag_printf(stderr, "dcplan: %s\n", d.v[i].msg);
			else if (d.v[i].line > 0)
				diag_printf(stderr, "%s:%d:%d: %s\n", d.v[i].file, d.v[i].line,
				    d.v[i].col, d.v[i].msg);
			else
				diag_printf(stderr, "%s: %s\n", d.v[i].file, d.v[i].msg);
		*rc = EXIT_INPUT;
	}
	diags_release(&d);
	return m;
}

static int
models_list(struct cmd_ctx *c, struct library *l)
{
	static const struct report_col cols[] = {
		{ "name", "name", "", -1 },
		{ "kind", "kind", "", -1 },
		{ "description", "description", "", -1 },
	};
	struct report *r = report_new("dcplan.models/3", NULL);
	size_t	n, i;
	char	**names = library_names(l, &n);
	int	rc = EXIT_OK, bad = 0;

	if (n == 0 && !c->g->quiet) {
		/* an empty library is said, with where it was looked for */
		char	where[2048];
		size_t	k, off = 0;

		where[0] = '\0';
		for (k = 0; k < l->ndirs && off < sizeof where; k++)
			off += (size_t)snprintf(where + off, sizeof where - off,
			    "%s'%s'", k ? ", " : "", l->dirs[k]);
		diag_printf(stderr, "dcplan: no equipment models found (searched %s; "
		    "see dcplan(1) FILES)\n", l->ndirs ? where : "no directory");
	}
	report_section(r, "models", "Equipment models");
	report_table(r, "list", "", cols, 3);
	for (i = 0; i < n; i++) {
		int	mrc = EXIT_OK;
		const struct model *m = load_model(c, l, names[i], &mrc);
		const char *strs[3];
		char	desc[61];

		if (m == NULL) {
			bad = 1;
			continue;
		}
		snprintf(desc, sizeof desc, "%s", m->description ? m->description : "");
		strs[0] = m->name;
		strs[1] = model_kind_name(m->kind);
		strs[2] = c->g->fmt == FMT_TEXT ? desc : m->description;
		report_row(r, NULL, strs);
	}
	library_names_free(names, n);
	rc = cmd_write_report(c, r);
	report_free(r);
	return rc != EXIT_OK ? rc : bad ? EXIT_INPUT : EXIT_OK;
}

static void
show_server(struct report *r, const struct model *m)
{
	const struct server_model *s = &m->u.server;

	report_int(r, "gpus", "GPUs", s->gpus, "");
	report_num(r, "gpu_tdp_w", "GPU TDP", s->gpu_tdp, "W", 0);
		report_as(r, "gpu_tdp_mw", "MW", 1e-6);
	report_num(r, "gpu_idle_w", "GPU idle", s->gpu_idle, "W", 0);
		report_as(r, "gpu_idle_mw", "MW", 1e-6);
	report_num(r, "gpu_cap_min_w", "GPU minimum power limit", s->gpu_cap_min, "W", 0);
		report_as(r, "gpu_cap_min_mw", "MW", 1e-6);
	report_num(r, "base_idle_w", "base (CPU, memory, NIC, fans) idle", s->base_idle,
	    "W", 0);
		report_as(r, "base_idle_mw", "MW", 1e-6);
	report_num(r, "base_max_w", "base at full load", s->base_max, "W", 0);
		report_as(r, "base_max_mw", "MW", 1e-6);
	report_num(r, "psu_efficiency_pct", "PSU efficiency", s->psu_eff * 100, "%", 1);
	report_num(r, "max_power_w", "maximum power", s->max_power, "W", 0);
		report_as(r, "max_power_mw", "MW", 1e-6);
	report_num(r, "liquid_fraction_pct", "heat to liquid", s->liquid_fraction * 100,
	    "%", 0);
	report_str(r, "air_class", "ASHRAE air class", air_class_name(m->air_class));
}

static void
show_chiller(struct report *r, int mach, const struct model *m)
{
	const struct chiller_model *ch = &m->u.chiller;
	char	buf[256];

	if (mach) {
		/* power in MW, null when the site gives it (dcplan-json(5)) */
		report_num(r, "capacity_mw", "reference capacity", m->capacity_given ?
		    ch->q_ref / 1e6 : NAN, "MW", 4);
		report_bool(r, "capacity_given", "capacity given by the model",
		    m->capacity_given);
	} else if (m->capacity_given) {
		report_num(r, "capacity_kw", "reference capacity", ch->q_ref / 1e3, "kW", 1);
		report_num(r, "capacity_tons", "reference capacity", ch->q_ref / UNITS_W_PER_TON,
		    "ton", 0);
	} else
		report_str(r, "capacity_kw", "reference capacity", "given by the site");
	report_num(r, "cop", "reference COP", ch->cop_ref, "", 2);
	report_num(r, "kw_per_ton", "reference kW/ton", UNITS_W_PER_TON / 1e3 / ch->cop_ref, "kW/ton", 3);
	report_num(r, "ref_leaving_chw_c", "reference leaving chilled water",
	    ch->t_lchw_ref, "degC", 2);
	report_num(r, "ref_entering_cw_c", "reference entering condenser water",
	    ch->t_ecw_ref, "degC", 2);
	report_num(r, "plr_min", "PLR minimum", ch->plr_min, "", 2);
	report_num(r, "plr_max", "PLR maximum", ch->plr_max, "", 2);
	report_num(r, "min_unloading", "minimum unloading ratio", ch->min_unloading, "", 2);
	if (mach) {
		/* the curves' coefficients as numbers: one row a curve,
		 * c + cx x + cx2 x^2 + cy y + cy2 y^2 + cxy x y over x (leaving chilled
		 * water, degC, or PLR) and y (entering condenser water, degC) */
		static const struct report_col cc[] = {
			{ "name", "curve", "", REPORT_STRING },
			{ "c", "constant", "", 10 }, { "cx", "x", "", 10 },
			{ "cx2", "x2", "", 10 }, { "cy", "y", "", 10 },
			{ "cy2", "y2", "", 10 }, { "cxy", "xy", "", 10 },
			{ "x_min", "x from", "", 2 }, { "x_max", "x to", "", 2 },
			{ "y_min", "y from", "", 2 }, { "y_max", "y to", "", 2 },
		};
		const struct {
			const char *name;
			const struct curve_biquad *q;
		} bq[2] = { { "capft", &ch->capft }, { "eirft", &ch->eirft } };
		int	i, k;

		report_table(r, "curves", "", cc, 11);
		for (i = 0; i < 2; i++) {
			const char *strs[11] = { bq[i].name };
			double	nums[11] = { NAN };

			for (k = 0; k < 6; k++)
				nums[1 + k] = bq[i].q->c[k];
			nums[7] = bq[i].q->xmin;
			nums[8] = bq[i].q->xmax;
			nums[9] = bq[i].q->ymin;
			nums[10] = bq[i].q->ymax;
			if (i == 1)	/* EIRFT has the CAPFT's domain */
				nums[7] = nums[8] = nums[9] = nums[10] = NAN;
			report_row(r, nums, strs);
		}
		{
			const char *strs[11] = { "eirfplr" };
			double	nums[11] = { NAN, ch->eirfplr.c[0], ch->eirfplr.c[1],
			    ch->eirfplr.c[2], NAN, NAN, NAN, ch->eirfplr.xmin,
			    ch->eirfplr.xmax, NAN, NAN };

			report_row(r, nums, strs);
		}
		return;
	}
	/* %.10g: the published coefficients have 7 significant digits, keep them all */
	snprintf(buf, sizeof buf, "%.10g %+.10g x %+.10g x2 %+.10g y %+.10g y2 %+.10g xy; "
	    "x %.2f..%.2f, y %.2f..%.2f", ch->capft.c[0], ch->capft.c[1], ch->capft.c[2],
	    ch->capft.c[3], ch->capft.c[4], ch->capft.c[5], ch->capft.xmin, ch->capft.xmax,
	    ch->capft.ymin, ch->capft.ymax);
	report_str(r, "capft", "CAPFT", buf);
	snprintf(buf, sizeof buf, "%.10g %+.10g x %+.10g x2 %+.10g y %+.10g y2 %+.10g xy",
	    ch->eirft.c[0], ch->eirft.c[1], ch->eirft.c[2], ch->eirft.c[3], ch->eirft.c[4],
	    ch->eirft.c[5]);
	report_str(r, "eirft", "EIRFT", buf);
	snprintf(buf, sizeof buf, "%.10g %+.10g p %+.10g p2; p %.2f..%.2f", ch->eirfplr.c[0],
	    ch->eirfplr.c[1], ch->eirfplr.c[2], ch->eirfplr.xmin, ch->eirfplr.xmax);
	report_str(r, "eirfplr", "EIRFPLR", buf);
}

static void
show_model(struct report *r, int mach, const struct model *m)
{
	switch (m->kind) {
	case MK_SERVER:
		show_server(r, m);
		break;
	case MK_RACK:
		report_str(r, "server", "server", m->u.rack.server_name);
		report_int(r, "servers", "servers per rack", m->u.rack.rack.servers, "");
		report_num(r, "switch_power_w", "switch power", m->u.rack.rack.switch_w,
		    "W", 0);
		report_as(r, "switch_power_mw", "MW", 1e-6);
		report_num(r, "cdu_pump_fraction_pct", "CDU pump power",
		    m->u.rack.rack.cdu_pump_frac * 100, "% of liquid heat", 2);
		if (m->u.rack.server != NULL)
			report_num(r, "max_power_kw", "maximum power",
			    (m->u.rack.rack.servers * m->u.rack.server->u.server.max_power +
			    m->u.rack.rack.switch_w) / 1e3, "kW", 1);
		report_as(r, "max_power_mw", "MW", 1e-3);
		break;
	case MK_CHILLER:
		show_chiller(r, mach, m);
		break;
	case MK_TOWER:
		report_str(r, "method", "method", m->u.tower.method == TOWER_YORKCALC ?
		    "yorkcalc" : "constant_approach");
		report_num(r, "capacity_kw", "design heat rejection per cell",
		    m->u.tower.design_q / 1e3, "kW", 0);
		report_as(r, "capacity_mw", "MW", 1e-3);
		report_num(r, "fan_power_kw", "fan power per cell",
		    m->u.tower.design_fan_power / 1e3, "kW", 1);
		report_as(r, "fan_power_mw", "MW", 1e-3);
		report_num(r, "cycles", "cycles of concentration", m->u.tower.cycles, "", 1);
		break;
	case MK_DRYCOOLER:
		report_num(r, "capacity_kw", "design heat rejection",
		    m->u.drycooler.design_q / 1e3, "kW", 0);
		report_as(r, "capacity_mw", "MW", 1e-3);
		report_num(r, "approach_k", "approach to dry-bulb",
		    m->u.drycooler.design_approach, "K", 1);
		break;
	case MK_GENERATOR:
		report_num(r, "rating_mw", "ISO rating", m->u.generator.rating_w / 1e6,
		    "MW", 2);
		report_num(r, "heat_rate_kj_per_kwh", "heat rate (LHV)",
		    m->u.generator.heat_rate * 3600, "kJ/kWh", 0);
		report_num(r, "efficiency_pct", "electrical efficiency (LHV)",
		    100 / m->u.generator.heat_rate, "%", 1);
		report_num(r, "co2_kg_per_gj", "CO2 per GJ of fuel",
		    m->u.generator.co2_kg_per_j * 1e9, "kg/GJ", 1);
		break;
	case MK_BATTERY:
		report_num(r, "power_mw", "power", m->u.battery.power_w / 1e6, "MW", 3);
		report_num(r, "energy_mwh", "energy", m->u.battery.energy_j / DC_J_PER_MWH, "MWh", 3);
		report_num(r, "rte_pct", "round-trip efficiency", m->u.battery.rte * 100,
		    "%", 1);
		break;
	case MK_UPS:
		report_num(r, "rating_kw", "rating", m->u.ups.rating_w / 1e3, "kW", 0);
		report_as(r, "rating_mw", "MW", 1e-3);
		report_num(r, "efficiency_50_pct", "efficiency at 50 % load",
		    ups_efficiency(&m->u.ups, 0.5) * 100, "%", 2);
		report_num(r, "efficiency_100_pct", "efficiency at 100 % load",
		    ups_efficiency(&m->u.ups, 1.0) * 100, "%", 2);
		break;
	case MK_TRANSFORMER:
		report_num(r, "rating_kva", "rating", m->u.transformer.rating_va / 1e3,
		    "kVA", 0);
		report_as(r, "rating_mva", "MVA", 1e-3);
		report_num(r, "efficiency_35_pct", "efficiency at 35 % load",
		    transformer_efficiency(&m->u.transformer, 0.35, 1.0) * 100, "%", 3);
		break;
	default:
		break;
	}
}

static int
models_show(struct cmd_ctx *c, struct library *l, const char *name)
{
	struct report *r;
	const struct model *m;
	int	rc = EXIT_OK;

	if ((m = load_model(c, l, name, &rc)) == NULL)
		return rc;
	r = report_new("dcplan.model/3", NULL);
	report_section(r, "model", m->name);
	report_str(r, "name", "name", m->name);
	report_str(r, "kind", "kind", model_kind_name(m->kind));
	if (c->g->fmt != FMT_TEXT) {	/* null where the model has none */
		report_str(r, "description", "description", m->description);
		report_str(r, "source", "source", m->source);
		report_str(r, "file", "file", m->file);
	} else {
		report_str(r, "description", "description", m->description ?
		    m->description : "");
		report_str(r, "source", "source", m->source ? m->source : "");
		report_str(r, "file", "file", m->file ? m->file : "");
	}
	show_model(r, c->g->fmt != FMT_TEXT, m);
	rc = cmd_write_report(c, r);
	report_free(r);
	return rc;
}

static int
cmd_models_exec(struct cmd_ctx *c)
{
	struct library l;
	const char *sub = c->pos[0];
	int	rc;

	if (strcmp(sub, "list") != 0 && strcmp(sub, "show") != 0 &&
	    strcmp(sub, "perf") != 0) {
		cmd_error(c, "unknown models subcommand '%s' (use list, show or perf)", sub);
		return EXIT_USAGE;
	}
	if (strcmp(sub, "list") == 0 && c->npos != 1) {
		cmd_error(c, "'models list' takes no argument");
		return EXIT_USAGE;
	}
	if (strcmp(sub, "list") != 0 && c->npos != 2) {
		cmd_error(c, "'models %s' needs one model NAME", sub);
		return EXIT_USAGE;
	}
	if (strcmp(sub, "perf") != 0 && cmd_opt_count(c, "at") > 0) {
		cmd_error(c, "--at applies to 'models perf' only");
		return EXIT_USAGE;
	}
	if (strcmp(sub, "perf") == 0 && c->g->csv_table != NULL) {
		cmd_error(c, "--csv-table applies to a report; 'models perf' writes a "
		    "table already");
		return EXIT_USAGE;
	}
	if ((rc = open_library(c, &l)) != EXIT_OK)
		return rc;
	if (strcmp(sub, "list") == 0)
		rc = models_list(c, &l);
	else if (strcmp(sub, "show") == 0)
		rc = models_show(c, &l, c->pos[1]);
	else {
		const struct model *m = load_model(c, &l, c->pos[1], &rc);

		if (m != NULL)
			rc = models_perf(c, &l, m);
	}
	library_release(&l);
	return rc;
}

static const struct opt_def models_opts[] = {
	{ .name = "at", .short_name = 'a', .type = OPT_STRING, .arg = "KEY=V1,V2,...",
	  .flags = OPT_REPEAT, .help = "perf: a condition and its values" },
	{ .name = NULL }
};

const struct cmd_entry cmd_models_entry = {
	.name = "models",
	.operands = "list | show NAME | perf NAME",
	.opts_last = 1,
	.summary = "the equipment library: list, show a model, tabulate performance",
	.opts = models_opts,
	.min_pos = 1,
	.max_pos = 2,
	.needs = CMD_MODELS | CMD_OUTPUT | CMD_REPORT,
	.formats = FMTS_ALL,
	.exec = cmd_models_exec,
};
