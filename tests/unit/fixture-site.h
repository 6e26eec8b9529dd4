/*
 * fixture-site.h - the small sites t-plant and t-capacity build directly in C
 * (struct site is plain data).  Only tests include it: every function is static.
 *
 * Models (fixture_models()): an HGX-like liquid-cooled server, an air-cooled
 * PCIe box, a CPU node, the DOE-2 generic centrifugal chiller (doc/equipment.md), a
 * constant-approach tower cell, a dry cooler, a UPS module and a transformer.
 * The plant site (fixture_plant_site()) is one hall of liquid-cooled racks, one
 * chiller group and one tower group; the tests add what they need to it.
 */
#ifndef FIXTURE_SITE_H
#define FIXTURE_SITE_H

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plant.h"
#include "weather.h"

struct fixture {
	struct model	liq, air, cpu;		/* servers */
	struct model	chiller, tower, drycooler, ups, xfmr;
	struct site_phase phase[2];
	struct site_support support[2];
	struct site_units chillers[2], towers[2], drycoolers[1];
	struct site_feed feed;
	struct site	s;
};

/* HGX-like: 8 x 700 W GPUs, 2000 W base, PSU 95 %: AC 8000 W at full load. */
static void
fixture_server_liquid(struct model *m)
{
	memset(m, 0, sizeof *m);
	m->kind = MK_SERVER;
	strcpy(m->name, "hgx");
	m->u.server = (struct server_model){ .name = "hgx", .gpus = 8,
	    .gpu_tdp = 700, .gpu_idle = 100, .gpu_cap_min = 200,
	    .base_idle = 1000, .base_max = 2000, .psu_eff = 0.95,
	    .max_power = 8000, .liquid_fraction = 0.8, .power_factor = 0.95,
	    .rack_units = 4 };
}

/* Air-cooled PCIe box: 4 x 350 W + 600 W base, PSU 90 %: AC 2222.22 W. */
static void
fixture_server_air(struct model *m)
{
	memset(m, 0, sizeof *m);
	m->kind = MK_SERVER;
	strcpy(m->name, "pcie");
	m->u.server = (struct server_model){ .name = "pcie", .gpus = 4,
	    .gpu_tdp = 350, .gpu_idle = 50, .gpu_cap_min = 150,
	    .base_idle = 400, .base_max = 600, .psu_eff = 0.9,
	    .max_power = 2300, .liquid_fraction = 0, .power_factor = 0.95,
	    .rack_units = 2 };
}

/* CPU/storage node: 400 W DC at full load, PSU 80 %: AC 500 W (375 W at 50 %). */
static void
fixture_server_cpu(struct model *m)
{
	memset(m, 0, sizeof *m);
	m->kind = MK_SERVER;
	strcpy(m->name, "cpu");
	m->u.server = (struct server_model){ .name = "cpu", .gpus = 0,
	    .base_idle = 200, .base_max = 400, .psu_eff = 0.8,
	    .max_power = 500, .power_factor = 0.95, .rack_units = 1 };
}

/* DOE-2 generic centrifugal, COP 5.50, capacity chosen here (doc/equipment.md). */
static struct chiller_model
fixture_doe2(double q_ref)
{
	struct chiller_model m = {
		.name = "doe2", .q_ref = q_ref, .cop_ref = 5.5,
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

/* Clear *f and fill in the models. */
static void
fixture_models(struct fixture *f)
{
	memset(f, 0, sizeof *f);
	fixture_server_liquid(&f->liq);
	fixture_server_air(&f->air);
	fixture_server_cpu(&f->cpu);
	f->chiller.kind = MK_CHILLER;
	f->chiller.u.chiller = fixture_doe2(0);
	/* constant approach 3 K, 1.5 MW and 30 kW of fan per cell, design flow
	 * from 4.3e-8 m3/s per W: 0.0645 m3/s per cell */
	f->tower.kind = MK_TOWER;
	f->tower.u.tower = (struct tower_model){ .name = "ct",
	    .method = TOWER_CONSTANT_APPROACH, .design_q = 1.5e6,
	    .design_fan_power = 30e3, .const_approach = 3,
	    .min_air_flow_ratio = 0.2, .evap_mode = TOWER_EVAP_LOSS_FACTOR,
	    .evap_loss_pct_per_k = 0.2,
	    .drift_pct = 0.008, .cycles = 4 };
	f->drycooler.kind = MK_DRYCOOLER;
	f->drycooler.u.drycooler = (struct drycooler_model){ .name = "dc",
	    .design_q = 500e3, .design_approach = 8, .fan_power_frac = 0.02 };
	f->ups.kind = MK_UPS;
	f->ups.u.ups = (struct ups_model){ .name = "ups", .rating_w = 500e3,
	    .loss_c = { 0.01, 0.01, 0.02 } };
	f->xfmr.kind = MK_TRANSFORMER;
	f->xfmr.u.transformer = (struct transformer_model){ .name = "tx",
	    .rating_va = 1e6, .no_load_loss = 1500, .load_loss = 10000 };
}

/* Hall A: racks of 4 liquid-cooled servers (32 GPUs), switch 1000 W, CDU pumps
 * 2 % of the liquid heat. */
static void
fixture_phase_liquid(struct fixture *f, struct site_phase *p, int racks)
{
	memset(p, 0, sizeof *p);
	strcpy(p->name, "hall-a");
	p->server = &f->liq;
	p->rack = (struct rack_model){ .name = "rack-a", .servers = 4,
	    .switch_w = 1000, .cdu_pump_frac = 0.02 };
	p->racks = racks;
	p->gpus_per_rack = 32;
	p->delivery_start = DATE_NONE;
}

/*
 * Plant site: hall A, 30 racks (960 GPUs), network 100 W a GPU, full load;
 * chilled water 7 degC / 6 K; facility water 27 degC supply, 37 degC
 * return (10 K rise); economizer with a 1 K heat exchanger; condenser water setpoint
 * 29.4 degC, 5.6 K, at most 35 degC, constant flow; pumps 300 / 200 / 250 kPa (chilled, condenser, facility) at
 * 70 %; CRAH fans 500 Pa at 60 %, 12 K air rise at 24 degC supply; one chiller
 * group of 3 x DOE-2 of chiller_q (N+1: 2 usable); one tower group of `cells'
 * constant-approach cells; PDU 98 %, power factor 0.95, UPS N+1 per block (no
 * UPS, no transformer, no feed until a test adds them).
 */
static void
fixture_plant_site(struct fixture *f, double chiller_q, int cells)
{
	struct site *s = &f->s;

	fixture_models(f);
	fixture_phase_liquid(f, &f->phase[0], 30);
	s->it.phases = f->phase;
	s->it.nphases = 1;
	s->it.network_per_gpu = 100;
	s->it.utilization = 1;
	s->power.chain.pdu_eff = 0.98;
	s->power.chain.power_factor = 0.95;
	s->power.chain.ups_fraction = 1;
	s->power.chain.ups_topology = UPS_TOPO_N1;
	s->cooling.liquid_fraction = NAN;
	s->cooling.liquid_supply = 27;
	s->cooling.fw_dt = 10;
	s->cooling.loop = LOOP_CHILLED;
	s->cooling.chw_supply = 7;
	s->cooling.chw_dt = 6;
	s->cooling.cw_setpoint = 29.4;
	s->cooling.cw_dt = 5.6;
	s->cooling.cw_max = 35;
	s->cooling.economizer = 1;
	s->cooling.hx_approach = 1;
	s->cooling.chw_head = 300e3;
	s->cooling.cw_head = 200e3;
	s->cooling.fw_head = 250e3;
	s->cooling.pump_eff = 0.7;
	s->cooling.fan_pressure = 500;
	s->cooling.fan_eff = 0.6;
	s->cooling.air_dt = 12;
	s->cooling.air_supply = 24;

	strcpy(f->chillers[0].name, "ch");
	f->chillers[0].model = &f->chiller;
	f->chillers[0].chiller = fixture_doe2(chiller_q);
	f->chillers[0].count = 3;
	f->chillers[0].redundancy = RED_N1;
	f->chillers[0].in_service = DATE_NONE;
	s->cooling.chillers = f->chillers;
	s->cooling.nchillers = 1;

	strcpy(f->towers[0].name, "ct");
	f->towers[0].model = &f->tower;
	f->towers[0].count = cells;
	f->towers[0].in_service = DATE_NONE;
	s->cooling.towers = f->towers;
	s->cooling.ntowers = 1;
}

/* An empty weather year of WEATHER_HOURS hours (the arrays zeroed, design
 * conditions unset) for a test to fill: 0, or -1 out of memory. */
static inline int
fixture_weather_alloc(struct weather *w)
{
	memset(w, 0, sizeof *w);
	weather_design_init(&w->design);
	w->n = WEATHER_HOURS;
	w->tdb = calloc(w->n, sizeof *w->tdb);
	w->twb = calloc(w->n, sizeof *w->twb);
	w->tdp = calloc(w->n, sizeof *w->tdp);
	w->rh = calloc(w->n, sizeof *w->rh);
	w->p = calloc(w->n, sizeof *w->p);
	w->w = calloc(w->n, sizeof *w->w);
	return w->tdb && w->twb && w->tdp && w->rh && w->p && w->w ? 0 : -1;
}

/* A flat-rated generator model: rating_w up to 25 degC, derate_35 of it at
 * 35 degC (linear between), heat rate 3 J/J. */
static inline void
fixture_gen_model(struct model *m, double rating_w, double derate_35)
{
	memset(m, 0, sizeof *m);
	m->kind = MK_GENERATOR;
	strcpy(m->name, "gen");
	m->u.generator.rating_w = rating_w;
	m->u.generator.heat_rate = 3;
	m->u.generator.n_derate = 3;
	m->u.generator.derate_t[0] = -40;
	m->u.generator.derate_f[0] = 1;
	m->u.generator.derate_t[1] = 25;
	m->u.generator.derate_f[1] = 1;
	m->u.generator.derate_t[2] = 35;
	m->u.generator.derate_f[2] = derate_35;
}

#endif
