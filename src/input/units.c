/*
 * units.c - parse "number unit" text into SI values.
 *
 * Conversion factors are exact by definition unless noted; sources:
 * NIST SP 811 (2008), Appendix B.8 "Factors for units listed alphabetically":
 *   Btu_IT = 1055.05585262 J; pound (avoirdupois) = 0.45359237 kg;
 *   US gallon = 3.785411784e-3 m3; foot = 0.3048 m; psi = 6894.757 Pa
 *   (lbf = 4.4482216152605 N over (0.0254 m)^2 = 6894.75729316836 Pa);
 *   ton of refrigeration = 12000 Btu_IT/h = 3516.853 W;
 *   bar = 1e5 Pa; degF = 5/9 K; T(degC) = (T(degF) - 32) / 1.8.
 * The therm here is 100,000 Btu_IT (the EC therm, 1.055056e8 J in SP 811),
 * so that therm and MMBtu agree on one Btu.
 *
 * Numbers are scanned by hand (no "inf", "nan", hex or locale forms) and
 * converted with strtod, which the program uses in the "C" locale.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "units.h"

#define BTU		UNITS_BTU_J		/* J, Btu_IT (NIST SP 811 B.8) */
#define LB		0.45359237		/* kg (NIST SP 811 B.8) */
#define USGAL		DC_M3_PER_USGAL
#define KWH		DC_J_PER_KWH
#define ABS_ZERO	(-273.15)		/* degC */

struct unit {
	enum unit_kind	 kind;
	const char	*sym;
	double		 factor;	/* si = value * factor + offset */
	double		 offset;
};

static const struct unit units_table[] = {
	{ U_POWER, "W", 1, 0 },
	{ U_POWER, "kW", 1e3, 0 },
	{ U_POWER, "MW", 1e6, 0 },
	{ U_POWER, "GW", 1e9, 0 },
	{ U_POWER, "ton", 12000 * BTU / 3600, 0 },	/* refrigeration ton */
	{ U_POWER, "Btu/h", BTU / 3600, 0 },

	{ U_APPARENT, "VA", 1, 0 },
	{ U_APPARENT, "kVA", 1e3, 0 },
	{ U_APPARENT, "MVA", 1e6, 0 },

	{ U_ENERGY, "Wh", 3600, 0 },
	{ U_ENERGY, "kWh", KWH, 0 },
	{ U_ENERGY, "MWh", 3.6e9, 0 },
	{ U_ENERGY, "GWh", 3.6e12, 0 },
	{ U_ENERGY, "J", 1, 0 },
	{ U_ENERGY, "kJ", 1e3, 0 },
	{ U_ENERGY, "MJ", 1e6, 0 },
	{ U_ENERGY, "GJ", 1e9, 0 },
	{ U_ENERGY, "Btu", BTU, 0 },
	{ U_ENERGY, "MMBtu", 1e6 * BTU, 0 },
	{ U_ENERGY, "therm", 1e5 * BTU, 0 },

	/* Temperatures out in degC. */
	{ U_TEMP, "degC", 1, 0 },
	{ U_TEMP, "degF", 5.0 / 9.0, -32 * 5.0 / 9.0 },
	{ U_TEMP, "K", 1, ABS_ZERO },

	/* Temperature differences out in K. */
	{ U_DTEMP, "K", 1, 0 },
	{ U_DTEMP, "degC", 1, 0 },
	{ U_DTEMP, "degF", 5.0 / 9.0, 0 },

	{ U_FLOW, "m3/s", 1, 0 },
	{ U_FLOW, "m3/h", 1.0 / 3600, 0 },
	{ U_FLOW, "L/s", 1e-3, 0 },
	{ U_FLOW, "L/min", 1e-3 / 60, 0 },
	{ U_FLOW, "gpm", USGAL / 60, 0 },		/* US gallon per minute */

	{ U_VOLUME, "m3", 1, 0 },
	{ U_VOLUME, "L", 1e-3, 0 },
	{ U_VOLUME, "gal", USGAL, 0 },

	{ U_TIME, "ms", 1e-3, 0 },
	{ U_TIME, "s", 1, 0 },
	{ U_TIME, "min", 60, 0 },
	{ U_TIME, "h", 3600, 0 },
	{ U_TIME, "d", 86400, 0 },
	{ U_TIME, "wk", 604800, 0 },
	{ U_TIME, "y", 365 * 86400.0, 0 },	/* a year of 365 days */

	{ U_FRACTION, "%", 0.01, 0 },

	{ U_LENGTH, "m", 1, 0 },
	{ U_LENGTH, "km", 1e3, 0 },
	{ U_LENGTH, "ft", 0.3048, 0 },

	{ U_ANGLE, "deg", 1, 0 },			/* degrees stay degrees */

	{ U_PRESSURE, "Pa", 1, 0 },
	{ U_PRESSURE, "kPa", 1e3, 0 },
	{ U_PRESSURE, "MPa", 1e6, 0 },
	{ U_PRESSURE, "bar", 1e5, 0 },
	{ U_PRESSURE, "psi", 6894.75729316836, 0 },

	/* Counts per time, out per second. */
	{ U_RATE, "/s", 1, 0 },
	{ U_RATE, "/min", 1.0 / 60, 0 },
	{ U_RATE, "/h", 1.0 / 3600, 0 },
	{ U_RATE, "/d", 1.0 / 86400, 0 },
	{ U_RATE, "/wk", 1.0 / 604800, 0 },

	/* Fuel energy in per electric energy out, J/J. */
	{ U_HEAT_RATE, "kJ/kWh", 1e3 / KWH, 0 },
	{ U_HEAT_RATE, "MJ/MWh", 1e6 / 3.6e9, 0 },
	{ U_HEAT_RATE, "Btu/kWh", BTU / KWH, 0 },

	/* kg emitted per J of fuel. */
	{ U_EF_FUEL, "kg/GJ", 1e-9, 0 },
	{ U_EF_FUEL, "kg/MJ", 1e-6, 0 },
	{ U_EF_FUEL, "kg/MMBtu", 1 / (1e6 * BTU), 0 },

	/* kg emitted per J of electricity. */
	{ U_EF_ELEC, "kg/MWh", 1 / 3.6e9, 0 },
	{ U_EF_ELEC, "kg/kWh", 1 / KWH, 0 },
	{ U_EF_ELEC, "g/kWh", 1e-3 / KWH, 0 },
	{ U_EF_ELEC, "lb/MWh", LB / 3.6e9, 0 },

	{ U_MASS, "g", 1e-3, 0 },
	{ U_MASS, "kg", 1, 0 },
	{ U_MASS, "t", 1e3, 0 },			/* tonne */
	{ U_MASS, "lb", LB, 0 },

	{ U_LOSS_PER_K, "%/K", 0.01, 0 },

	{ U_FREQ, "Hz", 1, 0 },

	/* Power ramp rates, out in W/s. */
	{ U_RAMP, "W/s", 1, 0 },
	{ U_RAMP, "kW/s", 1e3, 0 },
	{ U_RAMP, "MW/s", 1e6, 0 },
	{ U_RAMP, "kW/min", 1e3 / 60, 0 },
	{ U_RAMP, "MW/min", 1e6 / 60, 0 },
};

#define NUNITS	(sizeof units_table / sizeof units_table[0])

static const struct {
	const char	*name;
	const char	*article;	/* for "for a ratio" style messages */
	const char	*units;
} units_kinds[] = {
	[U_POWER] = { "power", "", "W, kW, MW, GW, ton, Btu/h" },
	[U_APPARENT] = { "apparent power", "", "VA, kVA, MVA" },
	[U_ENERGY] = { "energy", "",
	    "Wh, kWh, MWh, GWh, J, kJ, MJ, GJ, Btu, MMBtu, therm" },
	[U_TEMP] = { "temperature", "a ", "degC, degF, K" },
	[U_DTEMP] = { "temperature difference", "a ", "K, degC, degF" },
	[U_FLOW] = { "flow", "", "m3/s, m3/h, L/s, L/min, gpm" },
	[U_VOLUME] = { "volume", "", "m3, L, gal" },
	[U_TIME] = { "time", "", "ms, s, min, h, d, wk" },
	[U_FRACTION] = { "fraction", "a ", "%" },
	[U_RATIO] = { "ratio", "a ", "" },
	[U_LENGTH] = { "length", "", "m, km, ft" },
	[U_ANGLE] = { "angle", "an ", "deg" },
	[U_PRESSURE] = { "pressure", "", "Pa, kPa, MPa, bar, psi" },
	[U_RATE] = { "rate", "a ", "/s, /min, /h, /d, /wk" },
	[U_HEAT_RATE] = { "heat rate", "a ", "kJ/kWh, MJ/MWh, Btu/kWh" },
	[U_EF_FUEL] = { "fuel emission factor", "a ", "kg/GJ, kg/MJ, kg/MMBtu" },
	[U_EF_ELEC] = { "electricity emission factor", "an ",
	    "kg/MWh, kg/kWh, g/kWh, lb/MWh" },
	[U_MASS] = { "mass", "", "g, kg, t, lb" },
	[U_LOSS_PER_K] = { "loss per kelvin", "a ", "%/K" },
	[U_INT] = { "integer", "an ", "" },
	[U_FREQ] = { "frequency", "a ", "Hz" },
	[U_RAMP] = { "ramp rate", "a ", "W/s, kW/s, MW/s, kW/min, MW/min" },
};

const char *
unit_kind_name(enum unit_kind k)
{
	if ((unsigned)k >= sizeof units_kinds / sizeof units_kinds[0])
		return "?";
	return units_kinds[k].name;
}

const char *
unit_kind_units(enum unit_kind k)
{
	if ((unsigned)k >= sizeof units_kinds / sizeof units_kinds[0])
		return "";
	return units_kinds[k].units;
}

static int
units_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

static int
units_isspace(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Scan [+-]? (D+ (. D*)? | . D+) ([eE] [+-]? D+)? and return its length,
 * 0 if there is no number.  *isint says there was no point or exponent.
 */
static size_t
units_scan(const char *s, int *isint)
{
	size_t	 i = 0, nd = 0, e;

	*isint = 1;
	if (s[i] == '+' || s[i] == '-')
		i++;
	while (units_isdigit(s[i])) {
		i++;
		nd++;
	}
	if (s[i] == '.') {
		*isint = 0;
		i++;
		while (units_isdigit(s[i])) {
			i++;
			nd++;
		}
	}
	if (nd == 0)
		return 0;
	if (s[i] == 'e' || s[i] == 'E') {
		e = i + 1;
		if (s[e] == '+' || s[e] == '-')
			e++;
		if (units_isdigit(s[e])) {
			*isint = 0;
			while (units_isdigit(s[e]))
				e++;
			i = e;
		}
	}
	return i;
}

static const struct unit *
units_find(enum unit_kind k, const char *sym, int icase)
{
	size_t	 i;

	for (i = 0; i < NUNITS; i++) {
		if (units_table[i].kind != k)
			continue;
		if (icase ? strcasecmp(units_table[i].sym, sym) == 0 :
		    strcmp(units_table[i].sym, sym) == 0)
			return &units_table[i];
	}
	return NULL;
}

static const struct unit *
units_find_other(enum unit_kind k, const char *sym)
{
	size_t	 i;

	for (i = 0; i < NUNITS; i++) {
		if (units_table[i].kind != k &&
		    strcmp(units_table[i].sym, sym) == 0)
			return &units_table[i];
	}
	return NULL;
}

static int
units_bad_unit(enum unit_kind k, const char *sym, char *err, size_t errlen)
{
	const struct unit	*u;

	if ((u = units_find(k, sym, 1)) != NULL)
		snprintf(err, errlen, "unknown unit '%s' for %s (did you mean "
		    "'%s'?)", sym, units_kinds[k].name, u->sym);
	else if ((u = units_find_other(k, sym)) != NULL)
		snprintf(err, errlen, "'%s' is a unit of %s, not %s (use %s)",
		    sym, units_kinds[u->kind].name, units_kinds[k].name,
		    units_kinds[k].units);
	else
		snprintf(err, errlen, "unknown unit '%s' for %s (use %s)", sym,
		    units_kinds[k].name, units_kinds[k].units);
	return -1;
}

int
units_parse(const char *text, enum unit_kind k, double *si, char *err,
    size_t errlen)
{
	const struct unit	*u;
	char			 num[64], sym[32];
	const char		*s, *p, *end;
	size_t			 len, slen;
	int			 isint;
	double			 v, r;
	long			 l;

	if ((unsigned)k >= sizeof units_kinds / sizeof units_kinds[0]) {
		snprintf(err, errlen, "bad unit kind");
		return -1;
	}
	s = text;
	while (units_isspace(*s))
		s++;
	end = s + strlen(s);
	while (end > s && units_isspace(end[-1]))
		end--;
	if (s == end) {
		snprintf(err, errlen, "missing value (expected %s%s)",
		    units_kinds[k].article, units_kinds[k].name);
		return -1;
	}

	len = units_scan(s, &isint);
	if (len == 0) {
		snprintf(err, errlen, "'%s' is not a number", text);
		return -1;
	}
	if (s[len] == ',' && units_isdigit(s[len + 1])) {
		/* Thousands separators are ambiguous (1,5 in Europe). */
		snprintf(err, errlen, "'%s': write numbers without thousands "
		    "separators (use 100000, not 100,000)", text);
		return -1;
	}
	if (len >= sizeof num) {
		snprintf(err, errlen, "number too long in '%s'", text);
		return -1;
	}
	memcpy(num, s, len);
	num[len] = '\0';

	p = s + len;
	while (units_isspace(*p))
		p++;
	slen = (size_t)(end - p);
	if (slen >= sizeof sym) {
		snprintf(err, errlen, "unknown unit in '%s' (%s: %s)", text,
		    units_kinds[k].name, units_kinds[k].units);
		return -1;
	}
	memcpy(sym, p, slen);
	sym[slen] = '\0';

	if (k == U_INT) {
		if (slen != 0) {
			snprintf(err, errlen, "unexpected unit '%s' for an "
			    "integer", sym);
			return -1;
		}
		if (!isint) {
			snprintf(err, errlen, "'%s' is not an integer", text);
			return -1;
		}
		errno = 0;
		l = strtol(num, NULL, 10);
		if (errno == ERANGE || l > INT_MAX || l < INT_MIN) {
			snprintf(err, errlen, "integer '%s' is out of range",
			    text);
			return -1;
		}
		*si = (double)l;
		return 0;
	}

	errno = 0;
	v = strtod(num, NULL);
	if ((errno == ERANGE && fabs(v) > 1) || !isfinite(v)) {
		snprintf(err, errlen, "number '%s' is out of range", num);
		return -1;
	}
	if (errno == ERANGE)
		v = 0;		/* underflow: below any meaningful quantity */

	if (k == U_RATIO) {
		if (slen != 0) {
			snprintf(err, errlen, "unexpected unit '%s' for a ratio",
			    sym);
			return -1;
		}
		*si = v;
		return 0;
	}
	if (slen == 0) {
		snprintf(err, errlen, "missing unit in '%s' (%s: %s)", text,
		    units_kinds[k].name, units_kinds[k].units);
		return -1;
	}
	if ((u = units_find(k, sym, 0)) == NULL)
		return units_bad_unit(k, sym, err, errlen);

	r = v * u->factor + u->offset;
	if (!isfinite(r)) {
		snprintf(err, errlen, "'%s' is out of range", text);
		return -1;
	}
	/* Allow rounding noise at exactly absolute zero (0 K, -459.67 degF). */
	if (k == U_TEMP && r < ABS_ZERO - 1e-9) {
		snprintf(err, errlen, "'%s' is below absolute zero", text);
		return -1;
	}
	if (k == U_TEMP && r < ABS_ZERO)
		r = ABS_ZERO;
	*si = r;
	return 0;
}

/* Scale a value into a readable prefix of its SI unit. */
static void
fmt_scaled(double v, const char *const *units, char *buf, size_t len)
{
	static const double scale[] = { 1, 1e3, 1e6, 1e9 };
	int	i = 0;

	while (i < 3 && units[i + 1] != NULL && fabs(v) >= scale[i + 1])
		i++;
	snprintf(buf, len, "%.6g %s", v / scale[i], units[i]);
}

void
units_format(enum unit_kind kind, double v, char *buf, size_t len)
{
	static const char *const pw[] = { "W", "kW", "MW", "GW", NULL };
	static const char *const va[] = { "VA", "kVA", "MVA", "GVA", NULL };
	static const char *const wh[] = { "Wh", "kWh", "MWh", "GWh", NULL };

	switch (kind) {
	case U_POWER:
		fmt_scaled(v, pw, buf, len);
		break;
	case U_APPARENT:
		fmt_scaled(v, va, buf, len);
		break;
	case U_ENERGY:
		/* in watt-hours, as site files give energy storage */
		fmt_scaled(v / 3600, wh, buf, len);
		break;
	case U_TEMP:
		snprintf(buf, len, "%.6g degC", v);
		break;
	case U_DTEMP:
		snprintf(buf, len, "%.6g K", v);
		break;
	case U_FLOW:
		snprintf(buf, len, "%.6g m3/s", v);
		break;
	case U_VOLUME:
		snprintf(buf, len, "%.6g m3", v);
		break;
	case U_TIME:
		if (v != 0 && fmod(v, 86400) == 0)
			snprintf(buf, len, "%.6g d", v / 86400);
		else
			snprintf(buf, len, "%.6g s", v);
		break;
	case U_FRACTION:
		snprintf(buf, len, "%.6g %%", v * 100);
		break;
	case U_LOSS_PER_K:
		snprintf(buf, len, "%.6g %%/K", v * 100);
		break;
	case U_LENGTH:
		snprintf(buf, len, "%.6g m", v);
		break;
	case U_ANGLE:
		snprintf(buf, len, "%.6g deg", v);
		break;
	case U_PRESSURE:
		snprintf(buf, len, "%.6g Pa", v);
		break;
	case U_RATE:
		snprintf(buf, len, "%.6g /d", v * 86400);
		break;
	case U_HEAT_RATE:
		snprintf(buf, len, "%.6g kJ/kWh", v * 3600);
		break;
	case U_EF_FUEL:
		snprintf(buf, len, "%.6g kg/GJ", v * 1e9);
		break;
	case U_EF_ELEC:
		snprintf(buf, len, "%.6g kg/MWh", v * 3.6e9);
		break;
	case U_MASS:
		snprintf(buf, len, "%.6g kg", v);
		break;
	case U_FREQ:
		snprintf(buf, len, "%.6g Hz", v);
		break;
	case U_RAMP:
		snprintf(buf, len, "%.6g MW/s", v / 1e6);
		break;
	default:
		snprintf(buf, len, "%.6g", v);
		break;
	}
}
