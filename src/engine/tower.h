/*
 * tower.h - open cooling towers and dry coolers.
 * Source: EnergyPlus Engineering Reference, "Cooling Towers and Evaporative Fluid
 * Coolers" (CoolingTower:VariableSpeed, YorkCalc correlation, coefficients from
 * src/EnergyPlus/CondenserLoopTowers.cc); make-up water per the same chapter.
 * SI units: W, degC, K, m3/s.
 */
#ifndef DCPLAN_TOWER_H
#define DCPLAN_TOWER_H

/* Liquid water near 25 degC (IAPWS-95: 997.05 kg/m3, cp 4.1813 kJ/kg-K), for
 * every water loop of the plant. */
#define WATER_RHO	997.0
#define WATER_CP	4180.0

enum tower_method { TOWER_YORKCALC, TOWER_CONSTANT_APPROACH };
/* EnergyPlus "Evaporation Loss Mode": SaturatedExit (the default) or LossFactor. */
enum tower_evap { TOWER_EVAP_SATURATED_EXIT, TOWER_EVAP_LOSS_FACTOR };

/* YorkCalc validity limits on the range and the water-flow ratio (EnergyPlus
 * CondenserLoopTowers.cc): the most heat a cell can reject and the most water it
 * can take are read from them (tower_max_heat()). */
#define TOWER_RANGE_MAX		22.2222
#define TOWER_FLOW_RATIO_MAX	1.25

struct tower_model {
	char	name[64];
	enum tower_method method;
	double	design_q;		/* W rejected per cell at design */
	double	design_water_flow;	/* m3/s per cell (0: 4.3e-8 m3/s per W of design_q) */
	double	design_fan_power;	/* W per cell at full speed */
	double	const_approach;		/* K, for TOWER_CONSTANT_APPROACH */
	double	min_air_flow_ratio;	/* fan turndown floor, 0..1 */
	double	design_air_flow;	/* m3/s per cell at full fan (0: autosized as
					   EnergyPlus does, tower_cell_air_flow()) */
	enum tower_evap evap_mode;
	double	evap_loss_pct_per_k;	/* LossFactor mode: % of water flow per K of range */
	double	drift_pct;		/* % of design water flow (default 0.008) */
	double	cycles;			/* cycles of concentration (> 1) */
};

/* YorkCalc approach (K) with inputs clamped to the correlation limits:
 * twb -34.4..29.4444 degC, range 1.1111..22.2222 K, water-flow ratio 0.75..1.25, LG <= 8. */
double	tower_yorkcalc_approach(double twb, double range, double lg);

/* Design water flow of one cell, m3/s: design_water_flow, or the YorkCalc
 * reference 0.000043 m3/s per kW of design_q (doc/model-reference.md section 2). */
double	tower_cell_flow(const struct tower_model *);

/* Design air flow of one cell, m3/s: design_air_flow, or EnergyPlus's autosize
 * rule for towers, the design fan power at 190 Pa total pressure and 50 % fan
 * efficiency: V = P_fan 0.5 / 190 (CondenserLoopTowers.cc, SizeTower, at
 * standard pressure). */
double	tower_cell_air_flow(const struct tower_model *);

struct tower_op {
	double	range;		/* K */
	double	approach;	/* K */
	double	t_in;		/* degC water entering */
	double	t_out;		/* degC water leaving */
	double	fr_air;		/* air-flow ratio 0..1 */
	double	fan_power;	/* W, all cells */
	double	evap;		/* m3/s */
	double	drift;		/* m3/s */
	double	blowdown;	/* m3/s */
	double	makeup;		/* m3/s = evap + drift + blowdown */
	int	at_capacity;	/* 1 if full fan cannot reach the setpoint */
};

/* n_cells identical cells rejecting q (W) with total water flow (m3/s, 0 = design)
 * at wet-bulb twb (dry-bulb tdb, station pressure p, Pa, for the air side).  The fan slows to hold t_setpoint when it can (GSL root solve on
 * the air-flow ratio), never below min_air_flow_ratio; there the water may leave
 * colder than the setpoint.  All cells run, sharing water and heat equally.
 * Fan power = design_fan_power n_cells FRair^3.  Constant approach: t_out = twb +
 * const_approach, air-flow ratio = heat per cell / design_q (dcplan assumption).
 * q = 0: fans off, no water, t_in = t_out = t_setpoint.
 * Returns 0, -1 on bad input (model, NaN, q < 0, n_cells < 1). */
int	tower_eval(const struct tower_model *, int n_cells, double tdb, double twb,
	    double p, double q, double water_flow, double t_setpoint, struct tower_op *);

/* Fan and temperatures only (tower_eval() without the make-up water), for the
 * inner iterations of the plant. */
int	tower_eval_fan(const struct tower_model *, int n_cells, double twb, double q,
	    double water_flow, double t_setpoint, struct tower_op *);

/* Make-up water of an operating point from tower_eval_fan() (fr_air, range and
 * t_out are read; leaving air never colder than entering air when tdb <= t_out,
 * see tower.c): evaporation by the
 * saturated-exit-air model (EnergyPlus SaturatedExit, CondenserLoopTowers.cc
 * CalculateWaterUsage: m_air = FRair V_air n rho_moist; h_out = h_sat(twb) +
 * q / m_air; the air leaves saturated at the temperature whose saturated enthalpy
 * is h_out; evaporation = m_air (W_out / (1 + W_out) - W_in / (1 + W_in)) / rho_w)
 * or by the loss factor; drift FRair x design flow x drift %; blowdown
 * evap / (cycles - 1) - drift, floored at 0.  0, or -1 on bad input. */
int	tower_water(const struct tower_model *, int n_cells, double tdb, double twb,
	    double p, double q, struct tower_op *);

/* The most heat n_cells can reject at wet-bulb twb, full fan, with water flow
 * `water_flow` (m3/s, capped at TOWER_FLOW_RATIO_MAX x design), water leaving no
 * warmer than t_max, entering no warmer than t_in_max, and a range no wider
 * than TOWER_RANGE_MAX (YorkCalc's limits; constant approach: at most n_cells x
 * design_q).  0 if twb + approach at the smallest range already exceeds t_max.
 * W, or -1 on bad input. */
double	tower_max_heat(const struct tower_model *, int n_cells, double twb,
	    double water_flow, double t_max, double t_in_max);

/* tower_model_valid: 1 if tower_eval() and the others accept the model.  The
 * *_valid functions are the same for a model it accepted, without checking
 * it again (the plant's inner loops; plant_cfg_init checks its towers). */
int	tower_model_valid(const struct tower_model *);
int	tower_eval_valid(const struct tower_model *, int n_cells, double tdb,
	    double twb, double p, double q, double water_flow, double t_setpoint,
	    struct tower_op *);
int	tower_eval_fan_valid(const struct tower_model *, int n_cells, double twb,
	    double q, double water_flow, double t_setpoint, struct tower_op *);
double	tower_max_heat_valid(const struct tower_model *, int n_cells, double twb,
	    double water_flow, double t_max, double t_in_max);

/* Dry cooler (closed circuit, no water unless adiabatic): T_out = T_air + approach,
 * approach = design_approach q / (n design_q) at full fan, and ~ 1 / FRair at part
 * fan speed, so the fan slows to hold t_setpoint.  Fan power = fan_power_frac
 * design_q n FRair^3.  Adiabatic pads (T_air = tdb - eff (tdb - twb)) are used only
 * when dry operation at full fan cannot reach the setpoint. */
struct drycooler_model {
	char	name[64];
	double	design_q;		/* W per unit */
	double	design_approach;	/* K to dry-bulb at design_q, full fan */
	double	fan_power_frac;		/* fan W per W rejected at design (0.015..0.03) */
	double	adiabatic_wb_eff;	/* 0 = none; else pre-cooling effectiveness 0..1 */
};

struct drycooler_op {
	double	t_out;		/* degC */
	double	fan_power;	/* W, all units */
	double	water;		/* m3/s (adiabatic pre-cooling only) */
	int	at_capacity;
};

/* Returns 0, -1 on bad input; q = 0: fans off, t_out = tdb. */
int	drycooler_eval(const struct drycooler_model *, int n_units, double tdb,
	    double twb, double q, double t_setpoint, struct drycooler_op *);

#endif
