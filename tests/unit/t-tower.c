/*
 * t-tower.c - YorkCalc cooling tower, constant-approach tower and dry cooler
 * (doc/model-reference.md section 2), against hand arithmetic and an independent python3
 * evaluation of the 27-term polynomial written out term by term:
 *
 *   t = [1, w, w*w, r, w*r, w*w*r, r*r, w*r*r, w*w*r*r]
 *   terms = t + [x*lg for x in t] + [x*lg*lg for x in t]
 *   approach = sum(c*x for c, x in zip(C, terms))     # C1..C27 of doc/model-reference.md
 *
 * with inputs clamped (twb -34.4..29.4444, range 1.1111..22.2222, LG 0.75..8)
 * and the result clamped to 1.1111..40 K.  Fan-speed solutions were found in
 * python3 by bisection (200 halvings) on twb + approach(LG = 1/FR) - setpoint.
 */
#include <math.h>

#include <gsl/gsl_errno.h>

#include "tower.h"
#include "tap.h"

static void
test_yorkcalc(void)
{
	/*
	 * Reference condition: 25.6 degC wet bulb, 5.6 K range, LG 1.
	 * python3, grouped by powers of LG:
	 *   sum C1..C9   * (1, w, w^2, r, w r, ...) = -1.004747358117361
	 *   sum C10..C18 * (...)                     =  4.864513783881063
	 *   sum C19..C27 * (...)                     = -0.0036935939816939434
	 *   approach = 3.8560728317820083 K   (EnergyPlus quotes ~3.8 K)
	 */
	is_rel(tower_yorkcalc_approach(25.6, 5.6, 1.0), 3.8560728317820083, 1e-12,
	    "YorkCalc approach at the reference condition");
	is_abs(tower_yorkcalc_approach(25.6, 5.6, 1.0), 3.8, 0.1,
	    "... close to the 3.8 K quoted by EnergyPlus");

	/* input clamping */
	is_rel(tower_yorkcalc_approach(35, 5.6, 1), 3.1336725827716694, 1e-12,
	    "twb 35 clamps to 29.4444");
	is_rel(tower_yorkcalc_approach(-40, 5.6, 1), 28.081629048262116, 1e-12,
	    "twb -40 clamps to -34.4");
	is_rel(tower_yorkcalc_approach(20, 30, 1), 12.51789576713416, 1e-12,
	    "range 30 clamps to 22.2222");
	is_rel(tower_yorkcalc_approach(20, 0.5, 1), 1.4773637340003989, 1e-12,
	    "range 0.5 clamps to 1.1111");
	is_rel(tower_yorkcalc_approach(20, 5, 10), 35.750745551013324, 1e-12,
	    "LG 10 clamps to 8");
	is_rel(tower_yorkcalc_approach(20, 5, 0.3), 3.2298038867883303, 1e-12,
	    "LG 0.3 clamps to 0.75");
	/* output clamping: python3 polynomial gives 0.8269 and 55.96 */
	is_abs(tower_yorkcalc_approach(25, 1.1111, 0.75), 1.1111, 1e-12,
	    "approach 0.83 K clamps to 1.1111");
	is_abs(tower_yorkcalc_approach(0, 10, 6), 40, 1e-12,
	    "approach 56 K clamps to 40");
}

static struct tower_model
tower5(void)
{
	struct tower_model m = {
		.name = "test_tower",
		.method = TOWER_YORKCALC,
		.design_q = 5e6,
		.design_water_flow = 0,		/* 4.3e-8 * 5e6 = 0.215 m3/s */
		.design_fan_power = 30000,
		.min_air_flow_ratio = 0.2,
		.evap_mode = TOWER_EVAP_LOSS_FACTOR,
		.evap_loss_pct_per_k = 0.2,
		.drift_pct = 0.008,
		.cycles = 4,
	};
	return m;
}

static void
test_tower_eval(void)
{
	struct tower_model m = tower5();
	struct tower_op op;
	double range, fr, v = 2 * 0.215;

	/*
	 * Two cells, 8 MW, design flow 2 * 0.215 = 0.43 m3/s:
	 * range = 8e6 / (997 * 4180 * 0.43) = 4.464266282769528 K.
	 * Full fan: approach(20, 4.4643, 1) = 4.238284077703176 -> 24.238 degC.
	 */
	range = 4.464266282769528;
	is_int(tower_eval(&m, 2, 20 + 8, 20, 101325, 8e6, 0, 24, &op), 0, "tower eval ok");
	is_rel(op.range, range, 1e-12, "range = q / (rho cp V)");
	is_int(op.at_capacity, 1, "setpoint 24 unreachable: at capacity");
	is_abs(op.fr_air, 1, 0, "at capacity: full fan");
	is_abs(op.t_out, 24.238284077703176, 1e-9, "at capacity: twb + approach");
	is_abs(op.t_in, op.t_out + range, 1e-12, "t_in = t_out + range");
	is_rel(op.fan_power, 60000, 1e-12, "full fan: 2 x 30 kW");

	/* setpoint 26: python3 bisection FRair = 0.7440268853757357 */
	fr = 0.7440268853757357;
	is_int(tower_eval(&m, 2, 20 + 8, 20, 101325, 8e6, 0, 26, &op), 0, "fan solve ok");
	is_int(op.at_capacity, 0, "setpoint 26 reachable");
	is_abs(op.fr_air, fr, 1e-7, "FRair holding 26 degC");
	is_abs(op.t_out, 26, 1e-7, "leaving water at the setpoint");
	is_rel(op.fan_power, 24712.52590100346, 1e-6, "fan power 60 kW FR^3");

	/*
	 * Water balance at FRair 0.744 (python3):
	 *   evap  = 0.2/100 * 4.4643 K * 0.43 m3/s = 0.003839269003181794
	 *   drift = 0.43 * 0.008/100 * 0.744      = 2.559452485692531e-05
	 *   blow  = evap / (4 - 1) - drift         = 0.001254161809537006
	 */
	is_rel(op.evap, 0.003839269003181794, 1e-12, "evaporation, loss factor");
	is_rel(op.drift, 2.559452485692531e-05, 1e-6, "drift");
	is_rel(op.blowdown, 0.001254161809537006, 1e-7, "blowdown");
	is_rel(op.makeup, op.evap + op.drift + op.blowdown, 1e-15,
	    "makeup = evap + drift + blowdown");
	/* evaporation close to the energy balance q / (rho h_fg) */
	is_rel(op.evap, 8e6 / (997 * 2.43e6), 0.2,
	    "evaporation near q / (rho h_fg)");

	/* cycles of concentration: blowdown = evap / (c - 1) - drift */
	m.cycles = 2;
	tower_eval(&m, 2, 20 + 8, 20, 101325, 8e6, 0, 26, &op);
	is_rel(op.blowdown, 0.003839269003181794 - 2.559452485692531e-05, 1e-7,
	    "cycles 2: blowdown = evap - drift");
	m.cycles = 6;
	tower_eval(&m, 2, 20 + 8, 20, 101325, 8e6, 0, 26, &op);
	is_rel(op.blowdown, 0.003839269003181794 / 5 - 2.559452485692531e-05,
	    1e-7, "cycles 6: blowdown = evap / 5 - drift");
	/* blowdown floor: drift 1 % at full fan = 0.0043 > evap / 9 */
	m.cycles = 10;
	m.drift_pct = 1;
	tower_eval(&m, 2, 20 + 8, 20, 101325, 8e6, 0, 24, &op);
	is_rel(op.drift, 0.0043, 1e-12, "drift 1 %% of 0.43 m3/s at full fan");
	is_abs(op.blowdown, 0, 0, "blowdown floored at 0");
	is_rel(op.makeup, op.evap + op.drift, 1e-15, "makeup = evap + drift");

	/* minimum air flow: setpoint 45 is above twb + approach(FR 0.2) =
	 * 20 + 22.65351807864624; the fan stays at 0.2, water leaves colder */
	m = tower5();
	tower_eval(&m, 2, 20 + 8, 20, 101325, 8e6, 0, 45, &op);
	is_abs(op.fr_air, 0.2, 0, "fan floored at min_air_flow_ratio");
	is_abs(op.t_out, 42.65351807864624, 1e-9, "water leaves below setpoint");
	is_int(op.at_capacity, 0, "not at capacity");
	is_rel(op.fan_power, 60000 * 0.008, 1e-12, "fan 60 kW x 0.2^3");

	/* water flow 1.5 x design: range from the real flow, ratio clamped to
	 * 1.25 in the correlation (LG = 1.25 at full fan).  python3:
	 * range = 2.9761775218463518, approach = 4.021342257852369 */
	tower_eval(&m, 2, 20 + 8, 20, 101325, 8e6, 1.5 * v, 10, &op);
	is_rel(op.range, 2.9761775218463518, 1e-12, "range at 1.5 x flow");
	is_abs(op.approach, 4.021342257852369, 1e-9,
	    "water-flow ratio clamped to 1.25");

	/* explicit design flow per cell overrides the default */
	m.design_water_flow = 0.3;
	tower_eval(&m, 1, 20 + 8, 20, 101325, 5e6, 0, 10, &op);
	is_rel(op.range, 5e6 / (997.0 * 4180.0 * 0.3), 1e-12,
	    "range with a given design flow");

	/* no heat: fans off, no water */
	m = tower5();
	is_int(tower_eval(&m, 2, 20 + 8, 20, 101325, 0, 0, 26, &op), 0, "q = 0 ok");
	is_abs(op.fan_power, 0, 0, "q = 0: no fan");
	is_abs(op.makeup, 0, 0, "q = 0: no water");
	is_abs(op.t_out, 26, 0, "q = 0: t_out = setpoint");

	/* bad input */
	is_int(tower_eval(&m, 0, 20 + 8, 20, 101325, 8e6, 0, 26, &op), -1, "0 cells rejected");
	is_int(tower_eval(&m, 2, NAN + 8, NAN, 101325, 8e6, 0, 26, &op), -1, "NaN twb rejected");
	is_int(tower_eval(&m, 2, 20 + 8, 20, 101325, -1, 0, 26, &op), -1, "q < 0 rejected");
	is_int(tower_eval(&m, 2, 20 + 8, 20, 101325, 8e6, -1, 26, &op), -1,
	    "negative flow rejected");
	is_int(tower_eval(&m, 2, 20 + 8, 20, 101325, 8e6, 0, NAN, &op), -1,
	    "NaN setpoint rejected");
	m.cycles = 1;
	is_int(tower_eval(&m, 2, 20 + 8, 20, 101325, 8e6, 0, 26, &op), -1, "cycles 1 rejected");
	m = tower5();
	m.min_air_flow_ratio = 0;
	is_int(tower_eval(&m, 2, 20 + 8, 20, 101325, 8e6, 0, 26, &op), -1,
	    "min air flow 0 rejected");
}

static void
test_constant_approach(void)
{
	struct tower_model m = tower5();
	struct tower_op op;

	m.method = TOWER_CONSTANT_APPROACH;
	m.const_approach = 4;
	/* 2 cells, 6 MW: FRair = 6 / 10 = 0.6; t_out = 20 + 4 */
	is_int(tower_eval(&m, 2, 20 + 8, 20, 101325, 6e6, 0, 26, &op), 0, "constant approach ok");
	is_abs(op.t_out, 24, 1e-12, "t_out = twb + 4 K");
	is_abs(op.fr_air, 0.6, 1e-12, "FRair = heat per cell / design");
	is_rel(op.fan_power, 60000 * 0.216, 1e-12, "fan 60 kW x 0.6^3");
	is_int(op.at_capacity, 0, "24 <= 26: not at capacity");
	tower_eval(&m, 2, 23 + 8, 23, 101325, 6e6, 0, 26, &op);
	is_int(op.at_capacity, 1, "23 + 4 > 26: at capacity");
	tower_eval(&m, 2, 20 + 8, 20, 101325, 1e6, 0, 26, &op);
	is_abs(op.fr_air, 0.2, 0, "light load: fan at the minimum");
}

static struct drycooler_model
dc1(double eff)
{
	struct drycooler_model m = {
		.name = "test_drycooler",
		.design_q = 1e6,
		.design_approach = 8,
		.fan_power_frac = 0.02,
		.adiabatic_wb_eff = eff,
	};
	return m;
}

static void
test_drycooler(void)
{
	struct drycooler_model m = dc1(0);
	struct drycooler_op op;
	double fr;

	/* 2 units, 1.5 MW: full-fan approach 8 * 0.75 = 6 K; at 20 degC the
	 * setpoint 35 needs FR = 6 / (35 - 20) = 0.4; fan = 0.02 * 2 MW * 0.064 */
	is_int(drycooler_eval(&m, 2, 20, 15, 1.5e6, 35, &op), 0, "dry cooler ok");
	is_abs(op.t_out, 35, 1e-12, "holds the setpoint");
	is_rel(op.fan_power, 2560, 1e-12, "fan 40 kW x 0.4^3");
	is_abs(op.water, 0, 0, "dry: no water");
	is_int(op.at_capacity, 0, "not at capacity");

	/* 2 MW at 32 degC: 32 + 8 = 40 > 35 */
	drycooler_eval(&m, 2, 32, 20, 2e6, 35, &op);
	is_int(op.at_capacity, 1, "hot day: at capacity");
	is_abs(op.t_out, 40, 1e-12, "t_out = tdb + design approach");
	is_rel(op.fan_power, 40000, 1e-12, "full fan 2 % of 2 MW");

	/* adiabatic 0.7: air 32 - 0.7 (32 - 20) = 23.6; 23.6 + 8 = 31.6 <= 35,
	 * FR = 8 / 11.4 = 0.7017543859649122; fan = 40 kW FR^3 =
	 * 13823.416651817291 W; water = FR * 2e6 * 8.4 / (10 * 997 * 2.43e6)
	 * = 0.0004866233962880628 m3/s */
	m = dc1(0.7);
	fr = 8 / 11.4;
	drycooler_eval(&m, 2, 32, 20, 2e6, 35, &op);
	is_int(op.at_capacity, 0, "adiabatic: setpoint reachable");
	is_abs(op.t_out, 35, 1e-12, "adiabatic: holds the setpoint");
	is_rel(op.fan_power, 40000 * fr * fr * fr, 1e-12, "adiabatic: fan");
	is_rel(op.fan_power, 13823.416651817291, 1e-12, "adiabatic: fan (python)");
	is_rel(op.water, 0.0004866233962880628, 1e-12, "adiabatic: pad water");

	/* pads stay dry when dry operation suffices */
	drycooler_eval(&m, 2, 20, 15, 1.5e6, 35, &op);
	is_abs(op.water, 0, 0, "cool day: pads off");
	is_rel(op.fan_power, 2560, 1e-12, "cool day: same fan as dry");

	/* adiabatic and still short: air 40 - 0.7 * 10 = 33, t_out 41;
	 * water = 2e6 * 7 / (10 * 997 * 2.43e6) = 0.0005778652830920746 */
	drycooler_eval(&m, 2, 40, 30, 2e6, 35, &op);
	is_int(op.at_capacity, 1, "very hot: at capacity");
	is_abs(op.t_out, 41, 1e-12, "very hot: 33 + 8");
	is_rel(op.water, 0.0005778652830920746, 1e-12, "very hot: pad water");

	/* idle and bad input */
	is_int(drycooler_eval(&m, 2, 25, 18, 0, 35, &op), 0, "q = 0 ok");
	is_abs(op.fan_power, 0, 0, "q = 0: no fan");
	is_abs(op.water, 0, 0, "q = 0: no water");
	is_int(drycooler_eval(&m, 2, 25, 26, 1e6, 35, &op), -1,
	    "twb > tdb rejected with pads");
	is_int(drycooler_eval(&m, 0, 25, 18, 1e6, 35, &op), -1,
	    "0 units rejected");
	is_int(drycooler_eval(&m, 2, NAN, 18, 1e6, 35, &op), -1,
	    "NaN tdb rejected");
	m = dc1(0);
	is_int(drycooler_eval(&m, 2, 25, NAN, 1e6, 35, &op), 0,
	    "twb unused without pads");
}


/*
 * Saturated-exit evaporation (EnergyPlus SaturatedExit) against a hand
 * psychrometric calculation: ASHRAE 2017 Fundamentals ch. 1 eqs. 6, 20, 26, 32,
 * 35 written out again in python3 (not psychro.c), the saturation temperature of
 * h_out by 200 bisections.  Two cells of tower5 (30 kW fan: air 30000 x 0.5 /
 * 190 = 78.947 m3/s per cell), 8 MW, 101325 Pa, range 4.4643 K:
 *   m_air = FRair x 2 x 78.947 x rho(tdb, W_in);  h_out = h_sat(twb) + q / m_air;
 *   evap = m_air (W_out / (1 + W_out) - W_in / (1 + W_in)) / 997
 * summer 33 / 26 degC, full fan (water out 29.168): W_in 0.0183685753, m_air
 *   180.0813863, h_in 80589.976, h_out 125014.334 -> 34.374 degC, W_out
 *   0.0352577805: evap 2.89353931e-3 m3/s (88 % of q / 2.45 MJ/kg)
 * December 4 / 1.6 degC holding 15 degC (FRair 0.6550524): W_in 0.0032669730,
 *   m_air 131.4743996, h_out 73073.868 -> 24.216 degC, W_out 0.0191328053:
 *   evap 2.04626369e-3 m3/s - 62 % of the heat latent, not 116 %
 * hot and dry 40 / 20 degC, full fan (water out 24.238): W_in 0.0064007860,
 *   m_air 177.3007805, h_out 102540.045 -> 30.531 degC, W_out 0.0280811490:
 *   evap 3.72635027e-3 m3/s - 114 % of q / h_fg: the hot air gives sensible
 *   heat to the water as well
 */
static void
test_saturated_exit(void)
{
	struct tower_model m = tower5();
	struct tower_op op;

	m.evap_mode = TOWER_EVAP_SATURATED_EXIT;
	is_rel(tower_cell_air_flow(&m), 30000 * 0.5 / 190, 1e-15,
	    "air flow autosized from the fan: P 0.5 / 190 Pa");
	m.design_air_flow = 90;
	is_rel(tower_cell_air_flow(&m), 90, 1e-15, "a given air flow wins");
	m.design_air_flow = 0;

	is_int(tower_eval(&m, 2, 33, 26, 101325, 8e6, 0, -100, &op), 0, "summer ok");
	is_abs(op.fr_air, 1, 0, "summer: full fan");
	is_rel(op.evap, 2.89353930809e-3, 1e-6, "summer: evaporation (hand psychrometrics)");
	is_rel(op.makeup, op.evap + op.drift + op.blowdown, 1e-15, "summer: make-up");
	is_int(tower_eval(&m, 2, 4, 1.6, 101325, 8e6, 0, 15, &op), 0, "December ok");
	is_rel(op.fr_air, 0.655052409343, 1e-6, "December: fan holding 15 degC");
	is_rel(op.evap, 2.04626369445e-3, 1e-5, "December: evaporation (hand psychrometrics)");
	ok(op.evap * 997 * 2.45e6 / 8e6 > 0.55 && op.evap * 997 * 2.45e6 / 8e6 < 0.65,
	    "December: 55..65 %% of the heat leaves as latent heat");
	is_int(tower_eval(&m, 2, 40, 20, 101325, 8e6, 0, -100, &op), 0, "hot dry ok");
	is_rel(op.evap, 3.72635027433e-3, 1e-6, "hot dry: evaporation (hand psychrometrics)");
	ok(op.evap * 997 * 2.45e6 > 8e6, "hot dry: more than q / h_fg (air gives sensible heat)");
	/* the loss factor would say 0.2 % x 4.4643 K x 0.43 m3/s whatever the air */
	m.evap_mode = TOWER_EVAP_LOSS_FACTOR;
	tower_eval(&m, 2, 4, 1.6, 101325, 8e6, 0, 15, &op);
	is_rel(op.evap, 0.003839269003181794, 1e-12, "loss factor ignores the season");
	m.evap_mode = TOWER_EVAP_SATURATED_EXIT;
	m.design_fan_power = 0;
	is_int(tower_eval(&m, 2, 33, 26, 101325, 8e6, 0, -100, &op), -1,
	    "saturated exit without an air flow rejected");
}

/*
 * The physics bound: whenever the entering air is not warmer than the water
 * leaving the tower, evaporated mass x latent heat (2.45 MJ/kg, water at 20
 * degC) does not exceed the heat rejected.  A grid of dry-bulbs, depressions,
 * loads and setpoints (operating points from the tower's own fan control).
 */
static void
test_evap_bound(void)
{
	struct tower_model m = tower5();
	struct tower_op op;
	double	tdb, dep, q, sp[4], worst = 0;
	int	n = 0, bad = 0, k;

	m.evap_mode = TOWER_EVAP_SATURATED_EXIT;
	for (tdb = -10; tdb <= 45; tdb += 2.5)
		for (dep = 0; dep <= 25; dep += 2.5)
			for (q = 0.5e6; q <= 10e6; q += 1.5e6) {
				double	twb = tdb - dep;

				if (twb < -10 || twb > 30)
					continue;
				sp[0] = -100;
				sp[1] = twb + 4;
				sp[2] = twb + 7;
				sp[3] = twb + 12;
				for (k = 0; k < 4; k++) {
					if (tower_eval(&m, 2, tdb, twb, 101325, q, 0,
					    sp[k], &op) != 0) {
						bad++;
						continue;
					}
					if (tdb > op.t_out)
						continue;
					n++;
					if (op.evap * 997 * 2.45e6 / q > worst)
						worst = op.evap * 997 * 2.45e6 / q;
				}
			}
	is_int(bad, 0, "bound: every grid point evaluates");
	ok(n > 300, "bound: %d states with air not warmer than the leaving water", n);
	ok(worst <= 1, "bound: evaporation x h_fg <= q (worst %.4f)", worst);
}

/*
 * The most a tower rejects: YorkCalc at full fan, range where twb + approach
 * reaches t_max (checked by re-evaluating the approach there), capped at the
 * 22.2222 K range limit and 1.25 x the design flow.
 */
static void
test_max_heat(void)
{
	struct tower_model m = tower5();
	double	v = 2 * 0.215, q, r;

	q = tower_max_heat(&m, 2, 26, v, 35, 99);
	r = q / (997.0 * 4180.0 * v);
	ok(r > 1.1111 && r < 22.2222, "max heat: range inside the correlation (%.4f K)", r);
	is_abs(26 + tower_yorkcalc_approach(26, r, 1), 35, 1e-7,
	    "max heat: the leaving water reaches 35 degC");
	ok(tower_max_heat(&m, 2, 26, v, 34, 99) < q, "max heat falls with a cooler limit");
	ok(tower_max_heat(&m, 2, 27, v, 35, 99) < q, "max heat falls with the wet-bulb");
	/* flow capped at 1.25 x design */
	is_rel(tower_max_heat(&m, 2, 26, 3 * v, 35, 99), tower_max_heat(&m, 2, 26, 1.25 * v,
	    35, 99), 1e-12, "max heat: flow above 1.25 x design does not count");
	/* a cold wet-bulb: the range limit binds first */
	is_rel(tower_max_heat(&m, 2, 0, v, 35, 99), 997.0 * 4180.0 * v * 22.2222, 1e-12,
	    "max heat: range limit 22.2222 K");
	/* the water entering (leaving the condensers) at most 40.6 degC binds
	 * before the leaving water reaches 35 */
	q = tower_max_heat(&m, 2, 26, v, 35, 40.6);
	r = q / (997.0 * 4180.0 * v);
	is_abs(26 + tower_yorkcalc_approach(26, r, 1) + r, 40.6, 1e-7,
	    "max heat: entering water at its limit (range %.4f K)", r);
	ok(26 + tower_yorkcalc_approach(26, r, 1) < 35, "max heat: leaving water below 35");
	/* nothing when the wet-bulb is too close to the limit */
	is_abs(tower_max_heat(&m, 2, 34.5, v, 35, 99), 0, 0, "max heat: 0 when twb + approach > t_max");
	m.method = TOWER_CONSTANT_APPROACH;
	m.const_approach = 4;
	is_rel(tower_max_heat(&m, 2, 26, v, 35, 99), 10e6, 1e-15, "constant approach: n x design");
	is_abs(tower_max_heat(&m, 2, 32, v, 35, 99), 0, 0, "constant approach: 0 above the limit");
	/* 0.1 m3/s from 30 to 40.6 degC: 997 x 4180 x 0.1 x 10.6 = 4417506.8 W */
	is_rel(tower_max_heat(&m, 2, 26, 0.1, 35, 40.6), 997.0 * 4180.0 * 0.1 * 10.6,
	    1e-12, "constant approach: entering-water limit");
	is_abs(tower_max_heat(&m, 0, 26, v, 35, 99), -1, 0, "max heat: 0 cells rejected");
}

/* Reference root of f on [lo, hi] (f(lo) and f(hi) of opposite signs) by plain
 * bisection to 1e-13: slow and independent of the closed forms in tower.c. */
static double
bisect(double (*f)(double, const double *), const double *a, double lo, double hi)
{
	double	flo = f(lo, a);
	int	i;

	for (i = 0; i < 200 && hi - lo > 1e-13; i++) {
		double	m = 0.5 * (lo + hi), fm = f(m, a);

		if ((fm < 0) == (flo < 0)) {
			lo = m;
			flo = fm;
		} else
			hi = m;
	}
	return 0.5 * (lo + hi);
}

/* a = {twb, range, frw, t_set}: leaving water less setpoint at FRair fr */
static double
fan_fn(double fr, const double *a)
{
	return a[0] + tower_yorkcalc_approach(a[0], a[1], a[2] / fr) - a[3];
}

/* a = {twb, frw, t_max, t_in_max}: tower_max_heat's limit at range r */
static double
max_fn(double r, const double *a)
{
	double	t = a[0] + tower_yorkcalc_approach(a[0], r, a[1]);

	return fmax(t - a[2], t + r - a[3]);
}

/*
 * The fan speed that holds the setpoint and the most heat at full fan are
 * solved in closed form (YorkCalc is a quadratic in LG and in the range):
 * over a grid of wet-bulbs, loads, flows and setpoints both equal a plain
 * bisection of the correlation itself to 1e-9 (the tolerance of the bracketed
 * solve they replace).
 */
static void
test_closed_forms(void)
{
	struct tower_model m = tower5();
	double	v = 2 * 0.215, twb, q, fw, ts, worst_fr = 0, worst_r = 0;
	int	nfan = 0, nmax = 0, bad = 0;

	for (twb = -10; twb <= 30; twb += 2.5)
		for (q = 1e6; q <= 14e6; q += 1.3e6)
			for (fw = 0.8; fw <= 1.25; fw += 0.15)
				for (ts = twb + 1.5; ts <= twb + 14; ts += 1.7) {
					struct tower_op op;
					double	a[4], fr;

					if (tower_eval_fan(&m, 2, twb, q, fw * v, ts,
					    &op) != 0) {
						bad++;
						continue;
					}
					a[0] = twb;
					a[1] = op.range;
					a[2] = fw;
					a[3] = ts;
					if (op.fr_air <= m.min_air_flow_ratio ||
					    op.fr_air >= 1)
						continue;
					nfan++;
					fr = bisect(fan_fn, a, m.min_air_flow_ratio, 1);
					if (fabs(op.fr_air - fr) > worst_fr)
						worst_fr = fabs(op.fr_air - fr);
				}
	is_int(bad, 0, "closed forms: every fan evaluation succeeds");
	ok(nfan > 200, "closed forms: %d part-speed fan solves", nfan);
	ok(worst_fr <= 1e-9, "fan speed = bisection within 1e-9 (worst %.2g)", worst_fr);
	for (twb = -10; twb <= 30; twb += 1.25)
		for (fw = 0.75; fw <= 1.25; fw += 0.05)
			for (ts = twb + 2; ts <= twb + 30; ts += 2.3) {
				double	a[4], qm, r;

				a[0] = twb;
				a[1] = fw;
				a[2] = ts;
				a[3] = ts + 5.6;
				qm = tower_max_heat(&m, 2, twb, fw * v, a[2], a[3]);
				if (max_fn(1.1111, a) > 0 || max_fn(22.2222, a) <= 0)
					continue;
				nmax++;
				r = bisect(max_fn, a, 1.1111, 22.2222);
				if (fabs(qm / (997.0 * 4180.0 * fw * v) - r) > worst_r)
					worst_r = fabs(qm / (997.0 * 4180.0 * fw * v) - r);
			}
	ok(nmax > 200, "closed forms: %d max-heat solves inside the range limits",
	    nmax);
	ok(worst_r <= 1e-9, "max-heat range = bisection within 1e-9 K (worst %.2g)",
	    worst_r);
}

int
main(void)
{
	gsl_set_error_handler_off();
	test_yorkcalc();
	test_tower_eval();
	test_constant_approach();
	test_saturated_exit();
	test_evap_bound();
	test_max_heat();
	test_closed_forms();
	test_drycooler();
	return tap_done();
}
