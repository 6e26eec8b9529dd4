/*
 * main.c - dcplan entry point: everything happens in the command layer (cmd.c).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "cmd.h"

int
main(int argc, char **argv)
{
	struct globals g;
	int	rc;

	/*
	 * A closed pipe is a write error (EPIPE), reported with exit 4 like any
	 * other, rather than a silent death by SIGPIPE (status 141).
	 */
	signal(SIGPIPE, SIG_IGN);
	/* GSL's default handler aborts; every GSL status is checked instead. */
	gsl_set_error_handler_off();
	memset(&g, 0, sizeof g);
	g.prog = "dcplan";
	rc = cmd_run(&g, argc - 1, argv + 1);
	/* A full disk or a closed pipe is an error, not silent truncation (cf. git). */
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		if (rc == EXIT_OK || rc == EXIT_INFEASIBLE) {
			fprintf(stderr, "dcplan: cannot write standard output: %s\n",
			    strerror(errno ? errno : EIO));
			rc = EXIT_IO;
		}
	}
	return rc;
}
