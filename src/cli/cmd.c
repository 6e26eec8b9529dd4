/*
 * cmd.c - command table, command-line parsing and the plumbing commands share.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "diag.h"
#include "paths.h"
#include "site.h"
#include "climate.h"
#include "site_load.h"
#include "site_weather.h"

const struct cmd_entry *const cmd_table[] = {
	&cmd_plan_entry,
	&cmd_check_entry,
	&cmd_capacity_entry,
	&cmd_simulate_entry,
	&cmd_timeline_entry,
	&cmd_models_entry,
	&cmd_psychro_entry,
	&cmd_help_entry,
	NULL
};

/* Global options, accepted before or after the command name. */
static const struct opt_def global_opts[] = {
	{ "format", 'f', "FORMAT", 0, "output format: text, csv or json" },
	{ "output", 'o', "FILE", 0, "write output to FILE (atomically)" },
	{ "set", 's', "PATH=VALUE", 1, "override a site key before validation" },
	{ "models-dir", 'M', "DIR", 0, "search DIR first for equipment models" },
	{ "quiet", 'q', NULL, 0, "print nothing on success but the output" },
	{ "help", 'h', NULL, 0, "show help" },
	{ NULL, 0, NULL, 0, NULL }
};

static const char *const fmt_names[] = { "text", "csv", "json" };

const struct cmd_entry *
cmd_find(const char *name, char *err, size_t errlen)
{
	const struct cmd_entry *found = NULL;
	size_t	len = strlen(name), i, off;
	int	ambiguous = 0;

	for (i = 0; cmd_table[i] != NULL; i++) {
		if (strcmp(cmd_table[i]->name, name) == 0)
			return cmd_table[i];
		if (len > 0 && strncmp(cmd_table[i]->name, name, len) == 0) {
			if (found != NULL)
				ambiguous = 1;
			found = cmd_table[i];
		}
	}
	if (found != NULL && !ambiguous)
		return found;
	if (ambiguous) {
		off = (size_t)snprintf(err, errlen, "ambiguous command '%s', could be:",
		    name);
		for (i = 0; cmd_table[i] != NULL && off < errlen; i++)
			if (strncmp(cmd_table[i]->name, name, len) == 0)
				off += (size_t)snprintf(err + off, errlen - off, " %s",
				    cmd_table[i]->name);
	} else {
		const char *names[32];
		const char *s;

		for (i = 0; cmd_table[i] != NULL && i < 32; i++)
			names[i] = cmd_table[i]->name;
		s = diag_suggest(name, names, i);
		if (s != NULL)
			snprintf(err, errlen, "unknown command '%s' (did you mean '%s'?)",
			    name, s);
		else
			snprintf(err, errlen, "unknown command '%s'", name);
	}
	return NULL;
}

void
cmd_usage(const struct cmd_entry *e, FILE *fp)
{
	fprintf(fp, "usage: dcplan [global options] %s%s%s\n", e->name,
	    *e->usage ? " " : "", e->usage);
}

static void
print_opts(const struct opt_def *o, FILE *fp)
{
	char	buf[64];

	for (; o != NULL && o->name != NULL; o++) {
		if (o->short_name)
			snprintf(buf, sizeof buf, "-%c, --%s%s%s", o->short_name, o->name,
			    o->arg ? " " : "", o->arg ? o->arg : "");
		else
			snprintf(buf, sizeof buf, "    --%s%s%s", o->name,
			    o->arg ? " " : "", o->arg ? o->arg : "");
		fprintf(fp, "  %-28s %s\n", buf, o->help);
	}
}

void
cmd_help(const struct cmd_entry *e, FILE *fp)
{
	size_t	i;

	if (e == NULL) {
		fputs("usage: dcplan [global options] COMMAND [options] [SITE]\n"
		    "       dcplan --version\n\n"
		    "Plan datacenter power and cooling capacity from a YAML site file.\n\n"
		    "commands:\n", fp);
		for (i = 0; cmd_table[i] != NULL; i++)
			fprintf(fp, "  %-10s %s\n", cmd_table[i]->name,
			    cmd_table[i]->summary);
		fputs("\nglobal options:\n", fp);
		print_opts(global_opts, fp);
		fputs("\n'dcplan help COMMAND' describes a command; see dcplan(1) and "
		    "dcplan-site(5).\n", fp);
		return;
	}
	cmd_usage(e, fp);
	fprintf(fp, "\n%s\n", e->summary);
	if (e->opts != NULL && e->opts[0].name != NULL) {
		fputs("\noptions:\n", fp);
		print_opts(e->opts, fp);
	}
	fputs("\nglobal options:\n", fp);
	print_opts(global_opts, fp);
}

void
cmd_error(const struct cmd_ctx *c, const char *fmt, ...)
{
	va_list	ap;

	(void)c;
	fputs("dcplan: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int
usage_error(const struct cmd_entry *e, const char *fmt, ...)
{
	va_list	ap;

	fputs("dcplan: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (e != NULL)
		cmd_usage(e, stderr);
	else
		fputs("usage: dcplan [global options] COMMAND [options] [SITE]\n", stderr);
	return EXIT_USAGE;
}

/* Find an option by long name or short letter in a table. */
static int
opt_lookup(const struct opt_def *o, const char *lname, size_t llen, int sname)
{
	int	i;

	for (i = 0; o != NULL && o[i].name != NULL; i++)
		if (lname != NULL ? strlen(o[i].name) == llen &&
		    strncmp(o[i].name, lname, llen) == 0 : o[i].short_name == sname)
			return i;
	return -1;
}

static int
apply_global(struct globals *g, int idx, const char *val, const struct cmd_entry *e)
{
	int	i;

	switch (global_opts[idx].short_name) {
	case 'f':
		for (i = 0; i < 3; i++)
			if (strcmp(val, fmt_names[i]) == 0)
				break;
		if (i == 3)
			return usage_error(e, "unknown format '%s' (use text, csv or json)",
			    val);
		g->fmt = (enum out_format)i;
		g->fmt_given = 1;
		break;
	case 'o':
		if (*val == '\0')
			return usage_error(e, "empty file name for --output");
		g->out_path = val;
		break;
	case 's':
		if (g->nsets == CMD_MAX_VALUES)
			return usage_error(e, "too many --set options (at most %d)",
			    CMD_MAX_VALUES);
		g->sets[g->nsets++] = val;
		break;
	case 'M':
		g->models_dir = val;
		break;
	case 'q':
		g->quiet = 1;
		break;
	}
	return EXIT_OK;
}

/*
 * Parse argv (after the command name, or the whole line when e is NULL and we stop
 * at the first operand).  Returns EXIT_OK, or an exit code; *help set on -h.
 */
static int
parse(struct globals *g, struct cmd_ctx *c, const struct cmd_entry *e, int argc,
    char **argv, int *consumed, int *help)
{
	int	i, only_pos = 0;

	for (i = 0; i < argc; i++) {
		char	*a = argv[i];
		const char *val = NULL, *lname = NULL;
		size_t	llen = 0;
		int	gi = -1, ci = -1, sname = 0;
		const struct opt_def *def;

		if (only_pos || a[0] != '-' || a[1] == '\0') {
			if (e == NULL)
				break;
			if (c->npos < CMD_MAX_VALUES)
				c->pos[c->npos++] = a;
			else
				return usage_error(e, "too many arguments");
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_pos = 1;
			if (e == NULL) {
				i++;
				break;
			}
			continue;
		}
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');

			lname = a + 2;
			llen = eq ? (size_t)(eq - lname) : strlen(lname);
			if (eq)
				val = eq + 1;
		} else {
			sname = (unsigned char)a[1];
			if (a[2] != '\0')
				val = a + 2;
		}
		gi = opt_lookup(global_opts, lname, llen, sname);
		if (gi < 0 && e != NULL)
			ci = opt_lookup(e->opts, lname, llen, sname);
		if (gi < 0 && ci < 0) {
			if (lname != NULL)
				return usage_error(e, "unknown option '--%.*s'", (int)llen,
				    lname);
			return usage_error(e, "unknown option '-%c'", sname);
		}
		def = gi >= 0 ? &global_opts[gi] : &e->opts[ci];
		if (def->arg == NULL && val != NULL) {
			if (lname != NULL)
				return usage_error(e, "option '--%s' takes no value",
				    def->name);
			return usage_error(e, "option '-%c' takes no value", sname);
		}
		if (def->arg != NULL && val == NULL) {
			if (i + 1 >= argc)
				return usage_error(e, "option '--%s' needs a value (%s)",
				    def->name, def->arg);
			val = argv[++i];
		}
		if (gi >= 0 && def->short_name == 'h') {
			*help = 1;
			continue;
		}
		if (gi >= 0) {
			int rc = apply_global(g, gi, val, e);
			if (rc != EXIT_OK)
				return rc;
			continue;
		}
		if (c->nvals[ci] > 0 && !def->repeat)
			return usage_error(e, "option '--%s' given twice", def->name);
		if (c->nvals[ci] == CMD_MAX_VALUES)
			return usage_error(e, "option '--%s' given too often", def->name);
		c->vals[ci][c->nvals[ci]++] = val ? val : "";
	}
	*consumed = i;
	return EXIT_OK;
}

int
cmd_run(struct globals *g, int argc, char **argv)
{
	static struct cmd_ctx ctx;	/* large; one per process */
	char	err[256], *posv[CMD_MAX_VALUES];
	const struct cmd_entry *e;
	int	consumed = 0, help = 0, rc;

	memset(&ctx, 0, sizeof ctx);
	ctx.g = g;
	ctx.pos = posv;
	if (argc >= 1 && strcmp(argv[0], "--version") == 0) {
		printf("dcplan %s\n", PACKAGE_VERSION);
		return fflush(stdout) == 0 && !ferror(stdout) ? EXIT_OK : EXIT_IO;
	}
	rc = parse(g, &ctx, NULL, argc, argv, &consumed, &help);
	if (rc != EXIT_OK)
		return rc;
	if (consumed >= argc) {
		if (help) {
			cmd_help(NULL, stdout);
			return EXIT_OK;
		}
		return usage_error(NULL, "no command given (try 'dcplan help')");
	}
	if (strcmp(argv[consumed], "--version") == 0) {
		printf("dcplan %s\n", PACKAGE_VERSION);
		return EXIT_OK;
	}
	if ((e = cmd_find(argv[consumed], err, sizeof err)) == NULL)
		return usage_error(NULL, "%s", err);
	ctx.entry = e;
	rc = parse(g, &ctx, e, argc - consumed - 1, argv + consumed + 1, &consumed,
	    &help);
	if (rc != EXIT_OK)
		return rc;
	if (help) {
		cmd_help(e, stdout);
		return EXIT_OK;
	}
	if (ctx.npos < e->min_pos)
		return usage_error(e, "missing argument");
	if (ctx.npos > e->max_pos)
		return usage_error(e, "unexpected argument '%s'", ctx.pos[e->max_pos]);
	if (!g->fmt_given && !(e->formats & (1 << FMT_TEXT)))
		g->fmt = FMT_CSV;
	if (!(e->formats & (1 << g->fmt)))
		return usage_error(e, "'%s' cannot write %s", e->name, fmt_names[g->fmt]);
	return e->exec(&ctx);
}

static int
opt_index(const struct cmd_ctx *c, const char *name)
{
	return opt_lookup(c->entry->opts, name, strlen(name), 0);
}

const char *
cmd_opt(const struct cmd_ctx *c, const char *name)
{
	return cmd_opt_at(c, name, 0);
}

int
cmd_opt_count(const struct cmd_ctx *c, const char *name)
{
	int	i = opt_index(c, name);

	return i < 0 ? 0 : c->nvals[i];
}

const char *
cmd_opt_at(const struct cmd_ctx *c, const char *name, int k)
{
	int	i = opt_index(c, name);

	return i < 0 || k >= c->nvals[i] ? NULL : c->vals[i][k];
}

int
cmd_load_site(struct cmd_ctx *c, struct site *s)
{
	struct site_opts o;
	struct paths p;
	struct diags d;
	int	rc;

	memset(&o, 0, sizeof o);
	memset(&d, 0, sizeof d);
	if (paths_models(&p, c->g->models_dir) != 0) {
		cmd_error(c, "out of memory");
		return EXIT_IO;
	}
	o.model_dirs = (const char *const *)p.dirs;
	o.n_model_dirs = p.n;
	o.sets = c->g->sets;
	o.nsets = c->g->nsets;
	rc = site_load(c->pos[0], &o, s, &d);
	paths_release(&p);
	diags_print(&d, stderr);
	if (rc != 0 && d.n > 0 && !c->g->quiet) {
		size_t	i, n = 0;

		/* notes point at the cause of another error; they are not errors */
		for (i = 0; i < d.n; i++)
			if (strncmp(d.v[i].msg, "note:", 5) != 0)
				n++;
		fprintf(stderr, "dcplan: %zu error%s in '%s'\n", n, n == 1 ? "" : "s",
		    c->pos[0]);
	}
	diags_free(&d);
	if (rc == 0)
		return EXIT_OK;
	site_free(s);
	return rc == -2 ? EXIT_IO : EXIT_INPUT;
}

int
cmd_output_open(struct cmd_ctx *c, struct output *o)
{
	if (output_open(o, c->g->out_path) != 0) {
		cmd_error(c, "cannot write '%s': %s", c->g->out_path, strerror(errno));
		return EXIT_IO;
	}
	return EXIT_OK;
}

int
cmd_output_close(struct cmd_ctx *c, struct output *o, int ok)
{
	if (!ok) {
		output_abort(o);
		return EXIT_OK;
	}
	if (output_commit(o) != 0) {
		if (c->g->out_path == NULL || strcmp(c->g->out_path, "-") == 0)
			cmd_error(c, "cannot write standard output: %s", strerror(errno));
		else
			cmd_error(c, "cannot write '%s': %s", c->g->out_path,
			    strerror(errno));
		return EXIT_IO;
	}
	return EXIT_OK;
}

int
cmd_write_report(struct cmd_ctx *c, const struct report *r)
{
	struct output o;
	int	rc;

	if ((rc = cmd_output_open(c, &o)) != EXIT_OK)
		return rc;
	if (report_write(r, c->g->fmt, o.fp) != 0) {
		output_abort(&o);
		cmd_error(c, "out of memory");
		return EXIT_IO;
	}
	return cmd_output_close(c, &o, 1);
}

/*
 * The site's weather, as every simulating command reads it.  An unreadable EPW
 * file is an I/O error (exit 4), a malformed one invalid input (exit 3); the
 * weather module's message names FILE:LINE.  On success the caller frees w.
 */
int
cmd_load_weather(struct cmd_ctx *c, const struct site *s, struct weather *w)
{
	char	err[1024];
	const char *file;
	int	io = 0;

	if (site_weather_io(s, w, err, sizeof err, &io) == 0)
		return EXIT_OK;
	/* built-in and design-day messages carry no file: name the site's */
	file = s->climate.source == CLIMATE_EPW && s->climate.weather_file != NULL ?
	    s->climate.weather_file : c->pos[0];
	if (strncmp(err, file, strlen(file)) == 0)
		fprintf(stderr, "%s\n", err);
	else
		fprintf(stderr, "%s: %s\n", file, err);
	if (!c->g->quiet)
		fprintf(stderr, "dcplan: 1 error in '%s'\n", file);
	return io ? EXIT_IO : EXIT_INPUT;
}

int
cmd_check_weather(struct cmd_ctx *c, const struct site *s)
{
	struct weather w;
	char	err[1024];
	int	rc;

	/* a built-in year is checked from its inputs; generating it is the
	 * simulating commands' work */
	if (s->climate.source == CLIMATE_BUILTIN) {
		if (climate_builtin_check(&s->climate.normals, &s->climate.design, err,
		    sizeof err) == 0)
			return EXIT_OK;
		fprintf(stderr, "%s: %s\n", c->pos[0], err);
		if (!c->g->quiet)
			fprintf(stderr, "dcplan: 1 error in '%s'\n", c->pos[0]);
		return EXIT_INPUT;
	}
	rc = cmd_load_weather(c, s, &w);

	if (rc == EXIT_OK)
		weather_free(&w);
	return rc;
}

int
cmd_job_load(struct cmd_ctx *c, struct cmd_job *j)
{
	int	rc;

	memset(j, 0, sizeof *j);
	if ((rc = cmd_load_site(c, &j->site)) != EXIT_OK)
		return rc;
	j->have_site = 1;
	if ((rc = cmd_load_weather(c, &j->site, &j->wx)) != EXIT_OK) {
		cmd_job_free(j);
		return rc;
	}
	j->have_wx = 1;
	return EXIT_OK;
}

void
cmd_job_free(struct cmd_job *j)
{
	if (j->have_wx)
		weather_free(&j->wx);
	if (j->have_site)
		site_free(&j->site);
	j->have_wx = j->have_site = 0;
}
