/*
 * redundancy.c - how many installed units count as available capacity under a
 * redundancy rule (N, N+1, N+2, 2N), and the rules' names.
 */
#include "redundancy.h"

/*
 * Units that count as available capacity: N keeps all, N+1 and N+2 hold one or
 * two in reserve, 2N counts half (rounded down).  Never below 0.
 */
int
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

const char *
redundancy_name(enum redundancy r)
{
	switch (r) {
	case RED_N:
		return "N";
	case RED_N1:
		return "N+1";
	case RED_N2:
		return "N+2";
	case RED_2N:
		return "2N";
	}
	return "?";
}
