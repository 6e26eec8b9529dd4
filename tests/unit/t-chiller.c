/*
 * t-chiller.c - EnergyPlus Chiller:Electric:EIR (doc/model-reference.md section 1) checked
 * against hand arithmetic and an independent python3 transcription of the
 * equations (coefficient sets from doc/equipment.md, EnergyPlus Chillers.idf):
 *
 *   def chiller(m, tl, te, load):
 *       capft = max(0, bq(m.capft, tl, te)); eirft = max(0, bq(m.eirft, tl, te))
 *       qa = m.q * capft; qe = min(load, qa * m.pmax)
 *       plr = max(0, min(qe / qa, m.pmax))
 *       frac = min(1, plr / m.pmin) if plr < m.pmin else 1
 *       pe = max(plr, m.unl); qf = max(0, qa * pe * frac - qe)
 *       P = qa / m.cop * eirft * max(0, qd(m.plr, pe)) * frac
 *       qc = P + qe + qf
 *
 * where bq() and qd() clamp their inputs to the curve limits first.
 */
#include <math.h>

#include "chiller.h"
#include "tap.h"

/* York YK 4396 kW / 6.63 COP / Vanes (doc/equipment.md, Chillers.idf) */
static struct chiller_model
york(void)
{
	struct chiller_model m = {
		.name = "York_YK_4396kW",
		.q_ref = 4395800, .cop_ref = 6.63,
		.t_lchw_ref = 6.67, .t_ecw_ref = 26.67,
		.chw_flow_ref = 0.19558, .cw_flow_ref = 0.24605,
		.plr_min = 0.41, .plr_max = 1.06, .min_unloading = 0.41,
		.f_motor = 1.0,
		.capft = { { 3.693621E-01, -7.284715E-02, -4.871930E-03,
		    1.223355E-01, -5.368259E-03, 1.035036E-02 },
		    4.44, 7.78, 12.78, 26.67 },
		.eirft = { { 5.913358E-01, -5.974145E-02, 8.176561E-04,
		    3.987353E-02, -8.176694E-04, 1.457994E-03 },
		    4.44, 7.78, 12.78, 26.67 },
		.eirfplr = { { 3.021070E-01, 3.103971E-02, 6.669726E-01 },
		    0.41, 1.06 },
	};
	return m;
}

/* DOE-2 generic centrifugal 5.50 COP, sized here at 3 MW (doc/equipment.md) */
static struct chiller_model
doe2(void)
{
	struct chiller_model m = {
		.name = "DOE2_centrifugal",
		.q_ref = 3e6, .cop_ref = 5.5,
		.t_lchw_ref = 6.67, .t_ecw_ref = 29.4,
		.plr_min = 0.1, .plr_max = 1.0, .min_unloading = 0.2,
		.f_motor = 1.0,
		.capft = { { 0.257896, 0.0389016, -0.00021708, 0.0468684,
		    -0.00094284, -0.00034344 }, 5, 10, 24, 35 },
		.eirft = { { 0.933884, -0.058212, 0.00450036, 0.00243, 0.000486,
		    -0.001215 }, 5, 10, 24, 35 },
		.eirfplr = { { 0.222903, 0.313387, 0.463710 }, 0, 1 },
	};
	return m;
}

/* Trane CVHF 4610 kW / 6.34 COP / Vanes (doc/equipment.md) */
static struct chiller_model
trane(void)
{
	struct chiller_model m = {
		.name = "Trane_CVHF_4610kW",
		.q_ref = 4610300, .cop_ref = 6.34,
		.t_lchw_ref = 6.67, .t_ecw_ref = 26.11,
		.plr_min = 0.2, .plr_max = 1.02, .min_unloading = 0.2,
		.f_motor = 1.0,
		.capft = { { 8.614836E-01, -3.988130E-03, -1.643579E-03,
		    8.882312E-03, -3.930474E-04, 1.593969E-03 },
		    4.44, 8.89, 18.33, 29.44 },
		.eirft = { { 7.415078E-01, -4.779029E-02, -1.028085E-03,
		    1.423650E-02, 1.304315E-04, 9.170177E-04 },
		    4.44, 8.89, 18.33, 29.44 },
		.eirfplr = { { 2.026691E-01, 2.922585E-01, 5.044422E-01 },
		    0.2, 1.02 },
	};
	return m;
}

static void
test_curves(void)
{
	struct chiller_model m = york();

	/*
	 * CAPFT(6, 20) by hand:
	 *   0.3693621 - 0.07284715*6 - 0.0048719*36 + 0.1223355*20
	 *   - 0.005368259*400 + 0.01035036*120
	 *   = 0.3693621 - 0.4370829 - 0.17538948 + 2.44671 - 2.1473036
	 *   + 1.2420432 = 1.29833932
	 */
	is_rel(curve_biquad_eval(&m.capft, 6, 20), 1.29833932, 1e-9,
	    "York CAPFT(6, 20) inside the range");
	/* python3: 0.9076848396 */
	is_rel(curve_biquad_eval(&m.eirft, 6, 20), 0.9076848396, 1e-9,
	    "York EIRFT(6, 20)");
	/* clamping: python3 evaluates the polynomial at the limits unclamped */
	is_rel(curve_biquad_eval(&m.capft, 3, 10), 1.2238485590483998, 1e-12,
	    "CAPFT clamps x and y at their minimum (4.44, 12.78)");
	is_rel(curve_biquad_eval(&m.capft, 10, 35), 1.0996489984988993, 1e-12,
	    "CAPFT clamps x and y at their maximum (7.78, 26.67)");
	is_rel(curve_biquad_eval(&m.capft, 0, 40), 0.6198180300548992, 1e-12,
	    "CAPFT clamps x low and y high (4.44, 26.67)");
	is_rel(curve_biquad_eval(&m.capft, 9, 5), 1.2234994161564, 1e-12,
	    "CAPFT clamps x high and y low (7.78, 12.78)");
	is_rel(curve_biquad_eval(&m.eirft, -5, 0), 0.8009690310027999, 1e-12,
	    "EIRFT clamps at the minimum");
	is_rel(curve_biquad_eval(&m.eirft, 20, 40), 0.96038957733798, 1e-12,
	    "EIRFT clamps at the maximum");
	/* EIRFPLR(0.7) = 0.302107 + 0.03103971*0.7 + 0.6669726*0.49
	 *   = 0.302107 + 0.021727797 + 0.326816574 = 0.650651371 */
	is_rel(curve_quad_eval(&m.eirfplr, 0.7), 0.650651371, 1e-9,
	    "York EIRFPLR(0.7)");
	is_rel(curve_quad_eval(&m.eirfplr, 0.1), 0.42695137516, 1e-11,
	    "EIRFPLR clamps p at 0.41");
	is_rel(curve_quad_eval(&m.eirfplr, 1.5), 1.08441950596, 1e-11,
	    "EIRFPLR clamps p at 1.06");
}

static void
test_york(void)
{
	struct chiller_model m = york();
	struct chiller_op op;
	double qa;

	/* Normal part load: 6 degC leaving, 24 degC entering, 3 MW.
	 * python3: capft 1.091276376, eirft 0.9582610012, qa 4797032.693620801,
	 * plr 0.6253866070142623, eirfplr 0.5823774108405063,
	 * P 403782.4929737579, qc 3403782.492973758, cop 7.4297426267933115 */
	is_int(chiller_eval(&m, 6, 24, 3e6, &op), 0, "York 3 MW ok");
	is_rel(op.capft, 1.091276376, 1e-9, "capft");
	is_rel(op.eirft, 0.9582610012, 1e-9, "eirft");
	is_rel(op.q_avail, 4797032.693620801, 1e-9, "q_avail = q_ref capft");
	is_rel(op.q_evap, 3e6, 1e-12, "load met");
	is_abs(op.unmet, 0, 1e-6, "nothing unmet");
	is_rel(op.plr, 0.6253866070142623, 1e-9, "PLR");
	is_abs(op.frac, 1, 0, "no cycling");
	is_rel(op.plr_eff, op.plr, 1e-15, "no false loading above 0.41");
	is_abs(op.q_false, 0, 1e-9, "q_false = 0");
	is_rel(op.eirfplr, 0.5823774108405063, 1e-9, "EIRFPLR(PLR)");
	is_rel(op.power, 403782.4929737579, 1e-9, "power");
	is_rel(op.q_cond, 3403782.492973758, 1e-9, "q_cond = P + q_evap");
	is_rel(op.cop, 7.4297426267933115, 1e-9, "cop");
	qa = op.q_avail;

	/* PLR above 1 is allowed up to plr_max = 1.06 */
	chiller_eval(&m, 6, 24, 1.05 * qa, &op);
	is_rel(op.plr, 1.05, 1e-12, "PLR 1.05 allowed");
	is_abs(op.unmet, 0, 1e-6, "PLR 1.05: nothing unmet");
	is_rel(op.power, 741893.1269654325, 1e-9, "PLR 1.05 power (python)");

	/* beyond plr_max: capped, remainder unmet */
	chiller_eval(&m, 6, 24, 1.2 * qa, &op);
	is_rel(op.plr, 1.06, 1e-12, "PLR capped at 1.06");
	is_rel(op.q_evap, 1.06 * qa, 1e-12, "q_evap = 1.06 q_avail");
	is_rel(op.unmet, 0.14 * qa, 1e-9, "unmet = 1.2 qa - 1.06 qa");
	is_rel(op.power, 751865.7203993403, 1e-9, "PLR 1.06 power (python)");

	/* cycling below PLR_min = 0.41: FRAC = 0.2/0.41, PLR' = 0.41, and with
	 * min_unloading = plr_min there is no false load:
	 * q_false = qa*0.41*(0.2/0.41) - 0.2 qa = 0 */
	chiller_eval(&m, 6, 24, 0.2 * qa, &op);
	is_rel(op.plr, 0.2, 1e-12, "PLR 0.2");
	is_rel(op.frac, 0.2 / 0.41, 1e-12, "FRAC = PLR / PLR_min");
	is_rel(op.plr_eff, 0.41, 1e-12, "PLR' = 0.41");
	is_abs(op.q_false, 0, 1e-6, "no false load when min_unloading = plr_min");
	/* P = qa/6.63 * 0.9582610012 * EIRFPLR(0.41) * 0.2/0.41 */
	is_rel(op.power, qa / 6.63 * 0.9582610012 * 0.42695137516 * (0.2 / 0.41),
	    1e-9, "cycling power");
	is_rel(op.power, 144400.10845675986, 1e-9, "cycling power (python)");

	/* zero load: off */
	is_int(chiller_eval(&m, 6, 24, 0, &op), 0, "zero load ok");
	is_abs(op.power, 0, 0, "zero load: no power");
	is_abs(op.q_cond, 0, 0, "zero load: no condenser heat");
	is_abs(op.frac, 0, 0, "zero load: FRAC 0");
	is_rel(op.q_avail, qa, 1e-12, "zero load: q_avail still reported");

	/* clamped temperatures give the clamped capacity */
	chiller_eval(&m, 15, 35, 1e6, &op);
	is_rel(op.capft, 1.0996489984988993, 1e-12, "capft clamped in eval");
}

static void
test_doe2(void)
{
	struct chiller_model m = doe2();
	struct chiller_op op;
	double qa;

	/* python3: at 7 / 29.4 degC capft 1.0118681056, eirft 0.9883916,
	 * qa 3035604.3168 */
	chiller_eval(&m, 7, 29.4, 1, &op);
	qa = op.q_avail;
	is_rel(qa, 3035604.3168, 1e-9, "DOE-2 q_avail at 7/29.4");

	/* false loading: PLR 0.15 between plr_min 0.1 and min_unloading 0.2.
	 * FRAC 1; PLR' 0.2; q_false = 0.05 qa = 151780.21584;
	 * EIRFPLR(0.2) = 0.222903 + 0.0626774 + 0.0185484 = 0.3041288 */
	chiller_eval(&m, 7, 29.4, 0.15 * qa, &op);
	is_rel(op.plr, 0.15, 1e-12, "false loading: PLR 0.15");
	is_abs(op.frac, 1, 0, "false loading: FRAC 1");
	is_rel(op.plr_eff, 0.2, 1e-12, "false loading: PLR' = 0.2");
	is_rel(op.q_false, 0.05 * qa, 1e-9, "false load = 0.05 qa");
	is_rel(op.eirfplr, 0.3041288, 1e-9, "EIRFPLR at PLR'");
	is_rel(op.power, qa / 5.5 * 0.9883916 * 0.3041288, 1e-9,
	    "power at PLR'");
	is_rel(op.q_cond, op.power + 0.15 * qa + 0.05 * qa, 1e-9,
	    "q_cond includes the false load");
	is_rel(op.q_cond, 773029.5274765962, 1e-9, "q_cond (python)");

	/* cycling and false loading: PLR 0.05 -> FRAC 0.5, PLR' 0.2,
	 * q_false = qa*0.2*0.5 - 0.05 qa = 0.05 qa */
	chiller_eval(&m, 7, 29.4, 0.05 * qa, &op);
	is_rel(op.frac, 0.5, 1e-12, "PLR 0.05: FRAC 0.5");
	is_rel(op.q_false, 0.05 * qa, 1e-9, "PLR 0.05: false load 0.05 qa");
	is_rel(op.power, qa / 5.5 * 0.9883916 * 0.3041288 * 0.5, 1e-9,
	    "PLR 0.05: power");

	/* a normal point: PLR 0.6, python3 P = 315240.68901067134 */
	chiller_eval(&m, 7, 29.4, 0.6 * qa, &op);
	is_rel(op.power, 315240.68901067134, 1e-9, "DOE-2 PLR 0.6 power");
	is_abs(op.q_false, 0, 1e-6, "DOE-2 PLR 0.6: no false load");

	/* f_motor < 1: only part of the power reaches the condenser */
	m.f_motor = 0.9;
	chiller_eval(&m, 7, 29.4, 0.6 * qa, &op);
	is_rel(op.q_cond, 0.9 * 315240.68901067134 + 0.6 * qa, 1e-9,
	    "q_cond = f_motor P + q_evap");

	/* min_unloading below plr_min: EnergyPlus zeroes the negative false
	 * load: PLR 0.05, FRAC 0.25, PLR' 0.1 -> 0.1*0.25 - 0.05 < 0 */
	m = doe2();
	m.plr_min = 0.2;
	m.min_unloading = 0.1;
	chiller_eval(&m, 7, 29.4, 0.05 * qa, &op);
	is_rel(op.frac, 0.25, 1e-12, "plr_min 0.2: FRAC 0.25");
	is_abs(op.q_false, 0, 0, "negative false load set to 0");
}

static void
test_trane_and_edges(void)
{
	struct chiller_model m = trane();
	struct chiller_op op;

	/* python3: Trane at 7 / 25 degC, 4 MW: P 579231.3859330665,
	 * plr 0.8604130372437936 */
	is_int(chiller_eval(&m, 7, 25, 4e6, &op), 0, "Trane ok");
	is_rel(op.plr, 0.8604130372437936, 1e-9, "Trane PLR");
	is_rel(op.power, 579231.3859330665, 1e-9, "Trane power");

	/* negative curve outputs are set to 0 */
	m.capft.c[0] = -5;
	chiller_eval(&m, 7, 25, 4e6, &op);
	is_abs(op.capft, 0, 0, "negative CAPFT -> 0");
	is_abs(op.q_evap, 0, 0, "no capacity: nothing met");
	is_rel(op.unmet, 4e6, 1e-12, "no capacity: all unmet");
	is_abs(op.power, 0, 0, "no capacity: no power");
	m = trane();
	m.eirfplr.c[0] = -5;
	chiller_eval(&m, 7, 25, 4e6, &op);
	is_abs(op.eirfplr, 0, 0, "negative EIRFPLR -> 0");
	is_abs(op.power, 0, 0, "EIRFPLR 0: no power");
	is_abs(op.cop, 0, 0, "no power: cop reported 0");
	m = trane();
	m.eirft.c[0] = -5;
	chiller_eval(&m, 7, 25, 4e6, &op);
	is_abs(op.eirft, 0, 0, "negative EIRFT -> 0");

	/* bad input */
	m = trane();
	is_int(chiller_eval(&m, NAN, 25, 1e6, &op), -1, "NaN t_lchw rejected");
	is_int(chiller_eval(&m, 7, INFINITY, 1e6, &op), -1, "inf t_ecw rejected");
	is_int(chiller_eval(&m, 7, 25, -1, &op), -1, "negative load rejected");
	is_int(chiller_eval(&m, 7, 25, NAN, &op), -1, "NaN load rejected");
	m.q_ref = 0;
	is_int(chiller_eval(&m, 7, 25, 1e6, &op), -1, "q_ref 0 rejected");
	m = trane();
	m.cop_ref = 0;
	is_int(chiller_eval(&m, 7, 25, 1e6, &op), -1, "cop 0 rejected");
}

static void
test_redundancy(void)
{
	is_int(redundancy_usable(4, RED_N), 4, "N: 4 of 4");
	is_int(redundancy_usable(4, RED_N1), 3, "N+1: 3 of 4");
	is_int(redundancy_usable(4, RED_N2), 2, "N+2: 2 of 4");
	is_int(redundancy_usable(4, RED_2N), 2, "2N: 2 of 4");
	is_int(redundancy_usable(5, RED_2N), 2, "2N: 2 of 5 (floor)");
	is_int(redundancy_usable(1, RED_N1), 0, "N+1: 0 of 1");
	is_int(redundancy_usable(1, RED_N2), 0, "N+2: never below 0");
	is_int(redundancy_usable(0, RED_N1), 0, "N+1: 0 of 0");
	is_int(redundancy_usable(1, RED_2N), 0, "2N: 0 of 1");
	is_str(redundancy_name(RED_N), "N", "name N");
	is_str(redundancy_name(RED_N1), "N+1", "name N+1");
	is_str(redundancy_name(RED_N2), "N+2", "name N+2");
	is_str(redundancy_name(RED_2N), "2N", "name 2N");
}

static void
test_bank(void)
{
	struct chiller_model m = york();
	struct chiller_bank_op b;
	double qa = 4797032.693620801, u = 1.06 * qa;	/* at 6 / 24 degC */

	/* 10 MW, staged at PLR 1.0: ceil(10e6 / 4797032.69) = 3 units at
	 * 3333333.33 W each, PLR 0.69487401, EIRFPLR 0.302107 + 0.03103971 PLR
	 * + 0.6669726 PLR^2; python3: P = 3 qa / 6.63 EIRFT(6, 24) EIRFPLR
	 * = 1343107.2630592668 */
	is_int(chiller_bank_eval(&m, 4, 6, 24, 10e6, &b), 0, "bank 10 MW ok");
	is_int(b.n_running, 3, "10 MW: 3 units (PLR <= 1)");
	is_rel(b.unit.q_evap, 10e6 / 3, 1e-12, "10 MW: 3.33 MW each");
	is_rel(b.unit.plr, 0.6948740077936248, 1e-12, "10 MW: PLR");
	is_rel(b.q_evap, 10e6, 1e-12, "10 MW met");
	is_abs(b.unmet, 0, 1e-6, "10 MW: nothing unmet");
	is_rel(b.power, 1343107.2630592668, 1e-9, "10 MW: power");
	is_rel(b.q_cond, b.power + 10e6, 1e-12, "10 MW: q_cond");
	is_rel(b.q_avail_total, 4 * qa, 1e-9, "q_avail_total = 4 qa (PLR 1)");
	is_int(b.emergency, 0, "10 MW: no emergency");

	/* 1 MW: one unit */
	chiller_bank_eval(&m, 4, 6, 24, 1e6, &b);
	is_int(b.n_running, 1, "1 MW: 1 unit");
	is_rel(b.power, 150509.82313377422, 1e-9, "1 MW: power (python)");

	/* exactly two units at PLR 1: still 2, not 3 */
	chiller_bank_eval(&m, 4, 6, 24, 2 * qa, &b);
	is_int(b.n_running, 2, "2 x capacity at PLR 1: 2 units");
	is_rel(b.unit.plr, 1, 1e-9, "... each at PLR 1");
	is_abs(b.unmet, 0, 1e-3, "... nothing unmet");
	chiller_bank_eval(&m, 4, 6, 24, 2 * qa * 1.000001, &b);
	is_int(b.n_running, 3, "just above 2 x capacity: 3 units");
	/* PLR_max is for emergencies: 2 usable units carry 2 x 1.05 qa */
	chiller_bank_eval(&m, 2, 6, 24, 2 * 1.05 * qa, &b);
	is_int(b.n_running, 2, "emergency: both usable units");
	is_int(b.emergency, 1, "emergency: flagged");
	is_rel(b.unit.plr, 1.05, 1e-9, "emergency: PLR above 1");
	is_abs(b.unmet, 0, 1e-3, "emergency: met up to PLR_max");

	/* short of capacity: all 3 usable units at 1.06, rest unmet;
	 * python3: unmet = 20e6 - 3 u = 4745436.034285853 */
	chiller_bank_eval(&m, 3, 6, 24, 20e6, &b);
	is_int(b.n_running, 3, "20 MW: all 3 usable units run");
	is_rel(b.unit.plr, 1.06, 1e-12, "20 MW: each at PLR_max");
	is_rel(b.unmet, 20e6 - 3 * u, 1e-9, "20 MW: unmet = load - 3 u");
	is_rel(b.unmet, 4745436.034285853, 1e-9, "20 MW: unmet (python)");
	is_rel(b.power, 2255597.161198021, 1e-9, "20 MW: power (python)");

	/* zero load: nothing runs */
	is_int(chiller_bank_eval(&m, 3, 6, 24, 0, &b), 0, "zero load ok");
	is_int(b.n_running, 0, "zero load: none running");
	is_abs(b.power, 0, 0, "zero load: power 0");
	is_abs(b.q_cond, 0, 0, "zero load: q_cond 0");

	/* no usable units */
	chiller_bank_eval(&m, 0, 6, 24, 1e6, &b);
	is_int(b.n_running, 0, "n_usable 0: none running");
	is_rel(b.unmet, 1e6, 1e-12, "n_usable 0: all unmet");
	is_abs(b.q_avail_total, 0, 0, "n_usable 0: no capacity");

	/* staging with redundancy: 4 installed N+1 -> 3 usable */
	chiller_bank_eval(&m, redundancy_usable(4, RED_N1), 6, 24, 16e6, &b);
	is_int(b.n_running, 3, "N+1 of 4 carrying 16 MW: 3 run");
	is_rel(b.unmet, 16e6 - 3 * u, 1e-9, "N+1 of 4: 16 MW partly unmet");

	is_int(chiller_bank_eval(&m, -1, 6, 24, 1e6, &b), -1,
	    "negative n_usable rejected");
	is_int(chiller_bank_eval(&m, 2, 6, 24, NAN, &b), -1, "NaN load rejected");
}

int
main(void)
{
	test_curves();
	test_york();
	test_doe2();
	test_trane_and_edges();
	test_redundancy();
	test_bank();
	return tap_done();
}
