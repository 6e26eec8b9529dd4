/*
 * cli-plot.c - the picture options (see cli-plot.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli-plot.h"
#include "cmd.h"
#include "output.h"
#include "plot.h"

int
cli_plot_parse(struct cmd_ctx *c, const char *const *kinds, struct plot_req *r)
{
	const char *path = cmd_opt(c, "plot"), *size = cmd_opt(c, "plot-size");
	const char *kind = kinds != NULL ? cmd_opt(c, "plot-kind") : NULL;
	char	err[256];
	int	i;

	memset(r, 0, sizeof *r);
	r->w = PLOT_DEFAULT_W;
	r->h = PLOT_DEFAULT_H;
	if (path == NULL) {
		if (size != NULL || kind != NULL) {
			cmd_error(c, "--%s needs --plot FILE", size != NULL ? "plot-size" :
			    "plot-kind");
			return EXIT_USAGE;
		}
		return EXIT_OK;
	}
	if (plot_fmt_from_path(path, &r->fmt) != 0) {
		cmd_error(c, "--plot '%s': the picture format comes from the file name, "
		    "which must end in .png, .svg or .pdf", path);
		return EXIT_USAGE;
	}
	if (size != NULL && plot_parse_size(size, &r->w, &r->h, err, sizeof err) != 0) {
		cmd_error(c, "--plot-size: %s", err);
		return EXIT_USAGE;
	}
	if (kind != NULL) {
		char	list[256];
		size_t	off = 0;

		for (i = 0; kinds[i] != NULL; i++)
			if (strcmp(kinds[i], kind) == 0)
				break;
		if (kinds[i] == NULL) {
			list[0] = '\0';
			for (i = 0; kinds[i] != NULL && off < sizeof list; i++)
				off += (size_t)snprintf(list + off, sizeof list - off, "%s%s",
				    i ? ", " : "", kinds[i]);
			cmd_error(c, "unknown --plot-kind '%s' (one of: %s)", kind, list);
			return EXIT_USAGE;
		}
		r->kind = i;
	}
	r->path = path;
	return EXIT_OK;
}

int
cli_plot_write(struct cmd_ctx *c, const struct plot_req *r, cli_draw_fn draw, void *arg)
{
	struct output o;
	int	rc, e;

	if (r->path == NULL)
		return EXIT_OK;
	if (output_open(&o, r->path) != 0) {
		cmd_error(c, "cannot write '%s': %s", r->path, strerror(errno));
		return EXIT_IO;
	}
	errno = 0;
	rc = draw(arg, r->fmt, r->w, r->h, o.fp);
	e = errno;
	plot_release();		/* one picture per run */
	if (rc != 0) {
		/* a stream error has its errno; otherwise cairo failed (memory) */
		int	io = ferror(o.fp) && e != 0;

		output_abort(&o);
		if (io)
			cmd_error(c, "cannot draw '%s': %s", r->path, strerror(e));
		else
			cmd_error(c, "cannot draw '%s'", r->path);
		return EXIT_IO;
	}
	if (output_commit(&o) != 0) {
		cmd_error(c, "cannot write '%s': %s", r->path, strerror(errno));
		return EXIT_IO;
	}
	return EXIT_OK;
}
