/*
 * fuzz.h - the libFuzzer entry point every harness in tests/fuzz defines.  Built
 * with --enable-fuzzing (clang, -fsanitize=fuzzer) each harness is a fuzzer;
 * linked with replay.c instead, it runs the files it is given once each, which is
 * how 'make check' replays the corpus on any compiler.
 */
#ifndef DCPLAN_FUZZ_H
#define DCPLAN_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
