/*
 * supply.h - what the power supply can deliver on a given day: grid feeds (with their
 * steps and import limits), on-site generators (ambient-derated, less redundancy) and
 * batteries (power rating).  Pure functions of the site.
 */
#ifndef DCPLAN_SUPPLY_H
#define DCPLAN_SUPPLY_H

#include <stddef.h>

struct site;
struct site_feed;
struct site_generator;

double	feed_capacity_at(const struct site_feed *, int day);	/* W */
double	supply_grid_at(const struct site *, int day);		/* W */
/* Units of a generator group on site that day, and those usable under redundancy. */
int	gen_units_at(const struct site_generator *, int day);
int	gen_usable_at(const struct site_generator *, int day);
/* Firm generation: prime- or continuous-duty groups (ISO 8528-1 PRP/COP), derated
 * at t_amb, less redundancy.  Standby and emergency groups are backup: they
 * run in the dispatch (and the risk analysis) but never count as capacity. */
int	gen_is_firm(const struct site_generator *);
double	supply_gen_at(const struct site *, int day, double t_amb);	/* W, derated */
double	supply_gen_backup_at(const struct site *, int day, double t_amb); /* W */
double	supply_batt_power_at(const struct site *, int day);		/* W */
double	supply_batt_energy_at(const struct site *, int day);		/* J usable */

/* Chiller capacity that counts (usable units x reference capacity) on a day. */
double	cooling_chiller_ref_at(const struct site *, int day);

/* Sorted, de-duplicated dates on which any supply or cooling capacity changes
 * (at most max); returns how many were stored. */
size_t	supply_change_dates(const struct site *, int *dates, size_t max);

/* The first day anything is in service (a feed, a generator, a battery, a
 * cooling unit, a rack delivered), and the day the site is finished: the last
 * rack online and the last change of equipment made.  DATE_NONE if none. */
int	supply_first_in_service(const struct site *);
int	supply_finished_day(const struct site *);

#endif
