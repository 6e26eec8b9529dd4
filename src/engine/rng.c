/*
 * rng.c - Philox4x32-10 streams adapted to gsl_rng_type (see rng.h).
 */
#include <string.h>

#include <Random123/philox.h>

#include "rng.h"

struct philox_state {
	philox4x32_key_t key;
	philox4x32_ctr_t ctr;	/* v[0] block, v[1] purpose, v[2..3] trial */
	philox4x32_ctr_t out;
	unsigned idx;		/* next word of out; 4 = refill */
};

static void
refill(struct philox_state *st)
{
	st->out = philox4x32_R(10, st->ctr, st->key);
	st->ctr.v[0]++;
	st->idx = 0;
}

static unsigned long
philox_get(void *vp)
{
	struct philox_state *st = vp;

	if (st->idx >= 4)
		refill(st);
	return st->out.v[st->idx++];
}

/* (k + 0.5) / 2^32: uniform on (0, 1), the endpoints excluded */
static double
philox_get_double(void *vp)
{
	return ((double)philox_get(vp) + 0.5) / 4294967296.0;
}

static void
set_stream(struct philox_state *st, uint64_t seed, uint64_t trial, uint32_t purpose)
{
	memset(st, 0, sizeof *st);
	st->key.v[0] = (uint32_t)seed;
	st->key.v[1] = (uint32_t)(seed >> 32);
	st->ctr.v[1] = purpose;
	st->ctr.v[2] = (uint32_t)trial;
	st->ctr.v[3] = (uint32_t)(trial >> 32);
	st->idx = 4;
}

static void
philox_set(void *vp, unsigned long seed)
{
	set_stream(vp, (uint64_t)seed, 0, 0);
}

static const gsl_rng_type philox_type = {
	"philox4x32-10", 0xffffffffUL, 0, sizeof(struct philox_state),
	philox_set, philox_get, philox_get_double
};

const gsl_rng_type *
rng_philox_type(void)
{
	return &philox_type;
}

gsl_rng *
rng_alloc(void)
{
	return gsl_rng_alloc(&philox_type);
}

void
rng_stream(gsl_rng *r, uint64_t seed, uint64_t trial, uint32_t purpose)
{
	set_stream(r->state, seed, trial, purpose);
}

uint32_t
rng_u32(gsl_rng *r)
{
	return (uint32_t)philox_get(r->state);
}

double
rng_uniform_pos(gsl_rng *r)
{
	return philox_get_double(r->state);
}

void
rng_philox_block(const uint32_t ctr[4], const uint32_t key[2], uint32_t out[4])
{
	philox4x32_ctr_t c = {{ ctr[0], ctr[1], ctr[2], ctr[3] }};
	philox4x32_key_t k = {{ key[0], key[1] }};
	philox4x32_ctr_t o = philox4x32_R(10, c, k);

	memcpy(out, o.v, sizeof o.v);
}
