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

#endif
