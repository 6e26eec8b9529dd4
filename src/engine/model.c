/*
 * model.c - equipment model kinds, ASHRAE air classes, and freeing a model.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

const char *const model_kind_names[MK_COUNT + 1] = {
	"server", "rack", "chiller", "tower", "drycooler", "generator", "battery",
	"ups", "transformer", NULL
};

const char *const air_class_names[AC_COUNT + 1] = {
	"A1", "A2", "A3", "A4", "B", "C", "H1", NULL
};

/* ASHRAE TC 9.9 Thermal Guidelines 5th ed. (2021) allowable envelopes, as tabulated in
 * the EnergyPlus I/O Reference (doc/model-reference.md section 5).  B and C have no minimum dew point. */
static const double class_lim[AC_COUNT][4] = {
	/* tmin tmax tdp_max rh_max */
	{ 15, 32, 17, 0.80 },	/* A1 */
	{ 10, 35, 21, 0.80 },	/* A2 */
	{ 5, 40, 24, 0.85 },	/* A3 */
	{ 5, 45, 24, 0.90 },	/* A4 */
	{ 5, 35, 28, 0.80 },	/* B */
	{ 5, 40, 28, 0.80 },	/* C */
	{ 5, 25, 17, 0.80 },	/* H1 */
};

const char *
model_kind_name(enum model_kind k)
{
	return k < MK_COUNT ? model_kind_names[k] : "model";
}

int
model_kind_parse(const char *s, enum model_kind *k)
{
	int	i;

	for (i = 0; i < MK_COUNT; i++)
		if (strcmp(s, model_kind_names[i]) == 0) {
			*k = (enum model_kind)i;
			return 0;
		}
	return -1;
}

const char *
air_class_name(enum air_class c)
{
	return c < AC_COUNT ? air_class_names[c] : "?";
}

void
air_class_limits(enum air_class c, double *tmin, double *tmax, double *tdp_max,
    double *rh_max)
{
	if (c >= AC_COUNT)
		c = AC_A2;
	*tmin = class_lim[c][0];
	*tmax = class_lim[c][1];
	*tdp_max = class_lim[c][2];
	*rh_max = class_lim[c][3];
}

void
model_clear(struct model *m)
{
	free(m->description);
	free(m->source);
	free(m->file);
	m->description = m->source = m->file = NULL;
}
