/*
 * swings.c - the waveform: synthesis of synchronous training jobs, GPU-level
 * smoothing (NVML power-smoothing knobs and a plain cap), per-GPU power-supply
 * storage and facility storage.  See swings.h for the sources of the model.
 *
 * Job model (after NVIDIA's GPUPowerTest load-up / load-down phases and the
 * compute / communication alternation of arXiv:2508.14318): each iteration of length
 * T (the period plus Gaussian jitter, clamped to at least 10 % of the period) spends
 * (1 - c) T at the compute level and then c T at the communication level; every
 * checkpoint interval of running time the job spends the checkpoint duration at the
 * checkpoint level, and the iteration clock restarts after it; a (re)start ramps
 * linearly from idle over the ramp-up time and a stop ramps down to idle; failures
 * arrive as a Poisson process at the failure rate during running time, drop the job
 * to idle at once (a cliff) and restart it after the restart time.  Samples are the
 * instantaneous level at t = i / rate (point sampling).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "swings.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* splitmix64 (S. Vigna, 2015, public domain): a 64-bit state, one output per step. */
static unsigned long long
sm64(unsigned long long *s)
{
	unsigned long long z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in (0, 1): 53 random bits, never 0. */
static double
unif(unsigned long long *s)
{
	return ((double)(sm64(s) >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

/* Standard normal by the Box-Muller transform (G. E. P. Box and M. E. Muller,
 * Ann. Math. Statist. 29 (1958) 610). */
static double
gauss(unsigned long long *s)
{
	double	u1 = unif(s), u2 = unif(s);

	return sqrt(-2 * log(u1)) * cos(2 * M_PI * u2);
}

static double
iter_len(const struct sw_job *j, unsigned long long *rng)
{
	double	t = j->period_s;

	if (j->jitter_s > 0)
		t += j->jitter_s * gauss(rng);
	return fmax(t, 0.1 * j->period_s);
}

static double
next_failure(const struct sw_job *j, unsigned long long *rng, double from)
{
	if (!(j->failure_rate > 0))
		return INFINITY;
	return from - log(unif(rng)) / j->failure_rate;
}

void
swings_job_demand(const struct sw_job *j, unsigned long long seed, size_t index,
    double dt, size_t n, double *p, unsigned char *running)
{
	unsigned long long rng = seed ^ (0xd1b54a32d192ed03ULL * (index + 1));
	unsigned long long frng;
	double	run_begin, it_b, it_len, ck_next, ck_end = -INFINITY, fail_t;
	double	outage_until = -INFINITY;
	double	ramp_from = j->start_s;	/* -INFINITY: running before t = 0, no ramp */
	int	started = 0;
	size_t	i;

	sm64(&rng);
	frng = sm64(&rng);	/* a separate stream for failures */
	run_begin = isfinite(j->start_s) ? j->start_s : 0;
	it_len = iter_len(j, &rng);
	it_b = run_begin + fmod(j->phase_s, j->period_s) - j->period_s;
	ck_next = j->ckpt_interval_s > 0 ? run_begin + j->ckpt_interval_s : INFINITY;
	fail_t = INFINITY;
	for (i = 0; i < n; i++) {
		double	t = (double)i * dt, lvl, r, rdn;
		int	run;

		if (isfinite(j->start_s) && t < j->start_s) {
			p[i] = j->p_idle_w;
			if (running)
				running[i] = 0;
			continue;
		}
		if (!started) {
			started = 1;
			fail_t = next_failure(j, &frng, isfinite(j->start_s) ? j->start_s : 0);
		}
		if (t >= fail_t && t < j->stop_s) {
			/* the job falls over: idle at once, back after the restart time */
			outage_until = fail_t + j->restart_s;
			run_begin = ramp_from = outage_until;
			it_b = run_begin + fmod(j->phase_s, j->period_s) - j->period_s;
			it_len = iter_len(j, &rng);
			ck_next = j->ckpt_interval_s > 0 ? run_begin + j->ckpt_interval_s :
			    INFINITY;
			ck_end = -INFINITY;
			fail_t = next_failure(j, &frng, outage_until);
		}
		if (t < outage_until || t >= j->stop_s + j->ramp_down_s) {
			p[i] = j->p_idle_w;
			if (running)
				running[i] = 0;
			continue;
		}
		/* checkpoint or iteration level */
		if (t >= ck_next) {
			ck_end = ck_next + j->ckpt_duration_s;
			ck_next += j->ckpt_interval_s;
			if (ck_next < ck_end)
				ck_next = ck_end;
			it_b = ck_end;
			it_len = iter_len(j, &rng);
		}
		if (t < ck_end)
			lvl = j->p_ckpt_w;
		else {
			while (t >= it_b + it_len) {
				it_b += it_len;
				it_len = iter_len(j, &rng);
			}
			lvl = t - it_b < (1 - j->comm_fraction) * it_len ? j->p_compute_w :
			    j->p_comm_w;
		}
		r = j->ramp_up_s > 0 && isfinite(ramp_from) ?
		    fmin(1, (t - ramp_from) / j->ramp_up_s) : 1;
		if (r < 0)
			r = 0;
		rdn = 1;
		if (t >= j->stop_s)
			rdn = j->ramp_down_s > 0 ? 1 - (t - j->stop_s) / j->ramp_down_s : 0;
		r = fmin(r, rdn);
		run = r > 0;
		p[i] = j->p_idle_w + (lvl - j->p_idle_w) * r;
		if (running)
			running[i] = (unsigned char)run;
	}
}

/*
 * GPU smoothing of one GPU's demand x (in place).  The target is the demand raised
 * to the primary floor while the job runs and to the secondary floor always, then
 * held under the cap; the output follows a rising target at most at the ramp-up
 * rate, and a falling one only after it has stayed below the output for the
 * hysteresis time, then at most at the ramp-down rate.  The ramp-up limit is taken
 * as a limit on power, not as work delayed (the job's timing is unchanged).
 */
static void
gpu_smooth(const struct sw_smoothing *sm, const struct sw_job *j, double *x,
    const unsigned char *running, size_t n, double dt)
{
	double	y = 0, hold = 0;
	size_t	i;

	for (i = 0; i < n; i++) {
		double	d = x[i];

		if (running[i] && sm->floor > 0)
			d = fmax(d, sm->floor * j->tdp_w);
		d = fmax(d, sm->secondary_floor_w);
		if (sm->cap_w > 0)
			d = fmin(d, sm->cap_w);
		if (i == 0)
			y = d;
		else if (d >= y) {
			y = sm->ramp_up_wps > 0 ? fmin(d, y + sm->ramp_up_wps * dt) : d;
			hold = 0;
		} else {
			hold += dt;
			if (hold > sm->hysteresis_s + 1e-9 * dt)
				y = sm->ramp_down_wps > 0 ?
				    fmax(d, y - sm->ramp_down_wps * dt) : d;
		}
		x[i] = y;
	}
}

/*
 * Power-supply storage of one GPU (in place): the supply input follows a first-order
 * low-pass of the GPU's draw with time constant tau while the store (0..E, starting
 * half full) can make up the difference; at a bound it passes the draw through.
 */
static void
psu_store(const struct sw_smoothing *sm, double *x, size_t n, double dt)
{
	double	e = sm->psu_energy_j / 2, u = n ? x[0] : 0;
	double	a = sm->psu_tau_s > 0 ? 1 - exp(-dt / sm->psu_tau_s) : 1;
	size_t	i;

	for (i = 0; i < n; i++) {
		double	b;

		u += a * (x[i] - u);
		b = x[i] - u;			/* from the store */
		if (e - b * dt < 0)
			b = e / dt;
		else if (e - b * dt > sm->psu_energy_j)
			b = (e - sm->psu_energy_j) / dt;
		e -= b * dt;
		x[i] -= b;
	}
}

/*
 * Facility storage.  The controller's grid setpoint g follows the load (plus an SOC
 * restoring term (E_target - E) / t_recovery) through a first-order low-pass
 * (exact discretisation g += (1 - exp(-dt/tau)) (target - g)) or a ramp limiter
 * (|dg| <= R dt); the command load - g reaches the store through the inverter's
 * first-order response, clipped to the power rating and to the SOC window, with
 * the round-trip losses split sqrt(rte) each way.  Energy balance: supply = load -
 * battery output at every sample.
 */
void
swings_storage(const struct sw_storage *st, const double *load, size_t n, double dt,
    struct sw_wave *w)
{
	double	emin = st->soc_min * st->energy_j, emax = st->soc_max * st->energy_j;
	double	e = st->soc_init * st->energy_j, etarget = e;
	double	eta = st->rte > 0 ? sqrt(st->rte) : 1;
	double	a = st->tau_s > 0 ? 1 - exp(-dt / st->tau_s) : 1;
	double	beta = st->response_s > 0 ? 1 - exp(-dt / st->response_s) : 1;
	double	g = n ? load[0] : 0, b = 0;
	double	inv_dt = 1 / dt, inv_eta = 1 / eta;
	double	inv_e = st->energy_j > 0 ? 1 / st->energy_j : 0;
	int	sign = 0;
	size_t	i;

	w->batt_discharged_j = w->batt_charged_j = 0;
	w->batt_reversals = 0;
	w->soc_lo = w->soc_hi = st->energy_j > 0 ? e / st->energy_j : 0;
	for (i = 0; i < n; i++) {
		double	target = load[i], cmd, lim;

		if (!st->enabled) {
			w->batt[i] = 0;
			w->soc[i] = 0;
			w->site[i] = load[i];
			continue;
		}
		if (st->recovery_s > 0)
			target += (etarget - e) / st->recovery_s;
		if (st->law == SW_LAW_LOWPASS)
			g += a * (target - g);
		else {
			double	d = target - g, r = st->ramp_wps * dt;

			g += d > r ? r : d < -r ? -r : d;
		}
		cmd = load[i] - g;
		b += beta * (cmd - b);
		if (b > st->power_w)
			b = st->power_w;
		if (b < -st->power_w)
			b = -st->power_w;
		if (b > 0) {
			lim = (e - emin) * eta * inv_dt;
			if (b > lim)
				b = lim > 0 ? lim : 0;
			e -= b * inv_eta * dt;
			w->batt_discharged_j += b * dt;
		} else if (b < 0) {
			lim = (emax - e) * inv_eta * inv_dt;
			if (-b > lim)
				b = lim > 0 ? -lim : 0;
			e -= b * eta * dt;
			w->batt_charged_j -= b * dt;
		}
		if (e < emin)
			e = emin;	/* rounding only */
		if (e > emax)
			e = emax;
		if ((b > 0 && sign < 0) || (b < 0 && sign > 0))
			w->batt_reversals++;
		if (b != 0)
			sign = b > 0 ? 1 : -1;
		w->batt[i] = b;
		w->soc[i] = e * inv_e;
		w->site[i] = load[i] - b;
		if (w->soc[i] < w->soc_lo)
			w->soc_lo = w->soc[i];
		if (w->soc[i] > w->soc_hi)
			w->soc_hi = w->soc[i];
	}
	w->batt_cycles = st->enabled && emax > emin ? w->batt_discharged_j /
	    (emax - emin) : 0;
}

void
swings_wave_release(struct sw_wave *w)
{
	free(w->raw);
	free(w->smooth);
	free(w->batt);
	free(w->soc);
	free(w->site);
	memset(w, 0, sizeof *w);
}

int
swings_run(const struct sw_config *c, struct sw_wave *w)
{
	double	*p = NULL, dt;
	unsigned char *run = NULL;
	size_t	n, i, k;

	memset(w, 0, sizeof *w);
	if (!(c->rate_hz > 0) || !(c->duration_s > 0))
		return -1;
	n = (size_t)floor(c->duration_s * c->rate_hz + 1e-9);
	if (n < 2 || n > (size_t)SW_MAX_SAMPLES)
		return -1;
	dt = 1 / c->rate_hz;
	w->n = n;
	w->dt = dt;
	w->raw = malloc(n * sizeof *w->raw);
	w->smooth = malloc(n * sizeof *w->smooth);
	w->batt = malloc(n * sizeof *w->batt);
	w->soc = malloc(n * sizeof *w->soc);
	w->site = malloc(n * sizeof *w->site);
	p = malloc(n * sizeof *p);
	run = malloc(n);
	if (!w->raw || !w->smooth || !w->batt || !w->soc || !w->site || !p || !run) {
		free(p);
		free(run);
		swings_wave_release(w);
		return -1;
	}
	for (i = 0; i < n; i++)
		w->raw[i] = w->smooth[i] = c->static_w;
	for (k = 0; k < c->njobs; k++) {
		const struct sw_job *j = &c->jobs[k];
		double	per = j->gpus * j->site_per_w, fix = j->gpus * j->site_fixed_w;

		swings_job_demand(j, c->seed, k, dt, n, p, run);
		for (i = 0; i < n; i++)
			w->raw[i] += per * p[i] + fix;
		gpu_smooth(&c->smooth, j, p, run, n, dt);
		if (c->smooth.psu_energy_j > 0)
			psu_store(&c->smooth, p, n, dt);
		for (i = 0; i < n; i++)
			w->smooth[i] += per * p[i] + fix;
	}
	free(p);
	free(run);
	swings_storage(&c->store, w->smooth, n, dt, w);
	return 0;
}
