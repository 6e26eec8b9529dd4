/*
 * t-itload.c - server and rack power against hand-computed values.
 *
 * Reference server: HGX-H100-like, 8 GPUs, TDP 700 W, idle 75 W, base
 * 1200..3400 W DC, PSU 94 %.  Expected values are written out as the
 * arithmetic of the equations in itload.c, e.g. full load
 * AC = (8 x 700 + 3400) / 0.94 = 9574.468 W.
 */

#include <string.h>

#include "itload.h"
#include "tap.h"

static struct server_model
hgx(void)
{
	struct server_model	m;

	memset(&m, 0, sizeof m);
	strcpy(m.name, "hgx-h100-test");
	m.gpus = 8;
	m.gpu_tdp = 700;
	m.gpu_idle = 75;
	m.gpu_cap_min = 200;
	m.base_idle = 1200;
	m.base_max = 3400;
	m.psu_eff = 0.94;
	m.psu_eff_half = 0;
	m.max_power = 10200;
	m.liquid_fraction = 0;
	m.power_factor = 0.95;
	m.rack_units = 4;
	return m;
}

static void
test_full(void)
{
	struct server_model	m = hgx();
	struct server_power	p;

	server_eval(&m, 1, 0, &p);
	is_rel(p.gpu_w, 8 * 700.0, 1e-12, "full: gpu 8 x 700 W");
	is_rel(p.base_w, 3400, 1e-12, "full: base at base_max");
	is_rel(p.dc_w, 9000, 1e-12, "full: DC 9000 W");
	is_rel(p.ac_w, 9000 / 0.94, 1e-12, "full: AC 9000/0.94 = 9574.47 W");
	is_rel(p.psu_loss_w, 9000 / 0.94 - 9000, 1e-9, "full: PSU loss 574.47 W");
	is_rel(p.air_w, 9000 / 0.94, 1e-12, "air-cooled: all heat to air");
	is_abs(p.liquid_w, 0, 1e-12, "air-cooled: no liquid heat");

	/* Cap at TDP or above, or 0/negative, means uncapped. */
	server_eval(&m, 1, 700, &p);
	is_rel(p.gpu_w, 5600, 1e-12, "cap = TDP is uncapped");
	server_eval(&m, 1, 900, &p);
	is_rel(p.gpu_w, 5600, 1e-12, "cap above TDP is uncapped");
	server_eval(&m, 1, -5, &p);
	is_rel(p.gpu_w, 5600, 1e-12, "negative cap is uncapped");
}

static void
test_cap(void)
{
	struct server_model	m = hgx();
	struct server_power	p;

	/* 500 W cap: 8 x 500 + 3400 = 7400 W DC, base unaffected. */
	server_eval(&m, 1, 500, &p);
	is_rel(p.gpu_w, 4000, 1e-12, "cap 500 W: gpu 8 x 500 W");
	is_rel(p.base_w, 3400, 1e-12, "cap 500 W: base independent of cap");
	is_rel(p.ac_w, 7400 / 0.94, 1e-12, "cap 500 W: AC 7400/0.94 = 7872.34 W");

	/* 500 W cap at 50 %: 75 + 0.5 (500 - 75) = 287.5 W per GPU. */
	server_eval(&m, 0.5, 500, &p);
	is_rel(p.gpu_w, 8 * 287.5, 1e-12, "cap 500 W, util 0.5: 2300 W of GPU");

	/* 100 W cap is below the 200 W floor: clamped to 200 W. */
	server_eval(&m, 1, 100, &p);
	is_rel(p.gpu_w, 1600, 1e-12, "cap below floor clamped to gpu_cap_min");
	is_rel(p.ac_w, (1600 + 3400) / 0.94, 1e-12, "cap below floor: AC 5319.15 W");

	/* No floor and a cap below idle: the GPU still draws idle power. */
	m.gpu_cap_min = 0;
	server_eval(&m, 1, 50, &p);
	is_rel(p.gpu_w, 8 * 75.0, 1e-12, "cap below idle: GPU stays at idle");
	server_eval(&m, 0.3, 50, &p);
	is_rel(p.gpu_w, 8 * 75.0, 1e-12, "cap below idle: no drop with util");
}

static void
test_util(void)
{
	struct server_model	m = hgx();
	struct server_power	p;

	server_eval(&m, 0, 0, &p);
	is_rel(p.gpu_w, 600, 1e-12, "util 0: 8 x 75 W idle");
	is_rel(p.base_w, 1200, 1e-12, "util 0: base_idle");
	is_rel(p.ac_w, 1800 / 0.94, 1e-12, "util 0: AC 1800/0.94 = 1914.89 W");

	/* util 0.5: GPU 75 + 0.5 x 625 = 387.5; base 1200 + 0.5 x 2200 = 2300 */
	server_eval(&m, 0.5, 0, &p);
	is_rel(p.gpu_w, 3100, 1e-12, "util 0.5: gpu 3100 W");
	is_rel(p.base_w, 2300, 1e-12, "util 0.5: base 2300 W");
	is_rel(p.ac_w, 5400 / 0.94, 1e-12, "util 0.5: AC 5744.68 W");

	/* Out-of-range utilisation is clamped to 0..1. */
	server_eval(&m, 1.7, 0, &p);
	is_rel(p.dc_w, 9000, 1e-12, "util > 1 clamped to 1");
	server_eval(&m, -0.2, 0, &p);
	is_rel(p.dc_w, 1800, 1e-12, "util < 0 clamped to 0");
	server_eval(&m, NAN, 0, &p);
	is_rel(p.dc_w, 1800, 1e-12, "util NaN treated as 0");
}

static void
test_psu(void)
{
	struct server_model	m = hgx();
	struct server_power	p;

	m.psu_eff_half = 0.96;
	/* util 0.5: DC 5400 of 9000 = 0.6 load;
	 * eff = 0.96 + (0.6 - 0.5)/0.5 x (0.94 - 0.96) = 0.956 */
	server_eval(&m, 0.5, 0, &p);
	is_rel(p.ac_w, 5400 / 0.956, 1e-12, "PSU interpolated: 5400/0.956 = 5648.54 W");
	is_rel(p.psu_loss_w, 5400 / 0.956 - 5400, 1e-9, "PSU loss at 60 %% load");

	/* util 1: 100 % load -> psu_eff. */
	server_eval(&m, 1, 0, &p);
	is_rel(p.ac_w, 9000 / 0.94, 1e-12, "PSU at 100 %%: psu_eff");

	/* util 0: 1800/9000 = 20 % load, held at the 50 % value. */
	server_eval(&m, 0, 0, &p);
	is_rel(p.ac_w, 1800 / 0.96, 1e-12, "PSU below 50 %%: held at psu_eff_half");

	/* Capped at 500 W: DC 7400/9000 = 0.8222;
	 * eff = 0.96 - (0.32222/0.5) x 0.02 = 0.947111 */
	server_eval(&m, 1, 500, &p);
	is_rel(p.ac_w, 7400 / (0.96 - (7400.0 / 9000 - 0.5) / 0.5 * 0.02), 1e-12,
	    "PSU load fraction relative to uncapped full load");

	/* Invalid efficiency does not divide by zero. */
	m.psu_eff = 0;
	m.psu_eff_half = 0;
	server_eval(&m, 1, 0, &p);
	is_rel(p.ac_w, 9000, 1e-12, "PSU efficiency 0 treated as lossless");
}

static void
test_liquid(void)
{
	struct server_model	m = hgx();
	struct server_power	p;

	m.liquid_fraction = 0.8;
	server_eval(&m, 1, 0, &p);
	is_rel(p.liquid_w, 0.8 * 9000 / 0.94, 1e-12, "liquid 80 %% of AC: 7659.57 W");
	is_rel(p.air_w, 0.2 * 9000 / 0.94, 1e-9, "air 20 %% of AC: 1914.89 W");
	is_rel(p.liquid_w + p.air_w, p.ac_w, 1e-12, "heat split sums to AC");
}

static void
test_rack(void)
{
	struct server_model	m = hgx();
	struct rack_model	r;
	struct rack_power	p;
	double			ac = 9000 / 0.94;

	memset(&r, 0, sizeof r);
	strcpy(r.name, "rack-test");
	r.servers = 8;
	r.switch_w = 1500;
	r.cdu_pump_frac = 0.015;
	m.liquid_fraction = 0.8;

	/* it = 8 x 9574.47 + 1500 = 78095.74 W; liquid from servers
	 * 8 x 0.8 x 9574.47 = 61276.60 W; CDU 1.5 % = 919.15 W; liquid total
	 * 62195.74 W; air 8 x 1914.89 + 1500 = 16819.15 W. */
	rack_eval(&r, &m, 1, 0, &p);
	is_rel(p.server.ac_w, ac, 1e-12, "rack: one server's AC");
	is_rel(p.it_w, 8 * ac + 1500, 1e-12, "rack: IT = servers + switch");
	is_rel(p.cdu_w, 0.015 * 8 * 0.8 * ac, 1e-12, "rack: CDU pump 1.5 %% of liquid heat");
	is_rel(p.liquid_w, 1.015 * 8 * 0.8 * ac, 1e-12, "rack: liquid includes pump heat");
	is_rel(p.air_w, 8 * 0.2 * ac + 1500, 1e-9, "rack: air = server air + switch");
	is_rel(p.liquid_w + p.air_w, p.it_w + p.cdu_w, 1e-12,
	    "rack: all power (IT + CDU) ends as heat");

	/* Air-cooled rack: no CDU power. */
	m.liquid_fraction = 0;
	rack_eval(&r, &m, 0, 0, &p);
	is_abs(p.cdu_w, 0, 1e-12, "air rack: no CDU power");
	is_rel(p.air_w, 8 * 1800 / 0.94 + 1500, 1e-12, "air rack idle: 16819.15 W");

	r.servers = 0;
	rack_eval(&r, &m, 1, 0, &p);
	is_rel(p.it_w, 1500, 1e-12, "empty rack: switch only");
}

static void
test_per_gpu(void)
{
	struct server_model	m = hgx();

	is_rel(server_power_per_gpu(&m, 1, 0), 9000 / 0.94 / 8, 1e-12,
	    "per GPU at full: 1196.81 W");
	is_rel(server_power_per_gpu(&m, 1, 500), 7400 / 0.94 / 8, 1e-12,
	    "per GPU capped at 500 W: 984.04 W");
	m.gpus = 0;
	/* CPU node: 1200 + 2200 = 3400 W DC at full */
	is_rel(server_power_per_gpu(&m, 1, 0), 3400 / 0.94, 1e-12,
	    "0 GPUs: whole server AC");
}

/*
 * Expected draw (Latif et al., arXiv:2412.08602: ~8.4 of 10.2 kW under training).
 * Reference server, constant PSU 94 %: AC(u_e) = (8 (75 + 625 u_e) + 1200 +
 * 2200 u_e) / 0.94 = (1800 + 7200 u_e) / 0.94.  expected_power = 7560 / 0.94 =
 * 8042.553 W gives u_e = (7560 - 1800) / 7200 = 0.8: GPUs 75 + 0.8 x 625 = 575 W
 * each (4600 W), base 1200 + 0.8 x 2200 = 2960 W.
 */
static void
test_expected(void)
{
	struct server_model	m = hgx();
	struct server_power	p;
	double			ue;

	is_abs(server_expected_load(&m), 1, 0, "expected: none given -> 1 (nameplate)");
	server_eval_basis(&m, 1, 0, IT_EXPECTED, &p);
	is_rel(p.dc_w, 9000, 1e-12, "expected: none given -> the nameplate draw");
	m.expected_power = 7560 / 0.94;
	ue = server_expected_load(&m);
	is_abs(ue, 0.8, 1e-12, "expected: u_e = 0.8 for 8042.55 W");
	m.expected_load = ue;
	server_eval_basis(&m, 1, 0, IT_EXPECTED, &p);
	is_rel(p.gpu_w, 4600, 1e-9, "expected: GPUs 8 x 575 W");
	is_rel(p.base_w, 2960, 1e-9, "expected: base 1200 + 0.8 x 2200 W");
	is_rel(p.ac_w, 7560 / 0.94, 1e-9, "expected: AC = expected_power");
	server_eval(&m, 1, 0, &p);
	is_rel(p.dc_w, 9000, 1e-12, "expected: the nameplate basis is unchanged");
	server_eval_basis(&m, 1, 0, IT_NAMEPLATE, &p);
	is_rel(p.dc_w, 9000, 1e-12, "expected: IT_NAMEPLATE = server_eval");
	/* a 500 W cap clips the 575 W training draw; a 600 W cap does not bind */
	server_eval_basis(&m, 1, 500, IT_EXPECTED, &p);
	is_rel(p.gpu_w, 4000, 1e-9, "expected, cap 500 W: GPUs 8 x 500 W");
	is_rel(p.base_w, 2960, 1e-9, "expected, cap 500 W: base unchanged");
	server_eval_basis(&m, 1, 600, IT_EXPECTED, &p);
	is_rel(p.gpu_w, 4600, 1e-9, "expected, cap 600 W above the 575 W draw: no effect");
	server_eval(&m, 1, 600, &p);
	is_rel(p.gpu_w, 4800, 1e-12, "nameplate, cap 600 W: 8 x 600 W");
	/* half utilisation: GPU 75 + 0.5 (575 - 75) = 325 W; base 1200 + 0.5 x 0.8 x
	 * 2200 = 2080 W */
	server_eval_basis(&m, 0.5, 0, IT_EXPECTED, &p);
	is_rel(p.gpu_w, 2600, 1e-9, "expected, util 0.5: GPUs 8 x 325 W");
	is_rel(p.base_w, 2080, 1e-9, "expected, util 0.5: base 2080 W");
	/* out of range: at or above the full draw -> 1, at or below idle -> 0 */
	m.expected_power = 20000;
	is_abs(server_expected_load(&m), 1, 0, "expected above nameplate: 1");
	m.expected_power = 1800 / 0.94;
	is_abs(server_expected_load(&m), 0, 0, "expected at idle: 0");
	/* with the PSU curve (96 % at half load) the bisection still lands on the
	 * expected power */
	m = hgx();
	m.psu_eff_half = 0.96;
	m.expected_power = 8400;
	m.expected_load = server_expected_load(&m);
	server_eval_basis(&m, 1, 0, IT_EXPECTED, &p);
	is_rel(p.ac_w, 8400, 1e-12, "expected with the PSU curve: AC 8400 W");
	ok(m.expected_load > 0 && m.expected_load < 1, "expected with the PSU curve: 0 < u_e < 1");
	is_rel(server_cap_floor(&m), 200, 1e-15, "cap floor: gpu_cap_min 200 W");
	m.gpu_cap_min = 50;
	is_rel(server_cap_floor(&m), 75, 1e-15, "cap floor: never below idle 75 W");
	is_str(it_basis_label(IT_EXPECTED), "expected draw", "basis label");
	is_str(it_basis_names[IT_NAMEPLATE], "nameplate", "basis name");
}

int
main(void)
{
	test_expected();
	test_full();
	test_cap();
	test_util();
	test_psu();
	test_liquid();
	test_rack();
	test_per_gpu();
	return tap_done();
}
