/*
 * cmd-help.c - "dcplan help [COMMAND]".
 */
#include <stdio.h>

#include "cmd.h"

static int
cmd_help_exec(struct cmd_ctx *c)
{
	const struct cmd_entry *e = NULL;
	char	err[256];

	if (c->npos > 0 && (e = cmd_find(c->pos[0], err, sizeof err)) == NULL) {
		cmd_error(c, "%s", err);
		return EXIT_USAGE;
	}
	cmd_help(e, stdout);
	return EXIT_OK;
}

const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.operands = "[COMMAND]",
	.summary = "describe dcplan or one of its commands",
	.opts = NULL,
	.min_pos = 0,
	.max_pos = 1,
	.formats = FMTS_ALL,
	.exec = cmd_help_exec,
};
