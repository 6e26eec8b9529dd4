/*
 * cmd.h - the command table and the framework every command runs in.
 *
 * Each command lives in its own file (cmd-NAME.c) and exports one struct
 * cmd_entry.  The entry declares what the command needs (a site and its weather,
 * the model library, an output) and its options with their types; the framework
 * (cmd.c) parses the command line once, rejects what the command does not take,
 * generates the usage line from the declarations, loads the site and weather
 * before the command runs and frees them and commits or discards the output
 * after it returns.  A command only computes and writes.
 *
 * To add a command: write cmd-NAME.c with its entry, declare the entry below and
 * add one line to cmd_table in cmd.c (the order of 'dcplan help' and of dcplan(1)).
 */
#ifndef DCPLAN_CMD_H
#define DCPLAN_CMD_H

#include <stddef.h>
#include <stdio.h>

#include "output.h"
#include "site.h"
#include "weather.h"

/* Exit status, documented in dcplan(1). */
enum {
	EXIT_OK = 0,		/* success; plan feasible */
	EXIT_INFEASIBLE = 1,	/* a planning command found the plan infeasible */
	EXIT_USAGE = 2,		/* bad command line */
	EXIT_INPUT = 3,		/* invalid input: YAML, schema, weather, models */
	EXIT_IO = 4		/* I/O or system error */
};

/* The type of an option's value; the framework parses and checks it. */
enum opt_type {
	OPT_FLAG = 1,		/* no value */
	OPT_STRING,		/* any text */
	OPT_DATE,		/* YYYY-MM-DD (date_parse); malformed: exit 2 */
	OPT_QUANTITY,		/* a number with a unit of .kind (units_parse): exit 3 */
	OPT_COUNT		/* a non-negative integer; malformed: exit 2 */
};

/* opt_def.flags */
#define OPT_REPEAT	0x01	/* may be given more than once */
#define OPT_REQUIRED	0x02	/* must be given (in a group: one of the group) */

struct opt_def {
	const char *name;	/* long name without "--" */
	int	short_name;	/* 0 if none */
	enum opt_type type;
	const char *arg;	/* the value's name in usage and help; NULL for a flag */
	int	flags;		/* OPT_* */
	int	kind;		/* OPT_QUANTITY: the enum unit_kind of the value */
	int	group;		/* > 0: at most one option of the group may be given */
	const char *help;
};

/* cmd_entry.needs */
#define CMD_SITE	0x01	/* operand 1 is a site file, loaded into ctx->site;
				 * takes --set and --models-dir */
#define CMD_WEATHER	0x02	/* the site's weather year, loaded into ctx->wx */
#define CMD_CLIMATE	0x04	/* the site's climate checked as 'check' does; the
				 * weather read doing so (not a built-in year) is
				 * kept in ctx->wx (ctx->have_wx) */
#define CMD_MODELS	0x08	/* reads the model library: takes --models-dir */
#define CMD_OUTPUT	0x10	/* writes output: takes --format and --output */
#define CMD_REPORT	0x20	/* writes a report (cmd_write_report): takes
				 * --csv-table */

#define CMD_MAX_OPTS	16
#define CMD_MAX_VALUES	64	/* values of one option, operands, --set options */

struct globals {
	const char *prog;
	enum out_format fmt;
	int	fmt_given;
	const char *out_path;
	const char *models_dir;
	int	quiet;
	int	crlf;		/* CSV lines end in CR LF */
	const char *csv_table;	/* --csv-table: one report table as a sheet */
	const char *sets[CMD_MAX_VALUES];	/* PATH=VALUE, or !PATH: --unset */
	size_t	nsets;
	char	*owned[CMD_MAX_VALUES];		/* the !PATH strings */
	size_t	nowned;
	int	json_errors;	/* -f json: failures are also a JSON document on
				 * stdout, so JSON output to stdout is buffered */
	unsigned given;		/* bit i: global option i was given */
};

struct cmd_entry;

struct cmd_ctx {
	const struct cmd_entry *entry;
	struct globals *g;
	char	**pos;
	int	npos;
	/* values of the command's own options, by index in entry->opts */
	const char *vals[CMD_MAX_OPTS][CMD_MAX_VALUES];
	double	nums[CMD_MAX_OPTS][CMD_MAX_VALUES];	/* parsed DATE/QUANTITY/COUNT */
	int	nvals[CMD_MAX_OPTS];
	/* what the framework loaded for the command (entry->needs) */
	struct site site;
	struct weather wx;
	int	have_site, have_wx;
	/* the seed of a command that draws random numbers, for its documents */
	int	have_seed;
	unsigned long long seed;
	/* the output, opened by cmd_output() and committed by the framework */
	struct output out;
	int	out_open;
	/* the site's name, kept for the errors document after it is freed */
	char	err_site_name[128];
};

struct cmd_entry {
	const char *name;
	const char *operands;	/* usage after the options: "SITE", "[COMMAND]" */
	int	opts_last;	/* usage: the options after the operands */
	const char *summary;
	const struct opt_def *opts;	/* terminated by { NULL } */
	int	min_pos, max_pos;
	int	needs;		/* CMD_* */
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
extern const struct cmd_entry cmd_swings_entry;
extern const struct cmd_entry cmd_risk_entry;
extern const struct cmd_entry cmd_merge_entry;
extern const struct cmd_entry cmd_sweep_entry;

extern const struct cmd_entry *const cmd_table[];

const struct cmd_entry *cmd_find(const char *name, char *err, size_t errlen);
int	cmd_run(struct globals *, int argc, char **argv);
void	cmd_usage(const struct cmd_entry *, FILE *);
void	cmd_help(const struct cmd_entry *, FILE *);
void	cmd_version(FILE *);

/* Option values.  The name must be one of the command's own options. */
const char *cmd_opt(const struct cmd_ctx *, const char *name);	/* NULL: not given */
int	cmd_opt_count(const struct cmd_ctx *, const char *name);
const char *cmd_opt_at(const struct cmd_ctx *, const char *name, int i);
int	cmd_opt_flag(const struct cmd_ctx *, const char *name);	/* 1 if given */
/* 1 and the parsed value (a day number, SI value or count) if given, else 0 */
int	cmd_opt_date(const struct cmd_ctx *, const char *name, int *day);
int	cmd_opt_num(const struct cmd_ctx *, const char *name, double *v);

/* Shared plumbing. */
void	cmd_error(const struct cmd_ctx *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* The output (opened on the first call; NULL after a message: return EXIT_IO).
 * The framework commits it when the command returns EXIT_OK or EXIT_INFEASIBLE
 * and discards it otherwise. */
struct output *cmd_output(struct cmd_ctx *);
struct report;
int	cmd_write_report(struct cmd_ctx *, const struct report *);	/* exit code */
/* The provenance of the command's documents (the JSON head, the CSV line end). */
void	cmd_doc(const struct cmd_ctx *, struct out_doc *);
/* The site's weather into w (the caller frees it), for a command that needs it
 * only sometimes; exit code. */
int	cmd_load_weather(struct cmd_ctx *, const struct site *, struct weather *);

#endif
