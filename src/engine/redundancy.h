/*
 * redundancy.h - redundancy rules for groups of identical units.
 */
#ifndef DCPLAN_REDUNDANCY_H
#define DCPLAN_REDUNDANCY_H

enum redundancy { RED_N, RED_N1, RED_N2, RED_2N };

/* Units that count as available: N keeps all, N+1 and N+2 hold one or two in
 * reserve, 2N counts half (rounded down); never below 0. */
static inline int
redundancy_usable(int n, enum redundancy r)
{
	int u;

	switch (r) {
	case RED_N1:
		u = n - 1;
		break;
	case RED_N2:
		u = n - 2;
		break;
	case RED_2N:
		u = n / 2;
		break;
	case RED_N:
	default:
		u = n;
		break;
	}
	return u > 0 ? u : 0;
}
const char *redundancy_name(enum redundancy);

#endif
