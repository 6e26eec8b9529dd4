/*
 * psychro.c - moist-air psychrometrics.
 *
 * Source: ASHRAE Handbook - Fundamentals 2017, chapter 1 ("Psychrometrics"), with
 * the choices made by PsychroLib (github.com/psychrometrics/psychrolib, MIT): the
 * Hyland-Wexler saturation pressure over ice up to the triple point (0.01 degC),
 * the ice form of the wet-bulb equation below 0 degC, and a floor of 1e-7 kg/kg on
 * the humidity ratio before solving for dew point or wet bulb (MIN_HUM_RATIO).
 *
 * Dew point and wet bulb are solved with GSL's Brent solver to 1e-6 K.
 */
#include <math.h>
#include <stddef.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_roots.h>

#include "psychro.h"
#include "roots.h"

/* Validity range of the saturation pressure fits (ASHRAE 2017 ch. 1 eqs. 5, 6). */
#define PSY_TMIN	-100.0
#define PSY_TMAX	200.0
/* Ratio of molar masses of water and dry air (ASHRAE 2017 ch. 1 eq. 20). */
#define PSY_EPS		0.621945
/* Gas constant of dry air, J/kg-K (ASHRAE 2017 ch. 1, as in PsychroLib R_DA_SI). */
#define PSY_RDA		287.042
/* PsychroLib MIN_HUM_RATIO: keeps dew point finite for bone-dry air. */
#define PSY_WMIN	1e-7
/* Temperature tolerance of the root solves, K. */
#define PSY_TOL		1e-6
#define PSY_MAXITER	200

/* Standard atmosphere, ASHRAE 2017 ch. 1 eq. 3 (z in m). */
double
psy_pressure_at_elevation(double z_m)
{
	return 101325.0 * pow(1.0 - 2.25577e-5 * z_m, 5.2559);
}

/*
 * Saturation vapour pressure, Pa: ASHRAE 2017 ch. 1 eq. 5 (over ice, -100..0 degC)
 * and eq. 6 (over liquid water, 0..200 degC); PsychroLib switches at the triple
 * point 0.01 degC.
 */
static double
psy_lnpws(double t)
{
	double T = t + 273.15;

	if (t <= 0.01)
		return -5.6745359e+03 / T + 6.3925247 - 9.677843e-03 * T +
		    6.2215701e-07 * T * T + 2.0747825e-09 * T * T * T -
		    9.484024e-13 * T * T * T * T + 4.1635019 * log(T);
	return -5.8002206e+03 / T + 1.3914993 - 4.8640239e-02 * T +
	    4.1764768e-05 * T * T - 1.4452093e-08 * T * T * T +
	    6.5459673 * log(T);
}

double
psy_pws(double t)
{
	return exp(psy_lnpws(t));
}

/* ASHRAE 2017 ch. 1 eq. 20. */
double
psy_w_from_pw(double pw, double p)
{
	return PSY_EPS * pw / (p - pw);
}

/* ASHRAE 2017 ch. 1 eqs. 20, 22 (pw = RH pws). */
double
psy_w_from_rh(double tdb, double rh, double p)
{
	return psy_w_from_pw(rh * psy_pws(tdb), p);
}

/* ASHRAE 2017 ch. 1 eq. 35 (twb >= 0) and eq. 37 (twb < 0, over ice). */
double
psy_w_from_twb(double tdb, double twb, double p)
{
	double ws = psy_w_from_pw(psy_pws(twb), p);

	if (twb >= 0)
		return ((2501.0 - 2.326 * twb) * ws - 1.006 * (tdb - twb)) /
		    (2501.0 + 1.86 * tdb - 4.186 * twb);
	return ((2830.0 - 0.24 * twb) * ws - 1.006 * (tdb - twb)) /
	    (2830.0 + 1.86 * tdb - 2.1 * twb);
}

/* ASHRAE 2017 ch. 1 eqs. 20, 36: the vapour is saturated at the dew point. */
double
psy_w_from_tdp(double tdp, double p)
{
	return psy_w_from_pw(psy_pws(tdp), p);
}

/* Partial pressure of vapour from W: eq. 20 inverted. */
static double
psy_pw_from_w(double w, double p)
{
	return p * w / (PSY_EPS + w);
}

/* ASHRAE 2017 ch. 1 eqs. 20, 22. */
double
psy_rh_from_w(double tdb, double w, double p)
{
	return psy_pw_from_w(w, p) / psy_pws(tdb);
}

static double
psy_tdp_fn(double t, void *arg)
{
	return psy_lnpws(t) - *(const double *)arg;
}

/*
 * Dew point: solve pws(tdp) = pw (ASHRAE 2017 ch. 1 eq. 36 inverted) on the
 * validity range of the pws fits; ln pws is smooth and monotonic there.
 */
int
psy_tdp_from_w(double w, double p, double *tdp)
{
	double lnpw, flo, fhi;

	if (!(p > 0) || !(w >= 0) || !isfinite(w))
		return -1;
	lnpw = log(psy_pw_from_w(fmax(w, PSY_WMIN), p));
	flo = psy_tdp_fn(PSY_TMIN, &lnpw);
	fhi = psy_tdp_fn(PSY_TMAX, &lnpw);
	if (flo > 0 || fhi < 0)
		return -1;
	if (flo == 0) {
		*tdp = PSY_TMIN;
		return 0;
	}
	if (fhi == 0) {
		*tdp = PSY_TMAX;
		return 0;
	}
	return roots_brent(psy_tdp_fn, &lnpw, PSY_TMIN, PSY_TMAX, PSY_TOL, PSY_MAXITER,
	    tdp, NULL, NULL);
}

struct psy_twb_arg {
	double	tdb, w, p;
};

static double
psy_twb_fn(double twb, void *arg)
{
	const struct psy_twb_arg *a = arg;

	return psy_w_from_twb(a->tdb, twb, a->p) - a->w;
}

/*
 * Wet bulb: solve W(tdb, twb, p) = w (eqs. 35, 37) for twb in [tdp, tdb], as
 * PsychroLib does, but with Brent instead of bisection.
 */
static int
psy_twb_solve(double tdb, double w, double p, double tdp, double *twb)
{
	struct psy_twb_arg a;
	double flo, fhi;

	if (!(p > 0) || !(tdb >= PSY_TMIN && tdb <= PSY_TMAX) || !(w >= 0))
		return -1;
	if (psy_pws(tdb) >= p || psy_rh_from_w(tdb, w, p) > 1.0 + 1e-9)
		return -1;
	a.tdb = tdb;
	a.w = fmax(w, PSY_WMIN);
	a.p = p;
	if (tdp >= tdb) {
		*twb = tdb;
		return 0;
	}
	flo = psy_twb_fn(tdp, &a);
	fhi = psy_twb_fn(tdb, &a);
	if (fhi <= 0) {			/* saturated, within rounding */
		*twb = tdb;
		return 0;
	}
	if (flo >= 0) {
		*twb = tdp;
		return 0;
	}
	return roots_brent(psy_twb_fn, &a, tdp, tdb, PSY_TOL, PSY_MAXITER, twb,
	    NULL, NULL);
}

int
psy_twb_from_w_tdp(double tdb, double w, double p, double tdp, double *twb)
{
	return psy_twb_solve(tdb, w, p, fmin(tdp, tdb), twb);
}

int
psy_twb_from_w(double tdb, double w, double p, double *twb)
{
	double tdp;

	if (psy_tdp_from_w(w, p, &tdp) != 0)
		return -1;
	return psy_twb_solve(tdb, w, p, tdp, twb);
}

/* ASHRAE 2017 ch. 1 eq. 32, converted from kJ/kg to J/kg. */
double
psy_enthalpy(double tdb, double w)
{
	return (1.006 * tdb + w * (2501.0 + 1.86 * tdb)) * 1000.0;
}

/* ASHRAE 2017 ch. 1 eq. 26. */
double
psy_volume(double tdb, double w, double p)
{
	return PSY_RDA * (tdb + 273.15) * (1.0 + 1.607858 * w) / p;
}

/* ASHRAE 2017 ch. 1 eq. 11: rho = (1 + W) / v. */
double
psy_density(double tdb, double w, double p)
{
	return (1.0 + w) / psy_volume(tdb, w, p);
}

/* Saturated air at t: W = Ws(t) (eq. 20 with pw = pws), h by eq. 32. */
double
psy_h_sat(double t, double p)
{
	return psy_enthalpy(t, psy_w_from_pw(psy_pws(t), p));
}

struct psy_hsat_arg {
	double	h, p;
};

static double
psy_hsat_fn(double t, void *arg)
{
	const struct psy_hsat_arg *a = arg;

	return psy_h_sat(t, a->p) - a->h;
}

/* d ln(pws) / dt of psy_lnpws(), 1/K: the same fits differentiated. */
static double
psy_dlnpws(double t)
{
	double T = t + 273.15;

	if (t <= 0.01)
		return 5.6745359e+03 / (T * T) - 9.677843e-03 +
		    2 * 6.2215701e-07 * T + 3 * 2.0747825e-09 * T * T -
		    4 * 9.484024e-13 * T * T * T + 4.1635019 / T;
	return 5.8002206e+03 / (T * T) - 4.8640239e-02 + 2 * 4.1764768e-05 * T -
	    3 * 1.4452093e-08 * T * T + 6.5459673 / T;
}

/*
 * Newton's method on h_sat(t) = h with the derivative of eqs. 20 and 32:
 * dh/dt = 1000 (1.006 + 1.86 Ws + (2501 + 1.86 t) dWs/dt), dWs/dt =
 * eps p pws' / (p - pws)^2, pws' = pws d ln(pws)/dt.  h_sat rises and is
 * convex, so from a start above the root the iterates fall to it without
 * overshooting, and from below the first step lands above it.  The start is
 * 30 degC (tower exit air lies near it).  0 with *t once a step is below
 * 1e-10 K; -1 when the iterate leaves -60..90 degC or the air nears boiling
 * (pws > 0.9 p), or after 40 steps: the caller then solves by bisection.
 */
static int
psy_tsat_newton(double h, double p, double *t)
{
	double	x = 30;
	int	i;

	for (i = 0; i < 40; i++) {
		double	pws = psy_pws(x), ws, dws, f, d, dx;

		if (!(pws <= 0.9 * p) || x < -60 || x > 90)
			return -1;
		ws = PSY_EPS * pws / (p - pws);
		dws = PSY_EPS * p * pws * psy_dlnpws(x) / ((p - pws) * (p - pws));
		f = (1.006 * x + ws * (2501.0 + 1.86 * x)) * 1000.0 - h;
		d = (1.006 + 1.86 * ws + (2501.0 + 1.86 * x) * dws) * 1000.0;
		if (!(d > 0) || !isfinite(f))
			return -1;
		dx = f / d;
		x -= dx;
		if (fabs(dx) <= 1e-10) {
			/* the bracketed solve's span ends at the whole degree
			 * below the pws = 0.9 p point: at p >= 82 kPa above
			 * 91 degC (pws(91) = 72.8 kPa), else test it */
			if (x < -60 || x > 90 || (p < 82000 &&
			    !(psy_pws(ceil(x)) <= 0.9 * p)))
				return -1;
			*t = x;
			return 0;
		}
	}
	return -1;
}

int
psy_tsat_from_h(double h, double p, double *t)
{
	struct psy_hsat_arg a = { h, p };
	double	lo = -60, hi = 100;

	if (!isfinite(h) || !(p > 0))
		return -1;
	/* inside -60..90 degC (below the pws = 0.9 p end wherever p > 78 kPa,
	 * and above -60: the bracket's own checks hold) Newton answers; the
	 * bracketed solve below is the reference and the fallback */
	if (psy_tsat_newton(h, p, t) == 0)
		return 0;
	/* the upper end: pws = 0.9 p keeps W_s finite (W_s = 5.6 there) */
	while (hi > lo && psy_pws(hi) > 0.9 * p)
		hi -= 1;
	if (psy_hsat_fn(lo, &a) > 0 || psy_hsat_fn(hi, &a) < 0)
		return -1;
	return roots_brent(psy_hsat_fn, &a, lo, hi, PSY_TOL, PSY_MAXITER, t, NULL,
	    NULL);
}

static int
psy_temp_ok(double t)
{
	return t >= PSY_TMIN && t <= PSY_TMAX;
}

/* Fill the remaining fields once p, tdb, w and one of twb/tdp are known. */
static int
psy_state_finish(struct psy_state *s)
{
	double rh;

	if (!(s->w >= 0) || !isfinite(s->w))
		return -1;
	rh = psy_rh_from_w(s->tdb, s->w, s->p);
	if (!(rh <= 1.0 + 1e-9))
		return -1;
	s->rh = fmin(rh, 1.0);
	s->h = psy_enthalpy(s->tdb, s->w);
	s->v = psy_volume(s->tdb, s->w, s->p);
	s->rho = psy_density(s->tdb, s->w, s->p);
	return 0;
}

int
psy_state_from_rh(double tdb, double rh, double p, struct psy_state *s)
{
	if (!(p > 0) || !psy_temp_ok(tdb) || !(rh >= 0 && rh <= 1))
		return -1;
	if (rh * psy_pws(tdb) >= p)
		return -1;		/* boiling: no moist air */
	s->p = p;
	s->tdb = tdb;
	s->w = psy_w_from_rh(tdb, rh, p);
	if (psy_tdp_from_w(s->w, p, &s->tdp) != 0)
		return -1;
	s->tdp = fmin(s->tdp, tdb);
	if (psy_twb_solve(tdb, s->w, p, s->tdp, &s->twb) != 0)
		return -1;
	if (psy_state_finish(s) != 0)
		return -1;
	s->rh = rh;
	return 0;
}

int
psy_state_from_twb(double tdb, double twb, double p, struct psy_state *s)
{
	if (!(p > 0) || !psy_temp_ok(tdb) || !psy_temp_ok(twb) || twb > tdb)
		return -1;
	if (psy_pws(twb) >= p)
		return -1;
	s->p = p;
	s->tdb = tdb;
	s->twb = twb;
	s->w = psy_w_from_twb(tdb, twb, p);
	if (!(s->w >= 0))
		return -1;		/* wet bulb too low for this dry bulb */
	if (psy_tdp_from_w(s->w, p, &s->tdp) != 0)
		return -1;
	s->tdp = fmin(s->tdp, tdb);
	return psy_state_finish(s);
}

int
psy_state_from_tdp(double tdb, double tdp, double p, struct psy_state *s)
{
	if (!(p > 0) || !psy_temp_ok(tdb) || !psy_temp_ok(tdp) || tdp > tdb)
		return -1;
	if (psy_pws(tdp) >= p)
		return -1;
	s->p = p;
	s->tdb = tdb;
	s->tdp = tdp;
	s->w = psy_w_from_tdp(tdp, p);
	if (psy_twb_solve(tdb, s->w, p, tdp, &s->twb) != 0)
		return -1;
	return psy_state_finish(s);
}
