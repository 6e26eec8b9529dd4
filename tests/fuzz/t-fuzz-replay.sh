#!/bin/sh
# t-fuzz-replay.sh - every fuzz harness runs over its seeds and its committed
# corpus (tests/fuzz/corpus/HARNESS, which holds the inputs that found bugs)
# without crashing; the harnesses abort on a broken contract (a rejected input
# without a message, a non-finite value, an incomplete weather year).
. "${top_srcdir:-.}/tests/cli/lib.sh"

F=$top_builddir/tests/fuzz
C=$top_srcdir/tests/fuzz/corpus
replay()	# HARNESS INPUTS... (and the committed corpus of HARNESS, if any)
{
	h=$1
	shift
	[ -d "$C/$h" ] && set -- "$@" "$C/$h"
	"$F/replay-$h" "$@" >"$T/out" 2>"$T/err"
	r=$?
	is "$r" 0 "replay-$h: $(cat "$T/out")"
	[ "$r" = 0 ] || diag "$(tail -n 20 "$T/err")"
}

replay site "$top_srcdir"/examples/*.yaml "$top_srcdir"/tests/data/bad/*.yaml \
    "$top_srcdir"/tests/data/sites/*.yaml
replay model "$top_srcdir"/models/*.yaml "$top_srcdir"/tests/data/models-extra/*.yaml
replay epw "$top_srcdir"/tests/data/*.epw
replay units
done_testing
