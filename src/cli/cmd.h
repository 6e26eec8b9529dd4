/*
 * cmd.h - the command table and what every command shares: options, the exit-code
 * contract, loading a site with diagnostics, and writing output atomically.
 * Each command lives in its own file (cmd-NAME.c) and exports one struct cmd_entry.
 */
#ifndef DCPLAN_CMD_H
#define DCPLAN_CMD_H

#include <stddef.h>

#include "output.h"
#include "site.h"

/* Exit status, documented in dcplan(1). */
enum {
	EXIT_OK = 0,		/* success; plan feasible */
	EXIT_INFEASIBLE = 1,	/* a planning command found the plan infeasible */
	EXIT_USAGE = 2,		/* bad command line */
	EXIT_INPUT = 3,		/* invalid input: YAML, schema, weather, models */
	EXIT_IO = 4		/* I/O or system error */
};

struct opt_def {
	const char *name;	/* long name without "--" */
	int	short_name;	/* 0 if none */
	const char *arg;	/* argument name, NULL for a flag */
	int	repeat;		/* may be given more than once */
	const char *help;
};

#define CMD_MAX_OPTS	16
#define CMD_MAX_VALUES	64

struct globals {
	const char *prog;
	enum out_format fmt;
	int	fmt_given;
	const char *out_path;
	const char *models_dir;
	int	quiet;
	const char *sets[CMD_MAX_VALUES];
	size_t	nsets;
};

struct cmd_entry;

struct cmd_ctx {
	const struct cmd_entry *entry;
	struct globals *g;
	char	**pos;
	int	npos;
	/* values of the command's own options, by index in entry->opts */
	const char *vals[CMD_MAX_OPTS][CMD_MAX_VALUES];
	int	nvals[CMD_MAX_OPTS];
};

struct cmd_entry {
	const char *name;
	const char *usage;	/* after "dcplan [global options] NAME " */
	const char *summary;
	const struct opt_def *opts;	/* terminated by {NULL} */
	int	min_pos, max_pos;
	int	formats;	/* bit mask of accepted formats (1 << FMT_*) */
	int	(*exec)(struct cmd_ctx *);
};

#define FMTS_ALL	((1 << FMT_TEXT) | (1 << FMT_CSV) | (1 << FMT_JSON))
#define FMTS_DATA	((1 << FMT_CSV) | (1 << FMT_JSON))

extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_models_entry;
extern const struct cmd_entry cmd_help_entry;
extern const struct cmd_entry cmd_psychro_entry;
extern const struct cmd_entry cmd_capacity_entry;
extern const struct cmd_entry cmd_simulate_entry;
extern const struct cmd_entry cmd_timeline_entry;
extern const struct cmd_entry cmd_plan_entry;

extern const struct cmd_entry *const cmd_table[];

const struct cmd_entry *cmd_find(const char *name, char *err, size_t errlen);
int	cmd_run(struct globals *, int argc, char **argv);
void	cmd_usage(const struct cmd_entry *, FILE *);
void	cmd_help(const struct cmd_entry *, FILE *);

/* Option value access for commands. */
const char *cmd_opt(const struct cmd_ctx *, const char *name);
int	cmd_opt_count(const struct cmd_ctx *, const char *name);
const char *cmd_opt_at(const struct cmd_ctx *, const char *name, int i);

/* Shared plumbing. */
void	cmd_error(const struct cmd_ctx *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
struct site;
int	cmd_load_site(struct cmd_ctx *, struct site *);	/* EXIT_OK or exit code */
struct report;
int	cmd_write_report(struct cmd_ctx *, const struct report *);	/* exit code */
int	cmd_output_open(struct cmd_ctx *, struct output *);	/* exit code */
struct weather;
int	cmd_load_weather(struct cmd_ctx *, const struct site *, struct weather *);

/* A site and its weather, loaded together and freed together. */
struct cmd_job {
	struct site site;
	struct weather wx;
	int	have_site, have_wx;
};
int	cmd_job_load(struct cmd_ctx *, struct cmd_job *);	/* exit code */
void	cmd_job_free(struct cmd_job *);
int	cmd_check_weather(struct cmd_ctx *, const struct site *);	/* exit code */
int	cmd_output_close(struct cmd_ctx *, struct output *, int ok);	/* exit code */

#endif
