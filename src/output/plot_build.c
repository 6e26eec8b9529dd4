/*
 * plot_build.c - the build over time, for plan and timeline (see plot_pics.h):
 * firm supply at each day's hottest hour stacked by source (grid feeds, generator
 * groups derated at that hour, battery power rating), the facility demand with
 * every online GPU running, GPUs online and runnable on the right axis, targets as
 * markers, and the days where the plan fails shaded.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "plot.h"
#include "plot_pics.h"
#include "site.h"
#include "timeline.h"

void
plot_build_free(struct build_series *b)
{
	free(b->day);
	free(b->grid_mw);
	free(b->gen_mw);
	free(b->batt_mw);
	free(b->demand_mw);
	free(b->online);
	free(b->runnable);
	free(b->fail_from);
	free(b->fail_to);
	free(b->strand_from);
	free(b->strand_to);
	free(b->tgt_day);
	free(b->tgt_gpus);
	free(b->tgt_name);
	memset(b, 0, sizeof *b);
}

/* A day fails when a target whose date has come is not met that day. */
static int
day_fails(const struct site *s, const struct tl_day *d)
{
	size_t	i;

	for (i = 0; i < s->ntargets; i++)
		if (d->day >= s->targets[i].by && d->gpus_runnable <
		    s->targets[i].gpus - 1e-9)
			return 1;
	return 0;
}

/* Runs of consecutive days with pred true, as [from, to) spans. */
static size_t
spans(const struct site *s, const struct tl_day *t, size_t n, int which, double *from,
    double *to)
{
	size_t	i, k = 0;
	int	in = 0;

	for (i = 0; i < n; i++) {
		int	v = which ? t[i].gpus_runnable < t[i].gpus_online - 1e-9 :
		    day_fails(s, &t[i]);

		if (v && !in) {
			from[k] = t[i].day;
			in = 1;
		}
		if (v)
			to[k] = t[i].day + 1;
		if (in && (!v || i + 1 == n || t[i + 1].day != t[i].day + 1)) {
			k++;
			in = 0;
		}
	}
	return k;
}

int
plot_build_series(const struct site *s, const struct tl_day *t, size_t n,
    struct build_series *b)
{
	size_t	i, m = n ? n : 1;

	memset(b, 0, sizeof *b);
	b->day = calloc(m, sizeof *b->day);
	b->grid_mw = calloc(m, sizeof *b->grid_mw);
	b->gen_mw = calloc(m, sizeof *b->gen_mw);
	b->batt_mw = calloc(m, sizeof *b->batt_mw);
	b->demand_mw = calloc(m, sizeof *b->demand_mw);
	b->online = calloc(m, sizeof *b->online);
	b->runnable = calloc(m, sizeof *b->runnable);
	b->fail_from = calloc(m, sizeof *b->fail_from);
	b->fail_to = calloc(m, sizeof *b->fail_to);
	b->strand_from = calloc(m, sizeof *b->strand_from);
	b->strand_to = calloc(m, sizeof *b->strand_to);
	m = s->ntargets ? s->ntargets : 1;
	b->tgt_day = calloc(m, sizeof *b->tgt_day);
	b->tgt_gpus = calloc(m, sizeof *b->tgt_gpus);
	b->tgt_name = calloc(m, sizeof *b->tgt_name);
	if (b->day == NULL || b->grid_mw == NULL || b->gen_mw == NULL ||
	    b->batt_mw == NULL || b->demand_mw == NULL || b->online == NULL ||
	    b->runnable == NULL || b->fail_from == NULL || b->fail_to == NULL ||
	    b->strand_from == NULL || b->strand_to == NULL || b->tgt_day == NULL ||
	    b->tgt_gpus == NULL || b->tgt_name == NULL) {
		plot_build_free(b);
		return -1;
	}
	b->n = n;
	for (i = 0; i < n; i++) {
		b->day[i] = t[i].day;
		b->grid_mw[i] = t[i].grid_w / 1e6;
		b->gen_mw[i] = t[i].gen_w / 1e6;
		b->batt_mw[i] = t[i].batt_w / 1e6;
		b->demand_mw[i] = t[i].demand_w / 1e6;
		b->online[i] = (double)t[i].gpus_online;
		b->runnable[i] = t[i].gpus_runnable;
	}
	b->nfail = spans(s, t, n, 0, b->fail_from, b->fail_to);
	b->nstrand = spans(s, t, n, 1, b->strand_from, b->strand_to);
	for (i = 0; i < s->ntargets; i++) {
		b->tgt_day[i] = s->targets[i].by;
		b->tgt_gpus[i] = s->targets[i].gpus;
		b->tgt_name[i] = s->targets[i].name;
	}
	b->ntgt = s->ntargets;
	return 0;
}

int
plot_build_draw(const struct site *s, const struct build_series *b, const char *what,
    enum plot_fmt f, int w, int h, FILE *fp)
{
	struct plot p;
	struct plot_series *ps;
	char	title[256], sub[256], a[16], z[16], ylab[32];
	int	any_batt = 0, any_gen = 0, rc;
	size_t	i, n = b->n ? b->n : 1, nt = 0;
	double	top = 0, mul, *v, *tx, *ty;
	const char **tn;
	char	note[96];
	const char *unit;

	for (i = 0; i < b->n; i++) {
		any_batt |= b->batt_mw[i] > 0;
		any_gen |= b->gen_mw[i] > 0;
		top = fmax(top, fmax(b->grid_mw[i] + b->gen_mw[i] + b->batt_mw[i],
		    b->demand_mw[i]));
	}
	/* a small site reads in kW */
	unit = plot_power_unit(top, &mul);
	v = calloc(4 * n, sizeof *v);
	tx = calloc(2 * (b->ntgt + 1), sizeof *tx);
	tn = calloc(b->ntgt + 1, sizeof *tn);
	if (v == NULL || tx == NULL || tn == NULL) {
		free(v);
		free(tx);
		free(tn);
		return -1;
	}
	ty = tx + b->ntgt + 1;
	for (i = 0; i < b->n; i++) {
		v[i] = b->grid_mw[i] * mul;
		v[n + i] = b->gen_mw[i] * mul;
		v[2 * n + i] = b->batt_mw[i] * mul;
		v[3 * n + i] = b->demand_mw[i] * mul;
	}
	snprintf(ylab, sizeof ylab, "power (%s)", unit);
	if (b->n > 0) {
		date_format((int)b->day[0], a);
		date_format((int)b->day[b->n - 1], z);
	} else
		a[0] = z[0] = '\0';
	snprintf(title, sizeof title, "%s: the build, %s to %s", s->name, a, z);
	snprintf(sub, sizeof sub, "dcplan %s: supply and demand at each day's hottest "
	    "hour; GPUs on the right axis", what);
	plot_init(&p, title, sub);
	p.x.kind = PA_DATE;
	p.x.label = "date";
	p.y.label = ylab;
	p.y.zero = 1;
	p.y2.label = "GPUs";
	p.y2.zero = 1;

	if ((ps = plot_add(&p, PS_SPANS, b->nfail ? "a target is not met" : NULL,
	    PC_VERMILION)) != NULL) {
		ps->x = b->fail_from;
		ps->y = b->fail_to;
		ps->n = b->nfail;
		ps->alpha = 0.2;
	}
	if ((ps = plot_add(&p, PS_STACK_STEP, "grid feeds", PC_SKY)) != NULL) {
		ps->x = b->day;
		ps->y = v;
		ps->n = b->n;
		ps->step = 1;
		ps->alpha = 0.55;
	}
	if ((ps = plot_add(&p, PS_STACK_STEP, any_gen ? "generators, derated at the hot hour" : NULL,
	    PC_ORANGE)) != NULL) {
		ps->x = b->day;
		ps->y = v + n;
		ps->n = b->n;
		ps->step = 1;
		ps->alpha = 0.55;
	}
	if ((ps = plot_add(&p, PS_STACK_STEP, any_batt ? "batteries (power rating)" :
	    NULL, PC_GREEN)) != NULL) {
		ps->x = b->day;
		ps->y = v + 2 * n;
		ps->n = b->n;
		ps->step = 1;
		ps->alpha = 0.55;
	}
	if ((ps = plot_add(&p, PS_STEP,
	    "facility demand, every online GPU running", PC_BLACK)) != NULL) {
		ps->x = b->day;
		ps->y = v + 3 * n;
		ps->n = b->n;
		ps->step = 1;
		ps->width = 1.1;
	}
	if ((ps = plot_add(&p, PS_BAND, b->nstrand ? "GPUs online that cannot run" :
	    NULL, PC_PURPLE)) != NULL) {
		ps->x = b->day;
		ps->y = b->runnable;
		ps->y2 = b->online;
		ps->n = b->n;
		ps->right = 1;
		ps->step = 1;
		ps->alpha = 0.35;
	}
	if ((ps = plot_add(&p, PS_STEP, "GPUs online", PC_BLUE)) != NULL) {
		ps->x = b->day;
		ps->y = b->online;
		ps->n = b->n;
		ps->step = 1;
		ps->right = 1;
		ps->width = 1.8;
	}
	if ((ps = plot_add(&p, PS_STEP, "GPUs runnable", PC_PURPLE)) != NULL) {
		ps->x = b->day;
		ps->y = b->runnable;
		ps->n = b->n;
		ps->step = 1;
		ps->right = 1;
		ps->dashed = 1;
		ps->width = 1.1;
	}
	/* targets dated inside the picture; the others are counted in a note */
	for (i = 0; i < b->ntgt; i++)
		if (b->n > 0 && b->tgt_day[i] >= b->day[0] && b->tgt_day[i] <=
		    b->day[b->n - 1] + 1) {
			tx[nt] = b->tgt_day[i];
			ty[nt] = b->tgt_gpus[i];
			tn[nt++] = b->tgt_name[i];
		}
	if (nt < b->ntgt) {
		snprintf(note, sizeof note, "%zu target%s dated outside this range not "
		    "shown", b->ntgt - nt, b->ntgt - nt == 1 ? "" : "s");
		p.note = note;
	}
	if ((ps = plot_add(&p, PS_MARKERS, nt ? "targets (GPUs by date)" : NULL,
	    PC_VERMILION)) != NULL) {
		ps->x = tx;
		ps->y = ty;
		ps->names = tn;
		ps->n = nt;
		ps->right = 1;
		ps->marker = PM_DIAMOND;
	}
	rc = plot_write(&p, f, w, h, fp);
	free(v);
	free(tx);
	free(tn);
	return rc;
}
