/*
 * risk.c - the Monte Carlo trials of dcplan risk (see risk.h).
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "battery.h"
#include "cost.h"
#include "generator.h"
#include "plan.h"
#include "reliability.h"
#include "risk.h"
#include "rng.h"
#include "schedule.h"
#include "sim.h"
#include "supply.h"
#include "timeline.h"

/* The last day a risk model is asked about lies within ten years either side of
 * the site's dates (site_load_risk bounds every delay to 3650 d). */
#define RISK_SENTINEL_PAD (2 * 3650 + PLAN_LOOKAHEAD_D + 400)

/* The conditions of plan's day test: each day's hot hour, two design conditions */
#define RISK_NCOND 368

/* The longest expansion of a delivery by rate (as site_load: 100 years). */
#define RISK_MAX_DELIVERY_D (100 * 365L)

static int
add_input(struct risk_model *m, const char *name, const struct dist *d, int rate)
{
	struct risk_input *in;

	in = realloc(m->inputs, (m->ninputs + 1) * sizeof *in);
	if (in == NULL)
		return -1;
	m->inputs = in;
	in = &m->inputs[m->ninputs];
	memset(in, 0, sizeof *in);
	snprintf(in->name, sizeof in->name, "%s", name);
	in->dist = d;
	in->rate = rate;
	return (int)m->ninputs++;
}

/*
 * Every item with a date, in a fixed order, calls fn with its delay.  Used to
 * number the inputs at init and to find them again in each trial.
 */
struct item_ref {
	const struct site_delay *delay;
	char	name[RISK_NAME_LEN];
};

static size_t
list_items(const struct site *s, struct item_ref *out, size_t max)
{
	size_t	n = 0, i, j;

#define ITEM(dl, ...) do { \
		if (n < max) { \
			out[n].delay = (dl); \
			snprintf(out[n].name, sizeof out[n].name, __VA_ARGS__); \
		} \
		n++; \
	} while (0)
	for (i = 0; i < s->it.nphases; i++)
		ITEM(&s->it.phases[i].delay, "delivery of %s", s->it.phases[i].name);
	for (i = 0; i < s->power.nfeeds; i++) {
		const struct site_feed *f = &s->power.feeds[i];

		ITEM(&f->delay, "feed %s", f->name);
		for (j = 0; j < f->nsteps; j++)
			ITEM(&f->steps[j].delay, "feed %s step %zu", f->name, j + 1);
	}
	for (i = 0; i < s->power.ngens; i++)
		ITEM(&s->power.gens[i].delay, "generators %s", s->power.gens[i].name);
	for (i = 0; i < s->power.nbatts; i++)
		ITEM(&s->power.batts[i].delay, "batteries %s", s->power.batts[i].name);
	for (i = 0; i < s->cooling.nchillers; i++)
		ITEM(&s->cooling.chillers[i].delay, "chillers %s", s->cooling.chillers[i].name);
	for (i = 0; i < s->cooling.ntowers; i++)
		ITEM(&s->cooling.towers[i].delay, "towers %s", s->cooling.towers[i].name);
	for (i = 0; i < s->cooling.ndrycoolers; i++)
		ITEM(&s->cooling.drycoolers[i].delay, "dry coolers %s",
		    s->cooling.drycoolers[i].name);
#undef ITEM
	return n;
}

static int
add_group(struct risk_model *m, const char *kind, const char *name,
    enum risk_group_kind k, size_t index, int count, const struct reliability *rel)
{
	struct risk_group *g = realloc(m->groups, (m->ngroups + 1) * sizeof *g);

	if (g == NULL)
		return -1;
	m->groups = g;
	g = &m->groups[m->ngroups++];
	memset(g, 0, sizeof *g);
	snprintf(g->name, sizeof g->name, "%s %s", kind, name);
	g->kind = k;
	g->index = index;
	g->count = count;
	g->rel = rel->given ? rel : NULL;
	g->unit0 = m->nunits;
	m->nunits += count;
	return 0;
}

/* The day by which every piece of equipment has come into service. */
static int
finished_day(const struct site *s)
{
	int	from, to;
	size_t	i;

	timeline_range(s, &from, &to);
#define LATER(d) do { if ((d) != DATE_NONE && (d) != DATE_NEVER && (d) > to) to = (d); } while (0)
	for (i = 0; i < s->cooling.nchillers; i++)
		LATER(s->cooling.chillers[i].in_service);
	for (i = 0; i < s->cooling.ntowers; i++)
		LATER(s->cooling.towers[i].in_service);
	for (i = 0; i < s->cooling.ndrycoolers; i++)
		LATER(s->cooling.drycoolers[i].in_service);
#undef LATER
	return to;
}

static double
chiller_ref_usable(const struct site *s)
{
	double	q = 0;
	size_t	i;

	for (i = 0; i < s->cooling.nchillers; i++) {
		const struct site_units *u = &s->cooling.chillers[i];

		if (u->model != NULL)
			q += redundancy_usable(u->count, u->redundancy) * u->chiller.q_ref;
	}
	return q;
}

/*
 * What does not change between trials in one weather year: the hottest hour of
 * each day, the design conditions, and the finished site at every hour.
 */
static int
year_init(const struct risk_model *m, struct risk_year *y, const struct weather *w)
{
	const struct site *s = m->site;
	struct plant_cfg cfg;
	struct it_load it;
	size_t	i;
	double	qref;

	y->wx = w;
	/* the weather's hottest hour per day, as the timeline reads it */
	for (i = 0; i < 366; i++) {
		struct wx_point pt;

		weather_day_peak(w, (int)(i < 365 ? i : 364), &pt);
		y->peak_tdb[i] = pt.tdb;
		y->peak_twb[i] = fmin(pt.twb, pt.tdb);
		y->peak_p[i] = pt.p > 0 ? pt.p : site_pressure(s);
	}
	/* the conditions of plan's day test: each day's hot hour, the two design
	 * conditions of the weather (as plan) */
	for (i = 0; i < 366; i++) {
		y->cond[i].name = "hottest hour";
		y->cond[i].tdb = y->peak_tdb[i];
		y->cond[i].twb = y->peak_twb[i];
		y->cond[i].p = y->peak_p[i];
	}
	capacity_design_conditions(&w->design, site_pressure(s), y->cond + 366);
	for (i = 0; i < 2; i++)
		y->have_design[i] = !isnan(y->cond[366 + i].tdb) &&
		    !isnan(y->cond[366 + i].twb);
	/* the finished site, every hour of the weather year, whole fleet */
	y->nh = w->n;
	if ((y->demand_w = calloc(y->nh, sizeof(double))) == NULL ||
	    (y->q_mech_w = calloc(y->nh, sizeof(double))) == NULL ||
	    (y->q_reject_w = calloc(y->nh, sizeof(double))) == NULL ||
	    (y->ch_unit_frac = calloc(y->nh, sizeof(double))) == NULL)
		return -1;
	plant_cfg_init(&cfg, s, finished_day(s));
	it_load_gpus(s, (double)site_total_gpus(s), s->it.utilization,
	    s->it.gpu_power_cap, &it);
	qref = chiller_ref_usable(s);
	for (i = 0; i < y->nh; i++) {
		struct plant_result pr;
		double	p = w->p[i] > 0 ? w->p[i] : site_pressure(s);

		if (plant_eval(&cfg, &it, w->tdb[i], fmin(w->twb[i], w->tdb[i]), p,
		    &pr) != 0)
			return -1;
		y->demand_w[i] = pr.facility_w;
		y->q_mech_w[i] = pr.q_mech_w;
		y->q_reject_w[i] = pr.q_reject_w;
		/* what one W of reference chiller capacity gives at this hour */
		y->ch_unit_frac[i] = qref > 0 ? fmax(0, pr.cooling_capacity_w -
		    pr.q_free_w) / qref : 0;
	}
	/* per generator group: a unit's derated output at every hour */
	if (m->ngroups > 0 && (y->gen_unit_w = calloc(m->ngroups * y->nh,
	    sizeof(double))) == NULL)
		return -1;
	for (i = 0; i < m->ngroups; i++) {
		const struct risk_group *g = &m->groups[i];
		size_t	k;

		if (g->kind == RG_GEN && s->power.gens[g->index].model != NULL)
			for (k = 0; k < y->nh; k++)
				y->gen_unit_w[i * y->nh + k] = generator_available(
				    &s->power.gens[g->index].model->u.generator, w->tdb[k]);
	}
	/* per firm generator group: a unit's output at each condition of the day
	 * test (capacity_supply_w's generator term, looked up) */
	if (s->power.ngens > 0 && (y->gen_cond_w = calloc(s->power.ngens * RISK_NCOND,
	    sizeof(double))) == NULL)
		return -1;
	for (i = 0; i < s->power.ngens; i++) {
		const struct site_generator *gg = &s->power.gens[i];
		size_t	k;

		if (gg->model == NULL || !gen_is_firm(gg))
			continue;
		for (k = 0; k < RISK_NCOND; k++)
			if (!isnan(y->cond[k].tdb))
				y->gen_cond_w[k * s->power.ngens + i] = generator_available(
				    &gg->model->u.generator, y->cond[k].tdb);
	}
	return 0;
}

static void
year_release(struct risk_year *y)
{
	free(y->demand_w);
	free(y->q_mech_w);
	free(y->q_reject_w);
	free(y->ch_unit_frac);
	free(y->gen_unit_w);
	free(y->gen_cond_w);
	memset(y, 0, sizeof *y);
}

int
risk_model_init(struct risk_model *m, const struct site *s, const struct weather *w)
{
	return risk_model_init_years(m, s, w, 1, NULL);
}

int
risk_model_init_years(struct risk_model *m, const struct site *s,
    const struct weather *wx, size_t nw, const double *weights)
{
	struct item_ref *items = NULL;
	size_t	i, n;
	int	from, to;

	memset(m, 0, sizeof *m);
	if (nw == 0)
		return -1;
	m->site = s;
	/* inputs: the delay groups, then each item's own delay, then rate factors */
	for (i = 0; i < s->risk.ngroups; i++) {
		char	nm[RISK_NAME_LEN];

		snprintf(nm, sizeof nm, "group %s", s->risk.groups[i].name);
		if (add_input(m, nm, &s->risk.groups[i].dist, 0) < 0)
			goto fail;
	}
	n = list_items(s, NULL, 0);
	if (n > 0 && (items = calloc(n, sizeof *items)) == NULL)
		goto fail;
	list_items(s, items, n);
	for (i = 0; i < n; i++)
		if (items[i].delay->dist.d.kind != DIST_NONE &&
		    add_input(m, items[i].name, &items[i].delay->dist, 0) < 0)
			goto fail;
	for (i = 0; i < s->it.nphases; i++)
		if (s->it.phases[i].rate_factor.d.kind != DIST_NONE) {
			char	nm[RISK_NAME_LEN];

			snprintf(nm, sizeof nm, "delivery rate of %s", s->it.phases[i].name);
			if (add_input(m, nm, &s->it.phases[i].rate_factor, 1) < 0)
				goto fail;
		}
	free(items);
	items = NULL;
	/* equipment groups */
	for (i = 0; i < s->power.ngens; i++)
		if (add_group(m, "generators", s->power.gens[i].name, RG_GEN, i,
		    s->power.gens[i].count, &s->power.gens[i].rel) != 0)
			goto fail;
	for (i = 0; i < s->power.nbatts; i++)
		if (add_group(m, "batteries", s->power.batts[i].name, RG_BATT, i,
		    s->power.batts[i].count, &s->power.batts[i].rel) != 0)
			goto fail;
	for (i = 0; i < s->cooling.nchillers; i++)
		if (add_group(m, "chillers", s->cooling.chillers[i].name, RG_CHILLER, i,
		    s->cooling.chillers[i].count, &s->cooling.chillers[i].rel) != 0)
			goto fail;
	for (i = 0; i < s->cooling.ntowers; i++)
		if (add_group(m, "towers", s->cooling.towers[i].name, RG_TOWER, i,
		    s->cooling.towers[i].count, &s->cooling.towers[i].rel) != 0)
			goto fail;
	for (i = 0; i < s->cooling.ndrycoolers; i++)
		if (add_group(m, "dry coolers", s->cooling.drycoolers[i].name, RG_DRYCOOLER,
		    i, s->cooling.drycoolers[i].count, &s->cooling.drycoolers[i].rel) != 0)
			goto fail;

	/* each target's IT load */
	if (s->ntargets > 0 &&
	    (m->target_it = calloc(s->ntargets, sizeof *m->target_it)) == NULL)
		goto fail;
	for (i = 0; i < s->ntargets; i++)
		it_load_gpus(s, (double)s->targets[i].gpus, s->it.utilization,
		    s->it.gpu_power_cap, &m->target_it[i]);
	/* the groups by kind; per cooling group a cell's design rating */
	if (m->ngroups > 0 && ((m->cell_w = calloc(m->ngroups,
	    sizeof(double))) == NULL || (m->batt_groups = calloc(m->ngroups,
	    sizeof(size_t))) == NULL || (m->gen_groups = calloc(m->ngroups,
	    sizeof(size_t))) == NULL || (m->chiller_groups = calloc(m->ngroups,
	    sizeof(size_t))) == NULL || (m->cool_groups = calloc(m->ngroups,
	    sizeof(size_t))) == NULL || (m->chiller_qref = calloc(m->ngroups,
	    sizeof(double))) == NULL))
		goto fail;
	for (i = 0; i < m->ngroups; i++) {
		const struct risk_group *g = &m->groups[i];

		if (g->kind == RG_BATT && s->power.batts[g->index].model != NULL)
			m->batt_groups[m->nbatt_groups++] = i;
		if (g->kind == RG_GEN) {
			m->gen_groups[m->ngen_groups++] = i;
			if (g->rel != NULL)
				m->gen_rel_end = m->ngen_groups;
		}
		if (g->kind == RG_CHILLER) {
			m->chiller_qref[m->nchiller_groups] =
			    s->cooling.chillers[g->index].chiller.q_ref;
			m->chiller_groups[m->nchiller_groups++] = i;
		}
		if (g->kind == RG_CHILLER || g->kind == RG_TOWER || g->kind == RG_DRYCOOLER) {
			m->cool_groups[m->ncool_groups++] = i;
			if (g->rel != NULL)
				m->cool_rel_end = m->ncool_groups;
		}
		if (g->kind == RG_TOWER && s->cooling.towers[g->index].model != NULL)
			m->cell_w[i] = s->cooling.towers[g->index].model->u.tower.design_q;
		if (g->kind == RG_DRYCOOLER && s->cooling.drycoolers[g->index].model != NULL)
			m->cell_w[i] =
			    s->cooling.drycoolers[g->index].model->u.drycooler.design_q;
		if (g->rel != NULL && g->kind != RG_GEN && g->kind != RG_BATT)
			m->cool_rel = 1;
	}
	/* what each weather year gives */
	if ((m->years = calloc(nw, sizeof *m->years)) == NULL)
		goto fail;
	m->nyears = nw;
	for (i = 0; i < nw; i++) {
		if (year_init(m, &m->years[i], &wx[i]) != 0)
			goto fail;
		m->years[i].cum_weight = (i > 0 ? m->years[i - 1].cum_weight : 0) +
		    (weights != NULL ? weights[i] : 1);
	}
	for (i = 0; i < nw; i++)
		m->years[i].cum_weight /= m->years[nw - 1].cum_weight;
	m->years[nw - 1].cum_weight = 1;
	timeline_range(s, &from, &to);
	m->hist_sentinel = finished_day(s) + RISK_SENTINEL_PAD;
	m->band_fleet = 0;
	for (i = 0; i < s->it.nphases; i++)
		m->band_fleet += (long)s->it.phases[i].racks *
		    s->it.phases[i].gpus_per_rack;
	/* the weather day of every calendar day a trial can reach: delays move a
	 * date at most 3650 d either way (site_load_risk) */
	m->doy_lo = from;
	for (i = 0; i < s->ntargets; i++)
		if (s->targets[i].by < m->doy_lo)
			m->doy_lo = s->targets[i].by;
	m->doy_lo -= 3650 + 1;
	m->ndoy = (size_t)((long)m->hist_sentinel - m->doy_lo + 1);
	if ((m->doy = calloc(m->ndoy, sizeof *m->doy)) == NULL)
		goto fail;
	for (i = 0; i < m->ndoy; i++)
		m->doy[i] = (short)(sim_hour_of_year((int)(m->doy_lo + (long)i), 0) / 24);
	return 0;
fail:
	free(items);
	risk_model_release(m);
	return -1;
}

void
risk_model_release(struct risk_model *m)
{
	size_t	i;

	free(m->inputs);
	free(m->groups);
	for (i = 0; m->years != NULL && i < m->nyears; i++)
		year_release(&m->years[i]);
	free(m->years);
	free(m->cell_w);
	free(m->batt_groups);
	free(m->gen_groups);
	free(m->chiller_groups);
	free(m->cool_groups);
	free(m->chiller_qref);
	free(m->doy);
	free(m->target_it);
	memset(m, 0, sizeof *m);
}

int
risk_acc_init(struct risk_acc *a, size_t nt, size_t ni, size_t ng)
{
	return risk_acc_init_years(a, nt, ni, ng, 1);
}

int
risk_acc_init_years(struct risk_acc *a, size_t nt, size_t ni, size_t ng, size_t ny)
{
	size_t	i;

	memset(a, 0, sizeof *a);
	a->ntargets = nt;
	a->ninputs = ni;
	a->ngroups = ng;
	a->nyears = ny;
	if ((nt > 0 && (a->t = calloc(nt, sizeof *a->t)) == NULL) ||
	    (ny > 0 && (a->year_trials = calloc(ny, sizeof(uint64_t))) == NULL) ||
	    (a->lolp = calloc(RISK_YEAR_H, sizeof(uint64_t))) == NULL ||
	    (ng > 0 && (a->g = calloc(ng, sizeof *a->g)) == NULL) ||
	    (a->eue_tail = calloc(1, sizeof *a->eue_tail)) == NULL ||
	    (a->band = calloc(RISK_BAND_LEVELS, sizeof *a->band)) == NULL) {
		risk_acc_release(a);
		return -1;
	}
	for (i = 0; i < RISK_BAND_LEVELS; i++)
		if (day_hist_init(&a->band[i], 0) != 0) {
			risk_acc_release(a);
			return -1;
		}
	for (i = 0; i < nt; i++)
		if (day_hist_init(&a->t[i].days, ni) != 0 ||
		    (ni > 0 && (a->t[i].critical = calloc(ni, sizeof(uint64_t))) == NULL)) {
			risk_acc_release(a);
			return -1;
		}
	return 0;
}

void
risk_acc_release(struct risk_acc *a)
{
	size_t	i;

	for (i = 0; a->t != NULL && i < a->ntargets; i++) {
		day_hist_release(&a->t[i].days);
		free(a->t[i].critical);
	}
	for (i = 0; a->band != NULL && i < RISK_BAND_LEVELS; i++)
		day_hist_release(&a->band[i]);
	free(a->band);
	free(a->t);
	free(a->g);
	free(a->eue_tail);
	free(a->year_trials);
	free(a->lolp);
	free(a->cost);
	memset(a, 0, sizeof *a);
}

int
risk_acc_add_cost(struct risk_acc *a, const struct risk_cost *c)
{
	if (a->ncost == a->capcost) {
		size_t	n = a->capcost ? 2 * a->capcost : 64;
		struct risk_cost *p = realloc(a->cost, n * sizeof *p);

		if (p == NULL)
			return -1;
		a->cost = p;
		a->capcost = n;
	}
	a->cost[a->ncost++] = *c;
	return 0;
}

int
risk_acc_merge(struct risk_acc *a, const struct risk_acc *b)
{
	size_t	i, j;

	if (a->ntargets != b->ntargets || a->ninputs != b->ninputs ||
	    a->ngroups != b->ngroups || a->nyears != b->nyears)
		return -1;
	a->trials += b->trials;
	for (i = 0; i < a->nyears; i++)
		a->year_trials[i] += b->year_trials[i];
	for (i = 0; i < RISK_YEAR_H; i++)
		a->lolp[i] += b->lolp[i];
	for (i = 0; i < a->ntargets; i++) {
		stat_merge(&a->t[i].met, &b->t[i].met);
		stat_merge(&a->t[i].delay, &b->t[i].delay);
		a->t[i].never += b->t[i].never;
		a->t[i].critical_weather += b->t[i].critical_weather;
		for (j = 0; j < a->ninputs; j++)
			a->t[i].critical[j] += b->t[i].critical[j];
		if (day_hist_merge(&a->t[i].days, &b->t[i].days) != 0)
			return -1;
	}
	for (i = 0; i < a->ngroups; i++) {
		stat_merge(&a->g[i].hours, &b->g[i].hours);
		stat_merge(&a->g[i].any, &b->g[i].any);
	}
	stat_merge(&a->lole_h, &b->lole_h);
	stat_merge(&a->eue_wh, &b->eue_wh);
	stat_merge(&a->demand_wh, &b->demand_wh);
	stat_merge(&a->unmet_cool_h, &b->unmet_cool_h);
	tail_merge(a->eue_tail, b->eue_tail);
	if (b->band_fleet != 0) {
		if (a->band_fleet != 0 && a->band_fleet != b->band_fleet)
			return -1;
		a->band_fleet = b->band_fleet;
	}
	for (i = 0; i < RISK_BAND_LEVELS; i++)
		if (day_hist_merge(&a->band[i], &b->band[i]) != 0)
			return -1;
	for (i = 0; i < b->ncost; i++)
		if (risk_acc_add_cost(a, &b->cost[i]) != 0)
			return -1;
	return 0;
}

long
risk_band_level(long fleet, size_t k)
{
	return (fleet * (long)(k + 1) + RISK_BAND_LEVELS - 1) / RISK_BAND_LEVELS;
}

long
risk_band_quantile(const struct risk_acc *a, int day, double q)
{
	/* P(reached by day) >= 1 - q, as cum x 1000 >= (1000 - q x 1000) x total:
	 * q is a whole thousandth (0.1, 0.5, 0.9) */
	uint64_t need = (uint64_t)llround((1 - q) * 1000);
	long	best = 0;
	size_t	k;

	for (k = 0; k < RISK_BAND_LEVELS; k++) {
		const struct day_hist *h = &a->band[k];
		uint64_t cum = 0;
		size_t	j;

		if (h->total == 0)
			break;
		for (j = 0; j < h->n && h->lo + (long)j <= day; j++)
			cum += h->counts[j];
		if ((stats_u128)cum * 1000 < (stats_u128)need * h->total)
			break;	/* the levels are reached in order: none higher */
		best = risk_band_level(a->band_fleet, k);
	}
	return best;
}

/* ---- per-thread scratch ---- */

/* The plant at a target's GPUs on a day of the weather year depends only on which
 * cooling groups are in service: remembered per thread for the last few sets. */
#define RISK_MEMO_WAYS 16

struct plant_memo {
	uint64_t key;
	int	valid, next;
	double	facility_w, facility_va, cooling_margin_w;
};

struct risk_scratch {
	struct site s;			/* the trial's copy */
	struct item_ref *items;		/* into the copy */
	size_t	nitems;
	int	*item_input;		/* own input index or -1, per item */
	gsl_rng *rng;
	double	*value;			/* per input: the draw */
	uint64_t *score;
	int32_t	*down;			/* [group * RISK_YEAR_H + hour] */
	int	*in, *usable, *gany;	/* per group */
	long	*ghours;
	double	*e_batt;
	int	*item_shift;		/* days, per item */
	struct plant_memo *memo;	/* [((year * ntargets + target) * RISK_NCOND +
					   cond) * WAYS + way] */
	signed char *good;		/* per day of the trial's target scan */
	unsigned char *credited;	/* per input, in credit() */
	unsigned char *gdown, *cdown;	/* per hour: a generator or battery unit,
					   a cooling unit is down */
	double	sup0[24];		/* the day's supply, whole fleet, per hour */
	double	cap0[24];		/* the day's chiller capacity, likewise */
	int	sday;			/* the day sgrid and susable hold */
	double	sgrid;			/* firm grid supply on sday */
	int	*susable;		/* per generator group: usable units on sday */
	int	*gday;			/* per target: the day its GPUs are online */
	int	*met;			/* per target: the trial's met day (never:
					   the model's hist_sentinel) */
	struct plan_result pr;		/* a costed trial's plan */
	size_t	year;			/* the trial's weather year */
	size_t	ngood, good_cap;
};

static void *
dup_array(const void *p, size_t n, size_t size, size_t extra)
{
	void	*q;

	if (n + extra == 0)
		return NULL;
	if ((q = calloc(n + extra, size)) == NULL)
		return NULL;
	if (n > 0)
		memcpy(q, p, n * size);
	return q;
}

static void
free_copy(struct site *c)
{
	size_t	i;

	for (i = 0; c->power.feeds != NULL && i < c->power.nfeeds; i++)
		free(c->power.feeds[i].steps);
	for (i = 0; c->it.phases != NULL && i < c->it.nphases; i++)
		free(c->it.phases[i].lots);
	free(c->power.feeds);
	free(c->it.phases);
	free(c->power.gens);
	free(c->power.batts);
	free(c->cooling.chillers);
	free(c->cooling.towers);
	free(c->cooling.drycoolers);
}

void
risk_scratch_free(struct risk_scratch *x)
{
	if (x == NULL)
		return;
	free_copy(&x->s);
	free(x->items);
	free(x->item_input);
	if (x->rng != NULL)
		gsl_rng_free(x->rng);
	free(x->value);
	free(x->score);
	free(x->down);
	free(x->in);
	free(x->usable);
	free(x->gany);
	free(x->ghours);
	free(x->e_batt);
	free(x->item_shift);
	free(x->memo);
	free(x->good);
	free(x->credited);
	free(x->gdown);
	free(x->cdown);
	free(x->susable);
	free(x->gday);
	free(x->met);
	plan_result_release(&x->pr);
	free(x);
}

struct risk_scratch *
risk_scratch_new(const struct risk_model *m)
{
	const struct site *s = m->site;
	struct risk_scratch *x = calloc(1, sizeof *x);
	size_t	i, k;
	int	next;

	if (x == NULL)
		return NULL;
	x->s = *s;
	x->s.plant_memo = NULL;		/* a trial takes units out of service */
	x->s.it.phases = NULL;
	x->s.power.feeds = NULL;
	x->s.power.gens = NULL;
	x->s.power.batts = NULL;
	x->s.cooling.chillers = NULL;
	x->s.cooling.towers = NULL;
	x->s.cooling.drycoolers = NULL;
	x->s.it.phases = dup_array(s->it.phases, s->it.nphases, sizeof *s->it.phases, 0);
	x->s.power.feeds = dup_array(s->power.feeds, s->power.nfeeds,
	    sizeof *s->power.feeds, 0);
	if ((s->it.nphases && x->s.it.phases == NULL) ||
	    (s->power.nfeeds && x->s.power.feeds == NULL))
		goto fail;
	for (i = 0; i < s->it.nphases; i++) {
		const struct site_phase *p = &s->it.phases[i];
		size_t	cap = p->nlots > (size_t)p->racks ? p->nlots : (size_t)p->racks;

		x->s.it.phases[i].lots = dup_array(p->lots, p->nlots, sizeof *p->lots,
		    cap - p->nlots);
		if (cap > 0 && x->s.it.phases[i].lots == NULL)
			goto fail;
	}
	for (i = 0; i < s->power.nfeeds; i++) {
		const struct site_feed *f = &s->power.feeds[i];

		x->s.power.feeds[i].steps = dup_array(f->steps, f->nsteps, sizeof *f->steps, 0);
		if (f->nsteps && x->s.power.feeds[i].steps == NULL)
			goto fail;
	}
	x->s.power.gens = dup_array(s->power.gens, s->power.ngens, sizeof *s->power.gens, 0);
	x->s.power.batts = dup_array(s->power.batts, s->power.nbatts,
	    sizeof *s->power.batts, 0);
	x->s.cooling.chillers = dup_array(s->cooling.chillers, s->cooling.nchillers,
	    sizeof *s->cooling.chillers, 0);
	x->s.cooling.towers = dup_array(s->cooling.towers, s->cooling.ntowers,
	    sizeof *s->cooling.towers, 0);
	x->s.cooling.drycoolers = dup_array(s->cooling.drycoolers, s->cooling.ndrycoolers,
	    sizeof *s->cooling.drycoolers, 0);
	if ((s->power.ngens && !x->s.power.gens) || (s->power.nbatts && !x->s.power.batts) ||
	    (s->cooling.nchillers && !x->s.cooling.chillers) ||
	    (s->cooling.ntowers && !x->s.cooling.towers) ||
	    (s->cooling.ndrycoolers && !x->s.cooling.drycoolers))
		goto fail;
	/* the items of the original, to number the inputs as risk_model_init did */
	x->nitems = list_items(s, NULL, 0);
	if (x->nitems > 0 && ((x->items = calloc(x->nitems, sizeof *x->items)) == NULL ||
	    (x->item_input = calloc(x->nitems, sizeof(int))) == NULL ||
	    (x->item_shift = calloc(x->nitems, sizeof(int))) == NULL))
		goto fail;
	list_items(s, x->items, x->nitems);
	next = (int)s->risk.ngroups;
	for (k = 0; k < x->nitems; k++)
		x->item_input[k] = x->items[k].delay->dist.d.kind != DIST_NONE ? next++ : -1;
	if ((x->gdown = calloc(RISK_YEAR_H, 1)) == NULL ||
	    (s->power.ngens && (x->susable = calloc(s->power.ngens,
	    sizeof(int))) == NULL) ||
	    (s->ntargets && (x->gday = calloc(s->ntargets, sizeof(int))) == NULL) ||
	    (s->ntargets && (x->met = calloc(s->ntargets, sizeof(int))) == NULL) ||
	    (x->cdown = calloc(RISK_YEAR_H, 1)) == NULL ||
	    (s->ntargets && (x->memo = calloc(m->nyears * s->ntargets * RISK_NCOND *
	    RISK_MEMO_WAYS,
	    sizeof *x->memo)) == NULL) || (x->rng = rng_alloc()) == NULL ||
	    (m->ninputs && ((x->value = calloc(m->ninputs, sizeof(double))) == NULL ||
	    (x->credited = calloc(m->ninputs, 1)) == NULL ||
	    (x->score = calloc(m->ninputs, sizeof(uint64_t))) == NULL)) ||
	    (m->ngroups && ((x->down = calloc(m->ngroups * RISK_YEAR_H,
	    sizeof(int32_t))) == NULL || (x->in = calloc(m->ngroups, sizeof(int))) == NULL ||
	    (x->usable = calloc(m->ngroups, sizeof(int))) == NULL ||
	    (x->gany = calloc(m->ngroups, sizeof(int))) == NULL ||
	    (x->ghours = calloc(m->ngroups, sizeof(long))) == NULL)) ||
	    (s->power.nbatts && (x->e_batt = calloc(s->power.nbatts,
	    sizeof(double))) == NULL))
		goto fail;
	return x;
fail:
	risk_scratch_free(x);
	return NULL;
}

/* ---- one trial ---- */

/* Days a draw moves a date: rounded up to whole days (any part of a day counts). */
static int
shift_days(double d)
{
	return (int)ceil(d - 1e-9);
}

static int
moved(int date, int shift)
{
	if (date == DATE_NONE || date == DATE_NEVER)
		return date;
	return date + shift;
}

/* Lots from a start date and a rate, as site_load expands them (cumulative
 * floor(rate x days)); at most cap lots. */
static void
expand_rate(struct site_phase *p, int start, double rate, size_t cap)
{
	long	done = 0, day;

	p->nlots = 0;
	for (day = 0; done < p->racks && day <= RISK_MAX_DELIVERY_D && p->nlots < cap;
	    day++) {
		long	cum = (long)floor(rate * (double)(day + 1) + 1e-9);

		if (cum > p->racks)
			cum = p->racks;
		if (cum == done)
			continue;
		p->lots[p->nlots].date = start + (int)day;
		p->lots[p->nlots].racks = (int)(cum - done);
		p->nlots++;
		done = cum;
	}
}

/* Move the copy's dates by the trial's draws; records each item's shift. */
static void
apply_draws(const struct risk_model *m, struct risk_scratch *x)
{
	const struct site *s = m->site;
	struct site *c = &x->s;
	size_t	i, j, k = 0, nrate = m->ninputs;
	int	sh;

	for (k = 0; k < x->nitems; k++) {
		const struct site_delay *d = x->items[k].delay;
		double	v = 0;

		if (x->item_input[k] >= 0)
			v += x->value[x->item_input[k]];
		if (d->group > 0)
			v += x->value[d->group - 1];
		x->item_shift[k] = shift_days(v);
	}
	/* the rate factors are the last inputs, in phase order */
	for (i = 0; i < s->it.nphases; i++)
		if (s->it.phases[i].rate_factor.d.kind != DIST_NONE)
			nrate--;
	k = 0;
	for (i = 0; i < s->it.nphases; i++) {
		const struct site_phase *p = &s->it.phases[i];
		struct site_phase *q = &c->it.phases[i];
		size_t	cap = p->nlots > (size_t)p->racks ? p->nlots : (size_t)p->racks;

		sh = x->item_shift[k++];
		q->delivery_start = p->delivery_start + sh;
		if (p->rate_factor.d.kind != DIST_NONE) {
			double	f = x->value[nrate++];

			q->rate_per_day = p->rate_per_day * (f > 1e-6 ? f : 1e-6);
			expand_rate(q, q->delivery_start, q->rate_per_day, cap);
		} else {
			q->nlots = p->nlots;
			for (j = 0; j < p->nlots; j++) {
				q->lots[j].date = p->lots[j].date + sh;
				q->lots[j].racks = p->lots[j].racks;
			}
		}
		schedule_index(q);
	}
	for (i = 0; i < s->power.nfeeds; i++) {
		const struct site_feed *f = &s->power.feeds[i];

		c->power.feeds[i].in_service = moved(f->in_service, x->item_shift[k++]);
		for (j = 0; j < f->nsteps; j++)
			c->power.feeds[i].steps[j].date = moved(f->steps[j].date,
			    x->item_shift[k++]);
	}
	for (i = 0; i < s->power.ngens; i++)
		c->power.gens[i].available = moved(s->power.gens[i].available,
		    x->item_shift[k++]);
	for (i = 0; i < s->power.nbatts; i++)
		c->power.batts[i].available = moved(s->power.batts[i].available,
		    x->item_shift[k++]);
	for (i = 0; i < s->cooling.nchillers; i++)
		c->cooling.chillers[i].in_service = moved(s->cooling.chillers[i].in_service,
		    x->item_shift[k++]);
	for (i = 0; i < s->cooling.ntowers; i++)
		c->cooling.towers[i].in_service = moved(s->cooling.towers[i].in_service,
		    x->item_shift[k++]);
	for (i = 0; i < s->cooling.ndrycoolers; i++)
		c->cooling.drycoolers[i].in_service =
		    moved(s->cooling.drycoolers[i].in_service, x->item_shift[k++]);
}

static int
on(int day, int from)
{
	return from == DATE_NONE || day >= from;
}

/* Which cooling groups are in service: the plant configuration's key. */
static uint64_t
cooling_key(const struct site *c, int day)
{
	uint64_t key = 0;
	size_t	i, b = 0;

	for (i = 0; i < c->cooling.nchillers && b < 64; i++, b++)
		if (on(day, c->cooling.chillers[i].in_service))
			key |= (uint64_t)1 << b;
	for (i = 0; i < c->cooling.ntowers && b < 64; i++, b++)
		if (on(day, c->cooling.towers[i].in_service))
			key |= (uint64_t)1 << b;
	for (i = 0; i < c->cooling.ndrycoolers && b < 64; i++, b++)
		if (on(day, c->cooling.drycoolers[i].in_service))
			key |= (uint64_t)1 << b;
	return key;
}

/* The day of the weather year a calendar day reads (sim_hour_of_year / 24),
 * looked up over the days a trial can reach. */
static int
weather_doy(const struct risk_model *m, int day)
{
	long	i = (long)day - m->doy_lo;

	if (i >= 0 && (size_t)i < m->ndoy)
		return m->doy[i];
	return (int)(sim_hour_of_year(day, 0) / 24);
}

/*
 * capacity_supply_w(c, day, tdb) at condition ci, the same sum in the same order:
 * the firm grid plus each firm generator group's usable units at its output at
 * that condition (looked up), the day's part worked out once per day.
 */
static double
supply_at(const struct risk_model *m, struct risk_scratch *x, int day, size_t ci)
{
	const struct site *c = &x->s;
	const struct risk_year *y = &m->years[x->year];
	double	w = 0;
	size_t	i;

	if (x->sday != day) {
		x->sgrid = supply_grid_at(c, day);
		for (i = 0; i < c->power.ngens; i++)
			x->susable[i] = gen_usable_at(&c->power.gens[i], day);
		x->sday = day;
	}
	for (i = 0; i < c->power.ngens; i++) {
		const struct site_generator *g = &c->power.gens[i];

		if (g->model == NULL || !gen_is_firm(g))
			continue;
		w += x->susable[i] * y->gen_cond_w[ci * c->power.ngens + i];
	}
	return x->sgrid + w;
}

/*
 * Plan's test of one day for target t (plan.c): the target's GPUs are online and
 * can run at the day's hottest hour and at each ASHRAE design condition with that
 * day's equipment - firm supply against the facility demand on the monotone
 * envelope (capacity_demand_env_w), the chillers' margin, the UPS and the
 * transformers on the nameplate basis.  The plant's part depends only on the
 * condition and on which cooling groups are in service, so it is remembered
 * (conditions 0..365: the hot hour of that day of the weather year; 366, 367: the
 * design conditions).  1 good, 0 bad, -1 the plant model failed.
 */
static int
cond_ok(const struct risk_model *m, struct risk_scratch *x, size_t t, int day,
    int ci, uint64_t key, struct plant_cfg *cfg, uint64_t *cfg_key, int *cfg_valid)
{
	const struct site *c = &x->s;
	const struct it_load *it = &m->target_it[t];
	const struct risk_year *y = &m->years[x->year];
	const struct cap_condition *cond = &y->cond[ci];
	struct plant_memo *slot, *e = NULL;
	int	w;

	slot = &x->memo[((x->year * m->site->ntargets + t) * RISK_NCOND + (size_t)ci) *
	    RISK_MEMO_WAYS];
	for (w = 0; w < RISK_MEMO_WAYS; w++)
		if (slot[w].valid && slot[w].key == key) {
			e = &slot[w];
			break;
		}
	if (!*cfg_valid || key != *cfg_key) {
		plant_cfg_init(cfg, c, day);
		*cfg_key = key;
		*cfg_valid = 1;
	}
	if (e == NULL) {
		struct plant_result pr;
		struct it_load np;
		double	va;

		e = &slot[slot[0].next];
		slot[0].next = (slot[0].next + 1) % RISK_MEMO_WAYS;
		e->valid = 0;
		e->facility_w = capacity_demand_env_w(cfg, cond, (double)c->targets[t].gpus,
		    c->it.utilization, c->it.gpu_power_cap, &va);
		if (isnan(e->facility_w) || plant_eval(cfg, it, cond->tdb, cond->twb,
		    cond->p, &pr) != 0)
			return -1;
		e->cooling_margin_w = pr.cooling_margin_w;
		/* the transformers on the nameplate basis */
		it_load_gpus_basis(c, (double)c->targets[t].gpus, c->it.utilization,
		    c->it.gpu_power_cap, IT_NAMEPLATE, &np);
		if (plant_eval(cfg, &np, cond->tdb, cond->twb, cond->p, &pr) != 0)
			return -1;
		e->facility_va = pr.facility_va;
		e->key = key;
		e->valid = 1;
	}
	if (cfg->chain.ups != NULL && cfg->ups_capacity_w - it->nameplate_w /
	    cfg->chain.pdu_eff * cfg->chain.ups_fraction < 0)
		return 0;
	if (e->cooling_margin_w < 0)
		return 0;
	if (cfg->chain.xfmr != NULL && cfg->xfmr_capacity_va - e->facility_va < 0)
		return 0;
	return supply_at(m, x, day, (size_t)ci) - e->facility_w >= 0;
}

static int
day_good(const struct risk_model *m, struct risk_scratch *x, size_t t, int day,
    struct plant_cfg *cfg, uint64_t *cfg_key, int *cfg_valid)
{
	const struct site *c = &x->s;
	const struct risk_year *y = &m->years[x->year];
	int	doy = weather_doy(m, day), r, k;
	uint64_t key;

	/* the GPUs online never fall as the day advances (schedule.h) */
	if (x->gday[t] != DATE_NONE && (x->gday[t] == DATE_NEVER || day < x->gday[t]))
		return 0;
	if (doy < 0)
		doy = 0;
	if (doy > 365)
		doy = 365;
	key = cooling_key(c, day);
	if ((r = cond_ok(m, x, t, day, doy, key, cfg, cfg_key, cfg_valid)) != 1)
		return r;
	for (k = 0; k < 2; k++)
		if (y->have_design[k] && (r = cond_ok(m, x, t, day, 366 + k, key, cfg,
		    cfg_key, cfg_valid)) != 1)
			return r;
	return 1;
}

/* The item that completed target t on its met day: each input behind an item whose
 * date is that day (for deliveries: a phase whose GPUs online grew that day). */
static int
credit(const struct risk_model *m, struct risk_scratch *x, int met, uint64_t *crit)
{
	const struct site *c = &x->s;
	size_t	i, j, k = 0;
	int	any = 0;

	/* each input counts once, however many of its items arrive that day */
	if (m->ninputs > 0)
		memset(x->credited, 0, m->ninputs);

#define CREDIT(hit) do { \
		if (hit) { \
			if (x->item_input[k] >= 0) { \
				x->credited[x->item_input[k]] = 1; any = 1; } \
			if (x->items[k].delay->group > 0) { \
				x->credited[x->items[k].delay->group - 1] = 1; any = 1; } \
		} \
		k++; \
	} while (0)
	for (i = 0; i < c->it.nphases; i++) {
		const struct site_phase *p = &c->it.phases[i];
		int	grew = schedule_phase_racks(p, met, DEPLOY_ONLINE) >
		    schedule_phase_racks(p, met - 1, DEPLOY_ONLINE);

		CREDIT(grew);
		if (grew && p->rate_factor.d.kind != DIST_NONE) {
			/* and its rate factor */
			size_t	r = m->ninputs, q;

			for (q = i; q < c->it.nphases; q++)
				if (c->it.phases[q].rate_factor.d.kind != DIST_NONE)
					r--;
			x->credited[r] = 1;
			any = 1;
		}
	}
	for (i = 0; i < c->power.nfeeds; i++) {
		CREDIT(c->power.feeds[i].in_service == met);
		for (j = 0; j < c->power.feeds[i].nsteps; j++)
			CREDIT(c->power.feeds[i].steps[j].date == met);
	}
	for (i = 0; i < c->power.ngens; i++)
		CREDIT(c->power.gens[i].available == met);
	for (i = 0; i < c->power.nbatts; i++)
		CREDIT(c->power.batts[i].available == met);
	for (i = 0; i < c->cooling.nchillers; i++)
		CREDIT(c->cooling.chillers[i].in_service == met);
	for (i = 0; i < c->cooling.ntowers; i++)
		CREDIT(c->cooling.towers[i].in_service == met);
	for (i = 0; i < c->cooling.ndrycoolers; i++)
		CREDIT(c->cooling.drycoolers[i].in_service == met);
#undef CREDIT
	for (i = 0; i < m->ninputs; i++)
		crit[i] += x->credited[i];
	return any;
}

/* good[] of the trial: -1 unknown, 0 bad, 1 good, per day from day0 */
static int
good_at(const struct risk_model *m, struct risk_scratch *x, size_t t, int day0,
    int day, struct plant_cfg *cfg, uint64_t *key, int *valid)
{
	size_t	i = (size_t)(day - day0);

	if (day < day0)
		return 0;
	if (i >= x->ngood)
		return -1;
	if (x->good[i] < 0) {
		int	r = day_good(m, x, t, day, cfg, key, valid);

		if (r < 0)
			return -2;
		x->good[i] = (signed char)r;
	}
	return x->good[i];
}

/* First bad day in [a, b], DATE_NEVER if none; DATE_NONE on failure. */
static int
first_bad_day(const struct risk_model *m, struct risk_scratch *x, size_t t, int day0,
    int a, int b, struct plant_cfg *cfg, uint64_t *key, int *valid)
{
	int	d, g;

	for (d = a < day0 ? day0 : a; d <= b; d++) {
		if ((g = good_at(m, x, t, day0, d, cfg, key, valid)) < -1)
			return DATE_NONE;
		if (g == 0)
			return d;
	}
	return DATE_NEVER;
}

static int
targets(const struct risk_model *m, struct risk_scratch *x, struct risk_acc *a)
{
	const struct site *c = &x->s;
	struct plant_cfg cfg;
	uint64_t key = 0;
	int	valid = 0, from, to, full, day0, last;
	size_t	t, i, n;

	timeline_range(c, &from, &to);
	full = schedule_full_date(c);
	if (full == DATE_NEVER || full == DATE_NONE)
		full = from;
	x->sday = INT_MIN;	/* the copy's dates moved: no day's supply is known */
	for (t = 0; t < c->ntargets; t++)
		x->gday[t] = schedule_gpus_date(c, DEPLOY_ONLINE, (long)c->targets[t].gpus);
	/* as plan: the days from the first delivery (or an earlier target date)
	 * through the look-ahead and its window */
	day0 = from;
	for (t = 0; t < c->ntargets; t++)
		if (c->targets[t].by < day0)
			day0 = c->targets[t].by;
	last = full + PLAN_LOOKAHEAD_D + PLAN_WINDOW_D;
	for (t = 0; t < c->ntargets; t++)
		if (c->targets[t].by + PLAN_WINDOW_D > last)
			last = c->targets[t].by + PLAN_WINDOW_D;
	n = (size_t)(last - day0) + 1;
	if (n > x->good_cap) {
		signed char *g = realloc(x->good, n);

		if (g == NULL)
			return -1;
		x->good = g;
		x->good_cap = n;
	}
	x->ngood = n;
	for (t = 0; t < c->ntargets; t++) {
		const struct site_target *tg = &c->targets[t];
		struct risk_target_acc *ta = &a->t[t];
		int	by = tg->by, hz = (by > full ? by : full) + PLAN_WINDOW_D, bad, d;
		int	met = DATE_NEVER, ok;

		for (i = 0; i < n; i++)
			x->good[i] = -1;
		bad = first_bad_day(m, x, t, day0, by, hz, &cfg, &key, &valid);
		if (bad == DATE_NONE)
			return -1;
		ok = bad == DATE_NEVER;
		if (ok) {
			/* met on: the day after the last bad day before the date */
			met = day0;
			for (d = by; d >= day0; d--) {
				int	g = good_at(m, x, t, day0, d, &cfg, &key, &valid);

				if (g < -1)
					return -1;
				if (g == 0) {
					met = d + 1;
					break;
				}
			}
		} else
			/* the first later day whose own window holds */
			for (d = by + 1; d <= full + PLAN_LOOKAHEAD_D; d++) {
				int	g = good_at(m, x, t, day0, d, &cfg, &key, &valid), b;

				if (g < -1)
					return -1;
				if (g == 0)
					continue;
				b = first_bad_day(m, x, t, day0, d, (d > full ? d : full) +
				    PLAN_WINDOW_D, &cfg, &key, &valid);
				if (b == DATE_NONE)
					return -1;
				if (b == DATE_NEVER) {
					met = d;
					break;
				}
				d = b;
			}
		stat_add(&ta->met, ok);
		x->met[t] = met == DATE_NEVER ? m->hist_sentinel : met;
		if (met == DATE_NEVER) {
			ta->never++;
			if (day_hist_add(&ta->days, m->hist_sentinel, x->score) != 0)
				return -1;
			continue;
		}
		stat_add(&ta->delay, met > by ? met - by : 0);
		if (day_hist_add(&ta->days, met, x->score) != 0)
			return -1;
		if (!credit(m, x, met, ta->critical))
			ta->critical_weather++;
	}
	return 0;
}

/* Which groups are in service on a day, and how many of their units may run. */
static void
day_units(const struct risk_model *m, const struct site *c, int day, int *in,
    int *usable)
{
	size_t	g;

	for (g = 0; g < m->ngroups; g++) {
		const struct risk_group *rg = &m->groups[g];

		switch (rg->kind) {
		case RG_GEN:
			in[g] = gen_units_at(&c->power.gens[rg->index], day);
			usable[g] = gen_usable_at(&c->power.gens[rg->index], day);
			if (c->power.gens[rg->index].model == NULL)
				in[g] = usable[g] = 0;
			break;
		case RG_BATT:
			in[g] = on(day, c->power.batts[rg->index].available) &&
			    c->power.batts[rg->index].model != NULL ? rg->count : 0;
			usable[g] = in[g];
			break;
		case RG_CHILLER:
			in[g] = on(day, c->cooling.chillers[rg->index].in_service) &&
			    c->cooling.chillers[rg->index].model != NULL ? rg->count : 0;
			usable[g] = redundancy_usable(in[g],
			    c->cooling.chillers[rg->index].redundancy);
			break;
		case RG_TOWER:
			in[g] = on(day, c->cooling.towers[rg->index].in_service) &&
			    c->cooling.towers[rg->index].model != NULL ? rg->count : 0;
			usable[g] = in[g];
			break;
		case RG_DRYCOOLER:
			in[g] = on(day, c->cooling.drycoolers[rg->index].in_service) &&
			    c->cooling.drycoolers[rg->index].model != NULL ? rg->count : 0;
			usable[g] = in[g];
			break;
		}
	}
}

/*
 * The first year after full deployment, hour by hour, with failures.
 *
 * What a unit's failure can change is found only where a unit is down: an hour
 * in which no generator is down has the supply of the whole fleet (grid plus
 * every usable unit, summed in the same order, so the same bits), and no group
 * can be short of units; an hour in which no cooling unit is down has the full
 * chiller capacity and no cooling group short.  The units each group must run
 * (the residual load filled in site order) do not depend on failures, so they
 * are worked out only in the hours where some unit of that kind is down.
 */
static int
year(const struct risk_model *m, struct risk_scratch *x, uint64_t seed, uint64_t trial,
    struct risk_acc *a)
{
	const struct site *c = &x->s;
	const struct risk_year *y = &m->years[x->year];
	int	full = schedule_full_date(c), h, *in = x->in, *usable = x->usable;
	size_t	g, i, k, hoy0 = 0;
	double	grid = 0, e_unserved = 0, e_demand = 0;
	long	lole = 0, unmet = 0, *ghours = x->ghours;
	int	*gany = x->gany;
	unsigned char *gdown = x->gdown, *cdown = x->cdown;

	if (full == DATE_NONE || full == DATE_NEVER || y->nh == 0) {
		/* no fleet to run: a trial with nothing short */
		stat_add(&a->lole_h, 0);
		stat_add(&a->eue_wh, 0);
		stat_add(&a->demand_wh, 0);
		stat_add(&a->unmet_cool_h, 0);
		tail_add(a->eue_tail, 0);
		for (g = 0; g < m->ngroups; g++) {
			stat_add(&a->g[g].hours, 0);
			stat_add(&a->g[g].any, 0);
		}
		return 0;
	}
	memset(gdown, 0, RISK_YEAR_H);
	memset(cdown, 0, RISK_YEAR_H);
	for (g = 0; g < m->ngroups; g++) {
		const struct risk_group *rg = &m->groups[g];
		int32_t	*dn = x->down + g * RISK_YEAR_H;
		unsigned char *flag = rg->kind == RG_GEN || rg->kind == RG_BATT ?
		    gdown : cdown;
		int	u;

		ghours[g] = 0;
		gany[g] = 0;
		if (rg->rel == NULL)
			continue;
		memset(dn, 0, RISK_YEAR_H * sizeof *dn);
		for (u = 0; u < rg->count; u++) {
			rng_stream(x->rng, seed, trial, 1 + (uint32_t)(rg->unit0 + u));
			reliability_unit(rg->rel, x->rng, RISK_YEAR_H, dn, flag);
		}
	}
	for (i = 0; i < c->power.nbatts; i++)
		x->e_batt[i] = -1;	/* not yet in service */
	for (h = 0; h < RISK_YEAR_H; h++) {
		size_t	hoy;
		double	demand, supply, r, cap, qm, rej;

		if (h % 24 == 0) {
			int	day = full + h / 24;

			hoy0 = (size_t)weather_doy(m, day) * 24;
			grid = supply_grid_at(c, day);
			day_units(m, c, day, in, usable);
			/* the supply of the whole fleet at each hour of the day */
			for (k = 0; k < 24; k++)
				x->sup0[k] = grid;
			for (i = 0; i < m->ngen_groups; i++) {
				const double *unit;

				g = m->gen_groups[i];
				if (in[g] == 0)
					continue;
				unit = y->gen_unit_w + g * y->nh;
				if (hoy0 + 24 <= y->nh)
					for (k = 0; k < 24; k++)
						x->sup0[k] += usable[g] * unit[hoy0 + k];
				else
					for (k = 0; k < 24; k++)
						x->sup0[k] += usable[g] *
						    unit[(hoy0 + k) % y->nh];
			}
			/* and the chiller capacity of the whole fleet */
			for (k = 0; k < 24; k++)
				x->cap0[k] = 0;
			for (i = 0; i < m->nchiller_groups; i++) {
				g = m->chiller_groups[i];
				if (in[g] == 0)
					continue;
				for (k = 0; k < 24; k++)
					x->cap0[k] += usable[g] * y->ch_unit_frac[(hoy0 + k) %
					    y->nh] * m->chiller_qref[i];
			}
		}
		hoy = (hoy0 + (size_t)(h % 24)) % y->nh;
		demand = y->demand_w[hoy];
		qm = y->q_mech_w[hoy];
		rej = y->q_reject_w[hoy];
		e_demand += demand;
		if (!gdown[h])
			supply = x->sup0[h % 24];
		else {
			/* the grid, then generator groups in site order; a failed
			 * unit is replaced by a spare while the group has one */
			supply = grid;
			r = demand - grid;
			for (i = 0; i < m->ngen_groups; i++) {
				const struct risk_group *rg;
				int	avail, need;
				double	unit;

				g = m->gen_groups[i];
				rg = &m->groups[g];
				if (in[g] == 0)
					continue;
				avail = in[g] - x->down[g * RISK_YEAR_H + h];
				if (avail < 0)
					avail = 0;
				unit = y->gen_unit_w[g * y->nh + hoy];
				supply += (avail < usable[g] ? avail : usable[g]) * unit;
				if (i >= m->gen_rel_end)
					continue;	/* no later group can fail */
				if (rg->rel == NULL || !(r > 0) || !(unit > 0)) {
					r -= usable[g] * unit;
					continue;
				}
				need = (int)ceil(r / unit - 1e-9);
				if (need > usable[g])
					need = usable[g];
				r -= need * unit;
				if (avail < need) {
					ghours[g]++;
					gany[g] = 1;
				}
			}
		}
		if (!cdown[h])
			cap = x->cap0[h % 24];
		else {
			cap = 0;
			for (i = 0; i < m->nchiller_groups; i++) {
				int	n, avail;

				g = m->chiller_groups[i];
				if (in[g] == 0)
					continue;
				n = usable[g];
				avail = in[g] - x->down[g * RISK_YEAR_H + h];
				if (avail < 0)
					avail = 0;
				if (avail < n)
					n = avail;
				cap += n * y->ch_unit_frac[hoy] * m->chiller_qref[i];
			}
		}
		/* batteries cover what is left, and charge from what is spare */
		for (i = 0; i < m->nbatt_groups; i++) {
			const struct risk_group *rg = &m->groups[m->batt_groups[i]];
			const struct site_battery *b = &c->power.batts[rg->index];
			int	avail;
			double	p, got;

			g = m->batt_groups[i];
			if (in[g] == 0)
				continue;
			if (x->e_batt[rg->index] < 0)
				x->e_batt[rg->index] = b->initial_soc * in[g] *
				    b->model->u.battery.energy_j;
			avail = in[g] - x->down[g * RISK_YEAR_H + h];
			if (avail <= 0)
				continue;
			p = avail * b->model->u.battery.power_w;
			/* a full battery takes nothing, an empty one gives nothing
			 * (battery.c): the calls are skipped, not their answer */
			if (supply > demand && !(x->e_batt[rg->index] <
			    b->model->u.battery.soc_max * in[g] *
			    b->model->u.battery.energy_j))
				continue;
			if (demand > supply) {
				got = battery_discharge(&b->model->u.battery, in[g],
				    &x->e_batt[rg->index], fmin(demand - supply, p), 3600);
				supply += got;
			} else if (supply > demand) {
				got = battery_charge(&b->model->u.battery, in[g],
				    &x->e_batt[rg->index], fmin(supply - demand, p), 3600);
				supply -= got;
			}
		}
		if (demand - supply > 1e-3) {
			lole++;
			e_unserved += demand - supply;
			if (hoy < RISK_YEAR_H)
				a->lolp[hoy]++;
		}
		/* cooling: chillers against the mechanical load */
		if (qm > cap * (1 + 1e-9) + 1)
			unmet++;
		if (!cdown[h])
			continue;
		/* the units each cooling group must run, filled in site order; heat
		 * rejection cells at their design rating */
		r = qm;
		for (i = 0; i < m->cool_rel_end; i++) {
			const struct risk_group *rg;
			int	avail, need;
			double	unit;

			g = m->cool_groups[i];
			rg = &m->groups[g];
			if (in[g] == 0)
				continue;
			avail = in[g] - x->down[g * RISK_YEAR_H + h];
			if (rg->kind == RG_CHILLER) {
				unit = y->ch_unit_frac[hoy] * m->chiller_qref[i];
				need = r > 0 && unit > 0 ? (int)ceil(r / unit - 1e-9) : 0;
				if (need > usable[g])
					need = usable[g];
				r -= need * unit;
			} else {
				unit = m->cell_w[g];
				need = rej > 0 && unit > 0 ? (int)ceil(rej / unit - 1e-9) : 0;
				if (need > in[g])
					need = in[g];
				rej -= need * unit;
			}
			if (avail < need) {
				ghours[g]++;
				gany[g] = 1;
			}
		}
	}
	stat_add(&a->lole_h, lole);
	stat_add(&a->eue_wh, llround(e_unserved));
	stat_add(&a->demand_wh, llround(e_demand));
	stat_add(&a->unmet_cool_h, unmet);
	tail_add(a->eue_tail, (uint64_t)llround(e_unserved));
	for (g = 0; g < m->ngroups; g++) {
		stat_add(&a->g[g].hours, ghours[g]);
		stat_add(&a->g[g].any, gany[g]);
	}
	return 0;
}

/* The trial's cost (struct risk_cost): its site's build and first year as
 * plan_run dispatches them, and its targets' days late at their cost of a day. */
static int
cost_trial(const struct risk_model *m, struct risk_scratch *x, uint64_t trial,
    struct risk_acc *a)
{
	struct risk_cost c;
	size_t	t;

	if (plan_run(&x->s, m->years[x->year].wx, PLAN_YEAR, &x->pr) != PLAN_OK ||
	    !x->pr.cost.computed)
		return -1;
	c.trial = trial;
	c.year = x->pr.cost.total;
	c.with_delay = c.year;
	for (t = 0; t < x->s.ntargets; t++) {
		int	late = x->met[t] - x->s.targets[t].by;

		c.with_delay += (late > 0 ? late : 0) * risk_delay_cost_per_day(m->site, t);
	}
	return risk_acc_add_cost(a, &c);
}

int
risk_trial(const struct risk_model *m, struct risk_scratch *x, uint64_t seed,
    uint64_t trial, struct risk_acc *a)
{
	size_t	j;

	rng_stream(x->rng, seed, trial, 0);
	for (j = 0; j < m->ninputs; j++) {
		double	u = rng_uniform_pos(x->rng);

		x->value[j] = dist_quantile(m->inputs[j].dist, u);
		x->score[j] = (uint64_t)llround(dist_score(m->inputs[j].dist, u) *
		    (double)STATS_SCORE_ONE);
	}
	/* the weather year, after the inputs (one year: no draw) */
	x->year = 0;
	if (m->nyears > 1) {
		double	u = rng_uniform_pos(x->rng);

		while (x->year + 1 < m->nyears && u > m->years[x->year].cum_weight)
			x->year++;
	}
	if (x->year < a->nyears)
		a->year_trials[x->year]++;
	apply_draws(m, x);
	if (targets(m, x, a) != 0 || year(m, x, seed, trial, a) != 0)
		return -1;
	if (trial < m->cost_trials && m->site->econ != NULL &&
	    cost_trial(m, x, trial, a) != 0)
		return -1;
	/* the band: the first day this trial's GPUs online reach each level */
	a->band_fleet = m->band_fleet;
	for (j = 0; j < RISK_BAND_LEVELS && m->band_fleet > 0; j++) {
		int	d = schedule_gpus_date(&x->s, DEPLOY_ONLINE,
		    risk_band_level(m->band_fleet, j));

		if (d == DATE_NEVER || d == DATE_NONE || d > m->hist_sentinel)
			d = m->hist_sentinel;
		if (day_hist_add(&a->band[j], d, NULL) != 0)
			return -1;
	}
	a->trials++;
	return 0;
}

int
risk_run(const struct risk_model *m, uint64_t seed, uint64_t first, uint64_t n,
    int shard_k, int shard_n, int threads, struct risk_acc *acc,
    void (*progress)(void *, uint64_t, uint64_t), void *arg)
{
	int	failed = 0;
	uint64_t done = 0;

	if (shard_n < 1 || shard_k < 1 || shard_k > shard_n)
		return -1;
#ifdef _OPENMP
	if (threads <= 0)
		threads = omp_get_max_threads();
#pragma omp parallel num_threads(threads) shared(failed, done)
#else
	(void)threads;
#endif
	{
		struct risk_scratch *x;
		struct risk_acc local;
		long long i;
		int	bad;

		memset(&local, 0, sizeof local);
		x = risk_scratch_new(m);
		bad = x == NULL || risk_acc_init_years(&local, acc->ntargets,
		    acc->ninputs, acc->ngroups, acc->nyears) != 0;

#ifdef _OPENMP
#pragma omp for schedule(dynamic, 8)
#endif
		for (i = 0; i < (long long)n; i++) {
			uint64_t trial = first + (uint64_t)i;
			uint64_t d;

			if (bad || trial % (uint64_t)shard_n != (uint64_t)(shard_k - 1))
				continue;
			if (risk_trial(m, x, seed, trial, &local) != 0)
				bad = 1;
#ifdef _OPENMP
#pragma omp atomic capture
#endif
			d = ++done;
			if (progress != NULL && d % 64 == 0
#ifdef _OPENMP
			    && omp_get_thread_num() == 0
#endif
			    )
				progress(arg, d, n / (uint64_t)shard_n);
		}
#ifdef _OPENMP
#pragma omp critical
#endif
		{
			if (bad || risk_acc_merge(acc, &local) != 0)
				failed = 1;
		}
		risk_acc_release(&local);
		risk_scratch_free(x);
	}
	return failed ? -1 : 0;
}

double
risk_delay_cost_per_day(const struct site *s, size_t t)
{
	if (s->econ == NULL || !isfinite(s->econ->gpu_hour) || t >= s->ntargets)
		return NAN;
	return (double)s->targets[t].gpus * 24 * s->econ->gpu_hour;	/* 24 h a day */
}
