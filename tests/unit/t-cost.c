/*
 * t-cost.c - the cost engine (src/engine/cost.c) against hand arithmetic on a
 * small hand-built site: one 1 MW grid feed with a flat energy price, a
 * time-of-use period, a demand charge and a fixed charge; one rented and one
 * owned generator group; an owned battery group; water and CO2 prices.  Steps are
 * fed by hand, so every figure below is worked out in its comment.
 */
#include <math.h>
#include <string.h>

#include "cost.h"
#include "date.h"
#include "generator.h"
#include "model.h"
#include "sim.h"
#include "site.h"
#include "tap.h"

#define MWH	3.6e9

static struct model gen_model, batt_model;
static struct site_feed feed;
static struct site_generator gens[2];
static struct site_battery batt;
static struct econ_feed efeed;
static struct econ_gen egen[2];
static struct econ_batt ebatt;
static struct site_econ econ;
static struct site site;

static void
build(void)
{
	memset(&site, 0, sizeof site);
	memset(&feed, 0, sizeof feed);
	strcpy(feed.name, "utility");
	feed.capacity_w = 1e6;
	feed.in_service = DATE_NONE;
	feed.out_of_service = DATE_NEVER;
	site.power.feeds = &feed;
	site.power.nfeeds = 1;

	memset(&gen_model, 0, sizeof gen_model);
	gen_model.kind = MK_GENERATOR;
	gen_model.u.generator.rating_w = 250e3;
	gen_model.u.generator.heat_rate = 2.5;	/* J fuel per J electric */
	memset(gens, 0, sizeof gens);
	strcpy(gens[0].name, "rental");
	gens[0].model = &gen_model;
	gens[0].count = 2;
	gens[0].available = date_from_ymd(2024, 3, 10);
	gens[0].until = date_from_ymd(2024, 4, 9);	/* 30 days on site */
	strcpy(gens[1].name, "owned");
	gens[1].model = &gen_model;
	gens[1].count = 1;
	gens[1].available = DATE_NONE;
	gens[1].until = DATE_NEVER;
	site.power.gens = gens;
	site.power.ngens = 2;

	memset(&batt_model, 0, sizeof batt_model);
	batt_model.kind = MK_BATTERY;
	memset(&batt, 0, sizeof batt);
	strcpy(batt.name, "bess");
	batt.model = &batt_model;
	batt.count = 1;
	batt.available = DATE_NONE;
	site.power.batts = &batt;
	site.power.nbatts = 1;

	memset(&econ, 0, sizeof econ);
	strcpy(econ.currency, "USD");
	econ.discount_rate = 0.07;
	econ.gpu_hour = 2.0;
	econ.water_per_m3 = 1.5;
	econ.co2_per_kg = 0.05;		/* 50 USD/t */

	memset(&efeed, 0, sizeof efeed);
	efeed.feed = 0;
	efeed.energy_per_j = 100 / MWH;	/* 100 USD/MWh */
	efeed.tou[0].months = 1u << 2;	/* March */
	efeed.tou[0].hour_from = 14;
	efeed.tou[0].hour_to = 20;
	efeed.tou[0].price_per_j = 250 / MWH;
	efeed.ntou = 1;
	efeed.demand_per_w_month = 10 / 1e3;	/* 10 USD/kW-month */
	efeed.fixed_per_month = 1000;
	econ.feeds = &efeed;
	econ.nfeeds = 1;

	memset(egen, 0, sizeof egen);
	egen[0].gen = 0;
	egen[0].rented = 1;
	egen[0].rent_per_w_month = 20 / 1e3;	/* 20 USD/kW-month */
	egen[0].mobilise = 5000;
	egen[0].demobilise = 3000;
	egen[1].gen = 1;
	egen[1].owned = 1;
	egen[1].capex = 1e6;
	egen[1].life_y = 20;
	egen[1].fixed_om_per_year = 36500;
	for (int m = 0; m < 12; m++) {
		/* 3.5 USD/MMBtu = 3.5 / 1.05505585262e9 USD/J */
		egen[0].fuel_per_j[m] = 3.5 / 1.05505585262e9;
		egen[1].fuel_per_j[m] = 3.5 / 1.05505585262e9;
	}
	egen[0].vom_per_j = 5 / MWH;
	econ.gens = egen;
	econ.ngens = 2;

	memset(&ebatt, 0, sizeof ebatt);
	ebatt.batt = 0;
	ebatt.leased = 1;
	ebatt.lease_per_month = 12000;
	econ.batts = &ebatt;
	econ.nbatts = 1;
	site.econ = &econ;
}

/* An hour at local standard HOUR of DAY: grid draw GRID_W, generator group 0 at
 * GEN_W (fuel 2.5 x GEN_W), facility = grid + gen, 100 GPUs online; a day's
 * sums of that one hour (cost_day_*). */
static void
hour(struct cost_acc *a, int day, int h, double grid_w, double gen_w)
{
	struct sim_step st;
	struct plant_result pr;
	double	dv[16] = { 0 };

	memset(&st, 0, sizeof st);
	memset(&pr, 0, sizeof pr);
	st.plant = &pr;
	st.day = day;
	st.minute = h * 60;
	st.disp.grid_w = grid_w;
	st.disp.gen_w = gen_w;
	st.disp.gen_group_w[0] = gen_w;
	st.disp.fuel_group_w[0] = 2.5 * gen_w;
	pr.facility_w = grid_w + gen_w;
	if (cost_day_len(a) > sizeof dv / sizeof dv[0]) {
		ok(0, "a day's sums: %zu doubles", cost_day_len(a));
		return;
	}
	cost_day_begin(a, day);
	cost_day_step(a, dv, &st, 3600, 100);
	cost_day_end(a, dv);
}

int
main(void)
{
	struct cost_acc a;
	struct cost_result r;
	double	crf, want;
	int	d0 = date_from_ymd(2024, 3, 1), d1 = date_from_ymd(2024, 4, 30), rental;

	/* CRF(7 %, 20 y) = 0.07 x 1.07^20 / (1.07^20 - 1); 1.07^20 = 3.8696844628,
	 * so 0.270877912 / 2.8696844628 = 0.0943929257 */
	crf = cost_crf(0.07, 20);
	is_rel(crf, 0.0943929257, 1e-9, "CRF(7 %%, 20 y) = 0.0943929");
	is_rel(cost_crf(0, 20), 0.05, 1e-12, "CRF(0, 20 y) = 1/20");
	is_rel(cost_crf(0.10, 1), 1.10, 1e-12, "CRF(10 %%, 1 y) = 1.1");

	build();
	/* time of use: March 14:00-20:00 at 250, else 100 USD/MWh */
	is_rel(cost_energy_price(&efeed, 3, 14) * MWH, 250, 1e-12, "TOU: March 14:00");
	is_rel(cost_energy_price(&efeed, 3, 19) * MWH, 250, 1e-12, "TOU: March 19:00");
	is_rel(cost_energy_price(&efeed, 3, 20) * MWH, 100, 1e-12, "TOU: 20:00 is off-peak");
	is_rel(cost_energy_price(&efeed, 4, 15) * MWH, 100, 1e-12, "TOU: April is flat");

	cost_acc_init(&a);
	ok(cost_begin(&a, &site, d0, d1) == 0, "cost_begin: two months, March and April");
	/* March: 10 h at 0.8 MW off-peak, 2 h at 0.9 MW on-peak; one hour with the
	 * rental at 0.4 MW (fuel 1.0 MW for an hour = 3.6e9 J).
	 * April: 5 h at 0.5 MW (peak 0.5 MW). */
	for (int h = 0; h < 10; h++)
		hour(&a, d0, h, 0.8e6, 0);
	hour(&a, d0 + 1, 15, 0.9e6, 0);
	hour(&a, d0 + 1, 16, 0.9e6, 0.4e6);
	for (int h = 0; h < 5; h++)
		hour(&a, date_from_ymd(2024, 4, 2), h, 0.5e6, 0);
	cost_end(&a, 200 /* m3 */, 1000 /* kg CO2 */, &r);
	ok(r.computed, "costs computed");

	/* energy: 10 x 0.8 MWh x 100 + 2 x 0.9 MWh x 250 + 5 x 0.5 x 100
	 *       = 800 + 450 + 250 = 1500 USD */
	is_rel(r.cat[COST_ENERGY], 1500, 1e-9, "flat and TOU energy: 1500 USD");
	/* demand: March peak 0.9 MW = 900 kW x 10 = 9000; April 500 kW x 10 = 5000 */
	is_rel(r.cat[COST_DEMAND], 14000, 1e-9, "demand charge on each month's peak: 14000 USD");
	is_rel(r.cat[COST_FIXED], 2000, 1e-9, "fixed charge: 2 months x 1000 USD");
	/* fuel: 1.0 MW x 3600 s = 3.6e9 J of fuel x 3.5 USD/MMBtu:
	 * 3.6e9 / 1.05505585262e9 = 3.41214163 MMBtu x 3.5 = 11.9424957 USD */
	is_rel(r.cat[COST_FUEL], 11.9424957, 1e-7, "fuel = heat rate x energy x price");
	/* variable O&M: 0.4 MWh x 5 = 2 USD */
	is_rel(r.cat[COST_VOM], 2, 1e-9, "variable O&M: 2 USD");
	/* rental: 2 x 250 kW = 500 kW x 20 USD/kW-month = 10000 USD/month, on site
	 * 2024-03-10 .. 2024-04-08 = 30 days: 10000 x 30 x 12 / 365 = 9863.0137;
	 * + mobilisation 5000 + demobilisation 3000 (both inside the window);
	 * battery lease 12000 USD/month x 61 days x 12 / 365 = 24065.7534 */
	want = 10000.0 * 30 * 12 / 365 + 5000 + 3000 + 12000.0 * 61 * 12 / 365;
	is_rel(r.cat[COST_RENTAL], want, 1e-9, "rentals by the day + (de)mobilisation + lease");
	ok(cost_gen_fixed(&site, &egen[0], d0, d1, &rental) > 0 && rental,
	    "cost_gen_fixed: the rental group is a rental");
	/* owned: 1e6 x CRF x 61 / 365; fixed O&M 36500 x 61 / 365 = 6100 */
	is_rel(r.cat[COST_CAPEX], 1e6 * crf * 61 / 365, 1e-9, "capex annualised by CRF, by the day");
	is_rel(r.cat[COST_FIXED_OM], 6100, 1e-9, "fixed O&M by the day: 6100 USD");
	is_rel(r.cat[COST_WATER], 300, 1e-12, "water: 200 m3 x 1.5 USD");
	is_rel(r.cat[COST_CO2], 50, 1e-12, "CO2: 1 t x 50 USD/t");
	want = 0;
	for (int k = 0; k < COST_NCAT; k++)
		want += r.cat[k];
	is_rel(r.total, want, 1e-12, "the categories sum to the total");
	/* facility energy: 8 + 1.8 + 0.4 + 2.5 = 12.7 MWh; GPU-hours 17 h x 100 */
	is_rel(r.facility_j, 12.7 * MWH, 1e-12, "facility energy 12.7 MWh");
	is_rel(r.per_mwh, r.total / 12.7, 1e-12, "cost per MWh");
	is_rel(r.gpu_hours, 1700, 1e-12, "1700 GPU-hours delivered");
	is_rel(r.per_gpu_hour, r.total / 1700, 1e-12, "cost per GPU-hour");
	is_rel(r.bridge_share, 0.4 / 12.7, 1e-12, "bridge share 0.4 / 12.7 MWh");

	/* a window that starts after the rental arrived: no mobilisation */
	build();
	ok(cost_begin(&a, &site, date_from_ymd(2024, 3, 20), d1) == 0, "second window");
	cost_end(&a, 0, 0, &r);
	want = 10000.0 * 20 * 12 / 365 + 3000 + 12000.0 * 42 * 12 / 365;
	is_rel(r.cat[COST_RENTAL], want, 1e-9, "no mobilisation before the window");
	is_abs(r.cat[COST_DEMAND], 0, 1e-12, "no grid draw, no demand charge");
	cost_acc_release(&a);

	/* no prices: nothing computed */
	site.econ = NULL;
	cost_acc_init(&a);
	ok(cost_begin(&a, &site, d0, d1) == 0, "a site without prices");
	hour(&a, d0, 0, 1e6, 0);
	cost_end(&a, 10, 10, &r);
	ok(!r.computed && r.total == 0, "a site without prices: no costs");
	cost_acc_release(&a);
	return tap_done();
}
