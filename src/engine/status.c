/*
 * status.c - descriptions of the status codes of status.h.
 */
#include "status.h"

const char *
status_str(int status)
{
	switch (status) {
	case DC_OK:
		return "success";
	case DC_EINVAL:
		return "invalid input";
	case DC_EIO:
		return "input/output error";
	case DC_ENOMEM:
		return "out of memory";
	case DC_EDOM:
		return "outside a model's domain";
	case DC_ENOCONV:
		return "no convergence";
	case DC_EINFEASIBLE:
		return "infeasible";
	}
	return "unknown status";
}
