/*
 * plot.h - a small plotting module: one figure of one panel, drawn with cairo to
 * PNG, SVG or PDF.  The caller fills a struct plot with axes and series that point
 * at its own arrays (the plot never copies or frees them) and calls plot_write().
 *
 * What a figure has: a title and a subtitle; an x axis (linear, dates as days since
 * 1970-01-01, logarithmic, or categories); a left y axis and an optional right one;
 * series drawn in the order given (shaded spans first, then a heat map, stacked
 * areas, bands, bars, lines and steps, reference lines, markers); a legend below the plot
 * area so it never covers the data; a colour bar beside a heat map.
 *
 * Colours are the Okabe-Ito palette (Okabe and Ito, "Color Universal Design", 2008;
 * also Wong, Nature Methods 8:441, 2011), safe for the common colour-vision
 * deficiencies; heat maps use Paul Tol's sequential YlOrBr and diverging BuRd schemes
 * (Tol, "Colour Schemes", SRON/EPS/TN/09-002, 2021).
 */
#ifndef DCPLAN_PLOT_H
#define DCPLAN_PLOT_H

#include <stddef.h>
#include <stdio.h>

enum plot_fmt { PLOT_PNG, PLOT_SVG, PLOT_PDF };

/* The format from a file name's extension (.png, .svg, .pdf, any case); -1 if none. */
int	plot_fmt_from_path(const char *path, enum plot_fmt *);
/* "WxH" in pixels (PNG) or points (SVG, PDF), each 200..8000; 0, or -1 with err. */
int	plot_parse_size(const char *s, int *w, int *h, char *err, size_t errlen);

/* Okabe-Ito colours, by index */
enum plot_colour {
	PC_BLACK, PC_ORANGE, PC_SKY, PC_GREEN, PC_YELLOW, PC_BLUE, PC_VERMILION,
	PC_PURPLE, PC_GREY, PC_NCOLOURS
};

enum plot_axis_kind { PA_LINEAR, PA_DATE, PA_LOG, PA_CATEGORY };

struct plot_axis {
	enum plot_axis_kind kind;
	const char *label;	/* with the unit: "power (MW)"; NULL = no axis */
	double	min, max;	/* used when fixed; else from the data */
	int	fixed;
	int	zero;		/* include 0 in the automatic range */
	const char *const *cats;	/* PA_CATEGORY: labels of x = 0..ncats-1 */
	int	ncats;
};

enum plot_series_kind {
	PS_LINE,		/* x[i], y[i] joined */
	PS_STEP,		/* y[i] holds from x[i] to x[i+1] (the last to x[n-1] + step) */
	PS_STACK_STEP,		/* a step area stacked on the previous PS_STACK_STEP series */
	PS_BAND,		/* the area between y (low) and y2 (high); steps if step > 0 */
	PS_MARKERS,		/* points, labelled with names[i] if given */
	PS_BARS,		/* bars at x[i] (categories); group of ngroups side by side */
	PS_HBARS,		/* horizontal bars from y2[i] to y[i] at category x[i] (tornado) */
	PS_SPANS,		/* shaded x ranges [x[i], y[i]] over the whole plot height */
	PS_VLINE,		/* dashed vertical lines at x[i], labelled with names[i] */
	PS_HLINE		/* dashed horizontal lines at y[i], labelled with names[i] */
};

enum plot_marker { PM_CIRCLE, PM_DIAMOND, PM_SQUARE, PM_TRIANGLE };

struct plot_series {
	enum plot_series_kind kind;
	const char *label;	/* legend entry; NULL = none */
	const double *x, *y, *y2;
	const char *const *names;
	size_t	n;
	double	step;		/* PS_STEP, PS_STACK_STEP: width of the last step */
	int	right;		/* on the right y axis */
	int	colour;		/* enum plot_colour */
	double	width;		/* line width in units of the base line width (0 = 1) */
	int	dashed;
	double	alpha;		/* fill opacity for areas, bands, spans (0 = default) */
	enum plot_marker marker;
	int	group, ngroups;	/* PS_BARS */
};

enum plot_cmap { PCM_SEQUENTIAL, PCM_DIVERGING };

/* A grid of cells: z[j * nx + i] covers x0 + i*dx .. and y0 + j*dy ..; NaN = no data. */
struct plot_heat {
	const double *z;
	int	nx, ny;
	double	x0, dx, y0, dy;
	enum plot_cmap cmap;
	const char *label;	/* colour bar label, with the unit */
	const char *nan_label;	/* legend entry for NaN cells, or NULL */
	/* Categories instead of a colour scale (ncat > 0): z holds 0 .. ncat-1, cell
	 * k is drawn in cat_rgb[k] (0xRRGGBB) and named cat_label[k] in the legend;
	 * no colour bar. */
	int	ncat;
	const char *const *cat_label;
	const unsigned *cat_rgb;
};

#define PLOT_MAX_SERIES	24

struct plot {
	const char *title;
	const char *subtitle;
	struct plot_axis x, y, y2;	/* y2.label == NULL: no right axis */
	struct plot_series s[PLOT_MAX_SERIES];
	int	ns;
	const struct plot_heat *heat;
	int	ygrid;		/* horizontal grid lines at the left axis' ticks */
	const char *note;	/* a small line under the legend, or NULL */
};

void	plot_init(struct plot *, const char *title, const char *subtitle);
/* Append a series (the returned one is zero but for kind, label and colour); NULL if
 * full. */
struct plot_series *plot_add(struct plot *, enum plot_series_kind, const char *label,
	    int colour);

/* Draw onto a stream: 0, or -1 if cairo failed or the stream could not be written. */
int	plot_write(const struct plot *, enum plot_fmt, int width, int height, FILE *);

/* Free the fonts and caches cairo and fontconfig keep for the process, once no
 * picture is being drawn (the command layer calls it after its last picture), so
 * that a leak checker sees only dcplan's own memory. */
void	plot_release(void);

/* ---- helpers, exposed for the tests ---- */
/* Nice tick values covering [lo, hi] with about `want` intervals: the step is 1, 2,
 * 2.5 or 5 times a power of ten (Heckbert, "Nice numbers for graph labels",
 * Graphics Gems, 1990).  Returns the count (at most max); *step gets the step. */
int	plot_ticks(double lo, double hi, int want, double *ticks, int max, double *step);
/* Ticks for a date axis (days since 1970-01-01): whole days, weeks, months, quarters
 * or years, whichever gives at most `want` ticks; *unit gets 'd', 'm' or 'y' for the
 * label format (YYYY-MM-DD, YYYY-MM, YYYY). */
int	plot_date_ticks(double lo, double hi, int want, double *ticks, int max,
	    char *unit);
/* The unit for powers up to max_mw: "MW", or "kW" (*mul = 1000) below 1 MW. */
const char *plot_power_unit(double max_mw, double *mul);
/* Colour of a heat map value t in 0..1 as r, g, b in 0..1. */
void	plot_cmap_rgb(enum plot_cmap, double t, double rgb[3]);

#endif
