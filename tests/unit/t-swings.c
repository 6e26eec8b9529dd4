/*
 * t-swings.c - training power swings against analytic answers: Fourier series of a
 * square wave, a ramp limiter's slope, the first-order low-pass magnitude
 * 1 / sqrt(1 + (2 pi f tau)^2), the storage energy balance, duty-weighted means and
 * the GPU floor.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "swings.h"
#include "tap.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* One GPU squaring between hi (compute) and lo (comm), 1 W of site per GPU W. */
static struct sw_job
square_job(double period, double comm_frac, double hi, double lo)
{
	struct sw_job j;

	memset(&j, 0, sizeof j);
	strcpy(j.name, "sq");
	j.gpus = 1;
	j.period_s = period;
	j.comm_fraction = comm_frac;
	j.p_compute_w = hi;
	j.p_comm_w = lo;
	j.p_idle_w = 80;
	j.p_ckpt_w = lo;
	j.tdp_w = 700;
	j.start_s = -INFINITY;
	j.stop_s = INFINITY;
	/* transitions half a sample off the 100 Hz grid */
	j.phase_s = 0.005;
	j.site_per_w = 1;
	return j;
}

static void
base_config(struct sw_config *c, const struct sw_job *j, size_t nj)
{
	memset(c, 0, sizeof *c);
	c->rate_hz = 100;
	c->duration_s = 600;
	c->window_s = 60;
	c->seed = 1;
	c->jobs = j;
	c->njobs = nj;
	c->lim.step_window_s = 0.1;
	c->lim.nbands = 3;
	c->lim.bands[0].lo_hz = 0.1;
	c->lim.bands[0].hi_hz = 2;
	c->lim.bands[1].lo_hz = 3;
	c->lim.bands[1].hi_hz = 30;
	c->lim.bands[2].lo_hz = 0.4;	/* the fundamental alone */
	c->lim.bands[2].hi_hz = 0.6;
	c->store.soc_min = 0;
	c->store.soc_max = 1;
	c->store.soc_init = 0.5;
	c->store.rte = 1;
}

static void
test_square(void)
{
	struct sw_job j = square_job(2, 0.5, 700, 300);
	struct sw_config c;
	struct sw_result r;
	double	dp = 400, a1 = 2 * dp / M_PI, a3 = a1 / 3, hs = 0, hd = 0;
	int	k;

	base_config(&c, &j, 1);
	ok(swings_evaluate(&c, &r) == 0, "square wave evaluates");
	/* Fourier series of a square wave of peak-to-peak dP: a_k = 2 dP / (k pi),
	 * odd k; the 0.5 Hz fundamental and its 1.5 Hz third harmonic are in 0.1-2 Hz */
	is_rel(r.m[SW_SIG_RAW].band_peak[2], a1, 1e-3, "fundamental = 2 dP / pi = %.3f W",
	    a1);
	is_rel(r.m[SW_SIG_RAW].band_amp[2], a1, 1e-3, "band around the fundamental: "
	    "equivalent amplitude = a1");
	is_rel(r.m[SW_SIG_RAW].band_amp[0], sqrt(a1 * a1 + a3 * a3), 1e-3,
	    "0.1-2 Hz: sqrt(a1^2 + a3^2) = %.3f W", sqrt(a1 * a1 + a3 * a3));
	is_rel(r.m[SW_SIG_RAW].band_peak[0], a1, 1e-3, "0.1-2 Hz: largest component a1");
	/* 3-30 Hz holds harmonics 7..59 of 0.5 Hz; point sampling at N = 200 samples a
	 * period gives the sampled square wave's coefficients
	 * (2 dP / N) / sin(pi k / N), within 1e-3 of a_k up to k ~ 4 */
	for (k = 7; k <= 59; k += 2) {
		double	ad = 2 * dp / 200 / sin(M_PI * k / 200), ac = 2 * dp / (k * M_PI);

		hd += ad * ad;
		hs += ac * ac;
	}
	is_rel(r.m[SW_SIG_RAW].band_amp[1], sqrt(hd), 1e-4,
	    "3-30 Hz: the sampled series sqrt(sum a_k^2), k = 7..59 = %.3f W", sqrt(hd));
	ok(fabs(sqrt(hd) - sqrt(hs)) / sqrt(hs) < 0.03, "which is within 3 %% of the "
	    "continuous series (%.3f W)", sqrt(hs));
	is_rel(r.m[SW_SIG_RAW].mean, 500, 1e-12, "mean = duty-weighted levels");
	is_rel(r.m[SW_SIG_RAW].p2p, dp, 1e-12, "peak-to-peak = dP");
	is_rel(r.m[SW_SIG_RAW].step_w, dp, 1e-12, "largest step = dP");
	/* variance of a square wave is (dP/2)^2; the bands share it */
	is_rel(r.m[SW_SIG_RAW].rms_w, dp / 2, 1e-12, "RMS swing = dP / 2");
	is_rel(r.m[SW_SIG_RAW].band_share[0], (a1 * a1 + a3 * a3) / 2 / (dp * dp / 4), 2e-3,
	    "0.1-2 Hz share of the variance = (a1^2 + a3^2) / 2 / (dP/2)^2");
	swings_result_release(&r);
}

static void
test_duty_mean(void)
{
	struct sw_job j = square_job(2, 0.3, 700, 250);
	struct sw_job two[2];
	struct sw_config c;
	struct sw_result r;

	base_config(&c, &j, 1);
	c.static_w = 1000;
	ok(swings_evaluate(&c, &r) == 0, "30 %% comm job evaluates");
	is_rel(r.m[SW_SIG_RAW].mean, 1000 + 0.7 * 700 + 0.3 * 250, 1e-12,
	    "mean = static + 0.7 x 700 + 0.3 x 250 W");
	swings_result_release(&r);
	/* two jobs half a period apart: the fundamental cancels, the mean adds */
	two[0] = square_job(2, 0.5, 700, 300);
	two[1] = square_job(2, 0.5, 700, 300);
	two[1].phase_s = 1.005;
	base_config(&c, two, 2);
	ok(swings_evaluate(&c, &r) == 0, "two jobs in antiphase evaluate");
	is_rel(r.m[SW_SIG_RAW].mean, 1000, 1e-12, "their mean is 2 x 500 W");
	is_abs(r.m[SW_SIG_RAW].p2p, 0, 1e-9, "and they cancel: no swing");
	swings_result_release(&r);
}

static void
test_ramp_limiter(void)
{
	struct sw_storage st;
	struct sw_wave w;
	struct sw_limits l;
	struct sw_metrics m;
	size_t	n = 3000, i;
	double	*load = malloc(n * sizeof *load), maxd = 0;
	double	R = 1000;

	memset(&w, 0, sizeof w);
	w.batt = malloc(n * sizeof *w.batt);
	w.soc = malloc(n * sizeof *w.soc);
	w.site = malloc(n * sizeof *w.site);
	for (i = 0; i < n; i++)
		load[i] = i < 500 ? 2000 : 12000;	/* a 10 kW step at t = 5 s */
	memset(&st, 0, sizeof st);
	st.enabled = 1;
	st.power_w = 1e6;
	st.energy_j = 1e9;
	st.soc_max = 1;
	st.soc_init = 0.5;
	st.rte = 1;
	st.law = SW_LAW_RAMP;
	st.ramp_wps = R;
	swings_storage(&st, load, n, 0.01, &w);
	for (i = 1; i < n; i++)
		if (fabs(w.site[i] - w.site[i - 1]) > maxd)
			maxd = fabs(w.site[i] - w.site[i - 1]);
	is_rel(maxd / 0.01, R, 1e-9, "ramp limiter: largest slope = 1000 W/s");
	is_rel(w.site[500 + 499] - w.site[499], 500 * 0.01 * R, 1e-9,
	    "5 s into the ramp the supply has risen 5 kW");
	is_rel(w.site[1600], 12000, 1e-12, "after 10 s it carries the new load");
	memset(&l, 0, sizeof l);
	ok(swings_analyse(w.site, n, 100, 10, &l, 0.1, &m) == 0, "analysed");
	is_rel(m.ramp_wps, R, 1e-9, "measured ramp (change over 1 s) = 1000 W/s");
	is_rel(m.step_w, 0.1 * R, 1e-9, "largest change within 0.1 s = 100 W");
	is_rel(m.ramp_wpm, 10000, 1e-9, "over 60 s the whole 10 kW");
	free(load);
	free(w.batt);
	free(w.soc);
	free(w.site);
}

static void
test_lowpass(void)
{
	static const double fr[] = { 0.1, 0.5, 1, 2 };
	struct sw_storage st;
	struct sw_limits l;
	struct sw_metrics m;
	struct sw_wave w;
	size_t	n = 100000, skip = 5000, i, k;
	double	*load = malloc(n * sizeof *load), tau = 1;

	memset(&w, 0, sizeof w);
	w.batt = malloc(n * sizeof *w.batt);
	w.soc = malloc(n * sizeof *w.soc);
	w.site = malloc(n * sizeof *w.site);
	memset(&st, 0, sizeof st);
	st.enabled = 1;
	st.power_w = 1e6;
	st.energy_j = 1e9;
	st.soc_max = 1;
	st.soc_init = 0.5;
	st.rte = 1;
	st.law = SW_LAW_LOWPASS;
	st.tau_s = tau;
	memset(&l, 0, sizeof l);
	l.nbands = 1;
	for (k = 0; k < 4; k++) {
		double	f = fr[k], want = 1 / sqrt(1 + pow(2 * M_PI * f * tau, 2));

		for (i = 0; i < n; i++)
			load[i] = 5000 + 1000 * sin(2 * M_PI * f * (double)i * 0.01);
		swings_storage(&st, load, n, 0.01, &w);
		l.bands[0].lo_hz = f * 0.9;
		l.bands[0].hi_hz = f * 1.1;
		ok(swings_analyse(w.site + skip, n - skip, 100, 100, &l, 0.1, &m) == 0,
		    "low-pass at %.1f Hz analysed", f);
		is_rel(m.band_amp[0] / 1000, want, 5e-3, "low-pass tau = 1 s at %.1f Hz: "
		    "|H| = 1/sqrt(1+(2 pi f tau)^2) = %.4f", f, want);
	}
	free(load);
	free(w.batt);
	free(w.soc);
	free(w.site);
}

static void
test_energy_balance(void)
{
	struct sw_job j = square_job(2, 0.3, 700, 200);
	struct sw_config c;
	struct sw_wave w;
	size_t	i;
	int	bal = 1, soc = 1, track = 1;
	double	e, eta = sqrt(0.9);

	j.gpus = 1000;
	j.ckpt_interval_s = 120;
	j.ckpt_duration_s = 15;
	j.p_ckpt_w = 100;
	j.failure_rate = 1 / 200.0;
	j.restart_s = 30;
	j.ramp_up_s = 5;
	j.jitter_s = 0.1;
	base_config(&c, &j, 1);
	c.store.enabled = 1;
	c.store.power_w = 300e3;	/* less than the 500 kW swing: clips */
	c.store.energy_j = 2e6;		/* small: hits its SOC limits */
	c.store.soc_min = 0.1;
	c.store.soc_max = 0.9;
	c.store.soc_init = 0.5;
	c.store.rte = 0.9;
	c.store.response_s = 0.2;
	c.store.law = SW_LAW_LOWPASS;
	c.store.tau_s = 20;
	c.store.recovery_s = 300;
	ok(swings_run(&c, &w) == 0, "job with checkpoints, failures and jitter runs");
	e = 0.5 * c.store.energy_j;
	for (i = 0; i < w.n; i++) {
		if (fabs(w.site[i] + w.batt[i] - w.smooth[i]) > 1e-9 * w.smooth[i])
			bal = 0;
		if (w.soc[i] < 0.1 - 1e-12 || w.soc[i] > 0.9 + 1e-12)
			soc = 0;
		e -= w.batt[i] > 0 ? w.batt[i] / eta * w.dt : w.batt[i] * eta * w.dt;
		if (fabs(e - w.soc[i] * c.store.energy_j) > 1e-6 * c.store.energy_j)
			track = 0;
	}
	ok(bal, "grid = load - battery output at every sample");
	ok(soc, "SOC within 10..90 %% at every sample");
	ok(track, "stored energy = integral of charge x sqrt(rte) - discharge / sqrt(rte)");
	ok(w.soc_lo < 0.1 + 1e-9 && w.soc_hi > 0.9 - 1e-9, "the test reaches both SOC limits "
	    "(%.3f..%.3f)", w.soc_lo, w.soc_hi);
	ok(w.batt_cycles > 1, "equivalent full cycles counted (%.1f)", w.batt_cycles);
	swings_wave_release(&w);
}

static void
test_floor(void)
{
	struct sw_job j = square_job(2, 0.4, 700, 250);
	struct sw_config c;
	struct sw_result r;
	double	prev[3] = { INFINITY, INFINITY, INFINITY }, f;
	int	mono = 1, b;

	j.ckpt_interval_s = 100;
	j.ckpt_duration_s = 10;
	j.p_ckpt_w = 120;
	j.jitter_s = 0.05;
	base_config(&c, &j, 1);
	c.smooth.ramp_down_wps = 2000;
	c.smooth.hysteresis_s = 0.05;
	c.smooth.floor = 1;		/* 100 % of TDP = the compute level */
	ok(swings_evaluate(&c, &r) == 0, "floor 100 %% evaluates");
	is_abs(r.m[SW_SIG_SMOOTH].p2p, 0, 1e-9, "floor at the compute level: no swing left");
	is_abs(r.m[SW_SIG_SMOOTH].band_amp[0] + r.m[SW_SIG_SMOOTH].band_amp[1], 0, 1e-9,
	    "and no band amplitude");
	is_rel(r.m[SW_SIG_SMOOTH].mean, 700, 1e-12, "mean = TDP");
	swings_result_release(&r);
	for (f = 0; f <= 1.0001; f += 0.05) {
		c.smooth.floor = f;
		if (swings_evaluate(&c, &r) != 0) {
			mono = 0;
			break;
		}
		for (b = 0; b < 3; b++) {
			if (r.m[SW_SIG_SMOOTH].band_amp[b] > prev[b] * (1 + 1e-9) + 1e-9)
				mono = 0;
			prev[b] = r.m[SW_SIG_SMOOTH].band_amp[b];
		}
		swings_result_release(&r);
	}
	ok(mono, "raising the floor 0..100 %% never raises a band amplitude");
}

static void
test_gpu_ramp(void)
{
	struct sw_job j = square_job(2, 0.5, 700, 300);
	struct sw_config c;
	struct sw_wave w;

	base_config(&c, &j, 1);
	c.duration_s = 10;
	c.window_s = 5;
	c.smooth.ramp_down_wps = 1000;
	c.smooth.hysteresis_s = 0.1;
	ok(swings_run(&c, &w) == 0, "ramp-down smoothing runs");
	/* compute on samples 1..100 (t = 0.01..1.00), comm from t = 1.01 */
	is_rel(w.raw[101], 300, 1e-12, "demand drops at t = 1.01 s");
	is_rel(w.smooth[110], 700, 1e-12, "hysteresis 100 ms: still 700 W at t = 1.10 s");
	is_rel(w.smooth[111], 690, 1e-9, "then down at 1000 W/s: 690 W at 1.11 s");
	is_rel(w.smooth[150], 300, 1e-9, "and at 300 W after 0.4 s (t = 1.50 s)");
	is_rel(w.smooth[201], 700, 1e-12, "unlimited ramp-up: 700 W at once");
	swings_wave_release(&w);
	c.smooth.ramp_down_wps = 0;
	c.smooth.hysteresis_s = 0;
	c.smooth.cap_w = 500;
	ok(swings_run(&c, &w) == 0, "power cap runs");
	is_rel(w.smooth[50], 500, 1e-12, "a 500 W cap holds the compute level at 500 W");
	is_rel(w.smooth[150], 300, 1e-12, "and leaves 300 W alone");
	swings_wave_release(&w);
}

static void
test_job_events(void)
{
	struct sw_job j = square_job(2, 0.5, 700, 300);
	double	p[20000], q[20000];
	unsigned char run[20000];
	size_t	i;
	int	same = 1, differ = 0;

	j.ckpt_interval_s = 100;
	j.ckpt_duration_s = 10;
	j.p_ckpt_w = 100;
	swings_job_demand(&j, 7, 0, 0.01, 20000, p, run);
	is_rel(p[10000 + 1], 100, 1e-12, "checkpoint at 100 s: 100 W");
	is_rel(p[10999], 100, 1e-12, "still at 109.99 s");
	is_rel(p[11000 + 1], 700, 1e-12, "iterations restart after it, computing");
	j.ckpt_interval_s = 0;
	j.start_s = 20;
	j.ramp_up_s = 10;
	j.stop_s = 150;
	j.ramp_down_s = 0;
	swings_job_demand(&j, 7, 0, 0.01, 20000, p, run);
	is_rel(p[1000], 80, 1e-12, "before the start: idle 80 W");
	ok(run[1000] == 0 && run[2500] == 1, "running flag follows the job");
	/* t = 25 s: half-way up the ramp; 25 - 20 = 5 s into iterations from 20.005 */
	/* t = 24.01 s: 0.005 s into an iteration (computing), 4.01 s into the ramp */
	is_rel(p[2401], 80 + (700 - 80) * 0.401, 1e-9, "start ramp: 40.1 %% of the way "
	    "from idle at 24.01 s");
	is_rel(p[15000], 80, 1e-12, "after the stop: idle");
	/* determinism and the seed */
	j.start_s = -INFINITY;
	j.stop_s = INFINITY;
	j.jitter_s = 0.2;
	j.failure_rate = 0.01;
	j.restart_s = 5;
	swings_job_demand(&j, 42, 0, 0.01, 20000, p, NULL);
	swings_job_demand(&j, 42, 0, 0.01, 20000, q, NULL);
	for (i = 0; i < 20000; i++)
		if (p[i] != q[i])
			same = 0;
	ok(same, "same seed: the same waveform bit for bit");
	swings_job_demand(&j, 43, 0, 0.01, 20000, q, NULL);
	for (i = 0; i < 20000; i++)
		if (p[i] != q[i])
			differ = 1;
	ok(differ, "another seed: another waveform");
}

static void
test_rise(void)
{
	static const double x[] = { 0, 5, 1, 1, 9, 2, 0, 3 };

	is_abs(swings_max_rise(x, 8, 1), 8, 0, "largest one-sample rise 1 -> 9");
	is_abs(swings_max_rise(x, 8, 3), 8, 0, "within 3 samples still 1 -> 9");
	is_abs(swings_max_rise(x, 8, 4), 9, 0, "within 4 samples 0 -> 9");
	is_abs(swings_max_change(x, 8, 1), 8, 0, "largest one-sample change");
	is_abs(swings_max_change(x, 8, 2), 9, 0, "within 2 samples 9 -> 0");
	{
		/* against brute force on a pseudo-random walk, windows of every size */
		static const size_t ws[] = { 1, 2, 3, 7, 50, 499, 500, 501, 900 };
		static double y[500];
		unsigned long long st = 12345;
		size_t	i, j, k;
		int	good = 1;

		for (i = 0; i < 500; i++) {
			st = st * 6364136223846793005ULL + 1442695040888963407ULL;
			y[i] = (i ? y[i - 1] : 0) + (double)(st >> 40) / 16777216.0 - 0.5;
		}
		for (k = 0; k < sizeof ws / sizeof ws[0]; k++) {
			double	r = 0, f = 0;

			for (j = 1; j < 500; j++)
				for (i = j > ws[k] ? j - ws[k] : 0; i < j; i++) {
					if (y[j] - y[i] > r)
						r = y[j] - y[i];
					if (y[i] - y[j] > f)
						f = y[i] - y[j];
				}
			if (swings_max_rise(y, 500, ws[k]) != r ||
			    swings_max_change(y, 500, ws[k]) != fmax(r, f))
				good = 0;
		}
		ok(good, "largest rise and change = brute force for windows 1..900");
	}
}

static void
test_generators_and_sizing(void)
{
	struct sw_job j = square_job(2, 0.5, 700, 300);
	struct sw_gen g;
	struct sw_config c;
	struct sw_result r;
	struct sw_sizing s;
	double	fstar, A = 100;
	size_t	i;
	int	found = 0;

	base_config(&c, &j, 1);
	memset(&g, 0, sizeof g);
	strcpy(g.name, "gen");
	g.rating_w = 1000;
	g.share = 1;
	g.step_frac = 0.28;
	g.step_interval_s = 10;
	g.gov_tau_s = 0.5;
	g.min_load_frac = 0.3;
	c.island = 1;
	c.gens = &g;
	c.ngens = 1;
	ok(swings_evaluate(&c, &r) == 0, "islanded generator evaluates");
	for (i = 0; i < r.nv; i++) {
		if (r.v[i].check == SW_CK_GEN_STEP) {
			found++;
			is_rel(r.v[i].value, 400, 1e-12, "generator sees the 400 W step");
			ok(!r.v[i].ok, "over its 28 %% (280 W) step: FAIL");
			is_rel(r.v[i].margin, -120, 1e-12, "margin -120 W");
		}
		if (r.v[i].check == SW_CK_GEN_INTERVAL) {
			found++;
			is_rel(r.v[i].value, 2, 1e-9, "a step every 2 s");
			ok(!r.v[i].ok, "against 10 s between steps: FAIL");
		}
		if (r.v[i].check == SW_CK_GEN_MIN_LOAD) {
			found++;
			ok(r.v[i].ok, "300 W is its 30 %% minimum load: OK");
			is_abs(r.v[i].margin, 0, 1e-9, "with no margin");
		}
	}
	is_int(found, 3, "three generator verdicts seen");
	ok(!r.all_ok, "overall: a limit fails");
	swings_result_release(&r);

	/* floor sizing against a band limit: the fundamental of a square between
	 * max(300, 700 F) and 700 is 2 (700 - 700 F) / pi; the limit A gives
	 * F = 1 - A pi / 1400 */
	base_config(&c, &j, 1);
	c.lim.bands[2].limit_w = A;
	c.lim.nbands = 3;
	c.store.law = SW_LAW_LOWPASS;
	c.store.tau_s = 5;
	ok(swings_size(&c, &s) == 0, "sizing runs");
	fstar = 1 - A * M_PI / 1400;
	ok(s.floor_found == 1, "a floor suffices");
	ok(s.floor >= fstar - 1e-9 && s.floor <= fstar + 1.5e-3,
	    "smallest floor %.4f within 0.1 %% above F = 1 - A pi / 1400 = %.4f",
	    s.floor, fstar);
	is_rel(s.floor_extra_w, 0.5 * (700 * s.floor - 300), 1e-6,
	    "its cost: the comm half of each iteration lifted to the floor");
	ok(s.batt_found == 1, "a battery suffices (%.1f W, %.1f J)", s.batt_power_w,
	    s.batt_energy_j);
	/* the sized battery passes and one 1 % smaller in power fails */
	c.store.enabled = 1;
	c.store.law = SW_LAW_LOWPASS;
	c.store.power_w = s.batt_power_w;
	c.store.energy_j = s.batt_energy_j;
	ok(swings_passes(&c) == 1, "the sized battery passes");
	c.store.power_w = s.batt_power_w * 0.99;
	c.store.energy_j = s.batt_energy_j * 4;
	ok(swings_passes(&c) == 0, "1 %% less power fails");
	c.store.power_w = s.batt_power_w * 1.01;
	c.store.energy_j = s.batt_energy_j * 0.5;
	ok(swings_passes(&c) == 0, "half the energy fails");
}

static void
test_psu_and_floors(void)
{
	struct sw_job j = square_job(2, 0.5, 700, 300);
	struct sw_config c;
	struct sw_result r;
	struct sw_wave w;
	double	f = 0.5, tau = 0.5, want = 1 / sqrt(1 + pow(2 * M_PI * f * tau, 2));

	/* PSU storage, large enough never to bind: a first-order low-pass of the
	 * GPU's draw, so the fundamental is attenuated by 1 / sqrt(1 + (2 pi f tau)^2) */
	base_config(&c, &j, 1);
	c.smooth.psu_energy_j = 1e6;
	c.smooth.psu_tau_s = tau;
	ok(swings_evaluate(&c, &r) == 0, "PSU storage evaluates");
	is_rel(r.m[SW_SIG_SMOOTH].band_peak[2] / r.m[SW_SIG_RAW].band_peak[2], want, 5e-3,
	    "PSU low-pass tau = 0.5 s at 0.5 Hz: |H| = %.4f", want);
	is_rel(r.m[SW_SIG_SMOOTH].mean, r.m[SW_SIG_RAW].mean, 1e-3,
	    "and the mean draw is kept");
	swings_result_release(&r);
	/* a store of 1 J cannot cover a 400 W swing: the draw passes nearly unchanged */
	c.smooth.psu_energy_j = 1;
	ok(swings_evaluate(&c, &r) == 0, "a 1 J PSU store evaluates");
	ok(r.m[SW_SIG_SMOOTH].p2p > 0.99 * 400, "a 1 J store leaves the swing (%.1f W)",
	    r.m[SW_SIG_SMOOTH].p2p);
	swings_result_release(&r);

	/* secondary floor: held while the job is down; primary floor only while up */
	base_config(&c, &j, 1);
	c.duration_s = 60;
	c.window_s = 30;
	j.start_s = 10;
	c.smooth.floor = 0.8;
	c.smooth.secondary_floor_w = 200;
	ok(swings_run(&c, &w) == 0, "floors run");
	is_rel(w.smooth[500], 200, 1e-12, "before the start: the 200 W secondary floor");
	is_rel(w.raw[500], 80, 1e-12, "where the demand is the 80 W idle");
	is_rel(w.smooth[2150], 560, 1e-12, "running, in the comm phase: the 80 %% floor, "
	    "560 W");
	swings_wave_release(&w);
	/* ramp-up rate: from 300 to 700 W at 2000 W/s takes 0.2 s */
	j.start_s = -INFINITY;
	c.smooth.floor = 0;
	c.smooth.secondary_floor_w = 0;
	c.smooth.ramp_up_wps = 2000;
	ok(swings_run(&c, &w) == 0, "ramp-up limit runs");
	/* comm 1.01..2.00 s, compute again from t = 2.01 s */
	is_rel(w.smooth[201], 320, 1e-9, "ramp-up 2000 W/s: 320 W one sample in");
	is_rel(w.smooth[220], 700, 1e-9, "700 W after 0.2 s");
	swings_wave_release(&w);
}

int
main(void)
{
	test_square();
	test_duty_mean();
	test_ramp_limiter();
	test_lowpass();
	test_energy_balance();
	test_floor();
	test_gpu_ramp();
	test_job_events();
	test_rise();
	test_generators_and_sizing();
	test_psu_and_floors();
	return tap_done();
}
