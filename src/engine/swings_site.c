/*
 * swings_site.c - the swings configuration of a site on a day: each job's GPUs (a
 * count, or a share of the GPUs online at the end of the day), the power one GPU of
 * it draws at the site, the load that does not swing, the batteries and generator
 * groups in service.
 *
 * Site power of a GPU at draw p: the server's PSU input (p + base / gpus) / eta_psu,
 * with the server's non-GPU draw at its full-load value base_max (CPUs, memory and
 * NICs keep working through the communication phase) plus the network per GPU and
 * the rack switch per GPU of the rack; the PSU efficiency is the full-load one
 * (itload.h's server model).  GPUs online but in no job draw their idle power with
 * the server at base_idle; support nodes run at full load.  Cooling and electrical
 * losses answer over seconds to minutes and are left out of the swing (the
 * 'static_load' key adds what a user wants held constant).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chiller.h"
#include "itload.h"
#include "model.h"
#include "schedule.h"
#include "site.h"
#include "supply.h"
#include "swings.h"

static const struct site_phase *
fleet_phase(const struct site *s)
{
	size_t	i;

	for (i = 0; i < s->it.nphases; i++)
		if (s->it.phases[i].server != NULL && s->it.phases[i].server->u.server.gpus > 0)
			return &s->it.phases[i];
	return NULL;
}

/* Site W per GPU W, and the fixed site W of one GPU (idle: base_idle). */
static void
gpu_site_power(const struct site *s, const struct server_model *sv,
    const struct rack_model *rk, int idle, double *per, double *fixed)
{
	double	eta = sv->psu_eff > 0 ? sv->psu_eff : 1;
	double	base = idle ? sv->base_idle : sv->base_max;
	int	gpr = rk != NULL ? rk->servers * sv->gpus : 0;

	*per = 1 / eta;
	*fixed = base / sv->gpus / eta + s->it.network_per_gpu +
	    (gpr > 0 ? rk->switch_w / gpr : 0);
}

int
swings_site_config(const struct site *s, int day, struct sw_config *c,
    struct sw_job *jobs, struct sw_gen *gens, char *err, size_t errlen)
{
	const struct site_swings *ss = &s->swings;
	const struct site_phase *fp = fleet_phase(s);
	double	online = (double)schedule_gpus_at(s, day, DEPLOY_ONLINE), used = 0;
	double	per, fixed, total = 0;
	size_t	i;

	memset(c, 0, sizeof *c);
	c->rate_hz = ss->rate_hz;
	c->duration_s = ss->duration_s;
	c->window_s = ss->window_s;
	c->seed = ss->seed;
	c->smooth = ss->smooth;
	if (!ss->cap_given)
		c->smooth.cap_w = s->it.gpu_power_cap;
	c->store = ss->store;
	c->lim = ss->lim;
	c->island = ss->island;
	c->static_w = ss->static_w;
	c->jobs = jobs;
	c->gens = gens;
	if (ss->njobs > SW_MAX_JOBS) {
		snprintf(err, errlen, "at most %d jobs", SW_MAX_JOBS);
		return -1;
	}
	for (i = 0; i < ss->njobs; i++) {
		const struct site_swing_job *sj = &ss->jobs[i];
		const struct model *m = sj->server;
		const struct server_model *sv;
		struct sw_job *j = &jobs[i];

		if (m == NULL && fp != NULL)
			m = fp->server;
		if (m == NULL || m->u.server.gpus <= 0) {
			snprintf(err, errlen, "job '%s': no GPU server model (give 'server' "
			    "or an it phase with GPU servers)", sj->j.name);
			return -1;
		}
		sv = &m->u.server;
		*j = sj->j;
		j->gpus = sj->gpus > 0 ? (double)sj->gpus : floor(sj->share * online + 0.5);
		if (isnan(j->p_compute_w))
			j->p_compute_w = sv->gpu_tdp;
		if (isnan(j->p_comm_w))
			j->p_comm_w = sv->gpu_idle;
		if (isnan(j->p_ckpt_w))
			j->p_ckpt_w = sv->gpu_idle;
		j->p_idle_w = sv->gpu_idle;
		j->tdp_w = sv->gpu_tdp;
		gpu_site_power(s, sv, fp != NULL && fp->server == m ? &fp->rack : NULL, 0,
		    &j->site_per_w, &j->site_fixed_w);
		used += j->gpus;
	}
	c->njobs = ss->njobs;
	if (used > online + 0.5) {
		snprintf(err, errlen, "the jobs need %.0f GPUs but %.0f are online on that "
		    "day", used, online);
		return -1;
	}
	/* idle GPUs and the support nodes */
	if (fp != NULL && online > used) {
		const struct server_model *sv = &fp->server->u.server;

		gpu_site_power(s, sv, &fp->rack, 1, &per, &fixed);
		c->static_w += (online - used) * (per * sv->gpu_idle + fixed);
	}
	for (i = 0; i < s->it.nsupport; i++) {
		const struct site_support *sp = &s->it.support[i];
		struct server_power pw;
		double	n = sp->count > 0 ? sp->count : ceil(sp->per_gpu * online - 1e-9);

		if (sp->server == NULL)
			continue;
		server_eval(&sp->server->u.server, 1, 0, &pw);
		c->static_w += n * pw.ac_w;
	}
	/* storage: as given, or the site's batteries in service */
	if (c->store.enabled && !ss->store_explicit) {
		const struct battery_model *bm = NULL;
		double	p = 0, e = 0;

		for (i = 0; i < s->power.nbatts; i++) {
			const struct site_battery *b = &s->power.batts[i];

			if (b->model == NULL || (b->available != DATE_NONE && day < b->available))
				continue;
			bm = &b->model->u.battery;
			p += b->count * bm->power_w;
			e += b->count * bm->energy_j;
		}
		if (bm == NULL)
			c->store.enabled = 0;
		else {
			c->store.power_w = p;
			c->store.energy_j = e;
			c->store.rte = bm->rte;
			c->store.soc_min = bm->soc_min;
			c->store.soc_max = bm->soc_max;
			if (c->store.soc_init < bm->soc_min)
				c->store.soc_init = bm->soc_min;
			if (c->store.soc_init > bm->soc_max)
				c->store.soc_init = bm->soc_max;
		}
	}
	if (!c->island) {
		if (c->lim.capacity_w == 0)
			c->lim.capacity_w = supply_grid_at(s, day);
		return 0;
	}
	for (i = 0; i < s->power.ngens; i++) {
		const struct site_generator *g = &s->power.gens[i];
		const struct generator_model *gm;
		struct sw_gen *o;
		int	n = gen_units_at(g, day);

		if (n <= 0 || g->model == NULL)
			continue;
		if (c->ngens >= SW_MAX_GENS)
			break;
		gm = &g->model->u.generator;
		o = &gens[c->ngens++];
		memset(o, 0, sizeof *o);
		snprintf(o->name, sizeof o->name, "%s", g->name);
		o->rating_w = n * gm->rating_w;
		/* the group's own keys, else its model's */
		o->step_frac = g->load_step_frac > 0 ? g->load_step_frac :
		    gm->load_step_frac;
		o->step_interval_s = g->load_step_interval_s > 0 ?
		    g->load_step_interval_s : gm->load_step_interval_s;
		o->ramp_wps = n * (g->ramp_wps > 0 ? g->ramp_wps : gm->ramp_wps);
		o->gov_tau_s = g->governor_tau_s > 0 ? g->governor_tau_s :
		    gm->governor_tau_s > 0 ? gm->governor_tau_s : ss->gov_tau_s;
		o->min_load_frac = gm->min_load_frac;
		total += o->rating_w;
	}
	if (c->ngens == 0) {
		snprintf(err, errlen, "islanded, but no generators are in service on that day");
		return -1;
	}
	for (i = 0; i < c->ngens; i++)
		gens[i].share = gens[i].rating_w / total;
	return 0;
}

int
swings_check_timing(double rate, double duration, double window,
    const struct sw_limits *l, int *which, char *err, size_t errlen)
{
	double	hi = 0, lo = INFINITY;
	size_t	b, hb = 0;

	for (b = 0; b < l->nbands; b++) {
		if (l->bands[b].hi_hz > hi) {
			hi = l->bands[b].hi_hz;
			hb = b;
		}
		if (l->bands[b].lo_hz < lo)
			lo = l->bands[b].lo_hz;
	}
	*which = 1;
	if (l->nbands > 0 && !(rate > 2 * hi)) {
		snprintf(err, errlen, "a sample rate of %g Hz cannot resolve the %g-%g Hz "
		    "band: more than %g Hz is needed (twice its upper edge, the Nyquist "
		    "rate); dcplan does not resample", rate, l->bands[hb].lo_hz, hi, 2 * hi);
		return -1;
	}
	*which = 3;
	if (duration > SW_MAX_DURATION_S) {
		snprintf(err, errlen, "a duration of %g s is longer than the limit of %g s",
		    duration, SW_MAX_DURATION_S);
		return -1;
	}
	if (duration * rate > (double)SW_MAX_SAMPLES) {
		snprintf(err, errlen, "%g s at %g Hz is %.0f samples; at most %ld are allowed",
		    duration, rate, floor(duration * rate), SW_MAX_SAMPLES);
		return -1;
	}
	if (duration * rate < 4) {
		snprintf(err, errlen, "%g s at %g Hz is fewer than 4 samples", duration, rate);
		return -1;
	}
	*which = 2;
	if (window > SW_MAX_WINDOW_S) {
		snprintf(err, errlen, "the analysis window (%g s) is longer than the limit "
		    "of %g s", window, SW_MAX_WINDOW_S);
		return -1;
	}
	if (window > duration) {
		snprintf(err, errlen, "the analysis window (%g s) is longer than the "
		    "duration (%g s)", window, duration);
		return -1;
	}
	if (window * rate < 4) {
		snprintf(err, errlen, "the analysis window (%g s) holds fewer than 4 samples",
		    window);
		return -1;
	}
	if (l->nbands > 0 && window * lo < 2) {
		snprintf(err, errlen, "the analysis window (%g s) holds fewer than two "
		    "cycles of %g Hz, the lowest band edge: give at least %g s", window,
		    lo, 2 / lo);
		return -1;
	}
	*which = 0;
	return 0;
}
