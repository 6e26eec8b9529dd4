/*
 * sim.c - time-stepped simulation (see sim.h).
 */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "consts.h"
#include "date.h"
#include "dclimits.h"
#include "generator.h"
#include "pmemo.h"
#include "schedule.h"
#include "sim.h"
#include "site.h"

#define SIM_MAX_PHASES DC_MAX_PHASES
/* Steps a day whose IT load is kept for the next day (96: 15-minute steps). */
#define SIM_IT_CACHE 96

/* What the site's memo keeps of a step (pmemo.h). */
struct sim_slot {
	struct wx_point wx;
	struct plant_result plant;
	int	outside_class;
};
_Static_assert(sizeof(struct sim_slot) <= PMEMO_STEP_VALUE,
    "a step must fit its memo slot");

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

double
sim_hour_of_year(int day, int minute)
{
	int	y, m, d, doy;

	date_to_ymd(day, &y, &m, &d);
	doy = day - date_from_ymd(y, 1, 1);	/* date_day_of_year, once */
	/* a typical year has 365 days: Feb 29 repeats Feb 28, later days shift back */
	if (date_is_leap(y) && m > 2)
		doy -= 1;
	else if (date_is_leap(y) && m == 2 && d == 29)
		doy -= 1;
	return doy * 24.0 + minute / 60.0;
}

/* Workload utilisation at a minute of the day.  "diurnal": utilisation x
 * (0.9 + 0.1 cos(2 pi (h - 15) / 24)), i.e. 0.8 to 1.0 times the site's
 * utilisation (its peak, reached at 15:00 local time; mean 0.9 times it) -
 * a planning shape for inference-heavy fleets [U]; training fleets run
 * "constant". */
static double
workload_util(const struct site *s, int minute)
{
	double	u = s->it.utilization;

	if (s->it.profile == PROFILE_DIURNAL)
		u *= 0.9 + 0.1 * cos(2 * M_PI * (minute / 60.0 - 15) / 24);
	return u > 1 ? 1 : u;
}

/* Servers outside their ASHRAE class: the supply air is outside the allowable
 * dry-bulb range, the facility water is warmer than the servers' W class, or the
 * plant cannot meet the load (inlet temperatures then rise uncontrolled). */
static int
outside_class(const struct site *s, const struct plant_result *r)
{
	double	tmin, tmax, tdp, rh;
	size_t	i;

	if (r->it.gpus <= 0 && r->it.servers <= 0)
		return 0;		/* no servers, nothing to be outside a class */
	if (r->unmet_w > 0)
		return 1;
	air_class_limits(s->it.air_class, &tmin, &tmax, &tdp, &rh);
	if (s->cooling.air_supply < tmin || s->cooling.air_supply > tmax)
		return 1;
	for (i = 0; i < s->it.nphases; i++) {
		const struct model *m = s->it.phases[i].server;

		if (m != NULL && !isnan(m->water_class) &&
		    s->cooling.liquid_supply > m->water_class)
			return 1;
	}
	return 0;
}

static void
accumulate(struct sim_summary *u, const struct sim_step *st, double dt)
{
	const struct plant_result *r = st->plant;
	double	h = dt / 3600;

	u->steps++;
	u->hours += h;
	u->e_it += r->it.it_w * dt;
	u->e_facility += r->facility_w * dt;
	u->e_chiller += r->chiller_w * dt;
	u->e_tower_fan += r->tower_fan_w * dt;
	u->e_drycooler_fan += r->drycooler_fan_w * dt;
	u->e_crah += r->crah_fan_w * dt;
	u->e_pumps += (r->chw_pump_w + r->cw_pump_w + r->fw_pump_w) * dt;
	u->e_cdu += r->cdu_pump_w * dt;
	u->e_elec_loss += (r->pdu_loss_w + r->ups_loss_w + r->xfmr_loss_w) * dt;
	if (r->it.it_w > 0 && r->pue > u->pue_worst) {
		u->pue_worst = r->pue;
		u->pue_worst_day = st->day;
		u->pue_worst_minute = st->minute;
	}
	if (r->facility_w > u->peak_facility_w) {
		u->peak_facility_w = r->facility_w;
		u->peak_day = st->day;
		u->peak_minute = st->minute;
	}
	if (r->it.it_w > u->peak_it_w)
		u->peak_it_w = r->it.it_w;
	u->water_m3 += r->water * dt;
	u->evap_m3 += r->evap * dt;
	u->drift_m3 += r->drift * dt;
	u->blowdown_m3 += r->blowdown * dt;
	u->mode_hours[r->mode] += h;
	if (r->unmet_w > 0) {
		u->unmet_hours += h;
		u->unmet_mwh += r->unmet_w * dt / DC_J_PER_MWH;
	}
	if (st->outside_class)
		u->outside_hours += h;
	if (r->unmet_reject_w > 0)
		u->unmet_reject_hours += h;
	if (r->chiller_emergency)
		u->emergency_hours += h;
	if (r->curve_clamped)
		u->clamp_hours += h;
	if (r->curve_clamped & CURVE_CLAMP_Y)
		u->clamp_cw_hours += h;
	u->e_grid += st->disp.grid_w * dt;
	u->e_gen += st->disp.gen_w * dt;
	u->e_batt_out += st->disp.batt_discharge_w * dt;
	u->e_batt_in += st->disp.batt_charge_w * dt;
	u->e_unserved += st->disp.unserved_w * dt;
	u->e_curtailed += st->disp.curtailed_w * dt;
	if (st->disp.unserved_w > DC_UNSERVED_EPS_W) {
		u->unserved_hours += h;
		if (st->disp.unserved_w > u->peak_unserved_w)
			u->peak_unserved_w = st->disp.unserved_w;
	}
	u->fuel_j += st->disp.fuel_j;
	u->co2_kg += st->disp.co2_kg;
	u->nox_kg += st->disp.nox_kg;
	if (st->wx.tdb > u->tdb_max)
		u->tdb_max = st->wx.tdb;
	if (st->wx.twb > u->twb_max)
		u->twb_max = st->wx.twb;
}

/* A day's sums start empty (the maxima below anything). */
static void
day_init(struct sim_summary *d)
{
	memset(d, 0, sizeof *d);
	d->tdb_max = d->twb_max = -INFINITY;
}

/* Add a day's sums to the run's: the same sums and maxima (the earliest of
 * equal maxima) as adding its steps one by one, summed a day at a time. */
static void
day_merge(struct sim_summary *u, const struct sim_summary *d, int ngen, int day)
{
	int	g, i;

	u->steps += d->steps;
	u->hours += d->hours;
	u->e_it += d->e_it;
	u->e_facility += d->e_facility;
	u->e_chiller += d->e_chiller;
	u->e_tower_fan += d->e_tower_fan;
	u->e_drycooler_fan += d->e_drycooler_fan;
	u->e_crah += d->e_crah;
	u->e_pumps += d->e_pumps;
	u->e_cdu += d->e_cdu;
	u->e_elec_loss += d->e_elec_loss;
	if (d->pue_worst > u->pue_worst) {
		u->pue_worst = d->pue_worst;
		u->pue_worst_day = d->pue_worst_day;
		u->pue_worst_minute = d->pue_worst_minute;
	}
	if (d->peak_facility_w > u->peak_facility_w) {
		u->peak_facility_w = d->peak_facility_w;
		u->peak_day = d->peak_day;
		u->peak_minute = d->peak_minute;
	}
	if (d->peak_it_w > u->peak_it_w)
		u->peak_it_w = d->peak_it_w;
	u->water_m3 += d->water_m3;
	u->evap_m3 += d->evap_m3;
	u->drift_m3 += d->drift_m3;
	u->blowdown_m3 += d->blowdown_m3;
	for (i = 0; i < 3; i++)
		u->mode_hours[i] += d->mode_hours[i];
	u->unmet_hours += d->unmet_hours;
	u->unmet_mwh += d->unmet_mwh;
	u->outside_hours += d->outside_hours;
	u->unmet_reject_hours += d->unmet_reject_hours;
	u->emergency_hours += d->emergency_hours;
	u->clamp_hours += d->clamp_hours;
	u->clamp_cw_hours += d->clamp_cw_hours;
	u->e_grid += d->e_grid;
	u->e_gen += d->e_gen;
	u->e_batt_out += d->e_batt_out;
	u->e_batt_in += d->e_batt_in;
	u->e_unserved += d->e_unserved;
	u->e_curtailed += d->e_curtailed;
	u->unserved_hours += d->unserved_hours;
	if (d->peak_unserved_w > u->peak_unserved_w)
		u->peak_unserved_w = d->peak_unserved_w;
	u->fuel_j += d->fuel_j;
	u->co2_kg += d->co2_kg;
	u->nox_kg += d->nox_kg;
	if (d->tdb_max > u->tdb_max)
		u->tdb_max = d->tdb_max;
	if (d->twb_max > u->twb_max)
		u->twb_max = d->twb_max;
	for (g = 0; g < ngen; g++) {
		u->gen_unit_s[g] += d->gen_unit_s[g];
		u->gen_nox_kg[g] += d->gen_nox_kg[g];
		if (d->gen_max_running[g] > u->gen_max_running[g])
			u->gen_max_running[g] = d->gen_max_running[g];
	}
	u->days++;
	if (d->water_m3 > u->water_peak_day_m3) {
		u->water_peak_day_m3 = d->water_m3;
		u->water_peak_day = day;
	}
}

/* ---- whole days from the memo (sim.h, day sinks) ---- */

/* A day's fingerprint and its value are written into byte buffers. */
struct bytes {
	unsigned char *p;
	size_t	n, cap;
	int	full;		/* something did not fit */
};

static void
put(struct bytes *b, const void *v, size_t n)
{
	if (b->full || n > b->cap - b->n) {
		b->full = 1;
		return;
	}
	memcpy(b->p + b->n, v, n);
	b->n += n;
}

static int
take(const unsigned char **p, const unsigned char *end, void *v, size_t n)
{
	if ((size_t)(end - *p) < n)
		return -1;
	memcpy(v, *p, n);
	*p += n;
	return 0;
}

/* The kind of a fingerprint (its first word: nothing else in the memo's
 * blobs yet, but a later kind must not match this one). */
#define SIM_DAY_FP_KIND	0x53494d4441590001ULL	/* "SIMDAY" 1 */

/* Everything a day's sums and end state depend on within a day group: the
 * group, the day's plant key (the day, the equipment day, the step, the racks
 * online), the dispatch's inputs but demand (grid, groups, policy), the
 * batteries' energy, the hour budgets used so far by the groups that have
 * one, and the sink's own.  Returns 0, or -1 when it does not fit. */
static int
day_fingerprint(struct bytes *b, const struct site *s, const struct pmemo_key *dk,
    const struct dispatch_in *din, const struct dispatch_gen *gens,
    const struct dispatch_batt *batts, const double *batt_e,
    const double *hours_used, const struct sim_day_sink *ds, int day)
{
	uint64_t kind = SIM_DAY_FP_KIND;
	int	g;
	size_t	n;

	put(b, &kind, sizeof kind);
	put(b, &s->day_group, sizeof s->day_group);
	put(b, &dk->n, sizeof dk->n);
	put(b, dk->w, dk->n * sizeof dk->w[0]);
	put(b, &din->grid_w, sizeof din->grid_w);
	put(b, &din->policy, sizeof din->policy);
	put(b, &din->ngen, sizeof din->ngen);
	put(b, &din->nbatt, sizeof din->nbatt);
	/* the groups as dispatch_in_from_site wrote them (zeroed first, so
	 * their padding too) */
	put(b, gens, (size_t)din->ngen * sizeof *gens);
	put(b, batts, (size_t)din->nbatt * sizeof *batts);
	put(b, batt_e, (size_t)din->nbatt * sizeof *batt_e);
	for (g = 0; g < din->ngen; g++)
		if (gens[g].max_hours_s > 0)
			put(b, &hours_used[g], sizeof hours_used[g]);
	put(b, &ds->acc_n, sizeof ds->acc_n);
	if (b->full)
		return -1;
	n = ds->fingerprint(ds->arg, day, b->p + b->n, b->cap - b->n);
	if (n == (size_t)-1 || n > b->cap - b->n)
		return -1;
	b->n += n;
	return 0;
}

/* A day's value: its sums (the groups' entries there are), the batteries'
 * energy and the hours used at its end, the sink's sums. */
static int
day_value(struct bytes *b, const struct sim_summary *d, int ngen, int nbatt,
    const double *batt_e, const double *hours_used, const struct sim_day_sink *ds)
{
	size_t	g = (size_t)ngen;

	put(b, d, offsetof(struct sim_summary, gen_unit_s));
	put(b, d->gen_unit_s, g * sizeof d->gen_unit_s[0]);
	put(b, d->gen_max_running, g * sizeof d->gen_max_running[0]);
	put(b, d->gen_nox_kg, g * sizeof d->gen_nox_kg[0]);
	put(b, batt_e, (size_t)nbatt * sizeof *batt_e);
	put(b, hours_used, g * sizeof *hours_used);
	put(b, ds->acc, ds->acc_n * sizeof *ds->acc);
	return b->full ? -1 : 0;
}

static int
day_unvalue(const unsigned char *p, size_t len, struct sim_summary *d, int ngen,
    int nbatt, double *batt_e, double *hours_used, const struct sim_day_sink *ds)
{
	const unsigned char *end = p + len;
	size_t	g = (size_t)ngen;

	day_init(d);
	if (take(&p, end, d, offsetof(struct sim_summary, gen_unit_s)) != 0 ||
	    take(&p, end, d->gen_unit_s, g * sizeof d->gen_unit_s[0]) != 0 ||
	    take(&p, end, d->gen_max_running, g * sizeof d->gen_max_running[0]) != 0 ||
	    take(&p, end, d->gen_nox_kg, g * sizeof d->gen_nox_kg[0]) != 0 ||
	    take(&p, end, batt_e, (size_t)nbatt * sizeof *batt_e) != 0 ||
	    take(&p, end, hours_used, g * sizeof *hours_used) != 0 ||
	    take(&p, end, ds->acc, ds->acc_n * sizeof *ds->acc) != 0)
		return -1;
	return p == end ? 0 : -1;
}

int
sim_run(const struct site *s, const struct weather *w, const struct sim_opts *o,
    sim_sink_fn sink, void *arg, struct sim_summary *u)
{
	const struct sim_day_sink *ds = o->day_sink;
	struct plant_cfg cfg;
	struct sim_step st;
	struct sim_summary dsum;
	struct dispatch_gen gens[DISPATCH_MAX_GROUPS];
	struct dispatch_batt batts[DISPATCH_MAX_GROUPS];
	struct dispatch_in din;
	double	batt_e[DISPATCH_MAX_GROUPS], batt_cap;
	double	hours_used[DISPATCH_MAX_GROUPS];
	double	e_end[DISPATCH_MAX_GROUPS], h_end[DISPATCH_MAX_GROUPS];
	int	year = 0, y, m, dd, g;
	struct it_load it;
	double	racks[SIM_MAX_PHASES], it_day_racks[SIM_MAX_PHASES], p;
	double	hour0;
	struct it_load it_day[SIM_IT_CACHE];
	int	same_racks, it_day_ok = 0, day_hit, whole;
	struct pmemo *mm;
	struct pmemo_key dk;
	struct plant_result cur;
	struct wx_point wx0;
	unsigned char fpbuf[PMEMO_BLOB_MAX], valbuf[PMEMO_BLOB_MAX];
	struct bytes fp = { fpbuf, 0, 0, 0 }, val;
	size_t	vlen;
	int	day, eday, minute, rc, steps_per_day, k;
	double	left;
	size_t	i, np = s->it.nphases < SIM_MAX_PHASES ? s->it.nphases : SIM_MAX_PHASES;

	memset(u, 0, sizeof *u);
	u->tdb_max = u->twb_max = -INFINITY;
	memset(&st, 0, sizeof st);
	steps_per_day = (int)(86400 / o->step_s + 0.5);
	p = site_pressure(s);
	memset(hours_used, 0, sizeof hours_used);
	dispatch_batt_init(s, batt_e);
	/* the site's memo keeps the steps' air and plant a day at a time
	 * (pmemo.h) */
	mm = s->plant_memo;
	if (mm != NULL && (o->to_day < o->from_day ||
	    !pmemo_sim_fits(mm, (size_t)(o->to_day - o->from_day + 1) *
	    (size_t)steps_per_day, (size_t)(o->to_day - o->from_day + 1))))
		mm = NULL;
	/* and whole days, with a day sink in a day group */
	whole = mm != NULL && ds != NULL && s->day_group != 0;
	for (day = o->from_day; day <= o->to_day; day++) {
		size_t	dslot = (size_t)(day - o->from_day);
		int	day_fp = 0;

		/* permit hours count per calendar year */
		date_to_ymd(day, &y, &m, &dd);
		if (y != year) {
			memset(hours_used, 0, sizeof hours_used);
			year = y;
		}
		eday = o->equip_day != 0 ? o->equip_day : day;
		hour0 = 0;
		left = o->gpu_limit;
		for (i = 0; i < np; i++) {
			racks[i] = o->full_fleet ? s->it.phases[i].racks :
			    (double)schedule_phase_racks(&s->it.phases[i], day,
			    DEPLOY_ONLINE);
			/* spares beyond the GPU limit stay off, phases fill in order */
			if (o->gpu_limit > 0 && s->it.phases[i].gpus_per_rack > 0) {
				double	gpr = s->it.phases[i].gpus_per_rack;

				if (racks[i] * gpr > left)
					racks[i] = left / gpr;
				left -= racks[i] * gpr;
			}
		}
		/* the day from the memo: everything its steps depend on within
		 * the memo's group (the air follows from the day) */
		day_hit = 0;
		if (mm != NULL) {
			pmemo_key_init(&dk, PMEMO_SIM_DAY, s->plant_group);
			pmemo_key_i(&dk, (int64_t)(uint32_t)day | (int64_t)(uint32_t)eday << 32);
			pmemo_key_d(&dk, o->step_s);
			for (i = 0; i < np; i++)
				pmemo_key_d(&dk, racks[i]);
			day_hit = pmemo_day_held(mm, dslot, &dk);
			if (!day_hit)
				pmemo_day_drop(mm, dslot);
		}
		if (ds != NULL)
			ds->begin(ds->arg, day);
		/* which units are on site changes daily, so does the grid; the
		 * units' derated output at the first step's dry-bulb (then at
		 * every step's) */
		if (day_hit)
			wx0 = ((struct sim_slot *)pmemo_step_slot(mm,
			    (size_t)st.index))->wx;
		else {
			hour0 = sim_hour_of_year(day, 0);
			weather_step(w, hour0, o->step_s / 3600, &wx0);
		}
		if (dispatch_in_fill(s, eday, wx0.tdb, gens, batts, &din) != 0)
			return -1;
		if (ds != NULL)
			memset(ds->acc, 0, ds->acc_n * sizeof *ds->acc);
		/* the whole day from the memo */
		if (whole) {
			fp = (struct bytes){ fpbuf, 0, sizeof fpbuf, 0 };
			day_fp = day_fingerprint(&fp, s, &dk, &din, gens, batts,
			    batt_e, hours_used, ds, day) == 0;
			/* decoded apart, so that a value that does not decode
			 * (never, with the fingerprint's group counts) leaves the
			 * state as it was */
			if (day_fp && pmemo_blob_get(mm, fpbuf, fp.n, valbuf,
			    sizeof valbuf, &vlen)) {
				if (day_unvalue(valbuf, vlen, &dsum, din.ngen, din.nbatt,
				    e_end, h_end, ds) == 0) {
					memcpy(batt_e, e_end, (size_t)din.nbatt *
					    sizeof *batt_e);
					memcpy(hours_used, h_end, (size_t)din.ngen *
					    sizeof *hours_used);
					day_merge(u, &dsum, din.ngen, day);
					ds->end(ds->arg, ds->acc, day);
					st.index += steps_per_day;
					continue;
				}
				memset(ds->acc, 0, ds->acc_n * sizeof *ds->acc);
			}
		}
		/* the day's steps: their groups checked and in merit order */
		if (dispatch_prepare(&din) != 0)
			return -1;
		if (!day_hit)
			plant_cfg_init(&cfg, s, eday);
		same_racks = it_day_ok && steps_per_day <= SIM_IT_CACHE &&
		    memcmp(racks, it_day_racks, np * sizeof *racks) == 0;
		day_init(&dsum);
		for (k = 0; k < steps_per_day; k++) {
			struct sim_slot *slot = mm != NULL ?
			    pmemo_step_slot(mm, (size_t)st.index) : NULL;

			minute = (int)(k * o->step_s / 60);
			st.day = day;
			st.minute = minute;
			st.util = workload_util(s, minute);
			if (day_hit) {
				st.wx = slot->wx;
				st.plant = &slot->plant;
				st.outside_class = slot->outside_class;
				goto dispatch;
			}
			/* the step's weather as EnergyPlus reads it: the hour's own
			 * record for hourly steps, interpolated within the hour */
			if (k == 0)
				st.wx = wx0;
			else
				weather_step(w, hour0 + minute / 60.0, o->step_s / 3600,
				    &st.wx);
			/* the fleet changes once a day; the load within the day only
			 * with a non-constant profile */
			if (k == 0 || s->it.profile != PROFILE_CONSTANT) {
				/* the same racks as the day the loads were kept:
				 * the same load at the same minute */
				if (same_racks && k < SIM_IT_CACHE)
					it = it_day[k];
				else {
					it_load_eval(s, racks, st.util,
					    s->it.gpu_power_cap, &it);
					if (k < SIM_IT_CACHE)
						it_day[k] = it;
				}
			}
			if (plant_eval_fresh(&cfg, &it, st.wx.tdb, fmin(st.wx.twb, st.wx.tdb),
			    st.wx.p > 0 ? st.wx.p : p, &cur) != 0)
				return -1;
			st.plant = &cur;
			st.outside_class = outside_class(s, &cur);
			if (slot != NULL) {
				slot->wx = st.wx;
				slot->plant = cur;
				slot->outside_class = st.outside_class;
			}
dispatch:
			if (k > 0)
				for (g = 0; g < din.ngen; g++) {
					int	h;

					if (gens[g].model == NULL)
						continue;
					/* groups of one model derate alike */
					for (h = 0; h < g; h++)
						if (gens[h].model == gens[g].model)
							break;
					gens[g].avail_w = h < g ? gens[h].avail_w :
					    generator_available(gens[g].model,
					    st.wx.tdb);
				}
			din.demand_w = st.plant->facility_w;
			st.grid_cap_w = din.grid_w;
			st.gen_cap_w = 0;
			for (g = 0; g < din.ngen; g++)
				if (gens[g].model != NULL) {
					/* the most units allowed at once; the hours
					 * budget is an energy limit, not capacity */
					int	nu = gens[g].units;

					if (gens[g].max_running > 0 &&
					    nu > gens[g].max_running)
						nu = gens[g].max_running;
					st.gen_cap_w += nu * gens[g].avail_w;
				}
			din.dt = o->step_s;
			for (g = 0; g < din.ngen; g++)
				gens[g].hours_used_s = hours_used[g];
			if (dispatch_step(&din, batt_e, &st.disp) != 0)
				return -1;
			batt_cap = 0;
			st.batt_soc = 0;
			for (g = 0; g < din.nbatt && g < DISPATCH_MAX_GROUPS; g++)
				if (batts[g].model != NULL && batts[g].count > 0) {
					batt_cap += batts[g].count * batts[g].model->energy_j;
					st.batt_soc += batt_e[g];
				}
			st.batt_soc = batt_cap > 0 ? st.batt_soc / batt_cap : 0;
			for (g = 0; g < din.ngen; g++) {
				hours_used[g] += st.disp.unit_s[g];
				dsum.gen_unit_s[g] += st.disp.unit_s[g];
				dsum.gen_nox_kg[g] += st.disp.nox_group_kg[g];
				if (st.disp.units_running[g] > dsum.gen_max_running[g])
					dsum.gen_max_running[g] = st.disp.units_running[g];
			}
			accumulate(&dsum, &st, o->step_s);
			if (ds != NULL)
				ds->step(ds->arg, ds->acc, &st);
			else if (sink != NULL && (rc = sink(arg, &st)) != 0)
				return rc;
			st.index++;
		}
		if (!day_hit && steps_per_day <= SIM_IT_CACHE) {
			memcpy(it_day_racks, racks, np * sizeof *racks);
			it_day_ok = 1;
		}
		if (mm != NULL && !day_hit)
			pmemo_day_keep(mm, dslot, &dk);
		if (day_fp) {
			val = (struct bytes){ valbuf, 0, sizeof valbuf, 0 };
			if (day_value(&val, &dsum, din.ngen, din.nbatt, batt_e,
			    hours_used, ds) == 0)
				pmemo_blob_put(mm, fpbuf, fp.n, valbuf, val.n);
		}
		day_merge(u, &dsum, din.ngen, day);
		if (ds != NULL)
			ds->end(ds->arg, ds->acc, day);
	}
	return 0;
}
