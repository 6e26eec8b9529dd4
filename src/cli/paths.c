/*
 * paths.c - the search-path policy for the equipment library (see paths.h).
 * This is the only place that reads DCPLAN_MODELS_PATH or asks where the running
 * binary is: the library (src/input/library.c) takes the list it is given.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"

static int
is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int
add(struct paths *p, const char *d, size_t len)
{
	char	**v, *s;

	if (len == 0)
		return 0;
	if ((s = strndup(d, len)) == NULL)
		return -1;
	if ((v = realloc(p->dirs, (p->n + 1) * sizeof *v)) == NULL) {
		free(s);
		return -1;
	}
	p->dirs = v;
	p->dirs[p->n++] = s;
	return 0;
}

/* The source tree's models/ when this binary runs from its build directory (as
 * src/dcplan, or a test program under tests/), so that an uninstalled binary
 * uses the library of the code being run rather than an older installed one. */
static int
add_source_tree(struct paths *p)
{
#if defined(DCPLAN_SRCDIR) && defined(DCPLAN_BUILDDIR)
	char	exe[PATH_MAX], want[PATH_MAX], *slash;
	ssize_t	n;

	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return 0;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return 0;
	*slash = '\0';
	snprintf(want, sizeof want, "%s/src", DCPLAN_BUILDDIR);
	if (strcmp(exe, want) != 0) {
		snprintf(want, sizeof want, "%s/tests", DCPLAN_BUILDDIR);
		if (strncmp(exe, want, strlen(want)) != 0)
			return 0;
	}
	snprintf(want, sizeof want, "%s/models", DCPLAN_SRCDIR);
	if (is_dir(want))
		return add(p, want, strlen(want));
#else
	(void)p;
#endif
	return 0;
}

/*
 * The installed library, $(pkgdatadir)/models.  A binary run from a staged
 * install (make install DESTDIR=STAGE, run as STAGE$(bindir)/dcplan) uses
 * STAGE$(pkgdatadir)/models, its own, before the configured one: the staged
 * prefix is what its directory has before $(bindir).
 */
static int
add_installed(struct paths *p)
{
#if defined(DCPLAN_PKGDATADIR) && defined(DCPLAN_BINDIR)
	char	exe[PATH_MAX], want[PATH_MAX], *slash;
	size_t	el, bl = strlen(DCPLAN_BINDIR);
	ssize_t	n;

	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			el = strlen(exe);
			if (el > bl && strcmp(exe + el - bl, DCPLAN_BINDIR) == 0 &&
			    snprintf(want, sizeof want, "%.*s%s/models", (int)(el - bl),
			    exe, DCPLAN_PKGDATADIR) < (int)sizeof want && is_dir(want) &&
			    add(p, want, strlen(want)) != 0)
				return -1;
		}
	}
#endif
#ifdef DCPLAN_PKGDATADIR
	/* listed even when absent, so that a binary without a library can say
	 * where it looked (a missing directory holds no model) */
	if (add(p, DCPLAN_PKGDATADIR "/models", strlen(DCPLAN_PKGDATADIR "/models")) != 0)
		return -1;
#endif
	return 0;
}

int
paths_models(struct paths *p, const char *models_dir)
{
	const char *env = getenv("DCPLAN_MODELS_PATH"), *s, *c;

	memset(p, 0, sizeof *p);
	if (models_dir != NULL && add(p, models_dir, strlen(models_dir)) != 0)
		goto oom;
	if (env != NULL)
		for (s = env; ; s = c + 1) {
			c = strchr(s, ':');
			if (add(p, s, c ? (size_t)(c - s) : strlen(s)) != 0)
				goto oom;
			if (c == NULL)
				break;
		}
	if (add_source_tree(p) != 0)
		goto oom;
	if (add_installed(p) != 0)
		goto oom;
	return 0;
oom:
	paths_release(p);
	return -1;
}

void
paths_release(struct paths *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++)
		free(p->dirs[i]);
	free(p->dirs);
	memset(p, 0, sizeof *p);
}
