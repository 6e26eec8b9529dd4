/*
 * itload.h - IT equipment power and heat: GPU servers, racks, network, CPU/storage nodes.
 * Structure after EnergyPlus ElectricEquipment:ITE:AirCooled (power = design power x
 * f(utilisation), PSU losses = input x (1 - efficiency)); figures from datasheets in
 * models/.  SI units: W, fractions 0..1.
 */
#ifndef DCPLAN_ITLOAD_H
#define DCPLAN_ITLOAD_H

/*
 * Which power a figure uses.  Nameplate (the PSU/system maximum) sizes the
 * electrical chain; the expected draw under training sets supply, energy, water
 * and the verdict.  Measured 8-GPU H100 nodes peak at ~8.4 kW under training
 * against their 10.2 kW rating (Latif et al., "Empirical Measurements of AI
 * Training Power Demand on a GPU-Accelerated Node", arXiv:2412.08602, IEEE
 * Access 2025).
 */
enum it_basis { IT_EXPECTED, IT_NAMEPLATE, IT_BASIS_COUNT };

extern const char *const it_basis_names[IT_BASIS_COUNT + 1];	/* "expected", ... */
/* "expected draw" or "nameplate", for report labels */
const char *it_basis_label(enum it_basis);

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
	double	expected_power;		/* W AC under training at full utilisation,
					   uncapped (0 = not given: the nameplate) */
	double	expected_load;		/* derived by server_expected_load() */
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

/* util 0..1; gpu_cap W per GPU (0 or >= tdp = uncapped).  Nameplate basis. */
void	server_eval(const struct server_model *, double util, double gpu_cap,
	    struct server_power *);
/* The same on either basis (see server_eval_basis in itload.c). */
void	server_eval_basis(const struct server_model *, double util, double gpu_cap,
	    enum it_basis, struct server_power *);
/*
 * The share u_e of each component's idle-to-maximum swing at which the server
 * draws expected_power (AC) at full utilisation, uncapped: solved by bisection,
 * 0..1; 1 when expected_power is not given or not below the nameplate draw.
 */
double	server_expected_load(const struct server_model *);
/* The lowest GPU power limit a site may set: the model's gpu_cap_min, but never
 * below its idle draw. */
double	server_cap_floor(const struct server_model *);
/* The most one GPU may draw under a power cap (W): the cap, within the board's
 * configurable range and not below idle; the TDP when cap <= 0 or >= TDP.
 * The only way the cap reaches a server's power. */
double	server_gpu_limit(const struct server_model *, double cap);

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
