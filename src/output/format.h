/*
 * format.h - the output formats every writer of the output layer offers.
 */
#ifndef DCPLAN_FORMAT_H
#define DCPLAN_FORMAT_H

enum out_format { FMT_TEXT, FMT_CSV, FMT_JSON };

#endif
