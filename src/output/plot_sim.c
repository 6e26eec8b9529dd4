/*
 * plot_sim.c - the pictures of simulate (see plot_pics.h), drawn from the
 * simulation steps the CSV writer takes: the load-duration curve, PUE and water per
 * month, and hour-of-day by day heat maps of the supply margin and of PUE.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "plot.h"
#include "plot_pics.h"
#include "sim.h"
#include "site.h"

void
plot_sim_init(struct sim_series *s, double step_s)
{
	memset(s, 0, sizeof *s);
	s->step_h = step_s / 3600;
}

void
plot_sim_free(struct sim_series *s)
{
	free(s->day);
	free(s->minute);
	free(s->it_mw);
	free(s->fac_mw);
	free(s->cool_mw);
	free(s->pue);
	free(s->water_m3);
	free(s->grid_cap_mw);
	free(s->firm_cap_mw);
	memset(s, 0, sizeof *s);
}

#define GROW(p, c) do {							\
	void	*np_ = realloc((p), (c) * sizeof *(p));			\
	if (np_ == NULL)						\
		return -1;						\
	(p) = np_;							\
} while (0)

int
plot_sim_add(struct sim_series *s, const struct sim_step *st)
{
	const struct plant_result *r = st->plant;
	size_t	i;

	if (s->n == s->cap) {
		size_t	c = s->cap ? s->cap * 2 : 8784;

		GROW(s->day, c);
		GROW(s->minute, c);
		GROW(s->it_mw, c);
		GROW(s->fac_mw, c);
		GROW(s->cool_mw, c);
		GROW(s->pue, c);
		GROW(s->water_m3, c);
		GROW(s->grid_cap_mw, c);
		GROW(s->firm_cap_mw, c);
		s->cap = c;
	}
	i = s->n++;
	s->day[i] = st->day;
	s->minute[i] = st->minute;
	s->it_mw[i] = r->it.it_w / 1e6;
	s->fac_mw[i] = r->facility_w / 1e6;
	/* the cooling plant: the simulate CSV's chiller, tower, dry-cooler, air-handler
	 * and pump columns */
	s->cool_mw[i] = (r->chiller_w + r->tower_fan_w + r->drycooler_fan_w +
	    r->crah_fan_w + r->chw_pump_w + r->cw_pump_w + r->fw_pump_w +
	    r->cdu_pump_w) / 1e6;
	s->pue[i] = r->it.it_w > 0 ? r->pue : NAN;
	s->water_m3[i] = r->water * s->step_h * 3600;
	s->grid_cap_mw[i] = st->grid_cap_w / 1e6;
	s->firm_cap_mw[i] = (st->grid_cap_w + st->gen_cap_w) / 1e6;
	return 0;
}

static int
desc(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

static void
sorted(const double *v, size_t n, double *out)
{
	memcpy(out, v, n * sizeof *v);
	qsort(out, n, sizeof *out, desc);
}

void
plot_sim_duration(const struct sim_series *s, double *hours, double *fac, double *it,
    double *cool, double *grid, double *firm)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		hours[i] = (double)(i + 1) * s->step_h;
	sorted(s->fac_mw, s->n, fac);
	sorted(s->it_mw, s->n, it);
	sorted(s->cool_mw, s->n, cool);
	sorted(s->grid_cap_mw, s->n, grid);
	sorted(s->firm_cap_mw, s->n, firm);
}

int
plot_sim_monthly(const struct sim_series *s, double *pue, double *water_m3,
    char (*label)[8], int max)
{
	double	e_fac = 0, e_it = 0;
	int	k = -1, cur = -1, y, m, d;
	size_t	i;

	for (i = 0; i < s->n; i++) {
		int	ym;

		date_to_ymd(s->day[i], &y, &m, &d);
		ym = y * 12 + m - 1;
		if (ym != cur) {
			if (k >= 0)
				pue[k] = e_it > 0 ? e_fac / e_it : NAN;
			if (k + 1 >= max)
				return k + 1;
			k++;
			cur = ym;
			e_fac = e_it = 0;
			water_m3[k] = 0;
			snprintf(label[k], 8, "%04d-%02d", (y % 10000 + 10000) % 10000,
			    (m % 100 + 100) % 100);
		}
		e_fac += s->fac_mw[i];
		e_it += s->it_mw[i];
		water_m3[k] += s->water_m3[i];
	}
	if (k >= 0)
		pue[k] = e_it > 0 ? e_fac / e_it : NAN;
	return k + 1;
}

int
plot_sim_grid(const struct sim_series *s, int *nx, int *ny)
{
	if (s->n == 0 || !(s->step_h > 0))
		return -1;
	*nx = (int)lround(24 / s->step_h);
	*ny = s->day[s->n - 1] - s->day[0] + 1;
	if (*nx < 1 || *ny < 1)
		return -1;
	return 0;
}

int
plot_sim_heat(const struct sim_series *s, enum sim_pic what, double *z, int *nx,
    int *ny, int *day0)
{
	size_t	i;
	int	k;

	if (plot_sim_grid(s, nx, ny) != 0)
		return -1;
	*day0 = s->day[0];
	for (k = 0; k < *nx * *ny; k++)
		z[k] = NAN;
	for (i = 0; i < s->n; i++) {
		int	col = (int)lround(s->minute[i] / 60.0 / s->step_h);
		int	row = s->day[i] - *day0;

		if (col < 0 || col >= *nx || row < 0 || row >= *ny)
			return -1;
		z[(size_t)row * *nx + col] = what == SIM_HEAT_PUE ? s->pue[i] :
		    s->firm_cap_mw[i] - s->fac_mw[i];
	}
	return 0;
}

static void
range_text(const struct sim_series *s, char *buf, size_t len)
{
	char	a[16], b[16];

	if (s->n == 0) {
		snprintf(buf, len, "no steps");
		return;
	}
	date_format(s->day[0], a);
	date_format(s->day[s->n - 1], b);
	snprintf(buf, len, "%s to %s, %g min steps", a, b, s->step_h * 60);
}

static int
draw_duration(const struct site *site, const struct sim_series *s, enum plot_fmt f,
    int w, int h, FILE *fp)
{
	struct plot p;
	struct plot_series *ps;
	double	*v;
	char	title[256], sub[256], rt[96];
	size_t	n = s->n ? s->n : 1, i;
	int	rc, any_gen = 0;
	const char *labels[5] = { "facility", "IT", "cooling plant", "grid capacity",
	    "grid + generators (derated)" };
	const int colours[5] = { PC_BLACK, PC_BLUE, PC_GREEN, PC_SKY, PC_ORANGE };

	double	top = 0, mul;
	const char *unit;
	char	ylab[32];

	if ((v = calloc(6 * n, sizeof *v)) == NULL)
		return -1;
	plot_sim_duration(s, v, v + n, v + 2 * n, v + 3 * n, v + 4 * n, v + 5 * n);
	for (i = 0; i < s->n; i++) {
		any_gen |= s->firm_cap_mw[i] > s->grid_cap_mw[i] + 1e-9;
		top = fmax(top, fmax(s->fac_mw[i], s->firm_cap_mw[i]));
	}
	/* a small site reads in kW */
	unit = plot_power_unit(top, &mul);
	for (i = n; i < 6 * n; i++)
		v[i] *= mul;
	snprintf(ylab, sizeof ylab, "power (%s)", unit);
	range_text(s, rt, sizeof rt);
	snprintf(title, sizeof title, "%s: load-duration curve", site->name);
	snprintf(sub, sizeof sub, "dcplan simulate, %s; each curve sorted from its "
	    "highest step down", rt);
	plot_init(&p, title, sub);
	p.x.label = "hours at or above the power";
	p.x.zero = 1;
	p.y.label = ylab;
	p.y.zero = 1;
	for (i = 5; i-- > 0;) {
		if (i == 4 && !any_gen)
			continue;
		if ((ps = plot_add(&p, PS_LINE, labels[i], colours[i])) == NULL)
			continue;
		ps->x = v;
		ps->y = v + (i + 1) * n;
		ps->n = s->n;
		ps->dashed = i >= 3;
		ps->width = i >= 3 ? 1.2 : 1.3;
	}
	/* legend in reading order: loads first */
	{
		struct plot_series tmp[PLOT_MAX_SERIES];
		int	k;

		for (k = 0; k < p.ns; k++)
			tmp[k] = p.s[p.ns - 1 - k];
		memcpy(p.s, tmp, (size_t)p.ns * sizeof *tmp);
	}
	p.x.fixed = 1;
	p.x.min = 0;
	p.x.max = s->n * s->step_h;
	p.note = "each curve is sorted on its own, so the hours of a supply line and "
	    "of the load need not coincide: --plot-kind heatmap-margin shows them hour "
	    "by hour";
	rc = plot_write(&p, f, w, h, fp);
	free(v);
	return rc;
}

static int
draw_monthly(const struct site *site, const struct sim_series *s, enum plot_fmt f,
    int w, int h, FILE *fp)
{
	struct plot p;
	struct plot_series *ps;
	double	pue[600], water[600], x[600];
	char	lab[600][8], title[256], sub[256], rt[96];
	const char *cats[600];
	int	n = plot_sim_monthly(s, pue, water, lab, 600), i;

	for (i = 0; i < n; i++) {
		x[i] = i;
		cats[i] = lab[i];
		water[i] /= 1e3;
	}
	range_text(s, rt, sizeof rt);
	snprintf(title, sizeof title, "%s: PUE and water by month", site->name);
	snprintf(sub, sizeof sub, "dcplan simulate, %s; PUE = facility energy / IT "
	    "energy", rt);
	plot_init(&p, title, sub);
	p.x.kind = PA_CATEGORY;
	p.x.cats = cats;
	p.x.ncats = n;
	p.x.label = "month";
	p.y.label = "PUE (energy-weighted)";
	p.y2.label = "water (thousand m³)";
	p.y2.zero = 1;
	/* PUE is 1 or more: its axis starts at 1 so that the differences show */
	{
		double	hi = 1;

		for (i = 0; i < n; i++)
			if (isfinite(pue[i]) && pue[i] > hi)
				hi = pue[i];
		p.y.fixed = 1;
		p.y.min = 1;
		p.y.max = 1 + ceil((hi - 1) * 1.1 * 20 + 1e-9) / 20;
	}
	if ((ps = plot_add(&p, PS_BARS, "PUE (left axis)", PC_BLUE)) != NULL) {
		ps->x = x;
		ps->y = pue;
		ps->n = (size_t)n;
		ps->group = 0;
		ps->ngroups = 2;
	}
	if ((ps = plot_add(&p, PS_BARS, "water (right axis)", PC_SKY)) != NULL) {
		ps->x = x;
		ps->y = water;
		ps->n = (size_t)n;
		ps->group = 1;
		ps->ngroups = 2;
		ps->right = 1;
	}
	if (n > 24) {
		/* label every year's January only */
		for (i = 0; i < n; i++)
			if (strcmp(lab[i] + 5, "01") != 0)
				cats[i] = "";
	}
	return plot_write(&p, f, w, h, fp);
}

static int
draw_heat(const struct site *site, const struct sim_series *s, enum sim_pic what,
    enum plot_fmt f, int w, int h, FILE *fp)
{
	struct plot p;
	struct plot_heat ht;
	double	*z;
	int	nx, ny, d0, rc;
	char	title[256], sub[256], rt[96];

	if (plot_sim_grid(s, &nx, &ny) != 0)
		return -1;
	if ((z = calloc((size_t)nx * ny, sizeof *z)) == NULL)
		return -1;
	if (plot_sim_heat(s, what, z, &nx, &ny, &d0) != 0) {
		free(z);
		return -1;
	}
	range_text(s, rt, sizeof rt);
	memset(&ht, 0, sizeof ht);
	ht.z = z;
	ht.nx = nx;
	ht.ny = ny;
	ht.x0 = 0;
	ht.dx = s->step_h;
	ht.y0 = d0;
	ht.dy = 1;
	if (what == SIM_HEAT_PUE) {
		snprintf(title, sizeof title, "%s: PUE by hour and day", site->name);
		snprintf(sub, sizeof sub, "dcplan simulate, %s; local standard time", rt);
		ht.cmap = PCM_SEQUENTIAL;
		ht.label = "PUE";
		ht.nan_label = "no IT load";
	} else {
		snprintf(title, sizeof title, "%s: supply margin by hour and day",
		    site->name);
		snprintf(sub, sizeof sub, "dcplan simulate, %s; grid + derated generators "
		    "- facility power; red = short", rt);
		ht.cmap = PCM_DIVERGING;
		ht.label = "supply margin (MW)";
	}
	plot_init(&p, title, sub);
	p.note = "colours run from the 2nd to the 98th percentile of the cells; cells "
	    "beyond take the end colours";
	p.ygrid = 0;
	p.heat = &ht;
	p.x.label = "hour of day";
	p.x.fixed = 1;
	p.x.min = 0;
	p.x.max = 24;
	p.y.kind = PA_DATE;
	p.y.label = "day";
	rc = plot_write(&p, f, w, h, fp);
	free(z);
	return rc;
}

int
plot_sim_draw(const struct site *site, const struct sim_series *s, enum sim_pic what,
    enum plot_fmt f, int w, int h, FILE *fp)
{
	switch (what) {
	case SIM_LOAD_DURATION:
		return draw_duration(site, s, f, w, h, fp);
	case SIM_MONTHLY:
		return draw_monthly(site, s, f, w, h, fp);
	default:
		return draw_heat(site, s, what, f, w, h, fp);
	}
}
