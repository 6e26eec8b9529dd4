/*
 * t-numfmt.c - the number formatter: fixed decimals byte-identical to printf's
 * "%.*f" (exact ties to even included), round-trip numbers that read back with
 * strtod to the same double and have no more significant digits than the
 * shortest "%.Ng" that does.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numfmt.h"
#include "tap.h"

/* xorshift64*: a fixed, portable sequence of test values */
static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t
next(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 2685821657736338717ULL;
}

static double
random_double(void)
{
	uint64_t b = next();
	double	v;

	memcpy(&v, &b, sizeof v);
	return v;
}

/* a value of ordinary magnitude (1e-6 .. 1e16) with a random mantissa */
static double
random_ordinary(void)
{
	double	m = (double)(next() >> 11) / 9007199254740992.0;
	int	e = (int)(next() % 23) - 6;

	return (next() & 1 ? -1 : 1) * m * pow(10, e);
}

/* significant digits of a decimal: no leading zeros, nor an integer's trailing ones */
static int
sig_digits(const char *s)
{
	int	n = 0, lead = 1, zeros = 0, point = strchr(s, '.') != NULL;

	for (; *s && *s != 'e'; s++) {
		if (*s < '0' || *s > '9')
			continue;
		if (lead && *s == '0')
			continue;
		lead = 0;
		n++;
		zeros = *s == '0' ? zeros + 1 : 0;
	}
	if (!point)
		n -= zeros;
	return n > 0 ? n : 1;
}

static int
printf_shortest_digits(double v)
{
	char	b[64];
	int	p;

	for (p = 1; p < 17; p++) {
		snprintf(b, sizeof b, "%.*g", p, v);
		if (strtod(b, NULL) == v)
			break;
	}
	return p;
}

static int
fixed_same(double v, int prec)
{
	char	want[400], got[NUMFMT_BUFSZ];

	if (!isfinite(v))
		return 1;	/* the empty string by design, checked above */
	snprintf(want, sizeof want, "%.*f", prec, v);
	if (want[0] == '-' && strspn(want + 1, "0.") == strlen(want + 1))
		memmove(want, want + 1, strlen(want));
	numfmt_fixed(got, v, prec);
	if (strcmp(want, got) != 0) {
		printf("#   %.17g prec %d: got %s, want %s\n", v, prec, got, want);
		return 0;
	}
	return 1;
}

static void
check_shortest(const char *want, double v)
{
	char	got[NUMFMT_BUFSZ];

	numfmt_shortest(got, v);
	ok(strcmp(got, want) == 0, "shortest %.17g is %s (got %s)", v, want, got);
}

int
main(void)
{
	static const double ties[] = { 0.5, 1.5, 2.5, -0.5, -2.5, 0.125, 0.375,
	    -0.125, 1.0625, 2.675, 1.005, 0.045, 1e15 + 0.5, 4503599627370495.5 };
	char	buf[NUMFMT_BUFSZ], small[8];
	long	bad = 0, longer = 0, i;
	size_t	k;
	int	p;

	/* hand-checked fixed decimals */
	numfmt_fixed(buf, 23.9342, 2);
	ok(strcmp(buf, "23.93") == 0, "23.9342 with 2 decimals is 23.93 (%s)", buf);
	numfmt_fixed(buf, -0.004, 2);
	ok(strcmp(buf, "0.00") == 0, "-0.004 with 2 decimals is 0.00 (%s)", buf);
	numfmt_fixed(buf, 0.125, 2);
	ok(strcmp(buf, "0.12") == 0, "an exact tie goes to even: 0.125 -> 0.12 (%s)", buf);
	numfmt_fixed(buf, 0.135, 2);	/* binary 0.13500000000000000888 */
	ok(strcmp(buf, "0.14") == 0, "0.135 (just above the tie in binary) -> 0.14 (%s)", buf);
	numfmt_fixed(buf, 7, 0);
	ok(strcmp(buf, "7") == 0, "7 with no decimals is 7 (%s)", buf);
	numfmt_fixed(buf, NAN, 3);
	ok(buf[0] == '\0', "NaN is the empty string");
	fmt_num(small, sizeof small, 123456.789, 3);
	ok(strcmp(small, "123456.") == 0, "fmt_num truncates to its buffer like snprintf (%s)", small);

	for (k = 0; k < sizeof ties / sizeof ties[0]; k++)
		for (p = 0; p <= 4; p++)
			bad += !fixed_same(ties[k], p);
	for (i = 0; i < 100000; i++) {
		double	v = random_ordinary();

		bad += !fixed_same(v, (int)(i % 7));
		if (i % 8 == 0)
			bad += !fixed_same(random_double(), (int)(i % 4));
		if (i % 16 == 0) {	/* exact ties at the rounding digit */
			double t = (double)(next() % 100000) + 0.5;

			bad += !fixed_same(t / 1024 * 1024, 0);
			bad += !fixed_same(ldexp((double)(2 * (next() % 4096) + 1), -3), 2);
		}
	}
	ok(bad == 0, "fixed decimals equal printf's %%.*f on 116,000 values (%ld differ)", bad);

	check_shortest("23.9342", 23.9342);
	check_shortest("0.1", 0.1);
	check_shortest("0", -0.0);
	check_shortest("-1.5", -1.5);
	check_shortest("100", 100);
	check_shortest("0.30000000000000004", 0.1 + 0.2);
	check_shortest("1e-07", 1e-7);
	check_shortest("1.2345678901234568e+17", 123456789012345678.0);
	check_shortest("5e-324", 5e-324);
	check_shortest("1.7976931348623157e+308", 1.7976931348623157e308);
	check_shortest("631.0123456789", 631.0123456789);
	numfmt_shortest(buf, INFINITY);
	ok(buf[0] == '\0', "infinity is the empty string");

	bad = 0;
	for (i = 0; i < 100000; i++) {
		double	v = i % 3 ? random_ordinary() : random_double();

		if (!isfinite(v))
			continue;
		numfmt_shortest(buf, v);
		if (strtod(buf, NULL) != v) {
			if (bad++ < 5)
				printf("#   %.17g written %s\n", v, buf);
			continue;
		}
		if (sig_digits(buf) > printf_shortest_digits(v) && longer++ < 5)
			printf("#   %.17g written %s, %%.%dg suffices\n", v, buf,
			    printf_shortest_digits(v));
	}
	ok(bad == 0, "100,000 doubles read back exactly (%ld do not)", bad);
	ok(longer == 0, "none has more significant digits than the shortest %%.Ng (%ld do)",
	    longer);
	return tap_done();
}
