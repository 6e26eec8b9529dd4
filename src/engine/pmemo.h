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
#include <string.h>

struct pmemo;

/* What a key is for (the first word of every key). */
enum pmemo_kind {
	PMEMO_PLANT = 1,	/* plant_eval */
	PMEMO_CAPACITY,		/* capacity_solve_min */
	PMEMO_DEMAND_ENV,	/* capacity_demand_env_w */
	PMEMO_SIM_DAY,		/* a day of sim_run */
	PMEMO_DESIGN_IT,	/* the full deployment's nameplate IT (plant.c) */
	PMEMO_PLANT_GPUS,	/* plant_eval_gpus */
	PMEMO_STAGE		/* a staging step (capacity.c stage_below) */
};

#define PMEMO_KEY_WORDS	16

/* A key: the kind, the group and up to 14 further words, unused words 0. */
struct pmemo_key {
	uint64_t w[PMEMO_KEY_WORDS];
	unsigned n;		/* words filled */
};

/* The largest value a memo holds, bytes. */
#define PMEMO_VALUE_MAX	400

/* The most one step of a simulation keeps (sim_run: its air, plant result
 * and class flag), bytes. */
#define PMEMO_STEP_VALUE 512
/* Days of a simulation a memo keeps (a build and its first year: ~430). */
#define PMEMO_DAYS	2048

/* A memo of 2^log2_entries values found by their key, and the steps of one
 * simulation of up to 2^log2_steps steps (each at most 2^24; PMEMO_DAYS days):
 * NULL if out of memory.  A keyed entry is about 540 bytes, a step 512. */
struct pmemo *pmemo_new(unsigned log2_entries, unsigned log2_steps);
void	pmemo_free(struct pmemo *);

/* Start a key; add a double (its bits) or an integer.  Adding past
 * PMEMO_KEY_WORDS words is a programming error (the key is then marked
 * unusable and every lookup misses). */
static inline void
pmemo_key_init(struct pmemo_key *k, enum pmemo_kind kind, uint64_t group)
{
	memset(k, 0, sizeof *k);
	k->w[0] = (uint64_t)kind;
	k->w[1] = group;
	k->n = 2;
}

static inline void
pmemo_key_w(struct pmemo_key *k, uint64_t w)
{
	if (k->n < PMEMO_KEY_WORDS)
		k->w[k->n++] = w;
	else
		k->n = PMEMO_KEY_WORDS + 1;	/* too long: never matches */
}

static inline void
pmemo_key_i(struct pmemo_key *k, int64_t i)
{
	pmemo_key_w(k, (uint64_t)i);
}

static inline void
pmemo_key_d(struct pmemo_key *k, double x)
{
	uint64_t w;

	memcpy(&w, &x, sizeof w);
	pmemo_key_w(k, w);
}

/* 1 and the value's `size` bytes copied to out if the key is held, else 0. */
int	pmemo_get(struct pmemo *, const struct pmemo_key *, void *out, size_t size);
/* Keep a value of `size` bytes (at most PMEMO_VALUE_MAX) under the key. */
void	pmemo_put(struct pmemo *, const struct pmemo_key *, const void *val,
	    size_t size);
/*
 * The steps of a simulation, a day at a time (sim_run).  A day's key holds
 * everything its steps' results depend on within a group (the day, the
 * equipment day, the racks online, the step); its steps take the slots
 * first_step ... first_step + steps - 1, where first_step counts from the
 * start of the simulation, and the day the slot day mod PMEMO_DAYS.
 * pmemo_sim_fits: whether a simulation of nsteps steps over ndays days fits
 * (else it keeps nothing).  pmemo_day_held: 1 if that day's slots hold the
 * results of a day with this key.  Before writing a day's slots, drop the day
 * (pmemo_day_drop); after the last, keep its key (pmemo_day_keep).
 */
int	pmemo_sim_fits(const struct pmemo *, size_t nsteps, size_t ndays);
int	pmemo_day_held(struct pmemo *, size_t day, const struct pmemo_key *);
void	pmemo_day_drop(struct pmemo *, size_t day);
void	pmemo_day_keep(struct pmemo *, size_t day, const struct pmemo_key *);
/* A step's slot: PMEMO_STEP_VALUE bytes. */
void	*pmemo_step_slot(struct pmemo *, size_t step);

/*
 * Days of whole results (sim_run with a day sink, sim.h): a value of up to
 * PMEMO_BLOB_MAX bytes found by a fingerprint of any length, compared byte
 * for byte (the fingerprint and the value share an entry's PMEMO_BLOB_MAX
 * bytes).  pmemo_blobs allocates 2^log2 entries of PMEMO_BLOB_MAX + 16 bytes
 * (0, or -1 out of memory); without it, or when the two do not fit, every
 * lookup misses and nothing is kept.  pmemo_blob_get: 1 and the value (its
 * length in *len, at most cap bytes) if held, else 0.
 */
#define PMEMO_BLOB_MAX	2032
int	pmemo_blobs(struct pmemo *, unsigned log2);
int	pmemo_blob_get(struct pmemo *, const void *fp, size_t fplen, void *val,
	    size_t cap, size_t *len);
void	pmemo_blob_put(struct pmemo *, const void *fp, size_t fplen, const void *val,
	    size_t len);

/* Whole-day lookups (pmemo_blob_get) that hit and that missed. */
void	pmemo_blob_stats(const struct pmemo *, uint64_t *hits, uint64_t *misses);

/* Lookups that hit and that missed since pmemo_new (all kinds). */
void	pmemo_stats(const struct pmemo *, uint64_t *hits, uint64_t *misses);

#endif
