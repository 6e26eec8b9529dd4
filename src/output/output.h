/*
 * output.h - the output layer in one include: output files written whole
 * (file.h), reports (report.h), streamed tables (table.h) and number formatting
 * (numfmt.h), each as text, CSV (RFC 4180) or JSON (format.h).
 */
#ifndef DCPLAN_OUTPUT_H
#define DCPLAN_OUTPUT_H

#include "format.h"
#include "file.h"
#include "doc.h"
#include "numfmt.h"
#include "report.h"
#include "table.h"

#endif
