/*
 * swings_spectrum.c - Welch's method, the one spectral estimate of the swings
 * (P. D. Welch, IEEE Trans. Audio Electroacoust. AU-15 (1967) 70): segments of
 * the analysis window with 50 % overlap, each with its mean removed, times the
 * periodic Hann window w[k] = 0.5 - 0.5 cos(2 pi k / L), through GSL's
 * mixed-radix real FFT (gsl_fft_real_transform).  swings_spectrum_welch() hands
 * each segment's |X_k|^2 to its caller: the band amplitudes and limits of
 * swings_analysis.c and the amplitude spectrum of the picture here.
 *
 * The spectrum: the amplitude of bin k is that of the sinusoid it holds,
 * 2 |X_k| / sum w (the Hann window's coherent gain, F. J. Harris, Proc. IEEE 66
 * (1978) 51), its power averaged over the segments: A_k = 2 sqrt(mean |X_k|^2)
 * / sum w.  A tone of amplitude A on a bin gives A there.
 */
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_fft_real.h>

#include "swings.h"

#define PI 3.14159265358979323846

int
swings_spectrum_welch(const double *x, size_t n, size_t L, struct sw_welch *wl,
    int (*seg)(void *, const double *pw, const struct sw_welch *), void *ctx)
{
	gsl_fft_real_wavetable *wt = NULL;
	gsl_fft_real_workspace *ws = NULL;
	double	*win = NULL, *buf = NULL;
	size_t	hop, s0, i, k;
	int	rc = -1;

	wl->L = L;
	wl->sw = wl->sw2 = 0;
	wl->nseg = 0;
	if (L < 2 || L > n)
		return -1;
	win = malloc(L * sizeof *win);
	buf = malloc(L * sizeof *buf);
	wt = gsl_fft_real_wavetable_alloc(L);
	ws = gsl_fft_real_workspace_alloc(L);
	if (!win || !buf || !wt || !ws)
		goto out;
	for (i = 0; i < L; i++) {
		win[i] = 0.5 - 0.5 * cos(2 * PI * (double)i / (double)L);
		wl->sw += win[i];
		wl->sw2 += win[i] * win[i];
	}
	hop = L / 2;
	rc = 0;
	for (s0 = 0; s0 + L <= n && rc == 0; s0 += hop) {
		double	mu = 0;

		for (i = 0; i < L; i++)
			mu += x[s0 + i];
		mu /= (double)L;
		for (i = 0; i < L; i++)
			buf[i] = (x[s0 + i] - mu) * win[i];
		if (gsl_fft_real_transform(buf, 1, L, wt, ws) != 0) {
			rc = -1;
			break;
		}
		/* mixed-radix half-complex order: [0] = DC, [2k-1], [2k] = Re, Im of
		 * bin k; for even L, [L-1] = Re of bin L/2.  In place: bin k
		 * (1..L/2) to buf[k-1], which is read only at or after it. */
		for (k = 1; k <= L / 2; k++) {
			double	re = 2 * k == L ? buf[L - 1] : buf[2 * k - 1];
			double	im = 2 * k == L ? 0 : buf[2 * k];

			buf[k - 1] = re * re + im * im;
		}
		wl->nseg++;
		rc = seg(ctx, buf, wl);
	}
out:
	free(win);
	free(buf);
	if (wt)
		gsl_fft_real_wavetable_free(wt);
	if (ws)
		gsl_fft_real_workspace_free(ws);
	return rc;
}

size_t
swings_spectrum_bins(size_t n, double fs, double window_s)
{
	double	w = floor(window_s * fs + 0.5);
	size_t	L = w < 1 ? 1 : (size_t)w;

	return n < 2 || L > n || L < 4 ? 0 : L / 2;
}

/* One segment's power into the running sum amp[]. */
static int
spectrum_seg(void *ctx, const double *pw, const struct sw_welch *wl)
{
	double	*amp = ctx;
	size_t	k;

	for (k = 0; k < wl->L / 2; k++)
		amp[k] += pw[k];
	return 0;
}

int
swings_spectrum(const double *x, size_t n, double fs, double window_s, double *freq,
    double *amp)
{
	size_t	nb = swings_spectrum_bins(n, fs, window_s), L = 2 * nb, k;
	struct sw_welch wl;

	if (nb == 0)
		return -1;
	/* an odd window rounds down to even so that the bins are L/2 = nb */
	for (k = 0; k < nb; k++) {
		freq[k] = (double)(k + 1) * fs / (double)L;
		amp[k] = 0;
	}
	if (swings_spectrum_welch(x, n, L, &wl, spectrum_seg, amp) != 0 ||
	    wl.nseg == 0)
		return -1;
	for (k = 0; k < nb; k++)
		amp[k] = 2 * sqrt(amp[k] / (double)wl.nseg) / wl.sw;
	return 0;
}
