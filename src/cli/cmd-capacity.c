/*
 * cmd-capacity.c - "dcplan capacity SITE": the plant at the ASHRAE design conditions,
 * and the most GPUs each constraint supports.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "capacity.h"
#include "cmd.h"
#include "date.h"
#include "output.h"
#include "site.h"
#include "site_load.h"
#include "site_weather.h"
#include "supply.h"

static void
plant_section(struct report *r, int mach, const char *key,
    const struct cap_condition *c, const struct plant_result *p)
{
	char	title[128];

	snprintf(title, sizeof title, "Plant at %s design (%.1f degC dry-bulb, %.1f degC "
	    "wet-bulb)", c->name, c->tdb, c->twb);
	report_section(r, key, title);
	report_num(r, "tdb_c", "dry-bulb", c->tdb, "degC", 1);
	report_num(r, "twb_c", "wet-bulb", c->twb, "degC", 1);
	snprintf(title, sizeof title, "IT power (%s)", it_basis_label(p->it.basis));
	report_num(r, "it_mw", title, p->it.it_w / 1e6, "MW", 2);
	snprintf(title, sizeof title, "facility power (%s)", it_basis_label(p->it.basis));
	report_num(r, "facility_mw", title, p->facility_w / 1e6, "MW", 2);
	report_num(r, "facility_mva", "apparent power at the feed", p->facility_va / 1e6,
	    "MVA", 2);
	report_num(r, "pue", "PUE", p->pue, "", 3);
	report_num(r, "chillers_mw", "chillers", p->chiller_w / 1e6, "MW", 2);
	report_num(r, "tower_fans_mw", "tower fans", p->tower_fan_w / 1e6, "MW", 2);
	report_num(r, "dry_cooler_fans_mw", "dry-cooler fans", p->drycooler_fan_w / 1e6,
	    "MW", 2);
	report_num(r, "air_handlers_mw", "air handlers", p->crah_fan_w / 1e6, "MW", 2);
	report_num(r, "pumps_mw", "pumps (CHW, CW, FW, CDU)", (p->chw_pump_w +
	    p->cw_pump_w + p->fw_pump_w + p->cdu_pump_w) / 1e6, "MW", 2);
	report_num(r, "electrical_losses_mw", "electrical losses", (p->pdu_loss_w +
	    p->ups_loss_w + p->xfmr_loss_w) / 1e6, "MW", 2);
	report_str(r, "cooling_mode", "cooling mode", cool_mode_name(p->mode));
	report_int(r, "chillers_running", "chillers running", p->chillers_running, "");
	report_num(r, "t_ecw_c", "entering condenser water", p->t_ecw, "degC", 1);
	report_num(r, "cooling_load_mw", "cooling load", (p->q_mech_w + p->q_free_w) / 1e6,
	    "MW", 2);
	report_num(r, "cooling_capacity_mw", "cooling capacity (with redundancy)",
	    p->cooling_capacity_w / 1e6, "MW", 2);
	report_num(r, "unmet_cooling_mw", "unmet cooling", p->unmet_w / 1e6, "MW", 2);
	report_num(r, "heat_rejected_mw", "heat to the towers", p->q_reject_w / 1e6, "MW",
	    2);
	report_num(r, "heat_rejection_max_mw", "most the towers reject",
	    isinf(p->q_reject_max_w) ? NAN : p->q_reject_max_w / 1e6, "MW", 2);
	report_num(r, "unmet_rejection_mw", "  unmet: heat not rejected",
	    p->unmet_reject_w / 1e6, "MW", 2);
	if (mach) {
		/* whether the chiller curves were clamped at the edge of their data,
		 * in each temperature */
		report_bool(r, "chiller_curves_clamped_chw", "chiller curves clamped "
		    "(chilled water)", (p->curve_clamped & CURVE_CLAMP_X) != 0);
		report_bool(r, "chiller_curves_clamped_cw", "chiller curves clamped "
		    "(condenser water)", (p->curve_clamped & CURVE_CLAMP_Y) != 0);
	} else
		report_str(r, "chiller_curves", "chiller curves",
		    p->curve_clamped == 0 ? "within their data" :
		    p->curve_clamped == CURVE_CLAMP_X ? "clamped (chilled water)" :
		    p->curve_clamped == CURVE_CLAMP_Y ? "clamped (condenser water)" :
		    "clamped (both temperatures)");
	report_num(r, "water_m3_per_h", "water (make-up)", p->water * 3600, "m3/h", 1);
}

/* What the electrical chain installs, and whether the program sized it. */
static void
chain_section(struct report *r, int mach, const struct plant_cfg *cfg)
{
	const struct elec_plan *p = &cfg->plan;
	char	buf[160];

	if (mach) {
		/* the same as fields, null where the site has none */
		int	u = p->ups != NULL, x = p->xfmr != NULL;

		report_section(r, "chain", "Electrical chain (sized on the nameplate)");
		report_num(r, "ups_blocks", "UPS blocks", u ? p->blocks : NAN, "", 0);
		report_num(r, "ups_modules_per_block", "modules per block",
		    u ? p->modules : NAN, "", 0);
		report_num(r, "ups_module_mw", "module rating", u ? p->ups->rating_w /
		    1e6 : NAN, "MW", 6);
		report_str(r, "ups_topology", "UPS topology", u ?
		    ups_topology_name(p->topology) : NULL);
		report_num(r, "ups_reserve_blocks", "reserve blocks",
		    u && p->topology == UPS_TOPO_BLOCK ? p->reserve : NAN, "", 0);
		if (u)
			report_bool(r, "ups_auto_sized", "UPS auto-sized", p->ups_auto);
		else
			report_str(r, "ups_auto_sized", "UPS auto-sized", NULL);
		report_num(r, "ups_usable_mw", "UPS usable output", u ?
		    cfg->ups_capacity_w / 1e6 : NAN, "MW", 2);
		report_num(r, "transformers", "transformers", x ? p->n_xfmr : NAN, "",
		    0);
		report_num(r, "transformer_mva", "transformer rating", x ?
		    p->xfmr->rating_va / 1e6 : NAN, "MVA", 6);
		report_str(r, "transformers_redundancy", "transformer redundancy", x ?
		    redundancy_name(p->xfmr_redundancy) : NULL);
		if (x)
			report_bool(r, "transformers_auto_sized",
			    "transformers auto-sized", p->xfmr_auto);
		else
			report_str(r, "transformers_auto_sized",
			    "transformers auto-sized", NULL);
		report_num(r, "transformers_usable_mva", "transformers usable", x ?
		    cfg->xfmr_capacity_va / 1e6 : NAN, "MVA", 2);
		return;
	}
	if (p->ups == NULL && p->xfmr == NULL)
		return;
	report_section(r, "chain", "Electrical chain (sized on the nameplate)");
	if (p->ups != NULL) {
		if (p->topology == UPS_TOPO_BLOCK)
			snprintf(buf, sizeof buf, "%d blocks x %d x %.6g MW, "
			    "block-redundant (%d reserve)%s", p->blocks, p->modules,
			    p->ups->rating_w / 1e6, p->reserve,
			    p->ups_auto ? ", auto-sized" : "");
		else
			snprintf(buf, sizeof buf, "%d blocks x %d x %.6g MW, %s%s",
			    p->blocks, p->modules, p->ups->rating_w / 1e6,
			    ups_topology_name(p->topology),
			    p->ups_auto ? ", auto-sized" : "");
		report_str(r, "ups_system", "UPS", buf);
		report_int(r, "ups_auto_sized", "UPS auto-sized", p->ups_auto, "");
		report_num(r, "ups_usable_mw", "UPS usable output", cfg->ups_capacity_w / 1e6,
		    "MW", 2);
	}
	if (p->xfmr != NULL) {
		snprintf(buf, sizeof buf, "%d x %.6g kVA, %s%s", p->n_xfmr,
		    p->xfmr->rating_va / 1e3, redundancy_name(p->xfmr_redundancy),
		    p->xfmr_auto ? ", auto-sized" : "");
		report_str(r, "transformers", "transformers", buf);
		report_int(r, "transformers_auto_sized", "transformers auto-sized",
		    p->xfmr_auto, "");
		report_num(r, "transformers_usable_mva", "transformers usable",
		    cfg->xfmr_capacity_va / 1e6, "MVA", 2);
	}
}

static int
cmd_capacity_exec(struct cmd_ctx *c)
{
	const struct site *s = &c->site;
	struct design_conditions dc;
	struct plant_cfg cfg;
	struct cap_condition cond[2];
	struct cap_result cr;
	struct plant_result pr[2];
	struct it_load it;
	struct report *r;
	char	err[512], title[512], dbuf[16];
	double	installed, util, cap;
	int	rc, day, i, k, dgiven, mach = c->g->fmt != FMT_TEXT;

	/* design conditions from the site file, else from its weather (read by the
	 * climate checks), else from the built-in year */
	dc = s->climate.design;
	if (isnan(dc.cool_db) || isnan(dc.cool_mcwb) || isnan(dc.evap_wb) ||
	    isnan(dc.evap_mcdb)) {
		if (c->have_wx)
			dc = c->wx.design;
		else if (site_design(s, &dc, err, sizeof err) != 0) {
			struct weather w;

			if ((rc = cmd_load_weather(c, s, &w)) != EXIT_OK)
				return rc;
			dc = w.design;
			weather_release(&w);
		}
	}
	day = site_full_deployment(s);
	dgiven = cmd_opt_date(c, "date", &day);
	{
		int	dates[512];
		size_t	n = supply_change_dates(s, dates, 512);

		/* by default, once everything planned is in service */
		if (!dgiven && n > 0 && dates[n - 1] > day)
			day = dates[n - 1];
	}
	capacity_design_conditions(&dc, site_pressure(s), cond);
	plant_cfg_init(&cfg, s, day);
	installed = (double)site_total_gpus(s);
	util = s->it.utilization;
	cap = s->it.gpu_power_cap;
	it_load_gpus(s, installed, util, cap, &it);
	for (i = 0; i < 2; i++)
		if (plant_eval(&cfg, &it, cond[i].tdb, cond[i].twb, cond[i].p, &pr[i]) != 0) {
			cmd_error(c, "the plant model failed at %s conditions", cond[i].name);
			return EXIT_INPUT;
		}
	if (capacity_solve(&cfg, cond, 2, installed, util, cap, &cr) != 0) {
		cmd_error(c, "the capacity solver failed");
		return EXIT_INPUT;
	}
	date_format(day, dbuf);
	snprintf(title, sizeof title, "%s: capacity on %s at ASHRAE design conditions",
	    s->name, dbuf);
	r = report_new("dcplan.capacity/3", title);
	report_section(r, "fleet", "Installed fleet");
	report_str(r, "date", "date", dbuf);
	report_int(r, "gpus", "GPUs", (long)installed, "");
	report_num(r, "utilization_pct", "utilisation", util * 100, "%", 0);
	/* power in MW in the machine formats (dcplan-json(5)) */
	if (cap > 0 || mach) {
		report_num(r, "gpu_power_cap_w", "GPU power cap", cap > 0 ? cap : NAN,
		    "W", 0);
		report_as(r, "gpu_power_cap_mw", "MW", 1e-6);
	}
	report_str(r, "power_basis", "IT power basis", it_basis_names[it.basis]);
	snprintf(title, sizeof title, "IT power (%s)", it_basis_label(it.basis));
	report_num(r, "it_mw", title, it.it_w / 1e6, "MW", 2);
	report_num(r, "it_nameplate_mw", "IT power (nameplate)", it.nameplate_w / 1e6,
	    "MW", 2);
	snprintf(title, sizeof title, "IT power per GPU (%s)", it_basis_label(it.basis));
	report_num(r, "it_kw_per_gpu", title, installed > 0 ?
	    it.it_w / installed / 1e3 : 0, "kW", 3);
	report_as(r, "it_mw_per_gpu", "MW", 1e-3);
	report_num(r, "liquid_mw", "heat to liquid", it.liquid_w / 1e6, "MW", 2);
	report_num(r, "air_mw", "heat to air", it.air_w / 1e6, "MW", 2);
	plant_section(r, mach, "cooling_design", &cond[0], &pr[0]);
	plant_section(r, mach, "evaporation_design", &cond[1], &pr[1]);
	chain_section(r, mach, &cfg);
	report_section(r, "supply", "Supply");
	report_num(r, "grid_mw", "grid", supply_grid_at(s, day) / 1e6, "MW", 2);
	report_num(r, "generators_mw", "generators (derated at cooling design)",
	    supply_gen_at(s, day, cond[0].tdb) / 1e6, "MW", 2);
	report_section(r, "constraints", "Most GPUs each constraint supports");
	{
		static const struct report_col cols[] = {
			{ "constraint", "constraint", "", -1 },
			{ "capacity_mw", "capacity", "MW/MVA", 2 },
			{ "max_gpus", "max GPUs", "", 0 },
			{ "margin_gpus", "margin", "GPUs", 0 },
			{ "condition", "binds at", "", -1 },
			{ "limited_by", "limited by", "", -1 },
		};
		/* CSV and JSON: one unit a column, null where a cell does not apply */
		static const struct report_col mcols[] = {
			{ "constraint", "constraint", "", -1 },
			{ "capacity_mw", "capacity", "MW", 2 },
			{ "max_gpus", "max GPUs", "", 0 },
			{ "margin_gpus", "margin", "", 0 },
			{ "condition", "binds at", "", -1 },
			{ "limited_by", "limited by", "", -1 },
			{ "capacity_mva", "capacity", "MVA", 2 },
			{ "unlimited", "no limit", "", REPORT_BOOL },
		};

		if (mach)
			report_table(r, "by_constraint", "", mcols, 8);
		else
			report_table(r, "by_constraint", "", cols, 6);
		for (k = 0; k < CAP_COUNT; k++) {
			double	nums[8];
			const char *strs[8] = { NULL };
			double	g = floor(cr.gpus[k] + 1e-6);

			if (!cr.present[k])
				continue;
			nums[1] = k == CAP_COOLING ? pr[0].cooling_capacity_w / 1e6 :
			    cr.available[k] / 1e6;
			if (k == CAP_INSTALLED)
				nums[1] = NAN;
			nums[2] = isinf(g) ? NAN : g;
			nums[3] = isinf(g) ? NAN : g - installed;
			strs[0] = cap_constraint_name((enum cap_constraint)k);
			strs[5] = k != CAP_COOLING || isinf(g) ? "-" :
			    cr.cooling_limit == COOL_LIMIT_REJECTION ? "heat rejection" :
			    "chillers";
			strs[4] = k == CAP_INSTALLED || k == CAP_UPS ? "-" :
			    isinf(g) ? "no limit" :
			    cr.condition[k];
			nums[7] = isinf(g);
			nums[6] = NAN;
			if (mach) {
				if (strcmp(strs[4], "-") == 0 || isinf(g))
					strs[4] = NULL;
				if (strcmp(strs[5], "-") == 0)
					strs[5] = NULL;
				if (k == CAP_TRANSFORMER) {
					nums[6] = nums[1];
					nums[1] = NAN;
				}
			}
			report_row(r, nums, strs);
		}
	}
	report_str(r, "binding", "binding constraint", cap_constraint_name(cr.binding));
	if (cr.binding == CAP_COOLING)
		report_str(r, "binding_limit", "  limited by", cr.cooling_limit ==
		    COOL_LIMIT_REJECTION ? "heat rejection (towers)" :
		    "chillers (capacity at PLR 1)");
	else if (mach)
		report_str(r, "binding_limit", "  limited by", NULL);
	report_int(r, "max_gpus", "GPUs that can run", (long)cr.max_gpus, "");
	report_num(r, "margin_gpus", "margin over the installed fleet",
	    cr.max_gpus - installed, "GPUs", 0);
	if (mach)
		report_as(r, NULL, "", 0);	/* a count has no unit */
	if (cr.binding != CAP_INSTALLED && cr.binding != CAP_UPS)
		report_str(r, "binding_condition", "binding at", cr.binding_condition);
	else if (mach)
		report_str(r, "binding_condition", "binding at", NULL);
	rc = cmd_write_report(c, r);
	report_free(r);
	if (rc == EXIT_OK && cr.max_gpus < installed)
		rc = EXIT_INFEASIBLE;
	return rc;
}

static const struct opt_def capacity_opts[] = {
	{ .name = "date", .short_name = 'd', .type = OPT_DATE, .arg = "DATE",
	  .help = "equipment in service on DATE (default: all of it)" },
	{ .name = NULL }
};

const struct cmd_entry cmd_capacity_entry = {
	.name = "capacity",
	.operands = "SITE",
	.summary = "the plant at design conditions, the GPUs each constraint supports",
	.opts = capacity_opts,
	.min_pos = 1,
	.max_pos = 1,
	.needs = CMD_SITE | CMD_CLIMATE | CMD_OUTPUT | CMD_REPORT,
	.formats = FMTS_ALL,
	.exec = cmd_capacity_exec,
};
