/*
 * redundancy.h - redundancy rules for groups of identical units.
 */
#ifndef DCPLAN_REDUNDANCY_H
#define DCPLAN_REDUNDANCY_H

enum redundancy { RED_N, RED_N1, RED_N2, RED_2N };

/* Units that count as available: N keeps all, N+1 and N+2 hold one or two in
 * reserve, 2N counts half (rounded down); never below 0. */
int	redundancy_usable(int n_installed, enum redundancy);
const char *redundancy_name(enum redundancy);

#endif
