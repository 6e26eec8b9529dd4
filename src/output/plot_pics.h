/*
 * plot_pics.h - the pictures of dcplan's commands, each drawn from the records the
 * command's CSV writer takes (timeline rows, simulation steps), never from text.
 * The series builders are exposed so that the tests check what a picture shows.
 *
 * Kinds, by command (dcplan(1), PICTURES):
 *   plan, timeline   build            firm supply stacked by source, demand, GPUs
 *   simulate         load-duration    facility, IT and cooling power, sorted hours
 *                    monthly          PUE and water per month
 *                    heatmap-margin   supply margin by hour of day and day
 *                    heatmap-pue      PUE by hour of day and day
 *   swings           waveform         raw, smoothed, at the supply, storage SOC
 *                    spectrum         amplitude spectrum, concern bands and limits
 *   risk             s-curve          P(met by date) per target, P50/P80/P90, date
 *                    lolp             loss-of-load probability, hour x day of year
 *                    tornado          what drives a target's date
 *                    band             P10-P90 band of GPUs online, P50, the plan
 */
#ifndef DCPLAN_PLOT_PICS_H
#define DCPLAN_PLOT_PICS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "plot.h"

struct site;
struct tl_day;
struct sim_step;
struct sw_config;
struct sw_result;

/* ---- plan, timeline: the build over time ---- */
struct build_series {
	size_t	n;			/* days */
	double	*day;			/* x: days since 1970-01-01 */
	double	*grid_mw, *gen_mw, *batt_mw;	/* firm supply by source, stacked */
	double	*demand_mw;		/* facility power with every online GPU running */
	double	*online, *runnable;	/* GPUs */
	/* spans [from, to) of days: a target whose date has passed is not met;
	 * GPUs online that the supply or cooling cannot run */
	double	*fail_from, *fail_to;
	size_t	nfail;
	double	*strand_from, *strand_to;
	size_t	nstrand;
	/* targets: date, GPUs, name */
	double	*tgt_day, *tgt_gpus;
	const char **tgt_name;
	size_t	ntgt;
};

int	plot_build_series(const struct site *, const struct tl_day *, size_t n,
	    struct build_series *);	/* 0, or -1 out of memory */
void	plot_build_free(struct build_series *);
/* what: "timeline" or "plan" (in the subtitle) */
int	plot_build_draw(const struct site *, const struct build_series *, const char *what,
	    enum plot_fmt, int w, int h, FILE *);

/* ---- simulate ---- */
enum sim_pic { SIM_LOAD_DURATION, SIM_MONTHLY, SIM_HEAT_MARGIN, SIM_HEAT_PUE };

/* The steps of a run, as the simulate CSV has them (kept for the picture). */
struct sim_series {
	size_t	n, cap;
	double	step_h;
	int	*day, *minute;
	double	*it_mw, *fac_mw, *cool_mw;	/* IT, facility, cooling plant */
	double	*pue;			/* NaN with no IT load */
	double	*water_m3;		/* this step */
	double	*grid_cap_mw, *firm_cap_mw;	/* grid; grid + generators */
};

void	plot_sim_init(struct sim_series *, double step_s);
int	plot_sim_add(struct sim_series *, const struct sim_step *);	/* 0 or -1 */
void	plot_sim_free(struct sim_series *);
/* Sorted from the highest step down (each curve on its own): n values each, and
 * hours[i] = (i + 1) x the step in hours. */
void	plot_sim_duration(const struct sim_series *, double *hours, double *fac,
	    double *it, double *cool, double *grid, double *firm);
/* Calendar months in the run (at most max): the energy-weighted PUE (facility
 * energy / IT energy; NaN with none) and the water, m3.  label[i] is "YYYY-MM". */
int	plot_sim_monthly(const struct sim_series *, double *pue, double *water_m3,
	    char (*label)[8], int max);
/* Hour of day (nx = steps per day) by day (ny): z[j*nx+i], NaN where no step.
 * SIM_HEAT_MARGIN: grid + generators - facility, MW; SIM_HEAT_PUE: PUE.
 * z must hold nx*ny; first day in *day0.  0, or -1 if the steps are not whole
 * days from midnight. */
int	plot_sim_heat(const struct sim_series *, enum sim_pic, double *z, int *nx,
	    int *ny, int *day0);
int	plot_sim_grid(const struct sim_series *, int *nx, int *ny);	/* sizes */
int	plot_sim_draw(const struct site *, const struct sim_series *, enum sim_pic,
	    enum plot_fmt, int w, int h, FILE *);

/* ---- swings ---- */
enum swings_pic { SWINGS_WAVEFORM, SWINGS_SPECTRUM };

/* Min-max decimation of x[0..n) (sample i at i x dt) into at most 2 x buckets
 * points (tx, ty), each bucket's lowest and highest sample in time order; all n
 * when n <= 2 x buckets.  Returns the count. */
size_t	plot_decimate(const double *x, size_t n, double dt, size_t buckets, double *tx,
	    double *ty);
/* The amplitude spectra (W) of the raw, smoothed and supply-side waveforms with
 * the configuration's rate and window; each holds swings_spectrum_bins().  0 or -1. */
int	plot_swings_spectra(const struct sw_config *, const struct sw_result *,
	    double *freq, double *amp_raw, double *amp_smooth, double *amp_site,
	    size_t *nb);
/* span_s: the waveform's first span_s seconds (0: all). */
int	plot_swings_draw(const char *title, const struct sw_config *,
	    const struct sw_result *, enum swings_pic, double span_s, enum plot_fmt,
	    int w, int h, FILE *);

/* ---- risk ---- */
enum risk_pic { RISK_SCURVE, RISK_TORNADO, RISK_LOLP, RISK_BAND };

/* One target's met dates over the trials: counts[i] trials met on day0 + i (the
 * trials never met are in trials, not in counts). */
struct risk_curve_in {
	const char *name;
	int	gpus, by;
	int	day0;
	size_t	ndays;
	const uint64_t *counts;
	uint64_t trials;
	double	p_on_time;	/* P(met by its date), as the report gives it */
};
/* One target's drivers: Spearman rank correlation of each input with its date. */
struct risk_tornado_in {
	const char *target;
	size_t	ninputs;
	const char *const *names;
	const double *rho;
};

/* P(met by day) in percent-free fractions: x[i] = day0 + i, p[i] cumulative
 * count / trials (ndays each).  0, or -1 with no days or trials. */
int	plot_risk_scurve(const struct risk_curve_in *, double *x, double *p);
/* The first day with P(met by day) >= q: 0, or -1 when the curve stays below. */
int	plot_risk_quantile(const struct risk_curve_in *, double q, int *day);
/* The inputs by |rho|, largest first (ties in their order): order[ninputs]. */
int	plot_risk_tornado(const struct risk_tornado_in *, size_t *order);
/* The loss-of-load probability by hour of the weather year: counts[h] of trials
 * trials had load unserved in hour h (nh hours, whole days). */
struct risk_lolp_in {
	const uint64_t *counts;
	size_t	nh;
	uint64_t trials;
};
/* The heat map's cells: z[day * 24 + hour] = counts / trials (the picture's rows
 * are days, its columns hours of day).  0, or -1 with no trials or hours. */
int	plot_risk_lolp(const struct risk_lolp_in *, double *z, int *ndays);
int	plot_risk_lolp_draw(const char *title, const char *sub,
	    const struct risk_lolp_in *, enum plot_fmt, int w, int h, FILE *);
/* The band of GPUs online: n steps, each holding from day[i] to day[i + 1] (the
 * last through the picture's end); the deterministic plan's GPUs online as ndet
 * steps; the targets (date, GPUs, name). */
struct risk_band_in {
	size_t	n;
	const int *day;
	const long *p10, *p50, *p90;
	size_t	ndet;
	const int *det_day;
	const long *det_gpus;
	size_t	nt;
	const int *tgt_by;
	const long *tgt_gpus;
	const char *const *tgt_name;
};
/* The series as drawn: x[0..n] days (n + 1 values: the steps and the end day,
 * where each holds to), lo, mid, hi the P10, P50, P90; *end gets the end day,
 * the latest of the band's, the plan's and the targets' days plus a tenth of
 * the span (at least 7 d).  0, or -1 with no steps. */
int	plot_risk_band(const struct risk_band_in *, double *x, double *lo, double *mid,
	    double *hi, double *end);
int	plot_risk_band_draw(const char *title, const char *sub,
	    const struct risk_band_in *, enum plot_fmt, int w, int h, FILE *);
/* s-curve: the targets c[0..nt) (at most 8 drawn); tornado: t. */
int	plot_risk_draw(const char *title, const char *sub, enum risk_pic,
	    const struct risk_curve_in *c, size_t nt, const struct risk_tornado_in *t,
	    enum plot_fmt, int w, int h, FILE *);

#endif
