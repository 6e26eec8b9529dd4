/*
 * plot_axis.c - tick values, date ticks, colour maps and the small parsers of the
 * plotting module (see plot.h).  No drawing here, so the tests reach it directly.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "plot.h"

int
plot_fmt_from_path(const char *path, enum plot_fmt *f)
{
	const char *dot = path != NULL ? strrchr(path, '.') : NULL;

	if (dot == NULL || strchr(dot, '/') != NULL)
		return -1;
	if (strcasecmp(dot, ".png") == 0)
		*f = PLOT_PNG;
	else if (strcasecmp(dot, ".svg") == 0)
		*f = PLOT_SVG;
	else if (strcasecmp(dot, ".pdf") == 0)
		*f = PLOT_PDF;
	else
		return -1;
	return 0;
}

int
plot_parse_size(const char *s, int *w, int *h, char *err, size_t errlen)
{
	long	a, b;
	char	*end;
	const char *p = s;

	if (p == NULL || !isdigit((unsigned char)*p))
		goto bad;
	errno = 0;
	a = strtol(p, &end, 10);
	if (errno != 0 || (*end != 'x' && *end != 'X'))
		goto bad;
	p = end + 1;
	if (!isdigit((unsigned char)*p))
		goto bad;
	b = strtol(p, &end, 10);
	if (errno != 0 || *end != '\0')
		goto bad;
	if (a < 200 || a > 8000 || b < 200 || b > 8000) {
		snprintf(err, errlen, "plot size '%s' is out of range: width and height "
		    "must each be 200 to 8000", s);
		return -1;
	}
	*w = (int)a;
	*h = (int)b;
	return 0;
bad:
	snprintf(err, errlen, "not a plot size: '%s' (expected WIDTHxHEIGHT, e.g. "
	    "1200x700)", s != NULL ? s : "");
	return -1;
}

/* The nice number closest to x (round) or not below it (ceiling), after Heckbert. */
static double
nice_num(double x, int round_it)
{
	double	e = floor(log10(x)), f = x / pow(10, e), nf, eps = 1e-9;

	/* eps: 0.3 / 6 is 0.05000000000000001 in binary and should step by 0.05 */
	if (round_it)
		nf = f < 1.5 ? 1 : f < 2.25 ? 2 : f < 3.5 ? 2.5 : f < 7.5 ? 5 : 10;
	else
		nf = f <= 1 + eps ? 1 : f <= 2 + eps ? 2 : f <= 2.5 + eps ? 2.5 :
		    f <= 5 + eps ? 5 : 10;
	return nf * pow(10, e);
}

int
plot_ticks(double lo, double hi, int want, double *ticks, int max, double *step)
{
	double	d, t0;
	int	n = 0, i;

	if (!isfinite(lo) || !isfinite(hi) || max <= 0)
		return 0;
	if (hi < lo) {
		d = lo;
		lo = hi;
		hi = d;
	}
	if (hi - lo < 1e-12 * fmax(1, fabs(hi))) {
		lo -= fmax(0.5, fabs(lo) * 0.1);
		hi += fmax(0.5, fabs(hi) * 0.1);
	}
	if (want < 1)
		want = 1;
	d = nice_num((hi - lo) / want, 0);
	t0 = floor(lo / d + 1e-9) * d;
	for (i = 0; n < max; i++) {
		double	t = t0 + i * d;

		if (fabs(t) < d * 1e-9)
			t = 0;
		ticks[n++] = t;
		if (t >= hi - d * 1e-9)
			break;
	}
	if (step != NULL)
		*step = d;
	return n;
}

int
plot_date_ticks(double lo, double hi, int want, double *ticks, int max, char *unit)
{
	static const int days[] = { 1, 2, 7, 14 };
	static const int months[] = { 1, 2, 3, 6 };
	static const int years[] = { 1, 2, 5, 10, 20, 50 };
	int	a = (int)ceil(lo - 1e-9), b = (int)floor(hi + 1e-9), n = 0, k, y, d;
	int	y0, m0;

	if (!isfinite(lo) || !isfinite(hi) || hi < lo || max <= 0)
		return 0;
	if (want < 1)
		want = 1;
	for (k = 0; k < 4; k++) {
		int	st = days[k], first = a;

		/* weeks start on a Monday (1970-01-05 was one) */
		if (st >= 7)
			first = a + (((4 - a) % st) + st) % st;
		if ((b - first) / st + 1 > want)
			continue;
		for (d = first; d <= b && n < max; d += st)
			ticks[n++] = d;
		*unit = 'd';
		return n;
	}
	date_to_ymd(a, &y0, &m0, &d);
	for (k = 0; k < 4; k++) {
		/* months counted from year 0; the first tick on a first of the month */
		int	st = months[k], cnt = 0, mm, mf = y0 * 12 + m0 - 1 + (d > 1);

		mf = (mf + st - 1) / st * st;
		for (mm = mf; date_from_ymd(mm / 12, mm % 12 + 1, 1) <= b; mm += st)
			cnt++;
		if (cnt > want)
			continue;
		for (mm = mf; date_from_ymd(mm / 12, mm % 12 + 1, 1) <= b && n < max;
		    mm += st)
			ticks[n++] = date_from_ymd(mm / 12, mm % 12 + 1, 1);
		*unit = 'm';
		return n;
	}
	for (k = 0; k < 6; k++) {
		int	st = years[k], cnt = 0;
		int	yf = (y0 + (m0 > 1 || d > 1) + st - 1) / st * st;

		for (y = yf; date_from_ymd(y, 1, 1) <= b; y += st)
			cnt++;
		if (cnt > want && k < 5)
			continue;
		for (y = yf; date_from_ymd(y, 1, 1) <= b && n < max; y += st)
			ticks[n++] = date_from_ymd(y, 1, 1);
		*unit = 'y';
		return n;
	}
	return n;
}

/* Paul Tol, "Colour Schemes" (SRON/EPS/TN/09-002, 2021): YlOrBr (sequential) and
 * BuRd (diverging), nine colours each.  The diverging map runs red (low) to blue
 * (high) through white, so a deficit reads red. */
static const unsigned ylorbr[9] = {
	0xFFFFE5, 0xFFF7BC, 0xFEE391, 0xFEC44F, 0xFB9A29, 0xEC7014, 0xCC4C02, 0x993404,
	0x662506
};
static const unsigned rdbu[9] = {
	0xB2182B, 0xD6604D, 0xF4A582, 0xFDDBC7, 0xF7F7F7, 0xD1E5F0, 0x92C5DE, 0x4393C3,
	0x2166AC
};

void
plot_cmap_rgb(enum plot_cmap m, double t, double rgb[3])
{
	const unsigned *c = m == PCM_DIVERGING ? rdbu : ylorbr;
	double	u;
	int	i, k;

	if (!(t >= 0))
		t = 0;
	if (t > 1)
		t = 1;
	u = t * 8;
	i = (int)floor(u);
	if (i > 7)
		i = 7;
	u -= i;
	for (k = 0; k < 3; k++) {
		int	sh = 16 - 8 * k;
		double	a = ((c[i] >> sh) & 0xFF) / 255.0, b = ((c[i + 1] >> sh) & 0xFF) /
		    255.0;

		rgb[k] = a + (b - a) * u;
	}
}

const char *
plot_power_unit(double max_mw, double *mul)
{
	if (max_mw < 1) {
		*mul = 1000;
		return "kW";
	}
	*mul = 1;
	return "MW";
}
