/*
 * model_bind.h - equipment models read from YAML (library files and inline maps).
 */
#ifndef DCPLAN_MODEL_BIND_H
#define DCPLAN_MODEL_BIND_H

#include "model.h"

struct ynode;
struct bind;
/* Bind a model map (file or inline).  kind_hint: the kind the context needs, or
 * MK_COUNT when the map must say.  Returns 0 or -1 (diagnostics in b). */
int	model_bind(struct bind *, const struct ynode *, enum model_kind kind_hint,
	    int require_name, struct model *);

/* A generator's transient-loading keys (load_step or load_steps, load_step_interval,
 * ramp_rate, governor_time_constant) from map m into g: a model's, or a generator
 * group's overrides (site_load_power.c). */
struct generator_model;
void	model_bind_gen_transient(struct bind *, const struct ynode *m,
	    struct generator_model *g);

#endif
