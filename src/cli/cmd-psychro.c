/*
 * cmd-psychro.c - "dcplan psychro --tdb T (--rh R | --twb T | --tdp T)
 * [--elevation Z | --pressure P]": the full moist-air state from the dry-bulb and
 * one humidity measure (ASHRAE Handbook - Fundamentals 2017, ch. 1; psychro.h).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "output.h"
#include "psychro.h"
#include "units.h"

/* Standard sea-level pressure, Pa (ASHRAE 2017 ch. 1 eq. 3 at Z = 0). */
#define PSYCHRO_P0	101325.0
/* Temperature range of the ASHRAE saturation-pressure equations (psychro.h). */
#define PSYCHRO_TMIN	-100.0
#define PSYCHRO_TMAX	200.0
/*
 * The standard-atmosphere equation holds in the troposphere (up to 11 km,
 * ASHRAE 2017 ch. 1 table 1); below, the lowest land is the Dead Sea shore
 * at about -430 m.
 */
#define PSYCHRO_ZMIN	-500.0
#define PSYCHRO_ZMAX	11000.0
/*
 * The ideal-gas moist-air relations of ch. 1 are for near-atmospheric
 * pressure; 10 kPa .. 1 MPa covers every elevation above (22.7 kPa at 11 km)
 * and pressurised spaces, with margin.
 */
#define PSYCHRO_PMIN	1e4
#define PSYCHRO_PMAX	1e6

/* A temperature option (parsed by the framework) within the equations' range. */
static int
psychro_temp(struct cmd_ctx *c, const char *opt, const char *what, double *t)
{
	cmd_opt_num(c, opt, t);
	if (*t < PSYCHRO_TMIN || *t > PSYCHRO_TMAX) {
		cmd_error(c, "--%s: %s %g degC is outside %g..%g degC (ASHRAE "
		    "Fundamentals ch. 1)", opt, what, *t, PSYCHRO_TMIN,
		    PSYCHRO_TMAX);
		return EXIT_INPUT;
	}
	return EXIT_OK;
}

/* Station pressure from --elevation, --pressure or sea level. */
static int
psychro_pressure(struct cmd_ctx *c, double *p, double *z)
{
	*z = NAN;
	*p = PSYCHRO_P0;
	if (cmd_opt_num(c, "elevation", z)) {
		if (*z < PSYCHRO_ZMIN || *z > PSYCHRO_ZMAX) {
			cmd_error(c, "--elevation: %g m is outside %g..%g m (the "
			    "standard atmosphere of ASHRAE ch. 1)", *z, PSYCHRO_ZMIN,
			    PSYCHRO_ZMAX);
			return EXIT_INPUT;
		}
		*p = psy_pressure_at_elevation(*z);
	} else if (cmd_opt_num(c, "pressure", p)) {
		if (!(*p >= PSYCHRO_PMIN && *p <= PSYCHRO_PMAX)) {
			cmd_error(c, "--pressure: %g Pa is outside %g..%g kPa", *p,
			    PSYCHRO_PMIN / 1e3, PSYCHRO_PMAX / 1e3);
			return EXIT_INPUT;
		}
	}
	return EXIT_OK;
}

/* Why psy_state_from_*() refused a combination the checks above let through. */
static void
psychro_why(struct cmd_ctx *c, const char *hopt, double tdb, double hv, double p)
{
	if (psy_pws(tdb) >= p)
		cmd_error(c, "dry-bulb %g degC is above the boiling point at "
		    "%.1f kPa: outside the moist-air relations", tdb, p / 1e3);
	else if (strcmp(hopt, "twb") == 0 && psy_w_from_twb(tdb, hv, p) < 0)
		cmd_error(c, "wet-bulb %g degC is too low for dry-bulb %g degC at "
		    "%.1f kPa (the air would hold negative moisture)", hv, tdb,
		    p / 1e3);
	else if (strcmp(hopt, "rh") != 0 && psy_pws(hv) >= p)
		cmd_error(c, "--%s: %g degC is at or above the boiling point at "
		    "%.1f kPa", hopt, hv, p / 1e3);
	else
		cmd_error(c, "no moist-air state with dry-bulb %g degC and --%s at "
		    "%.1f kPa", tdb, hopt, p / 1e3);
}

static void
psychro_report(struct report *r, int mach, const struct psy_state *s, double z,
    const char *given)
{
	report_section(r, "state", "Moist air");
	report_str(r, "given", "given", given);
	if (!isnan(z) || mach)	/* null in CSV and JSON when not given */
		report_num(r, "elevation_m", "elevation", z, "m", 0);
	report_num(r, "pressure_pa", "pressure", s->p, "Pa", 0);
	report_num(r, "tdb_c", "dry-bulb", s->tdb, "degC", 2);
	report_num(r, "twb_c", "wet-bulb", s->twb, "degC", 2);
	report_num(r, "tdp_c", "dew point", s->tdp, "degC", 2);
	report_num(r, "rh_pct", "relative humidity", s->rh * 100, "%", 2);
	report_num(r, "w_g_per_kg", "humidity ratio", s->w * 1e3, "g/kg", 3);
	report_as(r, "", NULL, 0);	/* one unit a quantity: kg/kg in CSV, JSON */
	report_num(r, "w_kg_per_kg", "humidity ratio", s->w, "kg/kg", 6);
	report_num(r, "h_kj_per_kg", "enthalpy", s->h / 1e3, "kJ/kg", 2);
	report_num(r, "v_m3_per_kg", "specific volume", s->v, "m3/kg", 4);
	report_num(r, "rho_kg_per_m3", "density", s->rho, "kg/m3", 4);
	report_note(r, "per kg of dry air (W, h, v); density of the moist air; "
	    "ASHRAE Handbook - Fundamentals 2017, ch. 1");
}

static int
cmd_psychro_exec(struct cmd_ctx *c)
{
	static const char *const hopts[] = { "rh", "twb", "tdp" };
	struct psy_state s;
	struct report *r;
	const char *hopt = NULL;
	double	tdb, hv, p, z;
	char	given[128], title[160];
	int	i, rc, st;

	/* the framework has checked that --tdb and one humidity measure are given */
	for (i = 0; i < 3; i++)
		if (cmd_opt(c, hopts[i]) != NULL)
			hopt = hopts[i];
	if ((rc = psychro_temp(c, "tdb", "dry-bulb", &tdb)) != EXIT_OK ||
	    (rc = psychro_pressure(c, &p, &z)) != EXIT_OK)
		return rc;
	if (strcmp(hopt, "rh") == 0) {
		cmd_opt_num(c, "rh", &hv);
		if (hv < 0 || hv > 1) {
			cmd_error(c, "--rh: relative humidity %g %% is outside "
			    "0..100 %%", hv * 100);
			return EXIT_INPUT;
		}
		st = psy_state_from_rh(tdb, hv, p, &s);
		snprintf(given, sizeof given, "dry-bulb and relative humidity");
	} else {
		const char *what = hopt[1] == 'w' ? "wet-bulb" : "dew point";

		if ((rc = psychro_temp(c, hopt, what, &hv)) != EXIT_OK)
			return rc;
		if (hv > tdb) {
			cmd_error(c, "--%s: %s %g degC is above the dry-bulb %g degC",
			    hopt, what, hv, tdb);
			return EXIT_INPUT;
		}
		if (hopt[1] == 'w')
			st = psy_state_from_twb(tdb, hv, p, &s);
		else
			st = psy_state_from_tdp(tdb, hv, p, &s);
		snprintf(given, sizeof given, "dry-bulb and %s", what);
	}
	if (st != 0) {
		psychro_why(c, hopt, tdb, hv, p);
		return EXIT_INPUT;
	}

	snprintf(title, sizeof title, "Moist air at %.2f degC, %.0f Pa", s.tdb, s.p);
	r = report_new("dcplan.psychro/3", title);
	psychro_report(r, c->g->fmt != FMT_TEXT, &s, z, given);
	rc = cmd_write_report(c, r);
	report_free(r);
	return rc;
}

static const struct opt_def psychro_opts[] = {
	{ .name = "tdb", .type = OPT_QUANTITY, .kind = U_TEMP, .arg = "T",
	  .flags = OPT_REQUIRED, .help = "dry-bulb temperature, e.g. 25degC" },
	{ .name = "rh", .type = OPT_QUANTITY, .kind = U_FRACTION, .arg = "R",
	  .flags = OPT_REQUIRED, .group = 1,
	  .help = "relative humidity, e.g. 50%" },
	{ .name = "twb", .type = OPT_QUANTITY, .kind = U_TEMP, .arg = "T",
	  .flags = OPT_REQUIRED, .group = 1, .help = "wet-bulb temperature" },
	{ .name = "tdp", .type = OPT_QUANTITY, .kind = U_TEMP, .arg = "T",
	  .flags = OPT_REQUIRED, .group = 1, .help = "dew-point temperature" },
	{ .name = "elevation", .type = OPT_QUANTITY, .kind = U_LENGTH, .arg = "Z",
	  .group = 2,
	  .help = "site elevation, e.g. 1500m (standard atmosphere)" },
	{ .name = "pressure", .type = OPT_QUANTITY, .kind = U_PRESSURE, .arg = "P",
	  .group = 2, .help = "station pressure (default 101325 Pa)" },
	{ .name = NULL }
};

const struct cmd_entry cmd_psychro_entry = {
	.name = "psychro",
	.operands = "",
	.summary = "moist-air state from dry-bulb and one humidity measure",
	.opts = psychro_opts,
	.min_pos = 0,
	.max_pos = 0,
	.needs = CMD_OUTPUT | CMD_REPORT,
	.formats = FMTS_ALL,
	.exec = cmd_psychro_exec,
};
