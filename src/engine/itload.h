/*
 * itload.h - IT equipment power and heat: GPU servers, racks, network, CPU/storage nodes.
 * Structure after EnergyPlus ElectricEquipment:ITE:AirCooled (power = design power x
 * f(utilisation), PSU losses = input x (1 - efficiency)); figures from datasheets in
 * models/.  SI units: W, fractions 0..1.
 */
#ifndef DCPLAN_ITLOAD_H
#define DCPLAN_ITLOAD_H

struct server_model {
	char	name[64];
	int	gpus;			/* GPUs per server (0 for CPU/storage nodes) */
	double	gpu_tdp;		/* W per GPU, maximum board power */
	double	gpu_idle;		/* W per GPU at idle */
	double	gpu_cap_min;		/* W, lowest configurable GPU power limit */
	double	base_idle;		/* W DC, CPU/memory/NIC/fans/etc at idle */
	double	base_max;		/* W DC, same at full load */
	double	psu_eff;		/* PSU efficiency at full load, 0..1 */
	double	psu_eff_half;		/* PSU efficiency at 50 % load (0: same as psu_eff) */
	double	max_power;		/* W AC nameplate maximum (for checks and reports) */
	double	liquid_fraction;	/* fraction of heat to liquid (0 = air-cooled) */
	double	power_factor;		/* PSU input power factor */
	int	rack_units;		/* U */
};

struct server_power {
	double	gpu_w;		/* W DC, all GPUs */
	double	base_w;		/* W DC */
	double	dc_w;		/* W DC */
	double	ac_w;		/* W AC input = heat released */
	double	psu_loss_w;	/* W */
	double	liquid_w;	/* W heat to liquid */
	double	air_w;		/* W heat to air */
};

/* util 0..1; gpu_cap W per GPU (0 or >= tdp = uncapped). */
void	server_eval(const struct server_model *, double util, double gpu_cap,
	    struct server_power *);

struct rack_model {
	char	name[64];
	int	servers;		/* servers per rack */
	double	switch_w;		/* W, in-rack switches and management */
	double	cdu_pump_frac;		/* in-rack CDU pump power per W of liquid heat */
	double	max_power;		/* W, rack power limit (0 = none) */
};

struct rack_power {
	struct server_power server;	/* one server */
	double	it_w;		/* W, servers + switch */
	double	cdu_w;		/* W, CDU pumps */
	double	liquid_w;	/* W heat to liquid, including CDU pump heat */
	double	air_w;		/* W heat to air */
};

void	rack_eval(const struct rack_model *, const struct server_model *, double util,
	    double gpu_cap, struct rack_power *);

/* Largest number of whole GPUs' worth of load that a power budget supports is solved
 * by the caller; these helpers give per-GPU figures. */
double	server_power_per_gpu(const struct server_model *, double util, double gpu_cap);

#endif
