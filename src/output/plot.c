/*
 * plot.c - drawing a struct plot with cairo (see plot.h): layout, axes, series,
 * legend and colour bar.  Sizes scale with the figure: the base font is 15 px at
 * 1200x700 and grows with the square root of the area, so a picture keeps its
 * proportions at any size and stays legible when printed.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <fontconfig/fontconfig.h>

#include "date.h"
#include "plot.h"

#define FONT	"DejaVu Sans"
#define MAXT	64
#define PI	3.14159265358979323846

/* Okabe-Ito (2008), in enum plot_colour order; then a neutral grey. */
static const unsigned palette[PC_NCOLOURS] = {
	0x000000, 0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442, 0x0072B2, 0xD55E00, 0xCC79A7,
	0x999999
};

void
plot_init(struct plot *p, const char *title, const char *subtitle)
{
	memset(p, 0, sizeof *p);
	p->title = title;
	p->subtitle = subtitle;
	p->ygrid = 1;
}

struct plot_series *
plot_add(struct plot *p, enum plot_series_kind k, const char *label, int colour)
{
	struct plot_series *s;

	if (p->ns >= PLOT_MAX_SERIES)
		return NULL;
	s = &p->s[p->ns++];
	memset(s, 0, sizeof *s);
	s->kind = k;
	s->label = label;
	s->colour = colour;
	return s;
}

/* ---- drawing context ---- */

struct range {
	double	lo, hi;
	int	log;
};

struct dc {
	cairo_t	*cr;
	const struct plot *p;
	double	W, H, fs, lw;
	double	x0, y0, x1, y1;		/* plot area: left, top, right, bottom */
	struct range rx, ry, ry2;
	double	tx[MAXT], ty[MAXT], ty2[MAXT];
	int	ntx, nty, nty2;
	char	xunit, yunit;		/* date ticks: 'd', 'm', 'y'; 0 = numbers */
	double	xstep, ystep, y2step;
	double	zlo, zhi;		/* heat map colour range */
	double	*stack;			/* running top of the stacked series */
	size_t	nstack;
};

static void
set_colour(cairo_t *cr, int c, double alpha)
{
	unsigned v = palette[c >= 0 && c < PC_NCOLOURS ? c : 0];

	cairo_set_source_rgba(cr, ((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0,
	    (v & 255) / 255.0, alpha);
}

static void
font(struct dc *d, double scale, int bold)
{
	cairo_select_font_face(d->cr, FONT, CAIRO_FONT_SLANT_NORMAL, bold ?
	    CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(d->cr, d->fs * scale);
}

static double
text_w(struct dc *d, const char *s)
{
	cairo_text_extents_t e;

	cairo_text_extents(d->cr, s, &e);
	return e.x_advance;
}

/* Text at (x, y): ax 0/0.5/1 = left/centre/right; ay 0/0.5/1 = top/middle/bottom of
 * the font's ascent..descent box. */
static void
text_at(struct dc *d, double x, double y, double ax, double ay, const char *s)
{
	cairo_font_extents_t fe;
	double	w = text_w(d, s);

	cairo_font_extents(d->cr, &fe);
	cairo_move_to(d->cr, x - ax * w, y - ay * (fe.ascent + fe.descent) + fe.ascent);
	cairo_show_text(d->cr, s);
}

static double
map(const struct range *r, double v, double a, double b)
{
	double	lo = r->lo, hi = r->hi;

	if (r->log) {
		if (!(v > 0))
			return NAN;
		v = log10(v);
		lo = log10(lo);
		hi = log10(hi);
	}
	return a + (v - lo) / (hi - lo) * (b - a);
}

static double
X(const struct dc *d, double v)
{
	return map(&d->rx, v, d->x0, d->x1);
}

static double
Y(const struct dc *d, int right, double v)
{
	return map(right ? &d->ry2 : &d->ry, v, d->y1, d->y0);
}

/* Tick label for a number, with the step's decimals; thousands grouped. */
static void
fmt_tick(char *buf, size_t len, double v, double step, int log)
{
	int	dec = 0;
	char	tmp[64];

	if (log) {
		if (v >= 1e-4 && v < 1e6)
			snprintf(buf, len, "%g", v);
		else
			snprintf(buf, len, "1e%d", (int)lround(log10(v)));
		return;
	}
	/* as many decimals as the step needs: 2.5 -> 1, 0.05 -> 2, 20 -> 0 */
	while (step > 0 && dec < 9 && fabs(step * pow(10, dec) -
	    round(step * pow(10, dec))) > 1e-6 * step * pow(10, dec))
		dec++;
	snprintf(tmp, sizeof tmp, "%.*f", dec, v);
	if (strcmp(tmp, "-0") == 0)
		snprintf(tmp, sizeof tmp, "0");
	if (dec == 0 && fabs(v) >= 10000) {
		/* 100,000 */
		size_t	i, o = 0, n = strlen(tmp), lead = tmp[0] == '-';
		size_t	digits = n - lead;

		for (i = 0; i < n && o + 2 < len; i++) {
			if (i > lead && (n - i) % 3 == 0 && digits > 3)
				buf[o++] = ',';
			buf[o++] = tmp[i];
		}
		buf[o] = '\0';
	} else
		snprintf(buf, len, "%s", tmp);
}

static void
fmt_date_tick(char *buf, size_t len, double v, char unit)
{
	char	d[16];

	date_format((int)lround(v), d);
	if (unit == 'y')
		snprintf(buf, len, "%.4s", d);
	else if (unit == 'm')
		snprintf(buf, len, "%.7s", d);
	else
		snprintf(buf, len, "%s", d);
}

/* ---- ranges ---- */

static void
grow(double *lo, double *hi, double v)
{
	if (!isfinite(v))
		return;
	if (v < *lo)
		*lo = v;
	if (v > *hi)
		*hi = v;
}

/* Data ranges: x over every series, y per axis (stacked series at their tops). */
static int
data_ranges(struct dc *d, double *xl, double *xh, double *yl, double *yh, double *y2l,
    double *y2h)
{
	const struct plot *p = d->p;
	int	i;
	size_t	k;

	*xl = *yl = *y2l = INFINITY;
	*xh = *yh = *y2h = -INFINITY;
	for (i = 0; i < p->ns; i++) {
		const struct plot_series *s = &p->s[i];
		double	*lo = s->right ? y2l : yl, *hi = s->right ? y2h : yh;

		if (s->kind == PS_STACK_STEP && (d->stack == NULL || d->nstack != s->n)) {
			free(d->stack);
			if ((d->stack = calloc(s->n ? s->n : 1, sizeof *d->stack)) == NULL)
				return -1;
			d->nstack = s->n;
		}
		for (k = 0; k < s->n; k++) {
			double	x = s->x != NULL ? s->x[k] : (double)k;

			switch (s->kind) {
			case PS_SPANS:
				grow(xl, xh, x);
				grow(xl, xh, s->y[k]);
				break;
			case PS_VLINE:
				grow(xl, xh, x);
				break;
			case PS_HLINE:
				grow(lo, hi, s->y[k]);
				break;
			case PS_HBARS:
				grow(xl, xh, s->y[k]);
				grow(xl, xh, s->y2[k]);
				break;
			case PS_BARS:
				grow(lo, hi, s->y[k]);
				break;
			case PS_STACK_STEP:
				grow(xl, xh, x);
				if (isfinite(s->y[k]))
					d->stack[k] += s->y[k];
				grow(lo, hi, d->stack[k]);
				if (k + 1 == s->n)
					grow(xl, xh, x + s->step);
				break;
			case PS_BAND:
				grow(xl, xh, x);
				grow(lo, hi, s->y[k]);
				grow(lo, hi, s->y2[k]);
				break;
			case PS_STEP:
				if (k + 1 == s->n)
					grow(xl, xh, x + s->step);
				/* FALLTHROUGH */
			default:
				grow(xl, xh, x);
				grow(lo, hi, s->y[k]);
				break;
			}
		}
	}
	if (d->stack != NULL)
		memset(d->stack, 0, d->nstack * sizeof *d->stack);
	if (p->heat != NULL) {
		const struct plot_heat *h = p->heat;

		grow(xl, xh, h->x0);
		grow(xl, xh, h->x0 + h->nx * h->dx);
		grow(yl, yh, h->y0);
		grow(yl, yh, h->y0 + h->ny * h->dy);
	}
	return 0;
}

/* Settle an axis' range and ticks; want = how many intervals fit. */
static int
axis_setup(const struct plot_axis *a, double lo, double hi, int want, struct range *r,
    double *t, double *step, char *unit)
{
	int	n, i;

	*unit = 0;
	*step = 0;
	r->log = a->kind == PA_LOG;
	if (a->kind == PA_CATEGORY) {
		r->lo = -0.5;
		r->hi = a->ncats - 0.5;
		for (i = 0, n = 0; i < a->ncats && n < MAXT; i++)
			t[n++] = i;
		return n;
	}
	if (a->fixed) {
		lo = a->min;
		hi = a->max;
	} else if (a->zero && a->kind == PA_LINEAR) {
		if (lo > 0)
			lo = 0;
		if (hi < 0)
			hi = 0;
	}
	if (!isfinite(lo) || !isfinite(hi)) {
		lo = 0;
		hi = 1;
	}
	if (a->kind == PA_LOG) {
		double	e;

		/* at most six decades under the top: a spectrum's floor is noise */
		if (!(lo > 0) || (hi > 0 && lo < hi * 1e-6 && !a->fixed))
			lo = hi > 0 ? hi * 1e-6 : 1e-3;
		if (!(hi > lo))
			hi = lo * 10;
		if (!a->fixed) {
			lo = pow(10, floor(log10(lo) + 1e-9));
			hi = pow(10, ceil(log10(hi) - 1e-9));
		}
		r->lo = lo;
		r->hi = hi;
		n = 0;
		for (e = ceil(log10(lo) - 1e-9); e <= log10(hi) + 1e-9 && n < MAXT; e++)
			t[n++] = pow(10, e);
		return n;
	}
	if (a->kind == PA_DATE) {
		if (hi - lo < 1)
			hi = lo + 1;
		r->lo = lo;
		r->hi = hi;
		return plot_date_ticks(lo, hi, want, t, MAXT, unit);
	}
	n = plot_ticks(lo, hi, want, t, MAXT, step);
	if (n >= 2 && !a->fixed) {
		/* the range runs from tick to tick: t[0] <= lo, t[n-1] >= hi */
		r->lo = fmin(t[0], lo);
		r->hi = fmax(t[n - 1], hi);
	} else {
		r->lo = lo;
		r->hi = hi > lo ? hi : lo + 1;
	}
	return n;
}

/* ---- legend ---- */

struct legend_ent {
	const char *label;
	int	kind;		/* enum plot_series_kind, or -1 for heat-map NaN */
	const struct plot_series *s;
};

static int
legend_entries(const struct plot *p, struct legend_ent *e, int max)
{
	int	i, n = 0;

	for (i = 0; i < p->ns && n < max; i++)
		if (p->s[i].label != NULL && p->s[i].n > 0) {
			e[n].label = p->s[i].label;
			e[n].kind = (int)p->s[i].kind;
			e[n].s = &p->s[i];
			n++;
		}
	if (p->heat != NULL)
		for (i = 0; i < p->heat->ncat && n < max; i++) {
			e[n].label = p->heat->cat_label[i];
			e[n].kind = -2 - i;
			e[n].s = NULL;
			n++;
		}
	if (p->heat != NULL && p->heat->nan_label != NULL && n < max) {
		e[n].label = p->heat->nan_label;
		e[n].kind = -1;
		e[n].s = NULL;
		n++;
	}
	return n;
}

/* Rows needed for the legend in width w (and, with draw, draw it from (x, y)). */
static int
legend_layout(struct dc *d, const struct legend_ent *e, int n, double x, double y,
    double w, int draw)
{
	double	sw = 2.2 * d->fs, gap = 0.5 * d->fs, sep = 1.6 * d->fs;
	double	rowh = 1.5 * d->fs, cx = x;
	int	i, rows = n > 0 ? 1 : 0;

	font(d, 0.95, 0);
	for (i = 0; i < n; i++) {
		double	tw = text_w(d, e[i].label), need = sw + gap + tw;

		if (cx > x && cx + need > x + w) {
			cx = x;
			rows++;
		}
		if (draw) {
			double	cy = y + (rows - 1) * rowh + rowh / 2;
			const struct plot_series *s = e[i].s;
			cairo_t	*cr = d->cr;

			cairo_save(cr);
			if (e[i].kind <= -2) {
				unsigned c = d->p->heat->cat_rgb[-2 - e[i].kind];

				cairo_set_source_rgb(cr, (c >> 16 & 255) / 255.0,
				    (c >> 8 & 255) / 255.0, (c & 255) / 255.0);
				cairo_rectangle(cr, cx, cy - 0.45 * d->fs, sw, 0.9 * d->fs);
				cairo_fill(cr);
			} else if (e[i].kind == -1) {
				cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
				cairo_rectangle(cr, cx, cy - 0.45 * d->fs, sw, 0.9 * d->fs);
				cairo_fill(cr);
			} else if (s->kind == PS_LINE || s->kind == PS_STEP ||
			    s->kind == PS_HLINE || s->kind == PS_VLINE) {
				set_colour(cr, s->colour, 1);
				cairo_set_line_width(cr, d->lw * 1.5 * (s->width > 0 ?
				    s->width : 1));
				if (s->dashed || s->kind == PS_HLINE ||
				    s->kind == PS_VLINE) {
					double	dash[2] = { 3 * d->lw, 2 * d->lw };

					cairo_set_dash(cr, dash, 2, 0);
				}
				cairo_move_to(cr, cx, cy);
				cairo_line_to(cr, cx + sw, cy);
				cairo_stroke(cr);
			} else if (s->kind == PS_MARKERS) {
				set_colour(cr, s->colour, 1);
				cairo_arc(cr, cx + sw / 2, cy, 0.35 * d->fs, 0, 2 * PI);
				if (s->marker == PM_DIAMOND) {
					cairo_new_path(cr);
					cairo_move_to(cr, cx + sw / 2, cy - 0.45 * d->fs);
					cairo_line_to(cr, cx + sw / 2 + 0.45 * d->fs, cy);
					cairo_line_to(cr, cx + sw / 2, cy + 0.45 * d->fs);
					cairo_line_to(cr, cx + sw / 2 - 0.45 * d->fs, cy);
					cairo_close_path(cr);
				}
				cairo_fill(cr);
			} else {
				double	al = s->alpha > 0 ? s->alpha : s->kind == PS_BAND ?
				    0.3 : s->kind == PS_SPANS ? 0.18 : 0.8;

				set_colour(cr, s->colour, al);
				cairo_rectangle(cr, cx, cy - 0.45 * d->fs, sw, 0.9 * d->fs);
				cairo_fill(cr);
			}
			cairo_restore(cr);
			cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
			text_at(d, cx + sw + gap, cy, 0, 0.5, e[i].label);
		}
		cx += need + sep;
	}
	return rows;
}

/* ---- series ---- */

static void
draw_line(struct dc *d, const struct plot_series *s, int step)
{
	cairo_t	*cr = d->cr;
	size_t	k;
	int	pen = 0;

	set_colour(cr, s->colour, 1);
	cairo_set_line_width(cr, d->lw * 1.6 * (s->width > 0 ? s->width : 1));
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	if (s->dashed) {
		double	dash[2] = { 4 * d->lw, 2.5 * d->lw };

		cairo_set_dash(cr, dash, 2, 0);
	}
	for (k = 0; k < s->n; k++) {
		double	x = s->x[k], y = s->y[k], xn;

		if (!isfinite(x) || !isfinite(y) || !isfinite(X(d, x)) ||
		    !isfinite(Y(d, s->right, y))) {
			pen = 0;
			continue;
		}
		if (!pen)
			cairo_move_to(cr, X(d, x), Y(d, s->right, y));
		else
			cairo_line_to(cr, X(d, x), Y(d, s->right, y));
		pen = 1;
		if (step) {
			xn = k + 1 < s->n ? s->x[k + 1] : x + s->step;
			cairo_line_to(cr, X(d, xn), Y(d, s->right, y));
		}
	}
	cairo_stroke(cr);
	cairo_set_dash(cr, NULL, 0, 0);
}

static void
draw_stack(struct dc *d, const struct plot_series *s)
{
	cairo_t	*cr = d->cr;
	size_t	k;
	double	base0 = d->ry.lo > 0 ? d->ry.lo : 0;

	if (d->stack == NULL || d->nstack != s->n)
		return;
	/* the top edge forwards, the previous top backwards */
	for (k = 0; k < s->n; k++) {
		double	v = isfinite(s->y[k]) ? s->y[k] : 0;
		double	xn = k + 1 < s->n ? s->x[k + 1] : s->x[k] + s->step;
		double	top = d->stack[k] + v;

		if (k == 0)
			cairo_move_to(cr, X(d, s->x[k]), Y(d, s->right, fmax(top, base0)));
		else
			cairo_line_to(cr, X(d, s->x[k]), Y(d, s->right, fmax(top, base0)));
		cairo_line_to(cr, X(d, xn), Y(d, s->right, fmax(top, base0)));
	}
	for (k = s->n; k-- > 0;) {
		double	xn = k + 1 < s->n ? s->x[k + 1] : s->x[k] + s->step;

		cairo_line_to(cr, X(d, xn), Y(d, s->right, fmax(d->stack[k], base0)));
		cairo_line_to(cr, X(d, s->x[k]), Y(d, s->right, fmax(d->stack[k], base0)));
	}
	cairo_close_path(cr);
	set_colour(cr, s->colour, s->alpha > 0 ? s->alpha : 0.8);
	cairo_fill(cr);
	for (k = 0; k < s->n; k++)
		if (isfinite(s->y[k]))
			d->stack[k] += s->y[k];
}

static void
draw_band(struct dc *d, const struct plot_series *s)
{
	cairo_t	*cr = d->cr;
	size_t	k;
	int	any = 0;

	/* with a step, each value holds until the next x (as PS_STEP) */
	for (k = 0; k < s->n; k++)
		if (isfinite(s->y[k]) && isfinite(s->y2[k])) {
			double	xn = k + 1 < s->n ? s->x[k + 1] : s->x[k] + s->step;

			if (!any)
				cairo_move_to(cr, X(d, s->x[k]), Y(d, s->right, s->y[k]));
			else
				cairo_line_to(cr, X(d, s->x[k]), Y(d, s->right, s->y[k]));
			if (s->step > 0)
				cairo_line_to(cr, X(d, xn), Y(d, s->right, s->y[k]));
			any = 1;
		}
	for (k = s->n; k-- > 0;)
		if (isfinite(s->y[k]) && isfinite(s->y2[k])) {
			double	xn = k + 1 < s->n ? s->x[k + 1] : s->x[k] + s->step;

			if (s->step > 0)
				cairo_line_to(cr, X(d, xn), Y(d, s->right, s->y2[k]));
			cairo_line_to(cr, X(d, s->x[k]), Y(d, s->right, s->y2[k]));
		}
	if (!any)
		return;
	cairo_close_path(cr);
	set_colour(cr, s->colour, s->alpha > 0 ? s->alpha : 0.3);
	cairo_fill(cr);
}

static void
draw_bars(struct dc *d, const struct plot_series *s)
{
	cairo_t	*cr = d->cr;
	int	ng = s->ngroups > 0 ? s->ngroups : 1;
	double	gw = 0.8, bw = gw / ng;
	size_t	k;
	const struct range *r = s->right ? &d->ry2 : &d->ry;
	double	base = r->lo > 0 ? r->lo : r->hi < 0 ? r->hi : 0;

	for (k = 0; k < s->n; k++) {
		double	x = (s->x != NULL ? s->x[k] : (double)k) - gw / 2 + s->group * bw;
		double	xa = X(d, x), xb = X(d, x + bw), ya, yb;

		if (!isfinite(s->y[k]))
			continue;
		ya = Y(d, s->right, base);
		yb = Y(d, s->right, s->y[k]);
		cairo_rectangle(cr, xa + 0.5, fmin(ya, yb), xb - xa - 1, fabs(yb - ya));
	}
	set_colour(cr, s->colour, s->alpha > 0 ? s->alpha : 0.9);
	cairo_fill(cr);
}

static void
draw_hbars(struct dc *d, const struct plot_series *s)
{
	cairo_t	*cr = d->cr;
	size_t	k;

	for (k = 0; k < s->n; k++) {
		double	c = s->x != NULL ? s->x[k] : (double)k;
		double	xa = X(d, s->y2[k]), xb = X(d, s->y[k]);
		double	ya = Y(d, 0, c - 0.3), yb = Y(d, 0, c + 0.3);

		if (!isfinite(xa) || !isfinite(xb))
			continue;
		cairo_rectangle(cr, fmin(xa, xb), fmin(ya, yb), fabs(xb - xa), fabs(yb - ya));
	}
	set_colour(cr, s->colour, s->alpha > 0 ? s->alpha : 0.85);
	cairo_fill(cr);
}

static void
draw_spans(struct dc *d, const struct plot_series *s)
{
	cairo_t	*cr = d->cr;
	size_t	k;

	for (k = 0; k < s->n; k++) {
		double	a = X(d, s->x[k]), b = X(d, s->y[k]);

		if (isfinite(a) && isfinite(b))
			cairo_rectangle(cr, fmin(a, b), d->y0, fmax(fabs(b - a), 0.6),
			    d->y1 - d->y0);
	}
	set_colour(cr, s->colour, s->alpha > 0 ? s->alpha : 0.18);
	cairo_fill(cr);
}

static void
marker_path(cairo_t *cr, enum plot_marker m, double x, double y, double r)
{
	switch (m) {
	case PM_DIAMOND:
		cairo_move_to(cr, x, y - 1.3 * r);
		cairo_line_to(cr, x + 1.3 * r, y);
		cairo_line_to(cr, x, y + 1.3 * r);
		cairo_line_to(cr, x - 1.3 * r, y);
		cairo_close_path(cr);
		break;
	case PM_SQUARE:
		cairo_rectangle(cr, x - r, y - r, 2 * r, 2 * r);
		break;
	case PM_TRIANGLE:
		cairo_move_to(cr, x, y - 1.2 * r);
		cairo_line_to(cr, x + 1.1 * r, y + 0.8 * r);
		cairo_line_to(cr, x - 1.1 * r, y + 0.8 * r);
		cairo_close_path(cr);
		break;
	default:
		cairo_new_sub_path(cr);
		cairo_arc(cr, x, y, r, 0, 2 * PI);
		break;
	}
}

static void
draw_markers(struct dc *d, const struct plot_series *s)
{
	cairo_t	*cr = d->cr;
	size_t	k;
	double	r = 0.42 * d->fs;

	for (k = 0; k < s->n; k++) {
		double	x = X(d, s->x[k]), y = Y(d, s->right, s->y[k]);

		if (!isfinite(x) || !isfinite(y))
			continue;
		marker_path(cr, s->marker, x, y, r);
		set_colour(cr, s->colour, 1);
		cairo_fill_preserve(cr);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_set_line_width(cr, d->lw);
		cairo_stroke(cr);
		if (s->names != NULL && s->names[k] != NULL) {
			/* the label left of the marker when it would leave the plot */
			double	tw;

			font(d, 0.85, 1);
			tw = text_w(d, s->names[k]);
			set_colour(cr, PC_BLACK, 1);
			if (x + r * 1.6 + tw < d->x1)
				text_at(d, x + r * 1.6, y - r * 1.2, 0, 1, s->names[k]);
			else
				text_at(d, x - r * 1.6, y - r * 1.2, 1, 1, s->names[k]);
		}
	}
}

static void
draw_refs(struct dc *d, const struct plot_series *s)
{
	cairo_t	*cr = d->cr;
	double	dash[2] = { 5 * d->lw, 3 * d->lw };
	size_t	k;

	font(d, 0.85, 0);
	for (k = 0; k < s->n; k++) {
		set_colour(cr, s->colour, 1);
		cairo_set_line_width(cr, d->lw * 1.4 * (s->width > 0 ? s->width : 1));
		cairo_set_dash(cr, dash, 2, 0);
		if (s->kind == PS_VLINE) {
			double	x = X(d, s->x[k]);

			if (!isfinite(x))
				continue;
			cairo_move_to(cr, x, d->y0);
			cairo_line_to(cr, x, d->y1);
			cairo_stroke(cr);
			cairo_set_dash(cr, NULL, 0, 0);
			if (s->names != NULL && s->names[k] != NULL) {
				/* staggered so that neighbours do not collide */
				double	ty = d->y0 + (0.3 + 1.2 * (double)(k % 3)) * d->fs;
				double	tw = text_w(d, s->names[k]);

				if (x + 0.3 * d->fs + tw < d->x1)
					text_at(d, x + 0.3 * d->fs, ty, 0, 0, s->names[k]);
				else
					text_at(d, x - 0.3 * d->fs, ty, 1, 0, s->names[k]);
			}
		} else {
			double	y = Y(d, s->right, s->y[k]);

			if (!isfinite(y))
				continue;
			cairo_move_to(cr, d->x0, y);
			cairo_line_to(cr, d->x1, y);
			cairo_stroke(cr);
			cairo_set_dash(cr, NULL, 0, 0);
			if (s->names != NULL && s->names[k] != NULL)
				text_at(d, d->x1 - 0.4 * d->fs, y - 0.2 * d->fs, 1, 1,
				    s->names[k]);
		}
	}
	cairo_set_dash(cr, NULL, 0, 0);
}

static int
cmp_dbl(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/*
 * The colour range of a heat map: the 2nd to 98th percentile of the finite
 * values, so that a few extreme cells (a first day with two GPUs on) do not wash
 * out the rest; cells beyond take the end colours.  Diverging maps are symmetric
 * about zero.
 */
static int
heat_range(struct dc *d)
{
	const struct plot_heat *h = d->p->heat;
	size_t	n = 0, i, m = (size_t)h->nx * h->ny;
	double	*v, lo, hi;

	if ((v = malloc((m ? m : 1) * sizeof *v)) == NULL)
		return -1;
	for (i = 0; i < m; i++)
		if (isfinite(h->z[i]))
			v[n++] = h->z[i];
	if (n == 0) {
		lo = 0;
		hi = 1;
	} else {
		qsort(v, n, sizeof *v, cmp_dbl);
		lo = v[(size_t)floor(0.02 * (double)(n - 1))];
		hi = v[(size_t)ceil(0.98 * (double)(n - 1))];
	}
	free(v);
	if (h->cmap == PCM_DIVERGING) {
		/* zero is the middle colour; each side scaled on its own */
		lo = fmin(lo, 0);
		hi = fmax(hi, 0);
		if (!(hi > lo))
			hi = 1;
	} else if (!(hi > lo))
		hi = lo + 1;
	d->zlo = lo;
	d->zhi = hi;
	return 0;
}

/* Where z falls on the colour map, 0..1. */
static double
heat_t(const struct dc *d, double z)
{
	if (d->p->heat->cmap != PCM_DIVERGING)
		return (z - d->zlo) / (d->zhi - d->zlo);
	if (z < 0)
		return d->zlo < 0 ? 0.5 - 0.5 * z / d->zlo : 0.5;
	return d->zhi > 0 ? 0.5 + 0.5 * z / d->zhi : 0.5;
}

/* Widest colour-bar tick label. */
static double heat_ticks_width(struct dc *d);

static int
draw_heat(struct dc *d)
{
	const struct plot_heat *h = d->p->heat;
	cairo_surface_t *img;
	unsigned char *px;
	int	i, j, stride;
	cairo_pattern_t *pat;
	cairo_matrix_t m;

	img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, h->nx, h->ny);
	if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS)
		return -1;
	cairo_surface_flush(img);
	px = cairo_image_surface_get_data(img);
	stride = cairo_image_surface_get_stride(img);
	for (j = 0; j < h->ny; j++)
		for (i = 0; i < h->nx; i++) {
			double	z = h->z[(size_t)j * h->nx + i], rgb[3];
			uint32_t *p = (uint32_t *)(void *)(px + (size_t)(h->ny - 1 - j) *
			    stride) + i;

			if (!isfinite(z))
				rgb[0] = rgb[1] = rgb[2] = 0.85;
			else if (h->ncat > 0) {
				long	k = lround(z);
				unsigned c;

				k = k < 0 ? 0 : k >= h->ncat ? h->ncat - 1 : k;
				c = h->cat_rgb[k];
				rgb[0] = (c >> 16 & 255) / 255.0;
				rgb[1] = (c >> 8 & 255) / 255.0;
				rgb[2] = (c & 255) / 255.0;
			} else
				plot_cmap_rgb(h->cmap, heat_t(d, z), rgb);
			*p = (uint32_t)lround(rgb[0] * 255) << 16 |
			    (uint32_t)lround(rgb[1] * 255) << 8 | (uint32_t)lround(rgb[2] * 255);
		}
	cairo_surface_mark_dirty(img);
	pat = cairo_pattern_create_for_surface(img);
	cairo_pattern_set_filter(pat, CAIRO_FILTER_NEAREST);
	{
		double	xa = X(d, h->x0), xb = X(d, h->x0 + h->nx * h->dx);
		double	ya = Y(d, 0, h->y0 + h->ny * h->dy), yb = Y(d, 0, h->y0);

		/* image pixels -> device: scale and translate */
		cairo_matrix_init_scale(&m, h->nx / (xb - xa), h->ny / (yb - ya));
		cairo_matrix_translate(&m, -xa, -ya);
		cairo_pattern_set_matrix(pat, &m);
		cairo_set_source(d->cr, pat);
		cairo_rectangle(d->cr, xa, ya, xb - xa, yb - ya);
		cairo_fill(d->cr);
	}
	cairo_pattern_destroy(pat);
	cairo_surface_destroy(img);
	return 0;
}

static void
draw_colour_bar(struct dc *d, double x)
{
	const struct plot_heat *h = d->p->heat;
	cairo_t	*cr = d->cr;
	double	t[MAXT], step, bw = 1.1 * d->fs, yy;
	int	n, k, steps = 128;
	char	buf[64];

	for (k = 0; k < steps; k++) {
		double	rgb[3];

		plot_cmap_rgb(h->cmap, heat_t(d, d->zlo + (d->zhi - d->zlo) * (k + 0.5) /
		    steps), rgb);
		cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
		yy = d->y1 - (d->y1 - d->y0) * (k + 1) / steps;
		cairo_rectangle(cr, x, yy, bw, (d->y1 - d->y0) / steps + 0.6);
		cairo_fill(cr);
	}
	cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
	cairo_set_line_width(cr, d->lw);
	cairo_rectangle(cr, x, d->y0, bw, d->y1 - d->y0);
	cairo_stroke(cr);
	n = plot_ticks(d->zlo, d->zhi, 6, t, MAXT, &step);
	font(d, 0.9, 0);
	for (k = 0; k < n; k++) {
		if (t[k] < d->zlo - 1e-9 || t[k] > d->zhi + 1e-9)
			continue;
		yy = d->y1 - (t[k] - d->zlo) / (d->zhi - d->zlo) * (d->y1 - d->y0);
		cairo_move_to(cr, x + bw, yy);
		cairo_line_to(cr, x + bw + 0.35 * d->fs, yy);
		cairo_stroke(cr);
		fmt_tick(buf, sizeof buf, t[k], step, 0);
		text_at(d, x + bw + 0.5 * d->fs, yy, 0, 0.5, buf);
	}
	if (h->label != NULL) {
		double	lx = x + bw + 0.5 * d->fs + heat_ticks_width(d) + 0.5 * d->fs;

		cairo_save(cr);
		cairo_translate(cr, lx, (d->y0 + d->y1) / 2);
		cairo_rotate(cr, -PI / 2);
		font(d, 1, 0);
		text_at(d, 0, 0, 0.5, 0, h->label);
		cairo_restore(cr);
	}
}

static double
heat_ticks_width(struct dc *d)
{
	double	t[MAXT], step, w = 0;
	int	n = plot_ticks(d->zlo, d->zhi, 6, t, MAXT, &step), k;
	char	buf[64];

	font(d, 0.9, 0);
	for (k = 0; k < n; k++) {
		fmt_tick(buf, sizeof buf, t[k], step, 0);
		w = fmax(w, text_w(d, buf));
	}
	return w;
}

/* ---- axes ---- */

static void
tick_label(const struct dc *d, char *buf, size_t len, const struct plot_axis *a,
    double v, double step, char unit)
{
	if (a->kind == PA_CATEGORY) {
		int	i = (int)lround(v);

		snprintf(buf, len, "%s", a->cats != NULL && i >= 0 && i < a->ncats ?
		    a->cats[i] : "");
	} else if (a->kind == PA_DATE)
		fmt_date_tick(buf, len, v, unit);
	else
		fmt_tick(buf, len, v, step, a->kind == PA_LOG);
	(void)d;
}

/* Widest tick label of an axis. */
static double
ticks_width(struct dc *d, const struct plot_axis *a, const double *t, int n,
    double step, char unit)
{
	double	w = 0;
	int	i;
	char	buf[128];

	font(d, 0.9, 0);
	for (i = 0; i < n; i++) {
		tick_label(d, buf, sizeof buf, a, t[i], step, unit);
		w = fmax(w, text_w(d, buf));
	}
	return w;
}

static void
draw_yaxis(struct dc *d, int right)
{
	const struct plot_axis *a = right ? &d->p->y2 : &d->p->y;
	const double *t = right ? d->ty2 : d->ty;
	int	n = right ? d->nty2 : d->nty, i;
	double	step = right ? d->y2step : d->ystep, x = right ? d->x1 : d->x0, tw;
	char	unit = right ? 0 : d->yunit;
	const struct range *r = right ? &d->ry2 : &d->ry;
	cairo_t	*cr = d->cr;
	char	buf[128];

	font(d, 0.9, 0);
	cairo_set_line_width(cr, d->lw);
	for (i = 0; i < n; i++) {
		double	y;

		if (t[i] < fmin(r->lo, r->hi) - 1e-9 * fabs(r->hi - r->lo) ||
		    t[i] > fmax(r->lo, r->hi) + 1e-9 * fabs(r->hi - r->lo))
			continue;
		y = Y(d, right, t[i]);
		cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
		cairo_move_to(cr, x, y);
		cairo_line_to(cr, x + (right ? 0.4 : -0.4) * d->fs, y);
		cairo_stroke(cr);
		tick_label(d, buf, sizeof buf, a, t[i], step, unit);
		text_at(d, x + (right ? 0.6 : -0.6) * d->fs, y, right ? 0 : 1, 0.5, buf);
	}
	if (a->kind == PA_LOG)
		for (i = 0; i + 1 < n; i++) {
			int	m;

			for (m = 2; m <= 9; m++) {
				double	y = Y(d, right, t[i] * m);

				cairo_move_to(cr, x, y);
				cairo_line_to(cr, x + (right ? 0.2 : -0.2) * d->fs, y);
			}
			cairo_stroke(cr);
		}
	if (a->label != NULL) {
		tw = ticks_width(d, a, t, n, step, unit);
		cairo_save(cr);
		cairo_translate(cr, right ? x + 0.9 * d->fs + tw + 0.4 * d->fs :
		    x - 0.9 * d->fs - tw - 0.4 * d->fs, (d->y0 + d->y1) / 2);
		cairo_rotate(cr, right ? PI / 2 : -PI / 2);
		font(d, 1, 0);
		cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
		text_at(d, 0, 0, 0.5, 1, a->label);
		cairo_restore(cr);
	}
}

static void
draw_xaxis(struct dc *d)
{
	const struct plot_axis *a = &d->p->x;
	cairo_t	*cr = d->cr;
	int	i;
	char	buf[128];

	font(d, 0.9, 0);
	cairo_set_line_width(cr, d->lw);
	cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
	for (i = 0; i < d->ntx; i++) {
		double	x;

		if (d->tx[i] < d->rx.lo - 1e-9 || d->tx[i] > d->rx.hi + 1e-9)
			continue;
		x = X(d, d->tx[i]);
		cairo_move_to(cr, x, d->y1);
		cairo_line_to(cr, x, d->y1 + 0.4 * d->fs);
		cairo_stroke(cr);
		tick_label(d, buf, sizeof buf, a, d->tx[i], d->xstep, d->xunit);
		text_at(d, x, d->y1 + 0.6 * d->fs, 0.5, 0, buf);
	}
	if (a->kind == PA_LOG)
		for (i = 0; i + 1 < d->ntx; i++) {
			int	m;

			for (m = 2; m <= 9; m++) {
				double	x = X(d, d->tx[i] * m);

				cairo_move_to(cr, x, d->y1);
				cairo_line_to(cr, x, d->y1 + 0.2 * d->fs);
			}
			cairo_stroke(cr);
		}
	if (a->label != NULL) {
		font(d, 1, 0);
		cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
		text_at(d, (d->x0 + d->x1) / 2, d->y1 + 2.0 * d->fs, 0.5, 0, a->label);
	}
}

/* x ticks that do not overlap: fewer until the widest label fits its interval */
static void
x_ticks(struct dc *d, double lo, double hi)
{
	int	want = 12;

	for (; want >= 1; want--) {
		double	w, room;

		d->ntx = axis_setup(&d->p->x, lo, hi, want, &d->rx, d->tx, &d->xstep,
		    &d->xunit);
		if (d->p->x.kind == PA_CATEGORY || d->ntx < 2)
			return;
		w = ticks_width(d, &d->p->x, d->tx, d->ntx, d->xstep, d->xunit);
		room = (d->x1 - d->x0) * fabs(d->tx[1] - d->tx[0]) / (d->rx.hi - d->rx.lo);
		if (d->p->x.kind == PA_LOG)
			room = (d->x1 - d->x0) / (d->ntx > 1 ? d->ntx - 1 : 1);
		if (w + 1.2 * d->fs <= room || d->p->x.kind == PA_LOG)
			return;
	}
}

static int
render(cairo_t *cr, const struct plot *p, double W, double H)
{
	struct dc d;
	struct legend_ent le[PLOT_MAX_SERIES + 1];
	double	xl, xh, yl, yh, y2l, y2h, top, bottom, left, right, lw_left = 0;
	int	nle, rows, i, pass, want_y;
	char	dummy;

	memset(&d, 0, sizeof d);
	d.cr = cr;
	d.p = p;
	d.W = W;
	d.H = H;
	d.fs = 15 * sqrt(W * H / (1200.0 * 700.0));
	if (d.fs < 9)
		d.fs = 9;
	if (d.fs > 15 * sqrt(W / 1200.0) * 1.2 && W < 1200)
		d.fs = fmax(9, 15 * W / 1200.0 * 1.2);
	d.lw = d.fs / 12;
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	if (data_ranges(&d, &xl, &xh, &yl, &yh, &y2l, &y2h) != 0)
		return -1;
	if (p->heat != NULL && heat_range(&d) != 0) {
		free(d.stack);
		return -1;
	}

	/* vertical layout: title, subtitle, plot, x axis, legend, note */
	top = 0.8 * d.fs + 1.35 * d.fs * 1.3;
	if (p->subtitle != NULL)
		top += 1.3 * d.fs;
	top += 0.9 * d.fs;
	if (p->heat == NULL && p->y2.label == NULL)
		top += 0.2 * d.fs;
	nle = legend_entries(p, le, PLOT_MAX_SERIES + 1);

	/* y ticks and the left and right margins depend on each other only
	 * through the plot height: two passes settle them */
	left = right = 0;
	bottom = H;
	for (pass = 0; pass < 2; pass++) {
		double	ph = (pass == 0 ? H * 0.6 : bottom - top);

		want_y = (int)fmax(2, fmin(10, ph / (3.2 * d.fs)));
		d.nty = axis_setup(&p->y, yl, yh, want_y, &d.ry, d.ty, &d.ystep, &d.yunit);
		lw_left = ticks_width(&d, &p->y, d.ty, d.nty, d.ystep, d.yunit);
		left = 0.9 * d.fs + lw_left + (p->y.label != NULL ? 1.9 * d.fs : 0.6 *
		    d.fs);
		if (p->y2.label != NULL) {
			d.nty2 = axis_setup(&p->y2, y2l, y2h, want_y, &d.ry2, d.ty2,
			    &d.y2step, &dummy);
			right = 0.9 * d.fs + ticks_width(&d, &p->y2, d.ty2, d.nty2,
			    d.y2step, 0) + 2.0 * d.fs;
		} else if (p->heat != NULL && p->heat->ncat == 0)
			right = 1.1 * d.fs + 1.1 * d.fs + 0.5 * d.fs +
			    heat_ticks_width(&d) + 0.5 * d.fs + 1.4 * d.fs + 0.6 * d.fs;
		else
			right = 2.5 * d.fs;
		d.x0 = left;
		d.x1 = W - right;
		rows = legend_layout(&d, le, nle, d.x0, 0, d.x1 - d.x0, 0);
		bottom = H - (3.6 * d.fs + rows * 1.5 * d.fs + (p->note != NULL ? 1.4 *
		    d.fs : 0) + 0.6 * d.fs);
	}
	d.y0 = top;
	d.y1 = bottom;
	if (d.x1 - d.x0 < 50 || d.y1 - d.y0 < 50)
		return -1;
	x_ticks(&d, xl, xh);

	/* plot area */
	cairo_save(cr);
	cairo_rectangle(cr, d.x0, d.y0, d.x1 - d.x0, d.y1 - d.y0);
	cairo_clip(cr);
	for (i = 0; i < p->ns; i++)
		if (p->s[i].kind == PS_SPANS)
			draw_spans(&d, &p->s[i]);
	if (p->heat != NULL && draw_heat(&d) != 0) {
		cairo_restore(cr);
		return -1;
	}
	if (p->ygrid && p->y.kind != PA_CATEGORY) {
		cairo_set_source_rgba(cr, 0, 0, 0, 0.12);
		cairo_set_line_width(cr, d.lw);
		for (i = 0; i < d.nty; i++) {
			cairo_move_to(cr, d.x0, Y(&d, 0, d.ty[i]));
			cairo_line_to(cr, d.x1, Y(&d, 0, d.ty[i]));
		}
		cairo_stroke(cr);
	}
	if (d.stack != NULL)
		memset(d.stack, 0, d.nstack * sizeof *d.stack);
	for (i = 0; i < p->ns; i++)
		if (p->s[i].kind == PS_STACK_STEP)
			draw_stack(&d, &p->s[i]);
	for (i = 0; i < p->ns; i++)
		if (p->s[i].kind == PS_BAND)
			draw_band(&d, &p->s[i]);
	for (i = 0; i < p->ns; i++)
		if (p->s[i].kind == PS_BARS)
			draw_bars(&d, &p->s[i]);
		else if (p->s[i].kind == PS_HBARS)
			draw_hbars(&d, &p->s[i]);
	for (i = 0; i < p->ns; i++)
		if (p->s[i].kind == PS_LINE || p->s[i].kind == PS_STEP)
			draw_line(&d, &p->s[i], p->s[i].kind == PS_STEP);
	for (i = 0; i < p->ns; i++)
		if (p->s[i].kind == PS_VLINE || p->s[i].kind == PS_HLINE)
			draw_refs(&d, &p->s[i]);
	cairo_restore(cr);
	/* markers and their labels may reach over the frame */
	for (i = 0; i < p->ns; i++)
		if (p->s[i].kind == PS_MARKERS)
			draw_markers(&d, &p->s[i]);
	free(d.stack);
	d.stack = NULL;

	/* frame, axes */
	cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
	cairo_set_line_width(cr, d.lw);
	cairo_rectangle(cr, d.x0, d.y0, d.x1 - d.x0, d.y1 - d.y0);
	cairo_stroke(cr);
	draw_xaxis(&d);
	draw_yaxis(&d, 0);
	if (p->y2.label != NULL)
		draw_yaxis(&d, 1);
	if (p->heat != NULL && p->heat->ncat == 0)
		draw_colour_bar(&d, d.x1 + 1.1 * d.fs);

	/* titles: left-aligned with the plot area */
	cairo_set_source_rgb(cr, 0, 0, 0);
	font(&d, 1.35, 1);
	text_at(&d, d.x0, 0.8 * d.fs, 0, 0, p->title != NULL ? p->title : "");
	if (p->subtitle != NULL) {
		cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
		font(&d, 1, 0);
		text_at(&d, d.x0, 0.8 * d.fs + 1.35 * d.fs * 1.3, 0, 0, p->subtitle);
	}
	legend_layout(&d, le, nle, d.x0, d.y1 + 3.4 * d.fs, d.x1 - d.x0, 1);
	if (p->note != NULL) {
		cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
		font(&d, 0.85, 0);
		text_at(&d, d.x0, H - 0.5 * d.fs, 0, 1, p->note);
	}
	return 0;
}

static cairo_status_t
write_fp(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS :
	    CAIRO_STATUS_WRITE_ERROR;
}

int
plot_write(const struct plot *p, enum plot_fmt f, int width, int height, FILE *fp)
{
	cairo_surface_t *sf;
	cairo_t	*cr;
	int	rc;

	if (width < 1 || height < 1)
		return -1;
	switch (f) {
	case PLOT_PNG:
		sf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
		break;
	case PLOT_SVG:
		sf = cairo_svg_surface_create_for_stream(write_fp, fp, width, height);
		if (cairo_surface_status(sf) == CAIRO_STATUS_SUCCESS)
			cairo_svg_surface_set_document_unit(sf, CAIRO_SVG_UNIT_PX);
		break;
	default:
		sf = cairo_pdf_surface_create_for_stream(write_fp, fp, width, height);
		if (cairo_surface_status(sf) == CAIRO_STATUS_SUCCESS) {
			if (p->title != NULL)
				cairo_pdf_surface_set_metadata(sf,
				    CAIRO_PDF_METADATA_TITLE, p->title);
			cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATOR,
			    "dcplan");
			/* no creation date: the same input gives the same file */
			cairo_pdf_surface_set_metadata(sf,
			    CAIRO_PDF_METADATA_CREATE_DATE, "");
		}
		break;
	}
	if (cairo_surface_status(sf) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(sf);
		return -1;
	}
	cr = cairo_create(sf);
	rc = render(cr, p, width, height);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		rc = -1;
	cairo_destroy(cr);
	if (rc == 0 && f == PLOT_PNG &&
	    cairo_surface_write_to_png_stream(sf, write_fp, fp) != CAIRO_STATUS_SUCCESS)
		rc = -1;
	cairo_surface_finish(sf);
	if (cairo_surface_status(sf) != CAIRO_STATUS_SUCCESS)
		rc = -1;
	cairo_surface_destroy(sf);
	if (fflush(fp) != 0 || ferror(fp))
		rc = -1;
	return rc;
}

void
plot_release(void)
{
	cairo_debug_reset_static_data();
	FcFini();
}
