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

#define DIAG_MAXFILES	16	/* files a set of diagnostics names, in practice 1-3 */

static int
diag_samefile(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/*
 * User text in a message is written with its control characters escaped, so
 * that a value or a name holding a newline cannot forge a second
 * "file:line:col:" message, nor an escape sequence drive the terminal:
 * \n \r \t as such, other C0 controls and DEL as \xHH, and the C1 controls
 * (U+0080..U+009F, UTF-8 C2 80..C2 9F) as \u00HH.  Other bytes, UTF-8
 * included, are written as they are.
 */
void
diag_fputs(const char *s, FILE *fp)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		if (*p == '\n')
			fputs("\\n", fp);
		else if (*p == '\r')
			fputs("\\r", fp);
		else if (*p == '\t')
			fputs("\\t", fp);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(fp, "\\x%02x", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			fprintf(fp, "\\u%04x", p[1]);
			p++;
		} else
			putc(*p, fp);
	}
}

void
diag_printf(FILE *fp, const char *fmt, ...)
{
	char	buf[1024], *msg = buf;
	va_list	ap;
	int	len;
	size_t	n;

	va_start(ap, fmt);
	len = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	if ((size_t)len >= sizeof buf && (msg = malloc((size_t)len + 1)) != NULL) {
		va_start(ap, fmt);
		vsnprintf(msg, (size_t)len + 1, fmt, ap);
		va_end(ap);
	} else if (msg == NULL)
		msg = buf;	/* out of memory: the truncated message */
	n = strlen(msg);
	if (n > 0 && msg[n - 1] == '\n') {
		msg[n - 1] = '\0';
		diag_fputs(msg, fp);
		putc('\n', fp);
	} else
		diag_fputs(msg, fp);
	if (msg != buf)
		free(msg);
}

static void
diag_print1(const struct diag *e, FILE *fp)
{
	if (e->file != NULL) {
		diag_fputs(e->file, fp);
		if (e->line > 0)
			fprintf(fp, ":%d", e->line);
		if (e->line > 0 && e->col > 0)
			fprintf(fp, ":%d", e->col);
		fputs(": ", fp);
	}
	diag_fputs(e->msg, fp);
	putc('\n', fp);
}

void
diags_print(const struct diags *d, FILE *fp)
{
	struct diag_key	*k;
	size_t		 i, j, nf, first[DIAG_MAXFILES];

	if (d->n == 0)
		return;
	if ((k = calloc(d->n, sizeof *k)) == NULL) {
		for (i = 0; i < d->n; i++)	/* unsorted beats nothing */
			diag_print1(&d->v[i], fp);
		return;
	}
	/* the files in order of first appearance: few, so a short scan */
	for (i = 0, nf = 0; i < d->n; i++) {
		k[i].idx = i;
		k[i].d = &d->v[i];
		k[i].fileord = i;
		for (j = 0; j < nf; j++) {
			if (diag_samefile(d->v[first[j]].file, d->v[i].file)) {
				k[i].fileord = first[j];
				break;
			}
		}
		if (j == nf && nf < DIAG_MAXFILES)
			first[nf++] = i;
	}
	qsort(k, d->n, sizeof *k, diag_cmp);
	for (i = 0; i < d->n; i++)
		diag_print1(k[i].d, fp);
	free(k);
}

void
diags_release(struct diags *d)
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
