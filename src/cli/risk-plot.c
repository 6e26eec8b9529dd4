/*
 * risk-plot.c - the risk pictures from a run's accumulators (see risk-plot.h).
 * A trial whose target is never met sits in its histogram on a sentinel day past
 * the look-ahead, the last day with counts; the S-curve leaves it out, so the curve ends
 * below 100 % by the share never met.  The tornado is drawn for the target least
 * likely to be met on time (the last such in site order).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-plot.h"
#include "date.h"
#include "plot_pics.h"
#include "risk-doc.h"
#include "risk-plot.h"
#include "stats.h"

const char *const risk_plot_kinds[] = { "s-curve", "tornado", "lolp", "band",
    NULL };

struct risk_pic_data {
	const char *title, *sub;
	enum risk_pic pic;
	const struct risk_curve_in *c;
	size_t	nt;
	const struct risk_tornado_in *t;
	const struct risk_lolp_in *l;
	const struct risk_band_in *b;
};

static int
draw_risk(void *vp, enum plot_fmt f, int w, int h, FILE *fp)
{
	const struct risk_pic_data *d = vp;

	if (d->pic == RISK_BAND)
		return plot_risk_band_draw(d->title, d->sub, d->b, f, w, h, fp);
	if (d->pic == RISK_LOLP)
		return plot_risk_lolp_draw(d->title, d->sub, d->l, f, w, h, fp);
	return plot_risk_draw(d->title, d->sub, d->pic, d->c, d->nt, d->t, f, w, h, fp);
}

/* The band picture: the band's steps, the plan's day at each level (a step
 * where the day moves on), the targets. */
static int
band_write(struct cmd_ctx *c, const struct plot_req *req, const struct risk_meta *m,
    const struct risk_acc *a)
{
	struct risk_band_in b;
	struct risk_pic_data d;
	int	*day = NULL, *dd, *tb;
	long	*p1 = NULL, *p5 = NULL, *p9 = NULL, *dg, *tg, nb;
	const char **tn;
	char	title[512], sub[256], a0[16], z0[16];
	size_t	i, k;
	int	rc;

	nb = risk_band_steps(m, a, &day, &p1, &p5, &p9);
	if (nb < 0) {
		cmd_error(c, "out of memory");
		return EXIT_IO;
	}
	if (nb == 0) {
		cmd_error(c, "--plot-kind band: the site has no GPUs to bring online");
		return EXIT_USAGE;
	}
	dd = calloc(RISK_BAND_LEVELS + m->ntargets + 1, sizeof *dd);
	dg = calloc(RISK_BAND_LEVELS + m->ntargets + 1, sizeof *dg);
	tn = calloc(m->ntargets + 1, sizeof *tn);
	if (dd == NULL || dg == NULL || tn == NULL) {
		cmd_error(c, "out of memory");
		rc = EXIT_IO;
		goto out;
	}
	memset(&b, 0, sizeof b);
	for (k = 0; k < RISK_BAND_LEVELS; k++) {
		int	dk = m->band_det[k];

		if (dk == DATE_NEVER || dk == DATE_NONE)
			break;
		if (b.ndet > 0 && dd[b.ndet - 1] == dk)
			b.ndet--;
		dd[b.ndet] = dk;
		dg[b.ndet++] = risk_band_level(m->band_fleet, k);
	}
	tb = dd + RISK_BAND_LEVELS;
	tg = dg + RISK_BAND_LEVELS;
	for (i = 0; i < m->ntargets; i++) {
		tb[i] = m->targets[i].by;
		tg[i] = m->targets[i].gpus;
		tn[i] = m->targets[i].name;
	}
	b.n = (size_t)nb;
	b.day = day;
	b.p10 = p1;
	b.p50 = p5;
	b.p90 = p9;
	b.det_day = dd;
	b.det_gpus = dg;
	b.nt = m->ntargets;
	b.tgt_by = tb;
	b.tgt_gpus = tg;
	b.tgt_name = tn;
	date_format(day[0], a0);
	date_format(day[nb - 1], z0);
	snprintf(title, sizeof title, "%s: GPUs online, %s to %s", m->name, a0, z0);
	snprintf(sub, sizeof sub, "dcplan risk: %llu trials, seed %llu; the P10-P90 "
	    "band and P50 of GPUs online each day", (unsigned long long)a->trials,
	    (unsigned long long)m->seed);
	memset(&d, 0, sizeof d);
	d.title = title;
	d.sub = sub;
	d.pic = RISK_BAND;
	d.b = &b;
	rc = cli_plot_write(c, req, draw_risk, &d);
out:
	free(day);
	free(p1);
	free(p5);
	free(p9);
	free(dd);
	free(dg);
	free(tn);
	return rc;
}

int
risk_plot_write(struct cmd_ctx *c, const struct plot_req *req,
    const struct risk_meta *m, const struct risk_acc *a)
{
	struct risk_curve_in *cv;
	struct risk_tornado_in tn;
	struct risk_pic_data d;
	struct risk_lolp_in ll;
	double	*rho = NULL, worst = 2;
	size_t	i, j, wi = 0;
	char	title[512], sub[256];
	int	rc;

	if (req->path == NULL)
		return EXIT_OK;
	if (req->kind == 3)
		return band_write(c, req, m, a);
	if ((cv = calloc(m->ntargets ? m->ntargets : 1, sizeof *cv)) == NULL ||
	    (rho = calloc(m->ninputs ? m->ninputs : 1, sizeof *rho)) == NULL) {
		free(cv);
		cmd_error(c, "out of memory");
		return EXIT_IO;
	}
	for (i = 0; i < m->ntargets && i < a->ntargets; i++) {
		const struct risk_target_acc *t = &a->t[i];
		double	p = stat_mean(&t->met);

		cv[i].name = m->targets[i].name;
		cv[i].gpus = (int)m->targets[i].gpus;
		cv[i].by = m->targets[i].by;
		size_t	lo = 0, hi = t->days.n;

		/* the days held depend on how the trials were split between threads
		 * and shards; the days with counts do not: trim the empty ends, and
		 * the never-met trials' sentinel, the last day with counts */
		while (hi > 0 && t->days.counts[hi - 1] == 0)
			hi--;
		if (t->never > 0 && hi > 0)
			hi--;
		while (hi > 0 && t->days.counts[hi - 1] == 0)
			hi--;
		while (lo < hi && t->days.counts[lo] == 0)
			lo++;
		cv[i].day0 = t->days.lo + (int)lo;
		cv[i].ndays = hi - lo;
		cv[i].counts = t->days.counts + lo;
		cv[i].trials = t->days.total;
		cv[i].p_on_time = p;
		if (p <= worst) {
			worst = p;
			wi = i;
		}
	}
	memset(&tn, 0, sizeof tn);
	if (m->ntargets > 0) {
		for (j = 0; j < m->ninputs; j++)
			rho[j] = day_hist_spearman(&a->t[wi].days, j);
		tn.target = m->targets[wi].name;
		tn.ninputs = m->ninputs;
		tn.names = (const char *const *)m->inputs;
		tn.rho = rho;
	}
	ll.counts = a->lolp;
	ll.nh = RISK_YEAR_H;
	ll.trials = a->trials;
	snprintf(title, sizeof title, "%s: %s", m->name, req->kind == 1 ?
	    "what drives the date" : req->kind == 2 ? "loss-of-load probability, "
	    "first year after full deployment" : "when the targets are met");
	snprintf(sub, sizeof sub, "dcplan risk: %llu trials, seed %llu%s",
	    (unsigned long long)a->trials, (unsigned long long)m->seed,
	    req->kind == 1 ? "; the target least likely on time" : req->kind == 2 ?
	    "; share of trials short in each hour; a trial's year starts on its "
	    "full-deployment day" : "");
	d.title = title;
	d.sub = sub;
	d.l = &ll;
	d.pic = req->kind == 1 ? RISK_TORNADO : req->kind == 2 ? RISK_LOLP :
	    RISK_SCURVE;
	d.c = cv;
	d.nt = m->ntargets;
	d.t = &tn;
	if (d.pic == RISK_TORNADO && tn.ninputs == 0) {
		cmd_error(c, "--plot-kind tornado: the site has no uncertain inputs");
		rc = EXIT_USAGE;
	} else if (d.pic == RISK_SCURVE && m->ntargets == 0) {
		cmd_error(c, "--plot-kind s-curve: the site has no targets");
		rc = EXIT_USAGE;
	} else
		rc = cli_plot_write(c, req, draw_risk, &d);
	free(cv);
	free(rho);
	return rc;
}
