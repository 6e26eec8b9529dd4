/*
 * pmemo.h - an exact memo of plant evaluations shared by many plans.
 *
 * plant_eval() is a pure function of the site's plant (cooling, IT fleet, UPS
 * and transformer chain), the day (which equipment is in service), the IT load
 * and the air (dry-bulb, wet-bulb, pressure); capacity_solve_min() and
 * capacity_demand_env_w() are pure functions of the same and of the supply
 * available.  A sweep runs hundreds of plans whose sites differ only in what
 * the plant never reads - the grid, the generators, the batteries, the
 * dispatch order, the targets, the prices - so the same evaluations repeat
 * from case to case.  A memo keeps them: each lookup is keyed on the exact bits
 * of every argument that can differ within a group of sites that the caller
 * promises have the same plant (src/engine/sweep.h).  A hit returns the stored
 * result bit for bit, so a plan run with a memo is byte-identical to one
 * without; only the time differs.
 *
 * The tables are set-associative with a fixed number of entries (no growth;
 * a new key replaces the oldest of its set), allocated once; a memo is not
 * thread-safe: each thread uses its own (src/engine/sweep.c).
 */
#ifndef DCPLAN_PMEMO_H
#define DCPLAN_PMEMO_H

#include <stddef.h>
#include <stdint.h>

struct pmemo;

/* What a key is for (the first word of every key). */
enum pmemo_kind {
	PMEMO_PLANT = 1,	/* plant_eval */
	PMEMO_CAPACITY,		/* capacity_solve_min */
	PMEMO_DEMAND_ENV	/* capacity_demand_env_w */
};

#define PMEMO_KEY_WORDS	16

/* A key: the kind, the group and up to 14 further words, unused words 0. */
struct pmemo_key {
	uint64_t w[PMEMO_KEY_WORDS];
	unsigned n;		/* words filled */
};

/* The largest value a memo holds, bytes. */
#define PMEMO_VALUE_MAX	400

/* A memo of 2^log2_entries values found by their key, and 2^log2_steps found
 * by the step of a simulation (each at most 2^24): NULL if out of memory.
 * Each entry is about 540 bytes. */
struct pmemo *pmemo_new(unsigned log2_entries, unsigned log2_steps);
void	pmemo_free(struct pmemo *);

/* Start a key; add a double (its bits) or an integer.  Adding past
 * PMEMO_KEY_WORDS words is a programming error (the key is then marked
 * unusable and every lookup misses). */
void	pmemo_key_init(struct pmemo_key *, enum pmemo_kind, uint64_t group);
void	pmemo_key_d(struct pmemo_key *, double);
void	pmemo_key_i(struct pmemo_key *, int64_t);

/* 1 and the value's `size` bytes copied to out if the key is held, else 0. */
int	pmemo_get(struct pmemo *, const struct pmemo_key *, void *out, size_t size);
/* Keep a value of `size` bytes (at most PMEMO_VALUE_MAX) under the key. */
void	pmemo_put(struct pmemo *, const struct pmemo_key *, const void *val,
	    size_t size);
/* The same by the index of a simulation's step (sim_run): the steps of one
 * year are read in order, so their slots are too (slot: step mod
 * 2^log2_steps), each held with its whole key. */
int	pmemo_step_get(struct pmemo *, size_t step, const struct pmemo_key *,
	    void *out, size_t size);
void	pmemo_step_put(struct pmemo *, size_t step, const struct pmemo_key *,
	    const void *val, size_t size);

/* Lookups that hit and that missed since pmemo_new. */
void	pmemo_stats(const struct pmemo *, uint64_t *hits, uint64_t *misses);

#endif
