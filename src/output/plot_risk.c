/*
 * plot_risk.c - the pictures of risk (see plot_pics.h): the S-curve of P(met by
 * date) for each target with its P50, P80 and P90 and its date, and the tornado of
 * what drives a target's date (the Spearman rank correlation of each uncertain
 * input with the met date).  Drawn from the Monte Carlo's histograms of met dates
 * and its correlations, the records the report and CSV are written from.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "plot.h"
#include "plot_pics.h"

int
plot_risk_scurve(const struct risk_curve_in *c, double *x, double *p)
{
	size_t	i;
	double	cum = 0;

	if (c->ndays == 0 || c->trials == 0)
		return -1;
	for (i = 0; i < c->ndays; i++) {
		cum += (double)c->counts[i];
		x[i] = c->day0 + (double)i;
		p[i] = cum / (double)c->trials;
	}
	return 0;
}

/* The first day with P(met by day) >= q, or DATE_NEVER-like INT sentinel (-1 here
 * as a failure) when the curve never reaches it. */
int
plot_risk_quantile(const struct risk_curve_in *c, double q, int *day)
{
	size_t	i;
	uint64_t cum = 0;

	for (i = 0; i < c->ndays; i++) {
		cum += c->counts[i];
		/* integer test: cum / trials >= q */
		if ((double)cum >= q * (double)c->trials * (1 - 1e-12)) {
			*day = c->day0 + (int)i;
			return 0;
		}
	}
	return -1;
}

static int
draw_scurve(const char *title, const char *sub, const struct risk_curve_in *c,
    size_t nt, enum plot_fmt f, int w, int h, FILE *fp)
{
	static const int colours[] = { PC_BLUE, PC_ORANGE, PC_GREEN, PC_PURPLE,
	    PC_SKY, PC_VERMILION, PC_YELLOW, PC_BLACK };
	struct plot p;
	struct plot_series *ps;
	double	*v, qx[8][3], qy[8][3], by[8];
	char	qn[8][3][48], lab[8][128], byn[8][96];
	const char *qnp[8][3], *bynp[8];
	size_t	i, off = 0, tot = 0;
	int	rc, k;
	static const double qs[3] = { 0.5, 0.8, 0.9 };

	if (nt > 8)
		nt = 8;
	for (i = 0; i < nt; i++)
		tot += c[i].ndays;
	if ((v = calloc(2 * (tot ? tot : 1), sizeof *v)) == NULL)
		return -1;
	plot_init(&p, title, sub);
	p.x.kind = PA_DATE;
	p.x.label = "date";
	p.y.label = "P(target met by the date) (%)";
	p.y.fixed = 1;
	p.y.min = 0;
	p.y.max = 100;
	for (i = 0; i < nt; i++) {
		int	col = colours[i % 8];
		char	bd[16];

		by[i] = c[i].by;
		snprintf(byn[i], sizeof byn[i], "%s due", c[i].name);
		bynp[i] = byn[i];
		/* a target never met in any trial has no curve, only its date */
		if (plot_risk_scurve(&c[i], v + off, v + tot + off) != 0)
			continue;
		for (k = 0; k < (int)c[i].ndays; k++)
			v[tot + off + k] *= 100;
		date_format(c[i].by, bd);
		snprintf(lab[i], sizeof lab[i], "%s (%d GPUs by %s): %.0f %% on time",
		    c[i].name, c[i].gpus, bd, 100 * c[i].p_on_time);
		if ((ps = plot_add(&p, PS_STEP, lab[i], col)) != NULL) {
			ps->x = v + off;
			ps->y = v + tot + off;
			ps->n = c[i].ndays;
			ps->step = 1;
			ps->width = 1.3;
		}
		/* P50, P80, P90 as markers on the curve */
		for (k = 0; k < 3; k++) {
			int	d;

			if (plot_risk_quantile(&c[i], qs[k], &d) != 0) {
				qx[i][k] = qy[i][k] = NAN;
				qnp[i][k] = NULL;
				continue;
			}
			qx[i][k] = d;
			qy[i][k] = 100 * qs[k];
			date_format(d, bd);
			snprintf(qn[i][k], sizeof qn[i][k], "P%.0f %s", 100 * qs[k], bd);
			qnp[i][k] = qn[i][k];
		}
		if ((ps = plot_add(&p, PS_MARKERS, i == 0 ? "P50, P80, P90" : NULL,
		    col)) != NULL) {
			ps->x = qx[i];
			ps->y = qy[i];
			ps->names = qnp[i];
			ps->n = 3;
		}
		off += c[i].ndays;
	}
	if ((ps = plot_add(&p, PS_VLINE, nt ? "target dates" : NULL, PC_GREY)) != NULL) {
		ps->x = by;
		ps->names = bynp;
		ps->n = nt;
	}
	rc = plot_write(&p, f, w, h, fp);
	free(v);
	return rc;
}

int
plot_risk_tornado(const struct risk_tornado_in *t, size_t *order)
{
	size_t	i, j;

	for (i = 0; i < t->ninputs; i++)
		order[i] = i;
	/* insertion sort by |rho|, largest first; ties keep the site's order */
	for (i = 1; i < t->ninputs; i++)
		for (j = i; j > 0 && fabs(t->rho[order[j]]) > fabs(t->rho[order[j - 1]]);
		    j--) {
			size_t	x = order[j];

			order[j] = order[j - 1];
			order[j - 1] = x;
		}
	return 0;
}

static int
draw_tornado(const char *title, const char *sub, const struct risk_tornado_in *t,
    enum plot_fmt f, int w, int h, FILE *fp)
{
	struct plot p;
	struct plot_series *ps;
	size_t	n = t->ninputs, i, *order;
	double	*v;
	const char **cats;
	int	rc, npos = 0, nneg = 0;
	char	xl[160];

	if (n == 0)
		return -1;
	order = calloc(n, sizeof *order);
	v = calloc(6 * n, sizeof *v);
	cats = calloc(n, sizeof *cats);
	if (order == NULL || v == NULL || cats == NULL) {
		free(order);
		free(v);
		free(cats);
		return -1;
	}
	plot_risk_tornado(t, order);
	/* the strongest at the top: category n-1 is drawn highest */
	for (i = 0; i < n; i++) {
		size_t	k = order[i], row = n - 1 - i;
		double	r = t->rho[k];

		cats[row] = t->names[k];
		if (r >= 0) {
			v[npos] = (double)row;
			v[n + npos] = r;
			v[2 * n + npos] = 0;
			npos++;
		} else {
			v[3 * n + nneg] = (double)row;
			v[4 * n + nneg] = r;
			v[5 * n + nneg] = 0;
			nneg++;
		}
	}
	plot_init(&p, title, sub);
	snprintf(xl, sizeof xl, "Spearman rank correlation with the date '%s' is met",
	    t->target);
	p.x.label = xl;
	p.x.fixed = 1;
	p.x.min = -1;
	p.x.max = 1;
	p.y.kind = PA_CATEGORY;
	p.y.cats = cats;
	p.y.ncats = (int)n;
	p.ygrid = 0;
	if ((ps = plot_add(&p, PS_HBARS, npos ? "later as the input grows" : NULL,
	    PC_VERMILION)) != NULL) {
		ps->x = v;
		ps->y = v + n;
		ps->y2 = v + 2 * n;
		ps->n = (size_t)npos;
	}
	if ((ps = plot_add(&p, PS_HBARS, nneg ? "earlier as the input grows" : NULL,
	    PC_BLUE)) != NULL) {
		ps->x = v + 3 * n;
		ps->y = v + 4 * n;
		ps->y2 = v + 5 * n;
		ps->n = (size_t)nneg;
	}
	{
		static const double zero[1] = { 0 };

		if ((ps = plot_add(&p, PS_VLINE, NULL, PC_BLACK)) != NULL) {
			ps->x = zero;
			ps->n = 1;
			ps->width = 0.7;
		}
		rc = plot_write(&p, f, w, h, fp);
	}
	free(order);
	free(v);
	free(cats);
	return rc;
}

int
plot_risk_draw(const char *title, const char *sub, enum risk_pic what,
    const struct risk_curve_in *c, size_t nt, const struct risk_tornado_in *t,
    enum plot_fmt f, int w, int h, FILE *fp)
{
	if (what == RISK_TORNADO)
		return t != NULL ? draw_tornado(title, sub, t, f, w, h, fp) : -1;
	return draw_scurve(title, sub, c, nt, f, w, h, fp);
}

int
plot_risk_lolp(const struct risk_lolp_in *l, double *z, int *ndays)
{
	size_t	i;

	if (l->trials == 0 || l->nh < 24)
		return -1;
	*ndays = (int)(l->nh / 24);
	for (i = 0; i < (size_t)*ndays * 24; i++)
		z[i] = (double)l->counts[i] / (double)l->trials;
	return 0;
}

int
plot_risk_lolp_draw(const char *title, const char *sub, const struct risk_lolp_in *l,
    enum plot_fmt f, int w, int h, FILE *fp)
{
	struct plot p;
	struct plot_heat ht;
	double	*z;
	int	nd, rc;

	if ((z = calloc(l->nh ? l->nh : 1, sizeof *z)) == NULL)
		return -1;
	if (plot_risk_lolp(l, z, &nd) != 0) {
		free(z);
		return -1;
	}
	memset(&ht, 0, sizeof ht);
	ht.z = z;
	ht.nx = 24;
	ht.ny = nd;
	ht.x0 = 0;
	ht.dx = 1;
	ht.y0 = 1;
	ht.dy = 1;
	ht.cmap = PCM_SEQUENTIAL;
	ht.label = "P(load unserved) in the hour";
	plot_init(&p, title, sub);
	p.note = "colours run from the 2nd to the 98th percentile of the cells; cells "
	    "beyond take the end colours";
	p.ygrid = 0;
	p.heat = &ht;
	p.x.label = "hour of day (local standard time)";
	p.x.fixed = 1;
	p.x.min = 0;
	p.x.max = 24;
	p.y.label = "day of the weather year (1 = 1 January)";
	p.y.fixed = 1;
	p.y.min = 1;
	p.y.max = nd + 1;
	rc = plot_write(&p, f, w, h, fp);
	free(z);
	return rc;
}

int
plot_risk_band(const struct risk_band_in *b, double *x, double *lo, double *mid,
    double *hi, double *end)
{
	double	a, z, pad;
	size_t	i;

	if (b->n == 0)
		return -1;
	a = b->day[0];
	z = b->day[b->n - 1];
	for (i = 0; i < b->ndet; i++) {
		a = b->det_day[i] < a ? b->det_day[i] : a;
		z = b->det_day[i] > z ? b->det_day[i] : z;
	}
	for (i = 0; i < b->nt; i++) {
		a = b->tgt_by[i] < a ? b->tgt_by[i] : a;
		z = b->tgt_by[i] > z ? b->tgt_by[i] : z;
	}
	pad = floor((z - a) / 10);
	*end = z + (pad < 7 ? 7 : pad);
	for (i = 0; i < b->n; i++) {
		x[i] = b->day[i];
		lo[i] = (double)b->p10[i];
		mid[i] = (double)b->p50[i];
		hi[i] = (double)b->p90[i];
	}
	/* the last step holds to the end */
	x[b->n] = *end;
	lo[b->n] = lo[b->n - 1];
	mid[b->n] = mid[b->n - 1];
	hi[b->n] = hi[b->n - 1];
	return 0;
}

int
plot_risk_band_draw(const char *title, const char *sub, const struct risk_band_in *b,
    enum plot_fmt f, int w, int h, FILE *fp)
{
	struct plot p;
	struct plot_series *ps;
	double	*v, end;
	size_t	n = b->n + 1, nd = b->ndet + 1, i;
	int	rc;

	if ((v = calloc(4 * n + 2 * nd + 2 * (b->nt + 1), sizeof *v)) == NULL)
		return -1;
	if (plot_risk_band(b, v, v + n, v + 2 * n, v + 3 * n, &end) != 0) {
		free(v);
		return -1;
	}
	{
		double	*dx = v + 4 * n, *dy = dx + nd, *tx = dy + nd, *ty = tx + b->nt + 1;

		for (i = 0; i < b->ndet; i++) {
			dx[i] = b->det_day[i];
			dy[i] = (double)b->det_gpus[i];
		}
		dx[b->ndet] = end;
		dy[b->ndet] = b->ndet ? dy[b->ndet - 1] : 0;
		for (i = 0; i < b->nt; i++) {
			tx[i] = b->tgt_by[i];
			ty[i] = (double)b->tgt_gpus[i];
		}
		plot_init(&p, title, sub);
		p.x.kind = PA_DATE;
		p.x.label = "date";
		p.y.label = "GPUs online";
		p.y.zero = 1;
		p.ygrid = 1;
		p.note = "each trial's GPUs online on a grid of 40 levels of the fleet: "
		    "the band and P50 are accurate to a 40th of it";
		if ((ps = plot_add(&p, PS_BAND, "P10 to P90 of the trials",
		    PC_SKY)) != NULL) {
			ps->x = v;
			ps->y = v + n;
			ps->y2 = v + 3 * n;
			ps->n = n;
			ps->step = 1;
			ps->alpha = 0.45;
		}
		if ((ps = plot_add(&p, PS_STEP, "P50 of the trials", PC_BLUE)) != NULL) {
			ps->x = v;
			ps->y = v + 2 * n;
			ps->n = n;
			ps->step = 1;
			ps->width = 1.6;
		}
		if (b->ndet > 0 && (ps = plot_add(&p, PS_STEP,
		    "the plan (no delays)", PC_BLACK)) != NULL) {
			ps->x = dx;
			ps->y = dy;
			ps->n = nd;
			ps->step = 1;
			ps->dashed = 1;
			ps->width = 1.2;
		}
		if ((ps = plot_add(&p, PS_MARKERS, b->nt ? "targets (GPUs by date)" : NULL,
		    PC_VERMILION)) != NULL) {
			ps->x = tx;
			ps->y = ty;
			ps->names = b->tgt_name;
			ps->n = b->nt;
			ps->marker = PM_DIAMOND;
		}
		rc = plot_write(&p, f, w, h, fp);
	}
	free(v);
	return rc;
}
