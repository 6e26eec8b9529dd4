/*
 * sweep_plot.c - the pictures of dcplan sweep (see sweep_plot.h).
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "plan.h"
#include "site.h"
#include "sweep_doc.h"
#include "sweep_plot.h"

const char *const sweep_plot_kinds[] = { "lines", "verdict", NULL };

/* Lines drawn at most: the Okabe-Ito colours but black and grey. */
#define MAX_LINES	7

/* One case as the picture keeps it. */
struct spt {
	int	xi, si;		/* value index of input 1 and of input 2 */
	double	y;
	int	cls;		/* exit class */
};

/* The distinct values of one input, in the order of the cases. */
struct values {
	char	**v;
	size_t	n, cap;
};

struct sweep_plot {
	int	kind;
	char	*site, *ycol, *ylabel, *xpath, *spath, *note;
	int	col;			/* the y column */
	size_t	nvary;
	struct values xv, sv;
	char	**first;		/* case 1's values of inputs 3.. */
	char	**opath;		/* their paths */
	int	have_first;
	struct spt *pt;
	size_t	npt, cappt;
	size_t	ncases, nskipped;
};

static int
value_index(struct values *vs, const char *s)
{
	size_t	i;
	char	**nv;

	if (s == NULL)
		s = "(site)";
	for (i = 0; i < vs->n; i++)
		if (strcmp(vs->v[i], s) == 0)
			return (int)i;
	if (vs->n == vs->cap) {
		size_t	cap = vs->cap ? 2 * vs->cap : 16;

		if ((nv = realloc(vs->v, cap * sizeof *nv)) == NULL)
			return -1;
		vs->v = nv;
		vs->cap = cap;
	}
	if ((vs->v[vs->n] = strdup(s)) == NULL)
		return -1;
	return (int)vs->n++;
}

static void
values_free(struct values *vs)
{
	size_t	i;

	for (i = 0; i < vs->n; i++)
		free(vs->v[i]);
	free(vs->v);
}

struct sweep_plot *
sweep_plot_new(const struct sweep_doc *doc, const char *site_name,
    const char *const *paths, size_t nvary, const char *ycol, int kind, char *err,
    size_t len)
{
	struct sweep_plot *p;
	size_t	i;

	if (kind == SWEEP_PIC_VERDICT && nvary < 2) {
		snprintf(err, len, "the verdict picture needs two varied inputs (it is "
		    "a map over them)");
		return NULL;
	}
	if (ycol != NULL && kind == SWEEP_PIC_VERDICT) {
		snprintf(err, len, "--plot-y is for the lines picture");
		return NULL;
	}
	if (ycol != NULL) {
		int	c = sweep_doc_col(doc, ycol);

		if (c < 0) {
			snprintf(err, len, "--plot-y '%s': %s", ycol, c == -1 ?
			    "not a number column" : "no such column (see dcplan-json(5), "
			    "Sweeps)");
			return NULL;
		}
	}
	if ((p = calloc(1, sizeof *p)) == NULL ||
	    (p->site = strdup(site_name ? site_name : "")) == NULL ||
	    (p->xpath = strdup(paths[0])) == NULL ||
	    (nvary > 1 && (p->spath = strdup(paths[1])) == NULL) ||
	    (nvary > 2 && (p->first = calloc(nvary - 2, sizeof *p->first)) == NULL) ||
	    (nvary > 2 && (p->opath = calloc(nvary - 2, sizeof *p->opath)) == NULL) ||
	    (ycol != NULL && (p->ycol = strdup(ycol)) == NULL)) {
		sweep_plot_free(p);
		snprintf(err, len, "out of memory");
		return NULL;
	}
	p->kind = kind;
	p->nvary = nvary;
	for (i = 2; i < nvary; i++)
		if ((p->opath[i - 2] = strdup(paths[i])) == NULL) {
			sweep_plot_free(p);
			snprintf(err, len, "out of memory");
			return NULL;
		}
	p->col = ycol != NULL ? sweep_doc_col(doc, ycol) : -1;
	return p;
}

void
sweep_plot_free(struct sweep_plot *p)
{
	size_t	i;

	if (p == NULL)
		return;
	values_free(&p->xv);
	values_free(&p->sv);
	for (i = 0; p->first != NULL && i + 2 < p->nvary; i++)
		free(p->first[i]);
	for (i = 0; p->opath != NULL && i + 2 < p->nvary; i++)
		free(p->opath[i]);
	free(p->first);
	free(p->opath);
	free(p->pt);
	free(p->site);
	free(p->ycol);
	free(p->ylabel);
	free(p->xpath);
	free(p->spath);
	free(p->note);
	free(p);
}

/* the default y: the cost with prices, else the peak facility power; decided
 * on the first case that ran */
static void
default_y(struct sweep_plot *p, const struct sweep_doc *doc,
    const struct sweep_case_out *o)
{
	if (p->col >= 0 || o->exit_class > 1)
		return;
	p->col = sweep_doc_col(doc, o->res->cost.computed ? "cost_total" :
	    "peak_facility_mw");
}

int
sweep_plot_add(struct sweep_plot *p, const struct sweep_doc *doc,
    const struct sweep_case_out *o)
{
	struct spt *t;
	size_t	i;

	p->ncases++;
	/* the other inputs at case 1's values */
	for (i = 2; i < p->nvary; i++) {
		const char *v = o->typed[i] ? o->typed[i] : "(site)";

		if (!p->have_first) {
			if ((p->first[i - 2] = strdup(v)) == NULL)
				return -1;
		} else if (strcmp(p->first[i - 2], v) != 0) {
			p->nskipped++;
			return 0;
		}
	}
	p->have_first = 1;
	default_y(p, doc, o);
	if (p->ylabel == NULL && p->col >= 0) {
		const char *unit, *name = sweep_doc_col_name(doc, p->col, &unit);
		size_t	n = strlen(name) + (unit ? strlen(unit) : 0) + 4;

		if ((p->ylabel = malloc(n)) == NULL)
			return -1;
		if (unit != NULL)
			snprintf(p->ylabel, n, "%s (%s)", name, unit);
		else
			snprintf(p->ylabel, n, "%s", name);
	}
	if (p->npt == p->cappt) {
		size_t	cap = p->cappt ? 2 * p->cappt : 64;

		if ((t = realloc(p->pt, cap * sizeof *t)) == NULL)
			return -1;
		p->pt = t;
		p->cappt = cap;
	}
	t = &p->pt[p->npt];
	if ((t->xi = value_index(&p->xv, o->typed[0])) < 0 ||
	    (t->si = p->nvary > 1 ? value_index(&p->sv, o->typed[1]) : 0) < 0)
		return -1;
	t->cls = o->exit_class;
	t->y = o->exit_class <= 1 && p->col >= 0 ? sweep_doc_value(doc, p->col) : NAN;
	p->npt++;
	return 0;
}

/* ---- the x axis from the typed values ---- */

/* All values dates: 'd'; all a number and one unit: 'n' with the unit; else 'c'. */
static int
axis_type(const struct values *vs, char *unit, size_t ulen)
{
	size_t	i;
	int	dates = 1, nums = 1;

	unit[0] = '\0';
	for (i = 0; i < vs->n; i++) {
		char	err[128], *end;
		const char *u;
		int	day;

		if (date_parse(vs->v[i], &day, err, sizeof err) != 0)
			dates = 0;
		errno = 0;
		(void)strtod(vs->v[i], &end);
		if (end == vs->v[i] || errno != 0) {
			nums = 0;
			continue;
		}
		for (u = end; isspace((unsigned char)*u); u++)
			;
		if (i == 0)
			snprintf(unit, ulen, "%s", u);
		else if (strcmp(unit, u) != 0)
			nums = 0;
	}
	return dates && vs->n ? 'd' : nums && vs->n ? 'n' : 'c';
}

static double
axis_value(const struct values *vs, int i, int type)
{
	int	day;
	char	err[128];

	if (type == 'd' && date_parse(vs->v[i], &day, err, sizeof err) == 0)
		return day;
	if (type == 'n')
		return strtod(vs->v[i], NULL);
	return i;
}

int
sweep_plot_lines(const struct sweep_plot *p, size_t *n)
{
	*n = p->nvary > 1 ? (p->sv.n < MAX_LINES ? p->sv.n : MAX_LINES) : 1;
	return 0;
}

int
sweep_plot_line(const struct sweep_plot *p, size_t li, const char **label,
    double **xo, double **yo, int **bo, size_t *no)
{
	char	unit[64];
	int	type = axis_type(&p->xv, unit, sizeof unit);
	double	*x, *y;
	int	*b;
	size_t	i, j, n = 0;

	*label = p->nvary > 1 && li < p->sv.n ? p->sv.v[li] : NULL;
	x = calloc(p->npt + 1, sizeof *x);
	y = calloc(p->npt + 1, sizeof *y);
	b = calloc(p->npt + 1, sizeof *b);
	if (x == NULL || y == NULL || b == NULL) {
		free(x);
		free(y);
		free(b);
		return -1;
	}
	for (i = 0; i < p->npt; i++) {
		const struct spt *t = &p->pt[i];
		double	xv;

		if (p->nvary > 1 && (size_t)t->si != li)
			continue;
		xv = axis_value(&p->xv, t->xi, type);
		/* ascending x (insertion: the cases mostly come in order) */
		for (j = n; j > 0 && x[j - 1] > xv; j--) {
			x[j] = x[j - 1];
			y[j] = y[j - 1];
			b[j] = b[j - 1];
		}
		x[j] = xv;
		y[j] = t->y;
		b[j] = t->cls == 1;
		n++;
	}
	*xo = x;
	*yo = y;
	*bo = b;
	*no = n;
	return 0;
}

int
sweep_plot_grid(const struct sweep_plot *p, int *nx, int *ny, double **zo)
{
	double	*z;
	size_t	i, k;

	*nx = (int)p->xv.n;
	*ny = p->nvary > 1 ? (int)p->sv.n : 1;
	if ((z = malloc((size_t)(*nx ? *nx : 1) * (size_t)(*ny ? *ny : 1) *
	    sizeof *z)) == NULL)
		return -1;
	for (k = 0; k < (size_t)*nx * (size_t)*ny; k++)
		z[k] = NAN;
	for (i = 0; i < p->npt; i++) {
		const struct spt *t = &p->pt[i];

		if (t->cls <= 1)
			z[(size_t)t->si * (size_t)*nx + (size_t)t->xi] =
			    t->cls == 0 ? 1 : -1;
	}
	*zo = z;
	return 0;
}

/* ---- drawing ---- */

/* "PATH (UNIT)" or "PATH" */
static void
axis_label(char *buf, size_t len, const char *path, int type, const char *unit)
{
	if (type == 'n' && unit[0] != '\0')
		snprintf(buf, len, "%s (%s)", path, unit);
	else
		snprintf(buf, len, "%s", path);
}

/* The note: what the picture leaves out. */
static void
make_note(const struct sweep_plot *p, char *buf, size_t len, size_t nlines)
{
	size_t	o = 0, i;

	buf[0] = '\0';
	if (p->nvary > 2) {
		o += (size_t)snprintf(buf + o, len - o, "the cases with");
		for (i = 2; i < p->nvary && o < len; i++)
			o += (size_t)snprintf(buf + o, len - o, "%s %s = %s",
			    i > 2 ? "," : "", p->opath[i - 2], p->first[i - 2]);
		if (o < len)
			o += (size_t)snprintf(buf + o, len - o, " (%zu of %zu cases); ",
			    p->npt, p->ncases);
	}
	if (p->kind == SWEEP_PIC_LINES && p->nvary > 1 && p->sv.n > nlines && o < len)
		o += (size_t)snprintf(buf + o, len - o, "the first %zu of %zu values of "
		    "%s; ", nlines, p->sv.n, p->spath);
	if (o >= 2 && o < len)
		buf[o - 2] = '\0';
}

static int
draw_lines(struct sweep_plot *p, enum plot_fmt f, int w, int h, FILE *fp)
{
	static const int colours[MAX_LINES] = { PC_BLUE, PC_ORANGE, PC_GREEN,
	    PC_VERMILION, PC_PURPLE, PC_SKY, PC_YELLOW };
	struct plot pl;
	struct plot_series *ps;
	double	*x[MAX_LINES] = { NULL }, *y[MAX_LINES] = { NULL }, *bx, *by;
	int	*b[MAX_LINES] = { NULL };
	size_t	n[MAX_LINES] = { 0 }, nl, i, k, nb = 0;
	const char *lab;
	char	unit[64], xl[256], yl[256], title[512], sub[512], note[512],
		names[MAX_LINES][300];
	int	type = axis_type(&p->xv, unit, sizeof unit), rc = -1;

	sweep_plot_lines(p, &nl);
	if ((bx = calloc(p->npt + 1, sizeof *bx)) == NULL ||
	    (by = calloc(p->npt + 1, sizeof *by)) == NULL) {
		free(bx);
		return -1;
	}
	plot_init(&pl, title, sub);
	axis_label(xl, sizeof xl, p->xpath, type, unit);
	snprintf(yl, sizeof yl, "%s", p->ylabel ? p->ylabel : "");
	/* the axes name the inputs: a long title keeps the output only */
	snprintf(title, sizeof title, "%s: %s against %s", p->site, p->ylabel ?
	    p->ylabel : "", p->xpath);
	if (strlen(title) > 80)
		snprintf(title, sizeof title, "%s: %s", p->site, p->ylabel ?
		    p->ylabel : "");
	if (p->nvary > 1)
		snprintf(sub, sizeof sub, "dcplan sweep, %zu cases; a line per %s; "
		    "black: infeasible, gaps: invalid", p->ncases, p->spath);
	else
		snprintf(sub, sizeof sub, "dcplan sweep, %zu cases; black: "
		    "infeasible, gaps: invalid", p->ncases);
	make_note(p, note, sizeof note, nl);
	pl.note = note[0] ? note : NULL;
	pl.x.kind = type == 'd' ? PA_DATE : type == 'n' ? PA_LINEAR : PA_CATEGORY;
	pl.x.label = xl;
	if (type == 'c') {
		pl.x.cats = (const char *const *)p->xv.v;
		pl.x.ncats = (int)p->xv.n;
	}
	pl.y.label = yl;
	pl.y.zero = 1;
	for (i = 0; i < nl; i++) {
		if (sweep_plot_line(p, i, &lab, &x[i], &y[i], &b[i], &n[i]) != 0)
			goto out;
		if (lab != NULL)
			snprintf(names[i], sizeof names[i], "%s = %s", p->spath, lab);
		if ((ps = plot_add(&pl, PS_LINE, lab != NULL ? names[i] : NULL,
		    colours[i])) != NULL) {
			ps->x = x[i];
			ps->y = y[i];
			ps->n = n[i];
			/* earlier lines wider, so a later line with the same values
			 * lies on top of it and both colours show */
			ps->width = 1.5 + 1.5 * (double)(nl - 1 - i) / (nl > 1 ? nl - 1 : 1);
		}
		if ((ps = plot_add(&pl, PS_MARKERS, NULL, colours[i])) != NULL) {
			ps->x = x[i];
			ps->y = y[i];
			ps->n = n[i];
			ps->marker = PM_CIRCLE;
		}
		for (k = 0; k < n[i]; k++)
			if (b[i][k] && !isnan(y[i][k])) {
				bx[nb] = x[i][k];
				by[nb++] = y[i][k];
			}
	}
	if (nb > 0 && (ps = plot_add(&pl, PS_MARKERS, "infeasible", PC_BLACK)) != NULL) {
		ps->x = bx;
		ps->y = by;
		ps->n = nb;
		ps->marker = PM_CIRCLE;
	}
	rc = plot_write(&pl, f, w, h, fp);
out:
	for (i = 0; i < MAX_LINES; i++) {
		free(x[i]);
		free(y[i]);
		free(b[i]);
	}
	free(bx);
	free(by);
	return rc;
}

static int
draw_verdict(struct sweep_plot *p, enum plot_fmt f, int w, int h, FILE *fp)
{
	static const char *const cat_label[] = { "feasible", "infeasible" };
	static const unsigned cat_rgb[] = { 0x0072B2, 0xD55E00 };
	struct plot pl;
	struct plot_heat ht;
	double	*z;
	size_t	k;
	int	nx, ny, rc, gaps = 0;
	char	title[512], sub[512], note[512];

	if (sweep_plot_grid(p, &nx, &ny, &z) != 0)
		return -1;
	snprintf(title, sizeof title, "%s: the verdict over %s and %s", p->site,
	    p->xpath, p->spath);
	if (strlen(title) > 80)
		snprintf(title, sizeof title, "%s: the verdict of each case", p->site);
	snprintf(sub, sizeof sub, "dcplan sweep, %zu cases; each cell is one case's plan "
	    "verdict", p->ncases);
	make_note(p, note, sizeof note, 0);
	plot_init(&pl, title, sub);
	pl.note = note[0] ? note : NULL;
	pl.ygrid = 0;
	memset(&ht, 0, sizeof ht);
	ht.z = z;
	ht.nx = nx;
	ht.ny = ny;
	ht.x0 = -0.5;
	ht.dx = 1;
	ht.y0 = -0.5;
	ht.dy = 1;
	/* the grid's 1 (feasible) and -1 (infeasible) as two categories, in the
	 * Okabe-Ito blue and vermilion; grey only when some cell has no plan */
	for (k = 0; k < (size_t)nx * (size_t)ny; k++)
		if (isfinite(z[k]))
			z[k] = z[k] > 0 ? 0 : 1;
		else
			gaps = 1;
	ht.ncat = 2;
	ht.cat_label = cat_label;
	ht.cat_rgb = cat_rgb;
	ht.nan_label = gaps ? "invalid case (or no such case)" : NULL;
	pl.heat = &ht;
	pl.x.kind = PA_CATEGORY;
	pl.x.label = p->xpath;
	pl.x.cats = (const char *const *)p->xv.v;
	pl.x.ncats = nx;
	pl.y.kind = PA_CATEGORY;
	pl.y.label = p->spath;
	pl.y.cats = (const char *const *)p->sv.v;
	pl.y.ncats = ny;
	rc = plot_write(&pl, f, w, h, fp);
	free(z);
	return rc;
}

int
sweep_plot_draw(void *vp, enum plot_fmt f, int w, int h, FILE *fp)
{
	struct sweep_plot *p = vp;

	if (p->kind == SWEEP_PIC_VERDICT)
		return draw_verdict(p, f, w, h, fp);
	return draw_lines(p, f, w, h, fp);
}
