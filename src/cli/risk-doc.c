/*
 * risk-doc.c - dcplan risk's description, exact state and report (see risk-doc.h).
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "cost.h"
#include "date.h"
#include "output.h"
#include "risk-doc.h"
#include "schedule.h"

static char *
xdup(const char *s)
{
	return strdup(s ? s : "");
}

int
risk_meta_init(struct risk_meta *m, const char *path, const struct site *s,
    const struct risk_model *rm, const char *const *sets, size_t nsets)
{
	size_t	i;

	memset(m, 0, sizeof *m);
	m->path = xdup(path);
	m->name = xdup(s->name);
	m->shard_k = m->shard_n = 1;
	m->nsets = nsets;
	m->ntargets = s->ntargets;
	m->ninputs = rm->ninputs;
	m->ngroups = rm->ngroups;
	if (m->path == NULL || m->name == NULL ||
	    (nsets && (m->sets = calloc(nsets, sizeof *m->sets)) == NULL) ||
	    (m->ntargets && (m->targets = calloc(m->ntargets, sizeof *m->targets)) == NULL) ||
	    (m->ninputs && (m->inputs = calloc(m->ninputs, sizeof *m->inputs)) == NULL) ||
	    (m->ngroups && (m->groups = calloc(m->ngroups, sizeof *m->groups)) == NULL))
		goto fail;
	for (i = 0; i < nsets; i++)
		if ((m->sets[i] = xdup(sets[i])) == NULL)
			goto fail;
	for (i = 0; i < m->ntargets; i++) {
		if ((m->targets[i].name = xdup(s->targets[i].name)) == NULL)
			goto fail;
		m->targets[i].gpus = s->targets[i].gpus;
		m->targets[i].by = s->targets[i].by;
		m->targets[i].cost_day = risk_delay_cost_per_day(s, i);
	}
	if (s->econ != NULL)
		snprintf(m->currency, sizeof m->currency, "%s", s->econ->currency);
	m->priced = s->econ != NULL;
	for (i = 0; i < m->ninputs; i++)
		if ((m->inputs[i] = xdup(rm->inputs[i].name)) == NULL)
			goto fail;
	for (i = 0; i < m->ngroups; i++) {
		if ((m->groups[i].name = xdup(rm->groups[i].name)) == NULL)
			goto fail;
		m->groups[i].can_fail = rm->groups[i].rel != NULL;
	}
	m->band_fleet = rm->band_fleet;
	m->band_never = rm->hist_sentinel;
	for (i = 0; i < RISK_BAND_LEVELS; i++)
		m->band_det[i] = rm->band_fleet > 0 ? schedule_gpus_date(s,
		    DEPLOY_ONLINE, risk_band_level(rm->band_fleet, i)) : DATE_NEVER;
	/* the weather years: the files as given in the site, their weights */
	m->nyears = rm->nyears;
	if ((m->years = calloc(m->nyears, sizeof *m->years)) == NULL)
		goto fail;
	for (i = 0; i < m->nyears; i++) {
		char	wb[40];
		const char *f = s->climate.nweather_files > i ?
		    s->climate.weather_files[i] : s->climate.source == CLIMATE_EPW ?
		    s->climate.weather_file : s->climate.source == CLIMATE_DESIGN_DAY ?
		    "(design day)" : "(built-in climate)";

		snprintf(wb, sizeof wb, "%.17g", s->climate.nweather_files > i ?
		    s->climate.weather_weights[i] : 1.0);
		if ((m->years[i].file = xdup(f)) == NULL ||
		    (m->years[i].weight = xdup(wb)) == NULL)
			goto fail;
	}
	return 0;
fail:
	risk_meta_free(m);
	return -1;
}

void
risk_doc(const struct risk_meta *m, struct out_doc *d)
{
	d->site_path = m->path;
	d->site_name = m->name;
	d->sets = (const char *const *)m->sets;
	d->nsets = m->nsets;
	d->has_seed = 1;
	d->seed = m->seed;
}

void
risk_meta_free(struct risk_meta *m)
{
	size_t	i;

	free(m->path);
	free(m->name);
	for (i = 0; m->sets && i < m->nsets; i++)
		free(m->sets[i]);
	for (i = 0; m->targets && i < m->ntargets; i++)
		free(m->targets[i].name);
	for (i = 0; m->inputs && i < m->ninputs; i++)
		free(m->inputs[i]);
	for (i = 0; m->groups && i < m->ngroups; i++)
		free(m->groups[i].name);
	for (i = 0; m->years && i < m->nyears; i++) {
		free(m->years[i].file);
		free(m->years[i].weight);
	}
	free(m->years);
	free(m->sets);
	free(m->targets);
	free(m->inputs);
	free(m->groups);
	memset(m, 0, sizeof *m);
}

static int	cmp_cost_trial(const void *, const void *);

/* ---- the state: space-separated tokens ---- */

struct buf {
	char	*p;
	size_t	n, cap;
	int	oom;
};

static void
put_raw(struct buf *b, const char *s, size_t len)
{
	if (b->oom)
		return;
	if (b->n + len + 2 > b->cap) {
		size_t	nc = (b->cap ? b->cap * 2 : 4096) + len;
		char	*np = realloc(b->p, nc);

		if (np == NULL) {
			b->oom = 1;
			return;
		}
		b->p = np;
		b->cap = nc;
	}
	if (b->n > 0)
		b->p[b->n++] = ' ';
	memcpy(b->p + b->n, s, len);
	b->n += len;
	b->p[b->n] = '\0';
}

static void
put_u(struct buf *b, stats_u128 v)
{
	char	t[48];
	int	i = 47;

	t[i] = '\0';
	do {
		t[--i] = (char)('0' + (int)(v % 10));
		v /= 10;
	} while (v > 0);
	put_raw(b, t + i, (size_t)(47 - i));
}

static void
put_i(struct buf *b, stats_i128 v)
{
	if (v < 0) {
		struct buf tmp = { 0 };

		put_u(&tmp, (stats_u128)(-(v + 1)) + 1);
		if (tmp.oom) {
			b->oom = 1;
			return;
		}
		{
			char	*s = malloc(strlen(tmp.p) + 2);

			if (s == NULL) {
				b->oom = 1;
				free(tmp.p);
				return;
			}
			s[0] = '-';
			strcpy(s + 1, tmp.p);
			put_raw(b, s, strlen(s));
			free(s);
		}
		free(tmp.p);
		return;
	}
	put_u(b, (stats_u128)v);
}

/* a string with '%', spaces and controls as %XX; the empty string as "%" */
static void
put_s(struct buf *b, const char *s)
{
	size_t	n = strlen(s), i, k = 0;
	char	*t = malloc(3 * n + 2);

	if (t == NULL) {
		b->oom = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= ' ' || c == '%' || c == '"' || c == '\\' || c >= 0x7f) {
			snprintf(t + k, 4, "%%%02X", c);
			k += 3;
		} else
			t[k++] = (char)c;
	}
	if (k == 0)
		t[k++] = '%';
	put_raw(b, t, k);
	free(t);
}

static void
put_stat(struct buf *b, const struct stat_sum *s)
{
	put_u(b, s->n);
	put_i(b, s->s);
	put_u(b, s->s2);
}

char *
risk_state_encode(const struct risk_meta *m, const struct risk_acc *a)
{
	struct buf b = { 0 };
	size_t	i, j, k;

	put_raw(&b, "risk-state/6", 12);
	put_s(&b, m->path);
	put_s(&b, m->name);
	put_u(&b, m->nsets);
	for (i = 0; i < m->nsets; i++)
		put_s(&b, m->sets[i]);
	put_u(&b, m->seed);
	put_u(&b, (stats_u128)m->seed_given);
	put_u(&b, (stats_u128)m->shard_k);
	put_u(&b, (stats_u128)m->shard_n);
	put_u(&b, m->trials_asked);
	put_u(&b, m->cost_trials);
	put_u(&b, (stats_u128)m->priced);
	put_u(&b, m->ntargets);
	for (i = 0; i < m->ntargets; i++) {
		put_s(&b, m->targets[i].name);
		put_i(&b, m->targets[i].gpus);
		put_i(&b, m->targets[i].by);
	}
	put_u(&b, m->ninputs);
	for (i = 0; i < m->ninputs; i++)
		put_s(&b, m->inputs[i]);
	put_u(&b, m->ngroups);
	for (i = 0; i < m->ngroups; i++) {
		put_s(&b, m->groups[i].name);
		put_u(&b, (stats_u128)m->groups[i].can_fail);
	}
	put_u(&b, m->nyears);
	for (i = 0; i < m->nyears; i++) {
		put_s(&b, m->years[i].file);
		put_s(&b, m->years[i].weight);
	}
	put_s(&b, m->currency);
	for (i = 0; i < m->ntargets; i++) {
		char	cd[40];

		/* %.17g reads back to the same double */
		snprintf(cd, sizeof cd, "%.17g", m->targets[i].cost_day);
		put_s(&b, cd);
	}
	put_u(&b, a->trials);
	for (i = 0; i < a->nyears; i++)
		put_u(&b, a->year_trials[i]);
	for (i = 0; i < a->ntargets; i++) {
		const struct risk_target_acc *t = &a->t[i];
		const struct day_hist *h = &t->days;
		size_t	nz = 0;

		put_stat(&b, &t->met);
		put_stat(&b, &t->delay);
		put_u(&b, t->never);
		put_u(&b, t->critical_weather);
		for (j = 0; j < a->ninputs; j++)
			put_u(&b, t->critical[j]);
		for (j = 0; j < h->n; j++)
			nz += h->counts[j] > 0;
		put_u(&b, nz);
		for (j = 0; j < h->n; j++) {
			if (h->counts[j] == 0)
				continue;
			put_i(&b, h->lo + (long)j);
			put_u(&b, h->counts[j]);
			for (k = 0; k < h->nscores; k++)
				put_u(&b, h->score[j * h->nscores + k]);
		}
		for (k = 0; k < a->ninputs; k++) {
			put_u(&b, h->ssum ? h->ssum[k] : 0);
			put_u(&b, h->ssq ? h->ssq[k] : 0);
		}
	}
	for (i = 0; i < a->ngroups; i++) {
		put_stat(&b, &a->g[i].hours);
		put_stat(&b, &a->g[i].any);
	}
	put_stat(&b, &a->lole_h);
	put_stat(&b, &a->eue_wh);
	put_stat(&b, &a->demand_wh);
	put_stat(&b, &a->unmet_cool_h);
	{
		size_t	nz = 0;

		for (k = 0; k < TAIL_BINS; k++)
			nz += a->eue_tail->count[k] > 0;
		put_u(&b, nz);
		for (k = 0; k < TAIL_BINS; k++)
			if (a->eue_tail->count[k] > 0) {
				put_u(&b, k);
				put_u(&b, a->eue_tail->count[k]);
				put_u(&b, a->eue_tail->sum[k]);
			}
	}
	{
		/* the loss-of-load hours: the hours with counts */
		size_t	nz = 0;

		for (k = 0; k < RISK_YEAR_H; k++)
			nz += a->lolp[k] > 0;
		put_u(&b, nz);
		for (k = 0; k < RISK_YEAR_H; k++)
			if (a->lolp[k] > 0) {
				put_u(&b, k);
				put_u(&b, a->lolp[k]);
			}
	}
	/* the band: the fleet, the plan's day at each level, then each level's
	 * days with counts */
	put_i(&b, m->band_fleet);
	put_i(&b, m->band_never);
	for (k = 0; k < RISK_BAND_LEVELS; k++)
		put_i(&b, m->band_det[k]);
	put_i(&b, a->band_fleet);
	for (k = 0; k < RISK_BAND_LEVELS; k++) {
		const struct day_hist *h = &a->band[k];
		size_t	nz = 0;

		for (j = 0; j < h->n; j++)
			nz += h->counts[j] > 0;
		put_u(&b, nz);
		for (j = 0; j < h->n; j++)
			if (h->counts[j] > 0) {
				put_i(&b, h->lo + (long)j);
				put_u(&b, h->counts[j]);
			}
	}
	/* the costed trials in trial order (the same bytes at any thread count):
	 * trial, then both costs as %.17g (exact) */
	put_u(&b, a->ncost);
	if (a->ncost > 0) {
		struct risk_cost *v = malloc(a->ncost * sizeof *v);

		if (v == NULL)
			b.oom = 1;
		else {
			memcpy(v, a->cost, a->ncost * sizeof *v);
			qsort(v, a->ncost, sizeof *v, cmp_cost_trial);
			for (k = 0; k < a->ncost; k++) {
				char	cy[40], cw[40];

				snprintf(cy, sizeof cy, "%.17g", v[k].year);
				snprintf(cw, sizeof cw, "%.17g", v[k].with_delay);
				put_u(&b, v[k].trial);
				put_s(&b, cy);
				put_s(&b, cw);
			}
			free(v);
		}
	}
	if (b.oom) {
		free(b.p);
		return NULL;
	}
	return b.p;
}

struct rd {
	const char *p;
	int	bad;
	char	*err;
	size_t	errlen;
};

static void
rd_fail(struct rd *r, const char *what)
{
	if (!r->bad)
		snprintf(r->err, r->errlen, "the risk state is malformed at %s", what);
	r->bad = 1;
}

/* next token into t (at most len - 1 characters) */
static int
tok(struct rd *r, char *t, size_t len, const char *what)
{
	size_t	n = 0;

	if (r->bad)
		return -1;
	while (*r->p == ' ')
		r->p++;
	if (*r->p == '\0') {
		rd_fail(r, what);
		return -1;
	}
	while (*r->p != '\0' && *r->p != ' ') {
		if (n + 1 >= len) {
			rd_fail(r, what);
			return -1;
		}
		t[n++] = *r->p++;
	}
	t[n] = '\0';
	return 0;
}

static stats_u128
get_u(struct rd *r, const char *what)
{
	char	t[64];
	stats_u128 v = 0;
	size_t	i;

	if (tok(r, t, sizeof t, what) != 0)
		return 0;
	for (i = 0; t[i]; i++) {
		if (!isdigit((unsigned char)t[i])) {
			rd_fail(r, what);
			return 0;
		}
		v = v * 10 + (stats_u128)(t[i] - '0');
	}
	return v;
}

static stats_i128
get_i(struct rd *r, const char *what)
{
	while (*r->p == ' ')
		r->p++;
	if (*r->p == '-') {
		r->p++;
		return -(stats_i128)get_u(r, what);
	}
	return (stats_i128)get_u(r, what);
}

static char *
get_s(struct rd *r, const char *what)
{
	char	t[4096], *o;
	size_t	i, k = 0;

	if (tok(r, t, sizeof t, what) != 0)
		return NULL;
	if ((o = malloc(strlen(t) + 1)) == NULL) {
		rd_fail(r, what);
		return NULL;
	}
	if (strcmp(t, "%") == 0) {
		o[0] = '\0';
		return o;
	}
	for (i = 0; t[i]; i++) {
		if (t[i] == '%' && isxdigit((unsigned char)t[i + 1]) &&
		    isxdigit((unsigned char)t[i + 2])) {
			char	h[3] = { t[i + 1], t[i + 2], 0 };

			o[k++] = (char)strtol(h, NULL, 16);
			i += 2;
		} else
			o[k++] = t[i];
	}
	o[k] = '\0';
	return o;
}

static void
get_stat(struct rd *r, struct stat_sum *s, const char *what)
{
	s->n = (uint64_t)get_u(r, what);
	s->s = get_i(r, what);
	s->s2 = get_u(r, what);
}

#define MAXN 1000000

int
risk_state_decode(const char *str, struct risk_meta *m, struct risk_acc *a, char *err,
    size_t errlen)
{
	struct rd r = { str, 0, err, errlen };
	char	magic[32];
	size_t	i, j, k;
	int	v6;

	memset(m, 0, sizeof *m);
	memset(a, 0, sizeof *a);
	if (tok(&r, magic, sizeof magic, "its start") != 0 ||
	    (strcmp(magic, "risk-state/6") != 0 && strcmp(magic, "risk-state/5") != 0)) {
		snprintf(err, errlen, strncmp(magic, "risk-state/", 11) == 0 ?
		    "a risk state of another dcplan version (%s; this one reads "
		    "risk-state/5 and /6): run the shards with one dcplan" :
		    "not a dcplan risk state (risk-state/6)", magic);
		return -1;
	}
	m->path = get_s(&r, "the site path");
	m->name = get_s(&r, "the site name");
	m->nsets = (size_t)get_u(&r, "the --set count");
	if (m->nsets > MAXN || (m->nsets && (m->sets = calloc(m->nsets,
	    sizeof *m->sets)) == NULL))
		rd_fail(&r, "the --set count");
	for (i = 0; !r.bad && i < m->nsets; i++)
		m->sets[i] = get_s(&r, "a --set");
	m->seed = (uint64_t)get_u(&r, "the seed");
	m->seed_given = (int)get_u(&r, "the seed");
	m->shard_k = (int)get_u(&r, "the shard");
	m->shard_n = (int)get_u(&r, "the shard");
	m->trials_asked = (uint64_t)get_u(&r, "the trials");
	/* risk-state/5 (before costed trials): none */
	v6 = strcmp(magic, "risk-state/6") == 0;
	if (v6) {
		m->cost_trials = (uint64_t)get_u(&r, "the costed trials");
		m->priced = (int)get_u(&r, "the costed trials");
	}
	m->ntargets = (size_t)get_u(&r, "the targets");
	if (m->ntargets > MAXN || (m->ntargets && (m->targets = calloc(m->ntargets,
	    sizeof *m->targets)) == NULL))
		rd_fail(&r, "the targets");
	for (i = 0; !r.bad && i < m->ntargets; i++) {
		m->targets[i].name = get_s(&r, "a target");
		m->targets[i].gpus = (long)get_i(&r, "a target");
		m->targets[i].by = (int)get_i(&r, "a target");
	}
	m->ninputs = (size_t)get_u(&r, "the inputs");
	if (m->ninputs > MAXN || (m->ninputs && (m->inputs = calloc(m->ninputs,
	    sizeof *m->inputs)) == NULL))
		rd_fail(&r, "the inputs");
	for (i = 0; !r.bad && i < m->ninputs; i++)
		m->inputs[i] = get_s(&r, "an input");
	m->ngroups = (size_t)get_u(&r, "the groups");
	if (m->ngroups > MAXN || (m->ngroups && (m->groups = calloc(m->ngroups,
	    sizeof *m->groups)) == NULL))
		rd_fail(&r, "the groups");
	for (i = 0; !r.bad && i < m->ngroups; i++) {
		m->groups[i].name = get_s(&r, "a group");
		m->groups[i].can_fail = (int)get_u(&r, "a group");
	}
	m->nyears = (size_t)get_u(&r, "the weather years");
	if (m->nyears < 1 || m->nyears > MAXN || (m->years = calloc(m->nyears,
	    sizeof *m->years)) == NULL)
		rd_fail(&r, "the weather years");
	for (i = 0; !r.bad && i < m->nyears; i++) {
		m->years[i].file = get_s(&r, "a weather year");
		m->years[i].weight = get_s(&r, "a weather year");
	}
	{
		char	*cur = get_s(&r, "the currency");

		if (cur != NULL && strlen(cur) < sizeof m->currency)
			strcpy(m->currency, cur);
		else
			rd_fail(&r, "the currency");
		free(cur);
	}
	for (i = 0; !r.bad && i < m->ntargets; i++) {
		char	*cd = get_s(&r, "a target's cost of a day"), *end;

		if (cd != NULL)
			m->targets[i].cost_day = strtod(cd, &end);
		if (cd == NULL || *end != '\0')
			rd_fail(&r, "a target's cost of a day");
		free(cd);
	}
	if (r.bad)
		goto fail;
	if (m->shard_n < 1 || m->shard_k < 1 || m->shard_k > m->shard_n) {
		rd_fail(&r, "the shard");
		goto fail;
	}
	if (risk_acc_init_years(a, m->ntargets, m->ninputs, m->ngroups, m->nyears) != 0) {
		snprintf(err, errlen, "out of memory");
		goto fail2;
	}
	a->trials = (uint64_t)get_u(&r, "the trial count");
	for (i = 0; i < a->nyears; i++)
		a->year_trials[i] = (uint64_t)get_u(&r, "a weather year's trials");
	for (i = 0; !r.bad && i < a->ntargets; i++) {
		struct risk_target_acc *t = &a->t[i];
		size_t	nz;
		uint64_t *sc = NULL;

		get_stat(&r, &t->met, "a target's P(met)");
		get_stat(&r, &t->delay, "a target's delay");
		t->never = (uint64_t)get_u(&r, "a target");
		t->critical_weather = (uint64_t)get_u(&r, "a target");
		for (j = 0; j < a->ninputs; j++)
			t->critical[j] = (uint64_t)get_u(&r, "a criticality");
		nz = (size_t)get_u(&r, "a histogram");
		if (nz > 10 * MAXN || (a->ninputs && (sc = calloc(a->ninputs,
		    sizeof *sc)) == NULL)) {
			rd_fail(&r, "a histogram");
			break;
		}
		for (j = 0; !r.bad && j < nz; j++) {
			int	day = (int)get_i(&r, "a histogram day");
			uint64_t c = (uint64_t)get_u(&r, "a histogram count");

			for (k = 0; k < a->ninputs; k++)
				sc[k] = (uint64_t)get_u(&r, "a histogram score");
			if (r.bad || c == 0)
				break;
			/* one add, then the rest of the count and scores */
			if (day_hist_add(&t->days, day, sc) != 0) {
				rd_fail(&r, "a histogram (out of memory)");
				break;
			}
			{
				size_t	idx = (size_t)(day - t->days.lo);

				t->days.counts[idx] += c - 1;
				t->days.total += c - 1;
			}
		}
		free(sc);
		for (k = 0; !r.bad && k < a->ninputs; k++) {
			t->days.ssum[k] = get_u(&r, "a score sum");
			t->days.ssq[k] = get_u(&r, "a score sum");
		}
	}
	for (i = 0; !r.bad && i < a->ngroups; i++) {
		get_stat(&r, &a->g[i].hours, "a group");
		get_stat(&r, &a->g[i].any, "a group");
	}
	get_stat(&r, &a->lole_h, "LOLE");
	get_stat(&r, &a->eue_wh, "EUE");
	get_stat(&r, &a->demand_wh, "the demand");
	get_stat(&r, &a->unmet_cool_h, "unmet cooling");
	{
		size_t	nz = (size_t)get_u(&r, "the tail");

		for (i = 0; !r.bad && i < nz; i++) {
			size_t	kk = (size_t)get_u(&r, "the tail");

			if (kk >= TAIL_BINS) {
				rd_fail(&r, "the tail");
				break;
			}
			a->eue_tail->count[kk] = (uint64_t)get_u(&r, "the tail");
			a->eue_tail->sum[kk] = get_u(&r, "the tail");
			a->eue_tail->n += a->eue_tail->count[kk];
		}
	}
	{
		size_t	nz = (size_t)get_u(&r, "the loss-of-load hours");

		for (i = 0; !r.bad && i < nz; i++) {
			size_t	kk = (size_t)get_u(&r, "the loss-of-load hours");

			if (kk >= RISK_YEAR_H) {
				rd_fail(&r, "the loss-of-load hours");
				break;
			}
			a->lolp[kk] = (uint64_t)get_u(&r, "the loss-of-load hours");
		}
	}
	m->band_fleet = (long)get_i(&r, "the band");
	m->band_never = (int)get_i(&r, "the band");
	for (k = 0; k < RISK_BAND_LEVELS; k++)
		m->band_det[k] = (int)get_i(&r, "the band");
	a->band_fleet = (long)get_i(&r, "the band");
	for (k = 0; !r.bad && k < RISK_BAND_LEVELS; k++) {
		size_t	nz = (size_t)get_u(&r, "the band");
		struct day_hist *h = &a->band[k];

		for (j = 0; !r.bad && j < nz; j++) {
			int	day = (int)get_i(&r, "the band");
			uint64_t c = (uint64_t)get_u(&r, "the band");

			if (r.bad || c == 0) {
				rd_fail(&r, "the band");
				break;
			}
			if (day_hist_add(h, day, NULL) != 0) {
				rd_fail(&r, "the band (out of memory)");
				break;
			}
			h->counts[day - h->lo] += c - 1;
			h->total += c - 1;
		}
	}
	if (v6) {
		size_t	nc = (size_t)get_u(&r, "the costed trials");

		if (!r.bad && nc > m->cost_trials)
			rd_fail(&r, "the costed trials");
		for (i = 0; !r.bad && i < nc; i++) {
			struct risk_cost cc;
			char	*cy, *cw, *e1 = NULL, *e2 = NULL;

			cc.trial = (uint64_t)get_u(&r, "a costed trial");
			cy = get_s(&r, "a costed trial");
			cw = get_s(&r, "a costed trial");
			if (cy != NULL && cw != NULL) {
				cc.year = strtod(cy, &e1);
				cc.with_delay = strtod(cw, &e2);
			}
			if (r.bad || cy == NULL || cw == NULL || *e1 != '\0' ||
			    *e2 != '\0' || cc.trial >= m->cost_trials)
				rd_fail(&r, "a costed trial");
			else if (risk_acc_add_cost(a, &cc) != 0)
				rd_fail(&r, "the costed trials (out of memory)");
			free(cy);
			free(cw);
		}
	}
	if (!v6)
		m->priced = m->currency[0] != '\0';
	while (*r.p == ' ')
		r.p++;
	if (!r.bad && *r.p != '\0')
		rd_fail(&r, "its end");
	if (r.bad)
		goto fail;
	return 0;
fail:
	if (!r.bad)
		snprintf(err, errlen, "the risk state is malformed");
fail2:
	risk_meta_free(m);
	risk_acc_release(a);
	return -1;
}

/* ---- the report ---- */

long
risk_band_steps(const struct risk_meta *m, const struct risk_acc *a, int **day,
    long **p10, long **p50, long **p90)
{
	int	lo = INT_MAX, hi = INT_MIN, d;
	size_t	k, j, n = 0, cap;

	(void)m;
	*day = NULL;
	*p10 = *p50 = *p90 = NULL;
	/* the days with counts, but the never-reached sentinel: where the
	 * quantiles can change (they hold between) */
	for (k = 0; k < RISK_BAND_LEVELS; k++)
		for (j = 0; j < a->band[k].n; j++) {
			d = a->band[k].lo + (int)j;
			if (a->band[k].counts[j] == 0 || d >= m->band_never)
				continue;
			if (d < lo)
				lo = d;
			if (d > hi)
				hi = d;
		}
	if (lo > hi)
		return 0;
	cap = (size_t)(hi - lo) + 1;
	if ((*day = malloc(cap * sizeof **day)) == NULL ||
	    (*p10 = malloc(cap * sizeof **p10)) == NULL ||
	    (*p50 = malloc(cap * sizeof **p50)) == NULL ||
	    (*p90 = malloc(cap * sizeof **p90)) == NULL) {
		free(*day);
		free(*p10);
		free(*p50);
		free(*p90);
		return -1;
	}
	for (d = lo; d <= hi; d++) {
		long	q1 = risk_band_quantile(a, d, 0.1), q5 = risk_band_quantile(a,
		    d, 0.5), q9 = risk_band_quantile(a, d, 0.9);

		if (n > 0 && (*p10)[n - 1] == q1 && (*p50)[n - 1] == q5 &&
		    (*p90)[n - 1] == q9)
			continue;
		(*day)[n] = d;
		(*p10)[n] = q1;
		(*p50)[n] = q5;
		(*p90)[n] = q9;
		n++;
	}
	return (long)n;
}

/* The p-quantile of the met date over all trials, or "never". */
static void
met_quantile(const struct risk_target_acc *t, double p, char *buf)
{
	uint64_t n = t->days.total, need;

	need = (uint64_t)ceil(p * (double)n - 1e-9);
	if (need < 1)
		need = 1;
	if (n == 0 || need > n - t->never) {
		snprintf(buf, 16, "never");
		return;
	}
	date_format(day_hist_quantile(&t->days, p), buf);
}

/* The p-quantile of target t's delay cost over all trials (days late x the cost
 * of a day); NaN when that share of the trials never met it. */
static double
cost_quantile(const struct risk_meta *m, size_t i, const struct risk_target_acc *t,
    double p)
{
	uint64_t n = t->days.total, need;
	int	d;

	need = (uint64_t)ceil(p * (double)n - 1e-9);
	if (need < 1)
		need = 1;
	if (n == 0 || need > n - t->never)
		return NAN;
	d = day_hist_quantile(&t->days, p) - m->targets[i].by;
	return (d > 0 ? d : 0) * m->targets[i].cost_day;
}

/* Costed trials by trial. */
static int
cmp_cost_trial(const void *pa, const void *pb)
{
	const struct risk_cost *a = pa, *b = pb;

	return (a->trial > b->trial) - (a->trial < b->trial);
}

/* The p-quantile of n sorted values: the smallest with at least p n of the
 * values at or below it (the inverse of the empirical distribution). */
static double
sorted_quantile(const double *x, size_t n, double p)
{
	size_t	k = (size_t)ceil(p * (double)n - 1e-9);

	if (k < 1)
		k = 1;
	if (k > n)
		k = n;
	return x[k - 1];
}

/* The total-cost table: the cost of the build and first year and that plus the
 * cost of delay, each as mean +- SE (the sample standard deviation over the
 * root of the count; both over the trials in trial order, GSL's running mean)
 * and P10, P50, P90. */
static int
cost_rows(struct report *r, const struct risk_meta *m, const struct risk_acc *a)
{
	const char *cu = m->currency;
	struct report_col cols[7] = {
		{ "name", "cost", "", -1 },
		{ "trials", "trials", "", 0 },
		{ "mean", "mean", cu, 0 },
		{ "mean_se", "+-", cu, 0 },
		{ "p10", "P10", cu, 0 },
		{ "p50", "P50", cu, 0 },
		{ "p90", "P90", cu, 0 },
	};
	size_t	n = a->ncost, i;
	struct risk_cost *v = malloc(n * sizeof *v);
	double	*x = malloc(n * sizeof *x);
	int	k;

	if (v == NULL || x == NULL) {
		free(v);
		free(x);
		return -1;
	}
	memcpy(v, a->cost, n * sizeof *v);
	qsort(v, n, sizeof *v, cmp_cost_trial);
	report_table(r, "summary", "", cols, 7);
	for (k = 0; k < 2; k++) {
		const char *strs[7] = { k == 0 ? "build_year" : "with_delay",
		    NULL, NULL, NULL, NULL, NULL, NULL };
		double	nums[7];
		int	finite = 1;

		for (i = 0; i < n; i++) {
			x[i] = k == 0 ? v[i].year : v[i].with_delay;
			finite &= isfinite(x[i]);
		}
		nums[0] = 0;
		nums[1] = (double)n;
		nums[2] = finite ? gsl_stats_mean(x, 1, n) : NAN;
		nums[3] = finite && n > 1 ? gsl_stats_sd(x, 1, n) / sqrt((double)n) : NAN;
		gsl_sort(x, 1, n);
		nums[4] = finite ? sorted_quantile(x, n, 0.1) : NAN;
		nums[5] = finite ? sorted_quantile(x, n, 0.5) : NAN;
		nums[6] = finite ? sorted_quantile(x, n, 0.9) : NAN;
		report_row(r, nums, strs);
	}
	free(v);
	free(x);
	report_note(r, "  build_year: the first --cost-trials trials' build and first "
	    "year,\n    each dispatched on its own dates (no unit outages);\n"
	    "    with_delay adds each target's days late x its cost of a day\n"
	    "    (blank without a GPU-hour value)");
	return 0;
}

struct driver {
	size_t	input;
	double	rho, crit;
};

static int
cmp_driver(const void *a, const void *b)
{
	const struct driver *x = a, *y = b;
	double	ax = fabs(x->rho), ay = fabs(y->rho);

	if (ax != ay)
		return ax < ay ? 1 : -1;
	if (x->crit != y->crit)
		return x->crit < y->crit ? 1 : -1;
	return (x->input > y->input) - (x->input < y->input);
}

/* Target i's uncertain inputs, the strongest driver of its date first; NULL
 * when there are none or memory runs out (*oom set). */
static struct driver *
drivers_sorted(const struct risk_meta *m, const struct risk_acc *a, size_t i,
    int *oom)
{
	const struct risk_target_acc *t = &a->t[i];
	double	n = (double)a->trials;
	struct driver *dv;
	size_t	j;

	if (m->ninputs == 0)
		return NULL;
	if ((dv = calloc(m->ninputs, sizeof *dv)) == NULL) {
		*oom = 1;
		return NULL;
	}
	for (j = 0; j < m->ninputs; j++) {
		dv[j].input = j;
		dv[j].rho = day_hist_spearman(&t->days, j);
		dv[j].crit = n > 0 ? (double)t->critical[j] / n : 0;
	}
	qsort(dv, m->ninputs, sizeof *dv, cmp_driver);
	return dv;
}

/* estimate and standard error, the error as "<key>_se" */
static void
num_se(struct report *r, const char *key, const char *label, double v, double se,
    const char *unit, int prec)
{
	char	k[96];

	report_num(r, key, label, v, unit, prec);
	snprintf(k, sizeof k, "%s_se", key);
	report_num(r, k, "  +- standard error", se, unit, prec);
}

struct report *
risk_report(const struct risk_meta *m, const struct risk_acc *a, int with_state)
{
	static const struct report_col tcols[] = {
		{ "name", "target", "", -1 },
		{ "gpus", "GPUs", "", 0 },
		{ "by", "by", "", -1 },
		{ "p_met", "P(met)", "", 4 },
		{ "p_met_se", "+-", "", 4 },
		{ "mean_delay_d", "late", "d", 1 },
		{ "p_never", "P(never)", "", 4 },
	};
	static const struct report_col qcols[] = {
		{ "name", "target", "", -1 },
		{ "p10", "P10", "", -1 },
		{ "p50", "P50", "", -1 },
		{ "p80", "P80", "", -1 },
		{ "p90", "P90", "", -1 },
	};
	static const struct report_col gcols[] = {
		{ "group", "equipment group", "", -1 },
		{ "p_exhausted", "P(any)", "", 3 },
		{ "p_exhausted_se", "+-", "", 3 },
		{ "hours", "hours", "h", 1 },
		{ "hours_se", "+-", "h", 1 },
	};
	struct report_col dcols[] = {
		{ "input", "uncertain input", "", -1 },
		{ "rank_correlation", "rank corr", "", 3 },
		{ "criticality", "critical", "", 3 },
		{ "slip_cost", "cost 1 sd", m->currency, 0 },
	};
	struct report *r;
	char	title[600], buf[64];
	size_t	i, j;
	double	n = (double)a->trials;

	snprintf(title, sizeof title, "%s: risk for %s", m->name, m->path);
	/* the title line fits 80 columns: a long path keeps its file name (the
	 * document's head carries the whole path) */
	if (strlen(title) > 80) {
		const char *base = strrchr(m->path, '/');

		snprintf(title, sizeof title, "%s: risk for .../%s", m->name,
		    base != NULL ? base + 1 : m->path);
	}
	if ((r = report_new(RISK_SCHEMA, title)) == NULL)
		return NULL;
	report_section(r, "run", "Monte Carlo");
	report_int(r, "trials", "trials", (long)a->trials, "");
	snprintf(buf, sizeof buf, "%llu", (unsigned long long)m->seed);
	report_str(r, "seed", m->seed_given ? "seed" : "seed (default)", buf);
	if (m->shard_n > 1) {
		snprintf(buf, sizeof buf, "%d/%d", m->shard_k, m->shard_n);
		report_str(r, "shard", "shard", buf);
	}
	report_int(r, "inputs", "uncertain inputs", (long)m->ninputs, "");
	{
		long	nf = 0;

		for (i = 0; i < m->ngroups; i++)
			nf += m->groups[i].can_fail;
		report_int(r, "groups_failing", "groups whose units fail", nf, "");
	}

	if (m->nyears > 1) {
		static const struct report_col ycols[] = {
			{ "year", "year", "", 0 },
			{ "file", "weather file", "", -1 },
			{ "weight", "weight", "", 4 },
			{ "trials", "trials", "", 0 },
			{ "share", "share", "", 4 },
		};

		report_table(r, "weather_years", "", ycols, 5);
		for (i = 0; i < m->nyears; i++) {
			const char *base = strrchr(m->years[i].file, '/');
			char	nm[48];
			const char *strs[5] = { NULL, nm, NULL, NULL, NULL };

			/* the file's name, its end kept when long (80 columns; the
			 * whole paths are in the site file and the merge state) */
			base = base != NULL ? base + 1 : m->years[i].file;
			if (strlen(base) > 44)
				snprintf(nm, sizeof nm, "...%s", base + strlen(base) - 41);
			else
				snprintf(nm, sizeof nm, "%s", base);
			double	nums[5] = { (double)i, 0, strtod(m->years[i].weight, NULL),
			    (double)a->year_trials[i], n > 0 ?
			    (double)a->year_trials[i] / n : 0 };

			report_row(r, nums, strs);
		}
		report_note(r, "  each trial samples its weather year (the share: of "
		    "the trials run)");
	}

	report_section(r, "targets", "Targets: P(met by the date) and the met date");
	if (m->ntargets == 0)
		report_str(r, "none", "targets", "none given");
	if (m->ntargets == 0)
		report_as(r, "", NULL, 0);	/* text only */
	for (i = 0; i < m->ntargets; i++) {
		const struct risk_target_acc *t = &a->t[i];
		char	key[96], by[16], line[256], q[4][16];

		date_format(m->targets[i].by, by);
		met_quantile(t, 0.1, q[0]);
		met_quantile(t, 0.5, q[1]);
		met_quantile(t, 0.8, q[2]);
		met_quantile(t, 0.9, q[3]);
		snprintf(key, sizeof key, "target_%zu", i + 1);
		snprintf(line, sizeof line, "P(met by %s) %.3f +- %.3f; P50 %s", by,
		    stat_mean(&t->met), stat_se(&t->met), q[1]);
		report_str(r, key, m->targets[i].name, line);
		report_as(r, "", NULL, 0);	/* text only: the tables carry it */
	}
	if (m->ntargets > 0) {
		report_table(r, "detail", "", tcols, 7);
		for (i = 0; i < m->ntargets; i++) {
			const struct risk_target_acc *t = &a->t[i];
			char	by[16];
			const char *strs[7] = { m->targets[i].name, NULL, by, NULL, NULL,
			    NULL, NULL };
			double	nums[7] = { 0, (double)m->targets[i].gpus, 0,
			    stat_mean(&t->met), stat_se(&t->met),
			    t->delay.n ? stat_mean(&t->delay) : NAN,
			    t->days.total ? (double)t->never / (double)t->days.total : 0 };

			date_format(m->targets[i].by, by);
			report_row(r, nums, strs);
		}
		report_note(r, "  late: mean days past the date over the trials that met "
		    "the target");
		report_table(r, "dates", "", qcols, 5);
		for (j = 1; j < 5; j++)	/* never met: null in CSV and JSON */
			report_col_null_text(r, (int)j, "never");
		for (i = 0; i < m->ntargets; i++) {
			const struct risk_target_acc *t = &a->t[i];
			char	q[4][16];
			const char *strs[5] = { m->targets[i].name, q[0], q[1], q[2], q[3] };
			double	nums[5] = { 0, 0, 0, 0, 0 };

			met_quantile(t, 0.1, q[0]);
			met_quantile(t, 0.5, q[1]);
			met_quantile(t, 0.8, q[2]);
			met_quantile(t, 0.9, q[3]);
			for (j = 1; j < 5; j++)
				if (strcmp(q[j - 1], "never") == 0)
					strs[j] = NULL;
			report_row(r, nums, strs);
		}
	}
	/* CSV and JSON: what drives each target's date, one table with the
	 * target's name in each row (the text has a section a target, below);
	 * after a target's inputs, a row "weather" with its criticality */
	if (with_state && m->ntargets > 0) {
		struct report_col xcols[5] = {
			{ "target", "target", "", -1 },
			{ "input", "uncertain input", "", -1 },
			{ "rank_correlation", "rank corr", "", 3 },
			{ "criticality", "critical", "", 3 },
			{ "slip_cost", "cost 1 sd", m->currency, 0 },
		};
		int	oom = 0;

		report_table(r, "drivers", "", xcols, 5);
		for (i = 0; i < m->ntargets; i++) {
			const struct risk_target_acc *t = &a->t[i];
			struct driver *dv = drivers_sorted(m, a, i, &oom);
			const char *strs[5] = { m->targets[i].name, "weather", NULL,
			    NULL, NULL };
			double	nums[5] = { 0, 0, NAN, n > 0 ?
			    (double)t->critical_weather / n : 0, NAN };

			if (oom)
				break;
			for (j = 0; dv != NULL && j < m->ninputs; j++) {
				const char *ds[5] = { m->targets[i].name,
				    m->inputs[dv[j].input], NULL, NULL, NULL };
				/* the expected delay cost of a driver's slip, as in
				 * the text's tornado below */
				double	dn[5] = { 0, 0, dv[j].rho, dv[j].crit,
				    dv[j].rho * stat_sd(&t->delay) *
				    m->targets[i].cost_day };

				report_row(r, dn, ds);
			}
			report_row(r, nums, strs);
			free(dv);
		}
		if (oom) {
			report_free(r);
			return NULL;
		}
	}

	/* the cost of delay: days late x each target's cost of a day */
	{
		int	any = 0;

		for (i = 0; i < m->ntargets; i++)
			any |= isfinite(m->targets[i].cost_day);
		report_section(r, "delay_cost", "Cost of delay (GPUs x 24 h x the GPU-hour "
		    "value, per day late)");
		if (!any) {
			report_str(r, "none", "delay cost", m->ntargets == 0 ? "no targets" :
			    "not computed: the site gives no economics.gpu_hour");
			/* CSV, JSON: why there is no table, as a message */
			report_as(r, "message", NULL, 0);
		} else {
			const char *cu = m->currency;
			struct report_col ccols[6] = {
				{ "name", "target", "", -1 },
				{ "per_day", "per day", cu, 0 },
				{ "mean", "mean", cu, 0 },
				{ "mean_se", "+-", cu, 0 },
				{ "p50", "P50", cu, 0 },
				{ "p90", "P90", cu, 0 },
			};

			report_table(r, "targets", "", ccols, 6);
			for (i = 0; i < m->ntargets; i++) {
				const struct risk_target_acc *t = &a->t[i];
				double	cd = m->targets[i].cost_day;
				const char *strs[6] = { m->targets[i].name, NULL, NULL, NULL,
				    NULL, NULL };
				double	nums[6] = { 0, cd, t->delay.n ? stat_mean(&t->delay) *
				    cd : NAN, t->delay.n ? stat_se(&t->delay) * cd : NAN,
				    cost_quantile(m, i, t, 0.5), cost_quantile(m, i, t, 0.9) };

				report_row(r, nums, strs);
			}
			report_note(r, "  mean: over the trials that met it; a P blank: "
			    "that share never met it");
		}
	}

	/* the cost of the build and first year, over the costed trials */
	report_section(r, "total_cost", "Cost of the build and first year, costed "
	    "trials");
	if (!m->priced || m->cost_trials == 0 || a->ncost == 0) {
		report_str(r, "none", "total cost", !m->priced ?
		    "not computed: the site gives no prices" : m->cost_trials == 0 ?
		    "not computed (--cost-trials N costs N trials)" :
		    "not computed: no costed trial in this shard");
		report_as(r, "message", NULL, 0);
	} else if (cost_rows(r, m, a) != 0)
		return NULL;

	report_section(r, "gpus_online", "GPUs online, P10-P90 band");
	if (!with_state)
		report_note(r, "  by day: -f csv or json (gpus_online_band); the "
		    "picture: --plot-kind band");
	else {
		static const struct report_col bcols[] = {
			{ "date", "from", "", REPORT_STRING },
			{ "p10", "P10", "", 0 },
			{ "p50", "P50", "", 0 },
			{ "p90", "P90", "", 0 },
		};
		int	*bd;
		long	*b1, *b5, *b9, nb = risk_band_steps(m, a, &bd, &b1, &b5, &b9), bi;

		report_int(r, "fleet_gpus", "GPUs of the fleet", m->band_fleet, "");
		report_int(r, "levels", "GPU levels", RISK_BAND_LEVELS, "");
		report_table(r, "gpus_online_band", "", bcols, 4);
		for (bi = 0; bi < nb; bi++) {
			char	ds[16];
			const char *strs[4] = { ds, NULL, NULL, NULL };
			double	nums[4] = { 0, (double)b1[bi], (double)b5[bi],
			    (double)b9[bi] };

			date_format(bd[bi], ds);
			report_row(r, nums, strs);
		}
		if (nb > 0) {
			free(bd);
			free(b1);
			free(b5);
			free(b9);
		}
	}

	report_section(r, "adequacy", "Adequacy, first year after full deployment");
	num_se(r, "lole_h", "LOLE (hours short)", stat_mean(&a->lole_h),
	    stat_se(&a->lole_h), "h/yr", 2);
	num_se(r, "eue_mwh", "EUE (energy unserved)", stat_mean(&a->eue_wh) / 1e6,
	    stat_se(&a->eue_wh) / 1e6, "MWh/yr", 3);
	{
		double	dm = stat_mean(&a->demand_wh);

		num_se(r, "neue_ppm", "NEUE", dm > 0 ? stat_mean(&a->eue_wh) / dm * 1e6 : 0,
		    dm > 0 ? stat_se(&a->eue_wh) / dm * 1e6 : 0, "ppm", 2);
	}
	report_num(r, "eue_cvar95_mwh", "CVaR 95 % of unserved", tail_cvar(a->eue_tail,
	    0.95) / 1e6, "MWh/yr", 3);
	num_se(r, "unmet_cooling_h", "hours of unmet cooling", stat_mean(&a->unmet_cool_h),
	    stat_se(&a->unmet_cool_h), "h/yr", 2);
	if (!with_state)
		report_note(r, "  by hour of day: -f json (lolp_by_hour); the "
		    "picture: --plot-kind lolp");
	else {
		/* the loss-of-load probability by hour of day, each the mean over
		 * the days of the weather year (the heat map's columns) */
		static const struct report_col lcols[] = {
			{ "hour", "hour", "", 0 },
			{ "lolp", "P(short)", "", 6 },
			{ "lole_h", "hours short", "h/yr", 4 },
		};
		size_t	hd, dd, nd = RISK_YEAR_H / 24;

		report_table(r, "lolp_by_hour", "", lcols, 3);
		for (hd = 0; hd < 24; hd++) {
			uint64_t c = 0;
			double	nums[3];
			const char *strs[3] = { NULL, NULL, NULL };

			for (dd = 0; dd < nd; dd++)
				c += a->lolp[dd * 24 + hd];
			nums[0] = (double)hd;
			nums[1] = n > 0 ? (double)c / n / (double)nd : 0;
			nums[2] = n > 0 ? (double)c / n : 0;
			report_row(r, nums, strs);
		}
	}

	report_section(r, "redundancy", "Redundancy exhausted, first year");
	if (m->ngroups == 0) {
		report_str(r, "none", "groups", "none on site");
		report_as(r, "", NULL, 0);	/* text only */
	} else {
		report_table(r, "groups", "", gcols, 5);
		for (i = 0; i < m->ngroups; i++) {
			const char *strs[5] = { m->groups[i].name, NULL, NULL, NULL, NULL };
			double	nums[5] = { 0, stat_mean(&a->g[i].any), stat_se(&a->g[i].any),
			    stat_mean(&a->g[i].hours), stat_se(&a->g[i].hours) };

			report_row(r, nums, strs);
		}
	}

	/* the text: a section a target (CSV and JSON have targets.drivers) */
	for (i = 0; i < m->ntargets && !with_state; i++) {
		const struct risk_target_acc *t = &a->t[i];
		struct driver *dv;
		char	tt[200];
		int	oom = 0;

		snprintf(tt, sizeof tt, "What drives the date: %s", m->targets[i].name);
		report_section(r, "drivers", tt);
		if (m->ninputs == 0) {
			report_str(r, "none", "uncertain inputs", "none given");
			continue;
		}
		if ((dv = drivers_sorted(m, a, i, &oom)) == NULL) {
			report_free(r);
			return NULL;
		}
		/* the expected delay cost of a driver's slip: a one-standard-
		 * deviation change of the input moves the days late by rho x sd
		 * under a linear model on ranks with independent inputs (the
		 * standardised regression coefficient is then the correlation) */
		report_table(r, "tornado", "", dcols, isfinite(m->targets[i].cost_day) ?
		    4 : 3);
		for (j = 0; j < m->ninputs; j++) {
			const char *strs[4] = { m->inputs[dv[j].input], NULL, NULL, NULL };
			double	nums[4] = { 0, dv[j].rho, dv[j].crit, dv[j].rho *
			    stat_sd(&t->delay) * m->targets[i].cost_day };

			report_row(r, nums, strs);
		}
		report_num(r, "weather", "critical: the weather", n > 0 ?
		    (double)t->critical_weather / n : 0, "", 3);
		free(dv);
	}
	if (with_state) {
		char	*st = risk_state_encode(m, a);

		report_section(r, "merge", "Merge state");
		report_str(r, "state", "state", st ? st : "");
		free(st);
	}
	return r;
}
