/*
 * numfmt.c - number formatting for every output format (see numfmt.h).
 *
 * Exact rounding without big numbers: for a power of ten s <= 1e22 (exact in a
 * double) the product v*s is p + e exactly, p = fl(v*s) and e = fma(v, s, -p) (the
 * error of a product is representable: Boldo and Muller, "Exact and approximated
 * error of the FMA", IEEE Trans. Computers 60(2), 2011).  With p < 2^53 the
 * fraction p - floor(p) is exact and so is its difference from 1/2 near a tie
 * (Sterbenz's lemma), so the sign of (p - floor(p) - 1/2) + e decides the rounding
 * as printf decides it on the exact binary value.
 *
 * Reading back without strtod: an integer N < 2^53 and s = 10^d <= 1e22 are both
 * exact, so the correctly rounded quotient N / s is the double nearest to the
 * decimal N * 10^-d, which is what strtod returns for it (Clinger, "How to read
 * floating point numbers accurately", PLDI 1990, the fast path).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numfmt.h"

static const double pow10_tab[23] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/* the double nearest 10^k, -6 <= k <= 22 */
static const double pow10_neg[7] = { 1e0, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6 };

static double
pow10_any(int k)
{
	return k >= 0 ? pow10_tab[k] : pow10_neg[-k];
}

#define TWO53	9007199254740992.0

/*
 * round(a * 10^d) for a >= 0 with a * 10^d < 2^53, to nearest, an exact tie to
 * even.
 */
static uint64_t
round_scaled(double a, int d)
{
	double	s = pow10_tab[d], p = a * s, e = fma(a, s, -p);
	double	f = floor(p), t = (p - f - 0.5) + e;
	uint64_t n = (uint64_t)f;

	if (t > 0 || (t == 0 && (n & 1)))
		n++;
	return n;
}

/*
 * round(a * 10^d) where p = fl(a * 10^d) >= 2^53 is an integer (an even one) and
 * the error e of the product is at most half its ulp: p + nearbyint(e), an exact
 * tie going to even as p is even.
 */
static uint64_t
round_big(double a, int d, double p)
{
	double	e = fma(a, pow10_tab[d], -p);

	return (uint64_t)p + (uint64_t)(int64_t)nearbyint(e);
}

/* n with d decimals, after an optional '-'; returns the length. */
static size_t
put_scaled(char *buf, int neg, uint64_t n, int d)
{
	char	tmp[32];
	int	k = 0, i;
	size_t	len = 0;

	do {
		tmp[k++] = (char)('0' + n % 10);
		n /= 10;
	} while (n != 0);
	while (k <= d)		/* at least one digit before the point */
		tmp[k++] = '0';
	if (neg)
		buf[len++] = '-';
	for (i = k - 1; i >= 0; i--) {
		buf[len++] = tmp[i];
		if (i == d && d > 0)
			buf[len++] = '.';
	}
	buf[len] = '\0';
	return len;
}

/* "-0.00" -> "0.00" */
static size_t
drop_negative_zero(char *buf, size_t len)
{
	const char *p = buf + 1;

	if (buf[0] != '-')
		return len;
	while (*p == '0' || *p == '.')
		p++;
	if (*p != '\0')
		return len;
	memmove(buf, buf + 1, len);
	return len - 1;
}

size_t
numfmt_fixed(char *buf, double v, int prec)
{
	double	a = fabs(v);
	uint64_t n;
	int	len;

	if (!isfinite(v)) {
		buf[0] = '\0';
		return 0;
	}
	if (prec < 0)
		prec = 0;
	if (prec <= 22 && a * pow10_tab[prec] < TWO53) {
		n = round_scaled(a, prec);
		return put_scaled(buf, v < 0 && n != 0, n, prec);
	}
	len = snprintf(buf, NUMFMT_BUFSZ, "%.*f", prec, v);
	if (len < 0) {
		buf[0] = '\0';
		return 0;
	}
	if (len >= NUMFMT_BUFSZ)
		len = NUMFMT_BUFSZ - 1;
	return drop_negative_zero(buf, (size_t)len);
}

/* The shortest "%.Ng" that reads back as v (17 digits always do). */
static size_t
shortest_g(char *buf, double v)
{
	int	prec, len = 0;

	for (prec = 1; prec <= 17; prec++) {
		len = snprintf(buf, NUMFMT_BUFSZ, "%.*g", prec, v);
		if (prec == 17 || strtod(buf, NULL) == v)
			break;
	}
	return len > 0 ? (size_t)len : 0;
}

/* Whether the nearest decimal with d decimals reads back as a (a * 10^d < 2^53). */
static int
reads_back(double a, int d, uint64_t *n)
{
	*n = round_scaled(a, d);
	return (double)*n / pow10_tab[d] == a;
}

size_t
numfmt_shortest(char *buf, double v)
{
	double	a = fabs(v), p, e, gap;
	uint64_t n;
	int64_t	off;
	int	d, lo, hi, e10, e2, neg = v < 0;

	if (!isfinite(v)) {
		buf[0] = '\0';
		return 0;
	}
	if (a == 0) {
		buf[0] = '0';
		buf[1] = '\0';
		return 1;
	}
	if (a < 1e-5 || a >= 1e15)
		return shortest_g(buf, v);
	/* 10^e10 <= a < 10^(e10 + 1), -5 <= e10 <= 14, from the binary exponent
	 * (log10(2) = 0.30103 below the true value by less than 1e-5) */
	(void)frexp(a, &e2);
	e10 = (int)floor((e2 - 1) * 0.30102999566398120);
	if (e10 < -6)
		e10 = -6;
	while (e10 < 14 && a >= pow10_any(e10 + 1))
		e10++;
	while (e10 > -5 && a < pow10_any(e10))
		e10--;
	/*
	 * Fifteen significant digits, D = 14 - e10 decimals (a * 10^D < 1e15 <
	 * 2^53).  If they read back, the fewest decimals that do lie in [0, D]:
	 * reading back is monotone in the number of decimals (the nearest decimal
	 * with one more decimal is no farther from a), so bisect.
	 */
	hi = 14 - e10;
	if (hi > 22)
		hi = 22;
	if (a * pow10_tab[hi] < TWO53 && reads_back(a, hi, &n)) {
		uint64_t best = n;

		lo = 0;
		while (lo < hi) {
			int	mid = (lo + hi) / 2;

			if (reads_back(a, mid, &n)) {
				hi = mid;
				best = n;
			} else
				lo = mid + 1;
		}
		return put_scaled(buf, neg, best, hi);
	}
	/*
	 * Sixteen or seventeen significant digits.  With d = D + 1, 1e15 <= a * 10^d
	 * < 1e16.  Below 2^53 the quotient test above is exact; above, a * 10^d = p
	 * + e exactly and sixteen digits N read back when |N - p - e| is under half
	 * the gap to a's neighbours scaled by 10^d (the smaller gap, with a margin
	 * for the rounding of this test: at worst a seventeenth digit that was not
	 * needed).  Seventeen correctly rounded digits always read back (IEEE
	 * 754-2008, clause 5.12.2).
	 */
	d = 15 - e10;
	if (d > 22)
		return shortest_g(buf, v);
	p = a * pow10_tab[d];
	if (p < TWO53) {
		if (reads_back(a, d, &n))
			return put_scaled(buf, neg, n, d);
	} else {
		e = fma(a, pow10_tab[d], -p);
		gap = fmin(nextafter(a, INFINITY) - a, a - nextafter(a, 0));
		n = round_big(a, d, p);
		off = (int64_t)n - (int64_t)p;
		if (fabs((double)off - e) < 0.4995 * gap * pow10_tab[d])
			return put_scaled(buf, neg, n, d);
	}
	if (++d > 22)
		return shortest_g(buf, v);
	p = a * pow10_tab[d];
	n = p < TWO53 ? round_scaled(a, d) : round_big(a, d, p);
	return put_scaled(buf, neg, n, d);
}

void
fmt_num(char *buf, size_t len, double v, int prec)
{
	char	tmp[NUMFMT_BUFSZ];
	size_t	n;

	if (len == 0)
		return;
	n = numfmt_fixed(tmp, v, prec);
	if (n >= len)
		n = len - 1;
	memcpy(buf, tmp, n);
	buf[n] = '\0';
}
