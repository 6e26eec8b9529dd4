/*
 * swings_spectrum.c - the amplitude spectrum of a swing, for its picture: Welch's
 * method as swings_analyse() applies it to the bands (P. D. Welch, IEEE Trans.
 * Audio Electroacoust. AU-15 (1967) 70): segments of the analysis window with 50 %
 * overlap, each with its mean removed, times the periodic Hann window
 * w[k] = 0.5 - 0.5 cos(2 pi k / L), through GSL's mixed-radix real FFT.  The
 * amplitude of bin k is that of the sinusoid it holds, 2 |X_k| / sum w (the Hann
 * window's coherent gain, F. J. Harris, Proc. IEEE 66 (1978) 51), its power
 * averaged over the segments: A_k = 2 sqrt(mean |X_k|^2) / sum w.  A tone of
 * amplitude A on a bin gives A there.
 */
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_fft_real.h>

#include "swings.h"

#define PI 3.14159265358979323846

size_t
swings_spectrum_bins(size_t n, double fs, double window_s)
{
	double	w = floor(window_s * fs + 0.5);
	size_t	L = w < 1 ? 1 : (size_t)w;

	return n < 2 || L > n || L < 4 ? 0 : L / 2;
}

int
swings_spectrum(const double *x, size_t n, double fs, double window_s, double *freq,
    double *amp)
{
	size_t	nb = swings_spectrum_bins(n, fs, window_s), L = 2 * nb, hop, s0, i, k;
	gsl_fft_real_wavetable *wt = NULL;
	gsl_fft_real_workspace *ws = NULL;
	double	*win = NULL, *buf = NULL, sw = 0;
	size_t	nseg = 0;
	int	rc = -1;

	if (nb == 0)
		return -1;
	/* an odd window rounds down to even so that the bins are L/2 = nb */
	win = malloc(L * sizeof *win);
	buf = malloc(L * sizeof *buf);
	wt = gsl_fft_real_wavetable_alloc(L);
	ws = gsl_fft_real_workspace_alloc(L);
	if (!win || !buf || !wt || !ws)
		goto out;
	for (i = 0; i < L; i++) {
		win[i] = 0.5 - 0.5 * cos(2 * PI * (double)i / (double)L);
		sw += win[i];
	}
	for (k = 0; k < nb; k++) {
		freq[k] = (double)(k + 1) * fs / (double)L;
		amp[k] = 0;
	}
	hop = L / 2;
	for (s0 = 0; s0 + L <= n; s0 += hop) {
		double	mu = 0;

		for (i = 0; i < L; i++)
			mu += x[s0 + i];
		mu /= (double)L;
		for (i = 0; i < L; i++)
			buf[i] = (x[s0 + i] - mu) * win[i];
		if (gsl_fft_real_transform(buf, 1, L, wt, ws) != 0)
			goto out;
		/* half-complex order: [2k-1], [2k] = Re, Im of bin k; [L-1] = bin L/2 */
		for (k = 1; k <= nb; k++) {
			double	re = 2 * k == L ? buf[L - 1] : buf[2 * k - 1];
			double	im = 2 * k == L ? 0 : buf[2 * k];

			amp[k - 1] += re * re + im * im;
		}
		nseg++;
	}
	for (k = 0; k < nb; k++)
		amp[k] = 2 * sqrt(amp[k] / (double)nseg) / sw;
	rc = 0;
out:
	free(win);
	free(buf);
	if (wt)
		gsl_fft_real_wavetable_free(wt);
	if (ws)
		gsl_fft_real_workspace_free(ws);
	return rc;
}
