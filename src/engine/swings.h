/*
 * swings.h - sub-second power swings of synchronous training jobs, passed through
 * GPU-level smoothing, per-GPU power-supply storage, facility storage, and onto the
 * grid connection or islanded generator groups; analysed against ramp, step, band
 * amplitude and minimum-load limits, with sizing of a battery or a GPU power floor.
 *
 * The phenomenon and the two concern bands (0.1-2 Hz grid and governor modes,
 * 3-30 Hz turbine shaft torsional modes) follow E. Choukse et al., "Power
 * Stabilization for AI Training Datacenters", arXiv:2508.14318 (2025).  The GPU
 * smoothing knobs are those of NVIDIA NVML's power smoothing profiles (NVML API
 * reference, "Power Smoothing Information": floor in percent of TDP, ramp-up and
 * ramp-down rates in W/s, ramp-down hysteresis in ms, secondary floor in W).
 *
 * Pure functions of a configuration (filled by the input layer) and a seed: no
 * mutable statics, no I/O; the random streams are splitmix64 (S. Vigna, public
 * domain reference) seeded per job, so the same configuration and seed give the
 * same waveform bit for bit.  SI units: W, J, s, Hz, fractions 0..1.
 */
#ifndef DCPLAN_SWINGS_H
#define DCPLAN_SWINGS_H

#include <stddef.h>

#define SW_MAX_JOBS	32
#define SW_MAX_BANDS	8
#define SW_MAX_GENS	32
/* The analysis window (one FFT segment) may be at most this long, and at most the
 * duration; the duration at most SW_MAX_DURATION_S and SW_MAX_SAMPLES samples. */
#define SW_MAX_WINDOW_S		3600.0
#define SW_MAX_DURATION_S	86400.0
#define SW_MAX_SAMPLES		20000000L
/* Ramp rates are the largest change over any SW_RAMP_S_WINDOW (MW/s) and any
 * SW_RAMP_MIN_WINDOW (MW/min) interval. */
#define SW_RAMP_S_WINDOW	1.0
#define SW_RAMP_MIN_WINDOW	60.0

/* One synchronous job: every GPU of it draws the same per-GPU waveform. */
struct sw_job {
	char	name[64];
	double	gpus;			/* GPUs in the job */
	double	period_s;		/* iteration period */
	double	jitter_s;		/* standard deviation of the period */
	double	comm_fraction;		/* share of each iteration at the comm level */
	double	p_compute_w;		/* W per GPU while computing */
	double	p_comm_w;		/* W per GPU while communicating */
	double	p_idle_w;		/* W per GPU when the job is not running */
	double	tdp_w;			/* W, the GPU's TDP (the base of the floor) */
	double	ckpt_interval_s;	/* 0 = no checkpoints */
	double	ckpt_duration_s;
	double	p_ckpt_w;		/* W per GPU while checkpointing */
	double	start_s;		/* job start (-INFINITY: running from t = 0) */
	double	ramp_up_s;		/* linear ramp from idle at each (re)start */
	double	stop_s;			/* INFINITY: never stops in the window */
	double	ramp_down_s;		/* linear ramp to idle at the stop */
	double	failure_rate;		/* failures per second of running */
	double	restart_s;		/* outage after a failure, then a restart */
	double	phase_s;		/* offset of the iteration clock */
	/* Site power of one GPU of the job: site_per_w x GPU W + site_fixed_w
	 * (the server's PSU efficiency, its non-GPU draw and the network). */
	double	site_per_w;
	double	site_fixed_w;
};

/* NVML-style GPU power smoothing (applies to every job). */
struct sw_smoothing {
	double	floor;			/* primary floor, fraction of TDP (0 = none) */
	double	ramp_up_wps;		/* W/s, 0 = unlimited */
	double	ramp_down_wps;		/* W/s, 0 = unlimited */
	double	hysteresis_s;		/* hold before ramping down */
	double	secondary_floor_w;	/* W, held even while the job is not running */
	double	cap_w;			/* plain power cap, W (0 = none) */
	double	psu_energy_j;		/* J of storage per GPU in its power supplies */
	double	psu_tau_s;		/* its low-pass time constant */
};

enum sw_law { SW_LAW_LOWPASS, SW_LAW_RAMP };

/* Facility storage between the IT load and the supply. */
struct sw_storage {
	int	enabled;
	double	power_w;		/* charge and discharge limit */
	double	energy_j;		/* nameplate energy (SOC fractions refer to it) */
	double	soc_min, soc_max;	/* fractions */
	double	soc_init;		/* fraction; also the SOC the recovery aims at */
	double	rte;			/* round trip, split sqrt each way */
	double	response_s;		/* inverter first-order response, 0 = instant */
	enum sw_law law;
	double	tau_s;			/* low-pass time constant */
	double	ramp_wps;		/* ramp limiter, W/s */
	double	recovery_s;		/* SOC restoring time constant, 0 = none */
};

struct sw_band {
	double	lo_hz, hi_hz;
	double	limit_w;		/* equivalent amplitude limit, 0 = report only */
};

struct sw_limits {
	double	ramp_wps;		/* over SW_RAMP_S_WINDOW, 0 = none */
	double	ramp_wpm;		/* over SW_RAMP_MIN_WINDOW, per minute, 0 = none */
	double	step_w;			/* largest change within step_window_s, 0 = none */
	double	step_window_s;
	double	min_load_w;		/* 0 = none */
	double	capacity_w;		/* grid capacity on the date, 0 = not checked */
	struct sw_band bands[SW_MAX_BANDS];
	size_t	nbands;
};

/* An islanded generator group: it carries `share` of the site load. */
struct sw_gen {
	char	name[64];
	double	rating_w;		/* running units x unit rating */
	double	share;			/* of the site load, by rating */
	double	step_frac;		/* largest load step, fraction of rating (0 = none) */
	double	step_interval_s;	/* least time between such steps (0 = none) */
	double	ramp_wps;		/* W/s for the group (0 = none) */
	double	gov_tau_s;		/* governor time constant: a rise within it is a step */
	double	min_load_frac;		/* lowest stable load, fraction of rating */
};

struct sw_config {
	double	rate_hz;
	double	duration_s;
	double	window_s;		/* analysis (FFT) segment */
	unsigned long long seed;
	const struct sw_job *jobs;
	size_t	njobs;
	double	static_w;		/* W that does not swing (idle GPUs, support, ...) */
	struct sw_smoothing smooth;
	struct sw_storage store;
	struct sw_limits lim;
	int	island;			/* no grid: the generator groups carry the load */
	const struct sw_gen *gens;
	size_t	ngens;
};

/* The waveforms, one value per sample (t = i / rate_hz). */
struct sw_wave {
	size_t	n;
	double	dt;
	double	*raw;		/* W, site load as the jobs demand it */
	double	*smooth;	/* W, after GPU smoothing and PSU storage */
	double	*batt;		/* W, facility storage output (+ discharge) */
	double	*soc;		/* fraction of nameplate energy */
	double	*site;		/* W, supply side of the storage = smooth - batt */
	double	batt_discharged_j, batt_charged_j;	/* energy out of / into the store */
	double	batt_cycles;	/* equivalent full cycles (discharge / usable) */
	long	batt_reversals;	/* charge <-> discharge changes */
	double	soc_lo, soc_hi;	/* extremes reached */
};

struct sw_metrics {
	double	mean, min, max, p2p;
	double	step_w;		/* largest change within the step window */
	double	rise_w;		/* largest rise within the step window */
	double	ramp_wps;	/* largest change over 1 s, per second */
	double	ramp_wpm;	/* largest change over 60 s, per minute */
	double	band_amp[SW_MAX_BANDS];		/* equivalent amplitude, W (worst segment) */
	double	band_peak[SW_MAX_BANDS];	/* largest single component, W */
	double	band_share[SW_MAX_BANDS];	/* share of the swing's variance */
	double	rms_w;		/* RMS of the deviation from the mean */
};

/* Synthesize and pass through every stage.  0, or -1 (allocation failure or a
 * configuration the input layer should have rejected). */
int	swings_run(const struct sw_config *, struct sw_wave *);
void	swings_wave_release(struct sw_wave *);

/* Per-GPU demand of one job (before smoothing) into p[0..n) and running[0..n)
 * (may be NULL); exported for tests. */
void	swings_job_demand(const struct sw_job *, unsigned long long seed, size_t index,
	    double dt, size_t n, double *p, unsigned char *running);
/* The facility storage stage alone: supply = load - batt for every sample. */
void	swings_storage(const struct sw_storage *, const double *load, size_t n, double dt,
	    struct sw_wave *w);

/* Analysis of x[0..n) at rate fs: bands and the step window from lim.  0, or -1
 * (allocation failure, a window longer than the signal). */
int	swings_analyse(const double *x, size_t n, double fs, double window_s,
	    const struct sw_limits *lim, double step_window_s, struct sw_metrics *);
/* The amplitude spectrum of x[0..n) at rate fs (swings_spectrum.c): Welch
 * segments of window_s (rounded to an even number of samples), Hann window; bin k
 * (1..L/2) at freq[k-1] = k fs / L holds the amplitude of its sinusoid, W.
 * swings_spectrum_bins() is how many (0: the window does not fit).  freq and amp
 * hold that many; 0, or -1 (allocation failure, no bins). */
size_t	swings_spectrum_bins(size_t n, double fs, double window_s);
/* Welch's method, the one routine behind the band amplitudes and the spectrum
 * (swings_spectrum.c): segments of L samples of x[0..n), hop L / 2, mean removed,
 * periodic Hann window.  After each segment's FFT, seg(ctx, pw, wl) gets pw[k-1] =
 * |X_k|^2 for k = 1..L/2 and wl (L, the window's sum w and sum w^2, the segments
 * so far); it returns 0 to go on, else stops the run with its value.  Returns 0,
 * seg's stop value, or -1 (allocation or FFT failure, L < 2 or L > n); wl->nseg
 * says how many segments ran. */
struct sw_welch {
	size_t	L, nseg;
	double	sw, sw2;
};
int	swings_spectrum_welch(const double *x, size_t n, size_t L, struct sw_welch *,
	    int (*seg)(void *ctx, const double *pw, const struct sw_welch *),
	    void *ctx);
int	swings_spectrum(const double *x, size_t n, double fs, double window_s,
	    double *freq, double *amp);
/* Largest rise within any window of w samples (x[j] - min x[i], j - w <= i < j). */
double	swings_max_rise(const double *x, size_t n, size_t w);
/* Largest change (rise or fall) within any window of w samples. */
double	swings_max_change(const double *x, size_t n, size_t w);
/* Shortest time between rises of more than thresh within w samples each (the
 * start of one such rise to the start of the next); INFINITY when fewer than two. */
double	swings_min_step_interval(const double *x, size_t n, size_t w, double thresh,
	    double dt);

/* ---- verdicts ---- */
enum sw_check {
	SW_CK_RAMP_S, SW_CK_RAMP_MIN, SW_CK_STEP, SW_CK_BAND, SW_CK_MIN_LOAD,
	SW_CK_CAPACITY, SW_CK_GEN_STEP, SW_CK_GEN_INTERVAL, SW_CK_GEN_RAMP,
	SW_CK_GEN_MIN_LOAD, SW_CK_GEN_CAPACITY
};

struct sw_verdict {
	enum sw_check check;
	int	band;		/* SW_CK_BAND: index */
	int	gen;		/* generator checks: index, else -1 */
	double	value, limit;	/* SI (W, W/s, s); the ramp checks over 1 min in W/min */
	double	margin;		/* limit - value (value - limit for lower limits) */
	int	ok;
};

#define SW_MAX_VERDICTS	(8 + SW_MAX_BANDS + 6 * SW_MAX_GENS)

struct sw_result {
	struct sw_wave wave;
	struct sw_metrics m[4];		/* raw, smoothed, after storage, at the grid */
	int	has_grid;
	struct sw_metrics gen[SW_MAX_GENS];
	double	gen_interval_s[SW_MAX_GENS];
	struct sw_verdict v[SW_MAX_VERDICTS];
	size_t	nv;
	int	all_ok;
};

enum sw_signal { SW_SIG_RAW, SW_SIG_SMOOTH, SW_SIG_SITE, SW_SIG_GRID };

/* Run, analyse every signal and judge every limit.  0 or -1. */
int	swings_evaluate(const struct sw_config *, struct sw_result *);
void	swings_result_release(struct sw_result *);
/* 1 when every limit holds for this configuration, 0 when one fails, -1 on error
 * (the waveform is not kept). */
int	swings_passes(const struct sw_config *);

/* ---- the swings section of a site file (site.h), as declared ---- */
struct model;
struct site;

struct site_swing_job {
	long	gpus;			/* 0: a share of the fleet online */
	double	share;			/* fraction of the GPUs online */
	const struct model *server;	/* MK_SERVER; NULL: the fleet's first GPU server */
	struct sw_job j;		/* levels NaN: from the server model */
	int	line;
};

struct site_swings {
	int	given;
	double	rate_hz, duration_s, window_s;
	int	date;			/* DATE_NONE: full deployment */
	unsigned long long seed;
	struct site_swing_job *jobs;
	size_t	njobs;
	struct sw_smoothing smooth;
	int	cap_given;		/* else it.workload.gpu_power_cap */
	struct sw_storage store;
	int	store_explicit;		/* power and energy given; else the site's batteries */
	struct sw_limits lim;
	int	island;
	double	static_w;		/* other load that does not swing, W */
	double	gov_tau_s;		/* governor time constant for models without one */
};

/* The configuration on a day (end of day, as schedule.h): jobs resolved against the
 * GPUs online, the site's batteries and generators in service.  jobs and gens hold
 * SW_MAX_JOBS and SW_MAX_GENS.  0, or -1 with a message in err. */
int	swings_site_config(const struct site *, int day, struct sw_config *,
	    struct sw_job *jobs, struct sw_gen *gens, char *err, size_t errlen);

/* Sample rate, duration and analysis window against the bands and the limits
 * above: 0, or -1 with a message in err and in *which the culprit (1 the rate,
 * 2 the window, 3 the duration). */
int	swings_check_timing(double rate, double duration, double window,
	    const struct sw_limits *, int *which, char *err, size_t errlen);

/* ---- sizing ---- */
struct sw_sizing {
	int	floor_found;		/* 1: floor, -1: none needed (passes at 0), 0: none suffices */
	double	floor;			/* fraction of TDP */
	double	floor_extra_w;		/* mean site power it adds, W */
	int	batt_found;		/* same codes */
	double	batt_power_w, batt_energy_j;
};

/* Smallest floor (to 0.1 % of TDP) and smallest battery (power to 0.1 %, then the
 * energy at that power) meeting every limit, by bisection over the full waveform.
 * The battery search keeps the storage section's control law and SOC window. */
int	swings_size(const struct sw_config *, struct sw_sizing *);

#endif
