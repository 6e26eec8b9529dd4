/*
 * t-plant.c - the facility model (src/plant.c) against hand arithmetic.
 *
 * The sites are built directly in C (struct site is plain data).  Every
 * expected value below was worked out from the equations, not read back from
 * the code: doc/model-reference.md (DOE-2 chiller, constant-approach tower, make-up
 * water), doc/equipment.md (DOE-2 generic centrifugal curves), plant.h (heat path,
 * PLANT_FW_DT) and elec.h (chain losses).  python3 served as the calculator
 * only; the arithmetic is written next to each figure.
 *
 * Common figures (plant site, see plant_site()):
 *   rho_air = p / (287.042 (T_supply + 273.15)) = 101325 / (287.042 x 297.15)
 *           = 1.1879425286 kg/m3
 *   CRAH fan per W of air heat: 500 Pa / 0.6 / (rho 1006 x 12 K)
 *           = 0.058109092995
 *   facility-water pump per W: 250 kPa / 0.7 / (997 x 4180 x 10 K) = 0.0085697968821
 *   chilled-water pump per W:  300 kPa / 0.7 / (997 x 4180 x 6 K)  = 0.017139593764
 *   condenser flow at the 5.6 K design range for 3 x 1 MW chillers:
 *           3 x 1e6 x (1 + 1 / 5.5) / (997 x 4180 x 5.6) = 0.15191913 m3/s
 *           (below 1.25 x the 2 cells' 0.129 m3/s); constant-flow pump
 *           0.15191913 x 200 kPa / 0.7 = 43405.465 W, its heat to the towers
 *   python3 served as the calculator and as a second transcription of the
 *   plant (chiller staging at PLR 1, the tower-control candidates, the heat
 *   balance); every figure below agrees with both.
 *
 * The 1.086 MW IT load used for plant_eval (30 racks of 4 liquid-cooled
 * servers, 960 GPUs): server AC 8000 W (8 x 700 + 2000 W DC / 0.95), 80 %
 * liquid; rack switch 1000 W; CDU pumps 2 % of liquid heat; network 100 W/GPU.
 *   it_w     = 30 (4 x 8000 + 1000) + 960 x 100 = 1086000 W
 *   liquid_w = 30 x 4 x 6400 x 1.02             =  783360 W (cdu_w 15360 W)
 *   air_w    = 30 (4 x 1600 + 1000) + 96000     =  318000 W
 */
#include <math.h>
#include <string.h>

#include "fixture-site.h"
#include "plant.h"
#include "tower.h"
#include "tap.h"

static void
phase_air(struct fixture *f, struct site_phase *p, int racks)
{
	memset(p, 0, sizeof *p);
	strcpy(p->name, "hall-b");
	p->server = &f->air;
	p->rack = (struct rack_model){ .name = "rack-b", .servers = 5,
	    .switch_w = 500, .cdu_pump_frac = 0.02 };
	p->racks = racks;
	p->gpus_per_rack = 20;
	p->delivery_start = DATE_NONE;
}

/* IT-only site: hall A 10 racks (320 GPUs), hall B 5 racks (100 GPUs). */
static void
it_site(struct fixture *f)
{
	fixture_models(f);
	fixture_phase_liquid(f, &f->phase[0], 10);
	phase_air(f, &f->phase[1], 5);
	f->s.it.phases = f->phase;
	f->s.it.nphases = 2;
	f->s.it.network_per_gpu = 100;
	f->s.it.utilization = 1;
	f->s.cooling.liquid_fraction = NAN;
}

/* it_load_eval() with a racks of hall A and b racks of hall B online. */
static void
eval_racks(struct fixture *f, double a, double b, double util, double cap,
    struct it_load *it)
{
	double	r[2] = { a, b };

	it_load_eval(&f->s, r, util, cap, it);
}

/* The plant site (fixture-site.h) with 3 x 1 MW chillers and 2 tower cells. */
static void
plant_site(struct fixture *f)
{
	fixture_plant_site(f, 1e6, 2);
}

/* A second chiller group like the first but of 2 x 800 kW, 2N (1 usable), in
 * service from `day'. */
static void
second_chillers(struct fixture *f, int day)
{
	f->chillers[1] = f->chillers[0];
	strcpy(f->chillers[1].name, "ch2");
	f->chillers[1].chiller = fixture_doe2(800e3);
	f->chillers[1].count = 2;
	f->chillers[1].redundancy = RED_2N;
	f->chillers[1].in_service = day;
	f->s.cooling.nchillers = 2;
}

static struct it_load
it_1mw(void)
{
	struct it_load it = { .gpus = 960, .servers = 120, .racks = 30,
	    .it_w = 1086000, .nameplate_w = 1086000, .rated_w = 1086000,
	    .gpu_w = 672000, .cdu_w = 15360,
	    .liquid_w = 783360, .air_w = 318000 };

	return it;
}

static void
test_it_load_eval(void)
{
	struct fixture f;
	struct it_load it;

	it_site(&f);

	/* 2 racks of hall A at full load:
	 * it = 2 (4 x 8000 + 1000) + 64 x 100 = 72400; gpu = 2 x 4 x 5600 = 44800;
	 * cdu = 0.02 x 2 x 4 x 6400 = 1024; liquid = 51200 + 1024 = 52224;
	 * air = 2 (4 x 1600 + 1000) + 6400 = 21200 (it + cdu = liquid + air) */
	eval_racks(&f, 2, 0, 1, 0, &it);
	is_rel(it.it_w, 72400, 1e-12, "it_load_eval: servers + switch + network");
	is_rel(it.gpu_w, 44800, 1e-12, "it_load_eval: GPU share");
	is_rel(it.cdu_w, 1024, 1e-12, "it_load_eval: CDU pumps 2 %% of liquid heat");
	is_rel(it.liquid_w, 52224, 1e-12, "it_load_eval: CDU pump heat joins the liquid");
	is_rel(it.air_w, 21200, 1e-12, "it_load_eval: air = server air + switch + network");
	is_rel(it.gpus, 64, 1e-12, "it_load_eval: GPUs");
	is_rel(it.servers, 8, 1e-12, "it_load_eval: servers");
	is_rel(it.racks, 2, 1e-12, "it_load_eval: racks");

	/* plus 3 racks of hall B (air, AC 2000 / 0.9 = 2222.222 W):
	 * B racks: 3 (5 x 2222.222 + 500) = 34833.333; network 124 x 100 = 12400;
	 * it = 66000 + 34833.333 + 12400 = 113233.333; gpu = 44800 + 15 x 1400 = 65800;
	 * air = 14800 + 34833.333 + 12400 = 62033.333; no CDU pumping for air servers */
	eval_racks(&f, 2, 3, 1, 0, &it);
	is_rel(it.it_w, 113233.33333333333, 1e-12, "it_load_eval: two phases");
	is_rel(it.gpu_w, 65800, 1e-12, "it_load_eval: two phases, GPU share");
	is_rel(it.cdu_w, 1024, 1e-12, "it_load_eval: air-cooled phase adds no CDU power");
	is_rel(it.liquid_w, 52224, 1e-12, "it_load_eval: air-cooled phase adds no liquid heat");
	is_rel(it.air_w, 62033.333333333333, 1e-12, "it_load_eval: two phases, air");
	is_rel(it.gpus, 124, 1e-12, "it_load_eval: two phases, GPUs");
	is_rel(it.servers, 23, 1e-12, "it_load_eval: two phases, servers");

	/* site liquid fraction 90 % overrides the liquid server's 80 %; the
	 * air-cooled server has no cold plates and stays at 0.  1 + 1 racks:
	 * liquid = 4 x 7200 x 1.02 = 29376 (cdu 576); air = 4 x 800 + 1000 +
	 * 11611.111 + 52 x 100 = 21011.111; it = 33000 + 11611.111 + 5200 = 49811.111 */
	f.s.cooling.liquid_fraction = 0.9;
	eval_racks(&f, 1, 1, 1, 0, &it);
	is_rel(it.liquid_w, 29376, 1e-12, "liquid fraction override: liquid heat");
	is_rel(it.cdu_w, 576, 1e-12, "liquid fraction override: CDU pumps");
	is_rel(it.air_w, 21011.111111111111, 1e-12, "liquid fraction override: air heat");
	is_rel(it.it_w, 49811.111111111111, 1e-12, "liquid fraction override: IT power unchanged");
	/* override 0: the liquid server turns all-air: no liquid, no CDU power */
	f.s.cooling.liquid_fraction = 0;
	eval_racks(&f, 1, 0, 1, 0, &it);
	is_abs(it.liquid_w, 0, 1e-9, "liquid fraction override 0: no liquid heat");
	is_abs(it.cdu_w, 0, 1e-9, "liquid fraction override 0: no CDU power");
	is_rel(it.air_w, 36200, 1e-12, "liquid fraction override 0: 33000 + 32 x 100 to air");
	f.s.cooling.liquid_fraction = NAN;

	/* half a rack at 50 % utilisation and a 400 W GPU cap:
	 * GPU 8 (100 + 0.5 (400 - 100)) = 2000; base 1000 + 0.5 x 1000 = 1500;
	 * AC 3500 / 0.95 = 3684.2105; it = 0.5 (4 x 3684.2105 + 1000) + 16 x 100
	 * = 9468.4211; gpu = 0.5 x 4 x 2000 = 4000; liquid = 0.5 x 4 x 0.8 x
	 * 3684.2105 x 1.02 = 6012.6316; air = 0.5 (4 x 736.842 + 1000) + 1600 = 3573.6842 */
	eval_racks(&f, 0.5, 0, 0.5, 400, &it);
	is_rel(it.it_w, 9468.4210526315790, 1e-12, "half rack, 50 %% util, 400 W cap: IT");
	is_rel(it.gpu_w, 4000, 1e-12, "half rack, 50 %% util, 400 W cap: GPU");
	is_rel(it.liquid_w, 6012.6315789473684, 1e-12, "half rack, 50 %% util, 400 W cap: liquid");
	is_rel(it.air_w, 3573.6842105263158, 1e-12, "half rack, 50 %% util, 400 W cap: air");
	is_rel(it.gpus, 16, 1e-12, "half rack: 16 GPUs");

	/* nothing online: all zero (network and support scale with GPUs) */
	eval_racks(&f, 0, 0, 1, 0, &it);
	ok(it.it_w == 0 && it.liquid_w == 0 && it.air_w == 0 && it.gpus == 0 &&
	    it.cdu_w == 0, "no racks online: zero load");
}

static void
test_support(void)
{
	struct fixture f;
	struct it_load it;

	it_site(&f);
	f.support[0] = (struct site_support){ .name = "storage", .server = &f.cpu,
	    .count = 10 };
	f.support[1] = (struct site_support){ .name = "login", .server = &f.cpu,
	    .per_gpu = 0.01 };
	f.s.it.support = f.support;
	f.s.it.nsupport = 2;

	/* 124 of 420 GPUs online: fixed count scales with the deployment,
	 * 10 x 124 / 420 = 2.952381 nodes; per GPU 0.01 x 124 = 1.24 nodes;
	 * (2.952381 + 1.24) x 500 W = 2096.1905; it = 113233.333 + 2096.1905 */
	eval_racks(&f, 2, 3, 1, 0, &it);
	is_rel(it.it_w, 115329.52380952381, 1e-12, "support: count scaled by GPUs online + per_gpu");
	is_rel(it.air_w, 62033.333333333333 + 2096.1904761904762, 1e-12,
	    "support: air-cooled nodes heat the air");
	is_rel(it.gpus, 124, 1e-12, "support: nodes add no GPUs");
	/* at 50 %: node AC (200 + 0.5 x 200) / 0.8 = 375 W;
	 * GPU servers: A 2 x (4 x 4947.368 + 1000), B 3 x (5 x (4 x 200 + 500)
	 * / 0.9 + 500): it = 41578.947 + 23166.667 + 12400 + 4.192381 x 375 */
	eval_racks(&f, 2, 3, 0.5, 0, &it);
	is_rel(it.it_w, 2 * (4 * 4700 / 0.95 + 1000) + 3 * (5 * 1300 / 0.9 + 500) +
	    12400 + 4.1923809523809524 * 375, 1e-12, "support: nodes follow utilisation");

	/* all 420 GPUs and beyond: the fixed count stops at 10 nodes */
	eval_racks(&f, 10, 10, 1, 0, &it);
	/* 520 GPUs: 10 x 36200 (A: 33000 + 3200) + 10 x (11611.111 + 2000) +
	 * 10 x 500 + 5.2 x 500 */
	is_rel(it.it_w, 362000 + 136111.11111111111 + 5000 + 2600, 1e-12,
	    "support: fixed count capped at its count past full deployment");

	/* per_gpu only, no GPUs: nothing */
	eval_racks(&f, 0, 0, 1, 0, &it);
	is_abs(it.it_w, 0, 1e-12, "support: no GPUs online, no support nodes");
}

static void
test_it_load_gpus(void)
{
	struct fixture f;
	struct it_load a, b;

	it_site(&f);
	/* 400 GPUs: hall A full (10 racks, 320), then 80 / 20 = 4 racks of B;
	 * it = 330000 + 4 x 11611.111 + 40000 = 416444.444 */
	it_load_gpus(&f.s, 400, 1, 0, &a);
	eval_racks(&f, 10, 4, 1, 0, &b);
	is_rel(a.racks, 14, 1e-12, "it_load_gpus: hall A filled before hall B");
	is_rel(a.gpus, 400, 1e-12, "it_load_gpus: GPUs");
	is_rel(a.servers, 10 * 4 + 4 * 5, 1e-12, "it_load_gpus: servers");
	is_rel(a.it_w, 416444.44444444444, 1e-12, "it_load_gpus: IT power");
	ok(a.it_w == b.it_w && a.liquid_w == b.liquid_w && a.air_w == b.air_w &&
	    a.cdu_w == b.cdu_w, "it_load_gpus(400) = it_load_eval({10, 4})");
	/* 300 GPUs: all in hall A, 300 / 32 = 9.375 racks; it = 9.375 x 33000 + 30000 */
	it_load_gpus(&f.s, 300, 1, 0, &a);
	is_rel(a.racks, 9.375, 1e-12, "it_load_gpus: partial first phase");
	is_rel(a.it_w, 339375, 1e-12, "it_load_gpus: partial first phase, IT");
	is_rel(a.liquid_w, 9.375 * 4 * 6400 * 1.02, 1e-12, "it_load_gpus: partial first phase, liquid");
	/* 500 GPUs: more than installed (420); the excess goes to the last phase
	 * (9 racks of B): 330000 + 9 x 11611.111 + 50000 = 484500 */
	it_load_gpus(&f.s, 500, 1, 0, &a);
	is_rel(a.racks, 19, 1e-12, "it_load_gpus: beyond the deployment, last phase grows");
	is_rel(a.it_w, 484500, 1e-12, "it_load_gpus: beyond the deployment, IT");
	it_load_gpus(&f.s, 0, 1, 0, &a);
	ok(a.racks == 0 && a.it_w == 0 && a.gpus == 0, "it_load_gpus(0): nothing");
}

static void
test_cfg(void)
{
	struct fixture f;
	struct plant_cfg c;

	plant_site(&f);
	/* a second group, 2 x 800 kW (2N: 1 usable), in service from day 100 */
	second_chillers(&f, 100);
	f.towers[0].in_service = 50;

	plant_cfg_init(&c, &f.s, 49);
	ok(c.site == &f.s && c.day == 49, "cfg: site and day");
	is_int(c.nch, 1, "cfg day 49: the later chiller group is absent");
	ok(c.ch[0] == &f.chillers[0].chiller, "cfg: the group's own chiller (site capacity)");
	is_int(c.ch_usable[0], 2, "cfg: N+1 of 3 chillers -> 2 usable");
	is_int(c.ntw, 0, "cfg day 49: tower not yet in service");
	is_abs(c.tw_flow, 0, 1e-15, "cfg day 49: no condenser flow");
	plant_cfg_init(&c, &f.s, 100);
	is_int(c.nch, 2, "cfg day 100: second group in service on its date");
	is_int(c.ch_usable[1], 1, "cfg: 2N of 2 -> 1 usable");
	is_int(c.ntw, 1, "cfg day 100: tower in service");
	is_int(c.tw_cells[0], 2, "cfg: tower cells");
	/* 2 cells x 4.3e-8 m3/s/W x 1.5 MW = 0.129 m3/s */
	is_rel(c.tw_flow, 0.129, 1e-12, "cfg: condenser flow from 4.3e-8 m3/s per W");
	f.tower.u.tower.design_water_flow = 0.07;
	plant_cfg_init(&c, &f.s, 100);
	is_rel(c.tw_flow, 0.14, 1e-12, "cfg: condenser flow from the model's design flow");
	f.tower.u.tower.design_water_flow = 0;
	f.chillers[0].model = NULL;
	plant_cfg_init(&c, &f.s, 100);
	ok(c.nch == 1 && c.ch[0] == &f.chillers[1].chiller, "cfg: a group without a model is skipped");
	f.chillers[0].model = &f.chiller;
	f.s.cooling.nchillers = 1;

	/* condenser design flow: 3 x 1 MW x (1 + 1 / 5.5) / (997 x 4180 x 5.6)
	 * = 0.15191913 m3/s; a model's reference flow wins, scaled to the site's
	 * capacity: 0.05 m3/s at 500 kW -> 3 x 0.05 x 1e6 / 500e3 = 0.3 m3/s,
	 * capped at 1.25 x the towers' 0.129 m3/s */
	plant_cfg_init(&c, &f.s, 100);
	is_rel(c.cw_flow_design, 3e6 * (1 + 1 / 5.5) / (997.0 * 4180.0 * 5.6), 1e-12,
	    "cfg: condenser flow at condenser.delta_t");
	f.chillers[0].chiller.cw_flow_ref = 0.05;
	f.chiller.u.chiller.q_ref = 500e3;
	f.s.cooling.nchillers = 1;
	plant_cfg_init(&c, &f.s, 100);
	is_rel(c.cw_flow_design, 0.3, 1e-12, "cfg: the model's condenser flow, scaled");
	is_rel(c.cw_flow_max, 1.25 * 0.129, 1e-12, "cfg: at most 1.25 x the towers' flow");
	f.chillers[0].chiller.cw_flow_ref = 0;
	f.chiller.u.chiller.q_ref = 0;
	plant_cfg_init(&c, &f.s, 100);

	/* no UPS, no transformer: chain is the PDU and the power factor */
	ok(c.chain.ups == NULL && c.chain.xfmr == NULL && c.ups_capacity_w == 0 &&
	    c.xfmr_capacity_va == 0, "cfg: no UPS, no transformer");
	is_rel(c.chain.pdu_eff, 0.98, 1e-15, "cfg: PDU efficiency copied");
	is_rel(c.chain.power_factor, 0.95, 1e-15, "cfg: power factor copied");

	/* UPS auto-sized from the design IT (full deployment, 100 %, TDP, nameplate):
	 * 30 x 33000 + 960 x 100 = 1086000 W, UPS output 1086000 / 0.98 = 1108163 W.
	 * Default N+1 per block of 4 x 500 kW: 1.5 MW usable a block -> 1 block. */
	f.s.power.chain.ups = &f.ups;
	f.s.it.utilization = 0.5;	/* design ignores the workload */
	f.s.it.gpu_power_cap = 300;
	plant_cfg_init(&c, &f.s, 0);
	ok(c.chain.ups == &f.ups.u.ups, "cfg: UPS model");
	ok(c.plan_ok && c.plan.ups_auto, "cfg: UPS auto-sized");
	is_int(c.plan.modules, 4, "cfg: auto-size: 4 modules a block");
	is_int(c.plan.blocks, 1, "cfg: auto-size N+1: 1 block of 3 + 1");
	is_int(c.chain.n_ups, 4, "cfg: UPS N+1: 3 + 1 modules energised");
	is_rel(c.ups_capacity_w, 1.5e6, 1e-12, "cfg: UPS N+1 usable: 3 x 500 kW");
	/* 2N, 4 modules a side-block: 2 MW a side -> 1 block a side, 2 blocks */
	f.s.power.chain.ups_topology = UPS_TOPO_2N;
	plant_cfg_init(&c, &f.s, 0);
	is_int(c.plan.blocks, 2, "cfg: UPS 2N: two sides of 1 block");
	is_int(c.chain.n_ups, 8, "cfg: UPS 2N: 2 x 4 modules energised");
	is_rel(c.ups_capacity_w, 2e6, 1e-12, "cfg: UPS 2N usable: one side, 4 x 500 kW");
	/* N with one module a block: ceil(1108163 / 500000) = 3 modules */
	f.s.power.chain.ups_topology = UPS_TOPO_N;
	f.s.power.chain.ups_modules = 1;
	plant_cfg_init(&c, &f.s, 0);
	is_int(c.chain.n_ups, 3, "cfg: UPS N: 3 modules");
	is_rel(c.ups_capacity_w, 1.5e6, 1e-12, "cfg: UPS N usable: 3 x 500 kW");
	/* half the IT behind UPS, N+1 per block of 1 + 1: 554082 W / 500 kW a
	 * block -> 2 blocks, 4 modules, 1 MW usable */
	f.s.power.chain.ups_topology = UPS_TOPO_N1;
	f.s.power.chain.ups_modules = 2;
	f.s.power.chain.ups_fraction = 0.5;
	plant_cfg_init(&c, &f.s, 0);
	is_int(c.plan.blocks, 2, "cfg: UPS for 50 %% of IT: 2 blocks of 1 + 1");
	is_int(c.chain.n_ups, 4, "cfg: UPS for 50 %% of IT: 4 modules");
	is_rel(c.ups_capacity_w, 1e6, 1e-12, "cfg: UPS for 50 %% of IT: 2 x 500 kW usable");
	is_rel(c.chain.ups_fraction, 0.5, 1e-15, "cfg: UPS fraction copied");
	f.s.power.chain.ups_fraction = 0;
	plant_cfg_init(&c, &f.s, 0);
	ok(c.chain.ups == NULL && c.ups_capacity_w == 0, "cfg: UPS fraction 0: no UPS in the chain");
	f.s.power.chain.ups_fraction = 1;
	/* block-redundant, 2 modules a block, auto: 1 MW a block -> 2 active + 1
	 * reserve; the reserve block's 2 modules energised at no load */
	f.s.power.chain.ups_topology = UPS_TOPO_BLOCK;
	plant_cfg_init(&c, &f.s, 0);
	is_int(c.plan.blocks, 3, "cfg: block-redundant: 2 active + 1 reserve block");
	is_int(c.plan.reserve, 1, "cfg: block-redundant: one reserve by default");
	is_int(c.chain.n_ups, 4, "cfg: block-redundant: 4 modules carry the load");
	is_int(c.chain.n_ups_idle, 2, "cfg: block-redundant: 2 reserve modules idle");
	is_rel(c.ups_capacity_w, 2e6, 1e-12, "cfg: block-redundant usable: 2 blocks");
	/* distributed-redundant: 2 blocks needed + 1, all 3 share */
	f.s.power.chain.ups_topology = UPS_TOPO_DISTRIBUTED;
	plant_cfg_init(&c, &f.s, 0);
	is_int(c.plan.blocks, 3, "cfg: distributed-redundant: 2 + 1 blocks");
	is_int(c.chain.n_ups, 6, "cfg: distributed-redundant: all 6 modules share");
	is_rel(c.ups_capacity_w, 2e6, 1e-12, "cfg: distributed-redundant usable: 3 - 1 blocks");
	/* counts given: not auto-sized */
	f.s.power.chain.ups_blocks = 5;
	plant_cfg_init(&c, &f.s, 0);
	ok(!c.plan.ups_auto && c.plan.blocks == 5, "cfg: blocks given: not auto-sized");
	is_rel(c.ups_capacity_w, 4e6, 1e-12, "cfg: 5 distributed blocks: 4 x 1 MW usable");
	is_int(c.chain.n_ups, 6, "cfg: 5 installed, 3 energised for the full deployment");
	f.s.power.chain.ups_blocks = 0;
	/* support nodes count in the design: + 10 x 500 W = 1091000 W.  With 370 kW
	 * modules, one a block, N: 1086000 / 0.98 / 370000 = 2.995 -> 3,
	 * 1091000 / 0.98 / 370000 = 3.009 -> 4 */
	f.ups.u.ups.rating_w = 370e3;
	f.s.power.chain.ups_topology = UPS_TOPO_N;
	f.s.power.chain.ups_modules = 1;
	plant_cfg_init(&c, &f.s, 0);
	is_int(c.chain.n_ups, 3, "cfg: 370 kW UPS modules: 3 for 1.086 MW / 0.98");
	f.support[0] = (struct site_support){ .name = "storage", .server = &f.cpu,
	    .count = 10 };
	f.s.it.support = f.support;
	f.s.it.nsupport = 1;
	plant_cfg_init(&c, &f.s, 0);
	is_int(c.chain.n_ups, 4, "cfg: support nodes in the design IT: 4 modules");
	f.s.it.nsupport = 0;
	f.ups.u.ups.rating_w = 500e3;
	f.s.power.chain.ups_topology = UPS_TOPO_N1;
	f.s.power.chain.ups_modules = 0;

	/* transformers: ceil(1.086 MW x 1.3 / 0.95 / 1 MVA) = ceil(1.4861) = 2 */
	f.s.power.chain.xfmr = &f.xfmr;
	plant_cfg_init(&c, &f.s, 0);
	ok(c.chain.xfmr == &f.xfmr.u.transformer, "cfg: transformer model");
	is_int(c.chain.n_xfmr, 2, "cfg: 2 x 1 MVA transformers for 1.486 MVA");
	is_rel(c.xfmr_capacity_va, 2e6, 1e-12, "cfg: transformer capacity 2 MVA");
	/* 500 kVA: ceil(2.9722) = 3; 2.5 MVA: 1 */
	f.xfmr.u.transformer.rating_va = 500e3;
	plant_cfg_init(&c, &f.s, 0);
	is_int(c.chain.n_xfmr, 3, "cfg: 3 x 500 kVA");
	f.xfmr.u.transformer.rating_va = 2.5e6;
	plant_cfg_init(&c, &f.s, 0);
	is_int(c.chain.n_xfmr, 1, "cfg: 1 x 2.5 MVA");
	is_rel(c.xfmr_capacity_va, 2.5e6, 1e-12, "cfg: capacity 2.5 MVA");
	ok(c.plan.xfmr_auto, "cfg: transformers auto-sized");
	/* redundancy: N+1 installs 2 + 1 of 1 MVA, 2N 2 x 2; both count 2 MVA */
	f.xfmr.u.transformer.rating_va = 1e6;
	f.s.power.chain.xfmr_redundancy = RED_N1;
	plant_cfg_init(&c, &f.s, 0);
	is_int(c.plan.n_xfmr, 3, "cfg: transformers N+1: 2 + 1");
	is_rel(c.xfmr_capacity_va, 2e6, 1e-12, "cfg: transformers N+1: 2 MVA usable");
	f.s.power.chain.xfmr_redundancy = RED_2N;
	plant_cfg_init(&c, &f.s, 0);
	is_int(c.plan.n_xfmr, 4, "cfg: transformers 2N: 2 x 2");
	is_int(c.chain.n_xfmr, 4, "cfg: transformers 2N: all 4 energised, sharing");
	is_rel(c.xfmr_capacity_va, 2e6, 1e-12, "cfg: transformers 2N: 2 MVA usable");
	f.s.power.chain.xfmr_count = 6;
	plant_cfg_init(&c, &f.s, 0);
	ok(!c.plan.xfmr_auto && c.plan.n_xfmr == 6, "cfg: transformer count given");
	is_rel(c.xfmr_capacity_va, 3e6, 1e-12, "cfg: 6 transformers 2N: 3 MVA usable");
	f.s.power.chain.xfmr_count = 0;
	f.s.power.chain.xfmr_redundancy = RED_N;
}

/*
 * Full mechanical cooling: economizer off, 35 degC / 24 degC wet-bulb.
 *   PDU loss 1086000 / 0.98 - 1086000 = 22163.265
 *   air heat 318000 + 22163.265 = 340163.265; V = 340163.265 / (1.18794 x 1006 x 12)
 *     = 23.719895 m3/s; CRAH fan 23.719895 x 500 / 0.6 = 19766.579
 *   q_air = 359929.844; FW pump 783360 x 0.0085697969 = 6713.236;
 *   q_liq = 790073.236; CHW pump (359929.844 + 790073.236) x 0.0171395938 = 19710.586
 *   chillers see 359929.844 + 19710.586 + 790073.236 = 1169713.666 W
 *   tower water 24 + 3 = 27 < setpoint 29.4: condenser held at 29.4 degC
 *   CAPFT(7, 29.4) = 1.0118681056, EIRFT(7, 29.4) = 0.9883916
 *   unit max 1011868.106 W: ceil(1.156) = 2 run, 584856.833 W each,
 *   PLR 0.577997; EIRFPLR = 0.222903 + 0.313387 PLR + 0.46371 PLR^2 = 0.5589563
 *   P = 2 x 1011868.106 / 5.5 x 0.9883916 x 0.5589563 = 203281.627
 *   Q_cond = 203281.627 + 1169713.666 = 1372995.292 (f_motor 1, no false load)
 *   to the towers Q_cond + condenser pump 43405.465 = 1416400.757
 *   tower FR = 1416400.757 / 3e6 = 0.4721336; fan 60 kW x FR^3 = 6314.601
 *   mech = 203281.627 + 6314.601 + 19766.579 + 19710.586 + 43405.465 + 6713.236
 *        + 15360 = 314552.093
 *   facility = 1108163.265 + 314552.093 = 1422715.358; /0.95 = 1497595.114 VA
 *   PUE = 1422715.358 / 1086000 = 1.3100510
 *   capacity at PLR 1: 2 x 1011868.106 = 2023736.211; margin 2023736.211 -
 *     1169713.666 = 854022.545 (the towers' 3 MW leave 1.58 MW: not binding)
 *   water (loss factor): evap 0.002 x 1416400.757 / (997 x 4180) = 6.7974294e-4
 *     m3/s; drift 0.129 x 8e-5 x 0.4721336 = 4.8724186e-6; blowdown evap / 3 -
 *     drift = 2.2170856e-4; make-up 9.0632392e-4 m3/s
 */
static void
test_fmc(void)
{
	struct fixture f;
	struct plant_cfg c;
	struct plant_result r;
	struct it_load it = it_1mw();

	plant_site(&f);
	f.s.cooling.economizer = 0;
	plant_cfg_init(&c, &f.s, 0);
	is_int(plant_eval(&c, &it, 35, 24, 101325, &r), 0, "FMC: plant_eval ok");
	is_rel(r.pdu_loss_w, 22163.265306122449, 1e-12, "FMC: PDU loss it / 0.98 - it");
	is_abs(r.ups_loss_w, 0, 1e-12, "FMC: no UPS loss");
	is_abs(r.xfmr_loss_w, 0, 1e-12, "FMC: no transformer loss");
	is_rel(r.crah_fan_w, 19766.5788173, 1e-9, "FMC: CRAH fan V dp / eta");
	is_rel(r.fw_pump_w, 6713.23608556, 1e-9, "FMC: facility-water pump");
	is_rel(r.chw_pump_w, 19710.5856224, 1e-9, "FMC: chilled-water pump");
	is_rel(r.cw_pump_w, 43405.4647275, 1e-9, "FMC: condenser pump, constant flow");
	is_rel(r.cdu_pump_w, 15360, 1e-12, "FMC: CDU pumps from the IT load");
	is_rel(r.q_air_w, 359929.844123, 1e-9, "FMC: air load incl. PDU loss and fan heat");
	is_rel(r.q_liquid_w, 790073.236086, 1e-9, "FMC: liquid load incl. pump heat");
	is_abs(r.q_free_w, 0, 1e-9, "FMC: no free cooling");
	is_rel(r.q_mech_w, 1169713.66583, 1e-9, "FMC: chillers carry air + pump + liquid");
	is_int(r.mode, MODE_MECHANICAL, "FMC: mode");
	is_str(cool_mode_name(r.mode), "FMC", "FMC: mode name");
	is_abs(r.t_ecw, 29.4, 1e-12, "FMC: condenser water held at the setpoint");
	is_abs(r.t_tower_out, 27, 1e-12, "FMC: tower water twb + approach");
	is_int(r.tower_at_capacity, 0, "FMC: tower can reach the setpoint");
	is_int(r.chillers_running, 2, "FMC: 2 chillers run");
	is_rel(r.chiller_w, 203281.62656, 1e-9, "FMC: chiller power (DOE-2 curves)");
	is_rel(r.q_reject_w, 1416400.75712, 1e-9, "FMC: heat to towers = Q_cond + CW pump");
	is_rel(r.tower_fan_w, 6314.6013327, 1e-9, "FMC: tower fan P FR^3");
	is_rel(r.mech_w, 314552.093145, 1e-9, "FMC: mechanical power");
	is_rel(r.facility_w, 1422715.35845, 1e-9, "FMC: facility power");
	is_rel(r.facility_w, it.it_w + r.mech_w + r.pdu_loss_w + r.ups_loss_w +
	    r.xfmr_loss_w, 1e-12, "FMC: facility = IT + mech + electrical losses");
	is_rel(r.facility_va, 1497595.11416, 1e-9, "FMC: facility VA = W / pf");
	is_rel(r.pue, 1.31005097463, 1e-9, "FMC: PUE");
	is_rel(r.cooling_capacity_w, 2023736.2112, 1e-9, "FMC: capacity 2 x Q_ref CAPFT (PLR 1)");
	is_rel(r.cooling_margin_w, 854022.545369, 1e-9, "FMC: positive margin");
	is_abs(r.unmet_w, 0, 1e-9, "FMC: all met");
	is_rel(r.evap, 6.79742940361e-4, 1e-9, "FMC: evaporation 0.2 %%/K");
	is_rel(r.drift, 4.87241860449e-6, 1e-9, "FMC: drift");
	is_rel(r.blowdown, 2.21708561516e-4, 1e-9, "FMC: blowdown");
	is_rel(r.water, 9.06323920482e-4, 1e-9, "FMC: water = tower make-up");
	is_rel(r.it.it_w, 1086000, 1e-12, "FMC: result carries the IT load");
	ok(r.tdb == 35 && r.twb == 24, "FMC: result carries the condition");

	/* a wet-bulb of 28: tower water 31 > 29.4, condenser at 31 degC;
	 * CAPFT(7, 31) = 0.99189496, EIRFT = 1.02563864; PLR = 584856.833 /
	 * 991894.96 = 0.5896359; EIRFPLR 0.5689055; P = 2 x 991894.96 / 5.5 x
	 * 1.02563864 x 0.5689055 = 210458.987 */
	is_int(plant_eval(&c, &it, 35, 28, 101325, &r), 0, "FMC twb 28: ok");
	is_abs(r.t_ecw, 31, 1e-12, "FMC twb 28: condenser water twb + approach");
	is_int(r.tower_at_capacity, 1, "FMC twb 28: tower at capacity");
	is_rel(r.chiller_w, 210458.986687, 1e-9, "FMC twb 28: chillers work harder");
	is_rel(r.cooling_capacity_w, 1983789.92, 1e-9, "FMC twb 28: capacity falls with CAPFT");

	/* station pressure 90 kPa: rho 90000 / (287.042 x 297.15) = 1.0551673;
	 * V = 340163.265 / (1.0551673 x 1006 x 12) = 26.704648; fan 22253.873 */
	is_int(plant_eval(&c, &it, 35, 24, 90000, &r), 0, "FMC 90 kPa: ok");
	is_rel(r.crah_fan_w, 22253.8733184, 1e-8, "FMC 90 kPa: thinner air, more fan power");
}

/*
 * Economizer on: the cheapest of three tower controls (hold the setpoint
 * without economizer, hold it with, full fan with).  With full fan the tower
 * water + hx approach = twb + 3 + 1.
 * FC, twb 2: 6 <= 7 degC chilled-water supply and <= 27 facility supply:
 *   chillers off; the CHW pump carries only the air side, 359929.844 x
 *   0.0171395938 = 6169.051; free 359929.844 + 6169.051 + 790073.236 =
 *   1156172.132; to the towers + 43405.465 pump = 1199577.596: FR 0.3998592,
 *   fan 60 kW FR^3 = 3835.946; mech = 3835.946 + 19766.579 + 6169.051 +
 *   43405.465 + 6713.236 + 15360 = 95250.277; facility 1203413.543;
 *   PUE 1.1081156; capacity CAPFT(7, 24 [5 clamped up]) = 1.04363812:
 *   2 x 1043638.12 = 2087276.24 spare, + 1156172.132 free; the margin is the
 *   smaller of that and the towers' 3e6 - 1199577.596 = 1800422.404.
 */
static void
test_economizer(void)
{
	struct fixture f;
	struct plant_cfg c;
	struct plant_result r;
	struct it_load it = it_1mw();

	plant_site(&f);
	plant_cfg_init(&c, &f.s, 0);
	is_int(plant_eval(&c, &it, 5, 2, 101325, &r), 0, "FC: ok");
	is_int(r.mode, MODE_FREE, "FC: mode");
	is_str(cool_mode_name(r.mode), "FC", "FC: mode name");
	is_int(r.chillers_running, 0, "FC: chillers off");
	is_abs(r.chiller_w, 0, 1e-9, "FC: no chiller power");
	is_abs(r.q_mech_w, 0, 1e-9, "FC: nothing for the chillers");
	is_rel(r.q_free_w, 1156172.13152, 1e-9, "FC: all heat free-cooled");
	is_rel(r.q_reject_w, 1199577.59625, 1e-9, "FC: towers take the free-cooled heat");
	is_abs(r.t_ecw, 5, 1e-12, "FC: towers flat out, water at twb + approach");
	is_rel(r.tower_fan_w, 3835.94635122, 1e-9, "FC: tower fan");
	is_rel(r.mech_w, 95250.2772935, 1e-9, "FC: mechanical power");
	is_rel(r.facility_w, 1203413.5426, 1e-9, "FC: facility");
	is_rel(r.pue, 1.10811560092, 1e-9, "FC: PUE");
	is_rel(r.cooling_capacity_w, 3243448.37152, 1e-9, "FC: capacity = chillers + free");
	is_rel(r.cooling_margin_w, 1800422.40375, 1e-9, "FC: margin = what the towers have left");
	is_rel(r.water, 7.67583513698e-4, 1e-9, "FC: make-up water");

	/*
	 * PMC, twb 5: available 9 degC; air side free fraction (13 - 9) / (13 - 7)
	 * = 2/3, liquid side all free (9 <= 27), CHW pump 6169.051 (air side).
	 * Chillers: (359929.844 + 6169.051) / 3 = 122032.965 W, one unit, PLR
	 * 0.1169302 < 0.2 min unloading: PLR' 0.2, EIRFPLR(0.2) = 0.3041288,
	 * EIRFT(7, 24) = 0.88105364; P = 1043638.12 / 5.5 x 0.88105364 x
	 * 0.3041288 = 50844.870; false load 0.2 x 1043638.12 - 122032.965 =
	 * 86694.659; Q_cond = 259572.494; to towers 259572.494 + 1034139.166
	 * free + 43405.465 pump = 1337117.125; fan 5312.462; facility
	 * 1108163.265 + 147571.663 = 1255734.928
	 */
	is_int(plant_eval(&c, &it, 10, 5, 101325, &r), 0, "PMC: ok");
	is_int(r.mode, MODE_PARTIAL, "PMC: mode");
	is_str(cool_mode_name(r.mode), "PMC", "PMC: mode name");
	is_rel(r.q_free_w, 1034139.16638, 1e-9, "PMC: free = 2/3 air + all liquid");
	is_rel(r.q_mech_w, 122032.965145, 1e-9, "PMC: chillers take 1/3 of the air side");
	is_int(r.chillers_running, 1, "PMC: one chiller");
	is_rel(r.chiller_w, 50844.8701361, 1e-9, "PMC: chiller at min unloading");
	is_rel(r.q_reject_w, 1337117.12524, 1e-9, "PMC: Q_cond (with false load) + free + pump");
	is_rel(r.tower_fan_w, 5312.46203637, 1e-9, "PMC: tower fan");
	is_rel(r.facility_w, 1255734.92842, 1e-9, "PMC: facility");
	is_rel(r.cooling_capacity_w, 3121415.40638, 1e-9, "PMC: capacity = chillers + free");
	is_rel(r.cooling_margin_w, 1662882.87476, 1e-9, "PMC: margin");

	/* PMC, twb 20: 24 degC water, too warm for 7 degC chilled water but
	 * cold enough for 27 degC facility water: liquid free, air mechanical.
	 * 366098.895 W (air + CHW pump on the air side) on one chiller, PLR
	 * 0.3507910, EIRFPLR 0.3898979:
	 * P = 1043638.12 / 5.5 x 0.88105364 x 0.3898979 = 65183.919 */
	is_int(plant_eval(&c, &it, 25, 20, 101325, &r), 0, "PMC liquid: ok");
	is_int(r.mode, MODE_PARTIAL, "PMC liquid: mode");
	is_rel(r.q_free_w, 790073.236086, 1e-9, "PMC liquid: the facility water is free");
	is_rel(r.q_mech_w, 366098.895435, 1e-9, "PMC liquid: the air side on chillers");
	is_rel(r.chiller_w, 65183.9194207, 1e-9, "PMC liquid: chiller power");
	is_abs(r.t_ecw, 23, 1e-12, "PMC liquid: condenser water at twb + approach");
	is_rel(r.facility_w, 1269257.38224, 1e-9, "PMC liquid: facility");

	/* twb 26: 30 degC water; liquid free fraction (37 - 30) / (37 - 27) = 0.7;
	 * CHW pump (359929.844 + 0.3 x 790073.236) x 0.0171395938 = 10231.512;
	 * q_mech = 370161.356 + 0.3 x 790073.236 = 607183.327 */
	is_int(plant_eval(&c, &it, 30, 26, 101325, &r), 0, "PMC 0.7: ok");
	is_rel(r.q_free_w, 0.7 * 790073.236086, 1e-9, "PMC 0.7: free fraction (Tr - Ta) / (Tr - Ts)");
	is_rel(r.q_mech_w, 607183.326554, 1e-9, "PMC 0.7: the rest to the chillers");
	is_rel(r.chiller_w, 104184.017036, 1e-9, "PMC 0.7: chiller power at CAPFT/EIRFT(7, 29)");
}

/*
 * Chillers too small: 3 x 300 kW, N+1.  At 35 / 24, CAPFT 1.0118681:
 * unit max 303560.432; both run at PLR 1 (PLR_max 1): EIRFPLR(1) = 1,
 * P = 2 x 303560.432 / 5.5 x 0.9883916 = 109104.211; met 607120.863,
 * unmet 1169713.666 - 607120.863 = 562592.802; margin -562592.802.
 * Condenser flow for 3 x 300 kW: 0.04557574 m3/s, pump 13021.639 W: to the
 * towers 109104.211 + 607120.863 + 13021.639 = 729246.714.
 */
static void
test_unmet(void)
{
	struct fixture f;
	struct plant_cfg c;
	struct plant_result r;
	struct it_load it = it_1mw();

	plant_site(&f);
	f.s.cooling.economizer = 0;
	f.chillers[0].chiller = fixture_doe2(300e3);
	plant_cfg_init(&c, &f.s, 0);
	is_int(plant_eval(&c, &it, 35, 24, 101325, &r), 0, "unmet: ok");
	is_int(r.chillers_running, 2, "unmet: both usable chillers run");
	is_rel(r.chiller_w, 109104.211187, 1e-9, "unmet: chillers at PLR max");
	is_rel(r.unmet_w, 562592.802471, 1e-9, "unmet: load - usable x Q_avail x PLRmax");
	is_rel(r.cooling_capacity_w, 607120.86336, 1e-9, "unmet: capacity");
	is_rel(r.cooling_margin_w, -562592.802471, 1e-9, "unmet: negative margin");
	ok(r.cooling_margin_w < 0, "unmet: margin sign");
	is_rel(r.q_reject_w, 729246.713965, 1e-9, "unmet: towers take only what was met");

	/* no chiller in service at all (from day 10): everything unmet */
	f.chillers[0].in_service = 10;
	plant_cfg_init(&c, &f.s, 9);
	is_int(plant_eval(&c, &it, 35, 24, 101325, &r), 0, "no chillers: ok");
	is_rel(r.unmet_w, 1169713.66583, 1e-9, "no chillers: all unmet");
	is_rel(r.cooling_margin_w, -1169713.66583, 1e-9, "no chillers: margin = -load");
	is_abs(r.cooling_capacity_w, 0, 1e-9, "no chillers: no capacity");
}

/*
 * Several groups.  Chillers: group 1, 3 x 300 kW N+1 (2 usable), group 2,
 * 2 x 800 kW 2N (1 usable), loaded in site order.  FMC at 35 / 24, CAPFT
 * 1.0118681, EIRFT 0.9883916: group 1 runs flat out (109104.211 W, meets
 * 607120.863 W), group 2 takes the other 562592.802 W at PLR 562592.802 /
 * 809494.484 = 0.6949928, EIRFPLR 0.6646835: 809494.484 / 5.5 x 0.9883916 x
 * 0.6646835 = 96693.032; total 205797.243 W, nothing unmet; capacity
 * 607120.863 + 809494.484 = 1416615.348; condenser flow for 3 x 300 + 2 x
 * 800 kW: 0.12659927 m3/s, pump 36171.221 W; to the towers 205797.243 +
 * 1169713.666 + 36171.221 = 1411682.130.
 */
static void
test_groups(void)
{
	struct fixture f;
	struct plant_cfg c;
	struct plant_result r;
	struct it_load it = it_1mw();
	struct model tower5;

	plant_site(&f);
	f.s.cooling.economizer = 0;
	f.chillers[0].chiller = fixture_doe2(300e3);
	second_chillers(&f, DATE_NONE);
	plant_cfg_init(&c, &f.s, 0);
	is_int(plant_eval(&c, &it, 35, 24, 101325, &r), 0, "two chiller groups: ok");
	is_abs(r.unmet_w, 0, 1e-6, "two chiller groups: the second takes what the first cannot");
	is_int(r.chillers_running, 3, "two chiller groups: 2 + 1 running");
	is_rel(r.chiller_w, 205797.243462, 1e-9, "two chiller groups: power");
	is_rel(r.cooling_capacity_w, 1416615.34784, 1e-9, "two chiller groups: capacity adds up");
	is_rel(r.q_reject_w, 1411682.1299, 1e-9, "two chiller groups: condenser heat adds up");

	/* two identical groups of 3 x 1 MW N+1 count 2 + 2 usable:
	 * capacity 4 x 1011868.1056 */
	f.chillers[0].chiller = fixture_doe2(1e6);
	f.chillers[1] = f.chillers[0];
	f.s.cooling.nchillers = 2;
	plant_cfg_init(&c, &f.s, 0);
	is_int(plant_eval(&c, &it, 35, 24, 101325, &r), 0, "identical chiller groups: ok");
	is_rel(r.cooling_capacity_w, 4 * 1011868.1056, 1e-9, "identical chiller groups: 4 usable");
	is_rel(r.chiller_w, 203281.62656, 1e-9, "identical chiller groups: still 2 running");

	/* towers: 2 cells of 3 K approach (0.129 m3/s) and 1 cell of 5 K
	 * (0.0645 m3/s) mix to twb + (3 x 0.129 + 5 x 0.0645) / 0.1935
	 * = twb + 3.6667; at twb 28 the condenser water is 31.6667 degC;
	 * condenser pump still sized by the chillers, 43405.465 W */
	f.s.cooling.nchillers = 1;
	tower5 = f.tower;
	tower5.u.tower.const_approach = 5;
	f.towers[1] = f.towers[0];
	f.towers[1].model = &tower5;
	f.towers[1].count = 1;
	f.s.cooling.towers = f.towers;
	f.s.cooling.ntowers = 2;
	plant_cfg_init(&c, &f.s, 0);
	is_rel(c.tw_flow, 0.1935, 1e-12, "two tower groups: flow adds up");
	is_int(plant_eval(&c, &it, 35, 28, 101325, &r), 0, "two tower groups: ok");
	is_rel(r.t_tower_out, 28 + 11.0 / 3, 1e-12, "two tower groups: flow-weighted leaving water");
	is_rel(r.t_ecw, 28 + 11.0 / 3, 1e-12, "two tower groups: condenser water above setpoint");
	is_rel(r.cw_pump_w, 43405.4647275, 1e-9, "two tower groups: condenser pump (chiller-sized flow)");
	/* CAPFT(7, 31.6667) = 0.98214808: 2 x 982148.08 */
	is_rel(r.cooling_capacity_w, 1964296.16, 1e-9, "two tower groups: chillers at the mixed water");
}

/*
 * With UPS (4 x 500 kW, N+1, loss/rating = 0.01 + 0.01 x + 0.02 x^2) and
 * transformers (2 x 1 MVA, 1500 W + 10000 W x^2), FMC at 35 / 24.
 *   PDU input 1108163.265; per module x = 1108163.265 / 4 / 500e3 = 0.5540816;
 *   loss 4 x 500e3 (0.01 + 0.005540816 + 0.02 x 0.3070065) = 43361.891
 *   air 318000 + 22163.265 + 43361.891 = 383525.156; V = 26.743559;
 *   CRAH 22286.299; q_air 405811.455; CHW pump (405811.455 + 790073.236)
 *   x 0.0171395938 = 20496.978; chillers 1216381.669, 2 units at PLR
 *   0.6010574: EIRFPLR 0.5787911, P = 210495.157; Q_cond 1426876.826;
 *   + pump 43405.465 = 1470282.290 to the towers: FR 0.4900941, fan
 *   7063.007; mech 325820.142
 *   below the transformers 1108163.265 + 43361.891 + 325820.142 = 1477345.298;
 *   per unit 1477345.298 / 0.95 / 2 = 777550.16 VA, x = 0.7775502;
 *   loss 2 (1500 + 10000 x 0.6045842) = 15091.685; facility 1492436.983
 */
static void
test_chain(void)
{
	struct fixture f;
	struct plant_cfg c;
	struct plant_result r;
	struct it_load it = it_1mw();

	plant_site(&f);
	f.s.cooling.economizer = 0;
	f.s.power.chain.ups = &f.ups;
	f.s.power.chain.xfmr = &f.xfmr;
	plant_cfg_init(&c, &f.s, 0);
	is_int(plant_eval(&c, &it, 35, 24, 101325, &r), 0, "chain: ok");
	is_rel(r.ups_loss_w, 43361.8908788, 1e-9, "chain: UPS loss (4 modules sharing)");
	is_rel(r.pdu_loss_w, 22163.265306122449, 1e-12, "chain: PDU loss");
	is_rel(r.crah_fan_w, 22286.2989668, 1e-9, "chain: UPS loss heats the room");
	is_rel(r.q_air_w, 405811.455152, 1e-9, "chain: air load with UPS loss");
	is_rel(r.chiller_w, 210495.156515, 1e-9, "chain: chillers carry the UPS heat");
	is_rel(r.mech_w, 325820.141546, 1e-9, "chain: mechanical power");
	is_rel(r.xfmr_loss_w, 15091.6849237, 1e-8, "chain: transformer no-load + load loss");
	is_rel(r.facility_w, 1492436.98265, 1e-9, "chain: facility");
	is_rel(r.facility_w, it.it_w + r.mech_w + r.pdu_loss_w + r.ups_loss_w +
	    r.xfmr_loss_w, 1e-12, "chain: facility = IT + mech + losses");
	is_rel(r.facility_va, 1492436.98265 / 0.95, 1e-9, "chain: VA");
	is_rel(r.pue, 1492436.98265 / 1086000, 1e-9, "chain: PUE");
	is_rel(r.water, 9.40801537164e-4, 1e-8, "chain: make-up water");
}

/*
 * Liquid loops.  LOOP_TOWER (economizer off): the facility water is cooled by
 * tower water whatever the economizer says, and the towers may run at full
 * fan for it (the cheaper control wins); the chilled-water pump moves only
 * the air-side flow: 359929.844 x 0.0171395938 = 6169.051.
 *   twb 20: full fan, 24 <= 27: liquid all free; chillers 366098.895 W, one
 *   unit, PLR 0.3507910, EIRFPLR 0.3898979, P = 1043638.12 / 5.5 x
 *   0.88105364 x 0.3898979 = 65183.919; towers 431282.815 + 790073.236 +
 *   43405.465 pump = 1264761.516; fan 4495.867
 *   twb 26: 30 degC water: 0.7 free; chillers 366098.895 + 237021.971
 *   = 603120.866 W at CAPFT/EIRFT(7, 29) = 1.01610712 / 0.97946864,
 *   PLR 0.5935603, EIRFPLR 0.5722885, P = 103557.699
 */
static void
test_loops(void)
{
	struct fixture f;
	struct plant_cfg c;
	struct plant_result r;
	struct it_load it = it_1mw();

	plant_site(&f);
	f.s.cooling.economizer = 0;
	f.s.cooling.loop = LOOP_TOWER;
	plant_cfg_init(&c, &f.s, 0);
	is_int(plant_eval(&c, &it, 25, 20, 101325, &r), 0, "tower loop: ok");
	is_rel(r.chw_pump_w, 6169.05131189, 1e-9, "tower loop: CHW pump for the air side only");
	is_rel(r.q_free_w, 790073.236086, 1e-9, "tower loop: liquid on tower water");
	is_rel(r.q_mech_w, 366098.895435, 1e-9, "tower loop: air on chillers");
	is_int(r.mode, MODE_PARTIAL, "tower loop: mode");
	is_rel(r.chiller_w, 65183.9194207, 1e-9, "tower loop: chiller power");
	is_rel(r.q_reject_w, 1264761.51567, 1e-9, "tower loop: towers take Q_cond + liquid + pump");
	is_rel(r.tower_fan_w, 4495.8665668, 1e-9, "tower loop: tower fan");
	is_rel(r.facility_w, 1269257.38224, 1e-9, "tower loop: facility");
	is_int(plant_eval(&c, &it, 30, 26, 101325, &r), 0, "tower loop twb 26: ok");
	is_rel(r.q_free_w, 553051.26526, 1e-9, "tower loop twb 26: 70 %% of the liquid free");
	is_rel(r.q_mech_w, 603120.866261, 1e-9, "tower loop twb 26: the rest on chillers");
	is_rel(r.chiller_w, 103557.699238, 1e-9, "tower loop twb 26: chiller power");

	/*
	 * LOOP_DRYCOOLER: 2 x 500 kW dry coolers, 8 K approach at design, fan
	 * 2 %.  Full-fan approach 8 x 790073.236 / 1e6 = 6.3205859 K.
	 *   tdb 15: 21.32 <= 27: the fan slows, FR = 6.3205859 / (27 - 15)
	 *   = 0.5267155, fan 0.02 x 1e6 x FR^3 = 2922.525; all liquid dry-cooled;
	 *   the towers (holding 29.4 degC, economizer off) take the chillers'
	 *   366098.895 + 72188.605 and the 43405.465 pump = 481692.965 W: FR floor
	 *   0.2, fan 60 kW x 0.008 = 480; chillers at 29.4 degC: PLR 0.3618050,
	 *   P = 72188.605; facility 1108163.265 + 167005.461
	 *   tdb 25: 31.32 > 27: at capacity, fan 20 kW, free (37 - 31.3205859)
	 *   / 10 = 0.5679414; chillers 366098.895 + 0.4320586 x 790073.236
	 *   = 707456.823 W at 29.4 degC, P = 121593.501
	 */
	f.s.cooling.loop = LOOP_DRYCOOLER;
	strcpy(f.drycoolers[0].name, "dc");
	f.drycoolers[0].model = &f.drycooler;
	f.drycoolers[0].count = 2;
	f.drycoolers[0].in_service = DATE_NONE;
	f.s.cooling.drycoolers = f.drycoolers;
	f.s.cooling.ndrycoolers = 1;
	plant_cfg_init(&c, &f.s, 0);
	is_int(c.ndc, 1, "dry cooler loop: group in service");
	is_int(plant_eval(&c, &it, 15, 10, 101325, &r), 0, "dry cooler loop tdb 15: ok");
	is_rel(r.drycooler_fan_w, 2922.52523043, 1e-9, "dry cooler loop tdb 15: fan slowed to hold 27 degC");
	is_rel(r.q_free_w, 790073.236086, 1e-9, "dry cooler loop tdb 15: all liquid dry-cooled");
	is_rel(r.q_reject_w, 481692.964977, 1e-9, "dry cooler loop tdb 15: towers take chiller heat only");
	is_rel(r.tower_fan_w, 480, 1e-9, "dry cooler loop tdb 15: tower fan at its floor");
	is_rel(r.water, 3.08224811581e-4, 1e-9, "dry cooler loop tdb 15: water only from the towers");
	is_rel(r.facility_w, 1275168.72629, 1e-9, "dry cooler loop tdb 15: facility");
	is_int(plant_eval(&c, &it, 25, 20, 101325, &r), 0, "dry cooler loop tdb 25: ok");
	is_rel(r.drycooler_fan_w, 20000, 1e-9, "dry cooler loop tdb 25: full fan");
	is_rel(r.q_free_w, 448715.3086, 1e-9, "dry cooler loop tdb 25: partial free fraction");
	is_rel(r.q_mech_w, 707456.822921, 1e-9, "dry cooler loop tdb 25: rest to chillers");
	is_rel(r.chiller_w, 121593.501348, 1e-9, "dry cooler loop tdb 25: chiller power");
	is_rel(r.facility_w, 1342646.86452, 1e-9, "dry cooler loop tdb 25: facility");
}


/*
 * The tower-chiller balance with a YorkCalc tower (1 cell of 1.5 MW, 30 kW
 * fan, 0.0645 m3/s, taking 1.25 x that), economizer off, 35 / 27 degC: it cannot hold
 * 29.4 degC, so the condenser water floats to where the towers reject what the
 * chillers (whose condenser heat grows with that water) give them.  The answer
 * is checked by evaluating the pieces again at the returned temperature: the
 * chillers' heat plus the pump's at t_ecw must make the towers deliver t_ecw.
 */
static void
test_fixed_point(void)
{
	struct fixture f;
	struct plant_cfg c;
	struct plant_result r;
	struct it_load it = it_1mw();
	struct chiller_bank_op b;
	struct tower_op op;
	double	q_rej, load;

	plant_site(&f);
	f.s.cooling.economizer = 0;
	f.tower.u.tower.method = TOWER_YORKCALC;
	f.towers[0].count = 1;
	plant_cfg_init(&c, &f.s, 0);
	is_int(plant_eval(&c, &it, 35, 27, 101325, &r), 0, "balance: ok");
	ok(r.t_ecw > 29.4 + 0.1, "balance: condenser water above the setpoint (%.4f)",
	    r.t_ecw);
	ok(r.fp_iter > 1 && r.fp_iter < PLANT_FP_MAXITER,
	    "balance: converged in %d substitutions", r.fp_iter);
	load = r.q_mech_w;
	is_int(chiller_bank_eval(c.ch[0], c.ch_usable[0], 7, r.t_ecw, load, &b), 0,
	    "balance: chillers at t_ecw");
	q_rej = b.q_cond + r.cw_pump_w;
	is_rel(r.q_reject_w, q_rej, 1e-8, "balance: heat to towers = Q_cond(t_ecw) + pump");
	/* the results are those of the last iterate, within the 1e-6 K stop */
	is_rel(r.chiller_w, b.power, 1e-8, "balance: chiller power at t_ecw");
	is_int(tower_eval_fan(c.tw[0], c.tw_cells[0], 27, q_rej, r.cw_flow, 29.4, &op),
	    0, "balance: towers at that heat");
	is_abs(op.t_out, r.t_ecw, 1e-5, "balance: the towers deliver t_ecw (1e-6 K stop)");
	is_abs(op.fr_air, 1, 0, "balance: towers at full fan");
	/* one pass at the setpoint's heat would be off: the towers given the
	 * condenser heat at 29.4 degC deliver colder water than the balance */
	chiller_bank_eval(c.ch[0], c.ch_usable[0], 7, 29.4, load, &b);
	tower_eval_fan(c.tw[0], c.tw_cells[0], 27, b.q_cond + r.cw_pump_w, r.cw_flow,
	    29.4, &op);
	ok(op.t_out < r.t_ecw - 1e-4, "balance: one pass would give %.5f, not %.5f",
	    op.t_out, r.t_ecw);
	is_int(r.curve_clamped, 0, "balance: DOE-2 curves within 24..35 degC");
	/* the accelerated iteration (secant steps) against plain substitution
	 * from the setpoint, run here to convergence: the same fixed point
	 * within the 1e-6 K stop, in fewer steps */
	{
		double	t = 29.4, tn = t;
		int	k, plain = 0;

		for (k = 0; k < 1000; k++) {
			chiller_bank_eval(c.ch[0], c.ch_usable[0], 7, t, load, &b);
			tower_eval_fan(c.tw[0], c.tw_cells[0], 27, b.q_cond +
			    r.cw_pump_w, r.cw_flow, 29.4, &op);
			tn = fmax(op.t_out, 29.4);
			if (fabs(tn - t) <= 1e-12)
				break;
			t = tn;
		}
		plain = k;
		ok(plain < 1000, "balance: plain substitution settles (%d steps)", plain);
		is_abs(r.t_ecw, tn, 2e-6, "balance: accelerated = plain substitution "
		    "within the stop (%.3g K)", fabs(r.t_ecw - tn));
		ok(r.fp_iter <= 6, "balance: accelerated in %d steps", r.fp_iter);
	}
}

/*
 * Redundancy on towers: 3 cells N+1 run like 2 cells N (spares off).  With
 * 1.2 MW cells and 2 cells N+1 one cell runs: its 1.2 MW (constant approach)
 * cannot take the FMC condenser heat 1372995.292 W plus the pump (flow capped
 * at 1.25 x 0.0516 = 0.0645 m3/s: 0.0645 x 200 kPa / 0.7 = 18428.571 W):
 * 1391423.864 W; 191423.864 W are not rejected and count as unmet cooling.
 */
static void
test_tower_redundancy(void)
{
	struct fixture f;
	struct plant_cfg c;
	struct plant_result r, r2;
	struct it_load it = it_1mw();

	plant_site(&f);
	f.s.cooling.economizer = 0;
	plant_cfg_init(&c, &f.s, 0);
	plant_eval(&c, &it, 35, 24, 101325, &r2);
	f.towers[0].count = 3;
	f.towers[0].redundancy = RED_N1;
	plant_cfg_init(&c, &f.s, 0);
	is_int(c.tw_cells[0], 2, "tower N+1: 2 of 3 cells usable");
	is_rel(c.tw_cap, 3e6, 1e-15, "tower N+1: 2 x 1.5 MW count");
	is_int(plant_eval(&c, &it, 35, 24, 101325, &r), 0, "tower N+1: ok");
	is_rel(r.facility_w, r2.facility_w, 1e-12, "tower N+1 of 3 = 2 cells N");
	is_rel(r.water, r2.water, 1e-12, "tower N+1 of 3: the spare uses no water");

	f.tower.u.tower.design_q = 1.2e6;
	f.towers[0].count = 2;
	plant_cfg_init(&c, &f.s, 0);
	is_int(c.tw_cells[0], 1, "tower N+1 of 2: one cell");
	is_rel(c.cw_flow_max, 0.0645, 1e-12, "one cell: 1.25 x its design flow");
	is_int(plant_eval(&c, &it, 35, 24, 101325, &r), 0, "one cell: ok");
	is_rel(r.q_reject_max_w, 1.2e6, 1e-15, "one cell: rejects at most 1.2 MW");
	is_rel(r.cw_pump_w, 18428.5714286, 1e-9, "one cell: pump at the capped flow");
	is_rel(r.q_reject_w, 1391423.86382, 1e-9, "one cell: heat to reject");
	is_rel(r.unmet_reject_w, 191423.86382, 1e-9, "one cell: heat not rejected");
	is_rel(r.unmet_w, 191423.86382, 1e-9, "one cell: unmet cooling");
	is_rel(r.cooling_margin_w, -191423.86382, 1e-9, "one cell: negative margin");
	is_int(r.cool_limit, COOL_LIMIT_REJECTION, "one cell: heat rejection limits");
	is_int(r.tower_at_capacity, 1, "one cell: tower at capacity");
	is_abs(r.tower_fan_w, 30e3, 1e-9, "one cell: full fan");
	is_rel(r.chiller_w, 203281.62656, 1e-9, "one cell: chillers as in FMC");
}

static void
test_invalid(void)
{
	struct fixture f;
	struct plant_cfg c;
	struct plant_result r;
	struct it_load it = it_1mw(), zero;

	plant_site(&f);
	plant_cfg_init(&c, &f.s, 0);
	is_int(plant_eval(&c, &it, 20, 25, 101325, &r), -1, "invalid: twb > tdb");
	is_int(plant_eval(&c, &it, 20, 15, 0, &r), -1, "invalid: p = 0");
	is_int(plant_eval(&c, &it, 20, 15, -101325, &r), -1, "invalid: p < 0");
	is_int(plant_eval(&c, &it, 20, 15, NAN, &r), -1, "invalid: p NaN");
	is_int(plant_eval(&c, &it, NAN, 15, 101325, &r), -1, "invalid: tdb NaN");
	is_int(plant_eval(&c, &it, 20, NAN, 101325, &r), -1, "invalid: twb NaN");
	is_int(plant_eval(&c, &it, INFINITY, 15, 101325, &r), -1, "invalid: tdb infinite");
	is_int(plant_eval(&c, &it, 20, 20, 101325, &r), 0, "valid: saturated air (twb = tdb)");

	/* nothing running: no heat, no pumps, no fans, PUE reported as 0 */
	memset(&zero, 0, sizeof zero);
	is_int(plant_eval(&c, &zero, 20, 15, 101325, &r), 0, "zero IT: ok");
	is_abs(r.facility_w, 0, 1e-9, "zero IT: no facility power");
	is_abs(r.water, 0, 1e-15, "zero IT: no water");
	is_abs(r.pue, 0, 0, "zero IT: PUE 0, not NaN");
}

/*
 * Overheads follow what is energised: the fixture's 30 racks need 3 UPS modules
 * of 500 kW (topology N, one module a block: ceil(1086000 / 0.98 / 500e3) = 3).
 * A half-built day, 15 racks: IT 15 x 33000 + 480 x 100 = 543000 W, UPS output
 * 554081.633 W -> 2 modules energised at x = 0.5540816:
 * 2 x 500e3 (0.01 + 0.01 x + 0.02 x^2) = 21680.945 W (all 3 energised would lose
 * 24634.236 W).  An empty site energises no UPS module and no transformer.
 */
static void
test_chain_half_built(void)
{
	struct fixture f;
	struct plant_cfg c;
	struct plant_result r;
	struct it_load it;
	double	racks[1] = { 15 };

	plant_site(&f);
	f.s.power.chain.ups = &f.ups;
	f.s.power.chain.ups_topology = UPS_TOPO_N;
	f.s.power.chain.ups_modules = 1;
	f.s.power.chain.xfmr = &f.xfmr;
	plant_cfg_init(&c, &f.s, 0);
	is_int(c.plan.blocks, 3, "half-built: 3 modules installed");
	it_load_eval(&f.s, racks, 1, 0, &it);
	is_rel(it.rated_w, 543000, 1e-12, "half-built: rating of the online fleet");
	is_int(plant_eval(&c, &it, 35, 24, 101325, &r), 0, "half-built: ok");
	is_rel(r.ups_loss_w, 21680.94543940025, 1e-9, "half-built: 2 UPS modules energised");
	racks[0] = 0;
	it_load_eval(&f.s, racks, 1, 0, &it);
	is_int(plant_eval(&c, &it, 35, 24, 101325, &r), 0, "empty site: ok");
	is_abs(r.ups_loss_w, 0, 1e-12, "empty site: no UPS no-load loss");
	is_abs(r.it.it_w, 0, 1e-12, "empty site: no IT");
}

int
main(void)
{
	test_it_load_eval();
	test_support();
	test_it_load_gpus();
	test_cfg();
	test_fmc();
	test_economizer();
	test_unmet();
	test_groups();
	test_chain();
	test_chain_half_built();
	test_loops();
	test_fixed_point();
	test_tower_redundancy();
	test_invalid();
	return tap_done();
}
