/*
 * stats.c - exactly mergeable Monte Carlo accumulators (see stats.h).
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"

void
stat_add(struct stat_sum *a, int64_t x)
{
	a->n++;
	a->s += x;
	a->s2 += (stats_u128)((stats_i128)x * x);
}

void
stat_merge(struct stat_sum *a, const struct stat_sum *b)
{
	a->n += b->n;
	a->s += b->s;
	a->s2 += b->s2;
}

double
stat_mean(const struct stat_sum *a)
{
	return a->n ? (double)a->s / (double)a->n : 0;
}

double
stat_sd(const struct stat_sum *a)
{
	long double n, s, v;

	if (a->n < 2)
		return 0;
	n = (long double)a->n;
	s = (long double)a->s;
	/* (sum x^2 - (sum x)^2 / n) / (n - 1) */
	v = ((long double)a->s2 - s * s / n) / (n - 1);
	return v > 0 ? (double)sqrtl(v) : 0;
}

double
stat_se(const struct stat_sum *a)
{
	return a->n ? stat_sd(a) / sqrt((double)a->n) : 0;
}

int
day_hist_init(struct day_hist *h, size_t nscores)
{
	memset(h, 0, sizeof *h);
	h->nscores = nscores;
	if (nscores > 0) {
		h->ssum = calloc(nscores, sizeof *h->ssum);
		h->ssq = calloc(nscores, sizeof *h->ssq);
		if (h->ssum == NULL || h->ssq == NULL) {
			day_hist_release(h);
			return -1;
		}
	}
	return 0;
}

void
day_hist_release(struct day_hist *h)
{
	free(h->counts);
	free(h->score);
	free(h->ssum);
	free(h->ssq);
	memset(h, 0, sizeof *h);
}

/* Make room for days lo..hi. */
static int
reserve(struct day_hist *h, int lo, int hi)
{
	int	nlo, nhi;
	size_t	nn, k = h->nscores, off;
	uint64_t *c, *s = NULL;

	if (h->n > 0 && lo >= h->lo && hi < h->lo + (int)h->n)
		return 0;
	nlo = h->n > 0 && h->lo < lo ? h->lo : lo;
	nhi = h->n > 0 && h->lo + (int)h->n - 1 > hi ? h->lo + (int)h->n - 1 : hi;
	/* grow by at least half again, so that adds cost O(1) on average */
	if (h->n > 0) {
		int	slack = (int)(h->n / 2) + 16;

		if (nlo < h->lo)
			nlo -= slack;
		if (nhi > h->lo + (int)h->n - 1)
			nhi += slack;
	}
	nn = (size_t)((long)nhi - nlo + 1);
	if ((c = calloc(nn, sizeof *c)) == NULL)
		return -1;
	if (k > 0 && (s = calloc(nn * k, sizeof *s)) == NULL) {
		free(c);
		return -1;
	}
	if (h->n > 0) {
		off = (size_t)(h->lo - nlo);
		memcpy(c + off, h->counts, h->n * sizeof *c);
		if (k > 0)
			memcpy(s + off * k, h->score, h->n * k * sizeof *s);
	}
	free(h->counts);
	free(h->score);
	h->counts = c;
	h->score = s;
	h->lo = nlo;
	h->n = nn;
	return 0;
}

int
day_hist_add(struct day_hist *h, int day, const uint64_t *scores)
{
	size_t	i, k;

	if (reserve(h, day, day) != 0)
		return -1;
	i = (size_t)(day - h->lo);
	h->counts[i]++;
	h->total++;
	for (k = 0; k < h->nscores; k++) {
		h->score[i * h->nscores + k] += scores[k];
		h->ssum[k] += scores[k];
		h->ssq[k] += (stats_u128)scores[k] * scores[k];
	}
	return 0;
}

int
day_hist_merge(struct day_hist *h, const struct day_hist *o)
{
	size_t	i, k, off;

	if (o->total == 0)
		return 0;
	if (o->nscores != h->nscores)
		return -1;
	/* the other's populated span */
	{
		size_t	first = 0, last = o->n - 1;

		while (first < o->n && o->counts[first] == 0)
			first++;
		while (last > first && o->counts[last] == 0)
			last--;
		if (reserve(h, o->lo + (int)first, o->lo + (int)last) != 0)
			return -1;
	}
	off = (size_t)(o->lo - h->lo);
	for (i = 0; i < o->n; i++) {
		if (o->counts[i] == 0)
			continue;
		h->counts[off + i] += o->counts[i];
		for (k = 0; k < h->nscores; k++)
			h->score[(off + i) * h->nscores + k] +=
			    o->score[i * o->nscores + k];
	}
	for (k = 0; k < h->nscores; k++) {
		h->ssum[k] += o->ssum[k];
		h->ssq[k] += o->ssq[k];
	}
	h->total += o->total;
	return 0;
}

int
day_hist_quantile(const struct day_hist *h, double p)
{
	/* smallest day with count(<= day) >= ceil(p N) (at least 1) */
	uint64_t need, cum = 0;
	size_t	i;

	if (h->total == 0)
		return INT_MIN;
	need = (uint64_t)ceil(p * (double)h->total - 1e-9);
	if (need < 1)
		need = 1;
	for (i = 0; i < h->n; i++) {
		cum += h->counts[i];
		if (cum >= need)
			return h->lo + (int)i;
	}
	return h->lo + (int)h->n - 1;
}

double
day_hist_spearman(const struct day_hist *h, size_t k)
{
	long double n = (long double)h->total, cum = 0, sr = 0, sr2 = 0, srs = 0;
	long double ss, ss2, cov, vr, vs, one = (long double)STATS_SCORE_ONE;
	size_t	i;

	if (h->total < 2 || k >= h->nscores)
		return 0;
	for (i = 0; i < h->n; i++) {
		long double c = (long double)h->counts[i], r;

		if (c == 0)
			continue;
		/* mid-rank of the tied block: ranks cum + 1 .. cum + c */
		r = cum + (c + 1) / 2;
		sr += c * r;
		sr2 += c * r * r;
		srs += r * ((long double)h->score[i * h->nscores + k] / one);
		cum += c;
	}
	ss = (long double)h->ssum[k] / one;
	ss2 = (long double)h->ssq[k] / (one * one);
	cov = srs / n - (sr / n) * (ss / n);
	vr = sr2 / n - (sr / n) * (sr / n);
	vs = ss2 / n - (ss / n) * (ss / n);
	if (!(vr > 1e-18L) || !(vs > 1e-18L))
		return 0;
	return (double)(cov / sqrtl(vr * vs));
}

int
tail_bin(uint64_t x)
{
	int	k;

	if (x == 0)
		return 0;
	/* bin k holds [2^((k-1)/16), 2^(k/16)) */
	k = (int)floor(log2((double)x) * TAIL_BINS_PER_OCTAVE) + 1;
	if (k < 1)
		k = 1;
	if (k >= TAIL_BINS)
		k = TAIL_BINS - 1;
	return k;
}

void
tail_add(struct tail_hist *t, uint64_t x)
{
	int	k = tail_bin(x);

	t->n++;
	t->count[k]++;
	t->sum[k] += x;
}

void
tail_merge(struct tail_hist *t, const struct tail_hist *o)
{
	int	k;

	t->n += o->n;
	for (k = 0; k < TAIL_BINS; k++) {
		t->count[k] += o->count[k];
		t->sum[k] += o->sum[k];
	}
}

double
tail_cvar(const struct tail_hist *t, double alpha)
{
	long double want, got = 0, sum = 0;
	int	k;

	if (t->n == 0)
		return 0;
	want = (long double)t->n * (1 - alpha);
	if (want <= 0)
		want = 1;
	for (k = TAIL_BINS - 1; k >= 0 && got < want; k--) {
		long double c = (long double)t->count[k];

		if (c == 0)
			continue;
		if (got + c <= want) {
			got += c;
			sum += (long double)t->sum[k];
		} else {
			/* the boundary bin: the part needed, at the bin's mean */
			sum += (long double)t->sum[k] / c * (want - got);
			got = want;
		}
	}
	return (double)(sum / got);
}

struct ranked {
	double	v;
	size_t	i;
};

static int
cmp_ranked(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	return x->v < y->v ? -1 : x->v > y->v ? 1 : (x->i > y->i) - (x->i < y->i);
}

static int
midranks(const double *v, size_t n, double *r)
{
	struct ranked *t = malloc(n * sizeof *t);
	size_t	i, j, k;

	if (t == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		t[i].v = v[i];
		t[i].i = i;
	}
	qsort(t, n, sizeof *t, cmp_ranked);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && t[j].v == t[i].v; j++)
			;
		for (k = i; k < j; k++)
			r[t[k].i] = (double)(i + j + 1) / 2;	/* ranks i+1..j */
	}
	free(t);
	return 0;
}

double
stats_spearman(const double *x, const double *y, size_t n)
{
	double	*rx, *ry, mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;
	size_t	i;

	if (n < 2)
		return NAN;
	rx = malloc(n * sizeof *rx);
	ry = malloc(n * sizeof *ry);
	if (rx == NULL || ry == NULL || midranks(x, n, rx) != 0 ||
	    midranks(y, n, ry) != 0) {
		free(rx);
		free(ry);
		return NAN;
	}
	for (i = 0; i < n; i++) {
		mx += rx[i];
		my += ry[i];
	}
	mx /= (double)n;
	my /= (double)n;
	for (i = 0; i < n; i++) {
		sxy += (rx[i] - mx) * (ry[i] - my);
		sxx += (rx[i] - mx) * (rx[i] - mx);
		syy += (ry[i] - my) * (ry[i] - my);
	}
	free(rx);
	free(ry);
	return sxx > 0 && syy > 0 ? sxy / sqrt(sxx * syy) : 0;
}
