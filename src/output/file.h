/*
 * file.h - where results go.
 *
 * An output is stdout or a file written atomically (a temporary file in the same
 * directory, renamed over the target on success, removed on any failure; a new file
 * gets 0666 less the umask, a replaced one keeps its mode).  An existing target that
 * is not a regular file (a FIFO, /dev/null, /dev/stdout) is written directly, without
 * atomicity, rather than replaced.
 */
#ifndef DCPLAN_FILE_H
#define DCPLAN_FILE_H

#include <stdio.h>

struct output {
	FILE	*fp;
	char	*path;		/* NULL = stdout */
	char	*tmp;
	int	buffered;	/* output_open_buffered(): 1 in a temporary
				 * file, 2 in memory (buf, len) */
	char	*buf;
	size_t	len;
};

int	output_open(struct output *, const char *path);	/* 0, or -1 with errno */
/* stdout, held in a temporary file (or memory) and written only by
 * output_commit(), so that a failed command writes none of it; 0, or -1
 * with errno */
int	output_open_buffered(struct output *);
/* With on, every later output_open() of stdout holds its output as
 * output_open_buffered() does (-f json: a failure writes its errors there). */
void	output_hold_stdout(int on);
/* 1 once an output to stdout has been committed. */
int	output_stdout_committed(void);
int	output_commit(struct output *);	/* flush, close, rename; 0 or -1 with errno */
void	output_abort(struct output *);	/* discard */

#endif
