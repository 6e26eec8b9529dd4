/*
 * t-units.c - every unit of every kind, and the ways a quantity can be wrong.
 *
 * Expected SI values come from the definitions (NIST SP 811, App. B.8),
 * evaluated by hand or with python3 fractions, e.g.
 *   ton:   100 * 12000 Btu/h * 1055.05585262 J/Btu / 3600 s = 351685.28420667 W
 *   gpm:   100 * 3.785411784e-3 m3 / 60 s                  = 0.00630901964 m3/s
 *   psi:   14.5 * 4.4482216152605 N / 0.0254^2 m2          = 99973.98075094 Pa
 *   Btu/kWh: 8530 * 1055.05585262 / 3.6e6                  = 2.49989622857 J/J
 *   kg/MMBtu: 53.06 / (1e6 * 1055.05585262)               = 5.02911764038e-8 kg/J
 *   lb/MWh: 1000 * 0.45359237 / 3.6e9                      = 1.25997880556e-7 kg/J
 */
#include <stdio.h>
#include <string.h>

#include "units.h"
#include "tap.h"

static const struct {
	enum unit_kind	 kind;
	const char	*text;
	double		 si;
} good[] = {
	{ U_POWER, "1 W", 1 },
	{ U_POWER, "2.5 kW", 2500 },
	{ U_POWER, "150MW", 150e6 },
	{ U_POWER, "1.2 GW", 1.2e9 },
	{ U_POWER, "100 ton", 351685.28420667 },
	{ U_POWER, "10000 Btu/h", 2930.7107017222 },
	{ U_POWER, "  50 kW  ", 50e3 },
	{ U_POWER, "50\tkW", 50e3 },
	{ U_POWER, "+5 kW", 5e3 },
	{ U_POWER, "-5 kW", -5e3 },
	{ U_POWER, ".5 MW", 5e5 },
	{ U_POWER, "5. MW", 5e6 },
	{ U_POWER, "1.5e3kW", 1.5e6 },
	{ U_POWER, "2E-3 GW", 2e6 },
	{ U_POWER, "1e-400 W", 0 },		/* underflow reads as 0 */

	{ U_APPARENT, "1 VA", 1 },
	{ U_APPARENT, "2 kVA", 2000 },
	{ U_APPARENT, "3.5 MVA", 3.5e6 },

	{ U_ENERGY, "1 Wh", 3600 },
	{ U_ENERGY, "2 kWh", 7.2e6 },
	{ U_ENERGY, "3 MWh", 1.08e10 },
	{ U_ENERGY, "0.5 GWh", 1.8e12 },
	{ U_ENERGY, "7 J", 7 },
	{ U_ENERGY, "8 kJ", 8000 },
	{ U_ENERGY, "9 MJ", 9e6 },
	{ U_ENERGY, "1.5 GJ", 1.5e9 },
	{ U_ENERGY, "1 Btu", 1055.05585262 },
	{ U_ENERGY, "2 MMBtu", 2110111705.24 },
	{ U_ENERGY, "1 therm", 105505585.262 },	/* 1e5 Btu */

	{ U_TEMP, "25 degC", 25 },
	{ U_TEMP, "77 degF", 25 },		/* (77 - 32) * 5/9 */
	{ U_TEMP, "-40 degF", -40 },
	{ U_TEMP, "300 K", 26.85 },
	{ U_TEMP, "0 K", -273.15 },
	{ U_TEMP, "-459.67 degF", -273.15 },
	{ U_TEMP, "-273.15 degC", -273.15 },

	{ U_DTEMP, "5 K", 5 },
	{ U_DTEMP, "5 degC", 5 },
	{ U_DTEMP, "9 degF", 5 },		/* 9 * 5/9, no offset */
	{ U_DTEMP, "-2 K", -2 },

	{ U_FLOW, "1 m3/s", 1 },
	{ U_FLOW, "36 m3/h", 0.01 },
	{ U_FLOW, "5 L/s", 0.005 },
	{ U_FLOW, "60 L/min", 0.001 },
	{ U_FLOW, "100 gpm", 0.00630901964 },

	{ U_VOLUME, "2 m3", 2 },
	{ U_VOLUME, "500 L", 0.5 },
	{ U_VOLUME, "10 gal", 0.03785411784 },

	{ U_TIME, "250 ms", 0.25 },
	{ U_TIME, "30 s", 30 },
	{ U_TIME, "15 min", 900 },
	{ U_TIME, "1 h", 3600 },
	{ U_TIME, "2 d", 172800 },
	{ U_TIME, "1 wk", 604800 },

	{ U_FRACTION, "80 %", 0.8 },
	{ U_FRACTION, "80%", 0.8 },
	{ U_FRACTION, "0.008 %", 8e-5 },

	{ U_RATIO, "0.95", 0.95 },
	{ U_RATIO, "-1.5e-3", -0.0015 },
	{ U_RATIO, "4", 4 },

	{ U_LENGTH, "100 m", 100 },
	{ U_LENGTH, "1.5 km", 1500 },
	{ U_LENGTH, "1000 ft", 304.8 },

	{ U_ANGLE, "30.5 deg", 30.5 },
	{ U_ANGLE, "-97.7 deg", -97.7 },

	{ U_PRESSURE, "101325 Pa", 101325 },
	{ U_PRESSURE, "300 kPa", 3e5 },
	{ U_PRESSURE, "1.5 MPa", 1.5e6 },
	{ U_PRESSURE, "2 bar", 2e5 },
	{ U_PRESSURE, "14.5 psi", 99973.98075094 },

	{ U_RATE, "1 /s", 1 },
	{ U_RATE, "3 /min", 0.05 },
	{ U_RATE, "2 /h", 2.0 / 3600 },
	{ U_RATE, "13 /d", 1.5046296296296e-4 },	/* 13 / 86400 */
	{ U_RATE, "13/d", 1.5046296296296e-4 },
	{ U_RATE, "7 /wk", 1.1574074074074e-5 },	/* 7 / 604800 */

	{ U_HEAT_RATE, "9000 kJ/kWh", 2.5 },	/* 9e6 J / 3.6e6 J */
	{ U_HEAT_RATE, "9000 MJ/MWh", 2.5 },
	{ U_HEAT_RATE, "8530 Btu/kWh", 2.4998962285691 },

	{ U_EF_FUEL, "56.1 kg/GJ", 5.61e-8 },
	{ U_EF_FUEL, "0.0561 kg/MJ", 5.61e-8 },
	{ U_EF_FUEL, "53.06 kg/MMBtu", 5.0291176403825e-8 },

	{ U_EF_ELEC, "400 kg/MWh", 1.1111111111111e-7 },	/* 400 / 3.6e9 */
	{ U_EF_ELEC, "0.4 kg/kWh", 1.1111111111111e-7 },
	{ U_EF_ELEC, "400 g/kWh", 1.1111111111111e-7 },
	{ U_EF_ELEC, "1000 lb/MWh", 1.2599788055556e-7 },

	{ U_MASS, "500 g", 0.5 },
	{ U_MASS, "2 kg", 2 },
	{ U_MASS, "1.5 t", 1500 },
	{ U_MASS, "100 lb", 45.359237 },

	{ U_LOSS_PER_K, "0.2 %/K", 0.002 },
	{ U_LOSS_PER_K, "0.2%/K", 0.002 },

	{ U_INT, "42", 42 },
	{ U_INT, "-3", -3 },
	{ U_INT, "+7", 7 },
	{ U_INT, "0", 0 },
	{ U_INT, "2147483647", 2147483647.0 },
};

static const struct {
	enum unit_kind	 kind;
	const char	*text;
	const char	*msg;
} bad[] = {
	{ U_POWER, "50 MX",
	    "unknown unit 'MX' for power (use W, kW, MW, GW, ton, Btu/h)" },
	{ U_POWER, "50",
	    "missing unit in '50' (power: W, kW, MW, GW, ton, Btu/h)" },
	{ U_POWER, "abc", "'abc' is not a number" },
	{ U_POWER, "MW", "'MW' is not a number" },
	{ U_POWER, "- 5 W", "'- 5 W' is not a number" },
	{ U_POWER, "50 mw", "unknown unit 'mw' for power (did you mean 'MW'?)" },
	{ U_POWER, "50 kw", "unknown unit 'kw' for power (did you mean 'kW'?)" },
	{ U_POWER, "50 mW", "unknown unit 'mW' for power (did you mean 'MW'?)" },
	{ U_FLOW, "5 l/s",
	    "unknown unit 'l/s' for flow (did you mean 'L/s'?)" },
	{ U_DTEMP, "5 degc", "unknown unit 'degc' for temperature difference "
	    "(did you mean 'degC'?)" },
	{ U_POWER, "50 kWh", "'kWh' is a unit of energy, not power "
	    "(use W, kW, MW, GW, ton, Btu/h)" },
	{ U_APPARENT, "5 MW", "'MW' is a unit of power, not apparent power "
	    "(use VA, kVA, MVA)" },
	{ U_TIME, "2 /d", "'/d' is a unit of rate, not time "
	    "(use ms, s, min, h, d, wk)" },
	{ U_POWER, "50 M W",
	    "unknown unit 'M W' for power (use W, kW, MW, GW, ton, Btu/h)" },
	{ U_RATIO, "10 kW", "unexpected unit 'kW' for a ratio" },
	{ U_RATIO, "80 %", "unexpected unit '%' for a ratio" },
	{ U_FRACTION, "80", "missing unit in '80' (fraction: %)" },
	{ U_INT, "1.5", "'1.5' is not an integer" },
	{ U_INT, "1e3", "'1e3' is not an integer" },
	{ U_INT, "3 racks", "unexpected unit 'racks' for an integer" },
	{ U_INT, "2147483648", "integer '2147483648' is out of range" },
	{ U_INT, "-99999999999999999999",
	    "integer '-99999999999999999999' is out of range" },
	{ U_POWER, "100,000 W", "'100,000 W': write numbers without thousands "
	    "separators (use 100000, not 100,000)" },
	{ U_RATIO, "1,5", "'1,5': write numbers without thousands "
	    "separators (use 100000, not 100,000)" },
	{ U_RATIO, "inf", "'inf' is not a number" },
	{ U_RATIO, "-inf", "'-inf' is not a number" },
	{ U_RATIO, ".inf", "'.inf' is not a number" },
	{ U_RATIO, "nan", "'nan' is not a number" },
	{ U_RATIO, "NaN", "'NaN' is not a number" },
	{ U_POWER, "Infinity W", "'Infinity W' is not a number" },
	{ U_RATIO, "0x10", "unexpected unit 'x10' for a ratio" },
	{ U_POWER, "1e309 W", "number '1e309' is out of range" },
	{ U_RATIO, "-1e400", "number '-1e400' is out of range" },
	{ U_POWER, "1e308 GW", "'1e308 GW' is out of range" },
	{ U_TEMP, "-300 degC", "'-300 degC' is below absolute zero" },
	{ U_TEMP, "-1 K", "'-1 K' is below absolute zero" },
	{ U_TEMP, "-460 degF", "'-460 degF' is below absolute zero" },
	{ U_POWER, "", "missing value (expected power)" },
	{ U_RATIO, "   ", "missing value (expected a ratio)" },
};

/* Every symbol that unit_kind_units() lists must parse for its kind. */
static void
t_listed(void)
{
	enum unit_kind	 k;
	char		 list[128], text[64], err[256], *sym, *save;
	double		 v;
	int		 nbad = 0, nsym = 0;

	for (k = U_POWER; k <= U_INT; k++) {
		snprintf(list, sizeof list, "%s", unit_kind_units(k));
		for (sym = strtok_r(list, ", ", &save); sym != NULL;
		    sym = strtok_r(NULL, ", ", &save)) {
			snprintf(text, sizeof text, "300 %s", sym);
			nsym++;
			if (units_parse(text, k, &v, err, sizeof err) != 0) {
				printf("# %s: %s\n", text, err);
				nbad++;
			}
		}
	}
	is_int(nbad, 0, "every listed unit parses");
	/* 6+3+11+3+3+5+3+6+1+0+3+1+5+5+3+3+4+4+1+0 */
	is_int(nsym, 70, "70 units listed");
}

static void
t_names(void)
{
	is_str(unit_kind_name(U_POWER), "power", "name of power");
	is_str(unit_kind_name(U_DTEMP), "temperature difference",
	    "name of dtemp");
	is_str(unit_kind_units(U_POWER), "W, kW, MW, GW, ton, Btu/h",
	    "units of power");
	is_str(unit_kind_units(U_RATIO), "", "a ratio has no unit");
	is_str(unit_kind_name((enum unit_kind)99), "?", "unknown kind");
}

int
main(void)
{
	char	 err[256];
	double	 v;
	size_t	 i;
	int	 rc;

	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		v = -12345;
		err[0] = '\0';
		rc = units_parse(good[i].text, good[i].kind, &v, err,
		    sizeof err);
		ok(rc == 0, "%s '%s' parses%s%s", unit_kind_name(good[i].kind),
		    good[i].text, rc ? ": " : "", rc ? err : "");
		if (good[i].si == 0)
			is_abs(v, 0, 1e-300, "'%s' value", good[i].text);
		else
			is_rel(v, good[i].si, 1e-12, "'%s' value",
			    good[i].text);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		v = -12345;
		err[0] = '\0';
		rc = units_parse(bad[i].text, bad[i].kind, &v, err, sizeof err);
		is_int(rc, -1, "%s '%s' rejected", unit_kind_name(bad[i].kind),
		    bad[i].text);
		is_str(err, bad[i].msg, "message for '%s'", bad[i].text);
		ok(v == -12345, "'%s' leaves the output alone", bad[i].text);
	}
	/* A short buffer truncates the message safely. */
	rc = units_parse("50", U_POWER, &v, err, 8);
	ok(rc == -1 && strcmp(err, "missing") == 0, "message truncated");
	t_listed();
	t_names();
	return tap_done();
}
