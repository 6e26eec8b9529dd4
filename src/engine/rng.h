/*
 * rng.h - counter-based random streams for Monte Carlo: Philox4x32-10 (Salmon, Moraes,
 * Dror and Shaw, "Parallel random numbers: as easy as 1, 2, 3", SC'11; Random123,
 * Debian librandom123-dev) behind GSL's gsl_rng_type, so that every gsl_ran_*
 * distribution draws from it.
 *
 * A stream is named by (seed, trial, purpose): the Philox key is the 64-bit seed,
 * the counter is (block, purpose, trial low, trial high).  The numbers of trial i
 * therefore depend only on (seed, i, purpose) - never on the thread that runs the
 * trial, the order trials run in, or how they are split into shards.  Each stream
 * gives 2^34 32-bit words before its block counter wraps.
 * No mutable statics: a gsl_rng from rng_alloc() belongs to one thread at a time.
 */
#ifndef DCPLAN_RNG_H
#define DCPLAN_RNG_H

#include <stdint.h>

#include <gsl/gsl_rng.h>

/* The GSL generator type ("philox4x32-10"); gsl_rng_set() keys it by the seed with
 * trial 0 and purpose 0. */
const gsl_rng_type *rng_philox_type(void);

/* gsl_rng_alloc(rng_philox_type()); NULL when out of memory. */
gsl_rng *rng_alloc(void);
/* Restart r at the beginning of the stream (seed, trial, purpose). */
void	rng_stream(gsl_rng *r, uint64_t seed, uint64_t trial, uint32_t purpose);
/* The next 32-bit word, and a double uniform on (0, 1) (never 0 or 1). */
uint32_t rng_u32(gsl_rng *r);
double	rng_uniform_pos(gsl_rng *r);

/* One Philox4x32-10 block, for the known-answer test. */
void	rng_philox_block(const uint32_t ctr[4], const uint32_t key[2], uint32_t out[4]);

#endif
