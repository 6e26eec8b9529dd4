/*
 * perf.c - performance tables of equipment models (see perf.h): the model
 * equations of the engine evaluated at one condition per record.
 */
#include <math.h>
#include <string.h>
#include <stddef.h>

#include "chiller.h"
#include "consts.h"
#include "elec.h"
#include "generator.h"
#include "itload.h"
#include "perf.h"
#include "tower.h"

#define PERF_MAX_KEYS	4
#define PERF_MAX_COLS	20

/* kW/ton = 3.517 / COP, with the exact ton (consts.h). */
/* ISO 3977-2 rating ambient for gas turbines: 15 degC (consts.h). */
#define PERF_ISO_T	DC_ISO_AMBIENT_C
/*
 * The largest load a table may ask for: 10 (1000 % of the rating).  The part-load
 * curves are fitted up to about full load (DOE-2 and EnergyPlus clamp PLR at the
 * curve's maximum, EnergyPlus Engineering Reference "Electric Chiller Model Based
 * on Condenser Entering Temperature"); a bound keeps a typo such as 1e300 %
 * from printing numbers hundreds of digits long.  As a power, PERF_POWER_MAX.
 */
#define PERF_LOAD_MAX	10.0


/* ---- chiller ---- */

static const struct perf_key chiller_keys[] = {
	{ "t_lchw", PQ_TEMP, 0, -30, 60, 0, "leaving chilled water" },
	{ "t_ecw", PQ_TEMP, 0, -60, 70, 0, "entering condenser water" },
	{ "capacity", PQ_POWER, 0, 0, 1e9, 1, "capacity" },
	{ "load", PQ_FRACTION, 1, 0, PERF_LOAD_MAX, 0, "load" },
};

static const struct perf_col chiller_cols[] = {
	{ "t_lchw_c", "t_lchw_c", 2, 8 },
	{ "t_ecw_c", "t_ecw_c", 2, 8 },
	{ "capacity_kw", "capacity_kw", 1, 11 },
	{ "load_pct", "load_pct", 1, 8 },
	{ "load_kw", "load_kw", 1, 9 },
	{ "capft", "capft", 4, 7 },
	{ "eirft", "eirft", 4, 7 },
	{ "eirfplr", "eirfplr", 4, 7 },
	{ "plr", "plr", 4, 6 },
	{ "cycling_ratio", "cycling_ratio", 4, 13 },
	{ "false_load_kw", "false_load_kw", 1, 13 },
	{ "q_avail_kw", "q_avail_kw", 1, 10 },
	{ "power_kw", "power_kw", 2, 9 },
	{ "q_evap_kw", "q_evap_kw", 1, 9 },
	{ "q_cond_kw", "q_cond_kw", 1, 9 },
	{ "cop", "cop", 3, 6 },
	{ "kw_per_ton", "kw_per_ton", 4, 10 },
	{ "unmet_kw", "unmet_kw", 1, 9 },
};

static int
perf_chiller_dflt(const struct model *m, int k, struct perf_val *v)
{
	const struct chiller_model *ch = &m->u.chiller;

	v->is_power = 0;
	switch (k) {
	case 0:
		v->v = ch->t_lchw_ref;
		return 0;
	case 1:
		v->v = ch->t_ecw_ref;
		return 0;
	case 2:
		v->v = ch->q_ref;
		return m->capacity_given && ch->q_ref > 0 ? 0 : -1;
	default:
		v->v = 1.0;	/* full load */
		return 0;
	}
}

/* Chiller:Electric:EIR at one point (chiller_eval, doc/model-reference.md section 1). */
static int
perf_chiller(const struct model *m, const struct perf_val *in, double *out)
{
	struct chiller_model ch = m->u.chiller;
	struct chiller_op op;
	double	load;

	ch.q_ref = in[2].v;
	load = in[3].is_power ? in[3].v : in[3].v * ch.q_ref;
	if (chiller_eval(&ch, in[0].v, in[1].v, load, &op) != 0)
		return -1;
	out[0] = in[0].v;
	out[1] = in[1].v;
	out[2] = ch.q_ref / 1e3;
	out[3] = load / ch.q_ref * 100;
	out[4] = load / 1e3;
	out[5] = op.capft;
	out[6] = op.eirft;
	out[7] = op.eirfplr;
	out[8] = op.plr;
	out[9] = op.frac;
	out[10] = op.q_false / 1e3;
	out[11] = op.q_avail / 1e3;
	out[12] = op.power / 1e3;
	out[13] = op.q_evap / 1e3;
	out[14] = op.q_cond / 1e3;
	/* Off (no load or no capacity): COP and kW/ton are undefined, written
	 * as an empty field / null rather than 0 or infinity. */
	out[15] = op.power > 0 ? op.q_evap / op.power : NAN;
	out[16] = op.power > 0 && op.q_evap > 0 ?
	    DC_W_PER_TON / 1e3 / (op.q_evap / op.power) : NAN;
	out[17] = op.unmet / 1e3;
	return 0;
}

/* ---- cooling tower ---- */

static const struct perf_key tower_keys[] = {
	{ "twb", PQ_TEMP, 0, -60, 50, 0, "wet-bulb" },
	{ "range", PQ_DTEMP, 0, 0, 50, 1, "range" },
	{ "flow_ratio", PQ_RATIO, 0, 0, 2, 1, "water-flow ratio" },
	{ "air_flow", PQ_RATIO, 0, 0, 1, 1, "air-flow ratio" },
};

static const struct perf_col tower_cols[] = {
	{ "twb_c", "twb_c", 2, 7 },
	{ "range_k", "range_k", 2, 7 },
	{ "flow_ratio", "flow_ratio", 3, 10 },
	{ "air_flow_ratio", "air_flow_ratio", 3, 14 },
	{ "lg", "lg", 3, 6 },
	{ "approach_k", "approach_k", 2, 10 },
	{ "t_out_c", "t_out_c", 2, 7 },
	{ "t_in_c", "t_in_c", 2, 7 },
	{ "water_flow_m3_h", "water_flow_m3_h", 1, 15 },
	{ "heat_kw", "heat_kw", 1, 9 },
	{ "fan_power_kw", "fan_power_kw", 2, 12 },
	{ "evaporation_m3_h", "evaporation_m3_h", 3, 16 },
	{ "drift_m3_h", "drift_m3_h", 4, 10 },
	{ "blowdown_m3_h", "blowdown_m3_h", 3, 13 },
	{ "makeup_m3_h", "makeup_m3_h", 3, 11 },
};

static int
perf_tower_dflt(const struct model *m, int k, struct perf_val *v)
{
	const struct tower_model *t = &m->u.tower;

	v->is_power = 0;
	switch (k) {
	case 0:
		/* YorkCalc reference wet-bulb (doc/model-reference.md section 2). */
		v->v = 25.6;
		return 0;
	case 1:
		/* The design range: design heat over rho cp V. */
		v->v = t->design_q / (WATER_RHO * WATER_CP * tower_cell_flow(t));
		return 0;
	default:
		v->v = 1.0;
		return 0;
	}
}

/*
 * One cell at a fixed fan speed (EnergyPlus CoolingTower:VariableSpeed, YorkCalc,
 * doc/model-reference.md section 2): LG = FRwater / FRair, leaving water = twb + approach,
 * fan power = design fan power FRair^3, heat = rho cp V range; make-up water by
 * tower_water() (the model's evaporation mode; the entering air is taken
 * saturated at twb and 101325 Pa, since the table has no dry-bulb).
 */
static int
perf_tower(const struct model *m, const struct perf_val *in, double *out)
{
	const struct tower_model *t = &m->u.tower;
	double	twb = in[0].v, range = in[1].v, frw = in[2].v, fra = in[3].v;
	double	v_design, v, lg, app, q;
	struct tower_op op;

	if (!(t->design_q > 0) || !(t->cycles > 1))
		return -1;
	v_design = tower_cell_flow(t);
	v = v_design * frw;
	lg = frw / fra;
	if (t->method == TOWER_YORKCALC)
		app = tower_yorkcalc_approach(twb, range, lg);
	else
		app = t->const_approach;
	q = WATER_RHO * WATER_CP * v * range;
	memset(&op, 0, sizeof op);
	op.range = range;
	op.fr_air = fra;
	op.t_out = twb + app;
	if (tower_water(t, 1, twb, twb, 101325.0, q, &op) != 0)
		return -1;
	out[0] = twb;
	out[1] = range;
	out[2] = frw;
	out[3] = fra;
	out[4] = lg;
	out[5] = app;
	out[6] = twb + app;
	out[7] = twb + app + range;
	out[8] = v * 3600;
	out[9] = q / 1e3;
	out[10] = t->design_fan_power * fra * fra * fra / 1e3;
	out[11] = op.evap * 3600;
	out[12] = op.drift * 3600;
	out[13] = op.blowdown * 3600;
	out[14] = op.makeup * 3600;
	return 0;
}

/* ---- dry cooler ---- */

static const struct perf_key drycooler_keys[] = {
	{ "tdb", PQ_TEMP, 0, -60, 60, 0, "dry-bulb" },
	{ "load", PQ_FRACTION, 1, 0, PERF_LOAD_MAX, 0, "load" },
	{ "air_flow", PQ_RATIO, 0, 0, 1, 1, "air-flow ratio" },
};

static const struct perf_col drycooler_cols[] = {
	{ "tdb_c", "tdb_c", 2, 7 },
	{ "load_pct", "load_pct", 1, 8 },
	{ "air_flow_ratio", "air_flow_ratio", 3, 14 },
	{ "heat_kw", "heat_kw", 1, 9 },
	{ "approach_k", "approach_k", 2, 10 },
	{ "t_out_c", "t_out_c", 2, 7 },
	{ "fan_power_kw", "fan_power_kw", 2, 12 },
};

static int
perf_drycooler_dflt(const struct model *m, int k, struct perf_val *v)
{
	(void)m;
	v->is_power = 0;
	v->v = 1.0;
	return k == 0 ? -1 : 0;	/* no design dry-bulb in the model */
}

/*
 * Dry operation at a fixed fan speed (tower.h): the approach at full fan is
 * design_approach q / design_q and scales as 1 / FRair, so the setpoint
 * tdb + that approach makes drycooler_eval run the fan at exactly FRair.
 * Adiabatic pads stay off: dry operation reaches that setpoint.
 */
static int
perf_drycooler(const struct model *m, const struct perf_val *in, double *out)
{
	const struct drycooler_model *d = &m->u.drycooler;
	struct drycooler_op op;
	double	q, app;

	if (!(d->design_q > 0))
		return -1;
	q = in[1].is_power ? in[1].v : in[1].v * d->design_q;
	app = d->design_approach * q / d->design_q / in[2].v;
	if (drycooler_eval(d, 1, in[0].v, in[0].v, q, in[0].v + app, &op) != 0)
		return -1;
	out[0] = in[0].v;
	out[1] = q / d->design_q * 100;
	out[2] = q > 0 ? in[2].v : 0;
	out[3] = q / 1e3;
	out[4] = op.t_out - in[0].v;
	out[5] = op.t_out;
	out[6] = op.fan_power / 1e3;
	return 0;
}

/* ---- generator ---- */

static const struct perf_key generator_keys[] = {
	{ "t_amb", PQ_TEMP, 0, -60, 60, 0, "ambient temperature" },
	{ "load", PQ_FRACTION, 0, 0, 1, 0, "load" },
};

static const struct perf_col generator_cols[] = {
	{ "t_amb_c", "t_amb_c", 2, 7 },
	{ "load_pct", "load_pct", 1, 8 },
	{ "available_mw", "available_mw", 3, 12 },
	{ "output_mw", "output_mw", 3, 9 },
	{ "heat_rate_kj_per_kwh", "heat_rate_kj_per_kwh", 0, 20 },
	{ "efficiency_pct", "efficiency_pct", 2, 14 },
	{ "fuel_mw", "fuel_mw", 3, 9 },
	{ "fuel_gj_per_h", "fuel_gj_per_h", 2, 13 },
	{ "co2_t_per_h", "co2_t_per_h", 3, 11 },
	{ "nox_kg_per_h", "nox_kg_per_h", 3, 12 },
};

static int
perf_generator_dflt(const struct model *m, int k, struct perf_val *v)
{
	(void)m;
	v->is_power = 0;
	v->v = k == 0 ? PERF_ISO_T : 1.0;
	return 0;
}

/* Derated output, part-load heat rate, fuel (LHV) and emissions per hour
 * (generator.h: derating curve, two-point heat rate, IPCC factor). */
static int
perf_generator(const struct model *m, const struct perf_val *in, double *out)
{
	const struct generator_model *g = &m->u.generator;
	double	avail, p, fuel;

	avail = generator_available(g, in[0].v);
	p = in[1].v * avail;
	fuel = generator_fuel(g, p, avail);
	out[0] = in[0].v;
	out[1] = in[1].v * 100;
	out[2] = avail / 1e6;
	out[3] = p / 1e6;
	/* J/J -> kJ/kWh: x 3600; undefined with no output. */
	out[4] = p > 0 ? fuel / p * 3600 : NAN;
	out[5] = fuel > 0 ? p / fuel * 100 : NAN;
	out[6] = fuel / 1e6;
	out[7] = fuel * 3600 / 1e9;
	out[8] = generator_co2_kg(g, fuel * 3600) / 1e3;
	out[9] = generator_nox_kg(g, p * 3600);
	return 0;
}

/* ---- server and rack ---- */

static const struct perf_key server_keys[] = {
	{ "util", PQ_FRACTION, 0, 0, 1, 0, "utilisation" },
	{ "gpu_cap", PQ_POWER, 0, 0, 1e5, 1, "GPU power cap" },
};

static const struct perf_col server_cols[] = {
	{ "util_pct", "util_pct", 1, 8 },
	{ "gpu_limit_w", "gpu_limit_w", 0, 11 },
	{ "power_w", "power_w", 0, 8 },
	{ "gpu_power_w", "gpu_power_w", 0, 11 },
	{ "base_power_w", "base_power_w", 0, 12 },
	{ "psu_loss_w", "psu_loss_w", 0, 10 },
	{ "liquid_heat_w", "liquid_heat_w", 0, 13 },
	{ "air_heat_w", "air_heat_w", 0, 10 },
};

static const struct perf_col rack_cols[] = {
	{ "util_pct", "util_pct", 1, 8 },
	{ "gpu_limit_w", "gpu_limit_w", 0, 11 },
	{ "it_kw", "it_kw", 2, 8 },
	{ "server_kw", "server_kw", 3, 9 },
	{ "gpu_kw", "gpu_kw", 2, 8 },
	{ "cdu_pump_kw", "cdu_pump_kw", 3, 11 },
	{ "liquid_heat_kw", "liquid_heat_kw", 2, 14 },
	{ "air_heat_kw", "air_heat_kw", 2, 11 },
};

static int
perf_server_dflt(const struct model *m, int k, struct perf_val *v)
{
	(void)m;
	v->is_power = 0;
	v->v = k == 0 ? 1.0 : 0;	/* full utilisation, no cap */
	return 0;
}

/* The GPU power limit in effect: one GPU's draw at full utilisation under
 * the cap (itload.c raises a cap to the board minimum); none without GPUs. */
static double
perf_gpu_limit(const struct server_model *s, double cap)
{
	struct server_power p;

	if (s->gpus <= 0)
		return NAN;
	server_eval(s, 1.0, cap, &p);
	return p.gpu_w / s->gpus;
}

static int
perf_server(const struct model *m, const struct perf_val *in, double *out)
{
	const struct server_model *s = &m->u.server;
	struct server_power p;

	server_eval(s, in[0].v, in[1].v, &p);
	out[0] = in[0].v * 100;
	out[1] = perf_gpu_limit(s, in[1].v);
	out[2] = p.ac_w;
	out[3] = p.gpu_w;
	out[4] = p.base_w;
	out[5] = p.psu_loss_w;
	out[6] = p.liquid_w;
	out[7] = p.air_w;
	return 0;
}

static int
perf_rack(const struct model *m, const struct perf_val *in, double *out)
{
	const struct rack_spec *r = &m->u.rack;
	struct rack_power p;

	if (r->server == NULL || r->server->kind != MK_SERVER)
		return -1;
	rack_eval(&r->rack, &r->server->u.server, in[0].v, in[1].v, &p);
	out[0] = in[0].v * 100;
	out[1] = perf_gpu_limit(&r->server->u.server, in[1].v);
	out[2] = p.it_w / 1e3;
	out[3] = p.server.ac_w / 1e3;
	out[4] = (r->rack.servers > 0 ? r->rack.servers : 0) * p.server.gpu_w / 1e3;
	out[5] = p.cdu_w / 1e3;
	out[6] = p.liquid_w / 1e3;
	out[7] = p.air_w / 1e3;
	return 0;
}

/* ---- UPS and transformer ---- */

static const struct perf_key ups_keys[] = {
	{ "load", PQ_FRACTION, 1, 0, PERF_LOAD_MAX, 0, "load" },
};

static const struct perf_col ups_cols[] = {
	{ "load_pct", "load_pct", 1, 8 },
	{ "output_kw", "output_kw", 1, 9 },
	{ "loss_kw", "loss_kw", 2, 8 },
	{ "input_kw", "input_kw", 1, 9 },
	{ "efficiency_pct", "efficiency_pct", 2, 14 },
};

static int
perf_load_dflt(const struct model *m, int k, struct perf_val *v)
{
	(void)m;
	(void)k;
	v->is_power = 0;
	v->v = 1.0;
	return 0;
}

/* UPS losses c0 + c1 x + c2 x^2 of the rating (elec.h). */
static int
perf_ups(const struct model *m, const struct perf_val *in, double *out)
{
	const struct ups_model *u = &m->u.ups;
	double	p, loss;

	if (!(u->rating_w > 0))
		return -1;
	p = in[0].is_power ? in[0].v : in[0].v * u->rating_w;
	loss = ups_loss(u, p);
	out[0] = p / u->rating_w * 100;
	out[1] = p / 1e3;
	out[2] = loss / 1e3;
	out[3] = (p + loss) / 1e3;
	out[4] = p + loss > 0 ? p / (p + loss) * 100 : 0;
	return 0;
}

static const struct perf_key transformer_keys[] = {
	{ "load", PQ_FRACTION, 0, 0, PERF_LOAD_MAX, 0, "load" },
	{ "pf", PQ_RATIO, 0, 0, 1, 1, "power factor" },
};

static const struct perf_col transformer_cols[] = {
	{ "load_pct", "load_pct", 1, 8 },
	{ "pf", "pf", 3, 5 },
	{ "load_kva", "load_kva", 1, 9 },
	{ "output_kw", "output_kw", 1, 9 },
	{ "loss_kw", "loss_kw", 3, 8 },
	{ "input_kw", "input_kw", 1, 9 },
	{ "efficiency_pct", "efficiency_pct", 3, 14 },
};

/* No-load plus load (I^2 R) losses (elec.h, IEEE C57.12.91). */
static int
perf_transformer(const struct model *m, const struct perf_val *in, double *out)
{
	const struct transformer_model *t = &m->u.transformer;
	double	s, p, loss;

	if (!(t->rating_va > 0))
		return -1;
	s = in[0].v * t->rating_va;
	p = s * in[1].v;
	loss = transformer_loss(t, s);
	out[0] = in[0].v * 100;
	out[1] = in[1].v;
	out[2] = s / 1e3;
	out[3] = p / 1e3;
	out[4] = loss / 1e3;
	out[5] = (p + loss) / 1e3;
	out[6] = transformer_efficiency(t, in[0].v, in[1].v) * 100;
	return 0;
}

#define NKEYS(a)	((int)(sizeof a / sizeof a[0]))

static const struct perf_kind perf_kinds[] = {
	{ MK_CHILLER, "a chiller", chiller_keys, NKEYS(chiller_keys), chiller_cols,
	    NKEYS(chiller_cols), perf_chiller_dflt, perf_chiller },
	{ MK_TOWER, "a tower", tower_keys, NKEYS(tower_keys), tower_cols,
	    NKEYS(tower_cols), perf_tower_dflt, perf_tower },
	{ MK_DRYCOOLER, "a dry cooler", drycooler_keys, NKEYS(drycooler_keys),
	    drycooler_cols, NKEYS(drycooler_cols), perf_drycooler_dflt,
	    perf_drycooler },
	{ MK_GENERATOR, "a generator", generator_keys, NKEYS(generator_keys),
	    generator_cols, NKEYS(generator_cols), perf_generator_dflt,
	    perf_generator },
	{ MK_SERVER, "a server", server_keys, NKEYS(server_keys), server_cols,
	    NKEYS(server_cols), perf_server_dflt, perf_server },
	{ MK_RACK, "a rack", server_keys, NKEYS(server_keys), rack_cols,
	    NKEYS(rack_cols), perf_server_dflt, perf_rack },
	{ MK_UPS, "a UPS", ups_keys, NKEYS(ups_keys), ups_cols, NKEYS(ups_cols),
	    perf_load_dflt, perf_ups },
	{ MK_TRANSFORMER, "a transformer", transformer_keys,
	    NKEYS(transformer_keys), transformer_cols, NKEYS(transformer_cols),
	    perf_load_dflt, perf_transformer },
};

const struct perf_kind *
perf_kind_of(enum model_kind k)
{
	size_t	i;

	for (i = 0; i < sizeof perf_kinds / sizeof perf_kinds[0]; i++)
		if (perf_kinds[i].kind == k)
			return &perf_kinds[i];
	return NULL;
}

int
perf_gpus(const struct model *m)
{
	if (m->kind == MK_SERVER)
		return m->u.server.gpus > 0 ? m->u.server.gpus : 0;
	if (m->kind == MK_RACK && m->u.rack.server != NULL)
		return m->u.rack.server->u.server.gpus > 0 ?
		    m->u.rack.server->u.server.gpus : 0;
	return -1;
}
