/*
 * sweep_cases.c - the cases of a dcplan sweep and the site of each (see
 * sweep_cases.h).
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "dclimits.h"
#include "diag.h"
#include "library.h"
#include "plant.h"
#include "site_load.h"
#include "site_weather.h"
#include "sweep_cases.h"
#include "units.h"

/* Weather years kept between batches beyond those the batch uses. */
#define SWEEP_WX_SPARE	4

/* ---- values ---- */

/* The keys that are temperature differences (dcplan-site(5): the keys of type
 * dtemp): a value in K or degF there is a difference, not a temperature. */
static int
path_is_dtemp(const char *path)
{
	static const char *const keys[] = { "delta_t", "hx_approach", "approach" };
	const char *leaf = strrchr(path, '.');
	size_t	i, n;

	leaf = leaf != NULL ? leaf + 1 : path;
	n = strcspn(leaf, "[");
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strlen(keys[i]) == n && strncmp(leaf, keys[i], n) == 0)
			return 1;
	return 0;
}

/* A typed value's kind: a unit kind, or one of these. */
enum { TK_NUMBER = -1, TK_OTHER = -2 };

/* The SI value of a typed value: a plain number (*kind TK_NUMBER), or a
 * quantity in the first unit kind that reads it (a temperature difference
 * before a temperature when dtemp); NaN for dates and other text (TK_OTHER). */
static double
typed_si(const char *v, int dtemp, int *kind)
{
	static const enum unit_kind kinds[] = {
		U_POWER, U_APPARENT, U_ENERGY, U_TEMP, U_DTEMP, U_FLOW, U_VOLUME,
		U_TIME, U_FRACTION, U_RATIO, U_LENGTH, U_ANGLE, U_PRESSURE, U_RATE,
		U_HEAT_RATE, U_EF_FUEL, U_EF_ELEC, U_MASS, U_LOSS_PER_K, U_FREQ,
		U_RAMP
	};
	char	err[256], *end;
	double	x;
	int	day;
	size_t	i;

	*kind = TK_OTHER;
	while (isspace((unsigned char)*v))
		v++;
	if (*v == '\0' || date_parse(v, &day, err, sizeof err) == 0)
		return NAN;
	errno = 0;
	x = strtod(v, &end);
	while (isspace((unsigned char)*end))
		end++;
	if (end != v && *end == '\0' && errno == 0 && isfinite(x)) {
		*kind = TK_NUMBER;
		return x;
	}
	if (end == v)
		return NAN;
	if (dtemp && units_parse(v, U_DTEMP, &x, err, sizeof err) == 0) {
		*kind = U_DTEMP;
		return x;
	}
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (units_parse(v, kinds[i], &x, err, sizeof err) == 0) {
			*kind = (int)kinds[i];
			return x;
		}
	return NAN;
}

/*
 * The one unit each kind of quantity has in CSV and JSON (dcplan-json(5)
 * "Units": power MW, apparent power MVA, energy MWh, temperature degC and its
 * differences K, flows m3/h, volumes m3, mass t, pressure Pa, time s,
 * fractions %; the kinds it does not name in the unit of the other commands'
 * columns: kJ/kWh, MW/s, Hz), and the value in it = SI * mul / div.
 */
static const struct {
	int	kind;
	const char *unit;
	double	mul, div;
} json_units[] = {
	{ U_POWER, "MW", 1, 1e6 },
	{ U_APPARENT, "MVA", 1, 1e6 },
	{ U_ENERGY, "MWh", 1, 3.6e9 },
	{ U_TEMP, "degC", 1, 1 },
	{ U_DTEMP, "K", 1, 1 },
	{ U_FLOW, "m3/h", 3600, 1 },
	{ U_VOLUME, "m3", 1, 1 },
	{ U_TIME, "s", 1, 1 },
	{ U_FRACTION, "%", 100, 1 },
	{ U_LENGTH, "m", 1, 1 },
	{ U_ANGLE, "deg", 1, 1 },
	{ U_PRESSURE, "Pa", 1, 1 },
	{ U_RATE, "/h", 3600, 1 },
	{ U_HEAT_RATE, "kJ/kWh", 3600, 1 },	/* J/J: 1 kJ/kWh = 1/3600 */
	{ U_EF_FUEL, "kg/GJ", 1e9, 1 },
	{ U_EF_ELEC, "kg/MWh", 3.6e9, 1 },
	{ U_MASS, "t", 1, 1e3 },
	{ U_LOSS_PER_K, "%/K", 100, 1 },
	{ U_FREQ, "Hz", 1, 1 },
	{ U_RAMP, "MW/s", 1, 1e6 },
};

/* Axis a's unit and numbers (sweep_axis.unit, .value): the values given are
 * quantities of one kind, or plain numbers, or neither. */
static int
axis_units(struct sweep_axis *a)
{
	int	kind = TK_OTHER, k, dt = path_is_dtemp(a->path), first = 1;
	double	mul = NAN, div = 1, x;
	size_t	i;

	a->unit = NULL;
	if ((a->value = calloc(a->n ? a->n : 1, sizeof *a->value)) == NULL)
		return -1;
	for (i = 0; i < a->n; i++) {
		if (a->typed[i] == NULL)
			continue;
		(void)typed_si(a->typed[i], dt, &k);
		if (first)
			kind = k;
		else if (k != kind)
			kind = TK_OTHER;
		first = 0;
	}
	if (kind == TK_NUMBER)
		mul = 1;
	for (i = 0; i < sizeof json_units / sizeof json_units[0]; i++)
		if (json_units[i].kind == kind) {
			a->unit = json_units[i].unit;
			mul = json_units[i].mul;
			div = json_units[i].div;
		}
	for (i = 0; i < a->n; i++) {
		x = a->typed[i] != NULL ? a->si[i] * mul / div : NAN;
		a->value[i] = isfinite(x) ? x : NAN;
	}
	return 0;
}

static int
axes_units(struct sweep_spec *sp, struct diags *d)
{
	size_t	i;

	for (i = 0; i < sp->naxes; i++)
		if (axis_units(&sp->axes[i]) != 0) {
			diags_add(d, sp->src, 0, 0, "out of memory");
			return -1;
		}
	return 0;
}

static int
axis_add(struct sweep_axis *a, const char *v, size_t len, int line, int col)
{
	char	**t;
	double	*si;
	int	*vl, *vc;
	size_t	n = a->n + 1;

	if ((t = realloc(a->typed, n * sizeof *t)) != NULL)
		a->typed = t;
	if ((si = realloc(a->si, n * sizeof *si)) != NULL)
		a->si = si;
	if ((vl = realloc(a->vline, n * sizeof *vl)) != NULL)
		a->vline = vl;
	if ((vc = realloc(a->vcol, n * sizeof *vc)) != NULL)
		a->vcol = vc;
	if (t == NULL || si == NULL || vl == NULL || vc == NULL)
		return -1;
	if (v == NULL)
		a->typed[a->n] = NULL;
	else if ((a->typed[a->n] = strndup(v, len)) == NULL)
		return -1;
	if (v != NULL) {
		int	kind;

		a->si[a->n] = typed_si(a->typed[a->n], path_is_dtemp(a->path), &kind);
	} else
		a->si[a->n] = NAN;
	a->vline[a->n] = line;
	a->vcol[a->n] = col;
	a->n = n;
	return 0;
}

static void
axis_release(struct sweep_axis *a)
{
	size_t	i;

	for (i = 0; i < a->n; i++)
		free(a->typed[i]);
	free(a->typed);
	free(a->si);
	free(a->value);
	free(a->vline);
	free(a->vcol);
	free(a->vclass);
	free(a->path);
	memset(a, 0, sizeof *a);
}

/* Offsets of the top-level occurrences of c in s[0..len): outside quotes,
 * brackets and braces. */
static size_t
top_level(const char *s, size_t len, char c, size_t *at, size_t max)
{
	size_t	i, n = 0;
	int	depth = 0;
	char	q = 0;

	for (i = 0; i < len; i++) {
		char	ch = s[i];

		if (q) {
			if (ch == q)
				q = 0;
			continue;
		}
		if (ch == '\'' || ch == '"')
			q = ch;
		else if (ch == '[' || ch == '{')
			depth++;
		else if ((ch == ']' || ch == '}') && depth > 0)
			depth--;
		else if (ch == c && depth == 0) {
			if (n < max)
				at[n] = i;
			n++;
		}
	}
	return n;
}

/* s[*b..*e) without surrounding spaces */
static void
trim(const char *s, size_t *b, size_t *e)
{
	while (*b < *e && isspace((unsigned char)s[*b]))
		(*b)++;
	while (*e > *b && isspace((unsigned char)s[*e - 1]))
		(*e)--;
}

/* A number and its unit ("50 MW", "50", "0.5 %"). */
static int
num_unit(const char *s, size_t len, double *x, char *unit, size_t ulen)
{
	char	buf[128], *end;
	size_t	b = 0, e;

	if (len >= sizeof buf)
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	errno = 0;
	*x = strtod(buf, &end);
	if (end == buf || errno != 0 || !isfinite(*x))
		return -1;
	b = (size_t)(end - buf);
	e = len;
	trim(buf, &b, &e);
	if (e - b >= ulen)
		return -1;
	memcpy(unit, buf + b, e - b);
	unit[e - b] = '\0';
	return 0;
}

static int
is_whole(double x)
{
	return fabs(x) < 1e15 && x == floor(x);
}

/*
 * A range "A:B:STEP" at s[0..len) (col: 1-based column of s[0]).  Numbers take
 * one unit, written on STEP alone or on every part; dates step by whole days.
 * The count is floor((B - A) / STEP + 1e-9) + 1, so that 0:0.3:0.1 has its
 * four values despite binary rounding, and the values are A + i STEP (never a
 * running sum), the last clamped to B when it is within 1e-9 STEP past it.
 */
static int
add_range(struct sweep_axis *a, const char *s, size_t len, const size_t *colon,
    const char *src, int line, int col, struct diags *d)
{
	size_t	pb[3], pe[3], i, n;
	char	part[3][128], unit[3][64], err[256], v[192];
	double	x[3], steps;
	int	k, day[3], dates = 1;
	const char *u = "";

	pb[0] = 0;
	pe[0] = colon[0];
	pb[1] = colon[0] + 1;
	pe[1] = colon[1];
	pb[2] = colon[1] + 1;
	pe[2] = len;
	for (k = 0; k < 3; k++) {
		trim(s, &pb[k], &pe[k]);
		if (pe[k] == pb[k] || pe[k] - pb[k] >= sizeof part[k]) {
			diags_add(d, src, line, col + (int)pb[k], "range A:B:STEP: "
			    "part %d is %s", k + 1, pe[k] == pb[k] ? "empty" :
			    "too long");
			return -1;
		}
		memcpy(part[k], s + pb[k], pe[k] - pb[k]);
		part[k][pe[k] - pb[k]] = '\0';
	}
	for (k = 0; k < 2; k++)
		if (date_parse(part[k], &day[k], err, sizeof err) != 0)
			dates = 0;
	if (dates) {
		double	sec;
		int	step;

		if (units_parse(part[2], U_TIME, &sec, err, sizeof err) != 0) {
			diags_add(d, src, line, col + (int)pb[2], "the step of a date "
			    "range: %s", err);
			return -1;
		}
		if (!(sec >= 86400) || fmod(sec, 86400) > 1e-6 * 86400) {
			diags_add(d, src, line, col + (int)pb[2], "the step of a date "
			    "range must be a whole number of days, not '%s'", part[2]);
			return -1;
		}
		step = (int)llround(sec / 86400);
		if (day[1] < day[0]) {
			diags_add(d, src, line, col + (int)pb[1], "range: the end %s "
			    "is before the start %s", part[1], part[0]);
			return -1;
		}
		n = (size_t)((day[1] - day[0]) / step) + 1;
		for (i = 0; i < n; i++) {
			char	db[11];

			date_format(day[0] + (int)i * step, db);
			if (axis_add(a, db, strlen(db), line, col) != 0)
				goto oom;
		}
		return 0;
	}
	for (k = 0; k < 3; k++) {
		if (num_unit(part[k], strlen(part[k]), &x[k], unit[k],
		    sizeof unit[k]) != 0) {
			diags_add(d, src, line, col + (int)pb[k], "range A:B:STEP: "
			    "'%s' is not a number%s", part[k], k < 2 ? " nor a date" : "");
			return -1;
		}
		if (unit[k][0] != '\0') {
			if (*u != '\0' && strcmp(u, unit[k]) != 0) {
				diags_add(d, src, line, col + (int)pb[k], "range A:B:STEP: "
				    "one unit for all three parts, not '%s' and '%s' (write "
				    "50:150:25 MW)", u, unit[k]);
				return -1;
			}
			u = unit[k];
		}
	}
	if (!(x[2] > 0)) {
		diags_add(d, src, line, col + (int)pb[2], "range A:B:STEP: the step "
		    "must be above 0, not '%s'", part[2]);
		return -1;
	}
	if (x[1] < x[0]) {
		diags_add(d, src, line, col + (int)pb[1], "range: the end %s is below "
		    "the start %s", part[1], part[0]);
		return -1;
	}
	steps = floor((x[1] - x[0]) / x[2] + 1e-9);
	if (steps + 1 > DC_MAX_SWEEP_CASES) {
		diags_add(d, src, line, col, "range: %.0f values, more than the %d "
		    "cases a sweep may run", steps + 1, DC_MAX_SWEEP_CASES);
		return -1;
	}
	n = (size_t)steps + 1;
	for (i = 0; i < n; i++) {
		double	y = x[0] + (double)i * x[2];
		int	m;

		if (y > x[1] && y - x[1] <= 1e-9 * x[2])
			y = x[1];
		if (*u == '\0' && is_whole(x[0]) && is_whole(x[2]))
			m = snprintf(v, sizeof v, "%.0f", y);
		else
			m = snprintf(v, sizeof v, "%.15g%s%s", y, *u ? " " : "", u);
		if (axis_add(a, v, (size_t)m, line, col) != 0)
			goto oom;
	}
	return 0;
oom:
	diags_add(d, src, line, col, "out of memory");
	return -1;
}

/* One --vary argument "PATH=VALUES" (ordinal: 1-based). */
static int
parse_vary(struct sweep_axis *a, const char *arg, int ord, struct diags *d)
{
	const char *eq = strchr(arg, '='), *vals;
	size_t	len, ncomma, ncolon, *at, i, start;
	size_t	colon[2];
	int	rc = 0;

	a->ordinal = ord;
	a->line = ord;
	a->col = 1;
	if (eq == NULL || eq == arg) {
		diags_add(d, "--vary", ord, 1, "expected PATH=V1,V2,... or "
		    "PATH=A:B:STEP, not '%s'", arg);
		return -1;
	}
	if ((a->path = strndup(arg, (size_t)(eq - arg))) == NULL)
		goto oom;
	vals = eq + 1;
	len = strlen(vals);
	start = (size_t)(vals - arg);
	ncomma = top_level(vals, len, ',', NULL, 0);
	if ((at = calloc(ncomma + 1, sizeof *at)) == NULL)
		goto oom;
	top_level(vals, len, ',', at, ncomma);
	ncolon = ncomma == 0 ? top_level(vals, len, ':', colon, 2) : 0;
	if (ncomma == 0 && ncolon == 2) {
		rc = add_range(a, vals, len, colon, "--vary", ord, (int)start + 1, d);
		free(at);
		return rc;
	}
	at[ncomma] = len;
	for (i = 0; i <= ncomma; i++) {
		size_t	b = i == 0 ? 0 : at[i - 1] + 1, e = at[i];

		trim(vals, &b, &e);
		if (e == b) {
			diags_add(d, "--vary", ord, (int)(start + b) + 1, "empty value in "
			    "the list (values are separated by commas)");
			rc = -1;
			break;
		}
		if (axis_add(a, vals + b, e - b, ord, (int)(start + b) + 1) != 0) {
			free(at);
			goto oom;
		}
	}
	free(at);
	return rc;
oom:
	diags_add(d, "--vary", ord, 1, "out of memory");
	return -1;
}

/* The number of cases, or -1 past the limit (diagnosed). */
static int
count_cases(struct sweep_spec *sp, struct diags *d)
{
	size_t	i, n = 1;

	if (sp->zip) {
		for (i = 1; i < sp->naxes; i++)
			if (sp->axes[i].n != sp->axes[0].n) {
				diags_add(d, sp->src, sp->axes[i].line, sp->axes[i].col,
				    "--zip pairs the values: %zu of them here, %zu in "
				    "--vary %d", sp->axes[i].n, sp->axes[0].n,
				    sp->axes[0].ordinal);
				return -1;
			}
		n = sp->naxes ? sp->axes[0].n : 0;
	} else
		for (i = 0; i < sp->naxes; i++) {
			if (sp->axes[i].n > DC_MAX_SWEEP_CASES / n) {
				diags_add(d, sp->src, sp->axes[i].line, sp->axes[i].col,
				    "more than the %d cases a sweep may run (the product "
				    "of the values of every --vary)", DC_MAX_SWEEP_CASES);
				return -1;
			}
			n *= sp->axes[i].n;
		}
	if (n > DC_MAX_SWEEP_CASES) {
		diags_add(d, sp->src, 1, 1, "%zu cases, more than the %d a sweep may "
		    "run", n, DC_MAX_SWEEP_CASES);
		return -1;
	}
	sp->ncases = n;
	return 0;
}

/* The same path on two axes would make one of them do nothing. */
static int
check_dups(const struct sweep_spec *sp, struct diags *d)
{
	size_t	i, j;

	for (i = 0; i < sp->naxes; i++)
		for (j = 0; j < i; j++)
			if (strcmp(sp->axes[i].path, sp->axes[j].path) == 0) {
				diags_add(d, sp->src, sp->axes[i].line, sp->axes[i].col,
				    "'%s' is varied twice (first at %d:%d)",
				    sp->axes[i].path, sp->axes[j].line, sp->axes[j].col);
				return -1;
			}
	return 0;
}

int
sweep_spec_vary(struct sweep_spec *sp, const char *const *args, size_t n, int zip,
    struct diags *d)
{
	size_t	i;
	int	bad = 0;

	memset(sp, 0, sizeof *sp);
	sp->src = "--vary";
	sp->zip = zip;
	if ((sp->axes = calloc(n ? n : 1, sizeof *sp->axes)) == NULL) {
		diags_add(d, "--vary", 0, 0, "out of memory");
		return -1;
	}
	for (i = 0; i < n; i++) {
		sp->naxes++;
		if (parse_vary(&sp->axes[i], args[i], (int)i + 1, d) != 0)
			bad = 1;
	}
	if (bad || check_dups(sp, d) != 0 || count_cases(sp, d) != 0 ||
	    axes_units(sp, d) != 0)
		return -1;
	return 0;
}

/* ---- cases files (RFC 4180) ---- */

struct csvp {
	const char *s;
	size_t	len, i;
	int	line, col;	/* of s[i] */
	const char *path;
	struct diags *d;
};

static void
adv(struct csvp *p)
{
	if (p->s[p->i] == '\n') {
		p->line++;
		p->col = 1;
	} else
		p->col++;
	p->i++;
}

/* The next field into *out (malloc'd), its position; *eol: the record ended.
 * 0, 1 at the end of the text, -1 malformed. */
static int
csv_next(struct csvp *p, char **out, int *line, int *col, int *eol)
{
	size_t	cap = 64, n = 0;
	char	*b;

	*line = p->line;
	*col = p->col;
	*eol = 0;
	if ((b = malloc(cap)) == NULL)
		return -1;
	if (p->i < p->len && p->s[p->i] == '"') {
		adv(p);
		for (;;) {
			if (p->i >= p->len) {
				diags_add(p->d, p->path, *line, *col, "unterminated "
				    "quoted field");
				free(b);
				return -1;
			}
			if (p->s[p->i] == '"') {
				if (p->i + 1 < p->len && p->s[p->i + 1] == '"') {
					adv(p);
				} else {
					adv(p);
					break;
				}
			}
			if (n + 2 > cap) {
				char	*nb = realloc(b, cap *= 2);

				if (nb == NULL) {
					free(b);
					return -1;
				}
				b = nb;
			}
			b[n++] = p->s[p->i];
			adv(p);
		}
		if (p->i < p->len && p->s[p->i] != ',' && p->s[p->i] != '\n' &&
		    p->s[p->i] != '\r') {
			diags_add(p->d, p->path, p->line, p->col, "text after the "
			    "closing quote of a field (a quote inside a field is "
			    "written \"\")");
			free(b);
			return -1;
		}
	} else {
		while (p->i < p->len && p->s[p->i] != ',' && p->s[p->i] != '\n' &&
		    p->s[p->i] != '\r') {
			if (p->s[p->i] == '"') {
				diags_add(p->d, p->path, p->line, p->col, "a quote inside "
				    "an unquoted field (quote the whole field)");
				free(b);
				return -1;
			}
			if (n + 2 > cap) {
				char	*nb = realloc(b, cap *= 2);

				if (nb == NULL) {
					free(b);
					return -1;
				}
				b = nb;
			}
			b[n++] = p->s[p->i];
			adv(p);
		}
	}
	b[n] = '\0';
	*out = b;
	if (p->i >= p->len) {
		*eol = 1;
		return 0;
	}
	if (p->s[p->i] == ',') {
		adv(p);
		return 0;
	}
	if (p->s[p->i] == '\r')
		adv(p);
	if (p->i < p->len && p->s[p->i] == '\n')
		adv(p);
	*eol = 1;
	return 0;
}

static int
read_file(const char *path, char **out, size_t *len)
{
	FILE	*fp = fopen(path, "rb");
	char	*b = NULL, *nb;
	size_t	n = 0, cap = 0, got;

	if (fp == NULL)
		return -1;
	do {
		if (n + 65536 + 1 > cap) {
			if ((nb = realloc(b, cap = n + 2 * 65536 + 1)) == NULL) {
				free(b);
				fclose(fp);
				errno = ENOMEM;
				return -1;
			}
			b = nb;
		}
		got = fread(b + n, 1, 65536, fp);
		n += got;
	} while (got == 65536);
	if (ferror(fp)) {
		free(b);
		fclose(fp);
		return -1;
	}
	fclose(fp);
	b[n] = '\0';
	*out = b;
	*len = n;
	return 0;
}

int
sweep_spec_cases(struct sweep_spec *sp, const char *path, struct diags *d)
{
	struct csvp p;
	char	*text, *f;
	size_t	len, k, row = 0;
	int	line, col, eol, rc = -1;

	memset(sp, 0, sizeof *sp);
	sp->src = path;
	sp->zip = 1;
	if (read_file(path, &text, &len) != 0) {
		diags_add(d, path, 0, 0, "cannot read: %s", strerror(errno));
		return -2;
	}
	if (memchr(text, '\0', len) != NULL) {
		diags_add(d, path, 0, 0, "not a text file (a NUL byte)");
		free(text);
		return -1;
	}
	memset(&p, 0, sizeof p);
	p.s = text;
	p.len = len;
	p.line = p.col = 1;
	p.path = path;
	p.d = d;
	/* the header: one --set path a column */
	do {
		struct sweep_axis *a;

		if (csv_next(&p, &f, &line, &col, &eol) != 0)
			goto out;
		if ((a = realloc(sp->axes, (sp->naxes + 1) * sizeof *a)) == NULL) {
			free(f);
			goto oom;
		}
		sp->axes = a;
		a = &sp->axes[sp->naxes++];
		memset(a, 0, sizeof *a);
		a->path = f;
		a->line = line;
		a->col = col;
		if (*f == '\0') {
			diags_add(d, path, line, col, "empty column name: the header "
			    "names a --set path in each column");
			goto out;
		}
		if (strchr(f, '=') != NULL) {
			diags_add(d, path, line, col, "a column name is a --set path "
			    "without '=' ('%s')", f);
			goto out;
		}
	} while (!eol);
	if (check_dups(sp, d) != 0)
		goto out;
	/* the cases */
	while (p.i < p.len) {
		int	rline = p.line;

		if (p.s[p.i] == '\n' || (p.s[p.i] == '\r' && p.i + 1 < p.len &&
		    p.s[p.i + 1] == '\n')) {
			/* a blank line is no case */
			if (p.s[p.i] == '\r')
				adv(&p);
			adv(&p);
			continue;
		}
		row++;
		for (k = 0; ; k++) {
			if (csv_next(&p, &f, &line, &col, &eol) != 0)
				goto out;
			if (k >= sp->naxes) {
				diags_add(d, path, line, col, "case %zu has more fields "
				    "than the header's %zu", row, sp->naxes);
				free(f);
				goto out;
			}
			if (axis_add(&sp->axes[k], *f ? f : NULL, strlen(f), line, col)
			    != 0) {
				free(f);
				goto oom;
			}
			free(f);
			if (eol)
				break;
		}
		if (k + 1 < sp->naxes) {
			diags_add(d, path, rline, 1, "case %zu has %zu field%s, the header "
			    "%zu", row, k + 1, k == 0 ? "" : "s", sp->naxes);
			goto out;
		}
		if (row > DC_MAX_SWEEP_CASES) {
			diags_add(d, path, rline, 1, "more than the %d cases a sweep may "
			    "run", DC_MAX_SWEEP_CASES);
			goto out;
		}
	}
	if (row == 0) {
		diags_add(d, path, p.line, 1, "no cases: a header line and one line a "
		    "case");
		goto out;
	}
	sp->ncases = row;
	if (axes_units(sp, d) != 0)
		goto out;
	rc = 0;
	goto out;
oom:
	diags_add(d, path, 0, 0, "out of memory");
out:
	free(text);
	return rc;
}

void
sweep_spec_release(struct sweep_spec *sp)
{
	size_t	i;

	for (i = 0; i < sp->naxes; i++)
		axis_release(&sp->axes[i]);
	free(sp->axes);
	memset(sp, 0, sizeof *sp);
}

/* ---- plant groups ---- */

/* Site keys plant_eval never reads (src/engine/plant.c reads cooling, it and
 * power.chain; the site's location and climate reach it as the air, which is
 * in the memo's key, but they stay plant keys here to be safe). */
static const char *const plant_free[] = { "power.grid", "power.generators",
    "power.batteries", "power.dispatch", "targets", "economics", "risk",
    "swings" };

/* The first four: the supply, read by the plan's year through the dispatch's
 * inputs and the priced feeds' capacities, day by day (sim.c fingerprints
 * them). */
#define SUPPLY_PATHS	4

static int
under(const char *path, const char *prefix)
{
	size_t	n = strlen(prefix);

	return strncmp(path, prefix, n) == 0 &&
	    (path[n] == '\0' || path[n] == '.' || path[n] == '[');
}

int
sweep_path_plant(const char *path)
{
	size_t	i;

	for (i = 0; i < sizeof plant_free / sizeof plant_free[0]; i++)
		if (under(path, plant_free[i]))
			return 0;
	return 1;
}

int
sweep_path_supply(const char *path)
{
	size_t	i;

	for (i = 0; i < SUPPLY_PATHS; i++)
		if (under(path, plant_free[i]))
			return 1;
	return 0;
}

struct typed_at {
	const char *v;		/* NULL: not overridden */
	size_t	i;
};

static int
cmp_typed(const void *pa, const void *pb)
{
	const struct typed_at *a = pa, *b = pb;
	int	c;

	if (a->v == NULL || b->v == NULL)
		c = (a->v != NULL) - (b->v != NULL);
	else
		c = strcmp(a->v, b->v);
	if (c != 0)
		return c;
	return a->i < b->i ? -1 : a->i > b->i;
}

int
sweep_spec_groups(struct sweep_spec *sp)
{
	struct typed_at *ord;
	size_t	a, i;

	for (a = 0; a < sp->naxes; a++) {
		struct sweep_axis *x = &sp->axes[a];

		x->plant = sweep_path_plant(x->path);
		x->supply = sweep_path_supply(x->path);
		free(x->vclass);
		x->nclass = 0;
		if ((x->vclass = calloc(x->n ? x->n : 1, sizeof *x->vclass)) == NULL)
			return -1;
		if ((ord = malloc((x->n ? x->n : 1) * sizeof *ord)) == NULL)
			return -1;
		/* one class per distinct typed value */
		for (i = 0; i < x->n; i++) {
			ord[i].v = x->typed != NULL ? x->typed[i] : NULL;
			ord[i].i = i;
		}
		qsort(ord, x->n, sizeof *ord, cmp_typed);
		for (i = 0; i < x->n; i++) {
			if (i == 0 || cmp_typed(&(struct typed_at){ ord[i].v, 0 },
			    &(struct typed_at){ ord[i - 1].v, 0 }) != 0)
				x->nclass++;
			x->vclass[ord[i].i] = x->nclass - 1;
		}
		free(ord);
	}
	return 0;
}

/* The GPU power cap's path: a cap that limits no GPU is one class of its own
 * (it_cap_class: caps at or above the TDP give the same plant). */
static const char cap_path[] = "it.workload.gpu_power_cap";

/* Mixed radix over the classes of the axes `day` (0: the plant axes, 1: the
 * axes not the supply's); past 2^63, the case alone.  With the case's site,
 * the cap's axis counts a cap that limits nothing as one more class. */
static uint64_t
case_group(const struct sweep_spec *sp, size_t c, int day, const struct site *s)
{
	uint64_t g = 0;
	size_t	a;

	for (a = 0; a < sp->naxes; a++) {
		const struct sweep_axis *x = &sp->axes[a];
		size_t	n = x->nclass, v;

		if ((day ? x->supply : !x->plant) || x->vclass == NULL)
			continue;
		v = x->vclass[sweep_value_index(sp, c, a)];
		if (s != NULL && strcmp(x->path, cap_path) == 0) {
			n++;
			if (it_cap_class(s, s->it.gpu_power_cap) == 0)
				v = x->nclass;
		}
		if (n > 0 && g > (UINT64_MAX / 2) / n)
			return ((uint64_t)1 << 63) + c;
		g = g * n + v;
	}
	return g + 1;
}

uint64_t
sweep_case_group(const struct sweep_spec *sp, size_t c, const struct site *s)
{
	return case_group(sp, c, 0, s);
}

uint64_t
sweep_case_day_group(const struct sweep_spec *sp, size_t c, const struct site *s)
{
	return case_group(sp, c, 1, s);
}

size_t
sweep_value_index(const struct sweep_spec *sp, size_t c, size_t a)
{
	size_t	i;

	if (sp->zip)
		return c;
	/* mixed radix, the last axis fastest */
	for (i = sp->naxes; i-- > a + 1; )
		c /= sp->axes[i].n;
	return c % sp->axes[a].n;
}

/* ---- the site of a case ---- */

int
sweep_base_init(struct sweep_base *b, const char *path, const char *const *sets,
    size_t nsets, struct library *lib, struct diags *d)
{
	size_t	i;
	int	rc;

	memset(b, 0, sizeof *b);
	b->path = path;
	b->lib = lib;
	b->lib_keep = lib->nmodels;
	rc = ydoc_load_file(&b->doc, path, NULL, d);
	if (rc != 0)
		return rc == -2 ? -2 : -1;
	for (i = 0; i < nsets; i++)
		if (ydoc_set(&b->doc, sets[i], (int)i + 1, d) != 0)
			rc = -1;
	return rc;
}

static void
wx_free(struct sweep_wx *w)
{
	if (w->ok)
		weather_release(&w->wx);
	free(w->file);
}

void
sweep_base_release(struct sweep_base *b)
{
	size_t	i;

	sweep_batch_done(b);		/* the models the last batch added */
	for (i = 0; i < b->nwx; i++)
		wx_free(&b->wx[i]);
	free(b->wx);
	ydoc_release(&b->doc);
	memset(b, 0, sizeof *b);
}

/* The diagnostics of a case as one line.  Those at "--set" name the override
 * (line: the axis, 1-based). */
static void
case_error(const struct sweep_spec *sp, size_t c, const struct diags *d,
    char *err, size_t len)
{
	size_t	i, o = 0;

	err[0] = '\0';
	for (i = 0; i < d->n && o + 1 < len; i++) {
		const struct diag *g = &d->v[i];
		const char *sep = o ? "; " : "";

		if (g->file != NULL && strcmp(g->file, "--set") == 0 && g->line >= 1 &&
		    (size_t)g->line <= sp->naxes) {
			const struct sweep_axis *a = &sp->axes[g->line - 1];

			o += (size_t)snprintf(err + o, len - o, "%s%s=%s: %s", sep,
			    a->path, a->typed[sweep_value_index(sp, c,
			    (size_t)g->line - 1)], g->msg);
		} else if (g->file != NULL && g->line > 0)
			o += (size_t)snprintf(err + o, len - o, "%s%s:%d:%d: %s", sep,
			    g->file, g->line, g->col, g->msg);
		else if (g->file != NULL)
			o += (size_t)snprintf(err + o, len - o, "%s%s: %s", sep, g->file,
			    g->msg);
		else
			o += (size_t)snprintf(err + o, len - o, "%s%s", sep, g->msg);
	}
	if (d->oom && o + 1 < len)
		snprintf(err + o, len - o, "%sout of memory", o ? "; " : "");
	if (err[0] == '\0')
		snprintf(err, len, "invalid site");
}

/* Apply case c's overrides to a view of the base and bind it. */
static int
build(struct sweep_base *b, const struct sweep_spec *sp, size_t c, struct site *s,
    struct diags *d, size_t only)
{
	struct ydoc od;
	size_t	a;
	int	bad = 0;

	ydoc_overlay(&od, &b->doc);
	for (a = 0; a < sp->naxes; a++) {
		const struct sweep_axis *x = &sp->axes[a];
		const char *v = x->typed[sweep_value_index(sp, c, a)];
		char	*arg;
		size_t	n;

		if (v == NULL || (only != (size_t)-1 && a != only))
			continue;
		n = strlen(x->path) + strlen(v) + 2;
		if ((arg = malloc(n)) == NULL) {
			diags_add(d, NULL, 0, 0, "out of memory");
			bad = 1;
			break;
		}
		snprintf(arg, n, "%s=%s", x->path, v);
		if (ydoc_set(&od, arg, (int)a + 1, d) != 0)
			bad = 1;
		free(arg);
	}
	if (bad) {
		ydoc_release(&od);
		memset(s, 0, sizeof *s);
		return -1;
	}
	bad = site_load_doc(b->path, &od, b->lib, s, d) != 0;
	ydoc_release(&od);
	if (bad) {
		site_release(s);
		return -1;
	}
	return 0;
}

int
sweep_check_paths(struct sweep_base *b, const struct sweep_spec *sp, struct diags *out)
{
	size_t	a, c, i;
	int	rc = 0;

	for (a = 0; a < sp->naxes; a++) {
		const struct sweep_axis *x = &sp->axes[a];
		size_t	plen = strlen(x->path);
		struct diags d;
		struct site s;

		/* the first case that gives this axis a value */
		for (c = 0; c < sp->ncases; c++)
			if (x->typed[sweep_value_index(sp, c, a)] != NULL)
				break;
		if (c == sp->ncases)
			continue;
		memset(&d, 0, sizeof d);
		if (build(b, sp, c, &s, &d, a) == 0)
			site_release(&s);
		for (i = 0; i < d.n; i++) {
			const struct diag *g = &d.v[i];

			if (g->file == NULL || strcmp(g->file, "--set") != 0 ||
			    g->line != (int)a + 1 || g->col < 1 || (size_t)g->col > plen)
				continue;
			/* a problem of the path itself, whatever the value */
			diags_add(out, sp->src, x->line, x->col + g->col - 1, "%s", g->msg);
			rc = -1;
			break;
		}
		diags_release(&d);
	}
	return rc;
}

int
sweep_case_site(struct sweep_base *b, const struct sweep_spec *sp, size_t c,
    struct site *s, char *err, size_t len)
{
	struct diags d;
	int	rc;

	memset(&d, 0, sizeof d);
	rc = build(b, sp, c, s, &d, (size_t)-1);
	if (rc != 0)
		case_error(sp, c, &d, err, len);
	diags_release(&d);
	return rc;
}

/* Whether a cached year is the one this site asks for: the same source, file,
 * normals, design conditions and elevation (a design day's pressure). */
static int
wx_same(const struct sweep_wx *w, const struct site *s)
{
	const char *f = s->climate.weather_file;

	return w->source == s->climate.source &&
	    ((w->file == NULL && f == NULL) || (w->file != NULL && f != NULL &&
	    strcmp(w->file, f) == 0)) &&
	    memcmp(&w->normals, &s->climate.normals, sizeof w->normals) == 0 &&
	    memcmp(&w->design, &s->climate.design, sizeof w->design) == 0 &&
	    memcmp(&w->elevation, &s->elevation, sizeof w->elevation) == 0;
}

const struct weather *
sweep_case_weather(struct sweep_base *b, const struct site *s, char *err, size_t len,
    int *io)
{
	struct sweep_wx *w = NULL;
	size_t	i, pinned = 0;

	for (i = 0; i < b->nwx; i++) {
		pinned += b->wx[i].pinned != 0;
		if (wx_same(&b->wx[i], s)) {
			w = &b->wx[i];
			break;
		}
	}
	if (w == NULL) {
		/* a slot: a new one, or the least recently used one no case of this
		 * batch holds */
		if (b->nwx >= pinned + SWEEP_WX_SPARE) {
			struct sweep_wx *old = NULL;

			for (i = 0; i < b->nwx; i++)
				if (!b->wx[i].pinned && (old == NULL ||
				    b->wx[i].stamp < old->stamp))
					old = &b->wx[i];
			if (old != NULL) {
				wx_free(old);
				w = old;
			}
		}
		if (w == NULL) {
			if (b->nwx == b->capwx) {
				size_t	cap = b->capwx ? 2 * b->capwx : 8;
				struct sweep_wx *v = realloc(b->wx, cap * sizeof *v);

				if (v == NULL) {
					snprintf(err, len, "out of memory");
					*io = 1;
					return NULL;
				}
				b->wx = v;
				b->capwx = cap;
			}
			w = &b->wx[b->nwx++];
		}
		memset(w, 0, sizeof *w);
		w->source = s->climate.source;
		w->normals = s->climate.normals;
		w->design = s->climate.design;
		w->elevation = s->elevation;
		if (s->climate.weather_file != NULL &&
		    (w->file = strdup(s->climate.weather_file)) == NULL) {
			snprintf(w->err, sizeof w->err, "out of memory");
			w->io = 1;
		} else if (site_weather_io(s, &w->wx, w->err, sizeof w->err, &w->io)
		    == 0)
			w->ok = 1;
		else {
			/* built-in and design-day messages carry no file: the site's */
			const char *f = s->climate.source == CLIMATE_EPW &&
			    w->file != NULL ? w->file : s->path;
			char	m[sizeof w->err + 512];

			if (strncmp(w->err, f, strlen(f)) != 0) {
				snprintf(m, sizeof m, "%.500s: %s", f, w->err);
				m[sizeof w->err - 1] = '\0';
				memcpy(w->err, m, sizeof w->err);
			}
		}
	}
	w->pinned = 1;
	w->stamp = b->batch;
	if (w->ok)
		return &w->wx;
	snprintf(err, len, "%s", w->err);
	*io = w->io;
	return NULL;
}

void
sweep_batch_done(struct sweep_base *b)
{
	size_t	i;

	for (i = 0; i < b->nwx; i++)
		b->wx[i].pinned = 0;
	b->batch++;
	/* the models the batch's sites loaded or defined inline; the library
	 * finds them again when a later case names them */
	if (b->lib != NULL) {
		for (i = b->lib_keep; i < b->lib->nmodels; i++) {
			model_clear(b->lib->models[i]);
			free(b->lib->models[i]);
		}
		if (b->lib->nmodels > b->lib_keep)
			b->lib->nmodels = b->lib_keep;
	}
}
