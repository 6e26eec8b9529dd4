/*
 * schedule.h - the deployment schedule: how many racks, servers and GPUs are
 * delivered, installed and online on a given day.
 *
 * Convention: counts are at the END of the day.  A lot of racks delivered on
 * day D is installed on D + install_lag_d and online on
 * D + install_lag_d + commission_lag_d; so with zero lags it is delivered,
 * installed and online on D itself.
 *
 * The delivery lots are authoritative (site_load expands a start date and rate
 * into lots); a phase without lots never delivers anything.  A phase's counts
 * never exceed its 'racks', even if its lots add up to more.
 * Pure functions of the site; no allocation.
 */
#ifndef DCPLAN_SCHEDULE_H
#define DCPLAN_SCHEDULE_H

struct site;
struct site_phase;

enum deploy_stage { DEPLOY_DELIVERED, DEPLOY_INSTALLED, DEPLOY_ONLINE };

struct deploy_counts {
	long	racks;
	long	servers;
	long	gpus;
};

struct deploy_state {
	struct deploy_counts delivered, installed, online;	/* totals over phases */
	/* Racks per phase: arrays of site->it.nphases owned by the caller, filled
	 * by schedule_at; any of them may be NULL when not wanted. */
	long	*phase_delivered;
	long	*phase_installed;
	long	*phase_online;
};

/* Racks of one phase at a stage at the end of day. */
long	schedule_phase_racks(const struct site_phase *, int day, enum deploy_stage);
/* Index a phase's lots for schedule_phase_racks (a binary search on their
 * dates instead of a pass over every lot): when they are in ascending date
 * order, set each lot's cum_racks and lots_indexed; else clear lots_indexed.
 * Whoever writes a phase's lots calls it afterwards (site_load, risk). */
void	schedule_index(struct site_phase *);
/* Everything at the end of day; fills the per-phase arrays that are not NULL. */
void	schedule_at(const struct site *, int day, struct deploy_state *);
/* GPUs at a stage at the end of day (the total schedule_at gives, without the rest). */
long	schedule_gpus_at(const struct site *, int day, enum deploy_stage);

/* First day on which any rack reaches the stage; DATE_NEVER if none ever does. */
int	schedule_first_date(const struct site *, enum deploy_stage);
/* Day on which the last rack reaches the stage; DATE_NONE if the site has no racks,
 * DATE_NEVER if some rack never does (a phase's lots add up to fewer than its racks). */
int	schedule_last_date(const struct site *, enum deploy_stage);
/* Day on which every rack is online: schedule_last_date(s, DEPLOY_ONLINE). */
int	schedule_full_date(const struct site *);
/* First day on which at least gpus GPUs are at the stage; DATE_NONE for gpus <= 0,
 * DATE_NEVER if the site never gets there. */
int	schedule_gpus_date(const struct site *, enum deploy_stage, long gpus);

#endif
