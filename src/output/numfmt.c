/*
 * numfmt.c - number formatting for every output format (see numfmt.h).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "numfmt.h"

void
fmt_num(char *buf, size_t len, double v, int prec)
{
	if (!isfinite(v)) {
		snprintf(buf, len, "%s", "");
		return;
	}
	snprintf(buf, len, "%.*f", prec < 0 ? 0 : prec, v);
	/* "-0.00" -> "0.00" */
	if (buf[0] == '-') {
		const char *p = buf + 1;

		while (*p == '0' || *p == '.')
			p++;
		if (*p == '\0')
			memmove(buf, buf + 1, strlen(buf));
	}
}
