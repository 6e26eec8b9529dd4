/*
 * t-rng.c - Philox4x32-10 streams: the Random123 known answer, streams that depend
 * only on (seed, trial, purpose), and GSL distributions drawing from them.
 */
#include <stdint.h>

#include <gsl/gsl_randist.h>

#include "rng.h"
#include "tap.h"

int
main(void)
{
	/* Random123 known-answer vector (kat_vectors): philox4x32 10 rounds,
	 * counter 0 and key 0 */
	uint32_t ctr[4] = { 0, 0, 0, 0 }, key[2] = { 0, 0 }, out[4];
	gsl_rng *a = rng_alloc(), *b = rng_alloc();
	uint32_t x[8], y[8];
	double	m = 0, v = 0;
	int	i, same;
	const int n = 200000;

	rng_philox_block(ctr, key, out);
	ok(out[0] == 0x6627e8d5u && out[1] == 0xe169c58du && out[2] == 0xbc57ac4cu &&
	    out[3] == 0x9b00dbd8u, "Philox4x32-10 known answer for counter 0, key 0");
	ok(a != NULL && b != NULL, "allocated");
	ok(gsl_rng_max(a) == 0xffffffffUL && gsl_rng_min(a) == 0, "a 32-bit GSL type");

	/* the stream of (seed 0, trial 0, purpose 0) starts with that block */
	rng_stream(a, 0, 0, 0);
	for (i = 0; i < 4; i++)
		x[i] = rng_u32(a);
	ok(x[0] == out[0] && x[3] == out[3], "stream (0, 0, 0) is the known block");

	/* the same stream twice, whatever ran in between */
	rng_stream(a, 42, 7, 3);
	for (i = 0; i < 8; i++)
		x[i] = rng_u32(a);
	rng_stream(b, 42, 6, 3);
	for (i = 0; i < 100; i++)
		(void)rng_u32(b);
	rng_stream(b, 42, 7, 3);
	for (i = 0; i < 8; i++)
		y[i] = rng_u32(b);
	for (same = 1, i = 0; i < 8; i++)
		same &= x[i] == y[i];
	ok(same, "a stream depends only on (seed, trial, purpose)");
	rng_stream(b, 42, 8, 3);
	ok(rng_u32(b) != x[0], "the next trial gives another stream");
	rng_stream(b, 42, 7, 4);
	ok(rng_u32(b) != x[0], "another purpose gives another stream");
	rng_stream(b, 43, 7, 3);
	ok(rng_u32(b) != x[0], "another seed gives another stream");
	rng_stream(b, 42, 7ULL + (1ULL << 32), 3);
	ok(rng_u32(b) != x[0], "the trial's high word counts");

	/* uniform (0, 1): mean 1/2, variance 1/12, within 4 standard errors */
	rng_stream(a, 1, 0, 0);
	for (i = 0; i < n; i++) {
		double	u = rng_uniform_pos(a);

		m += u;
		v += u * u;
		if (!(u > 0 && u < 1))
			break;
	}
	ok(i == n, "every uniform is inside (0, 1)");
	m /= n;
	v = v / n - m * m;
	is_abs(m, 0.5, 4 * sqrt(1.0 / 12 / n), "uniform mean 1/2");
	is_abs(v, 1.0 / 12, 4 * sqrt(1.0 / 180 / n), "uniform variance 1/12");

	/* a GSL distribution drawing from it: exponential with mean 3 */
	rng_stream(a, 2, 0, 0);
	for (m = 0, i = 0; i < n; i++)
		m += gsl_ran_exponential(a, 3.0);
	m /= n;
	is_abs(m, 3.0, 4 * 3.0 / sqrt(n), "gsl_ran_exponential draws from the stream");

	gsl_rng_free(a);
	gsl_rng_free(b);
	return tap_done();
}
