/*
 * risk-doc.h - what dcplan risk writes and dcplan merge reads back: the run's
 * description (site, seed, shard, targets, inputs, equipment groups), its
 * accumulators as an exact text state (every integer in decimal) carried in the
 * JSON and CSV documents, and the report built from the two - one function for
 * both commands, so a merge of shards writes byte for byte what one run writes.
 */
#ifndef DCPLAN_RISK_DOC_H
#define DCPLAN_RISK_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "risk.h"

#define RISK_SCHEMA "dcplan.risk/3"

struct out_doc;
struct risk_meta;
/* The documents' head of a run: its site, overrides and seed into d (the rest of
 * d, the line ending, as the caller set it). */
void	risk_doc(const struct risk_meta *, struct out_doc *);

struct risk_meta {
	char	*path, *name;
	size_t	nsets;
	char	**sets;
	uint64_t seed;
	int	seed_given;
	int	shard_k, shard_n;
	uint64_t trials_asked;
	uint64_t cost_trials;		/* trials 0 .. cost_trials - 1 costed
					   (--cost-trials; 0: none) */
	int	priced;			/* the site has prices */
	double	target_se;		/* 0: none */
	size_t	ntargets;
	/* cost_day: risk_delay_cost_per_day (NaN: no GPU-hour value) */
	struct { char *name; long gpus; int by; double cost_day; } *targets;
	char	currency[8];		/* "" without economics */
	size_t	ninputs;
	char	**inputs;
	size_t	ngroups;
	struct { char *name; int can_fail; } *groups;
	size_t	nyears;			/* weather years (1: the site's one) */
	struct { char *file; char *weight; } *years;	/* weight: "%.17g" */
	/* the deterministic plan's first day at each band level (risk_band_level
	 * of the model's band_fleet); DATE_NEVER if never */
	long	band_fleet;
	int	band_det[RISK_BAND_LEVELS];
	int	band_never;		/* the day a trial never at a level sits on */
};

/* From a loaded site and its risk model; 0 or -1 (out of memory). */
int	risk_meta_init(struct risk_meta *, const char *path, const struct site *,
	    const struct risk_model *, const char *const *sets, size_t nsets);
void	risk_meta_free(struct risk_meta *);

/* The state as one string (malloc'd; NULL when out of memory). */
char	*risk_state_encode(const struct risk_meta *, const struct risk_acc *);
/* Parse a state; 0, or -1 with a message. */
int	risk_state_decode(const char *, struct risk_meta *, struct risk_acc *, char *err,
	    size_t errlen);

/* The band of GPUs online as steps: day[i] (days since 1970-01-01) and the
 * P10, P50, P90 from it until day[i + 1], a step on each day any of the three
 * changes, from the first day a level is reached through the last; malloc'd
 * arrays (free each), their count, or -1 out of memory. */
long	risk_band_steps(const struct risk_meta *, const struct risk_acc *,
	    int **day, long **p10, long **p50, long **p90);

struct report;
/* The report: text without the state, CSV and JSON with it (with_state). */
struct report *risk_report(const struct risk_meta *, const struct risk_acc *,
	    int with_state);

#endif
