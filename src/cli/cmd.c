/*
 * cmd.c - the command table, command-line parsing and the plumbing commands
 * share: the framework that loads what a command declares it needs, runs it, and
 * frees and commits afterwards (see cmd.h).
 *
 * Parsing follows getopt_long(3) conventions (as git and jq do): short options
 * cluster ("-qf csv", "-fcsv"), a long option's value follows as the next
 * argument or after '=', a unique prefix of a long option selects it, and "--"
 * ends the options.
 *
 * With -f json every failure is also a JSON document on the standard output
 * (dcplan-json(5), dcplan.errors/1): the standard error is tee'd while the
 * command runs and its messages are parsed into records afterwards, so that a
 * message from any layer or command is in it, exactly as printed.
 */
#define _GNU_SOURCE	/* fopencookie(3): the tee of the standard error */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <gsl/gsl_version.h>
#include <yaml.h>

#include "cmd.h"
#include "date.h"
#include "diag.h"
#include "doc.h"
#include "paths.h"
#include "site.h"
#include "climate.h"
#include "site_load.h"
#include "site_weather.h"
#include "units.h"

const struct cmd_entry *const cmd_table[] = {
	&cmd_plan_entry,
	&cmd_sweep_entry,
	&cmd_swings_entry,
	&cmd_check_entry,
	&cmd_capacity_entry,
	&cmd_simulate_entry,
	&cmd_timeline_entry,
	&cmd_risk_entry,
	&cmd_merge_entry,
	&cmd_models_entry,
	&cmd_psychro_entry,
	&cmd_help_entry,
	NULL
};

/* Global options, accepted before or after the command name by the commands
 * whose needs include global_needs[i] (0: every command). */
enum { G_FORMAT, G_OUTPUT, G_SET, G_UNSET, G_MODELS, G_QUIET, G_CRLF, G_CSV_TABLE,
    G_HELP, G_VERSION, G_COUNT };

static const struct opt_def global_opts[] = {
	{ .name = "format", .short_name = 'f', .type = OPT_STRING, .arg = "FORMAT",
	  .help = "output format: text, csv or json" },
	{ .name = "output", .short_name = 'o', .type = OPT_STRING, .arg = "FILE",
	  .help = "write output to FILE (atomically)" },
	{ .name = "set", .short_name = 's', .type = OPT_STRING, .arg = "PATH=VALUE",
	  .flags = OPT_REPEAT, .help = "override a site key before validation" },
	{ .name = "unset", .type = OPT_STRING, .arg = "PATH",
	  .flags = OPT_REPEAT, .help = "remove a site key or list item, as --set" },
	{ .name = "models-dir", .short_name = 'M', .type = OPT_STRING, .arg = "DIR",
	  .help = "search DIR first for equipment models" },
	{ .name = "quiet", .short_name = 'q', .type = OPT_FLAG,
	  .help = "print nothing on success but the output" },
	{ .name = "crlf", .type = OPT_FLAG,
	  .help = "end CSV lines with CR LF (default: LF)" },
	{ .name = "csv-table", .type = OPT_STRING, .arg = "TABLE",
	  .help = "one report table, SECTION.TABLE, as a CSV sheet" },
	{ .name = "help", .short_name = 'h', .type = OPT_FLAG, .help = "show help" },
	{ .name = "version", .type = OPT_FLAG,
	  .help = "print the version and the library versions" },
	{ .name = NULL }
};

static const int global_needs[G_COUNT] = {
	[G_FORMAT] = CMD_OUTPUT,
	[G_OUTPUT] = CMD_OUTPUT,
	[G_CRLF] = CMD_OUTPUT,
	[G_CSV_TABLE] = CMD_REPORT,
	[G_SET] = CMD_SITE,
	[G_UNSET] = CMD_SITE,
	[G_MODELS] = CMD_SITE | CMD_MODELS,
};

static const char *const fmt_names[] = { "text", "csv", "json" };

static int
global_applies(const struct cmd_entry *e, int gi)
{
	return e == NULL || global_needs[gi] == 0 || (e->needs & global_needs[gi]);
}

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

/* ---- usage and help, generated from the declarations ---- */

static void
put_opt(FILE *fp, const struct opt_def *o)
{
	fprintf(fp, "--%s", o->name);
	if (o->arg != NULL)
		fprintf(fp, " %s", o->arg);
}

/* "[--date DATE] (--rh R | --twb T) --tdb T [--at K=V]..." in declaration order,
 * each group where its first member is declared. */
static void
put_opts_usage(FILE *fp, const struct opt_def *opts)
{
	int	i, j;

	for (i = 0; opts != NULL && opts[i].name != NULL; i++) {
		const struct opt_def *o = &opts[i];
		int	req = (o->flags & OPT_REQUIRED) != 0, first = 1;

		if (o->group > 0) {
			for (j = 0; j < i; j++)
				if (opts[j].group == o->group)
					break;
			if (j < i)
				continue;	/* printed with the group's first */
			fputs(req ? " (" : " [", fp);
			for (j = i; opts[j].name != NULL; j++) {
				if (opts[j].group != o->group)
					continue;
				if (!first)
					fputs(" | ", fp);
				put_opt(fp, &opts[j]);
				first = 0;
			}
			fputs(req ? ")" : "]", fp);
			continue;
		}
		fputs(req ? " " : " [", fp);
		put_opt(fp, o);
		if (!req)
			fputc(']', fp);
		if (o->flags & OPT_REPEAT)
			fputs("...", fp);
	}
}

void
cmd_usage(const struct cmd_entry *e, FILE *fp)
{
	fprintf(fp, "usage: dcplan [global options] %s", e->name);
	if (!e->opts_last)
		put_opts_usage(fp, e->opts);
	if (e->operands != NULL && *e->operands)
		fprintf(fp, " %s", e->operands);
	if (e->opts_last)
		put_opts_usage(fp, e->opts);
	fputc('\n', fp);
}

/* Write text from column `indent' (the cursor is there), breaking between words so
 * that no line passes `width' columns; continuation lines start at `indent'.  A
 * word longer than the room is written whole on its own line. */
static void
put_wrapped(FILE *fp, const char *text, int indent, int width)
{
	int	col = indent;
	const char *p = text;

	while (*p) {
		const char *w = p;
		int	len;

		while (*w == ' ')
			w++;
		len = (int)strcspn(w, " ");
		if (len == 0)
			break;
		if (col > indent && col + 1 + len > width) {
			fprintf(fp, "\n%*s", indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', fp);
			col++;
		}
		fwrite(w, 1, (size_t)len, fp);
		col += len;
		p = w + len;
	}
	fputc('\n', fp);
}

static void
print_opt(const struct opt_def *o, FILE *fp)
{
	char	buf[64];

	if (o->short_name)
		snprintf(buf, sizeof buf, "-%c, --%s%s%s", o->short_name, o->name,
		    o->arg ? " " : "", o->arg ? o->arg : "");
	else
		snprintf(buf, sizeof buf, "    --%s%s%s", o->name,
		    o->arg ? " " : "", o->arg ? o->arg : "");
	fprintf(fp, "  %-28s ", buf);
	put_wrapped(fp, o->help, 31, 80);
}

static void
print_globals(const struct cmd_entry *e, FILE *fp)
{
	int	i;

	fputs("\nglobal options:\n", fp);
	for (i = 0; i < G_COUNT; i++)
		if (global_applies(e, i) && (e == NULL || i != G_VERSION))
			print_opt(&global_opts[i], fp);
}

void
cmd_help(const struct cmd_entry *e, FILE *fp)
{
	const struct opt_def *o;
	size_t	i;

	if (e == NULL) {
		fputs("usage: dcplan [global options] COMMAND [options] [SITE]\n"
		    "       dcplan --version\n\n"
		    "Plan datacenter power and cooling capacity from a YAML site file.\n\n"
		    "commands:\n", fp);
		for (i = 0; cmd_table[i] != NULL; i++)
			fprintf(fp, "  %-10s %s\n", cmd_table[i]->name,
			    cmd_table[i]->summary);
		print_globals(NULL, fp);
		fputs("\n'dcplan help COMMAND' describes a command; see dcplan(1) and "
		    "dcplan-site(5).\n", fp);
		if (PACKAGE_BUGREPORT[0] != '\0')
			fprintf(fp, "Report bugs to <%s>.\n", PACKAGE_BUGREPORT);
		return;
	}
	cmd_usage(e, fp);
	fprintf(fp, "\n%s\n", e->summary);
	if (e->opts != NULL && e->opts[0].name != NULL) {
		fputs("\noptions:\n", fp);
		for (o = e->opts; o->name != NULL; o++)
			print_opt(o, fp);
	}
	print_globals(e, fp);
}

void
cmd_version(FILE *fp)
{
	fprintf(fp, "dcplan %s\n", PACKAGE_VERSION);
	fprintf(fp, "libraries: GSL %s, libyaml %s, cJSON %s\n", gsl_version,
	    yaml_get_version_string(), cJSON_Version());
#ifdef DCPLAN_LICENSE
	fprintf(fp, "license: %s\n", DCPLAN_LICENSE);
#endif
}

/* ---- messages ---- */

/* "dcplan: MESSAGE" with the control characters of user text escaped. */
static void
vmessage(const char *fmt, va_list ap)
{
	char	buf[1024];

	vsnprintf(buf, sizeof buf, fmt, ap);
	fputs("dcplan: ", stderr);
	diag_fputs(buf, stderr);
	fputc('\n', stderr);
}

static void
vmessage_s(const char *msg)
{
	fputs("dcplan: ", stderr);
	diag_fputs(msg, stderr);
	fputc('\n', stderr);
}

void
cmd_error(const struct cmd_ctx *c, const char *fmt, ...)
{
	va_list	ap;

	(void)c;
	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
}

static int
usage_error(const struct cmd_entry *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
usage_error(const struct cmd_entry *e, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
	if (e != NULL)
		cmd_usage(e, stderr);
	else
		fputs("usage: dcplan [global options] COMMAND [options] [SITE]\n", stderr);
	return EXIT_USAGE;
}

/* ---- parsing ---- */

/* An option found on the command line: a global one (gi >= 0) or the
 * command's (ci >= 0). */
struct opt_ref {
	int	gi, ci;
	const struct opt_def *def;
};

static int
opt_short(const struct cmd_entry *e, int sname, struct opt_ref *r)
{
	int	i;

	r->gi = r->ci = -1;
	for (i = 0; i < G_COUNT; i++)
		if (global_opts[i].short_name == sname) {
			r->gi = i;
			r->def = &global_opts[i];
			return 0;
		}
	for (i = 0; e != NULL && e->opts != NULL && e->opts[i].name != NULL; i++)
		if (e->opts[i].short_name == sname) {
			r->ci = i;
			r->def = &e->opts[i];
			return 0;
		}
	return -1;
}

/*
 * Find a long option: an exact name (any global option, so that one the
 * command does not take gets that message), else a unique prefix of the
 * options that apply.  Returns 0, or an exit code after a message.
 */
static int
opt_long(const struct cmd_entry *e, const char *name, size_t len, struct opt_ref *r)
{
	const char *cands[G_COUNT + CMD_MAX_OPTS];
	char	list[512];
	size_t	n = 0, off = 0;
	int	i, nmatch = 0;

	r->gi = r->ci = -1;
	for (i = 0; i < G_COUNT; i++)
		if (strlen(global_opts[i].name) == len &&
		    strncmp(global_opts[i].name, name, len) == 0) {
			r->gi = i;
			r->def = &global_opts[i];
			return 0;
		}
	for (i = 0; e != NULL && e->opts != NULL && e->opts[i].name != NULL; i++)
		if (strlen(e->opts[i].name) == len &&
		    strncmp(e->opts[i].name, name, len) == 0) {
			r->ci = i;
			r->def = &e->opts[i];
			return 0;
		}
	list[0] = '\0';
	for (i = 0; i < G_COUNT; i++) {
		if (!global_applies(e, i))
			continue;
		cands[n++] = global_opts[i].name;
		if (len > 0 && strncmp(global_opts[i].name, name, len) == 0) {
			nmatch++;
			r->gi = i;
			r->def = &global_opts[i];
			off += (size_t)snprintf(list + off, sizeof list - off, "%s--%s",
			    off ? ", " : "", global_opts[i].name);
		}
	}
	for (i = 0; e != NULL && e->opts != NULL && e->opts[i].name != NULL &&
	    i < CMD_MAX_OPTS; i++) {
		cands[n++] = e->opts[i].name;
		if (len > 0 && strncmp(e->opts[i].name, name, len) == 0) {
			nmatch++;
			r->ci = i;
			r->gi = -1;
			r->def = &e->opts[i];
			if (off < sizeof list)
				off += (size_t)snprintf(list + off, sizeof list - off,
				    "%s--%s", off ? ", " : "", e->opts[i].name);
		}
	}
	if (nmatch == 1)
		return 0;
	if (nmatch > 1)
		return usage_error(e, "ambiguous option '--%.*s' (could be %s)", (int)len,
		    name, list);
	{
		char	word[64];
		const char *s;

		snprintf(word, sizeof word, "%.*s", (int)len, name);
		s = diag_suggest(word, cands, n);
		if (s != NULL)
			return usage_error(e, "unknown option '--%.*s' (did you mean "
			    "'--%s'?)", (int)len, name, s);
	}
	return usage_error(e, "unknown option '--%.*s'", (int)len, name);
}

static int
apply_global(struct globals *g, int gi, const char *val, const struct cmd_entry *e,
    int *help, int *version)
{
	int	i;

	g->given |= 1u << gi;
	switch (gi) {
	case G_FORMAT:
		for (i = 0; i < 3; i++)
			if (strcmp(val, fmt_names[i]) == 0)
				break;
		if (i == 3)
			return usage_error(e, "unknown format '%s' (use text, csv or json)",
			    val);
		g->fmt = (enum out_format)i;
		g->fmt_given = 1;
		break;
	case G_OUTPUT:
		if (*val == '\0')
			return usage_error(e, "empty file name for --output");
		g->out_path = val;
		break;
	case G_SET:
		if (g->nsets == CMD_MAX_VALUES)
			return usage_error(e, "too many --set options (at most %d)",
			    CMD_MAX_VALUES);
		g->sets[g->nsets++] = val;
		break;
	case G_UNSET: {
		/* an override "!PATH" (ydoc_set), in order with the --set ones */
		char	*u;

		if (g->nsets == CMD_MAX_VALUES)
			return usage_error(e, "too many --set and --unset options (at "
			    "most %d)", CMD_MAX_VALUES);
		if ((u = malloc(strlen(val) + 2)) == NULL) {
			vmessage_s("out of memory");
			return EXIT_IO;
		}
		u[0] = '!';
		memcpy(u + 1, val, strlen(val) + 1);
		g->owned[g->nowned++] = u;
		g->sets[g->nsets++] = u;
		break;
	}
	case G_MODELS: {
		struct stat st;

		if (*val == '\0')
			return usage_error(e, "empty directory name for --models-dir");
		if (stat(val, &st) != 0)
			return usage_error(e, "--models-dir '%s': %s", val,
			    strerror(errno));
		if (!S_ISDIR(st.st_mode))
			return usage_error(e, "--models-dir '%s': not a directory", val);
		g->models_dir = val;
		break;
	}
	case G_QUIET:
		g->quiet = 1;
		break;
	case G_CRLF:
		g->crlf = 1;
		break;
	case G_CSV_TABLE:
		if (*val == '\0')
			return usage_error(e, "empty table name for --csv-table");
		g->csv_table = val;
		break;
	case G_HELP:
		*help = 1;
		break;
	case G_VERSION:
		*version = 1;
		break;
	}
	return EXIT_OK;
}

/* A command option's value, parsed by its type into c->nums. */
static int
take_value(struct cmd_ctx *c, const struct cmd_entry *e, int ci, const char *val)
{
	const struct opt_def *def = &e->opts[ci];
	char	err[256];
	double	v = 0;
	int	k = c->nvals[ci];

	if (k > 0 && !(def->flags & OPT_REPEAT))
		return usage_error(e, "option '--%s' given twice", def->name);
	if (k == CMD_MAX_VALUES)
		return usage_error(e, "option '--%s' given more than %d times",
		    def->name, CMD_MAX_VALUES);
	switch (def->type) {
	case OPT_DATE: {
		int	day;

		if (date_parse(val, &day, err, sizeof err) != 0)
			return usage_error(e, "--%s: %s", def->name, err);
		v = day;
		break;
	}
	case OPT_QUANTITY:
		if (units_parse(val, (enum unit_kind)def->kind, &v, err, sizeof err)
		    != 0) {
			diag_printf(stderr, "dcplan: --%s: %s\n", def->name, err);
			return EXIT_INPUT;
		}
		break;
	case OPT_COUNT: {
		char	*end;
		long	n;

		errno = 0;
		n = strtol(val, &end, 10);
		if (val[0] < '0' || val[0] > '9' || *end != '\0' || errno != 0 ||
		    n > INT_MAX)
			return usage_error(e, "--%s: '%s' is not a count (a whole "
			    "number from 0 to %d)", def->name, val, INT_MAX);
		v = (double)n;
		break;
	}
	default:
		break;
	}
	c->vals[ci][k] = val != NULL ? val : "";
	c->nums[ci][k] = v;
	c->nvals[ci] = k + 1;
	return EXIT_OK;
}

static int
take(struct globals *g, struct cmd_ctx *c, const struct cmd_entry *e,
    const struct opt_ref *r, const char *val, int *help, int *version)
{
	if (r->gi >= 0) {
		if (!global_applies(e, r->gi))
			return usage_error(e, "'%s' does not take --%s", e->name,
			    global_opts[r->gi].name);
		return apply_global(g, r->gi, val, e, help, version);
	}
	return take_value(c, e, r->ci, val);
}

/*
 * Parse argv (after the command name, or the whole line when e is NULL and we
 * stop at the first operand).  Returns EXIT_OK or an exit code; *help and
 * *version are set by -h and --version.
 */
static int
parse(struct globals *g, struct cmd_ctx *c, const struct cmd_entry *e, int argc,
    char **argv, int *consumed, int *help, int *version)
{
	int	i, rc, only_pos = 0;

	for (i = 0; i < argc; i++) {
		char	*a = argv[i];
		struct opt_ref r;

		if (only_pos || a[0] != '-' || a[1] == '\0') {
			if (e == NULL)
				break;
			if (c->npos == CMD_MAX_VALUES)
				return usage_error(e, "too many arguments");
			c->pos[c->npos++] = a;
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
			const char *name = a + 2, *eq = strchr(name, '=');
			const char *val = eq ? eq + 1 : NULL;
			size_t	len = eq ? (size_t)(eq - name) : strlen(name);

			if ((rc = opt_long(e, name, len, &r)) != EXIT_OK)
				return rc;
			if (r.def->arg == NULL && val != NULL)
				return usage_error(e, "option '--%s' takes no value",
				    r.def->name);
			if (r.def->arg != NULL && val == NULL) {
				if (i + 1 >= argc)
					return usage_error(e, "option '--%s' needs a value "
					    "(%s)", r.def->name, r.def->arg);
				val = argv[++i];
			}
			if ((rc = take(g, c, e, &r, val, help, version)) != EXIT_OK)
				return rc;
			continue;
		}
		/* a cluster of short options: flags, then at most one with a value,
		 * which is the rest of the word or the next argument */
		for (a++; *a != '\0'; a++) {
			const char *val = NULL;

			if (opt_short(e, (unsigned char)*a, &r) != 0) {
				return usage_error(e, "unknown option '-%c'", *a);
			}
			if (r.def->arg != NULL) {
				if (a[1] != '\0')
					val = a + 1;
				else if (i + 1 < argc)
					val = argv[++i];
				else
					return usage_error(e, "option '--%s' needs a value "
					    "(%s)", r.def->name, r.def->arg);
			}
			if ((rc = take(g, c, e, &r, val, help, version)) != EXIT_OK)
				return rc;
			if (val != NULL)
				break;
		}
	}
	*consumed = i;
	return EXIT_OK;
}

/* Groups (at most one given; one required) and required options. */
static int
check_opts(const struct cmd_ctx *c, const struct cmd_entry *e)
{
	const struct opt_def *o = e->opts;
	int	i, j;

	for (i = 0; o != NULL && o[i].name != NULL; i++) {
		if (o[i].group == 0) {
			if ((o[i].flags & OPT_REQUIRED) && c->nvals[i] == 0)
				return usage_error(e, "--%s is required", o[i].name);
			continue;
		}
		for (j = 0; j < i; j++)
			if (o[j].group == o[i].group)
				break;
		if (j < i)
			continue;
		{
			int	given = -1, req = (o[i].flags & OPT_REQUIRED) != 0;
			char	names[256];
			size_t	off = 0;
			int	k, m = 0, last = 0;

			for (k = i; o[k].name != NULL; k++)
				if (o[k].group == o[i].group)
					last = k;
			for (k = i; o[k].name != NULL; k++) {
				if (o[k].group != o[i].group)
					continue;
				if (c->nvals[k] > 0) {
					if (given >= 0)
						return usage_error(e, "give --%s or --%s, "
						    "not both", o[given].name, o[k].name);
					given = k;
				}
				off += (size_t)snprintf(names + off, sizeof names - off,
				    "%s--%s", m == 0 ? "" : k == last ? " or " : ", ",
				    o[k].name);
				m++;
			}
			if (req && given < 0)
				return usage_error(e, "give one of %s", names);
		}
	}
	return EXIT_OK;
}

/* ---- what the framework loads ---- */

static int
load_site(struct cmd_ctx *c)
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
	rc = site_load(c->pos[0], &o, &c->site, &d);
	paths_release(&p);
	diags_print(&d, stderr);
	if (rc != 0 && d.n > 0 && !c->g->quiet) {
		size_t	i, n = 0;

		/* notes point at the cause of another error; they are not errors */
		for (i = 0; i < d.n; i++)
			if (d.v[i].level == DIAG_ERROR)
				n++;
		diag_printf(stderr, "dcplan: %zu error%s in '%s'\n", n, n == 1 ? "" : "s",
		    c->pos[0]);
	}
	if (d.oom) {
		cmd_error(c, "out of memory");
		rc = -2;
	}
	diags_release(&d);
	if (rc == 0) {
		c->have_site = 1;
		return EXIT_OK;
	}
	site_release(&c->site);
	return rc == -2 ? EXIT_IO : EXIT_INPUT;
}

/*
 * The site's weather, as every simulating command reads it.  An unreadable EPW
 * file is an I/O error (exit 4), a malformed one invalid input (exit 3); the
 * weather module's message names FILE:LINE.  On success the caller frees w.
 */
/*
 * How far a site may be from its weather file's station before dcplan warns:
 * 100 km and 200 m of elevation.  Design temperatures change by about 1 K per
 * 150 m of elevation (the standard-atmosphere lapse rate, 6.5 K/km, ASHRAE
 * Handbook - Fundamentals ch. 1 table 1) and station pressure by 2.4 % per
 * 200 m; beyond 100 km the climate is another one in all but flat, uniform
 * regions.  A warning, not an error: a nearby airport's file is common practice.
 */
#define WX_FAR_KM	100.0
#define WX_FAR_M	200.0
#define EARTH_RADIUS_KM	6371.0	/* mean radius (IUGG) */

/* Great-circle distance by the haversine formula (Sinnott, Sky & Telescope
 * 68(2), 1984), km. */
static double
distance_km(double lat1, double lon1, double lat2, double lon2)
{
	double	r = 3.14159265358979323846 / 180, dlat = (lat2 - lat1) * r, dlon = (lon2 - lon1) * r;
	double	a = sin(dlat / 2) * sin(dlat / 2) +
	    cos(lat1 * r) * cos(lat2 * r) * sin(dlon / 2) * sin(dlon / 2);

	return 2 * EARTH_RADIUS_KM * asin(fmin(1, sqrt(a)));
}

/* Notes and warnings about an EPW year that loaded (not with -q). */
static void
weather_notes(const struct cmd_ctx *c, const struct site *s, const struct weather *w)
{
	const struct design_conditions *sd = &s->climate.design;
	const char *f = s->climate.weather_file;
	double	km;

	if (c->g->quiet || s->climate.source != CLIMATE_EPW || f == NULL)
		return;
	if (w->n_rh_clamped > 0)
		diag_printf(stderr, "%s: note: %zu hour%s with relative humidity above "
		    "110 %% clamped to 100 %%\n", f, w->n_rh_clamped,
		    w->n_rh_clamped == 1 ? "" : "s");
	if (w->n_tdp_capped > 0)
		diag_printf(stderr, "%s: note: %zu hour%s with the dew point above the "
		    "dry-bulb: capped at the dry-bulb\n", f, w->n_tdp_capped,
		    w->n_tdp_capped == 1 ? "" : "s");
	if (w->design_derived && (isnan(sd->cool_db) || isnan(sd->cool_mcwb) ||
	    isnan(sd->evap_wb) || isnan(sd->evap_mcdb)))
		diag_printf(stderr, "%s: note: no ASHRAE design conditions in the file: "
		    "the 0.4 %% values were derived from its hours (climate.design "
		    "overrides them)\n", f);
	if (!isnan(w->latitude) && !isnan(w->longitude) && !isnan(s->latitude) &&
	    !isnan(s->longitude) && (km = distance_km(s->latitude, s->longitude,
	    w->latitude, w->longitude)) > WX_FAR_KM)
		diag_printf(stderr, "%s: warning: the weather station (%s) is %.0f km "
		    "from the site\n", f, w->location[0] ? w->location : "?", km);
	if (!isnan(w->elevation) && !isnan(s->elevation) &&
	    fabs(w->elevation - s->elevation) > WX_FAR_M)
		diag_printf(stderr, "%s: warning: the weather station is at %.0f m, the "
		    "site at %.0f m\n", f, w->elevation, s->elevation);
}

int
cmd_load_weather(struct cmd_ctx *c, const struct site *s, struct weather *w)
{
	char	err[1024];
	const char *file;
	int	io = 0;

	if (site_weather_io(s, w, err, sizeof err, &io) == 0) {
		weather_notes(c, s, w);
		return EXIT_OK;
	}
	/* built-in and design-day messages carry no file: name the site's */
	file = s->climate.source == CLIMATE_EPW && s->climate.weather_file != NULL ?
	    s->climate.weather_file : c->pos[0];
	if (strncmp(err, file, strlen(file)) == 0)
		diag_printf(stderr, "%s\n", err);
	else
		diag_printf(stderr, "%s: %s\n", file, err);
	if (!c->g->quiet)
		diag_printf(stderr, "dcplan: 1 error in '%s'\n", file);
	return io ? EXIT_IO : EXIT_INPUT;
}

/* The climate checks of 'check': a built-in year from its inputs (generating it
 * is the simulating commands' work), anything else by reading it into c->wx. */
static int
check_climate(struct cmd_ctx *c)
{
	const struct site *s = &c->site;
	char	err[1024];
	int	rc;

	if (s->climate.source == CLIMATE_BUILTIN) {
		if (climate_builtin_check(&s->climate.normals, &s->climate.design, err,
		    sizeof err) == 0)
			return EXIT_OK;
		diag_printf(stderr, "%s: %s\n", c->pos[0], err);
		if (!c->g->quiet)
			diag_printf(stderr, "dcplan: 1 error in '%s'\n", c->pos[0]);
		return EXIT_INPUT;
	}
	if ((rc = cmd_load_weather(c, s, &c->wx)) == EXIT_OK)
		c->have_wx = 1;
	return rc;
}

struct output *
cmd_output(struct cmd_ctx *c)
{
	if (c->out_open)
		return &c->out;
	if (output_open(&c->out, c->g->out_path) != 0) {
		cmd_error(c, "cannot write '%s': %s", c->g->out_path, strerror(errno));
		return NULL;
	}
	c->out_open = 1;
	return &c->out;
}

/* Commit the output of a command that succeeded, discard any other. */
static int
finish_output(struct cmd_ctx *c, int rc)
{
	if (!c->out_open)
		return rc;
	c->out_open = 0;
	if (rc != EXIT_OK && rc != EXIT_INFEASIBLE) {
		output_abort(&c->out);
		return rc;
	}
	if (output_commit(&c->out) != 0) {
		if (c->g->out_path == NULL || strcmp(c->g->out_path, "-") == 0)
			cmd_error(c, "cannot write standard output: %s", strerror(errno));
		else
			cmd_error(c, "cannot write '%s': %s", c->g->out_path,
			    strerror(errno));
		return EXIT_IO;
	}
	return rc;
}

/* What a machine-readable document says about itself (format.h): the site
 * (operand 1, when the command reads one), the --set overrides as given, the CSV
 * line ending. */
void
cmd_doc(const struct cmd_ctx *c, struct out_doc *d)
{
	memset(d, 0, sizeof *d);
	if (c->have_site && c->npos > 0) {
		d->site_path = c->pos[0];
		d->site_name = c->site.name;
	}
	d->sets = c->g->sets;
	d->nsets = c->g->nsets;
	d->crlf = c->g->crlf;
	d->has_seed = c->have_seed;
	d->seed = c->seed;
}

int
cmd_write_report(struct cmd_ctx *c, const struct report *r)
{
	struct output *o;
	struct out_doc doc;

	if ((o = cmd_output(c)) == NULL)
		return EXIT_IO;
	cmd_doc(c, &doc);
	if (c->g->csv_table != NULL) {
		/* one table as a sheet (the wide form, dcplan-json(5)) */
		const char *names[64];
		char	buf[4096], list[1024];
		int	n, i;
		size_t	off = 0;

		if (report_write_table(r, c->g->csv_table, &doc, o->fp) == 0)
			return EXIT_OK;
		n = report_table_names(r, names, 64, buf, sizeof buf);
		list[0] = '\0';
		for (i = 0; i < n && i < 64 && off < sizeof list; i++)
			off += (size_t)snprintf(list + off, sizeof list - off, "%s%s",
			    i ? ", " : "", names[i]);
		if (n == 0)
			return usage_error(c->entry, "--csv-table: '%s' writes no table",
			    c->entry->name);
		return usage_error(c->entry, "--csv-table: no table '%s' (%s has: %s)",
		    c->g->csv_table, c->entry->name, list);
	}
	if (report_write_doc(r, c->g->fmt, &doc, o->fp) != 0) {
		cmd_error(c, "out of memory");
		return EXIT_IO;
	}
	return EXIT_OK;
}

static int
run_entry(struct cmd_ctx *c)
{
	const struct cmd_entry *e = c->entry;
	int	rc = EXIT_OK;

	if (e->needs & CMD_SITE)
		rc = load_site(c);
	if (rc == EXIT_OK && (e->needs & CMD_WEATHER)) {
		if ((rc = cmd_load_weather(c, &c->site, &c->wx)) == EXIT_OK)
			c->have_wx = 1;
	} else if (rc == EXIT_OK && (e->needs & CMD_CLIMATE))
		rc = check_climate(c);
	if (rc == EXIT_OK)
		rc = e->exec(c);
	rc = finish_output(c, rc);
	if (c->have_wx)
		weather_release(&c->wx);
	if (c->have_site) {
		snprintf(c->err_site_name, sizeof c->err_site_name, "%s",
		    c->site.name != NULL ? c->site.name : "");
		site_release(&c->site);
	}
	c->have_wx = c->have_site = 0;
	return rc;
}

static struct cmd_ctx ctx;	/* large; one per process */

static int
run_cmdline(struct globals *g, int argc, char **argv)
{
	char	err[256], *posv[CMD_MAX_VALUES];
	const struct cmd_entry *e;
	int	consumed = 0, help = 0, version = 0, rc, i;

	memset(&ctx, 0, sizeof ctx);
	ctx.g = g;
	ctx.pos = posv;
	rc = parse(g, &ctx, NULL, argc, argv, &consumed, &help, &version);
	if (rc != EXIT_OK)
		return rc;
	if (version) {
		cmd_version(stdout);
		return EXIT_OK;
	}
	if (consumed >= argc) {
		if (help) {
			cmd_help(NULL, stdout);
			return EXIT_OK;
		}
		return usage_error(NULL, "no command given (try 'dcplan help')");
	}
	if ((e = cmd_find(argv[consumed], err, sizeof err)) == NULL)
		return usage_error(NULL, "%s", err);
	ctx.entry = e;
	/* global options given before the command name must apply to it */
	for (i = 0; i < G_COUNT; i++)
		if ((g->given & (1u << i)) && !global_applies(e, i))
			return usage_error(e, "'%s' does not take --%s", e->name,
			    global_opts[i].name);
	rc = parse(g, &ctx, e, argc - consumed - 1, argv + consumed + 1, &consumed,
	    &help, &version);
	if (rc != EXIT_OK)
		return rc;
	if (version) {
		cmd_version(stdout);
		return EXIT_OK;
	}
	if (help) {
		cmd_help(e, stdout);
		return EXIT_OK;
	}
	if ((rc = check_opts(&ctx, e)) != EXIT_OK)
		return rc;
	if (ctx.npos < e->min_pos)
		return usage_error(e, "missing argument");
	if (ctx.npos > e->max_pos)
		return usage_error(e, "unexpected argument '%s'", ctx.pos[e->max_pos]);
	if (!g->fmt_given && !(e->formats & (1 << FMT_TEXT)))
		g->fmt = FMT_CSV;
	if (g->csv_table != NULL) {	/* a sheet is CSV */
		if (g->fmt_given && g->fmt != FMT_CSV)
			return usage_error(e, "--csv-table writes CSV, not %s",
			    fmt_names[g->fmt]);
		g->fmt = FMT_CSV;
	}
	if ((e->needs & CMD_OUTPUT) && !(e->formats & (1 << g->fmt)))
		return usage_error(e, "'%s' cannot write %s", e->name, fmt_names[g->fmt]);
	return run_entry(&ctx);
}

/* ---- errors as JSON (-f json) ---- */

/* The standard error as written while the command ran. */
struct errtee {
	char	*buf;
	size_t	len, cap;
	int	oom;
};

static ssize_t
tee_write(void *cookie, const char *b, size_t n)
{
	struct errtee *t = cookie;
	size_t	off = 0;
	ssize_t	w;

	while (off < n) {	/* the text goes to fd 2 as it would have */
		if ((w = write(STDERR_FILENO, b + off, n - off)) <= 0) {
			if (w < 0 && errno == EINTR)
				continue;
			break;
		}
		off += (size_t)w;
	}
	if (!t->oom && t->len + n + 1 > t->cap) {
		size_t	cap = (t->len + n + 1) * 2;
		char	*nb = realloc(t->buf, cap);

		if (nb == NULL)
			t->oom = 1;
		else {
			t->buf = nb;
			t->cap = cap;
		}
	}
	if (!t->oom) {
		memcpy(t->buf + t->len, b, n);
		t->len += n;
		t->buf[t->len] = '\0';
	}
	return (ssize_t)n;
}

/* Does the command line ask for JSON?  Every spelling the parser takes:
 * -f json, -fjson, -qf json (a cluster), --format json, --format=json and
 * unique prefixes of --format; up to "--". */
static int
wants_json(int argc, char **argv)
{
	int	i, json = 0;

	for (i = 0; i < argc; i++) {
		const char *a = argv[i], *v = NULL, *eq;

		if (strcmp(a, "--") == 0)
			break;
		if (a[0] != '-' || a[1] == '\0')
			continue;
		if (a[1] == '-') {
			size_t	len;

			eq = strchr(a + 2, '=');
			len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
			if (len < 2 || strncmp(a + 2, "format", len) != 0)
				continue;
			v = eq ? eq + 1 : i + 1 < argc ? argv[++i] : NULL;
		} else {
			const char *f = strchr(a + 1, 'f');
			size_t	k;

			if (f == NULL)
				continue;
			/* only flags may come before f in a cluster */
			for (k = 1; a + k < f; k++)
				if (a[k] != 'q' && a[k] != 'h')
					break;
			if (a + k < f)
				continue;
			v = f[1] != '\0' ? f + 1 : i + 1 < argc ? argv[++i] : NULL;
		}
		if (v != NULL)
			json = strcmp(v, "json") == 0;
	}
	return json;
}

/* A number of at most 9 digits at *p, advancing past it; -1 if none. */
static long
take_num(const char **p)
{
	const char *s = *p;
	long	n = 0;
	int	k = 0;

	while (*s >= '0' && *s <= '9' && k < 9) {
		n = n * 10 + (*s++ - '0');
		k++;
	}
	if (k == 0 || (*s >= '0' && *s <= '9'))
		return -1;
	*p = s;
	return n;
}

/*
 * One line of the standard error as a record, or NULL for a line that is not
 * a message: the usage line and its continuation, the "dcplan: N errors in
 * 'FILE'" summary, progress lines.  "FILE:LINE:COL: [LEVEL: ]MESSAGE",
 * "FILE:LINE: ...", "FILE: ..." or "dcplan[ COMMAND]: ..." (no file).
 */
static cJSON *
error_record(const char *line)
{
	static const char *const levels[] = { "error", "warning", "note" };
	const char *msg = line, *p, *colon;
	char	file[4096];
	long	ln = -1, col = -1;
	size_t	flen = 0, i;
	int	has_file = 0;
	const char *level = "error";
	cJSON	*o;

	if (line[0] == '\0' || line[0] == '\r' || line[0] == ' ' ||
	    line[0] == '\t' || strncmp(line, "usage: ", 7) == 0)
		return NULL;
	if (strncmp(line, "dcplan: ", 8) == 0 || strncmp(line, "dcplan ", 7) == 0) {
		const char *c = strstr(line, ": ");

		msg = c + 2;
		/* "dcplan: 3 errors in 'x'": the count, not a message */
		p = msg;
		if (take_num(&p) >= 0 && (strncmp(p, " error in '", 11) == 0 ||
		    strncmp(p, " errors in '", 12) == 0))
			return NULL;
	} else {
		/* the file is what comes before ":LINE:" or ": " (the first
		 * one, so that a message with colons stays whole) */
		for (colon = strchr(line, ':'); colon != NULL;
		    colon = strchr(colon + 1, ':')) {
			p = colon + 1;
			if (*p == ' ')
				break;
			if ((ln = take_num(&p)) >= 0 && *p == ':')
				break;
			ln = -1;
		}
		if (colon != NULL) {
			has_file = 1;
			flen = (size_t)(colon - line);
			if (flen >= sizeof file)
				flen = sizeof file - 1;
			memcpy(file, line, flen);
			file[flen] = '\0';
			p = colon + 1;
			if (ln >= 0) {
				take_num(&p);	/* the line, again */
				p++;		/* ':' */
				if ((col = take_num(&p)) >= 0 && *p == ':')
					p++;
				else
					col = -1;
			}
			if (*p == ' ')
				p++;
			msg = p;
		}
	}
	for (i = 0; i < 3; i++) {
		size_t	n = strlen(levels[i]);

		if (strncmp(msg, levels[i], n) == 0 && msg[n] == ':' &&
		    msg[n + 1] == ' ') {
			level = levels[i];
			msg += n + 2;
			break;
		}
	}
	if ((o = cJSON_CreateObject()) == NULL)
		return NULL;
	if ((has_file ? cJSON_AddStringToObject(o, "file", file) :
	    cJSON_AddNullToObject(o, "file")) == NULL ||
	    (ln > 0 ? cJSON_AddNumberToObject(o, "line", (double)ln) :
	    cJSON_AddNullToObject(o, "line")) == NULL ||
	    (col > 0 ? cJSON_AddNumberToObject(o, "column", (double)col) :
	    cJSON_AddNullToObject(o, "column")) == NULL ||
	    cJSON_AddStringToObject(o, "level", level) == NULL ||
	    cJSON_AddStringToObject(o, "message", msg) == NULL) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* The dcplan.errors/1 document of a failed command on the standard output. */
static void
write_errors(struct globals *g, const struct errtee *t, int rc)
{
	struct out_doc d;
	cJSON	*top, *errs, *o;
	char	*line, *nl, *txt;

	memset(&d, 0, sizeof d);
	if (ctx.entry != NULL && (ctx.entry->needs & CMD_SITE) && ctx.npos > 0) {
		d.site_path = ctx.pos[0];
		d.site_name = ctx.err_site_name[0] ? ctx.err_site_name : NULL;
	}
	d.sets = g->sets;
	d.nsets = g->nsets;
	if ((top = cJSON_CreateObject()) == NULL)
		return;
	if (doc_json_head(top, "dcplan.errors/1", &d) != 0 ||
	    cJSON_AddNumberToObject(top, "exit", rc) == NULL ||
	    (errs = cJSON_AddArrayToObject(top, "errors")) == NULL)
		goto out;
	for (line = t->buf; line != NULL && *line != '\0'; line = nl ? nl + 1 : NULL) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl = '\0';
		if ((o = error_record(line)) != NULL)
			cJSON_AddItemToArray(errs, o);
	}
	if (cJSON_GetArraySize(errs) == 0) {
		/* every failure says something; this keeps the promise */
		if ((o = cJSON_CreateObject()) != NULL) {
			cJSON_AddItemToArray(errs, o);
			cJSON_AddNullToObject(o, "file");
			cJSON_AddNullToObject(o, "line");
			cJSON_AddNullToObject(o, "column");
			cJSON_AddStringToObject(o, "level", "error");
			cJSON_AddStringToObject(o, "message", t->oom ?
			    "out of memory" : "failed (exit status above)");
		}
	}
	if ((txt = cJSON_Print(top)) != NULL) {
		fputs(txt, stdout);
		fputc('\n', stdout);
		free(txt);
	}
out:
	cJSON_Delete(top);
}

int
cmd_run(struct globals *g, int argc, char **argv)
{
	static const cookie_io_functions_t fns = { .write = tee_write };
	struct errtee t;
	FILE	*tee = NULL, *saved = stderr;
	int	rc;

	memset(&t, 0, sizeof t);
	if (wants_json(argc, argv) && (tee = fopencookie(&t, "w", fns)) != NULL) {
		setvbuf(tee, NULL, _IONBF, 0);	/* as stderr: in order */
		stderr = tee;
		g->json_errors = 1;
		/* a failure writes its errors document to stdout: output to
		 * stdout is held back until committed, never partial */
		output_hold_stdout(1);
	}
	rc = run_cmdline(g, argc, argv);
	if (tee != NULL) {
		stderr = saved;
		fclose(tee);
		/* not after a document that was written (a sweep with an
		 * invalid case: exit 3, the case's row says why) */
		if ((rc == EXIT_USAGE || rc == EXIT_INPUT || rc == EXIT_IO) &&
		    !output_stdout_committed())
			write_errors(g, &t, rc);
	}
	free(t.buf);
	while (g->nowned > 0)
		free(g->owned[--g->nowned]);
	g->nsets = 0;
	return rc;
}

/* ---- option values ---- */

static int
opt_index(const struct cmd_ctx *c, const char *name)
{
	const struct opt_def *o = c->entry->opts;
	int	i;

	for (i = 0; o != NULL && o[i].name != NULL; i++)
		if (strcmp(o[i].name, name) == 0)
			return i;
	return -1;
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

	return i < 0 || k < 0 || k >= c->nvals[i] ? NULL : c->vals[i][k];
}

int
cmd_opt_flag(const struct cmd_ctx *c, const char *name)
{
	return cmd_opt_count(c, name) > 0;
}

int
cmd_opt_date(const struct cmd_ctx *c, const char *name, int *day)
{
	int	i = opt_index(c, name);

	if (i < 0 || c->nvals[i] == 0)
		return 0;
	*day = (int)c->nums[i][0];
	return 1;
}

int
cmd_opt_num(const struct cmd_ctx *c, const char *name, double *v)
{
	int	i = opt_index(c, name);

	if (i < 0 || c->nvals[i] == 0)
		return 0;
	*v = c->nums[i][0];
	return 1;
}
