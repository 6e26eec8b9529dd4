/*
 * sweep_cases.h - the cases of a dcplan sweep and the site of each case.
 *
 * A sweep varies keys of one site file.  Each --vary PATH=VALUES gives an axis:
 * a list "V1,V2,..." (commas inside [], {} or quotes do not split) or a range
 * "A:B:STEP" of numbers ("50:150:25 MW", "50 MW:150 MW:25 MW", counts "2:6:1")
 * or dates ("2024-08-01:2024-10-01:7 d").  The cases are the Cartesian product
 * of the axes, the last axis varying fastest, or with zip the i-th values of
 * every axis together (equal lengths).  A cases file (CSV, RFC 4180) names
 * --set paths in its header and gives one case a row (an empty field leaves
 * that key as the site has it).  Case ids are 1-based, in that order.
 *
 * The site file is parsed once (sweep_base_init); each case applies its
 * overrides to a copy-on-write view of that document (ydoc_overlay) and binds
 * it with the one model library; weather years are cached by what determines
 * them.  Everything here runs in one thread; the plans run on many
 * (src/engine/sweep.h).
 */
#ifndef DCPLAN_SWEEP_CASES_H
#define DCPLAN_SWEEP_CASES_H

#include <stddef.h>
#include <stdint.h>

#include "site.h"
#include "weather.h"
#include "ydoc.h"

struct diags;
struct library;

struct sweep_axis {
	char	*path;		/* "power.grid.feeds[0].capacity" */
	int	ordinal;	/* --vary N (1-based); 0 for a cases file column */
	int	line, col;	/* where the path is: --vary:N:1, FILE:1:COL */
	size_t	n;
	char	**typed;	/* values as typed; NULL: not overridden (cases file) */
	double	*si;		/* the value in SI units, NaN if not a quantity or number */
	/* the values as numbers in the one unit CSV and JSON give their kind
	 * (dcplan-json(5) Units: MW, MWh, degC, K, m3/h, %, ...), unit, when
	 * every value given is a quantity of one kind; with unit NULL, the
	 * plain numbers when every value is one (a count, a ratio), else NaN */
	double	*value;
	const char *unit;
	int	*vline, *vcol;	/* where each value is */
	/* sweep_spec_groups: whether plant_eval can read the path, and each
	 * value's class (equal typed values, equal class), nclass classes */
	int	plant;
	int	supply;		/* sweep_path_supply */
	size_t	*vclass, nclass;
};

struct sweep_spec {
	const char *src;	/* "--vary" or the cases file's path */
	struct sweep_axis *axes;
	size_t	naxes;
	int	zip;		/* values paired by index (--zip, a cases file) */
	size_t	ncases;
};

/* From --vary arguments ("PATH=VALUES") with zip or not: 0, or -1 with
 * diagnostics at --vary:N:COL. */
int	sweep_spec_vary(struct sweep_spec *, const char *const *args, size_t n,
	    int zip, struct diags *);
/* From a cases file: 0, -1 invalid (diagnostics at FILE:LINE:COL), -2 I/O. */
int	sweep_spec_cases(struct sweep_spec *, const char *path, struct diags *);
void	sweep_spec_release(struct sweep_spec *);
/* Classify the axes for sharing plant results (src/engine/pmemo.h): an axis
 * under power.grid, power.generators, power.batteries, power.dispatch,
 * targets, economics, risk or swings cannot change the plant; two cases whose
 * other axes have the same typed values have the same plant.  0, or -1 out of
 * memory. */
int	sweep_spec_groups(struct sweep_spec *);
/* The plant group of case c (0-based), from 1: equal for cases with the same
 * plant (sweep_spec_groups), distinct otherwise.  With the case's built site
 * (else NULL: the typed values alone), a GPU power cap that limits no GPU
 * (it_cap_class 0: at or above the TDP) is one class whatever its value, so
 * such caps share a group; dcplan sweep passes the site. */
uint64_t sweep_case_group(const struct sweep_spec *, size_t c, const struct site *);
/* The day group of case c, from 1, the same way: equal for cases whose axes
 * other than those under power.grid, power.generators, power.batteries and
 * power.dispatch have the same typed values (their plan years can share
 * whole days, src/engine/sim.h), distinct otherwise. */
uint64_t sweep_case_day_group(const struct sweep_spec *, size_t c, const struct site *);
/* Whether a --set path can change the plant (not under the paths above). */
int	sweep_path_plant(const char *path);
/* Whether a --set path is one of the supply's (power.grid, power.generators,
 * power.batteries, power.dispatch): what a day of the plan's year reads of
 * it is in that day's fingerprint. */
int	sweep_path_supply(const char *path);
/* The index into axis a's values of case c (0-based). */
size_t	sweep_value_index(const struct sweep_spec *, size_t c, size_t a);

/* One cached weather year. */
struct sweep_wx {
	enum climate_source source;
	char	*file;
	struct climate_normals normals;
	struct design_conditions design;
	double	elevation;
	int	ok, io;			/* loaded; else an I/O error or invalid */
	char	err[512];
	struct weather wx;
	unsigned long stamp;		/* last batch that used it */
	int	pinned;			/* used by the current batch */
};

struct sweep_base {
	const char *path;	/* the site file */
	struct ydoc doc;	/* as parsed, with the global --set overrides */
	struct library *lib;	/* borrowed; models past lib_keep are dropped
				   between batches */
	size_t	lib_keep;
	struct sweep_wx *wx;
	size_t	nwx, capwx;
	unsigned long batch;
};

/* Parse the site file once and apply the global --set overrides; lib is the
 * library the site loaded with (its models stay).  0, -1 invalid, -2 I/O
 * (diagnostics). */
int	sweep_base_init(struct sweep_base *, const char *path, const char *const *sets,
	    size_t nsets, struct library *lib, struct diags *);
void	sweep_base_release(struct sweep_base *);

/* Check every axis's path on its first value before any case runs: a path the
 * site file cannot take (an unknown key, a bad index) is reported at the
 * axis's --vary:N:COL or FILE:1:COL.  0, or -1 with diagnostics. */
int	sweep_check_paths(struct sweep_base *, const struct sweep_spec *, struct diags *);

/* The site of case c (0-based) into s: 0, or -1 with the case's error in err
 * ("PATH=VALUE: message" for an override, "FILE:LINE:COL: message" for the
 * site file, joined by "; ")
 * and s released. */
int	sweep_case_site(struct sweep_base *, const struct sweep_spec *, size_t c,
	    struct site *s, char *err, size_t errlen);
/* The weather year of a case's site, from the cache: NULL with the message in
 * err and *io set when it cannot be read (I/O) or is invalid. */
const struct weather *sweep_case_weather(struct sweep_base *, const struct site *,
	    char *err, size_t errlen, int *io);
/* After a batch: its sites are released; drop the models they added and keep
 * the weather cache small. */
void	sweep_batch_done(struct sweep_base *);

#endif
