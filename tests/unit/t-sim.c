/*
 * t-sim.c - sim_run on examples/colossus-memphis.yaml.  A sink checks every step
 * (supply dispatch energy balance against the plant's facility power, how facility
 * power splits, signs, battery state of charge, PUE, the step sequence) and
 * recomputes the summary, which must then equal sim_run's.  Also the site's
 * built-in climate through site_weather(): monthly normals, design days, pressure.
 *
 * The site is read from $top_srcdir (set by 'make check'; default ".").
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "date.h"
#include "diag.h"
#include "plant.h"
#include "sim.h"
#include "site.h"
#include "site_load.h"
#include "site_weather.h"
#include "weather.h"
#include "tap.h"

#define BAL_TOL	1e-6	/* relative, dispatch energy balance */
#define SUM_TOL	1e-9	/* relative, summary vs the sums of the steps */

/* What the sink sees and recomputes. */
struct chk {
	const struct sim_opts *o;
	long	n;			/* steps seen */
	long	stop_at;		/* return 5 at this step (-1: never) */
	/* failures per property, and the first of each */
	long	bad_seq, bad_finite, bad_sign, bad_bal, bad_split, bad_soc, bad_pue;
	long	bad_water, bad_wx;
	char	first[9][160];
	/* sums */
	double	e_it, e_fac, e_ch, e_tw, e_dc, e_crah, e_pumps, e_cdu, e_loss;
	double	e_grid, e_gen, e_bout, e_bin, e_unserved;
	double	water, evap, drift, blowdown, hours, mode_h[3], unmet_h;
	double	peak_w;
	int	peak_day, peak_minute;
	double	day_water, peak_day_water;
	int	cur_day, peak_water_day;
	double	soc_min, soc_max;
};

static void
chk_fail(struct chk *c, long *count, int which, const struct sim_step *st,
    const char *what, double a, double b)
{
	if ((*count)++ == 0)
		snprintf(c->first[which], sizeof c->first[which],
		    "step %ld (day %d, minute %d): %s: %.12g vs %.12g", st->index, st->day,
		    st->minute, what, a, b);
}

static void
chk_diag(const struct chk *c, int which, long count)
{
	if (count > 0)
		printf("#   %ld steps fail; first: %s\n", count, c->first[which]);
}

static int
all_finite(const double *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (!isfinite(v[i]))
			return 0;
	return 1;
}

static int
sink_check(void *arg, const struct sim_step *st)
{
	struct chk *c = arg;
	const struct plant_result *r = st->plant;
	const struct dispatch_out *d = &st->disp;
	double	dt = c->o->step_s, h = dt / 3600;
	int	spd = (int)(86400 / dt + 0.5), k = (int)(c->n % spd);
	double	demand = r->facility_w, lhs, rhs, parts, mech;
	double	pw[] = { r->chiller_w, r->tower_fan_w, r->drycooler_fan_w, r->crah_fan_w,
		    r->chw_pump_w, r->cw_pump_w, r->fw_pump_w, r->cdu_pump_w,
		    r->pdu_loss_w, r->ups_loss_w, r->xfmr_loss_w, r->it.it_w,
		    r->facility_w, r->unmet_w, r->water, r->evap, r->drift, r->blowdown,
		    d->grid_w, d->gen_w, d->batt_discharge_w, d->batt_charge_w,
		    d->unserved_w, d->curtailed_w, d->fuel_j, d->co2_kg, d->nox_kg };
	double	wx[] = { st->wx.tdb, st->wx.twb, st->wx.tdp, st->wx.rh, st->wx.w,
		    st->wx.p, st->util, st->batt_soc, r->pue, r->mech_w };
	size_t	i, npw = sizeof pw / sizeof pw[0];

	/* the sequence: index, day and minute of the k-th step of the day */
	if (st->index != c->n)
		chk_fail(c, &c->bad_seq, 0, st, "index", (double)st->index, (double)c->n);
	else if (st->day != c->o->from_day + (int)(c->n / spd))
		chk_fail(c, &c->bad_seq, 0, st, "day", st->day,
		    c->o->from_day + (double)(c->n / spd));
	else if (st->minute != (int)(k * dt / 60))
		chk_fail(c, &c->bad_seq, 0, st, "minute", st->minute, k * dt / 60);

	if (!all_finite(pw, npw) || !all_finite(wx, sizeof wx / sizeof wx[0]))
		chk_fail(c, &c->bad_finite, 1, st, "a value is not finite", NAN, NAN);

	/* every power, water, fuel and emission term >= 0 */
	for (i = 0; i < npw; i++)
		if (!(pw[i] >= 0)) {
			chk_fail(c, &c->bad_sign, 2, st, "negative term (index, value)",
			    (double)i, pw[i]);
			break;
		}

	/* dispatch.h: grid + gen + discharge = demand - unserved + charge, and the
	 * demand is the plant's facility power at the feed */
	lhs = d->grid_w + d->gen_w + d->batt_discharge_w;
	rhs = demand - d->unserved_w + d->batt_charge_w;
	if (!(fabs(lhs - rhs) <= BAL_TOL * fmax(fabs(demand), 1)))
		chk_fail(c, &c->bad_bal, 3, st, "grid+gen+discharge vs demand-unserved+"
		    "charge", lhs, rhs);

	/* facility power = IT + cooling + electrical losses; cooling = its parts */
	mech = r->chiller_w + r->tower_fan_w + r->drycooler_fan_w + r->crah_fan_w +
	    r->chw_pump_w + r->cw_pump_w + r->fw_pump_w + r->cdu_pump_w;
	parts = r->it.it_w + mech + r->pdu_loss_w + r->ups_loss_w + r->xfmr_loss_w;
	if (!(fabs(r->mech_w - mech) <= 1e-9 * fmax(mech, 1)))
		chk_fail(c, &c->bad_split, 4, st, "mech_w vs its parts", r->mech_w, mech);
	else if (!(fabs(r->facility_w - parts) <= 1e-9 * fmax(parts, 1)))
		chk_fail(c, &c->bad_split, 4, st, "facility vs IT+cooling+losses",
		    r->facility_w, parts);

	if (!(st->batt_soc >= 0 && st->batt_soc <= 1))
		chk_fail(c, &c->bad_soc, 5, st, "battery SOC", st->batt_soc, 0);

	if (r->it.it_w > 0 && !(r->pue >= 1 &&
	    fabs(r->pue - r->facility_w / r->it.it_w) <= 1e-12 * r->pue))
		chk_fail(c, &c->bad_pue, 6, st, "PUE vs facility / IT", r->pue,
		    r->facility_w / r->it.it_w);

	/* towers only (no adiabatic dry coolers here): make-up = evap + drift + blowdown */
	if (!(fabs(r->water - (r->evap + r->drift + r->blowdown)) <= 1e-12 +
	    1e-9 * r->water))
		chk_fail(c, &c->bad_water, 7, st, "water vs evap+drift+blowdown", r->water,
		    r->evap + r->drift + r->blowdown);

	if (!(st->wx.twb <= st->wx.tdb + 1e-9 && st->wx.tdp <= st->wx.tdb + 1e-9 &&
	    st->util > 0 && st->util <= 1 && r->mode >= MODE_FREE &&
	    r->mode <= MODE_MECHANICAL))
		chk_fail(c, &c->bad_wx, 8, st, "twb/tdp above tdb, util or mode out of range",
		    st->wx.twb, st->wx.tdb);

	/* the summary, recomputed */
	c->e_it += r->it.it_w * dt;
	c->e_fac += r->facility_w * dt;
	c->e_ch += r->chiller_w * dt;
	c->e_tw += r->tower_fan_w * dt;
	c->e_dc += r->drycooler_fan_w * dt;
	c->e_crah += r->crah_fan_w * dt;
	c->e_pumps += (r->chw_pump_w + r->cw_pump_w + r->fw_pump_w) * dt;
	c->e_cdu += r->cdu_pump_w * dt;
	c->e_loss += (r->pdu_loss_w + r->ups_loss_w + r->xfmr_loss_w) * dt;
	c->e_grid += d->grid_w * dt;
	c->e_gen += d->gen_w * dt;
	c->e_bout += d->batt_discharge_w * dt;
	c->e_bin += d->batt_charge_w * dt;
	c->e_unserved += d->unserved_w * dt;
	c->water += r->water * dt;
	c->evap += r->evap * dt;
	c->drift += r->drift * dt;
	c->blowdown += r->blowdown * dt;
	c->hours += h;
	c->mode_h[r->mode] += h;
	if (r->unmet_w > 0)
		c->unmet_h += h;
	if (r->facility_w > c->peak_w) {
		c->peak_w = r->facility_w;
		c->peak_day = st->day;
		c->peak_minute = st->minute;
	}
	if (c->n == 0 || st->day != c->cur_day) {
		c->cur_day = st->day;
		c->day_water = 0;
	}
	c->day_water += r->water * dt;
	if (c->day_water > c->peak_day_water) {
		c->peak_day_water = c->day_water;
		c->peak_water_day = st->day;
	}
	if (c->n == 0 || st->batt_soc < c->soc_min)
		c->soc_min = st->batt_soc;
	if (c->n == 0 || st->batt_soc > c->soc_max)
		c->soc_max = st->batt_soc;
	if (c->n++ == c->stop_at)
		return 5;
	return 0;
}

static int
load(const char *srcdir, const char *const *sets, size_t nsets, struct site *s)
{
	struct site_opts so;
	struct diags d;
	char	path[1024], models[1024];
	int	rc;

	snprintf(path, sizeof path, "%s/examples/colossus-memphis.yaml", srcdir);
	snprintf(models, sizeof models, "%s/models", srcdir);
	memset(&so, 0, sizeof so);
	const char *dirs[1] = { models };

	so.model_dirs = dirs;
	so.n_model_dirs = 1;
	so.sets = sets;
	so.nsets = nsets;
	memset(&d, 0, sizeof d);
	rc = site_load(path, &so, s, &d);
	if (rc != 0)
		diags_print(&d, stdout);
	diags_release(&d);
	return rc;
}

/* One sim_run with the checking sink; every per-step property and the summary. */
static void
check_run(const char *what, const struct site *s, const struct weather *w,
    const struct sim_opts *o, struct chk *c, struct sim_summary *u)
{
	int	rc, spd = (int)(86400 / o->step_s + 0.5);
	long	want = (long)(o->to_day - o->from_day + 1) * spd;

	memset(c, 0, sizeof *c);
	c->o = o;
	c->stop_at = -1;
	rc = sim_run(s, w, o, sink_check, c, u);
	is_int(rc, 0, "%s: sim_run succeeds", what);
	is_int(c->n, want, "%s: %d days x %d steps reach the sink", what,
	    o->to_day - o->from_day + 1, spd);
	is_int(u->steps, want, "%s: summary counts the steps", what);
	is_int(u->days, o->to_day - o->from_day + 1, "%s: summary counts the days", what);

	ok(c->bad_seq == 0, "%s: index, day and minute step in order", what);
	chk_diag(c, 0, c->bad_seq);
	ok(c->bad_finite == 0, "%s: every value finite at every step", what);
	chk_diag(c, 1, c->bad_finite);
	ok(c->bad_sign == 0, "%s: every power, water and supply term >= 0", what);
	chk_diag(c, 2, c->bad_sign);
	ok(c->bad_bal == 0, "%s: grid + gen + discharge = facility - unserved + charge "
	    "at every step", what);
	chk_diag(c, 3, c->bad_bal);
	ok(c->bad_split == 0, "%s: facility = IT + cooling + electrical losses", what);
	chk_diag(c, 4, c->bad_split);
	ok(c->bad_soc == 0, "%s: battery SOC within 0..1 (seen %.4f..%.4f)", what,
	    c->soc_min, c->soc_max);
	chk_diag(c, 5, c->bad_soc);
	ok(c->bad_pue == 0, "%s: PUE >= 1 and = facility / IT wherever IT > 0", what);
	chk_diag(c, 6, c->bad_pue);
	ok(c->bad_water == 0, "%s: make-up water = evaporation + drift + blowdown", what);
	chk_diag(c, 7, c->bad_water);
	ok(c->bad_wx == 0, "%s: twb, tdp <= tdb; 0 < util <= 1; a known mode", what);
	chk_diag(c, 8, c->bad_wx);

	is_rel(u->hours, c->hours, SUM_TOL, "%s: hours", what);
	is_rel(u->hours, want * o->step_s / 3600, SUM_TOL, "%s: hours = steps x step",
	    what);
	is_rel(u->mode_hours[MODE_FREE] + u->mode_hours[MODE_PARTIAL] +
	    u->mode_hours[MODE_MECHANICAL], u->hours, SUM_TOL,
	    "%s: FC + PMC + FMC hours = all hours", what);
	is_rel(u->mode_hours[MODE_FREE], c->mode_h[MODE_FREE], SUM_TOL, "%s: FC hours",
	    what);
	is_rel(u->mode_hours[MODE_PARTIAL], c->mode_h[MODE_PARTIAL], SUM_TOL,
	    "%s: PMC hours", what);
	is_rel(u->mode_hours[MODE_MECHANICAL], c->mode_h[MODE_MECHANICAL], SUM_TOL,
	    "%s: FMC hours", what);
	is_rel(u->unmet_hours, c->unmet_h, SUM_TOL, "%s: hours with unmet cooling", what);
	is_rel(u->e_it, c->e_it, SUM_TOL, "%s: IT energy = sum of steps", what);
	is_rel(u->e_facility, c->e_fac, SUM_TOL, "%s: facility energy = sum of steps",
	    what);
	is_rel(u->e_chiller, c->e_ch, SUM_TOL, "%s: chiller energy", what);
	is_rel(u->e_tower_fan, c->e_tw, SUM_TOL, "%s: tower fan energy", what);
	is_rel(u->e_drycooler_fan, c->e_dc, SUM_TOL, "%s: dry-cooler fan energy", what);
	is_rel(u->e_crah, c->e_crah, SUM_TOL, "%s: air handler energy", what);
	is_rel(u->e_pumps, c->e_pumps, SUM_TOL, "%s: pump energy", what);
	is_rel(u->e_cdu, c->e_cdu, SUM_TOL, "%s: CDU pump energy", what);
	is_rel(u->e_elec_loss, c->e_loss, SUM_TOL, "%s: electrical loss energy", what);
	is_rel(u->e_facility, u->e_it + u->e_chiller + u->e_tower_fan +
	    u->e_drycooler_fan + u->e_crah + u->e_pumps + u->e_cdu + u->e_elec_loss,
	    SUM_TOL, "%s: facility energy = IT + cooling + losses", what);
	is_rel(u->e_grid, c->e_grid, SUM_TOL, "%s: grid energy", what);
	is_rel(u->e_gen, c->e_gen, SUM_TOL, "%s: generated energy", what);
	is_rel(u->e_batt_out, c->e_bout, SUM_TOL, "%s: battery discharge energy", what);
	is_rel(u->e_batt_in, c->e_bin, SUM_TOL, "%s: battery charge energy", what);
	is_rel(u->e_unserved, c->e_unserved, SUM_TOL, "%s: unserved energy", what);
	is_rel(u->e_grid + u->e_gen + u->e_batt_out, u->e_facility - u->e_unserved +
	    u->e_batt_in, BAL_TOL, "%s: energy balance over the run", what);
	is_rel(u->water_m3, c->water, SUM_TOL, "%s: water = sum of steps", what);
	is_rel(u->evap_m3, c->evap, SUM_TOL, "%s: evaporation", what);
	is_rel(u->drift_m3, c->drift, SUM_TOL, "%s: drift", what);
	is_rel(u->blowdown_m3, c->blowdown, SUM_TOL, "%s: blowdown", what);
	is_rel(u->water_peak_day_m3, c->peak_day_water, SUM_TOL, "%s: peak day water",
	    what);
	is_int(u->water_peak_day, c->peak_water_day, "%s: the peak water day", what);
	is_rel(u->peak_facility_w, c->peak_w, SUM_TOL, "%s: peak facility power", what);
	is_int(u->peak_day * 1440L + u->peak_minute, c->peak_day * 1440L +
	    c->peak_minute, "%s: time of the peak (first step at the maximum)", what);
}

/* Monthly means of the daily max and min of the hourly dry-bulb. */
static void
month_means(const struct weather *w, double hi[12], double lo[12])
{
	static const int mlen[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int	m, d, h, day = 0;

	for (m = 0; m < 12; m++) {
		hi[m] = lo[m] = 0;
		for (d = 0; d < mlen[m]; d++, day++) {
			double	mx = -INFINITY, mn = INFINITY;

			for (h = 0; h < 24; h++) {
				mx = fmax(mx, w->tdb[day * 24 + h]);
				mn = fmin(mn, w->tdb[day * 24 + h]);
			}
			hi[m] += mx / mlen[m];
			lo[m] += mn / mlen[m];
		}
	}
}

static double
fahrenheit(double f)
{
	return (f - 32) * 5 / 9;
}

/* The site's built-in climate: normals, design days and pressure reach the
 * weather year. */
static void
check_climate(const struct site *s)
{
	/* the Memphis example's normals, degF, as written in the site file */
	static const double hi_f[12] = { 50.7, 55.3, 64.4, 73.6, 81.7, 88.9, 91.7, 91.5,
	    85.7, 75.0, 62.7, 53.5 };
	static const double lo_f[12] = { 33.0, 36.6, 44.2, 53.2, 62.4, 70.4, 73.6, 72.6,
	    65.7, 54.0, 43.3, 35.9 };
	struct weather w;
	char	err[512];
	double	hi[12], lo[12], ehi = 0, elo = 0;
	int	m, rc, mhi = 0, mlo = 0;
	size_t	k, nhot = 0, nwet = 0;

	rc = site_weather(s, &w, err, sizeof err);
	is_int(rc, 0, "site_weather: the built-in climate loads");
	if (rc != 0) {
		printf("#   %s\n", err);
		return;
	}
	is_int(w.n, WEATHER_HOURS, "built-in: 8760 hours");
	ok(strstr(w.source, "built-in") != NULL, "built-in: source '%s'", w.source);
	month_means(&w, hi, lo);
	for (m = 0; m < 12; m++) {
		if (fabs(hi[m] - fahrenheit(hi_f[m])) > ehi) {
			ehi = fabs(hi[m] - fahrenheit(hi_f[m]));
			mhi = m;
		}
		if (fabs(lo[m] - fahrenheit(lo_f[m])) > elo) {
			elo = fabs(lo[m] - fahrenheit(lo_f[m]));
			mlo = m;
		}
	}
	ok(ehi <= 0.1, "built-in: monthly means of the daily highs within 0.1 K of the "
	    "normals (worst %.3f K, month %d)", ehi, mhi + 1);
	ok(elo <= 0.1, "built-in: monthly means of the daily lows within 0.1 K of the "
	    "normals (worst %.3f K, month %d)", elo, mlo + 1);
	/* July: (91.7 + 73.6) / 2 = 82.65 degF = (82.65 - 32) x 5 / 9 = 28.139 degC */
	is_abs((hi[6] + lo[6]) / 2, fahrenheit((91.7 + 73.6) / 2), 0.1,
	    "built-in: July mean of high and low 82.65 degF = 28.14 degC");

	/* climate.c: the 21st of the hottest month (July: 91.7 degF is the highest
	 * normal) peaks at the 0.4 % cooling pair, the 22nd at the evaporation pair,
	 * both at hour ending 14 (ASHRAE fraction 0).  Jul 21 = day 31 + 28 + 31 + 30 +
	 * 31 + 30 + 20 = 201 (0-based), row 201 * 24 + 13 = 4837; Jul 22: 4861. */
	is_abs(w.tdb[4837], 35.6, 1e-9, "design day Jul 21 14:00: dry-bulb 35.6 degC");
	is_abs(w.twb[4837], 25.2, 0.01, "design day Jul 21 14:00: wet-bulb 25.2 degC");
	is_abs(w.tdb[4861], 32.8, 1e-9, "design day Jul 22 14:00: dry-bulb 32.8 degC");
	is_abs(w.twb[4861], 26.8, 0.01, "design day Jul 22 14:00: wet-bulb 26.8 degC");
	/* ASHRAE HOF 2009 ch. 14: the 0.4 % values are met or exceeded in 0.4 %
	 * of 8760 h = 35 h; climate.c solves its day-to-day spreads for >= 35. */
	for (k = 0; k < w.n; k++) {
		nhot += w.tdb[k] >= 35.6;
		nwet += w.twb[k] >= 26.8;
	}
	ok(nhot >= 35 && nhot <= 38, "built-in: %zu hours at or above the 0.4 %% "
	    "dry-bulb (35 due)", nhot);
	ok(nwet >= 35 && nwet <= 38, "built-in: %zu hours at or above the 0.4 %% "
	    "evaporation wet-bulb (35 due)", nwet);
	/* ASHRAE HOF 2017 ch. 1 eq. 3 at 79 m: 101325 (1 - 2.25577e-5 x 79)^5.2559
	 * = 100379.55 Pa (python3) */
	is_rel(w.p[0], 100379.55, 1e-6, "built-in: pressure at the 79 m elevation");
	is_rel(w.p[4837], 100379.55, 1e-6, "built-in: pressure is constant");
	is_abs(w.design.cool_db, 35.6, 1e-12, "site design: cooling dry-bulb");
	is_abs(w.design.evap_wb, 26.8, 1e-12, "site design: evaporation wet-bulb");
	weather_release(&w);
}

int
main(void)
{
	/* a 120 MW grid in June 2025 leaves ~20 MW for the batteries to shave */
	static const char *const peak_shave[] = { "power.dispatch.policy=peak-shave",
	    "power.grid.feeds[0].steps[1].capacity=120MW" };
	/* the example runs on the real Memphis year; its normals make the fallback */
	static const char *const builtin[] = { "climate.source=builtin" };
	const char *srcdir = getenv("top_srcdir");
	struct site s, ps;
	struct weather w;
	struct sim_opts o, o2;
	struct sim_summary u, u2;
	struct chk c, c2;
	char	err[512];
	int	rc;

	gsl_set_error_handler_off();
	if (srcdir == NULL || *srcdir == '\0')
		srcdir = ".";
	memset(&s, 0, sizeof s);
	rc = load(srcdir, NULL, 0, &s);
	is_int(rc, 0, "site_load examples/colossus-memphis.yaml");
	if (rc != 0) {
		site_release(&s);
		return tap_done();
	}
	{
		struct site sb;

		memset(&sb, 0, sizeof sb);
		rc = load(srcdir, builtin, 1, &sb);
		is_int(rc, 0, "site_load with climate.source=builtin");
		if (rc == 0)
			check_climate(&sb);
		site_release(&sb);
	}
	rc = site_weather(&s, &w, err, sizeof err);
	is_int(rc, 0, "site_weather for the runs");
	if (rc != 0) {
		printf("#   %s\n", err);
		site_release(&s);
		return tap_done();
	}

	/* the last week of the 2024 build: deliveries, turbines and unserved load */
	memset(&o, 0, sizeof o);
	o.from_day = date_from_ymd(2024, 8, 26);
	o.to_day = date_from_ymd(2024, 9, 1);
	o.step_s = 3600;
	check_run("build week, 1 h", &s, &w, &o, &c, &u);
	ok(u.e_gen > 0, "build week: the generators run (%.0f MWh)", u.e_gen / 3.6e9);
	/* on the expected draw the late-August supply (50 MW grid, 35 MW mobile, 5
	 * SMT-130) carries the fleet, as "all 100k online" on 2 Sep 2024 reports */
	is_abs(u.e_unserved, 0, 1e-6, "build week: no load unserved (expected draw)");
	ok(u.peak_it_w > 0, "build week: GPUs online");
	{
		struct sim_opts oj = o;
		struct chk cj;
		struct sim_summary uj;

		/* the last week of July: 8 MW of grid and 35 MW of mobile units (43 MW,
		 * "enough for ~32k H100 with power limits") against 448..616 racks
		 * online uncapped (~29k..39k GPUs): load goes unserved */
		oj.from_day = date_from_ymd(2024, 7, 22);
		oj.to_day = date_from_ymd(2024, 7, 28);
		check_run("late July, 1 h", &s, &w, &oj, &cj, &uj);
		ok(uj.e_unserved > 0, "late July: some load is unserved (%.0f MWh)",
		    uj.e_unserved / 3.6e9);
	}

	/* determinism and re-entrancy: again, and without a sink */
	memset(&u2, 0, sizeof u2);
	rc = sim_run(&s, &w, &o, NULL, NULL, &u2);
	is_int(rc, 0, "sink NULL: sim_run succeeds");
	ok(u2.e_facility == u.e_facility && u2.water_m3 == u.water_m3 &&
	    u2.e_grid == u.e_grid && u2.e_unserved == u.e_unserved &&
	    u2.peak_day == u.peak_day && u2.peak_minute == u.peak_minute &&
	    u2.steps == u.steps, "sink NULL: the same summary, bit for bit");

	/* a sink's non-zero value stops the run and is returned */
	memset(&c2, 0, sizeof c2);
	c2.o = &o;
	c2.stop_at = 10;
	rc = sim_run(&s, &w, &o, sink_check, &c2, &u2);
	is_int(rc, 5, "a sink returning 5 at step 10: sim_run returns 5");
	is_int(c2.n, 11, "... after 11 calls of the sink");

	/* the whole of 2024 (a leap year: 366 days), schedule as planned */
	o.from_day = date_from_ymd(2024, 1, 1);
	o.to_day = date_from_ymd(2024, 12, 31);
	check_run("2024, 1 h", &s, &w, &o, &c, &u);
	is_rel(u.hours, 366 * 24, 1e-12, "2024: 366 x 24 = 8784 hours");

	/* batteries: a week of 2025 under peak-shave, full fleet, 15 min steps */
	memset(&ps, 0, sizeof ps);
	rc = load(srcdir, peak_shave, 2, &ps);
	is_int(rc, 0, "site_load with power.dispatch.policy=peak-shave");
	if (rc == 0) {
		memset(&o2, 0, sizeof o2);
		o2.from_day = date_from_ymd(2025, 6, 1);
		o2.to_day = date_from_ymd(2025, 6, 7);
		o2.step_s = 900;
		o2.full_fleet = 1;
		check_run("peak-shave week, 15 min, full fleet", &ps, &w, &o2, &c, &u);
		is_rel(u.peak_it_w, c.e_it / (u.hours * 3600), 1e-9,
		    "full fleet, constant 100 %% load: IT power constant");
		ok(u.e_batt_out > 0, "peak-shave: the batteries discharge (%.0f MWh)",
		    u.e_batt_out / 3.6e9);
		ok(c.soc_min < c.soc_max, "peak-shave: the state of charge moves "
		    "(%.3f..%.3f)", c.soc_min, c.soc_max);
	}
	site_release(&ps);

	weather_release(&w);
	site_release(&s);
	return tap_done();
}
