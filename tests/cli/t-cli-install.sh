#!/bin/sh
# t-cli-install.sh - make install into a DESTDIR stage: the staged binary finds
# the models installed with it; a binary with no library says where it looked;
# make uninstall removes the directories install made (issue 15).
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
S=$T/stage
if ! ${MAKE:-make} -s -C "$top_builddir" install DESTDIR="$S" >"$T/inst.log" 2>&1; then
	ok 1 "make install DESTDIR=STAGE"
	diag "$(tail -20 "$T/inst.log")"
	done_testing
fi
ok 0 "make install DESTDIR=STAGE"
bin=$(find "$S" -type f -name dcplan -perm -u+x | head -1)
ex=$(find "$S" -type f -name small-lab.yaml | head -1)
mdir=$(find "$S" -type d -name models | head -1)
{ [ -n "$bin" ] && [ -n "$ex" ] && [ -f "$mdir/doe2-centrifugal-5.50cop.yaml" ]; }
ok $? "the binary, the examples and the models are staged"
run "$bin" -f csv models list
is "$rc" 0 "the staged binary: models list exit 0"
like "$(cat "$T/out")" "doe2-centrifugal-5.50cop" "it lists the staged models"
run "$bin" check -q "$ex"
is "$rc" 0 "the staged binary checks the staged small-lab.yaml"

# a binary outside its install and build tree: no library, and it says where it looked
mkdir "$T/bin" && cp "$top_builddir/src/dcplan" "$T/bin/dcplan"
run "$T/bin/dcplan" models list
inst=$(sed -n "s/.*searched .*'\([^']*\)'; see.*/\1/p" "$T/err")
if [ -n "$inst" ] && [ -d "$inst" ]; then
	skip "no model library: says where it looked" "a library is installed in $inst"
	skip "an unknown model without a library" "a library is installed in $inst"
else
	is "$rc:$(cat "$T/err")" \
	    "0:dcplan: no equipment models found (searched '$inst'; see dcplan(1) FILES)" \
	    "models list with an empty library says so and where it looked"
	run "$T/bin/dcplan" check "$DATA/sites/minimal.yaml"
	like "$(head -1 "$T/err")" \
	    "unknown rack model 'supermicro-h100-lc-rack': no model library found (searched '$inst'" \
	    "an unknown model without a library: where it looked"
fi
mkdir "$T/none"
run env DCPLAN_MODELS_PATH="$T/none" "$T/bin/dcplan" models list
like "$(cat "$T/err")" "searched '$T/none'" "the search path lists DCPLAN_MODELS_PATH"

# make uninstall removes what install made, directories too
${MAKE:-make} -s -C "$top_builddir" uninstall DESTDIR="$S" >"$T/uninst.log" 2>&1
ok $? "make uninstall DESTDIR=STAGE"
# relative to the staged prefix: the prefix itself may be named dcplan-VERSION
# (make distcheck's _inst)
P=$(dirname "$(dirname "$bin")")
left=$(cd "$P" && find . -mindepth 1 -path "*dcplan*" | head -5)
is "$left" "" "nothing of dcplan is left in the stage"
is "$(find "$S" -type f | head -5)" "" "no file is left"

done_testing
