/*
 * redundancy.c - how many installed units count as available capacity under a
 * redundancy rule (N, N+1, N+2, 2N), and the rules' names.
 */
#include "redundancy.h"

/* redundancy_usable is inline in redundancy.h (the supply's inner loops). */
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
