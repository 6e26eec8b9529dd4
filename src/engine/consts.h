/*
 * consts.h - physical and conversion constants with one definition each.
 * Exact conversion factors are from NIST Special Publication 811 (2008), "Guide for
 * the Use of the International System of Units", appendix B.8.
 */
#ifndef DCPLAN_CONSTS_H
#define DCPLAN_CONSTS_H

#define DC_J_PER_KWH	3.6e6		/* J in a kilowatt-hour (exact) */
#define DC_J_PER_MWH	3.6e9
#define DC_J_PER_GWH	3.6e12
#define DC_S_PER_H	3600.0
#define DC_M3_PER_USGAL	3.785411784e-3	/* US liquid gallon, m3 (exact; NIST SP 811 B.8) */
#define DC_J_PER_BTU	1055.05585262	/* International Table Btu (NIST SP 811 B.8) */
/* Refrigeration ton: 12,000 Btu/h (NIST SP 811 B.8, "ton of refrigeration"). */
#define DC_W_PER_TON	(12000 * DC_J_PER_BTU / 3600)
/* ISO 3977-2 / ISO 8528-1 standard reference ambient for engine and gas-turbine
 * ratings: 15 degC (and 101.325 kPa, 60 % RH). */
#define DC_ISO_AMBIENT_C	15.0
/* Load below this is served: the threshold for counting an hour of unserved load or
 * unmet cooling (1 mW), so that rounding in the dispatch never counts as a shortfall. */
#define DC_UNSERVED_EPS_W	1e-3

#endif
