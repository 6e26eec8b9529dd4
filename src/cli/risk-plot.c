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

const char *const risk_plot_kinds[] = { "s-curve", "tornado", "lolp", NULL };

struct risk_pic_data {
	const char *title, *sub;
	enum risk_pic pic;
	const struct risk_curve_in *c;
	size_t	nt;
	const struct risk_tornado_in *t;
	const struct risk_lolp_in *l;
};

static int
draw_risk(void *vp, enum plot_fmt f, int w, int h, FILE *fp)
{
	const struct risk_pic_data *d = vp;

	if (d->pic == RISK_LOLP)
		return plot_risk_lolp_draw(d->title, d->sub, d->l, f, w, h, fp);
	return plot_risk_draw(d->title, d->sub, d->pic, d->c, d->nt, d->t, f, w, h, fp);
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
