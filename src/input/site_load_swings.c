/*
 * site_load_swings.c - the swings section of a site file: training jobs, GPU power
 * smoothing, facility storage control, grid limits and the analysis timing for
 * 'dcplan swings'.  Keys, units and defaults are documented in dcplan-site(5).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bind.h"
#include "date.h"
#include "site.h"
#include "ydoc.h"
#include "site_load_int.h"

/*
 * Defaults.  Sample rate 100 Hz: above the Nyquist rate of the default 3-30 Hz band
 * (60 Hz).  Bands 0.1-2 Hz and 3-30 Hz: the two bands of the utility requirement in
 * Choukse et al., arXiv:2508.14318 (2025).  A 60 s analysis window resolves 1/60 Hz,
 * six bins below the 0.1 Hz edge.  A 10 min duration holds nineteen 60 s segments at
 * 50 % overlap.  Step window 100 ms and governor time constant 1 s are assumptions
 * (a change faster than the governor can follow is a step for it).
 */
#define SW_DEF_RATE	100.0
#define SW_DEF_DURATION	600.0
#define SW_DEF_WINDOW	60.0
#define SW_DEF_STEP_WIN	0.1
#define SW_DEF_GOV_TAU	1.0

static void
load_job(struct site *s, struct bind *b, const struct ynode *m, struct site_swing_job *sj,
    size_t idx)
{
	static const char *const keys[] = { "name", "gpus", "share", "server",
	    "iteration_period", "jitter", "compute_power", "comm_power", "comm_fraction",
	    "checkpoint", "start", "ramp_up", "stop", "ramp_down", "failures", "phase",
	    NULL };
	static const char *const ckeys[] = { "interval", "duration", "power", NULL };
	static const char *const fkeys[] = { "rate", "restart", NULL };
	struct sw_job *j = &sj->j;
	const struct ynode *n;
	int	gpus = 0;

	sj->line = m->line;
	snprintf(j->name, sizeof j->name, "job%zu", idx + 1);
	j->p_compute_w = j->p_comm_w = j->p_ckpt_w = NAN;
	j->start_s = -INFINITY;
	j->stop_s = INFINITY;
	j->comm_fraction = 0.3;
	bind_keys(b, m, keys);
	bind_str(b, m, "name", 0, j->name, sizeof j->name);
	if (ymap_get(m, "gpus") != NULL && ymap_get(m, "share") != NULL)
		bind_error(b, ymap_get(m, "share"), "give 'gpus' or 'share', not both");
	else if (ymap_get(m, "gpus") == NULL && ymap_get(m, "share") == NULL)
		bind_error(b, m, "a job needs 'gpus' or 'share' (of the GPUs online)");
	if (bind_int(b, m, "gpus", 0, 1, 100000000, &gpus))
		sj->gpus = gpus;
	bind_qty(b, m, "share", B_POS, U_FRACTION, 0, 1, &sj->share);
	if (ymap_get(m, "server") != NULL)
		sj->server = site_load_model(s, b, m, "server", MK_SERVER, 0);
	bind_qty(b, m, "iteration_period", B_REQ | B_POS, U_TIME, 0, 3600, &j->period_s);
	if (bind_qty(b, m, "jitter", 0, U_TIME, 0, 3600, &j->jitter_s) &&
	    j->period_s > 0 && !(j->jitter_s < j->period_s))
		bind_error(b, ymap_get(m, "jitter"), "'jitter' must be shorter than "
		    "'iteration_period'");
	bind_qty(b, m, "compute_power", 0, U_POWER, 0, 1e5, &j->p_compute_w);
	bind_qty(b, m, "comm_power", 0, U_POWER, 0, 1e5, &j->p_comm_w);
	bind_qty(b, m, "comm_fraction", 0, U_FRACTION, 0, 1, &j->comm_fraction);
	if ((n = bind_map(b, m, "checkpoint", 0)) != NULL) {
		bind_keys(b, n, ckeys);
		bind_qty(b, n, "interval", B_REQ | B_POS, U_TIME, 0, 365 * 86400.0,
		    &j->ckpt_interval_s);
		bind_qty(b, n, "duration", B_REQ | B_POS, U_TIME, 0, 86400, &j->ckpt_duration_s);
		bind_qty(b, n, "power", 0, U_POWER, 0, 1e5, &j->p_ckpt_w);
		if (j->ckpt_interval_s > 0 && !(j->ckpt_duration_s < j->ckpt_interval_s))
			bind_error(b, ymap_get(n, "duration"), "a checkpoint must be shorter "
			    "than its interval");
	}
	bind_qty(b, m, "start", 0, U_TIME, -SW_MAX_DURATION_S, SW_MAX_DURATION_S,
	    &j->start_s);
	bind_qty(b, m, "ramp_up", 0, U_TIME, 0, 3600, &j->ramp_up_s);
	bind_qty(b, m, "stop", 0, U_TIME, 0, SW_MAX_DURATION_S, &j->stop_s);
	bind_qty(b, m, "ramp_down", 0, U_TIME, 0, 3600, &j->ramp_down_s);
	if (isfinite(j->start_s) && isfinite(j->stop_s) && !(j->stop_s > j->start_s))
		bind_error(b, ymap_get(m, "stop"), "'stop' must come after 'start'");
	if ((n = bind_map(b, m, "failures", 0)) != NULL) {
		bind_keys(b, n, fkeys);
		bind_qty(b, n, "rate", B_REQ, U_RATE, 0, 1, &j->failure_rate);
		bind_qty(b, n, "restart", B_REQ, U_TIME, 0, 86400, &j->restart_s);
	}
	bind_qty(b, m, "phase", 0, U_TIME, 0, 3600, &j->phase_s);
}

static void
load_smoothing(struct site *s, struct bind *b, const struct ynode *m)
{
	static const char *const keys[] = { "floor", "ramp_up", "ramp_down", "hysteresis",
	    "secondary_floor", "power_cap", "psu_storage", "psu_time_constant", NULL };
	struct sw_smoothing *sm = &s->swings.smooth;

	sm->psu_tau_s = 1;	/* assumption, see dcplan-site(5) */
	if (m == NULL)
		return;
	bind_keys(b, m, keys);
	/* NVML: the floor is a percentage of TDP, 0-100 % */
	bind_qty(b, m, "floor", 0, U_FRACTION, 0, 1, &sm->floor);
	bind_qty(b, m, "ramp_up", B_POS, U_RAMP, 0, 1e9, &sm->ramp_up_wps);
	bind_qty(b, m, "ramp_down", B_POS, U_RAMP, 0, 1e9, &sm->ramp_down_wps);
	bind_qty(b, m, "hysteresis", 0, U_TIME, 0, 60, &sm->hysteresis_s);
	bind_qty(b, m, "secondary_floor", 0, U_POWER, 0, 1e5, &sm->secondary_floor_w);
	if (bind_qty(b, m, "power_cap", B_POS, U_POWER, 0, 1e5, &sm->cap_w))
		s->swings.cap_given = 1;
	bind_qty(b, m, "psu_storage", 0, U_ENERGY, 0, 1e7, &sm->psu_energy_j);
	bind_qty(b, m, "psu_time_constant", B_POS, U_TIME, 0, 3600, &sm->psu_tau_s);
}

static void
load_storage(struct site *s, struct bind *b, const struct ynode *m)
{
	static const char *const keys[] = { "enabled", "power", "energy", "soc_min",
	    "soc_max", "soc_initial", "round_trip_efficiency", "response_time", "control",
	    "time_constant", "ramp_rate", "soc_recovery", NULL };
	static const char *const laws[] = { "lowpass", "ramp", NULL };
	struct sw_storage *st = &s->swings.store;
	int	law = 0, has_p, has_e;

	st->enabled = 1;
	st->soc_min = 0;
	st->soc_max = 1;
	st->soc_init = 0.5;
	st->rte = 0.92;		/* Tesla Megapack 2 XL round trip ~92 % */
	st->response_s = 0.2;	/* Hornsdale Power Reserve: response under 200 ms */
	st->law = SW_LAW_LOWPASS;
	st->tau_s = 10;		/* assumption: ten 1 s iterations */
	st->recovery_s = 600;	/* assumption */
	if (m == NULL)
		return;
	bind_keys(b, m, keys);
	bind_bool(b, m, "enabled", 0, &st->enabled);
	has_p = bind_qty(b, m, "power", B_POS, U_POWER, 0, 1e11, &st->power_w);
	has_e = bind_qty(b, m, "energy", 0, U_ENERGY, 0, 1e15, &st->energy_j);
	if (has_p && (!has_e || st->energy_j == 0))
		bind_error(b, has_e ? ymap_get(m, "energy") : ymap_get(m, "power"),
		    "a battery with power needs energy: give 'energy' above 0 Wh");
	else if (has_e && !has_p)
		bind_error(b, ymap_get(m, "energy"), "a battery with energy needs 'power'");
	s->swings.store_explicit = has_p && has_e;
	if (!s->swings.store_explicit)
		/* these come from the site's battery models */
		if (ymap_get(m, "soc_min") || ymap_get(m, "soc_max") ||
		    ymap_get(m, "round_trip_efficiency"))
			bind_error(b, m, "'soc_min', 'soc_max' and 'round_trip_efficiency' "
			    "go with an explicit 'power' and 'energy'; otherwise they come "
			    "from the site's battery models");
	bind_qty(b, m, "soc_min", 0, U_FRACTION, 0, 1, &st->soc_min);
	bind_qty(b, m, "soc_max", 0, U_FRACTION, 0, 1, &st->soc_max);
	if (!(st->soc_max > st->soc_min))
		bind_error(b, m, "'soc_max' must be above 'soc_min'");
	if (bind_qty(b, m, "soc_initial", 0, U_FRACTION, 0, 1, &st->soc_init) &&
	    s->swings.store_explicit && (st->soc_init < st->soc_min ||
	    st->soc_init > st->soc_max))
		bind_error(b, ymap_get(m, "soc_initial"), "'soc_initial' must lie within "
		    "'soc_min'..'soc_max'");
	bind_qty(b, m, "round_trip_efficiency", B_POS, U_FRACTION, 0, 1, &st->rte);
	bind_qty(b, m, "response_time", 0, U_TIME, 0, 60, &st->response_s);
	if (bind_enum(b, m, "control", 0, laws, &law))
		st->law = (enum sw_law)law;
	bind_qty(b, m, "time_constant", B_POS, U_TIME, 0, 3600, &st->tau_s);
	bind_qty(b, m, "ramp_rate", B_POS, U_RAMP, 0, 1e11, &st->ramp_wps);
	if (st->law == SW_LAW_RAMP && !(st->ramp_wps > 0))
		bind_error(b, ymap_get(m, "control"), "'control: ramp' needs 'ramp_rate'");
	if (st->law == SW_LAW_RAMP && ymap_get(m, "time_constant") != NULL)
		bind_error(b, ymap_get(m, "time_constant"), "'time_constant' is for "
		    "'control: lowpass'");
	if (st->law == SW_LAW_LOWPASS && ymap_get(m, "ramp_rate") != NULL)
		bind_error(b, ymap_get(m, "ramp_rate"), "'ramp_rate' is for "
		    "'control: ramp'");
	bind_qty(b, m, "soc_recovery", 0, U_TIME, 0, 86400, &st->recovery_s);
}

static void
load_limits(struct site *s, struct bind *b, const struct ynode *m)
{
	static const char *const keys[] = { "ramp_per_second", "ramp_per_minute", "step",
	    "step_window", "minimum_load", "capacity", "bands", NULL };
	static const char *const bkeys[] = { "low", "high", "amplitude", NULL };
	struct sw_limits *l = &s->swings.lim;
	const struct ynode *bl;
	double	v;
	size_t	i;

	l->step_window_s = SW_DEF_STEP_WIN;
	l->nbands = 2;
	l->bands[0].lo_hz = 0.1;
	l->bands[0].hi_hz = 2;
	l->bands[1].lo_hz = 3;
	l->bands[1].hi_hz = 30;
	if (m == NULL)
		return;
	bind_keys(b, m, keys);
	bind_qty(b, m, "ramp_per_second", B_POS, U_RAMP, 0, 1e12, &l->ramp_wps);
	if (bind_qty(b, m, "ramp_per_minute", B_POS, U_RAMP, 0, 1e12, &v))
		l->ramp_wpm = v * 60;
	bind_qty(b, m, "step", B_POS, U_POWER, 0, 1e12, &l->step_w);
	bind_qty(b, m, "step_window", B_POS, U_TIME, 0, 60, &l->step_window_s);
	bind_qty(b, m, "minimum_load", B_POS, U_POWER, 0, 1e12, &l->min_load_w);
	bind_qty(b, m, "capacity", B_POS, U_POWER, 0, 1e12, &l->capacity_w);
	if ((bl = bind_seq(b, m, "bands", 0)) == NULL)
		return;
	if (bl->n > SW_MAX_BANDS) {
		bind_error(b, bl, "%zu bands; at most %d are allowed", bl->n, SW_MAX_BANDS);
		return;
	}
	l->nbands = bl->n;
	for (i = 0; i < bl->n; i++) {
		const struct ynode *e = bl->items[i];
		struct sw_band *bd = &l->bands[i];

		memset(bd, 0, sizeof *bd);
		if (e->kind != YN_MAP) {
			bind_error(b, e, "a band must be a mapping {low, high, amplitude}");
			continue;
		}
		bind_keys(b, e, bkeys);
		bind_qty(b, e, "low", B_REQ | B_POS, U_FREQ, 0, 1e4, &bd->lo_hz);
		bind_qty(b, e, "high", B_REQ | B_POS, U_FREQ, 0, 1e4, &bd->hi_hz);
		bind_qty(b, e, "amplitude", B_POS, U_POWER, 0, 1e12, &bd->limit_w);
		if (bd->lo_hz > 0 && bd->hi_hz > 0 && !(bd->lo_hz < bd->hi_hz))
			bind_error(b, ymap_get(e, "low"), "band low edge %g Hz is not below "
			    "its high edge %g Hz", bd->lo_hz, bd->hi_hz);
	}
}

void
site_load_swings(struct site *s, struct bind *b, const struct ynode *root)
{
	static const char *const keys[] = { "date", "duration", "sample_rate", "window",
	    "seed", "static_load", "supply", "governor_time_constant", "jobs", "smoothing",
	    "storage", "grid", NULL };
	static const char *const supplies[] = { "grid", "generators", NULL };
	struct site_swings *ss = &s->swings;
	const struct ynode *m, *l;
	int	seed = 1, sup = 0, errs = b->errors, which;
	char	err[256];
	size_t	i;

	ss->rate_hz = SW_DEF_RATE;
	ss->duration_s = SW_DEF_DURATION;
	ss->window_s = SW_DEF_WINDOW;
	ss->date = DATE_NONE;
	ss->seed = 1;
	ss->gov_tau_s = SW_DEF_GOV_TAU;
	m = bind_map(b, root, "swings", 0);
	load_smoothing(s, b, m ? ymap_get(m, "smoothing") : NULL);
	load_storage(s, b, m ? ymap_get(m, "storage") : NULL);
	load_limits(s, b, m ? ymap_get(m, "grid") : NULL);
	if (m == NULL)
		return;
	ss->given = 1;
	bind_keys(b, m, keys);
	/* the sub-sections must be mappings */
	bind_map(b, m, "smoothing", 0);
	bind_map(b, m, "storage", 0);
	bind_map(b, m, "grid", 0);
	bind_date(b, m, "date", 0, &ss->date);
	bind_qty(b, m, "duration", B_POS, U_TIME, 0, SW_MAX_DURATION_S, &ss->duration_s);
	bind_qty(b, m, "sample_rate", B_POS, U_FREQ, 0, 1e4, &ss->rate_hz);
	bind_qty(b, m, "window", B_POS, U_TIME, 0, SW_MAX_DURATION_S, &ss->window_s);
	if (bind_int(b, m, "seed", 0, 0, 2147483647L, &seed))
		ss->seed = (unsigned long long)seed;
	bind_qty(b, m, "static_load", 0, U_POWER, 0, 1e12, &ss->static_w);
	if (bind_enum(b, m, "supply", 0, supplies, &sup))
		ss->island = sup == 1;
	bind_qty(b, m, "governor_time_constant", B_POS, U_TIME, 0, 60, &ss->gov_tau_s);
	if ((l = bind_seq(b, m, "jobs", B_REQ)) != NULL) {
		if (l->n == 0)
			bind_error(b, l, "'jobs' needs at least one job");
		if (l->n > SW_MAX_JOBS)
			bind_error(b, l, "%zu jobs; at most %d are allowed", l->n, SW_MAX_JOBS);
		for (i = 0; i < l->n && i < SW_MAX_JOBS; i++) {
			const struct ynode *e = l->items[i];
			struct site_swing_job *sj;

			if (e->kind != YN_MAP) {
				bind_error(b, e, "a job must be a mapping");
				continue;
			}
			if ((sj = site_load_grow(&ss->jobs, &ss->njobs, sizeof *sj)) == NULL) {
				bind_error(b, e, "out of memory");
				return;
			}
			load_job(s, b, e, sj, i);
		}
	}
	if (b->errors != errs)
		return;
	if (swings_check_timing(ss->rate_hz, ss->duration_s, ss->window_s, &ss->lim,
	    &which, err, sizeof err) != 0) {
		const struct ynode *at = which == 1 ? ymap_get(m, "sample_rate") :
		    which == 2 ? ymap_get(m, "window") : ymap_get(m, "duration");

		bind_error(b, at != NULL ? at : m, "%s", err);
	}
	for (i = 0; i < ss->njobs; i++)
		if (ss->jobs[i].j.period_s * ss->rate_hz < 2)
			bind_error(b, ymap_get(l->items[i], "iteration_period"),
			    "an iteration period of %g s is shorter than two samples at "
			    "%g Hz", ss->jobs[i].j.period_s, ss->rate_hz);
}
