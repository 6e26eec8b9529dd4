/*
 * cmd-check.c - "dcplan check SITE": validate a site and print a normalised summary.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "consts.h"
#include "cmd.h"
#include "date.h"
#include "output.h"
#include "site.h"
#include "site_load.h"
#include "site_weather.h"
#include "supply.h"
#include "units.h"

/* A date in text; in CSV and JSON (mach) NULL, that is null, for none
 * ("always", "never"). */
static const char *date_str(int, char[16]);

static const char *
mdate(int mach, int d, char buf[16])
{
	if (mach && (d == DATE_NONE || d == DATE_NEVER))
		return NULL;
	return date_str(d, buf);
}

static const char *
date_str(int d, char buf[16])
{
	if (d == DATE_NONE)
		return "always";
	if (d == DATE_NEVER)
		return "never";
	date_format(d, buf);
	return buf;
}

static double
phase_nameplate(const struct site_phase *p)
{
	if (p->server == NULL)
		return 0;
	return (double)p->racks * (p->rack.servers * p->server->u.server.max_power +
	    p->rack.switch_w);
}

static void
check_it(struct report *r, int mach, const struct site *s)
{
	static const struct report_col cols[] = {
		{ "name", "phase", "", -1 },
		{ "rack", "rack", "", -1 },
		{ "racks", "racks", "", 0 },
		{ "servers", "servers", "", 0 },
		{ "gpus", "GPUs", "", 0 },
		{ "first_delivery", "first delivery", "", -1 },
		{ "last_delivery", "last delivery", "", -1 },
		{ "nameplate_mw", "nameplate", "MW", 2 },
	};
	double	total = 0;
	size_t	i;

	report_section(r, "it", "IT equipment");
	report_int(r, "racks", "racks", site_total_racks(s), "");
	report_int(r, "servers", "servers", site_total_servers(s), "");
	report_int(r, "gpus", "GPUs", site_total_gpus(s), "");
	for (i = 0; i < s->it.nphases; i++)
		total += phase_nameplate(&s->it.phases[i]);
	report_num(r, "nameplate_mw", "nameplate IT power", total / 1e6, "MW", 2);
	/* supply, energy and the verdict use it.workload.power; the chain is sized
	 * on the nameplate */
	report_str(r, "power_basis", "IT power basis", it_basis_names[s->it.basis]);
	/* power in MW in the machine formats (dcplan-json(5)) */
	report_num(r, "network_per_gpu_w", "network per GPU", s->it.network_per_gpu,
	    "W", 0);
	report_as(r, "network_per_gpu_mw", "MW", 1e-6);
	report_num(r, "utilization_pct", "utilisation", s->it.utilization * 100, "%", 0);
	if (s->it.gpu_power_cap > 0 || mach) {
		report_num(r, "gpu_power_cap_w", "GPU power cap", s->it.gpu_power_cap > 0 ?
		    s->it.gpu_power_cap : NAN, "W", 0);
		report_as(r, "gpu_power_cap_mw", "MW", 1e-6);
	}
	report_table(r, "phases", "phases", cols, 8);
	for (i = 0; i < s->it.nphases; i++) {
		const struct site_phase *p = &s->it.phases[i];
		char	a[16], b[16];
		const char *strs[8] = { p->name, p->rack.name, NULL, NULL, NULL,
		    p->nlots ? mdate(mach, p->lots[0].date, a) : mach ? NULL : "-",
		    p->nlots ? mdate(mach, p->lots[p->nlots - 1].date, b) : mach ? NULL :
		    "-", NULL };
		double	nums[8] = { 0, 0, p->racks, (double)p->racks * p->rack.servers,
		    (double)p->racks * p->gpus_per_rack, 0, 0,
		    phase_nameplate(p) / 1e6 };

		if (p->server != NULL && p->rack.name[0] == '\0')
			strs[1] = p->server->name;
		report_row(r, nums, strs);
	}
}

static void
check_supply(struct report *r, int mach, const struct site *s)
{
	static const struct report_col cols[] = {
		{ "date", "from", "", -1 },
		{ "grid_mw", "grid", "MW", 1 },
		{ "generators_mw", "generators", "MW", 1 },
		{ "batteries_mw", "batteries", "MW", 1 },
		{ "total_mw", "total", "MW", 1 },
		{ "batteries_mwh", "storage", "MWh", 1 },
		{ "chillers_mw", "chillers", "MW", 1 },
	};
	int	dates[512];
	size_t	n, i;

	report_section(r, "supply", "Supply and cooling capacity by date");
	report_note(r, "firm generators (prime or continuous duty) at ISO rating (15 degC) "
	    "less redundancy; chillers at "
	    "reference conditions, usable units only");
	n = supply_change_dates(s, dates, 512);
	report_table(r, "by_date", "", cols, 7);
	if (n == 0)
		dates[n++] = DATE_NONE;
	for (i = 0; i < n; i++) {
		char	buf[16];
		int	d = dates[i] == DATE_NONE ? 0 : dates[i];
		double	g = supply_grid_at(s, d), ge = supply_gen_at(s, d, 15),
		    b = supply_batt_power_at(s, d);
		const char *strs[7] = { mdate(mach, dates[i], buf) };
		/* usable battery energy, between the SOC limits */
		double	nums[7] = { 0, g / 1e6, ge / 1e6, b / 1e6, (g + ge + b) / 1e6,
		    supply_batt_energy_at(s, d) / DC_J_PER_MWH, cooling_chiller_ref_at(s, d) / 1e6 };

		report_row(r, nums, strs);
	}
}

/* Towers and dry coolers: one line each in text, a table in CSV and JSON. */
static void
heat_rejection(struct report *r, int mach, const struct site_units *v, size_t n,
    int dry)
{
	static const struct report_col cols[] = {
		{ "name", "group", "", -1 },
		{ "model", "model", "", -1 },
		{ "count", "units", "", 0 },
		{ "capacity_mw", "design heat rejection", "MW", 2 },
		{ "in_service", "in service", "", -1 },
	};
	size_t	i;

	if (mach)
		report_table(r, dry ? "dry_coolers" : "towers", "", cols, 5);
	for (i = 0; i < n; i++) {
		const struct site_units *u = &v[i];
		double	q = u->model == NULL ? 0 : u->count * (dry ?
		    u->model->u.drycooler.design_q : u->model->u.tower.design_q);
		char	key[80], label[96], buf[16];

		if (mach) {
			const char *strs[5] = { u->name, u->model ? u->model->name :
			    NULL, NULL, NULL, mdate(mach, u->in_service, buf) };
			double	nums[5] = { 0, 0, u->count, q / 1e6, 0 };

			report_row(r, nums, strs);
			continue;
		}
		snprintf(key, sizeof key, "%s_%zu_mw", dry ? "dry_coolers" : "towers",
		    i + 1);
		if (dry)
			snprintf(label, sizeof label, "dry coolers '%s' (%d units)",
			    u->name, u->count);
		else
			snprintf(label, sizeof label, "towers '%s' (%d cells)", u->name,
			    u->count);
		report_num(r, key, label, q / 1e6, "MW", 2);
	}
}

static void
check_cooling(struct report *r, int mach, const struct site *s)
{
	static const struct report_col cols[] = {
		{ "name", "group", "", -1 },
		{ "model", "model", "", -1 },
		{ "count", "units", "", 0 },
		{ "redundancy", "redundancy", "", -1 },
		{ "unit_kw", "unit", "kW", 0 },
		{ "unit_tons", "unit", "ton", 0 },
		{ "usable_mw", "usable", "MW", 2 },
		{ "in_service", "in service", "", -1 },
	};
	double	total = 0;
	size_t	i;

	report_section(r, "cooling", "Cooling plant");
	report_table(r, "chillers", "chillers (at reference conditions)", cols, 8);
	/* power in MW, no second unit, in CSV and JSON */
	report_col_as(r, 4, "unit_mw", "MW", 1e-3);
	report_col_as(r, 5, "", NULL, 0);
	for (i = 0; i < s->cooling.nchillers; i++) {
		const struct site_units *u = &s->cooling.chillers[i];
		char	buf[16];
		double	q = u->chiller.q_ref;
		int	use = redundancy_usable(u->count, u->redundancy);
		const char *strs[8] = { u->name, u->model ? u->model->name : "?", NULL,
		    redundancy_name(u->redundancy), NULL, NULL, NULL,
		    mdate(mach, u->in_service, buf) };
		double	nums[8] = { 0, 0, u->count, 0, q / 1e3, q / UNITS_W_PER_TON,
		    use * q / 1e6, 0 };

		total += use * q;
		report_row(r, nums, strs);
	}
	report_num(r, "chillers_usable_mw", "usable chiller capacity", total / 1e6, "MW", 2);
	heat_rejection(r, mach, s->cooling.towers, s->cooling.ntowers, 0);
	heat_rejection(r, mach, s->cooling.drycoolers, s->cooling.ndrycoolers, 1);
	report_num(r, "liquid_supply_c", "facility water supply", s->cooling.liquid_supply,
	    "degC", 1);
	report_num(r, "chw_supply_c", "chilled water supply", s->cooling.chw_supply,
	    "degC", 1);
}

static void
check_climate(struct report *r, int mach, const struct site *s,
    const struct weather *w)
{
	static const char *const src[] = { "built-in from monthly normals",
	    "EPW weather file", "constant design day" };
	/* an EPW year's design conditions (the site's where it gives them) */
	const struct design_conditions *d = w != NULL ? &w->design :
	    &s->climate.design;

	report_section(r, "climate", "Climate");
	report_str(r, "source", "source", src[s->climate.source]);
	/* CSV and JSON have every field, null where it does not apply */
	if (s->climate.weather_file || mach)
		report_str(r, "weather_file", "weather file", s->climate.weather_file);
	if (w != NULL && s->climate.source == CLIMATE_EPW) {
		const struct design_conditions *sd = &s->climate.design;

		if (w->location[0] != '\0' || mach)
			report_str(r, "station", "weather station", w->location[0] ?
			    w->location : NULL);
		report_str(r, "design_source", "design conditions",
		    !isnan(sd->cool_db) && !isnan(sd->cool_mcwb) && !isnan(sd->evap_wb) &&
		    !isnan(sd->evap_mcdb) ? "site file" : w->design_derived ?
		    "derived from the hours (ASHRAE ch. 14)" :
		    w->design_source[0] ? w->design_source : "weather file");
	} else if (mach) {
		report_str(r, "station", "weather station", NULL);
		report_str(r, "design_source", "design conditions", NULL);
	}
	if (!isnan(d->cool_db) || mach) {
		report_num(r, "cooling_db_c", "0.4 % cooling dry-bulb", d->cool_db, "degC", 1);
		report_num(r, "cooling_mcwb_c", "  mean coincident wet-bulb", d->cool_mcwb,
		    "degC", 1);
		report_num(r, "evaporation_wb_c", "0.4 % evaporation wet-bulb", d->evap_wb,
		    "degC", 1);
		if (!isnan(d->evap_mcdb) || mach)
			report_num(r, "evaporation_mcdb_c", "  mean coincident dry-bulb",
			    d->evap_mcdb, "degC", 1);
	}
}

static int
cmd_check_exec(struct cmd_ctx *c)
{
	const struct site *s = &c->site;
	struct report *r;
	char	title[512];
	int	rc, mach = c->g->fmt != FMT_TEXT;

	snprintf(title, sizeof title, "%s: %s - valid", c->pos[0], s->name);
	r = report_new("dcplan.check/3", title);
	report_section(r, "site", "Site");
	report_str(r, "name", "name", s->name);
	report_num(r, "latitude_deg", "latitude", s->latitude, "deg", 2);
	report_num(r, "longitude_deg", "longitude", s->longitude, "deg", 2);
	report_num(r, "elevation_m", "elevation", s->elevation, "m", 0);
	check_climate(r, mach, s, c->have_wx ? &c->wx : NULL);
	check_it(r, mach, s);
	check_supply(r, mach, s);
	check_cooling(r, mach, s);
	rc = cmd_write_report(c, r);
	report_free(r);
	return rc;
}

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.operands = "SITE",
	.summary = "validate a site file and print a normalised summary",
	.opts = NULL,
	.min_pos = 1,
	.max_pos = 1,
	.needs = CMD_SITE | CMD_CLIMATE | CMD_OUTPUT | CMD_REPORT,
	.formats = FMTS_ALL,
	.exec = cmd_check_exec,
};
