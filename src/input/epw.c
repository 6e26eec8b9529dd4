/*
 * epw.c - read an EnergyPlus weather (EPW) file.
 *
 * Format: EnergyPlus "Auxiliary Programs" manual, "EnergyPlus Weather File (EPW)
 * Data Dictionary".  Eight header lines (LOCATION, DESIGN CONDITIONS,
 * TYPICAL/EXTREME PERIODS, GROUND TEMPERATURES, HOLIDAYS/DAYLIGHT SAVINGS,
 * COMMENTS 1, COMMENTS 2, DATA PERIODS), then one row of 35 comma-separated
 * fields per hour: year, month, day, hour 1..24, minute, data source flags,
 * dry-bulb degC, dew point degC, RH %, station pressure Pa, then radiation, wind,
 * sky and precipitation fields that dcplan does not use (only their count is
 * checked).
 *
 * What this reader accepts, and why:
 * - One data period of hourly records.  Sub-hourly files (records per hour > 1)
 *   are rejected: dcplan's year is hourly and averaging would hide the peaks.
 * - Exactly one 365-day year, starting Jan 1 hour 1, rows in order.  A leap-year
 *   file (8784 rows) has its Feb 29 rows dropped, as EnergyPlus does when a
 *   file's "LeapYear Observed" is No: Mar..Dec keep their calendar dates.
 * - Missing values (the dictionary's \missing sentinels: dry-bulb and dew point
 *   >= 99.9, RH >= 999, pressure >= 999999) are filled by linear interpolation
 *   in time between the nearest valid hours, around the year end if needed.
 *   (EnergyPlus repeats the last good value instead; interpolation avoids steps.)
 *   A variable missing in every row is an error.
 * - Values outside the dictionary's \minimum..\maximum are errors.
 * - A dew point above the dry-bulb by up to EPW_TDP_SLACK (rounding of the two
 *   values) is capped at the dry-bulb and counted; further above is an error.
 * - RH is stored as a fraction capped at 1.  The dictionary allows up to 110 %;
 *   values above that (seen up to 182 % in real files) are clamped to 100 % and
 *   counted for a note, as EnergyPlus and other readers do, rather than
 *   rejecting a year of otherwise good data.
 * - A LOCATION line may carry an 11th field (some converters add one); it is
 *   ignored.
 * - Design-condition fields "N_A" (not available) are "not given".
 * - With no usable design conditions (DESIGN CONDITIONS,0, or blocks of an
 *   unknown layout) the 0.4 % values are derived from the hourly data: see
 *   epw_derive_design().
 * Numbers are parsed here, not with strtod, so the locale cannot change '.'.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "epw.h"
#include "weather.h"

#define EPW_FIELDS	35		/* per data row */
#define EPW_MAXF	128		/* fields kept per line (more are counted) */
#define EPW_MAXLINE	(1 << 20)	/* longest line accepted, bytes */
#define EPW_TDP_SLACK	1.0		/* K: dew point above dry-bulb by rounding */

struct epw {
	FILE		*f;
	const char	*path;
	char		*buf;
	size_t		 cap;
	long		 line;
	char		*fld[EPW_MAXF];
	int		 nf;
	char		*err;
	size_t		 errlen;
	/* input read in blocks: ib[ipos..ilen) not yet consumed */
	char		 ib[16384];
	size_t		 ipos, ilen;
};

#if defined(__GNUC__)
static void epw_err(struct epw *, long, const char *, ...)
    __attribute__((format(printf, 3, 4)));
#endif

static void
epw_err(struct epw *r, long line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (r->err == NULL || r->errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (line > 0)
		snprintf(r->err, r->errlen, "%s:%ld: %s", r->path, line, msg);
	else
		snprintf(r->err, r->errlen, "%s: %s", r->path, msg);
}

/*
 * Read one line into r->buf without its end of line.  1, 0 at EOF, -1 error.
 * The bytes come from the stream in blocks (fread into r->ib) and each line is
 * cut with memchr; a NUL byte (a binary file, /dev/zero) is an error at its
 * column instead of an endless loop or a silently shortened line, and a line
 * of EPW_MAXLINE - 1 bytes or more is refused as soon as that many are seen
 * (the same rules as reading byte by byte, at a few instructions a byte).
 */
static int
epw_getline(struct epw *r)
{
	size_t len = 0, ncap;
	char *nbuf;
	int eof = 0;

	for (;;) {
		const char *p, *nl, *z;
		size_t n, seg;

		if (r->ipos == r->ilen) {
			r->ipos = 0;
			r->ilen = fread(r->ib, 1, sizeof r->ib, r->f);
			if (r->ilen == 0) {
				eof = 1;
				break;
			}
		}
		p = r->ib + r->ipos;
		n = r->ilen - r->ipos;
		nl = memchr(p, '\n', n);
		seg = nl != NULL ? (size_t)(nl - p) : n;
		z = memchr(p, '\0', seg);
		if (z != NULL)
			seg = (size_t)(z - p);
		if (len + seg >= EPW_MAXLINE - 1) {
			epw_err(r, r->line + 1, "line too long (more than %d "
			    "bytes)", EPW_MAXLINE - 2);
			return -1;
		}
		if (z != NULL) {
			epw_err(r, r->line + 1, "NUL byte in column %zu: not a text "
			    "file", len + seg + 1);
			return -1;
		}
		if (r->cap < len + seg + 2) {
			ncap = r->cap ? r->cap : 512;
			while (ncap < len + seg + 2)
				ncap *= 2;
			if ((nbuf = realloc(r->buf, ncap)) == NULL) {
				epw_err(r, r->line + 1, "out of memory");
				return -1;
			}
			r->buf = nbuf;
			r->cap = ncap;
		}
		memcpy(r->buf + len, p, seg);
		len += seg;
		r->ipos += seg;
		if (nl != NULL) {
			r->ipos++;		/* the newline */
			break;
		}
	}
	if (eof && ferror(r->f)) {
		epw_err(r, r->line + 1, "read error: %s", strerror(errno));
		return -1;
	}
	if (r->buf == NULL) {
		if ((r->buf = malloc(512)) == NULL) {
			epw_err(r, r->line + 1, "out of memory");
			return -1;
		}
		r->cap = 512;
	}
	r->buf[len] = '\0';
	if (eof && len == 0)
		return 0;
	r->line++;
	while (len > 0 && r->buf[len - 1] == '\r')
		r->buf[--len] = '\0';
	/* A UTF-8 byte order mark before the first header line. */
	if (r->line == 1 && strncmp(r->buf, "\xef\xbb\xbf", 3) == 0)
		memmove(r->buf, r->buf + 3, len - 2);
	return 1;
}

static char *
epw_trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

/* Split r->buf at commas, in place; r->nf counts every field. */
static void
epw_split(struct epw *r)
{
	char *s = r->buf, *c;

	r->nf = 0;
	for (;;) {
		c = strchr(s, ',');
		if (c != NULL)
			*c = '\0';
		if (r->nf < EPW_MAXF)
			r->fld[r->nf] = epw_trim(s);
		r->nf++;
		if (c == NULL)
			break;
		s = c + 1;
	}
}

static const char *
epw_field(const struct epw *r, int i)
{
	return i < r->nf && i < EPW_MAXF ? r->fld[i] : "";
}

static int
epw_blank(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return *s == '\0';
}

/*
 * Decimal number: [+-]digits[.digits][(e|E)[+-]digits], nothing else.  Up to 19
 * significant digits are kept exactly; with at most 15 and a power of ten up to
 * 1e22 (both exact in a double), one IEEE multiply or divide gives the correctly
 * rounded value, as strtod would.
 */
static int
epw_num(const char *s, double *v)
{
	static const double p10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
	    1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
	    1e19, 1e20, 1e21, 1e22 };
	uint64_t m = 0;
	int neg = 0, nd = 0, sig = 0, e10 = 0, ex = 0, eneg = 0, edig = 0;
	double x;

	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	for (; *s >= '0' && *s <= '9'; s++, nd++) {
		if (sig < 19) {
			if (m != 0 || *s != '0') {
				m = m * 10 + (uint64_t)(*s - '0');
				sig++;
			}
		} else
			e10++;
	}
	if (*s == '.') {
		for (s++; *s >= '0' && *s <= '9'; s++, nd++) {
			if (sig < 19) {
				if (m != 0 || *s != '0') {
					m = m * 10 + (uint64_t)(*s - '0');
					sig++;
				}
				e10--;
			}
		}
	}
	if (nd == 0)
		return -1;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			eneg = *s++ == '-';
		for (; *s >= '0' && *s <= '9'; s++, edig++)
			if (ex < 10000)
				ex = ex * 10 + (*s - '0');
		if (edig == 0)
			return -1;
		e10 += eneg ? -ex : ex;
	}
	if (*s != '\0')
		return -1;
	x = (double)m;
	if (m == 0)
		x = 0;
	else if (sig <= 15 && e10 >= 0 && e10 <= 22)
		x *= p10[e10];
	else if (sig <= 15 && e10 < 0 && e10 >= -22)
		x /= p10[-e10];
	else
		x *= pow(10.0, e10);
	if (!isfinite(x))
		return -1;
	*v = neg ? -x : x;
	return 0;
}

/* An integer field of a data row, in [lo, hi]. */
static int
epw_ifield(struct epw *r, int i, const char *what, long lo, long hi, long *v)
{
	const char *s = epw_field(r, i);
	double x;

	if (epw_num(s, &x) != 0 || x != floor(x)) {
		epw_err(r, r->line, "%s is not an integer: '%.40s'", what, s);
		return -1;
	}
	if (x < (double)lo || x > (double)hi) {
		epw_err(r, r->line, "%s %g out of range (%ld..%ld)", what, x, lo, hi);
		return -1;
	}
	*v = (long)x;
	return 0;
}

static int
epw_casecmp(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++) {
		int ca = (*a >= 'a' && *a <= 'z') ? *a - 'a' + 'A' : *a;
		int cb = (*b >= 'a' && *b <= 'z') ? *b - 'a' + 'A' : *b;
		if (ca != cb)
			return ca - cb;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

/* Read header line `line` and check that its keyword is `kw` (or `alt`). */
static int
epw_header(struct epw *r, const char *kw, const char *alt)
{
	int rc;

	if ((rc = epw_getline(r)) < 0)
		return -1;
	if (rc == 0) {
		epw_err(r, r->line + 1, "expected '%s' header line, found end of file",
		    kw);
		return -1;
	}
	epw_split(r);
	if (epw_casecmp(epw_field(r, 0), kw) != 0 &&
	    (alt == NULL || epw_casecmp(epw_field(r, 0), alt) != 0)) {
		epw_err(r, r->line, "expected '%s' header line, found '%.40s'", kw,
		    epw_field(r, 0));
		return -1;
	}
	return 0;
}

/* A numeric header field in [lo, hi]. */
static int
epw_hnum(struct epw *r, int i, const char *what, double lo, double hi,
    double *v)
{
	const char *s = epw_field(r, i);

	if (epw_num(s, v) != 0) {
		epw_err(r, r->line, "%s is not a number: '%.40s'", what, s);
		return -1;
	}
	if (*v < lo || *v > hi) {
		epw_err(r, r->line, "%s %g out of range (%g..%g)", what, *v, lo, hi);
		return -1;
	}
	return 0;
}

/*
 * LOCATION, city, state, country, source, WMO, latitude (+N), longitude (+E),
 * time zone (hours from GMT), elevation (m).  Ranges from the data dictionary;
 * time zones up to +14 exist (Kiribati) although the dictionary stops at +12.
 */
static int
epw_location(struct epw *r, struct weather *w)
{
	const char *part[3];
	size_t len = 0;
	int i;

	if (r->nf != 10 && r->nf != 11) {
		epw_err(r, r->line, "expected 10 fields on the LOCATION line, "
		    "found %d", r->nf);
		return -1;
	}
	part[0] = epw_field(r, 1);
	part[1] = epw_field(r, 2);
	part[2] = epw_field(r, 3);
	w->location[0] = '\0';
	for (i = 0; i < 3; i++) {
		if (*part[i] == '\0' || len >= sizeof w->location)
			continue;
		snprintf(w->location + len, sizeof w->location - len, "%s%s",
		    len ? ", " : "", part[i]);
		len = strlen(w->location);
	}
	snprintf(w->wmo, sizeof w->wmo, "%s", epw_field(r, 5));
	if (epw_hnum(r, 6, "latitude", -90, 90, &w->latitude) != 0 ||
	    epw_hnum(r, 7, "longitude", -180, 180, &w->longitude) != 0 ||
	    epw_hnum(r, 8, "time zone", -12, 14, &w->tz_hours) != 0 ||
	    epw_hnum(r, 9, "elevation", -1000, 9999.9, &w->elevation) != 0)
		return -1;
	return 0;
}

/* Value `k` (1-based) of the design block that starts after field `at`; a blank
 * field is "not given" (NaN). */
static int
epw_dval(struct epw *r, int at, int k, const char *block, double *v)
{
	const char *s = epw_field(r, at + k);

	if (*s == '\0' || epw_casecmp(s, "N_A") == 0 || epw_casecmp(s, "N/A") == 0 ||
	    epw_casecmp(s, "NA") == 0) {
		*v = NAN;
		return 0;
	}
	if (epw_num(s, v) != 0) {
		epw_err(r, r->line, "design conditions: %s value %d is not a "
		    "number: '%.40s'", block, k, s);
		return -1;
	}
	return 0;
}

/*
 * DESIGN CONDITIONS, count, source, (blank), then blocks that the data dictionary
 * leaves to the source ("fields here will be dependent on the source").  For the
 * ASHRAE Handbook - Fundamentals 2009 tables that EnergyPlus TMY3 files carry
 * ("Climate Design Data 2009 ASHRAE Handbook"), the layout (ASHRAE 2009 ch. 14
 * table columns; the same order as OpenStudio's EpwFile EpwDesignField) is:
 *
 * Heating, 15 values:
 *   1 coldest month, 2 99.6 % DB, 3 99 % DB,
 *   4-6 humidification 99.6 %: DP, HR (g/kg), MCDB, 7-9 the same at 99 %,
 *   10-11 coldest month 0.4 % wind speed, MCDB, 12-13 the same at 1 %,
 *   14 mean coincident wind speed to 99.6 % DB, 15 prevailing direction
 * Cooling, 32 values:
 *   1 hottest month, 2 hottest month mean daily DB range,
 *   3-4 0.4 % DB, MCWB, 5-6 1 % DB, MCWB, 7-8 2 % DB, MCWB,
 *   9-10 evaporation 0.4 % WB, MCDB, 11-12 1 %, 13-14 2 %,
 *   15 mean coincident wind speed to 0.4 % DB, 16 prevailing direction,
 *   17-19 dehumidification 0.4 % DP, HR, MCDB, 20-22 1 %, 23-25 2 %,
 *   26-27 enthalpy 0.4 %, MCDB, 28-29 1 %, 30-31 2 %,
 *   32 hours 8 to 4 with 12.8 < DB < 20.6
 * Extremes, 16 values:
 *   1-3 extreme wind speed 1 %, 2.5 %, 5 %, 4 extreme max WB,
 *   5-6 mean of annual extreme min, max DB, 7-8 their standard deviations,
 *   9-16 n-year return period min, max DB for n = 5, 10, 20, 50
 *
 * The 2005 edition's cooling block ("Climate Design Data 2005 ASHRAE
 * Handbook") has 31 values: the same, without value 32.
 *
 * A block whose length differs (other editions, e.g. 2021) is left NaN, and the
 * design conditions are then derived from the hourly data.  Count 0 = none.
 */
static int
epw_design(struct epw *r, struct weather *w)
{
	struct design_conditions *d = &w->design;
	int heat = -1, cool = -1, ext = -1, i, nf;
	double n;

	if (epw_hnum(r, 1, "number of design conditions", 0, 100, &n) != 0)
		return -1;
	if (n == 0)
		return 0;
	snprintf(w->design_source, sizeof w->design_source, "%s", epw_field(r, 2));
	nf = r->nf < EPW_MAXF ? r->nf : EPW_MAXF;
	for (i = 3; i < nf; i++) {
		if (epw_casecmp(r->fld[i], "Heating") == 0 && heat < 0)
			heat = i;
		else if (epw_casecmp(r->fld[i], "Cooling") == 0 && cool < 0)
			cool = i;
		else if (epw_casecmp(r->fld[i], "Extremes") == 0 && ext < 0)
			ext = i;
	}
	if (heat > 0 && (cool > heat ? cool : nf) - heat - 1 == 15) {
		if (epw_dval(r, heat, 2, "heating", &d->heat_db) != 0 ||
		    epw_dval(r, heat, 3, "heating", &d->heat_db_99) != 0)
			return -1;
	}
	if (cool > 0 && ((ext > cool ? ext : nf) - cool - 1 == 32 ||
	    (ext > cool ? ext : nf) - cool - 1 == 31)) {
		if (epw_dval(r, cool, 1, "cooling", &d->cool_month) != 0 ||
		    epw_dval(r, cool, 2, "cooling", &d->cool_range) != 0 ||
		    epw_dval(r, cool, 3, "cooling", &d->cool_db) != 0 ||
		    epw_dval(r, cool, 4, "cooling", &d->cool_mcwb) != 0 ||
		    epw_dval(r, cool, 5, "cooling", &d->cool_db_1) != 0 ||
		    epw_dval(r, cool, 6, "cooling", &d->cool_mcwb_1) != 0 ||
		    epw_dval(r, cool, 7, "cooling", &d->cool_db_2) != 0 ||
		    epw_dval(r, cool, 8, "cooling", &d->cool_mcwb_2) != 0 ||
		    epw_dval(r, cool, 9, "cooling", &d->evap_wb) != 0 ||
		    epw_dval(r, cool, 10, "cooling", &d->evap_mcdb) != 0 ||
		    epw_dval(r, cool, 11, "cooling", &d->evap_wb_1) != 0 ||
		    epw_dval(r, cool, 12, "cooling", &d->evap_mcdb_1) != 0 ||
		    epw_dval(r, cool, 13, "cooling", &d->evap_wb_2) != 0 ||
		    epw_dval(r, cool, 14, "cooling", &d->evap_mcdb_2) != 0)
			return -1;
	}
	if (ext > 0 && nf - ext - 1 == 16) {
		if (epw_dval(r, ext, 4, "extremes", &d->extreme_max_wb) != 0 ||
		    epw_dval(r, ext, 5, "extremes", &d->extreme_min_db) != 0 ||
		    epw_dval(r, ext, 6, "extremes", &d->extreme_max_db) != 0)
			return -1;
	}
	return 0;
}

/* DATA PERIODS, number of periods, records per hour, name, start weekday, start,
 * end. */
static int
epw_periods(struct epw *r)
{
	double np, rph;

	if (epw_hnum(r, 1, "number of data periods", 1, 1000, &np) != 0 ||
	    epw_hnum(r, 2, "number of records per hour", 1, 60, &rph) != 0)
		return -1;
	if (rph != 1) {
		epw_err(r, r->line, "sub-hourly EPW files are not supported "
		    "(%g records per hour)", rph);
		return -1;
	}
	if (np != 1) {
		epw_err(r, r->line, "only one data period is supported, found %g",
		    np);
		return -1;
	}
	return 0;
}

static int
epw_mdays(int m)
{
	static const int md[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return md[m - 1];
}

/* One variable of a data row.  Missing (>= sentinel) is stored as NaN. */
struct epw_var {
	int		 col;		/* 0-based field */
	const char	*name;
	double		 missing, lo, hi;	/* data dictionary */
};

static const struct epw_var epw_vars[4] = {
	{ 6, "dry-bulb temperature", 99.9, -70, 70 },
	{ 7, "dew-point temperature", 99.9, -70, 70 },
	{ 8, "relative humidity", 999, 0, 110 },
	{ 9, "station pressure", 999999, 31000, 120000 },
};

static int
epw_value(struct epw *r, const struct epw_var *v, double *x)
{
	const char *s = epw_field(r, v->col);

	if (epw_num(s, x) != 0) {
		epw_err(r, r->line, "%s is not a number: '%.40s'", v->name, s);
		return -1;
	}
	if (*x >= v->missing) {
		*x = NAN;
		return 0;
	}
	/* RH above the dictionary's 110 %: clamped (see the top of the file). */
	if (v->col == 8 && *x > v->hi)
		return 1;
	/* The dictionary's bounds are exclusive for temperatures and pressure. */
	if (*x < v->lo || *x > v->hi || ((v->col != 8) && (*x == v->lo ||
	    *x == v->hi))) {
		epw_err(r, r->line, "%s %g out of range (%g..%g)", v->name, *x,
		    v->lo, v->hi);
		return -1;
	}
	return 0;
}

/* Fill NaN runs by straight lines between the valid neighbours, around the ring. */
static int
epw_fill(double *v, size_t n, size_t *filled)
{
	size_t first, prev, i, j, gap, step;

	for (first = 0; first < n && isnan(v[first]); first++)
		;
	if (first == n)
		return -1;
	prev = first;
	for (step = 1; step <= n; step++) {
		i = (first + step) % n;
		if (isnan(v[i]))
			continue;
		gap = (i + n - prev) % n;
		if (gap == 0)
			gap = n;
		for (j = 1; j < gap; j++) {
			v[(prev + j) % n] = v[prev] + (v[i] - v[prev]) *
			    (double)j / (double)gap;
			(*filled)++;
		}
		prev = i;
	}
	return 0;
}

static int
epw_rows(struct epw *r, struct weather *w, long *lineno)
{
	long y, mo, dd, hh, mi, em = 1, ed = 1, eh = 1;
	size_t nrows = 0;
	double x[4];
	int rc, i, year0 = 0, leap = 0;

	while ((rc = epw_getline(r)) > 0) {
		if (epw_blank(r->buf))
			continue;
		epw_split(r);
		if (r->nf != EPW_FIELDS) {
			epw_err(r, r->line, "expected %d fields, found %d",
			    EPW_FIELDS, r->nf);
			return -1;
		}
		if (epw_ifield(r, 0, "year", 0, 9999, &y) != 0 ||
		    epw_ifield(r, 1, "month", 1, 12, &mo) != 0 ||
		    epw_ifield(r, 2, "day", 1, epw_mdays((int)mo) + (mo == 2),
		    &dd) != 0 ||
		    epw_ifield(r, 3, "hour", 1, 24, &hh) != 0 ||
		    epw_ifield(r, 4, "minute", 0, 60, &mi) != 0)
			return -1;
		/* Feb 29 may follow Feb 28 hour 24 in place of Mar 1. */
		if (em == 3 && ed == 1 && eh == 1 && mo == 2 && dd == 29 &&
		    hh == 1) {
			em = 2;
			ed = 29;
			leap = 1;
		}
		if (mo != em || dd != ed || hh != eh) {
			epw_err(r, r->line, "rows out of order: expected %ld/%ld "
			    "hour %ld, found %ld/%ld hour %ld", em, ed, eh, mo, dd,
			    hh);
			return -1;
		}
		if (++eh > 24) {
			eh = 1;
			if (++ed > epw_mdays((int)em)) {
				ed = 1;
				if (++em > 12)
					em = 1;
			}
		}
		for (i = 0; i < 4; i++) {
			int vr = epw_value(r, &epw_vars[i], &x[i]);

			if (vr < 0)
				return -1;
			if (vr > 0 && !(mo == 2 && dd == 29))
				w->n_rh_clamped++;
		}
		if (!isnan(x[0]) && !isnan(x[1]) && x[1] > x[0]) {
			if (x[1] > x[0] + EPW_TDP_SLACK) {
				epw_err(r, r->line, "dew point %g degC is above the "
				    "dry-bulb %g degC", x[1], x[0]);
				return -1;
			}
			if (!(mo == 2 && dd == 29))
				w->n_tdp_capped++;
		}
		if (mo == 2 && dd == 29)
			continue;
		if (nrows < WEATHER_HOURS) {
			w->tdb[nrows] = x[0];
			w->tdp[nrows] = x[1];
			w->rh[nrows] = x[2];
			w->p[nrows] = x[3];
			lineno[nrows] = r->line;
		}
		if (nrows == 0)
			year0 = (int)y;
		else if (y != year0)
			year0 = 0;
		nrows++;
	}
	if (rc < 0)
		return -1;
	if (nrows != WEATHER_HOURS) {
		epw_err(r, r->line, "expected %d hourly rows, found %zu",
		    WEATHER_HOURS, nrows);
		return -1;
	}
	w->year = year0;
	w->leap_dropped = leap;
	return 0;
}

static int
epw_dcmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? 1 : x > y ? -1 : 0;	/* descending */
}

/*
 * The value exceeded in 0.4 % of the hours of v (n hours), and the mean of c over
 * the hours whose v is within EPW_COINCIDENT_K of it.  ASHRAE Handbook -
 * Fundamentals (2017) ch. 14 defines the 0.4 % annual cooling dry-bulb and
 * evaporation wet-bulb as the values exceeded 0.4 % of the hours of the year
 * (35 of 8760) and the mean coincident wet-bulb / dry-bulb as the mean of the
 * other variable at that value; ASHRAE bins many years of data, and one year
 * needs a bin of 1 K (+-0.5 K) to average more than a handful of hours.
 * tmp holds n doubles.  O(n log n).
 */
#define EPW_COINCIDENT_K	0.5
static void
epw_percentile(const double *v, const double *c, size_t n, double *tmp,
    double *val, double *mean)
{
	size_t i, k = (size_t)(0.004 * (double)n), m = 0;
	double sum = 0;

	memcpy(tmp, v, n * sizeof *tmp);
	qsort(tmp, n, sizeof *tmp, epw_dcmp);
	*val = tmp[k < n ? k : n - 1];
	for (i = 0; i < n; i++)
		if (fabs(v[i] - *val) <= EPW_COINCIDENT_K) {
			sum += c[i];
			m++;
		}
	*mean = m > 0 ? sum / (double)m : NAN;
}

/* Derive the 0.4 % cooling and evaporation design conditions from the hours when
 * the file gives none; 0, or -1 when out of memory. */
static int
epw_derive_design(struct weather *w)
{
	struct design_conditions *d = &w->design;
	double *tmp;

	if (!isnan(d->cool_db) && !isnan(d->cool_mcwb) && !isnan(d->evap_wb) &&
	    !isnan(d->evap_mcdb))
		return 0;
	if ((tmp = malloc(w->n * sizeof *tmp)) == NULL)
		return -1;
	epw_percentile(w->tdb, w->twb, w->n, tmp, &d->cool_db, &d->cool_mcwb);
	epw_percentile(w->twb, w->tdb, w->n, tmp, &d->evap_wb, &d->evap_mcdb);
	free(tmp);
	w->design_derived = 1;
	snprintf(w->design_source, sizeof w->design_source,
	    "derived from the hourly data");
	return 0;
}

static int
epw_finish(struct epw *r, struct weather *w, const long *lineno)
{
	double *col[4] = { w->tdb, w->tdp, w->rh, w->p };
	size_t k;
	int i;

	for (i = 0; i < 4; i++) {
		if (epw_fill(col[i], w->n, &w->n_filled) != 0) {
			epw_err(r, lineno[0], "%s is missing in every row",
			    epw_vars[i].name);
			return -1;
		}
	}
	for (k = 0; k < w->n; k++) {
		w->rh[k] = fmin(w->rh[k] / 100.0, 1.0);
		if (weather_derive_hour(w, k) != 0) {
			epw_err(r, lineno[k], "no moist-air state for dry-bulb %g, "
			    "dew point %g, pressure %g", w->tdb[k], w->tdp[k],
			    w->p[k]);
			return -1;
		}
	}
	if (epw_derive_design(w) != 0) {
		epw_err(r, 0, "out of memory");
		return -1;
	}
	return 0;
}

int
epw_read_fp(FILE *fp, const char *path, struct weather *w, char *err,
    size_t errlen)
{
	struct epw r;
	long *lineno = NULL;
	int rc = -1;

	memset(w, 0, sizeof *w);
	weather_design_init(&w->design);
	w->latitude = w->longitude = w->elevation = w->tz_hours = NAN;
	memset(&r, 0, sizeof r);
	r.f = fp;
	r.path = path;
	r.err = err;
	r.errlen = errlen;
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (weather_alloc(w, WEATHER_HOURS) != 0 ||
	    (lineno = calloc(WEATHER_HOURS, sizeof *lineno)) == NULL) {
		epw_err(&r, 0, "out of memory");
		goto out;
	}
	if (epw_header(&r, "LOCATION", NULL) != 0 || epw_location(&r, w) != 0 ||
	    epw_header(&r, "DESIGN CONDITIONS", NULL) != 0 ||
	    epw_design(&r, w) != 0 ||
	    epw_header(&r, "TYPICAL/EXTREME PERIODS", NULL) != 0 ||
	    epw_header(&r, "GROUND TEMPERATURES", NULL) != 0 ||
	    epw_header(&r, "HOLIDAYS/DAYLIGHT SAVINGS",
	    "HOLIDAYS/DAYLIGHT SAVING") != 0 ||
	    epw_header(&r, "COMMENTS 1", NULL) != 0 ||
	    epw_header(&r, "COMMENTS 2", NULL) != 0 ||
	    epw_header(&r, "DATA PERIODS", NULL) != 0 || epw_periods(&r) != 0)
		goto out;
	if (epw_rows(&r, w, lineno) != 0 || epw_finish(&r, w, lineno) != 0)
		goto out;
	snprintf(w->source, sizeof w->source, "%s", path);
	rc = 0;
out:
	if (rc != 0) {
		weather_release(w);
		w->n_filled = 0;
	}
	free(lineno);
	free(r.buf);
	return rc;
}

int
epw_read(const char *path, struct weather *w, char *err, size_t errlen)
{
	FILE *fp;
	int rc;

	if ((fp = fopen(path, "r")) == NULL) {
		memset(w, 0, sizeof *w);
		weather_design_init(&w->design);
		w->latitude = w->longitude = w->elevation = w->tz_hours = NAN;
		if (err != NULL && errlen > 0)
			snprintf(err, errlen, "%s: cannot open: %s", path,
			    strerror(errno));
		return -1;
	}
	rc = epw_read_fp(fp, path, w, err, errlen);
	fclose(fp);
	return rc;
}
