/*
 * replay.c - run a fuzz harness once on each file named, or on each file of each
 * directory named (the corpus replay of 'make check'; no fuzzing).  Exit 0 when
 * every input returned; a crash or a sanitizer report ends the process.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int
replay_file(const char *path)
{
	FILE	*f = fopen(path, "rb");
	unsigned char *buf = NULL, *nb;
	size_t	len = 0, cap = 0, n;

	if (f == NULL) {
		perror(path);
		return -1;
	}
	for (;;) {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 65536;
			if ((nb = realloc(buf, cap)) == NULL) {
				fclose(f);
				free(buf);
				fprintf(stderr, "%s: out of memory\n", path);
				return -1;
			}
			buf = nb;
		}
		if ((n = fread(buf + len, 1, cap - len, f)) == 0)
			break;
		len += n;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

static int
names_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
main(int argc, char **argv)
{
	int	i, n = 0, bad = 0;

	for (i = 1; i < argc; i++) {
		struct stat st;
		DIR	*d;
		struct dirent *e;
		char	**names = NULL, path[4096];
		size_t	k, nn = 0;

		if (stat(argv[i], &st) != 0) {
			perror(argv[i]);
			bad = 1;
			continue;
		}
		if (!S_ISDIR(st.st_mode)) {
			bad |= replay_file(argv[i]) != 0;
			n++;
			continue;
		}
		if ((d = opendir(argv[i])) == NULL) {
			perror(argv[i]);
			bad = 1;
			continue;
		}
		while ((e = readdir(d)) != NULL) {
			char	**nv;

			if (e->d_name[0] == '.')
				continue;
			if ((nv = realloc(names, (nn + 1) * sizeof *names)) == NULL)
				break;
			names = nv;
			if ((names[nn] = strdup(e->d_name)) == NULL)
				break;
			nn++;
		}
		closedir(d);
		qsort(names, nn, sizeof *names, names_cmp);
		for (k = 0; k < nn; k++) {
			snprintf(path, sizeof path, "%s/%s", argv[i], names[k]);
			bad |= replay_file(path) != 0;
			n++;
			free(names[k]);
		}
		free(names);
	}
	printf("%d inputs replayed\n", n);
	return bad;
}
