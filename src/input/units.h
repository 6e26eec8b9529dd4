/*
 * units.h - quantities with units, parsed to SI: W, VA, J, m3/s, m3, s, m, Pa,
 * kg, 1/s (rate), J/J (heat rate), kg/J (emission factors), 1/K (loss per K),
 * fractions as 0..1.  Exceptions: temperatures out in degC, differences in K,
 * angles out in degrees.
 */
#ifndef DCPLAN_UNITS_H
#define DCPLAN_UNITS_H

/* International Table Btu, J (NIST SP 811 B.8), and the ton of refrigeration,
 * 12,000 Btu/h = 3516.853 W. */
#define UNITS_BTU_J	DC_J_PER_BTU
#define UNITS_W_PER_TON	DC_W_PER_TON

#include <stddef.h>

#include "consts.h"

enum unit_kind {
	U_POWER, U_APPARENT, U_ENERGY, U_TEMP, U_DTEMP, U_FLOW, U_VOLUME, U_TIME,
	U_FRACTION, U_RATIO, U_LENGTH, U_ANGLE, U_PRESSURE, U_RATE, U_HEAT_RATE,
	U_EF_FUEL, U_EF_ELEC, U_MASS, U_LOSS_PER_K, U_INT,
	U_FREQ, U_RAMP		/* Hz; W/s */
};

/* 0 ok; -1 with a message in err, such as
 * "unknown unit 'MX' for power (use W, kW, MW, GW, ton, Btu/h)",
 * "missing unit in '50' (power: W, kW, MW, GW, ton, Btu/h)" or
 * "'abc' is not a number".  Never yields inf or NaN. */
int	units_parse(const char *text, enum unit_kind, double *si, char *err,
	    size_t errlen);
const char *unit_kind_name(enum unit_kind);	/* "power" */
const char *unit_kind_units(enum unit_kind);	/* "W, kW, MW, GW, ton, Btu/h" */

/* Human text for a quantity in the unit users expect ("50 MW", "35 degC", "80 %"). */
void	units_format(enum unit_kind, double si, char *buf, size_t len);

#endif
