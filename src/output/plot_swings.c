/*
 * plot_swings.c - the pictures of swings (see plot_pics.h), drawn from the
 * waveforms the CSV writer takes: the waveform over a window (raw, after GPU
 * smoothing, at the supply after facility storage, storage state of charge), and
 * the amplitude spectrum on a logarithmic frequency axis with the concern bands
 * shaded, their limits and their measured equivalent amplitudes.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot.h"
#include "plot_pics.h"
#include "swings.h"

size_t
plot_decimate(const double *x, size_t n, double dt, size_t buckets, double *tx,
    double *ty)
{
	size_t	b, k = 0, i;

	if (n <= 2 * buckets || buckets == 0) {
		for (i = 0; i < n; i++) {
			tx[i] = (double)i * dt;
			ty[i] = x[i];
		}
		return n;
	}
	for (b = 0; b < buckets; b++) {
		size_t	a = n * b / buckets, z = n * (b + 1) / buckets, lo = a, hi = a;

		for (i = a; i < z; i++) {
			if (x[i] < x[lo])
				lo = i;
			if (x[i] > x[hi])
				hi = i;
		}
		/* both extremes, in time order */
		if (lo <= hi) {
			tx[k] = (double)lo * dt;
			ty[k++] = x[lo];
			if (hi != lo) {
				tx[k] = (double)hi * dt;
				ty[k++] = x[hi];
			}
		} else {
			tx[k] = (double)hi * dt;
			ty[k++] = x[hi];
			tx[k] = (double)lo * dt;
			ty[k++] = x[lo];
		}
	}
	return k;
}

/* samples of the window: the first span_s of the waveform (all if <= 0 or longer) */
static size_t
window_n(const struct sw_wave *w, double span_s)
{
	double	m = floor(span_s / w->dt + 0.5);

	if (!(span_s > 0) || m >= (double)w->n)
		return w->n;
	return m < 2 ? 2 : (size_t)m;
}

#define BUCKETS	2000

static int
draw_waveform(const char *title, const struct sw_config *cfg,
    const struct sw_result *r, double span_s, enum plot_fmt f, int w, int h, FILE *fp)
{
	const struct sw_wave *wv = &r->wave;
	size_t	n = window_n(wv, span_s), m = 2 * BUCKETS + 2, k, cnt[4];
	double	*v, top = 0, mul;
	const double *src[4] = { wv->raw, wv->smooth, wv->site, wv->soc };
	static const char *const labels[3] = { "raw: the jobs' demand",
	    "after GPU smoothing and PSU storage", NULL };
	/* labels when a stage changes nothing: "raw = after smoothing = at the grid" */
	static const int colours[3] = { PC_SKY, PC_ORANGE, PC_BLACK };
	char	sub[256], ylab[32], lab2[64];
	struct plot p;
	struct plot_series *ps;
	int	i, rc;
	const char *unit;
	char	lab[3][160], merged[64] = "";

	if ((v = calloc(8 * m, sizeof *v)) == NULL)
		return -1;
	for (k = 0; k < n; k++)
		top = fmax(top, fmax(wv->raw[k], wv->smooth[k]));
	unit = plot_power_unit(top / 1e6, &mul);
	for (i = 0; i < 4; i++) {
		if (i == 3 && !cfg->store.enabled) {
			cnt[i] = 0;
			continue;
		}
		cnt[i] = plot_decimate(src[i], n, wv->dt, BUCKETS, v + 2 * i * m,
		    v + (2 * i + 1) * m);
		for (k = 0; k < cnt[i]; k++)
			v[(2 * i + 1) * m + k] *= i == 3 ? 100 : mul / 1e6;
	}
	snprintf(sub, sizeof sub, "dcplan swings: the first %g s of %g s at %g Hz, seed "
	    "%llu%s", (double)n * wv->dt, cfg->duration_s, cfg->rate_hz, cfg->seed,
	    n > 2 * BUCKETS ? "; each pixel column keeps its highest and lowest sample" :
	    "");
	plot_init(&p, title, sub);
	snprintf(ylab, sizeof ylab, "site power (%s)", unit);
	p.x.label = "time (s)";
	p.y.label = ylab;
	if (cfg->store.enabled)
		p.y2.label = "storage state of charge (%)";
	snprintf(lab2, sizeof lab2, "%s", cfg->island ? "at the generators" :
	    cfg->store.enabled ? "at the grid, after facility storage" : "at the grid");
	/* a stage that changes nothing shares the line of the stage before */
	for (i = 0; i < 3; i++) {
		int	same_next = i < 2 && memcmp(src[i], src[i + 1], n *
		    sizeof *src[i]) == 0;

		if (same_next) {
			size_t	o = strlen(merged);

			snprintf(merged + o, sizeof merged - o, "%s = ", i == 0 ? "raw" :
			    "after smoothing");
			continue;
		}
		snprintf(lab[i], sizeof lab[i], "%s%s", merged, labels[i] ? labels[i] :
		    lab2);
		merged[0] = '\0';
		if ((ps = plot_add(&p, PS_LINE, lab[i], colours[i])) == NULL)
			continue;
		ps->x = v + 2 * i * m;
		ps->y = v + (2 * i + 1) * m;
		ps->n = cnt[i];
		ps->width = i == 2 ? 1.1 : 0.8;
	}
	if (cfg->store.enabled && (ps = plot_add(&p, PS_LINE, "state of charge (right "
	    "axis)", PC_GREEN)) != NULL) {
		ps->x = v + 6 * m;
		ps->y = v + 7 * m;
		ps->n = cnt[3];
		ps->right = 1;
		ps->dashed = 1;
		ps->width = 0.9;
	}
	rc = plot_write(&p, f, w, h, fp);
	free(v);
	return rc;
}

int
plot_swings_spectra(const struct sw_config *cfg, const struct sw_result *r,
    double *freq, double *amp_raw, double *amp_smooth, double *amp_site, size_t *nb)
{
	const struct sw_wave *wv = &r->wave;

	*nb = swings_spectrum_bins(wv->n, cfg->rate_hz, cfg->window_s);
	if (*nb == 0)
		return -1;
	if (swings_spectrum(wv->raw, wv->n, cfg->rate_hz, cfg->window_s, freq,
	    amp_raw) != 0 || swings_spectrum(wv->smooth, wv->n, cfg->rate_hz,
	    cfg->window_s, freq, amp_smooth) != 0 || swings_spectrum(wv->site, wv->n,
	    cfg->rate_hz, cfg->window_s, freq, amp_site) != 0)
		return -1;
	return 0;
}

static int
draw_spectrum(const char *title, const struct sw_config *cfg,
    const struct sw_result *r, enum plot_fmt f, int w, int h, FILE *fp)
{
	const struct sw_limits *lim = &cfg->lim;
	size_t	nb = swings_spectrum_bins(r->wave.n, cfg->rate_hz, cfg->window_s), k, b;
	double	*v, top = 0, mul;
	double	bx[SW_MAX_BANDS][2], by[SW_MAX_BANDS][2], sp_from[SW_MAX_BANDS];
	double	sp_to[SW_MAX_BANDS], mx[SW_MAX_BANDS], my[SW_MAX_BANDS];
	char	names[SW_MAX_BANDS][64], sub[256], ylab[48];
	const char *np[SW_MAX_BANDS];
	static const char *const labels[3] = { "raw", "after GPU smoothing", NULL };
	static const int colours[3] = { PC_SKY, PC_ORANGE, PC_BLACK };
	const struct sw_metrics *at = &r->m[r->has_grid ? SW_SIG_GRID : SW_SIG_SITE];
	struct plot p;
	struct plot_series *ps;
	const char *unit;
	int	i, rc, first_limit = 1;
	char	lab[3][160], merged[64] = "";

	if (nb == 0 || (v = calloc(4 * nb, sizeof *v)) == NULL)
		return -1;
	if (plot_swings_spectra(cfg, r, v, v + nb, v + 2 * nb, v + 3 * nb, &nb) != 0) {
		free(v);
		return -1;
	}
	for (k = 0; k < 3 * nb; k++)
		top = fmax(top, v[nb + k]);
	for (b = 0; b < lim->nbands; b++)
		top = fmax(top, fmax(lim->bands[b].limit_w, at->band_amp[b]));
	unit = plot_power_unit(top / 1e6, &mul);
	for (k = nb; k < 4 * nb; k++)
		v[k] *= mul / 1e6;
	snprintf(sub, sizeof sub, "dcplan swings: Welch, %g s Hann windows, 50 %% "
	    "overlap, %g s at %g Hz; concern bands shaded", cfg->window_s,
	    cfg->duration_s, cfg->rate_hz);
	plot_init(&p, title, sub);
	snprintf(ylab, sizeof ylab, "amplitude (%s)", unit);
	p.x.kind = PA_LOG;
	p.x.label = "frequency (Hz)";
	p.y.kind = PA_LOG;
	p.y.label = ylab;
	p.ygrid = 1;
	for (b = 0; b < lim->nbands; b++) {
		sp_from[b] = lim->bands[b].lo_hz;
		sp_to[b] = lim->bands[b].hi_hz;
	}
	if ((ps = plot_add(&p, PS_SPANS, lim->nbands ? "concern bands" : NULL,
	    PC_YELLOW)) != NULL) {
		ps->x = sp_from;
		ps->y = sp_to;
		ps->n = lim->nbands;
		ps->alpha = 0.3;
	}
	for (i = 0; i < 3; i++) {
		const double *a = v + (size_t)(i + 1) * nb;

		if (i < 2 && memcmp(a, a + nb, nb * sizeof *a) == 0) {
			size_t	o = strlen(merged);

			snprintf(merged + o, sizeof merged - o, "%s = ", labels[i]);
			continue;
		}
		snprintf(lab[i], sizeof lab[i], "%s%s", merged, labels[i] ? labels[i] :
		    cfg->island ? "at the generators" : "at the grid");
		merged[0] = '\0';
		if ((ps = plot_add(&p, PS_LINE, lab[i], colours[i])) != NULL) {
			ps->x = v;
			ps->y = a;
			ps->n = nb;
			ps->width = i == 2 ? 1.1 : 0.8;
		}
	}
	for (b = 0; b < lim->nbands; b++) {
		if (!(lim->bands[b].limit_w > 0))
			continue;
		bx[b][0] = lim->bands[b].lo_hz;
		bx[b][1] = lim->bands[b].hi_hz;
		by[b][0] = by[b][1] = lim->bands[b].limit_w * mul / 1e6;
		if ((ps = plot_add(&p, PS_LINE, first_limit ? "band limit (equivalent "
		    "amplitude)" : NULL, PC_VERMILION)) != NULL) {
			ps->x = bx[b];
			ps->y = by[b];
			ps->n = 2;
			ps->dashed = 1;
			ps->width = 1.4;
		}
		first_limit = 0;
	}
	for (b = 0; b < lim->nbands; b++) {
		/* the band's equivalent amplitude (the worst segment), at its centre */
		mx[b] = sqrt(lim->bands[b].lo_hz * lim->bands[b].hi_hz);
		my[b] = at->band_amp[b] * mul / 1e6;
		snprintf(names[b], sizeof names[b], "%g-%g Hz: %.3g %s", lim->bands[b].lo_hz,
		    lim->bands[b].hi_hz, my[b], unit);
		np[b] = names[b];
	}
	if ((ps = plot_add(&p, PS_MARKERS, lim->nbands ? "band equivalent amplitude" :
	    NULL, PC_VERMILION)) != NULL) {
		ps->x = mx;
		ps->y = my;
		ps->names = np;
		ps->n = lim->nbands;
		ps->marker = PM_DIAMOND;
	}
	rc = plot_write(&p, f, w, h, fp);
	free(v);
	return rc;
}

int
plot_swings_draw(const char *title, const struct sw_config *cfg,
    const struct sw_result *r, enum swings_pic what, double span_s, enum plot_fmt f,
    int w, int h, FILE *fp)
{
	if (what == SWINGS_SPECTRUM)
		return draw_spectrum(title, cfg, r, f, w, h, fp);
	return draw_waveform(title, cfg, r, span_s, f, w, h, fp);
}
