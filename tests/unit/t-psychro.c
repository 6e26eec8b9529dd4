/*
 * t-psychro.c - psychrometrics against ASHRAE Handbook - Fundamentals 2017 ch. 1
 * tables (as used by PsychroLib's tests/test_psychrolib_si.py) and against the
 * equations evaluated independently in python3 (bisection, 200 halvings):
 *
 *   def pws(t): T = t + 273.15; (eq. 5 if t <= 0.01 else eq. 6) ...
 *   def wpw(pw, p): return 0.621945 * pw / (p - pw)
 *   def wtwb(tdb, twb, p): eq. 35 / eq. 37 with ws = wpw(pws(twb), p)
 */
#include <math.h>

#include <gsl/gsl_errno.h>

#include "psychro.h"
#include "tap.h"

static void
test_pws(void)
{
	/* ASHRAE 2017 ch. 1 Table 3; ASHRAE claims 300 ppm for the fits. */
	is_rel(psy_pws(-20), 103.24, 3e-4, "pws(-20) = 103.24 Pa (ASHRAE Table 3)");
	is_rel(psy_pws(-5), 401.74, 3e-4, "pws(-5) = 401.74 Pa");
	is_rel(psy_pws(5), 872.6, 3e-4, "pws(5) = 872.6 Pa");
	is_rel(psy_pws(20), 2339.3, 3e-4, "pws(20) = 2339 Pa");
	is_rel(psy_pws(25), 3169.7, 3e-4, "pws(25) = 3169.7 Pa");
	is_rel(psy_pws(50), 12351.3, 3e-4, "pws(50) = 12351.3 Pa");
	is_rel(psy_pws(100), 101418.0, 3e-4, "pws(100) = 101418 Pa");
	is_rel(psy_pws(150), 476101.4, 3e-4, "pws(150) = 476101.4 Pa");
	/* python3: pws(20) from eq. 6 = 2338.8037000739814 */
	is_rel(psy_pws(20), 2338.8037000739814, 1e-12, "pws(20) equals eq. 6");
	/* the two fits nearly agree at the triple point */
	is_rel(psy_pws(0.01), psy_pws(0.0100001), 1e-4, "pws continuous at 0.01 degC");
	ok(psy_pws(-0.5) < psy_pws(0) && psy_pws(0) < psy_pws(0.5),
	    "pws increasing across 0 degC");
}

static void
test_pressure(void)
{
	/* ASHRAE 2017 ch. 1 Table 1 */
	is_abs(psy_pressure_at_elevation(-500), 107478, 1, "p(-500 m) = 107478 Pa");
	is_abs(psy_pressure_at_elevation(0), 101325, 1e-9, "p(0 m) = 101325 Pa");
	is_abs(psy_pressure_at_elevation(500), 95461, 1, "p(500 m) = 95461 Pa");
	is_abs(psy_pressure_at_elevation(1000), 89875, 1, "p(1000 m) = 89875 Pa");
	is_abs(psy_pressure_at_elevation(1500), 84556, 1, "p(1500 m) = 84556 Pa");
	is_abs(psy_pressure_at_elevation(4000), 61640, 1, "p(4000 m) = 61640 Pa");
	is_abs(psy_pressure_at_elevation(10000), 26436, 1, "p(10000 m) = 26436 Pa");
}

static void
test_humidity_ratio(void)
{
	double t, w;

	/* PsychroLib test values (computed in Excel by its authors) */
	is_rel(psy_w_from_pw(3169.7, 95461), 0.0213603998047487, 1e-6,
	    "W from pw at 500 m");
	is_rel(psy_w_from_twb(30, 25, 95461), 0.0192281274241096, 3e-4,
	    "W from twb 30/25 degC at 95461 Pa");
	is_rel(psy_w_from_twb(-1, -5, 95461), 0.00120399819933844, 3e-4,
	    "W from twb -1/-5 degC (ice branch)");
	/* ASHRAE 2017 ch. 1 Table 2, saturation W at 101325 Pa */
	is_rel(psy_w_from_rh(25, 1, 101325), 0.020173, 5e-3, "Ws(25) Table 2");
	is_rel(psy_w_from_rh(5, 1, 101325), 0.005425, 5e-3, "Ws(5) Table 2");
	is_rel(psy_w_from_rh(-20, 1, 101325), 0.0006373, 1e-2, "Ws(-20) Table 2");
	is_rel(psy_w_from_tdp(25, 101325), psy_w_from_rh(25, 1, 101325), 1e-12,
	    "W(tdp) = Ws(tdp)");

	/* round trips twb -> W -> twb to the solver tolerance */
	w = psy_w_from_twb(30, 25, 95461);
	is_int(psy_twb_from_w(30, w, 95461, &t), 0, "twb solve ok");
	is_abs(t, 25, 1e-6, "twb round trip 30/25 degC");
	w = psy_w_from_twb(-1, -5, 95461);
	is_int(psy_twb_from_w(-1, w, 95461, &t), 0, "twb solve ok (ice)");
	is_abs(t, -5, 1e-6, "twb round trip -1/-5 degC");
	w = psy_w_from_twb(45, 22, 84556);
	is_int(psy_twb_from_w(45, w, 84556, &t), 0, "twb solve ok (hot, 1500 m)");
	is_abs(t, 22, 1e-6, "twb round trip 45/22 degC at 1500 m");
	w = psy_w_from_twb(12, 12, 101325);
	is_int(psy_twb_from_w(12, w, 101325, &t), 0, "twb solve ok (saturated)");
	is_abs(t, 12, 1e-6, "twb = tdb when saturated");

	/* dew point round trips (PsychroLib test points) */
	is_int(psy_tdp_from_w(psy_w_from_tdp(-20, 101325), 101325, &t), 0,
	    "tdp solve ok");
	is_abs(t, -20, 1e-6, "tdp round trip -20 degC");
	psy_tdp_from_w(psy_w_from_tdp(5, 101325), 101325, &t);
	is_abs(t, 5, 1e-6, "tdp round trip 5 degC");
	psy_tdp_from_w(psy_w_from_tdp(50, 101325), 101325, &t);
	is_abs(t, 50, 1e-6, "tdp round trip 50 degC");

	/* rh from W */
	w = psy_w_from_rh(25, 0.8, 101325);
	is_rel(psy_rh_from_w(25, w, 101325), 0.8, 1e-12, "rh round trip");

	/* bad inputs */
	is_int(psy_tdp_from_w(-0.001, 101325, &t), -1, "tdp: negative W");
	is_int(psy_tdp_from_w(0.01, 0, &t), -1, "tdp: p = 0");
	is_int(psy_twb_from_w(20, 0.05, 101325, &t), -1, "twb: W above saturation");
	is_int(psy_twb_from_w(20, 0.005, -1, &t), -1, "twb: p < 0");
}

static void
test_properties(void)
{
	/* PsychroLib test values */
	is_rel(psy_enthalpy(30, 0.02), 81316, 3e-4, "h(30 degC, 0.02)");
	is_rel(psy_enthalpy(25, 0), 25148, 3e-4, "dry-air h(25) Table 2");
	is_rel(psy_volume(25, 0, 101325), 0.8443, 1e-3, "dry-air v(25) Table 2");
	is_rel(psy_volume(30, 0.02, 95461), 0.940855374352943, 3e-4, "v(30, 0.02)");
	is_rel(psy_density(30, 0.02, 95461), 1.08411986348219, 3e-4,
	    "rho(30, 0.02)");
	/* by hand: (1.006*20 + 0.01*(2501 + 1.86*20))*1000
	 *   = (20.12 + 25.382)*1000 = 45502 */
	is_rel(psy_enthalpy(20, 0.01), 45502, 1e-12, "h(20, 0.01) by hand");
}

static void
test_states(void)
{
	struct psy_state s, s2;

	/* ASHRAE 2017 ch. 1 Example 1: 40 degC dry bulb, 20 degC wet bulb */
	is_int(psy_state_from_twb(40, 20, 101325, &s), 0, "example 1 state ok");
	is_abs(s.w, 0.0065, 1e-4, "example 1 W = 0.0065");
	is_abs(s.tdp, 7, 0.5, "example 1 tdp = 7 degC");
	is_abs(s.rh, 0.14, 0.01, "example 1 rh = 14 %%");
	is_abs(s.h, 56700, 100, "example 1 h = 56.7 kJ/kg");
	is_rel(s.v, 0.896, 0.01, "example 1 v = 0.896 m3/kg");
	/* python3: w = 0.006400785965030817, tdp = 7.433611018563482,
	 * rh = 0.13979488584320998, h = 56724.584174340365 */
	is_rel(s.w, 0.006400785965030817, 1e-12, "example 1 W (python)");
	is_abs(s.tdp, 7.433611018563482, 1e-6, "example 1 tdp (python)");
	is_rel(s.rh, 0.13979488584320998, 1e-10, "example 1 rh (python)");
	is_rel(s.h, 56724.584174340365, 1e-12, "example 1 h (python)");
	is_rel(s.rho, (1 + s.w) / s.v, 1e-12, "rho = (1 + W) / v");

	/* reverse: from tdp and from rh back to twb = 20 */
	is_int(psy_state_from_tdp(40, s.tdp, 101325, &s2), 0, "from tdp ok");
	is_abs(s2.twb, 20, 1e-5, "example 1 twb from tdp");
	is_int(psy_state_from_rh(40, s.rh, 101325, &s2), 0, "from rh ok");
	is_abs(s2.twb, 20, 1e-5, "example 1 twb from rh");
	is_abs(s2.tdp, s.tdp, 1e-5, "example 1 tdp from rh");

	/* python3: 35 degC, 40 %, 101325 Pa: w = 0.01413165383445261,
	 * twb = 23.934522741153472, tdp = 19.38464909971421 */
	is_int(psy_state_from_rh(35, 0.4, 101325, &s), 0, "35 degC 40 %% ok");
	is_rel(s.w, 0.01413165383445261, 1e-12, "35/40 %% W");
	is_abs(s.twb, 23.934522741153472, 1e-6, "35/40 %% twb");
	is_abs(s.tdp, 19.38464909971421, 1e-6, "35/40 %% tdp");
	is_abs(s.rh, 0.4, 1e-12, "35/40 %% rh kept");

	/* python3: -10 degC, 50 %, 84556 Pa (1500 m): w = 0.0009573188019891706,
	 * twb = -11.867973228606829, tdp = -17.58137174502825 */
	is_int(psy_state_from_rh(-10, 0.5, 84556, &s), 0, "cold state ok");
	is_rel(s.w, 0.0009573188019891706, 1e-12, "cold W");
	is_abs(s.twb, -11.867973228606829, 1e-6, "cold twb (ice branch)");
	is_abs(s.tdp, -17.58137174502825, 1e-6, "cold tdp");

	/* bone-dry air: W floored at 1e-7 for the solves (PsychroLib);
	 * python3: twb(30 degC, W = 1e-7) = 10.530410247732984 */
	is_int(psy_state_from_rh(30, 0, 101325, &s), 0, "rh = 0 ok");
	is_abs(s.w, 0, 1e-15, "rh = 0: W = 0");
	is_abs(s.twb, 10.530410247732984, 1e-6, "rh = 0: twb");
	ok(s.tdp < -60, "rh = 0: very low dew point");

	/* saturated */
	is_int(psy_state_from_rh(15, 1, 101325, &s), 0, "rh = 1 ok");
	is_abs(s.twb, 15, 1e-6, "rh = 1: twb = tdb");
	is_abs(s.tdp, 15, 1e-6, "rh = 1: tdp = tdb");
	is_int(psy_state_from_tdp(15, 15, 101325, &s), 0, "tdp = tdb ok");
	is_abs(s.rh, 1, 1e-12, "tdp = tdb: rh = 1");

	/* non-physical inputs */
	is_int(psy_state_from_rh(20, -0.01, 101325, &s), -1, "rh < 0 rejected");
	is_int(psy_state_from_rh(20, 1.01, 101325, &s), -1, "rh > 1 rejected");
	is_int(psy_state_from_rh(20, 0.5, 0, &s), -1, "p = 0 rejected");
	is_int(psy_state_from_rh(20, 0.5, -5, &s), -1, "p < 0 rejected");
	is_int(psy_state_from_rh(NAN, 0.5, 101325, &s), -1, "NaN rejected");
	is_int(psy_state_from_rh(201, 0.1, 101325, &s), -1, "tdb > 200 rejected");
	is_int(psy_state_from_rh(-101, 0.5, 101325, &s), -1, "tdb < -100 rejected");
	is_int(psy_state_from_twb(20, 21, 101325, &s), -1, "twb > tdb rejected");
	is_int(psy_state_from_twb(40, 5, 101325, &s), -1,
	    "twb too low (W < 0) rejected");
	is_int(psy_state_from_twb(20, -101, 101325, &s), -1,
	    "twb < -100 rejected");
	is_int(psy_state_from_tdp(20, 21, 101325, &s), -1, "tdp > tdb rejected");
	is_int(psy_state_from_tdp(20, -150, 101325, &s), -1,
	    "tdp < -100 rejected");
	is_int(psy_state_from_tdp(20, 10, 0, &s), -1, "tdp: p = 0 rejected");
}

/*
 * Saturated air from its enthalpy (the tower's exit air): h_sat of the answer
 * gives h back within 1e-9 relative (Newton's stop is 1e-10 K), across the
 * tower range, over ice, and at altitude.  By hand at 25 degC, 101325 Pa:
 * pws = 3169.216 Pa (eq. 6), Ws = 0.621945 x 3169.216 / (101325 - 3169.216) =
 * 0.0200811 (eq. 20), h = 1.006 x 25 + 0.0200811 (2501 + 1.86 x 25) = 76.3067
 * kJ/kg (eq. 32), and tsat of it is 25.  Outside the span (below -60 degC,
 * above W_s = 5.6 where pws = 0.9 p: ~15,000 kJ/kg): -1.  Between 90 degC and
 * that end the bracketed solve answers (3,818 kJ/kg at 90 degC).
 */
static void
test_tsat(void)
{
	double	t, worst = 0, p;
	int	bad = 0, n = 0;

	for (p = 60000; p <= 105000; p += 15000)
		for (t = -50; t <= 80; t += 0.7) {
			double	h = psy_h_sat(t, p), x;

			n++;
			if (psy_tsat_from_h(h, p, &x) != 0) {
				bad++;
				continue;
			}
			if (fabs(psy_h_sat(x, p) - h) / fabs(h) > worst && h != 0)
				worst = fabs(psy_h_sat(x, p) - h) / fabs(h);
			if (fabs(x - t) > 1e-8)
				bad++;
		}
	is_int(bad, 0, "tsat: %d states solved to 1e-8 K", n);
	ok(worst < 1e-9, "tsat: h_sat(tsat(h)) = h (worst %.2g)", worst);
	is_rel(psy_h_sat(25, 101325) / 1000, 76.3067, 1e-6, "h_sat(25 degC) = 76.3067 kJ/kg");
	ok(psy_tsat_from_h(psy_h_sat(25, 101325), 101325, &t) == 0 &&
	    fabs(t - 25) < 1e-9, "tsat(h_sat(25 degC)) = 25 degC");
	is_int(psy_tsat_from_h(psy_h_sat(-61, 101325), 101325, &t), -1,
	    "tsat: below -60 degC refused");
	n = psy_tsat_from_h(1e7, 101325, &t);
	ok(n == 0 && t > 90 && fabs(psy_h_sat(t, 101325) - 1e7) < 1e7 * 1e-6,
	    "tsat: 10,000 kJ/kg above 90 degC (%.4f) by the bracketed solve", t);
	is_int(psy_tsat_from_h(2e7, 101325, &t), -1, "tsat: above boiling refused");
	is_int(psy_tsat_from_h(NAN, 101325, &t), -1, "tsat: NaN refused");
}

int
main(void)
{
	gsl_set_error_handler_off();
	test_pws();
	test_pressure();
	test_humidity_ratio();
	test_properties();
	test_states();
	test_tsat();
	return tap_done();
}
