#!/bin/sh
# t-lib.sh - libdcplan as another program uses it: install into a staging
# directory, compile tests/lib/plan-example.c with `pkg-config --cflags --libs
# dcplan` from the staged dcplan.pc, run it on a hand-built site and check the
# result structs; and the installed library exports only dc_ symbols.
. "${top_srcdir:-.}/tests/cli/lib.sh"

stage=$T/stage
if ! ${MAKE:-make} -s -C "$top_builddir" install DESTDIR="$stage" >"$T/install.log" 2>&1; then
	ok 1 "make install DESTDIR=... (see log)"
	diag "$(tail -5 "$T/install.log")"
	done_testing
	exit 0
fi
ok 0 "make install into a staging directory"
pc=$(find "$stage" -name dcplan.pc | head -n 1)
[ -n "$pc" ]
ok $? "dcplan.pc is installed"
lib=$(find "$stage" -name 'libdcplan.so.*' -type f | head -n 1)
[ -n "$lib" ]
ok $? "libdcplan.so is installed"
hdr=$(find "$stage" -name dcplan.h | head -n 1)
[ -n "$hdr" ]
ok $? "dcplan.h is installed"

# only dc_ symbols are exported
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ { print $3 }' >"$T/syms"
is "$(grep -cv '^dc_' "$T/syms")" 0 "nm -D: every exported symbol starts with dc_"
grep -q '^dc_plan_run$' "$T/syms"
ok $? "nm -D: dc_plan_run is exported"

# the installed-style flags: the .pc file's own paths, under the staging root
export PKG_CONFIG_PATH="${pc%/*}" PKG_CONFIG_SYSROOT_DIR="$stage"
flags=$(pkg-config --cflags --libs dcplan)
ok $? "pkg-config --cflags --libs dcplan ($flags)"
${CC:-cc} $SAN_CFLAGS -std=c11 -Wall -Wextra -Werror -o "$T/plan-example" \
    "$top_srcdir/tests/lib/plan-example.c" $flags 2>"$T/cc.err"
st=$?
ok $st "the example program compiles against the installed header and library"
[ $st -ne 0 ] && diag "$(head -5 "$T/cc.err")"

LD_LIBRARY_PATH=${lib%/*} "$T/plan-example" "$DATA/sites/tl-supply.yaml" \
    "$top_srcdir/models" >"$T/out" 2>"$T/err"
is "$?" 0 "plan-example runs on tl-supply.yaml"
# tl-supply.yaml's hand figures: 60 racks x 32 GPUs = 1920; 750 W a GPU against
# 1 MW -> 1333 GPUs, supply binds; 1280 GPUs online on 2024-03-04.
grep -q '^site tl supply-bound, 1920 GPUs, ' "$T/out"
ok $? "dc_site_name and dc_site_gpus: 1920 GPUs"
grep -q '^design: 1333 of 1920 GPUs can run, supply binds$' "$T/out"
ok $? "dc_plan: design capacity 1333 GPUs, supply binds"
grep -q '^target first-40-racks 1280 by 2024-03-05: OK, met on 2024-03-04, ' "$T/out"
ok $? "dc_target: first-40-racks OK, met on 2024-03-04"
grep -q '^risk first-40-racks: 200 trials, P(met) 1.000 +- 0.000, P50 2024-03-04$' "$T/out"
ok $? "dc_risk_run: no uncertainty, P(met) 1 and the P50 date is plan's met date"
# the finished site for a day: 1920 GPUs x 750 W = 1.44 MW for 24 h = 34.56 MWh,
# of which 1 MW x 24 h is served: 10.56 MWh unserved
grep -q '^simulate 2024-03-20..2024-03-20: 24 h, facility 34.56 MWh, unserved 10.56 MWh$' "$T/out"
ok $? "dc_simulate: a day of the finished site, 34.56 MWh, 10.56 MWh unserved"
[ $? -eq 0 ] || diag "$(cat "$T/out")"

# an invalid site: DC_EINVAL with the loader's diagnostics
LD_LIBRARY_PATH=${lib%/*} "$T/plan-example" "$DATA/bad/unknown-key.yaml" \
    "$top_srcdir/models" >"$T/out" 2>"$T/err"
is "$?" 3 "an invalid site: dc_site_load fails with DC_EINVAL"
grep -q "unknown-key.yaml:[0-9]*:[0-9]*: unknown key" "$T/err"
ok $? "the diagnostics carry file, line and column"
done_testing
