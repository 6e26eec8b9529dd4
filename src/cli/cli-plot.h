/*
 * cli-plot.h - the picture options every command with a time series or a
 * distribution shares: --plot FILE, --plot-kind NAME, --plot-size WxH.  The
 * command checks them before it computes anything (a bad option is a usage error
 * with nothing written), then hands its records to a drawing function of the
 * output layer, written atomically to FILE.
 */
#ifndef DCPLAN_CLI_PLOT_H
#define DCPLAN_CLI_PLOT_H

#include <stdio.h>

#include "cmd.h"
#include "plot.h"

#define PLOT_DEFAULT_W	1200
#define PLOT_DEFAULT_H	700

/* Option declarations for a command's opts[] (--plot-kind only where a command
 * has more than one picture). */
#define CLI_PLOT_OPT \
	{ .name = "plot", .type = OPT_STRING, .arg = "FILE", \
	  .help = "also draw a picture to FILE: .png, .svg or .pdf" }
#define CLI_PLOT_KIND_OPT(help_) \
	{ .name = "plot-kind", .type = OPT_STRING, .arg = "NAME", .help = (help_) }
#define CLI_PLOT_SIZE_OPT \
	{ .name = "plot-size", .type = OPT_STRING, .arg = "WxH", \
	  .help = "picture size, pixels or points (default 1200x700)" }

struct plot_req {
	const char *path;	/* NULL: no picture */
	enum plot_fmt fmt;
	int	w, h;
	int	kind;		/* index in the command's kinds[] */
};

/* kinds: the command's picture names, NULL-terminated, the first the default (NULL
 * if the command has one picture and no --plot-kind).  EXIT_OK or EXIT_USAGE. */
int	cli_plot_parse(struct cmd_ctx *, const char *const *kinds, struct plot_req *);

typedef int (*cli_draw_fn)(void *arg, enum plot_fmt, int w, int h, FILE *);
/* Draw into the file atomically.  EXIT_OK, or EXIT_IO with a message. */
int	cli_plot_write(struct cmd_ctx *, const struct plot_req *, cli_draw_fn, void *arg);

#endif
