/*
 * file.c - output files written whole: a temporary file in the target's directory,
 * renamed over the target on success (see file.h).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"

/*
 * The mode a new file gets from open(2) with 0666, as a shell redirection gives it:
 * mkstemp() creates 0600.  umask() can only be read by setting it, so set it back at
 * once; this is the command layer, run once per process, not the engine.
 */
static mode_t
output_new_mode(void)
{
	mode_t	mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

/* Symbolic links followed before giving up, as the kernel's own limit (ELOOP). */
#define OUTPUT_MAX_LINKS	40

/*
 * The file a path names once its symbolic links are followed, as a shell
 * redirection writes through a link: a link to a file that does not exist yet
 * names that file.  A relative link is relative to the link's directory.  Only
 * the last component is followed; the kernel follows the directories.  A
 * malloc'ed path, or NULL with errno set.
 */
static char *
output_follow(const char *path)
{
	char	*cur, *next, target[PATH_MAX], *slash;
	struct stat st;
	ssize_t	n;
	size_t	dlen;
	int	i;

	if ((cur = strdup(path)) == NULL)
		return NULL;
	for (i = 0; i < OUTPUT_MAX_LINKS; i++) {
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;	/* absent or not a link: this file */
		if ((n = readlink(cur, target, sizeof target - 1)) < 0)
			goto fail;
		target[n] = '\0';
		slash = strrchr(cur, '/');
		dlen = target[0] == '/' || slash == NULL ? 0 :
		    (size_t)(slash - cur) + 1;
		if ((next = malloc(dlen + (size_t)n + 1)) == NULL)
			goto fail;
		memcpy(next, cur, dlen);
		memcpy(next + dlen, target, (size_t)n + 1);
		free(cur);
		cur = next;
	}
	errno = ELOOP;
fail:
	i = errno;
	free(cur);
	errno = i;
	return NULL;
}

/*
 * A temporary name in the directory of path: ".dcplan-XXXXXX" there, short
 * whatever the length of the target's own name (a name of NAME_MAX bytes
 * would not leave room for a suffix).
 */
static char *
output_tmp_name(const char *path)
{
	static const char base[] = ".dcplan-XXXXXX";
	const char *slash = strrchr(path, '/');
	size_t	dlen = slash == NULL ? 0 : (size_t)(slash - path) + 1;
	char	*t;

	if ((t = malloc(dlen + sizeof base)) == NULL)
		return NULL;
	memcpy(t, path, dlen);
	memcpy(t + dlen, base, sizeof base);
	return t;
}

/*
 * The process's standard output policy, set once by the command line: with
 * hold, stdout outputs are held until committed (output_open_buffered); a
 * commit to stdout is remembered.  Command-line state, not the engine's.
 */
static int hold_stdout, stdout_committed;

void
output_hold_stdout(int on)
{
	hold_stdout = on;
}

int
output_stdout_committed(void)
{
	return stdout_committed;
}

int
output_open(struct output *o, const char *path)
{
	struct stat st;
	mode_t	mode;
	int	fd, e;

	memset(o, 0, sizeof *o);
	if (path == NULL || strcmp(path, "-") == 0) {
		if (hold_stdout)
			return output_open_buffered(o);
		o->fp = stdout;
		return 0;
	}
	/* -o LINK writes to the link's target and leaves the link */
	if ((o->path = output_follow(path)) == NULL)
		goto fail;
	path = o->path;
	mode = output_new_mode();
	if (stat(path, &st) == 0) {
		if (!S_ISREG(st.st_mode)) {
			/*
			 * A FIFO, a device (/dev/null, /dev/stdout) or the like:
			 * renaming a temporary file over it would replace it, so
			 * write into it directly, as a shell redirection does.  No
			 * atomicity is possible here: a reader may see a partial
			 * result when the command fails half-way.
			 */
			if ((fd = open(path, O_WRONLY | O_TRUNC | O_NOCTTY)) == -1)
				goto fail;
			if ((o->fp = fdopen(fd, "w")) == NULL) {
				e = errno;
				close(fd);
				errno = e;
				goto fail;
			}
			return 0;
		}
		/* replacing a regular file keeps its permissions */
		mode = st.st_mode & 0777;
	}
	if ((o->tmp = output_tmp_name(path)) == NULL)
		goto fail;
	if ((fd = mkstemp(o->tmp)) == -1)
		goto fail;
	/* Best effort: a file system without modes (vfat) refuses, and 0600 is safe. */
	(void)fchmod(fd, mode);
	if ((o->fp = fdopen(fd, "w")) == NULL) {
		e = errno;
		close(fd);
		unlink(o->tmp);
		errno = e;
		goto fail;
	}
	return 0;
fail:
	e = errno;
	free(o->path);
	free(o->tmp);
	o->path = o->tmp = NULL;
	errno = e;
	return -1;
}

/*
 * Held output goes to an anonymous temporary file (tmpfile(3): unlinked at
 * once, gone when closed), so that a streamed year of JSON keeps the memory
 * flat; memory only when no temporary file can be made.
 */
int
output_open_buffered(struct output *o)
{
	memset(o, 0, sizeof *o);
	o->buffered = 1;
	if ((o->fp = tmpfile()) != NULL)
		return 0;
	if ((o->fp = open_memstream(&o->buf, &o->len)) == NULL)
		return -1;
	o->buffered = 2;
	return 0;
}

/* Copy the held output to stdout; 0 or -1 with errno. */
static int
output_release_held(struct output *o)
{
	char	chunk[65536];
	size_t	n;
	int	rc = 0, e = 0;

	errno = 0;
	if (o->buffered == 2) {
		if (fclose(o->fp) != 0 || o->buf == NULL) {
			e = errno ? errno : ENOMEM;
			rc = -1;
		} else if (o->len > 0 && fwrite(o->buf, 1, o->len, stdout) != o->len) {
			e = errno ? errno : EIO;
			rc = -1;
		}
		free(o->buf);
	} else {
		if (fflush(o->fp) != 0 || ferror(o->fp) || fseek(o->fp, 0, SEEK_SET) != 0) {
			e = errno ? errno : EIO;
			rc = -1;
		}
		while (rc == 0 && (n = fread(chunk, 1, sizeof chunk, o->fp)) > 0)
			if (fwrite(chunk, 1, n, stdout) != n) {
				e = errno ? errno : EIO;
				rc = -1;
			}
		if (rc == 0 && ferror(o->fp)) {
			e = errno ? errno : EIO;
			rc = -1;
		}
		fclose(o->fp);
	}
	if (rc == 0 && fflush(stdout) != 0) {
		e = errno ? errno : EIO;
		rc = -1;
	}
	memset(o, 0, sizeof *o);
	errno = e;
	return rc;
}

int
output_commit(struct output *o)
{
	int	rc = 0, e = 0;

	if (o->fp == NULL)
		return 0;
	if (o->buffered || o->path == NULL)
		stdout_committed = 1;
	if (o->buffered)
		return output_release_held(o);
	if (o->path == NULL) {
		if (fflush(stdout) != 0 || ferror(stdout)) {
			e = errno ? errno : EIO;
			rc = -1;
		}
		o->fp = NULL;
		errno = e;
		return rc;
	}
	errno = 0;
	if (fflush(o->fp) != 0 || ferror(o->fp)) {
		e = errno ? errno : EIO;
		rc = -1;
	}
	/* fsync() only a file we rename: it fails with EINVAL on a FIFO or a tty */
	if (rc == 0 && o->tmp != NULL && fsync(fileno(o->fp)) != 0) {
		e = errno;
		rc = -1;
	}
	if (fclose(o->fp) != 0 && rc == 0) {
		e = errno;
		rc = -1;
	}
	o->fp = NULL;
	if (o->tmp != NULL) {
		if (rc == 0 && rename(o->tmp, o->path) != 0) {
			e = errno;
			rc = -1;
		}
		if (rc != 0)
			unlink(o->tmp);
	}
	free(o->path);
	free(o->tmp);
	o->path = o->tmp = NULL;
	errno = e;
	return rc;
}

void
output_abort(struct output *o)
{
	if (o->fp != NULL && o->buffered) {
		fclose(o->fp);
		free(o->buf);	/* NULL unless held in memory */
	} else if (o->fp != NULL && o->path != NULL) {
		fclose(o->fp);
		if (o->tmp != NULL)
			unlink(o->tmp);
	}
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof *o);
}
