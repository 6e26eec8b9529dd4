/*
 * swings_analysis.c - what a waveform does to the supply: peak-to-peak, steps and
 * ramps, band amplitudes, the verdict on every limit, and the sizing searches.
 *
 * Steps and ramps are rate-independent: the largest change between any two samples
 * at most a window apart (the step window, 1 s for MW/s, 60 s for MW/min, divided by
 * the window), found in O(n) with a monotonic deque of the running minimum
 * (maximum).
 *
 * Band amplitudes (Welch's method: P. D. Welch, IEEE Trans. Audio Electroacoust.
 * AU-15 (1967) 70, swings_spectrum_welch() in swings_spectrum.c, which the
 * spectrum picture shares): segments of the analysis window with 50 % overlap;
 * each has its mean removed, is multiplied by the periodic Hann window w[k] = 0.5
 * - 0.5 cos(2 pi k / L) and transformed with GSL's mixed-radix real FFT.
 * The mean square of the swing inside a band [lo, hi] is, by Parseval's theorem with
 * the window's power normalisation (F. J. Harris, Proc. IEEE 66 (1978) 51),
 *     ms = 2 sum_{lo <= k fs / L <= hi} |X_k|^2 / (L sum w^2),
 * and the band's equivalent amplitude is sqrt(2 ms): the amplitude of the one
 * sinusoid carrying the same power (exact for a tone on a bin, whose Hann leakage
 * stays in the two neighbouring bins).  The worst segment is reported; so is the
 * largest single component, 2 |X_k| / sum w, and the band's share of the swing's
 * variance averaged over the segments.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "swings.h"


/*
 * The largest rise and fall between two samples at most w apart: for each j, the
 * minimum and maximum of x[j-w..j-1] by the van Herk / Gil-Werman method (M. van
 * Herk, Pattern Recognit. Lett. 13 (1992) 517): with blocks of w samples, the
 * window is the suffix of one block and the prefix of the next.  Block by block:
 * the suffix extremes of a block in buf (2 w) and a running prefix of the next, a
 * few comparisons a sample whatever w.
 */
static void
max_moves(const double *x, size_t n, size_t w, double *rise, double *fall, double *buf)
{
	double	*smin = buf, *smax = buf + w;
	double	r = 0, f = 0, pm, pM;
	size_t	j, s, t, k;

	*rise = *fall = 0;
	if (w == 0)
		w = 1;
	if (n < 2)
		return;
	/* j <= w: the window [0, j - 1] */
	pm = pM = x[0];
	for (j = 1; j < n && j <= w; j++) {
		if (x[j] - pm > r)
			r = x[j] - pm;
		if (pM - x[j] > f)
			f = pM - x[j];
		if (x[j] < pm)
			pm = x[j];
		if (x[j] > pM)
			pM = x[j];
	}
	/* j = s + w + t + 1 > w: the window [s + t + 1, s + w + t], block [s, s + w)
	 * and the next */
	for (s = 0; s + w + 1 < n; s += w) {
		smin[w - 1] = smax[w - 1] = x[s + w - 1];
		for (k = w - 1; k-- > 0;) {
			smin[k] = x[s + k] < smin[k + 1] ? x[s + k] : smin[k + 1];
			smax[k] = x[s + k] > smax[k + 1] ? x[s + k] : smax[k + 1];
		}
		pm = pM = x[s + w];
		for (t = 0; t < w && s + w + t + 1 < n; t++) {
			double	xj = x[s + w + t + 1], mn = pm, mx = pM;

			if (t > 0) {
				double	xh = x[s + w + t];

				if (xh < pm)
					pm = xh;
				if (xh > pM)
					pM = xh;
				mn = pm;
				mx = pM;
			}
			if (t + 1 < w) {
				if (smin[t + 1] < mn)
					mn = smin[t + 1];
				if (smax[t + 1] > mx)
					mx = smax[t + 1];
			}
			if (xj - mn > r)
				r = xj - mn;
			if (mx - xj > f)
				f = mx - xj;
		}
	}
	*rise = r;
	*fall = f;
}

double
swings_max_rise(const double *x, size_t n, size_t w)
{
	double	*tmp = malloc(2 * (w ? w : 1) * sizeof *tmp), r, f;

	if (tmp == NULL)
		return NAN;
	max_moves(x, n, w, &r, &f, tmp);
	free(tmp);
	return r;
}

double
swings_max_change(const double *x, size_t n, size_t w)
{
	double	*tmp = malloc(2 * (w ? w : 1) * sizeof *tmp), r, f;

	if (tmp == NULL)
		return NAN;
	max_moves(x, n, w, &r, &f, tmp);
	free(tmp);
	return fmax(r, f);
}

double
swings_min_step_interval(const double *x, size_t n, size_t w, double thresh, double dt)
{
	size_t	*dq = malloc((n ? n : 1) * sizeof *dq);
	size_t	head = 0, tail = 0, j;
	double	best = INFINITY, last = -INFINITY;
	int	in_step = 0;

	if (dq == NULL)
		return NAN;
	if (w == 0)
		w = 1;
	/* a step starts where the rise over the trailing window first exceeds thresh;
	 * it ends when the rise falls back under it */
	for (j = 0; j < n; j++) {
		double	d = 0;

		while (head < tail && dq[head] + w < j)
			head++;
		if (head < tail)
			d = x[j] - x[dq[head]];
		if (d > thresh && !in_step) {
			double	t = (double)dq[head] * dt;

			if (t - last < best)
				best = t - last;
			last = t;
			in_step = 1;
		} else if (d <= thresh)
			in_step = 0;
		while (head < tail && x[dq[tail - 1]] >= x[j])
			tail--;
		dq[tail++] = j;
	}
	free(dq);
	return best;
}

static size_t
samples(double s, double fs)
{
	double	w = floor(s * fs + 0.5);

	return w < 1 ? 1 : (size_t)w;
}

/* The bins k (1..L/2) of each band: lo <= k fs / L <= hi (relative 1e-12 slack);
 * klo > khi when none. */
static void
band_bins(const struct sw_limits *lim, size_t L, double fs, size_t *klo, size_t *khi)
{
	size_t	b, k;

	for (b = 0; b < lim->nbands; b++) {
		klo[b] = L / 2 + 1;
		khi[b] = 0;
		for (k = 1; k <= L / 2; k++) {
			double	f = (double)k * fs / (double)L;

			if (f >= lim->bands[b].lo_hz * (1 - 1e-12) &&
			    f <= lim->bands[b].hi_hz * (1 + 1e-12)) {
				if (k < klo[b])
					klo[b] = k;
				khi[b] = k;
			}
		}
	}
}

/* What the band estimates of one Welch segment feed. */
struct band_ctx {
	const struct sw_limits *lim;
	size_t	klo[SW_MAX_BANDS], khi[SW_MAX_BANDS];
	struct sw_metrics *m;		/* swings_analyse: amplitudes and shares */
	double	share_num[SW_MAX_BANDS], share_den;
};

/* swings_analyse's segment: the band amplitudes, peaks and power shares. */
static int
analyse_seg(void *vp, const double *pw, const struct sw_welch *wl)
{
	struct band_ctx *c = vp;
	struct sw_metrics *m = c->m;
	double	band_ms[SW_MAX_BANDS] = { 0 }, peak[SW_MAX_BANDS] = { 0 }, tot = 0;
	size_t	k, b, L = wl->L, nb = c->lim->nbands;

	for (k = 1; k <= L / 2; k++)
		tot += pw[k - 1];
	for (b = 0; b < nb; b++)
		for (k = c->klo[b]; k <= c->khi[b]; k++) {
			band_ms[b] += pw[k - 1];
			if (pw[k - 1] > peak[b])
				peak[b] = pw[k - 1];
		}
	for (b = 0; b < nb; b++)
		peak[b] = sqrt(peak[b]);
	for (b = 0; b < nb; b++) {
		double	ms = 2 * band_ms[b] / ((double)L * wl->sw2);
		double	amp = sqrt(2 * ms), pk = 2 * peak[b] / wl->sw;

		if (amp > m->band_amp[b])
			m->band_amp[b] = amp;
		if (pk > m->band_peak[b])
			m->band_peak[b] = pk;
		c->share_num[b] += band_ms[b];
	}
	c->share_den += tot;
	return 0;
}

int
swings_analyse(const double *x, size_t n, double fs, double window_s,
    const struct sw_limits *lim, double step_window_s, struct sw_metrics *m)
{
	size_t	L = samples(window_s, fs), i, b;
	size_t	nb = lim->nbands;
	double	sum = 0, ss = 0;
	struct band_ctx c;
	struct sw_welch wl;

	memset(m, 0, sizeof *m);
	if (n < 2 || L > n || L < 4 || nb > SW_MAX_BANDS)
		return -1;
	m->min = m->max = x[0];
	for (i = 0; i < n; i++) {
		sum += x[i];
		if (x[i] < m->min)
			m->min = x[i];
		if (x[i] > m->max)
			m->max = x[i];
	}
	m->mean = sum / (double)n;
	for (i = 0; i < n; i++)
		ss += (x[i] - m->mean) * (x[i] - m->mean);
	m->rms_w = sqrt(ss / (double)n);
	m->p2p = m->max - m->min;
	{
		size_t	wmax = samples(fmax(step_window_s, SW_RAMP_MIN_WINDOW), fs);
		double	*tmp = malloc(2 * wmax * sizeof *tmp), r, f;

		if (tmp == NULL)
			return -1;
		max_moves(x, n, samples(step_window_s, fs), &r, &f, tmp);
		m->rise_w = r;
		m->step_w = fmax(r, f);
		max_moves(x, n, samples(SW_RAMP_S_WINDOW, fs), &r, &f, tmp);
		m->ramp_wps = fmax(r, f) / SW_RAMP_S_WINDOW;
		max_moves(x, n, samples(SW_RAMP_MIN_WINDOW, fs), &r, &f, tmp);
		m->ramp_wpm = fmax(r, f) / (SW_RAMP_MIN_WINDOW / 60);
		free(tmp);
	}
	if (nb == 0)
		return 0;
	memset(&c, 0, sizeof c);
	c.lim = lim;
	c.m = m;
	band_bins(lim, L, fs, c.klo, c.khi);
	if (swings_spectrum_welch(x, n, L, &wl, analyse_seg, &c) != 0)
		return -1;
	for (b = 0; b < nb; b++)
		m->band_share[b] = c.share_den > 0 ? c.share_num[b] / c.share_den : 0;
	return wl.nseg > 0 ? 0 : -1;
}

/* bands_exceed's segment: 1 (stop) when a band with a limit exceeds it. */
static int
exceed_seg(void *vp, const double *pw, const struct sw_welch *wl)
{
	const struct band_ctx *c = vp;
	const struct sw_limits *lim = c->lim;
	double	band_ms[SW_MAX_BANDS] = { 0 };
	size_t	b, k;
	int	rc = 0;

	for (b = 0; b < lim->nbands; b++)
		for (k = c->klo[b]; k <= c->khi[b]; k++)
			band_ms[b] += pw[k - 1];
	for (b = 0; b < lim->nbands; b++) {
		double	amp = sqrt(2 * 2 * band_ms[b] / ((double)wl->L * wl->sw2));

		if (lim->bands[b].limit_w > 0 &&
		    amp - lim->bands[b].limit_w > 1e-9 * lim->bands[b].limit_w)
			rc = 1;
	}
	return rc;
}

/* 1 when a band with a limit exceeds it in some segment (stops there), 0 when none
 * does, -1 on allocation failure.  The same estimate as swings_analyse. */
static int
bands_exceed(const double *x, size_t n, double fs, double window_s,
    const struct sw_limits *lim)
{
	size_t	L = samples(window_s, fs), b;
	struct band_ctx c;
	struct sw_welch wl;
	int	any = 0;

	for (b = 0; b < lim->nbands; b++)
		if (lim->bands[b].limit_w > 0)
			any = 1;
	if (!any)
		return 0;
	if (L > n || L < 4)
		return -1;
	memset(&c, 0, sizeof c);
	c.lim = lim;
	band_bins(lim, L, fs, c.klo, c.khi);
	return swings_spectrum_welch(x, n, L, &wl, exceed_seg, &c);
}

/* value beyond an upper limit, with the verdicts' tolerance */
static int
over(double value, double limit)
{
	return limit - value < -1e-9 * fabs(limit);
}

/*
 * Pass or fail of the supply side of w, each limit in turn, stopping at the first
 * that fails and computing nothing a limit does not need (the sizing searches).
 * The same tests and tolerances as judge().  1 pass, 0 fail, -1 error.
 */
static int
judge_fast(const struct sw_config *c, const struct sw_wave *w)
{
	const struct sw_limits *l = &c->lim;
	const double *x = w->site;
	size_t	n = w->n, i, g;
	double	mn = x[0], mx = x[0], r, f, *tmp;
	int	rc = 1, e;

	for (i = 1; i < n; i++) {
		if (x[i] < mn)
			mn = x[i];
		if (x[i] > mx)
			mx = x[i];
	}
	{
		double	wmax = fmax(SW_RAMP_MIN_WINDOW, fmax(l->step_window_s, 1 / c->rate_hz));

		for (g = 0; g < c->ngens; g++)
			wmax = fmax(wmax, c->gens[g].gov_tau_s);
		if ((tmp = malloc(2 * (samples(wmax, c->rate_hz) + 1) * sizeof *tmp)) == NULL)
			return -1;
	}
	if (!c->island) {
		if ((l->min_load_w > 0 && over(l->min_load_w, mn)) ||
		    (l->capacity_w > 0 && over(mx, l->capacity_w)))
			goto fail;
		if (l->step_w > 0) {
			max_moves(x, n, samples(l->step_window_s > 0 ? l->step_window_s :
			    1 / c->rate_hz, c->rate_hz), &r, &f, tmp);
			if (over(fmax(r, f), l->step_w))
				goto fail;
		}
		if (l->ramp_wps > 0) {
			max_moves(x, n, samples(SW_RAMP_S_WINDOW, c->rate_hz), &r, &f, tmp);
			if (over(fmax(r, f) / SW_RAMP_S_WINDOW, l->ramp_wps))
				goto fail;
		}
		if (l->ramp_wpm > 0) {
			max_moves(x, n, samples(SW_RAMP_MIN_WINDOW, c->rate_hz), &r, &f, tmp);
			if (over(fmax(r, f) / (SW_RAMP_MIN_WINDOW / 60), l->ramp_wpm))
				goto fail;
		}
		free(tmp);
		if ((e = bands_exceed(x, n, c->rate_hz, c->window_s, l)) != 0)
			return e < 0 ? -1 : 0;
		return 1;
	}
	for (g = 0; g < c->ngens && g < SW_MAX_GENS; g++) {
		const struct sw_gen *gn = &c->gens[g];
		size_t	win = (size_t)fmax(1, floor(gn->gov_tau_s * c->rate_hz + 0.5));

		if (over(gn->share * mx, gn->rating_w) || (gn->min_load_frac > 0 &&
		    over(gn->min_load_frac * gn->rating_w, gn->share * mn)))
			goto fail;
		if (gn->step_frac > 0) {
			max_moves(x, n, win, &r, &f, tmp);
			if (over(gn->share * r, gn->step_frac * gn->rating_w))
				goto fail;
			if (gn->step_interval_s > 0 && gn->share > 0 &&
			    over(gn->step_interval_s, swings_min_step_interval(x, n, win,
			    0.5 * gn->step_frac * gn->rating_w / gn->share, w->dt)))
				goto fail;
		}
		if (gn->ramp_wps > 0) {
			max_moves(x, n, samples(SW_RAMP_MIN_WINDOW, c->rate_hz), &r, &f, tmp);
			if (over(gn->share * fmax(r, f) / (SW_RAMP_MIN_WINDOW / 60),
			    gn->ramp_wps * 60))
				goto fail;
		}
	}
	free(tmp);
	return rc;
fail:
	free(tmp);
	return 0;
}

/* ---- verdicts ---- */

static void
add(struct sw_result *r, enum sw_check ck, int band, int gen, double value,
    double limit, int lower)
{
	struct sw_verdict *v;

	if (r->nv >= SW_MAX_VERDICTS)
		return;
	v = &r->v[r->nv++];
	v->check = ck;
	v->band = band;
	v->gen = gen;
	v->value = value;
	v->limit = limit;
	v->margin = lower ? value - limit : limit - value;
	/* a relative 1e-9 for the rounding of sums of many samples */
	v->ok = v->margin >= -1e-9 * fabs(limit);
	if (!v->ok)
		r->all_ok = 0;
}

static void
scale_metrics(const struct sw_metrics *a, double k, struct sw_metrics *o)
{
	size_t	b;

	*o = *a;
	o->mean *= k;
	o->min *= k;
	o->max *= k;
	o->p2p *= k;
	o->step_w *= k;
	o->rise_w *= k;
	o->ramp_wps *= k;
	o->ramp_wpm *= k;
	o->rms_w *= k;
	for (b = 0; b < SW_MAX_BANDS; b++) {
		o->band_amp[b] *= k;
		o->band_peak[b] *= k;
	}
}

/* Analyse the supply side (site) and judge the limits: at the grid, or at each
 * islanded generator group. */
static int
judge(const struct sw_config *c, struct sw_result *r)
{
	const struct sw_limits *l = &c->lim;
	const struct sw_wave *w = &r->wave;
	struct sw_metrics *ms = &r->m[SW_SIG_SITE];
	size_t	g, b;

	r->nv = 0;
	r->all_ok = 1;
	if (!c->store.enabled && r->m[SW_SIG_SMOOTH].max != 0)
		*ms = r->m[SW_SIG_SMOOTH];	/* evaluate: no storage, site = smooth */
	else if (swings_analyse(w->site, w->n, c->rate_hz, c->window_s, l,
	    l->step_window_s > 0 ? l->step_window_s : 1 / c->rate_hz, ms) != 0)
		return -1;
	r->has_grid = !c->island;
	if (!c->island) {
		const struct sw_metrics *m = ms;

		r->m[SW_SIG_GRID] = *ms;
		if (l->ramp_wps > 0)
			add(r, SW_CK_RAMP_S, -1, -1, m->ramp_wps, l->ramp_wps, 0);
		if (l->ramp_wpm > 0)
			add(r, SW_CK_RAMP_MIN, -1, -1, m->ramp_wpm, l->ramp_wpm, 0);
		if (l->step_w > 0)
			add(r, SW_CK_STEP, -1, -1, m->step_w, l->step_w, 0);
		for (b = 0; b < l->nbands; b++)
			if (l->bands[b].limit_w > 0)
				add(r, SW_CK_BAND, (int)b, -1, m->band_amp[b],
				    l->bands[b].limit_w, 0);
		if (l->min_load_w > 0)
			add(r, SW_CK_MIN_LOAD, -1, -1, m->min, l->min_load_w, 1);
		if (l->capacity_w > 0)
			add(r, SW_CK_CAPACITY, -1, -1, m->max, l->capacity_w, 0);
		return 0;
	}
	for (g = 0; g < c->ngens && g < SW_MAX_GENS; g++) {
		const struct sw_gen *gn = &c->gens[g];
		struct sw_metrics *m = &r->gen[g];
		size_t	win = (size_t)fmax(1, floor(gn->gov_tau_s * c->rate_hz + 0.5));

		scale_metrics(ms, gn->share, m);
		m->rise_w = gn->share * swings_max_rise(w->site, w->n, win);
		r->gen_interval_s[g] = INFINITY;
		if (gn->step_frac > 0) {
			add(r, SW_CK_GEN_STEP, -1, (int)g, m->rise_w,
			    gn->step_frac * gn->rating_w, 0);
			if (gn->step_interval_s > 0 && gn->share > 0) {
				/* a step: a rise of more than half the allowed step
				 * within the governor time constant */
				r->gen_interval_s[g] = swings_min_step_interval(w->site,
				    w->n, win, 0.5 * gn->step_frac * gn->rating_w /
				    gn->share, w->dt);
				add(r, SW_CK_GEN_INTERVAL, -1, (int)g,
				    r->gen_interval_s[g], gn->step_interval_s, 1);
			}
		}
		if (gn->ramp_wps > 0)
			add(r, SW_CK_GEN_RAMP, -1, (int)g, m->ramp_wpm, gn->ramp_wps * 60, 0);
		if (gn->min_load_frac > 0)
			add(r, SW_CK_GEN_MIN_LOAD, -1, (int)g, m->min,
			    gn->min_load_frac * gn->rating_w, 1);
		add(r, SW_CK_GEN_CAPACITY, -1, (int)g, m->max, gn->rating_w, 0);
	}
	return 0;
}

int
swings_evaluate(const struct sw_config *c, struct sw_result *r)
{
	const struct sw_limits *l = &c->lim;
	double	sw = l->step_window_s > 0 ? l->step_window_s : 1 / c->rate_hz;

	memset(r, 0, sizeof *r);
	if (swings_run(c, &r->wave) != 0)
		return -1;
	/* a stage that changes nothing has the metrics of its input */
	if (swings_analyse(r->wave.raw, r->wave.n, c->rate_hz, c->window_s, l, sw,
	    &r->m[SW_SIG_RAW]) != 0)
		goto fail;
	if (memcmp(r->wave.raw, r->wave.smooth, r->wave.n * sizeof *r->wave.raw) == 0)
		r->m[SW_SIG_SMOOTH] = r->m[SW_SIG_RAW];
	else if (swings_analyse(r->wave.smooth, r->wave.n, c->rate_hz, c->window_s, l, sw,
	    &r->m[SW_SIG_SMOOTH]) != 0)
		goto fail;
	if (judge(c, r) != 0)
		goto fail;
	return 0;
fail:
	swings_wave_release(&r->wave);
	return -1;
}

void
swings_result_release(struct sw_result *r)
{
	swings_wave_release(&r->wave);
}

int
swings_passes(const struct sw_config *c)
{
	struct sw_result *r = malloc(sizeof *r);
	int	ok;

	if (r == NULL)
		return -1;
	memset(r, 0, sizeof *r);
	if (swings_run(c, &r->wave) != 0) {
		free(r);
		return -1;
	}
	ok = judge_fast(c, &r->wave);
	swings_wave_release(&r->wave);
	free(r);
	return ok;
}

/* The storage stage and the verdicts for a battery of power p, energy e, on the
 * smoothed load already in r->wave. */
static int
batt_passes(const struct sw_config *base, struct sw_result *r, double p, double e)
{
	struct sw_config c = *base;

	c.store.enabled = 1;
	c.store.power_w = p;
	c.store.energy_j = e;
	swings_storage(&c.store, r->wave.smooth, r->wave.n, r->wave.dt, &r->wave);
	return judge_fast(&c, &r->wave);
}

int
swings_size(const struct sw_config *base, struct sw_sizing *s)
{
	struct sw_config c = *base;
	struct sw_result *r;
	double	lo, hi, p2p, e_hi;
	int	k, ok;

	memset(s, 0, sizeof *s);
	/* floor, without facility storage */
	c.store.enabled = 0;
	c.smooth.floor = 0;
	if ((ok = swings_passes(&c)) < 0)
		return -1;
	if (ok) {
		s->floor_found = -1;
		s->floor = 0;
	} else {
		c.smooth.floor = 1;
		if ((ok = swings_passes(&c)) < 0)
			return -1;
		if (ok) {
			lo = 0;
			hi = 1;
			while (hi - lo > 1e-3) {
				c.smooth.floor = (lo + hi) / 2;
				if ((ok = swings_passes(&c)) < 0)
					return -1;
				if (ok)
					hi = c.smooth.floor;
				else
					lo = c.smooth.floor;
			}
			s->floor_found = 1;
			s->floor = hi;
		}
	}
	if (s->floor_found == 1) {
		struct sw_wave w;
		double	m0 = 0, m1 = 0;
		size_t	i;

		c.smooth.floor = 0;
		if (swings_run(&c, &w) != 0)
			return -1;
		for (i = 0; i < w.n; i++)
			m0 += w.smooth[i];
		swings_wave_release(&w);
		c.smooth.floor = s->floor;
		if (swings_run(&c, &w) != 0)
			return -1;
		for (i = 0; i < w.n; i++)
			m1 += w.smooth[i];
		s->floor_extra_w = (m1 - m0) / (double)w.n;
		swings_wave_release(&w);
	}

	/* battery, with the smoothing as configured */
	c = *base;
	c.store.enabled = 0;
	if ((r = malloc(sizeof *r)) == NULL)
		return -1;
	memset(r, 0, sizeof *r);
	if (swings_run(&c, &r->wave) != 0) {
		free(r);
		return -1;
	}
	ok = judge(&c, r);
	if (ok == 0 && r->all_ok) {
		s->batt_found = -1;
		goto done;
	}
	{
		double	mn = r->wave.smooth[0], mx = mn;
		size_t	i;

		for (i = 1; i < r->wave.n; i++) {
			if (r->wave.smooth[i] < mn)
				mn = r->wave.smooth[i];
			if (r->wave.smooth[i] > mx)
				mx = r->wave.smooth[i];
		}
		p2p = mx - mn;
	}
	e_hi = fmax(p2p, 1) * c.duration_s * 4;
	if ((ok = batt_passes(&c, r, fmax(p2p, 1), e_hi)) <= 0) {
		s->batt_found = ok < 0 ? -2 : 0;
		goto done;
	}
	lo = 0;
	hi = fmax(p2p, 1);
	for (k = 0; k < 60 && hi - lo > 1e-3 * hi; k++) {
		double	mid = (lo + hi) / 2;

		if ((ok = batt_passes(&c, r, mid, e_hi)) < 0)
			break;
		if (ok)
			hi = mid;
		else
			lo = mid;
	}
	s->batt_power_w = hi;
	lo = 0;
	for (k = 0; k < 80 && e_hi - lo > 1e-3 * e_hi; k++) {
		double	mid = (lo + e_hi) / 2;

		if ((ok = batt_passes(&c, r, s->batt_power_w, mid)) < 0)
			break;
		if (ok)
			e_hi = mid;
		else
			lo = mid;
	}
	s->batt_energy_j = e_hi;
	s->batt_found = ok < 0 ? -2 : 1;
done:
	swings_wave_release(&r->wave);
	free(r);
	return s->batt_found == -2 ? -1 : 0;
}
