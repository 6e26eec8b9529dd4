/*
 * tap.h - a tiny Test Anything Protocol producer for dcplan's C unit tests.
 *
 * Usage: call the check macros, then return tap_done() from main().
 * Output goes to stdout in TAP 13 form, read by automake's tap-driver.sh.
 * Header-only so that every test program is one file plus the code under test.
 */
#ifndef DCPLAN_TAP_H
#define DCPLAN_TAP_H

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static void
tap_result(int pass, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	tap_n++;
	if (!pass)
		tap_failed++;
	printf("%s %d - ", pass ? "ok" : "not ok", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!pass)
		printf("#   failed at %s:%d\n", file, line);
}

/* ok(cond, "description", ...) */
#define ok(cond, ...) tap_result(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

/* is_rel(got, want, reltol, "description"): |got-want| <= reltol*|want| (abs if want==0) */
#define is_rel(got, want, tol, ...) do { \
	double tap_g_ = (got), tap_w_ = (want), tap_t_ = (tol); \
	double tap_s_ = fabs(tap_w_) > 0 ? fabs(tap_w_) : 1.0; \
	int tap_p_ = isfinite(tap_g_) && fabs(tap_g_ - tap_w_) <= tap_t_ * tap_s_; \
	tap_result(tap_p_, __FILE__, __LINE__, __VA_ARGS__); \
	if (!tap_p_) printf("#   got %.12g, want %.12g (rel tol %g)\n", tap_g_, tap_w_, tap_t_); \
} while (0)

/* is_abs(got, want, abstol, "description") */
#define is_abs(got, want, tol, ...) do { \
	double tap_g_ = (got), tap_w_ = (want), tap_t_ = (tol); \
	int tap_p_ = isfinite(tap_g_) && fabs(tap_g_ - tap_w_) <= tap_t_; \
	tap_result(tap_p_, __FILE__, __LINE__, __VA_ARGS__); \
	if (!tap_p_) printf("#   got %.12g, want %.12g (abs tol %g)\n", tap_g_, tap_w_, tap_t_); \
} while (0)

/* is_int(got, want, "description") */
#define is_int(got, want, ...) do { \
	long tap_gi_ = (long)(got), tap_wi_ = (long)(want); \
	tap_result(tap_gi_ == tap_wi_, __FILE__, __LINE__, __VA_ARGS__); \
	if (tap_gi_ != tap_wi_) printf("#   got %ld, want %ld\n", tap_gi_, tap_wi_); \
} while (0)

/* is_str(got, want, "description") */
#define is_str(got, want, ...) do { \
	const char *tap_gs_ = (got), *tap_ws_ = (want); \
	int tap_p_ = tap_gs_ && tap_ws_ && strcmp(tap_gs_, tap_ws_) == 0; \
	tap_result(tap_p_, __FILE__, __LINE__, __VA_ARGS__); \
	if (!tap_p_) printf("#   got '%s', want '%s'\n", tap_gs_ ? tap_gs_ : "(null)", tap_ws_ ? tap_ws_ : "(null)"); \
} while (0)

static int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
