/*
 * sweep_plot.h - the pictures of dcplan sweep, drawn from the rows the CSV
 * writer takes (sweep_doc.h):
 *
 *   lines     an output column (--plot-y; default cost_total with prices, else
 *             peak_facility_mw) against the first varied input, a line per
 *             value of the second; infeasible cases marked black, invalid ones gaps
 *   verdict   a heat map of the verdict over the first two varied inputs
 *
 * With more varied inputs the picture shows the cases whose other inputs take
 * the values of case 1 (its note says which).  An input whose values are all
 * dates is a date axis, all numbers with one unit a linear axis in that unit,
 * anything else categories in the order of the cases.
 */
#ifndef DCPLAN_SWEEP_PLOT_H
#define DCPLAN_SWEEP_PLOT_H

#include <stddef.h>
#include <stdio.h>

#include "plot.h"

struct sweep_doc;
struct sweep_case_out;

enum { SWEEP_PIC_LINES, SWEEP_PIC_VERDICT };
extern const char *const sweep_plot_kinds[];	/* "lines", "verdict", NULL */

struct sweep_plot;

/* A picture of kind (SWEEP_PIC_*) for a sweep of paths[0..nvary) written by
 * doc; ycol: the output column (NULL for the default).  NULL with a message in
 * err (an unknown or non-numeric column, verdict with one varied input, out of
 * memory). */
struct sweep_plot *sweep_plot_new(const struct sweep_doc *, const char *site_name,
	    const char *const *paths, size_t nvary, const char *ycol, int kind,
	    char *err, size_t errlen);
/* Take a case, after sweep_doc_row wrote it: 0 or -1 out of memory. */
int	sweep_plot_add(struct sweep_plot *, const struct sweep_doc *,
	    const struct sweep_case_out *);
/* Draw (a cli_draw_fn): 0 or -1. */
int	sweep_plot_draw(void *plot, enum plot_fmt, int w, int h, FILE *);
void	sweep_plot_free(struct sweep_plot *);

/* What the picture shows, for the tests.  The lines: their number and, for
 * line i, its label, points (x ascending) and whether each is infeasible; the
 * heat map: nx x ny cells, z[j * nx + i] 1 feasible, -1 infeasible (blue and
 * red on the diverging map), NaN none or invalid.  x is the axis value (a number in the typed unit, a day number, or a
 * category index).  0, or -1 out of memory; the caller frees x, y, bad, z. */
int	sweep_plot_lines(const struct sweep_plot *, size_t *nlines);
int	sweep_plot_line(const struct sweep_plot *, size_t i, const char **label,
	    double **x, double **y, int **bad, size_t *n);
int	sweep_plot_grid(const struct sweep_plot *, int *nx, int *ny, double **z);

#endif
