/*
 * diag.h - compiler-style diagnostics "file:line:col: message", collected while
 * reading input and printed together, sorted, at the end.
 */
#ifndef DCPLAN_DIAG_H
#define DCPLAN_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum diag_level { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };

struct diag {
	char	*file;
	int	 line, col;	/* 1-based; line 0 => no position */
	enum diag_level level;	/* from a "note: " or "warning: " message prefix */
	char	*msg;		/* as printed, with its prefix */
};

struct diags {
	struct diag	*v;
	size_t		 n, cap;
	int		 oom;	/* a message was lost for want of memory */
};

/* Append one diagnostic (file may be NULL: printed as just the message). */
void	diags_add(struct diags *, const char *file, int line, int col,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Sorted stably by (file order of first appearance, line, col);
 * "file:line:col: msg\n"; line 0 => "file: msg"; col 0 => "file:line: msg". */
void	diags_print(const struct diags *, FILE *);

/* Write user text, or a formatted message (a trailing newline kept), with its
 * control characters escaped (\n, \t, \xHH, \u00HH) so that no value can forge
 * a line of its own or drive the terminal. */
void	diag_fputs(const char *, FILE *);
void	diag_printf(FILE *, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void	diags_release(struct diags *);

/* Nearest candidate by Damerau-Levenshtein distance (case-insensitive), or NULL
 * if the best distance > max(2, strlen(word) / 3). */
const char *diag_suggest(const char *word, const char *const *cands, size_t n);

#endif
