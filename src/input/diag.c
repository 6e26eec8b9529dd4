/*
 * diag.c - collected compiler-style diagnostics and "did you mean" suggestions.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

static char *
diag_strdup(const char *s)
{
	size_t	 len = strlen(s) + 1;
	char	*p = malloc(len);

	if (p != NULL)
		memcpy(p, s, len);
	return p;
}

void
diags_add(struct diags *d, const char *file, int line, int col,
    const char *fmt, ...)
{
	struct diag	*v, *e;
	va_list		 ap;
	char		*msg;
	int		 len;
	size_t		 cap;

	if (d->n == d->cap) {
		cap = d->cap ? d->cap * 2 : 16;
		v = realloc(d->v, cap * sizeof *v);
		if (v == NULL) {
			d->oom = 1;	/* the caller fails with "out of memory" */
			return;
		}
		d->v = v;
		d->cap = cap;
	}
	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0 || (msg = malloc((size_t)len + 1)) == NULL) {
		d->oom = 1;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)len + 1, fmt, ap);
	va_end(ap);

	e = &d->v[d->n];
	e->file = NULL;
	if (file != NULL && (e->file = diag_strdup(file)) == NULL) {
		free(msg);
		d->oom = 1;
		return;
	}
	e->line = line;
	e->col = col;
	e->level = strncmp(msg, "note: ", 6) == 0 ? DIAG_NOTE :
	    strncmp(msg, "warning: ", 9) == 0 ? DIAG_WARNING : DIAG_ERROR;
	e->msg = msg;
	d->n++;
}

/* Sort key: index of the first diagnostic naming the same file. */
struct diag_key {
	size_t		 fileord, idx;
	const struct diag *d;
};

static int
diag_cmp(const void *a, const void *b)
{
	const struct diag_key *x = a, *y = b;

	if (x->fileord != y->fileord)
		return x->fileord < y->fileord ? -1 : 1;
	if (x->d->line != y->d->line)
		return x->d->line < y->d->line ? -1 : 1;
	if (x->d->col != y->d->col)
		return x->d->col < y->d->col ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;	/* stable */
}

static int
diag_samefile(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static void
diag_print1(const struct diag *e, FILE *fp)
{
	if (e->file == NULL)
		fprintf(fp, "%s\n", e->msg);
	else if (e->line <= 0)
		fprintf(fp, "%s: %s\n", e->file, e->msg);
	else if (e->col <= 0)
		fprintf(fp, "%s:%d: %s\n", e->file, e->line, e->msg);
	else
		fprintf(fp, "%s:%d:%d: %s\n", e->file, e->line, e->col, e->msg);
}

void
diags_print(const struct diags *d, FILE *fp)
{
	struct diag_key	*k;
	size_t		 i, j;

	if (d->n == 0)
		return;
	if ((k = calloc(d->n, sizeof *k)) == NULL) {
		for (i = 0; i < d->n; i++)	/* unsorted beats nothing */
			diag_print1(&d->v[i], fp);
		return;
	}
	for (i = 0; i < d->n; i++) {
		k[i].idx = i;
		k[i].d = &d->v[i];
		k[i].fileord = i;
		for (j = 0; j < i; j++) {
			if (diag_samefile(d->v[j].file, d->v[i].file)) {
				k[i].fileord = k[j].fileord;
				break;
			}
		}
	}
	qsort(k, d->n, sizeof *k, diag_cmp);
	for (i = 0; i < d->n; i++)
		diag_print1(k[i].d, fp);
	free(k);
}

void
diags_free(struct diags *d)
{
	size_t	i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	d->v = NULL;
	d->n = d->cap = 0;
}

/*
 * Optimal string alignment distance (the restricted Damerau-Levenshtein:
 * insert, delete, substitute, transpose adjacent), case-insensitive.
 * Words longer than 63 characters are not worth a suggestion.
 */
#define DIAG_MAXW	64

static int
diag_distance(const char *a, const char *b)
{
	int	 d[DIAG_MAXW + 1][DIAG_MAXW + 1];
	size_t	 la = strlen(a), lb = strlen(b), i, j;
	int	 c, v;

	if (la >= DIAG_MAXW || lb >= DIAG_MAXW)
		return 1 << 20;
	for (i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			c = tolower((unsigned char)a[i - 1]) !=
			    tolower((unsigned char)b[j - 1]);
			v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + c < v)
				v = d[i - 1][j - 1] + c;
			if (i > 1 && j > 1 &&
			    tolower((unsigned char)a[i - 1]) ==
			    tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) ==
			    tolower((unsigned char)b[j - 1]) &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[la][lb];
}

const char *
diag_suggest(const char *word, const char *const *cands, size_t n)
{
	const char	*best = NULL;
	int		 bestd = 1 << 20, dist, limit;
	size_t		 i;

	if (word == NULL)
		return NULL;
	/* a third of the word, at least 2 edits, but at most 1 for words of up to
	 * 3 letters: two edits turn any 2-letter word into any other */
	limit = (int)(strlen(word) / 3);
	if (strlen(word) <= 3) {
		if (limit < 1)
			limit = 1;
	} else if (limit < 2)
		limit = 2;
	for (i = 0; i < n; i++) {
		if (cands[i] == NULL)
			continue;
		dist = diag_distance(word, cands[i]);
		if (dist < bestd) {	/* first of equals wins */
			bestd = dist;
			best = cands[i];
		}
	}
	return bestd <= limit ? best : NULL;
}
