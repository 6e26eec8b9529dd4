/*
 * model.h - one piece of equipment from the library (models/NAME.yaml) or defined inline
 * in a site file.  The physics parameters live in the modules' own structs; this wraps
 * them with the bookkeeping a planner needs (name, where it came from, its source).
 */
#ifndef DCPLAN_MODEL_H
#define DCPLAN_MODEL_H

#include "battery.h"
#include "chiller.h"
#include "elec.h"
#include "generator.h"
#include "itload.h"
#include "tower.h"

enum model_kind {
	MK_SERVER, MK_RACK, MK_CHILLER, MK_TOWER, MK_DRYCOOLER, MK_GENERATOR,
	MK_BATTERY, MK_UPS, MK_TRANSFORMER, MK_COUNT
};

/* ASHRAE TC 9.9 air classes (Thermal Guidelines 5th ed.) */
enum air_class { AC_A1, AC_A2, AC_A3, AC_A4, AC_B, AC_C, AC_H1, AC_COUNT };

/* A rack as the library describes it: a server model by name, and what the rack adds. */
struct rack_spec {
	struct rack_model rack;
	char	server_name[64];
	const struct model *server;	/* resolved */
};

struct model {
	enum model_kind kind;
	char	name[64];
	char	*description;
	char	*source;
	char	*file;			/* where it was defined */
	int	line;
	int	is_inline;		/* defined in a site file */
	enum air_class air_class;	/* servers */
	double	water_class;		/* servers: max facility water degC (NaN = none) */
	int	capacity_given;		/* chillers: q_ref came from the file */
	union {
		struct server_model server;
		struct rack_spec rack;
		struct chiller_model chiller;
		struct tower_model tower;
		struct drycooler_model drycooler;
		struct generator_model generator;
		struct battery_model battery;
		struct ups_model ups;
		struct transformer_model transformer;
	} u;
};

/* NULL-terminated name tables, indexed by the enums. */
extern const char *const model_kind_names[MK_COUNT + 1];
extern const char *const air_class_names[AC_COUNT + 1];

const char *model_kind_name(enum model_kind);
int	model_kind_parse(const char *, enum model_kind *);
const char *air_class_name(enum air_class);
/* Allowable inlet dry-bulb range of a class, degC (ASHRAE Thermal Guidelines 2021). */
void	air_class_limits(enum air_class, double *tmin, double *tmax, double *tdp_max,
	    double *rh_max);

void	model_clear(struct model *);

#endif
