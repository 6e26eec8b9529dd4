/*
 * cmd-simulate.c - "dcplan simulate SITE": the year (or a date range) step by step.
 * CSV: one row per step; JSON: the rows and a summary; text: the summary.
 */
#include <errno.h>
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
#include "sim.h"
#include "supply.h"
#include "site.h"
#include "site_load.h"
#include "site_weather.h"
#include "units.h"

/* The time series (CSV and JSON only; the text has the summary): column names
 * carry units, one unit per quantity kind (dcplan-json(5), dcplan.simulate/3):
 * power MW, water m3, temperatures degC. */
static const struct table_col cols[] = {
	{ "time", "time", TABLE_DATETIME, 22, NULL },
	{ "gpus_online", "GPUs", 0, 7, NULL },
	{ "util_pct", "util%", 1, 6, "%" },
	{ "tdb_c", "tdb", 1, 5, "degC" },
	{ "twb_c", "twb", 1, 5, "degC" },
	{ "it_mw", "IT MW", 4, 10, "MW" },
	{ "facility_mw", "facility MW", 4, 11, "MW" },
	{ "pue", "PUE", 4, 6, NULL },
	{ "chillers_mw", "chiller MW", 4, 10, "MW" },
	{ "tower_fans_mw", "tower MW", 4, 9, "MW" },
	{ "dry_cooler_fans_mw", "drycool MW", 4, 10, "MW" },
	{ "air_handlers_mw", "AHU MW", 4, 9, "MW" },
	{ "pumps_mw", "pumps MW", 4, 9, "MW" },
	{ "electrical_losses_mw", "loss MW", 4, 9, "MW" },
	{ "cooling_mode", "mode", -1, 4, NULL },
	{ "free_cooling_mw", "free MW", 4, 9, "MW" },
	{ "unmet_cooling_mw", "unmet MW", 4, 9, "MW" },
	{ "t_ecw_c", "ECWT", 2, 6, "degC" },
	{ "water_m3_per_step", "water m3", 4, 9, "m3" },
	{ "grid_mw", "grid MW", 4, 10, "MW" },
	{ "generation_mw", "gen MW", 4, 10, "MW" },
	{ "battery_mw", "batt MW", 4, 9, "MW" },
	{ "battery_soc_pct", "SOC%", 1, 5, "%" },
	{ "unserved_mw", "unserved MW", 4, 11, "MW" },
	{ "heat_rejected_mw", "reject MW", 4, 10, "MW" },
	{ "evaporation_m3_per_step", "evap m3", 4, 9, "m3" },
	{ "unmet_rejection_mw", "unrej MW", 4, 9, "MW" },
	{ "chiller_curves_clamped_chw", "clamp CHW", TABLE_BOOL, 5, NULL },
	{ "chiller_curves_clamped_cw", "clamp CW", TABLE_BOOL, 5, NULL },
	{ "power_basis", "basis", -1, 9, NULL },	/* it.workload.power */
};
#define NCOLS ((int)(sizeof cols / sizeof cols[0]))

struct sink_ctx {
	struct table t;
	int	table;			/* rows go to the table (CSV, JSON) */
	struct sim_series *ser;		/* and/or to the picture (--plot) */
	double	step_s;
	double	tz;
	int	werrno;		/* errno of a failed write */
	int	day;		/* of date[], -1 for none */
	char	date[16];
	enum it_basis basis;	/* it.workload.power, for the basis column */
};

static const char *const plot_kinds[] = {
	"load-duration", "monthly", "heatmap-margin", "heatmap-pue", NULL
};
static const enum sim_pic plot_pics[] = {
	SIM_LOAD_DURATION, SIM_MONTHLY, SIM_HEAT_MARGIN, SIM_HEAT_PUE
};

struct sim_plot {
	const struct site *site;
	const struct sim_series *ser;
	enum sim_pic pic;
};

static int
draw_sim(void *vp, enum plot_fmt f, int w, int h, FILE *fp)
{
	const struct sim_plot *sp = vp;

	return plot_sim_draw(sp->site, sp->ser, sp->pic, f, w, h, fp);
}

/* ISO 8601 local standard time with the site's UTC offset, after the date d
 * (no printf: once per row). */
static void
fmt_time(char *buf, size_t len, const char *d, int minute, double tz)
{
	int	off = (int)lround(tz * 60), a = abs(off), h = (minute / 60) % 24;
	int	m = minute % 60, oh = (a / 60) % 24, om = a % 60;

	if (len < 23)
		return;
	memcpy(buf, d, 10);
	buf[10] = 'T';
	buf[11] = (char)('0' + h / 10);
	buf[12] = (char)('0' + h % 10);
	buf[13] = ':';
	buf[14] = (char)('0' + m / 10);
	buf[15] = (char)('0' + m % 10);
	buf[16] = off < 0 ? '-' : '+';
	buf[17] = (char)('0' + oh / 10);
	buf[18] = (char)('0' + oh % 10);
	buf[19] = ':';
	buf[20] = (char)('0' + om / 10);
	buf[21] = (char)('0' + om % 10);
	buf[22] = '\0';
}

static void
fmt_day_time(char *buf, size_t len, int day, int minute, double tz)
{
	char	d[16];

	date_format(day, d);
	fmt_time(buf, len, d, minute, tz);
}

static int
sink_row(void *vp, const struct sim_step *st)
{
	struct sink_ctx *c = vp;
	const struct plant_result *r = st->plant;
	char	tbuf[64];
	const char *strs[NCOLS];
	double	n[NCOLS];

	if (c->ser != NULL && plot_sim_add(c->ser, st) != 0)
		return -3;
	if (!c->table)
		return 0;
	memset(strs, 0, sizeof strs);
	if (st->day != c->day) {
		date_format(st->day, c->date);
		c->day = st->day;
	}
	fmt_time(tbuf, sizeof tbuf, c->date, st->minute, c->tz);
	strs[0] = tbuf;
	n[1] = r->it.gpus;
	n[2] = st->util * 100;
	n[3] = st->wx.tdb;
	n[4] = st->wx.twb;
	n[5] = r->it.it_w / 1e6;
	n[6] = r->facility_w / 1e6;
	n[7] = r->it.it_w > 0 ? r->pue : NAN;
	n[8] = r->chiller_w / 1e6;
	n[9] = r->tower_fan_w / 1e6;
	n[10] = r->drycooler_fan_w / 1e6;
	n[11] = r->crah_fan_w / 1e6;
	n[12] = (r->chw_pump_w + r->cw_pump_w + r->fw_pump_w + r->cdu_pump_w) / 1e6;
	n[13] = (r->pdu_loss_w + r->ups_loss_w + r->xfmr_loss_w) / 1e6;
	strs[14] = cool_mode_name(r->mode);
	n[15] = r->q_free_w / 1e6;
	n[16] = r->unmet_w / 1e6;
	n[17] = r->t_ecw;
	n[18] = r->water * c->step_s;
	n[19] = st->disp.grid_w / 1e6;
	n[20] = st->disp.gen_w / 1e6;
	n[21] = (st->disp.batt_discharge_w - st->disp.batt_charge_w) / 1e6;
	n[22] = st->batt_soc * 100;
	n[23] = st->disp.unserved_w / 1e6;
	n[24] = r->q_reject_w / 1e6;
	n[25] = r->evap * c->step_s;
	n[26] = r->unmet_reject_w / 1e6;
	/* the chiller curves clamped at the edge of their data, in each
	 * temperature */
	n[27] = (r->curve_clamped & CURVE_CLAMP_X) != 0;
	n[28] = (r->curve_clamped & CURVE_CLAMP_Y) != 0;
	strs[29] = it_basis_names[c->basis];
	table_row(&c->t, n, strs);
	if (ferror(c->t.fp)) {
		c->werrno = errno;
		return -2;
	}
	return 0;
}

static struct report *
summary_report(int mach, const struct site *s, const struct sim_summary *u,
    const struct sim_opts *o)
{
	struct report *r;
	char	title[512], a[16], b[16], tbuf[64];
	double	e_it = u->e_it, mwh = 3.6e9;
	const double gal = DC_M3_PER_USGAL;

	date_format(o->from_day, a);
	date_format(o->to_day, b);
	snprintf(title, sizeof title, "%s: simulation %s to %s, %g min steps%s", s->name,
	    a, b, o->step_s / 60, o->full_fleet ? ", the finished site" : "");
	r = report_new(NULL, title);	/* the text report, or the JSON "summary" */
	report_section(r, "energy", "Energy");
	report_str(r, "power_basis", "IT power basis", it_basis_names[s->it.basis]);
	report_num(r, "it_mwh", "IT", u->e_it / mwh, "MWh", 0);
	report_num(r, "facility_mwh", "facility", u->e_facility / mwh, "MWh", 0);
	report_num(r, "chillers_mwh", "chillers", u->e_chiller / mwh, "MWh", 0);
	report_num(r, "tower_fans_mwh", "tower fans", u->e_tower_fan / mwh, "MWh", 0);
	report_num(r, "dry_cooler_fans_mwh", "dry-cooler fans", u->e_drycooler_fan / mwh,
	    "MWh", 0);
	report_num(r, "air_handlers_mwh", "air handlers", u->e_crah / mwh, "MWh", 0);
	report_num(r, "pumps_mwh", "pumps (CHW, CW, FW)", u->e_pumps / mwh, "MWh", 0);
	report_num(r, "cdu_pumps_mwh", "in-rack CDU pumps", u->e_cdu / mwh, "MWh", 0);
	report_num(r, "electrical_losses_mwh", "electrical losses", u->e_elec_loss / mwh,
	    "MWh", 0);
	report_section(r, "pue", "PUE");
	report_num(r, "annual", "PUE (energy-weighted)", e_it > 0 ? u->e_facility / e_it :
	    NAN, "", 3);
	fmt_day_time(tbuf, sizeof tbuf, u->pue_worst_day, u->pue_worst_minute, s->tz_hours);
	report_num(r, "worst", "worst step", e_it > 0 ? u->pue_worst : NAN, "", 3);
	report_str(r, "worst_time", "  at", e_it > 0 ? tbuf : mach ? NULL : "-");
	report_num(r, "partial_cooling", "partial PUE, cooling", e_it > 0 ? (e_it +
	    u->e_chiller + u->e_tower_fan + u->e_drycooler_fan + u->e_crah + u->e_pumps +
	    u->e_cdu) / e_it : NAN, "", 3);
	report_num(r, "partial_electrical", "partial PUE, electrical", e_it > 0 ?
	    (e_it + u->e_elec_loss) / e_it : NAN, "", 3);
	report_section(r, "peak", "Peak power");
	fmt_day_time(tbuf, sizeof tbuf, u->peak_day, u->peak_minute, s->tz_hours);
	report_num(r, "facility_mw", "peak facility power", u->peak_facility_w / 1e6,
	    "MW", 2);
	report_str(r, "facility_time", "  at", tbuf);
	report_num(r, "it_mw", "peak IT power", u->peak_it_w / 1e6, "MW", 2);
	report_section(r, "water", "Water (cooling-tower make-up and adiabatic)");
	report_num(r, "total_m3", "total", u->water_m3, "m3", 0);
	report_num(r, "total_gal", "total", u->water_m3 / gal, "US gal", 0);
	report_as(r, "", NULL, 0);	/* one unit a quantity in JSON */
	report_num(r, "evaporation_m3", "evaporation", u->evap_m3, "m3", 0);
	report_num(r, "drift_m3", "drift", u->drift_m3, "m3", 1);
	report_num(r, "blowdown_m3", "blowdown", u->blowdown_m3, "m3", 0);
	report_num(r, "per_day_m3", "per day, average", u->days ? u->water_m3 / u->days :
	    0, "m3/d", 0);
	report_num(r, "per_day_gal", "per day, average", u->days ? u->water_m3 / gal /
	    u->days : 0, "US gal/d", 0);
	report_as(r, "", NULL, 0);	/* one unit a quantity in JSON */
	date_format(u->water_peak_day, a);
	report_num(r, "peak_day_m3", "peak day", u->water_peak_day_m3, "m3", 0);
	report_num(r, "peak_day_gal", "peak day", u->water_peak_day_m3 / gal, "US gal", 0);
	report_as(r, "", NULL, 0);	/* one unit a quantity in JSON */
	report_str(r, "peak_day", "  on", u->water_peak_day_m3 > 0 ? a : mach ? NULL :
	    "-");
	/* WUE (The Green Grid): site water per IT energy, L/kWh */
	report_num(r, "wue_l_per_kwh", "WUE", e_it > 0 ? u->water_m3 * 1e3 /
	    (e_it / 3.6e6) : NAN, "L/kWh", 3);
	report_section(r, "hours", "Hours");
	report_num(r, "free_cooling", "full free cooling (FC)", u->mode_hours[MODE_FREE],
	    "h", 1);
	report_as(r, "free_cooling_h", NULL, 0);
	report_num(r, "partial", "partial free cooling (PMC)", u->mode_hours[MODE_PARTIAL],
	    "h", 1);
	report_as(r, "partial_h", NULL, 0);
	report_num(r, "mechanical", "mechanical (FMC)", u->mode_hours[MODE_MECHANICAL],
	    "h", 1);
	report_as(r, "mechanical_h", NULL, 0);
	report_num(r, "unmet_cooling", "with unmet cooling", u->unmet_hours, "h", 1);
	report_as(r, "unmet_cooling_h", NULL, 0);
	report_num(r, "unmet_cooling_mwh", "unmet cooling energy", u->unmet_mwh, "MWh", 1);
	report_num(r, "unmet_rejection", "  heat the towers could not reject",
	    u->unmet_reject_hours, "h", 1);
	report_as(r, "unmet_rejection_h", NULL, 0);
	report_num(r, "chiller_emergency", "chillers above PLR 1 (emergency)",
	    u->emergency_hours, "h", 1);
	report_as(r, "chiller_emergency_h", NULL, 0);
	report_num(r, "curves_clamped", "chiller curves clamped", u->clamp_hours, "h", 1);
	report_as(r, "curves_clamped_h", NULL, 0);
	report_num(r, "curves_clamped_cw", "  condenser water outside the data",
	    u->clamp_cw_hours, "h", 1);
	report_as(r, "curves_clamped_cw_h", NULL, 0);
	report_num(r, "outside_class", "servers outside their ASHRAE class",
	    u->outside_hours, "h", 1);
	report_as(r, "outside_class_h", NULL, 0);
	report_section(r, "supply", "Supply");
	report_num(r, "grid_mwh", "grid", u->e_grid / mwh, "MWh", 0);
	report_num(r, "generation_mwh", "on-site generation", u->e_gen / mwh, "MWh", 0);
	report_num(r, "battery_out_mwh", "battery discharge", u->e_batt_out / mwh, "MWh", 0);
	report_num(r, "battery_in_mwh", "battery charge", u->e_batt_in / mwh, "MWh", 0);
	report_num(r, "unserved_mwh", "unserved", u->e_unserved / mwh, "MWh", 1);
	report_num(r, "unserved_h", "hours with unserved load", u->unserved_hours, "h", 1);
	report_num(r, "fuel_gj", "generator fuel (LHV)", u->fuel_j / 1e9, "GJ", 0);
	report_as(r, "fuel_mwh", "MWh", 1e9 / DC_J_PER_MWH);
	report_num(r, "co2_t", "CO2", u->co2_kg / 1e3, "t", 0);
	report_num(r, "nox_t", "NOx", u->nox_kg / 1e3, "t", 2);
	report_section(r, "weather", "Weather");
	report_str(r, "air_class", "server air class", air_class_name(s->it.air_class));
	report_num(r, "tdb_max_c", "highest dry-bulb", u->tdb_max, "degC", 1);
	report_num(r, "twb_max_c", "highest wet-bulb", u->twb_max, "degC", 1);
	return r;
}

static int
parse_opts(struct cmd_ctx *c, const struct site *s, struct sim_opts *o)
{
	const char *step = cmd_opt(c, "step");
	char	err[256];

	memset(o, 0, sizeof o[0]);
	o->from_day = date_from_ymd(s->sim.year, 1, 1);
	o->to_day = date_from_ymd(s->sim.year, 12, 31);
	o->step_s = s->sim.step_s;
	o->full_fleet = cmd_opt_flag(c, "full");
	if (o->full_fleet) {
		/* the finished site: every rack, and the equipment in service once
		 * the last change is made */
		int	f = supply_finished_day(s);

		o->equip_day = f != DATE_NONE ? f : 0;
	}
	cmd_opt_date(c, "from", &o->from_day);
	cmd_opt_date(c, "to", &o->to_day);
	if (!o->full_fleet && cmd_opt(c, "from") == NULL) {
		/* by default, summarise only the hours the site exists: from the
		 * first equipment in service */
		int	f = supply_first_in_service(s);

		if (f != DATE_NONE && f > o->from_day && f <= o->to_day)
			o->from_day = f;
	}
	if (o->to_day < o->from_day) {
		cmd_error(c, "--to is before --from");
		return EXIT_USAGE;
	}
	if (o->to_day - o->from_day > 366 * 50) {
		cmd_error(c, "the date range is longer than 50 years");
		return EXIT_USAGE;
	}
	if (step != NULL) {
		double	v;

		if (units_parse(step, U_TIME, &v, err, sizeof err) != 0 ||
		    (v != 3600 && v != 900)) {
			cmd_error(c, "--step must be 1h or 15min, not '%s'", step);
			return EXIT_USAGE;
		}
		o->step_s = v;
	}
	return EXIT_OK;
}

static int
cmd_simulate_exec(struct cmd_ctx *c)
{
	const struct site *s = &c->site;
	struct sim_opts o;
	struct sim_summary u;
	struct sink_ctx sc;
	struct output *out;
	struct report *r;
	struct plot_req pr;
	struct sim_series ser;
	struct sim_plot sp;
	int	rc, src;

	if ((rc = cli_plot_parse(c, plot_kinds, &pr)) != EXIT_OK ||
	    (rc = parse_opts(c, s, &o)) != EXIT_OK)
		return rc;
	if ((out = cmd_output(c)) == NULL)
		return EXIT_IO;
	memset(&sc, 0, sizeof sc);
	sc.step_s = o.step_s;
	sc.tz = s->tz_hours;
	sc.basis = s->it.basis;
	sc.table = c->g->fmt != FMT_TEXT;
	plot_sim_init(&ser, o.step_s);
	sc.ser = pr.path != NULL ? &ser : NULL;
	sc.day = -1;
	if (c->g->fmt != FMT_TEXT) {
		struct out_doc doc;

		cmd_doc(c, &doc);
		if (table_begin(&sc.t, out->fp, c->g->fmt, "dcplan.simulate/3", &doc,
		    cols, NCOLS) != 0) {
			plot_sim_free(&ser);
			cmd_error(c, "out of memory");
			return EXIT_IO;
		}
	}
	src = sim_run(s, &c->wx, &o, sc.table || sc.ser != NULL ? sink_row : NULL, &sc,
	    &u);
	if (src != 0) {
		plot_sim_free(&ser);
		if (src == -2 && (c->g->out_path == NULL ||
		    strcmp(c->g->out_path, "-") == 0))
			cmd_error(c, "cannot write standard output: %s",
			    strerror(sc.werrno ? sc.werrno : EIO));
		else if (src == -2)
			cmd_error(c, "cannot write '%s': %s", c->g->out_path,
			    strerror(sc.werrno ? sc.werrno : EIO));
		else if (src == -3)
			cmd_error(c, "out of memory");
		else
			cmd_error(c, "the plant model failed on the weather data");
		return src == -2 || src == -3 ? EXIT_IO : EXIT_INPUT;
	}
	r = summary_report(c->g->fmt != FMT_TEXT, s, &u, &o);
	if (c->g->fmt == FMT_JSON) {
		char	*buf = NULL;
		size_t	len = 0;
		FILE	*mf = open_memstream(&buf, &len);

		if (mf != NULL) {
			report_write(r, FMT_JSON, mf);
			fclose(mf);
			while (buf != NULL && len > 0 && buf[len - 1] == '\n')
				buf[--len] = '\0';
		}
		table_end(&sc.t, buf);
		free(buf);
	} else if (c->g->fmt == FMT_TEXT)
		report_write(r, FMT_TEXT, out->fp);
	report_free(r);
	sp.site = s;
	sp.ser = &ser;
	sp.pic = plot_pics[pr.kind];
	rc = cli_plot_write(c, &pr, draw_sim, &sp);
	plot_sim_free(&ser);
	return rc;
}

static const struct opt_def simulate_opts[] = {
	{ .name = "from", .type = OPT_DATE, .arg = "DATE",
	  .help = "first day (default: January 1 of simulation.year)" },
	{ .name = "to", .type = OPT_DATE, .arg = "DATE",
	  .help = "last day, inclusive (default: December 31)" },
	{ .name = "step", .type = OPT_STRING, .arg = "1h|15min",
	  .help = "time step (default: simulation.step)" },
	{ .name = "full", .type = OPT_FLAG,
	  .help = "the finished site: every rack and all equipment in service" },
	CLI_PLOT_OPT,
	CLI_PLOT_KIND_OPT("load-duration (default), monthly, heatmap-margin or "
	    "heatmap-pue"),
	CLI_PLOT_SIZE_OPT,
	{ .name = NULL }
};

const struct cmd_entry cmd_simulate_entry = {
	.name = "simulate",
	.operands = "SITE",
	.summary = "step through time: facility power, PUE, water, as a time series",
	.opts = simulate_opts,
	.min_pos = 1,
	.max_pos = 1,
	.needs = CMD_SITE | CMD_WEATHER | CMD_OUTPUT,
	.formats = FMTS_ALL,
	.exec = cmd_simulate_exec,
};
