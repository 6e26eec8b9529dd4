#!/bin/sh
# t-cli-limits.sh - every fixed limit of src/engine/dclimits.h is checked when a site
# is loaded: one item past it gets a file:line:col diagnostic and exit 3 in every
# command that reads a site, with nothing on standard output.
. "${top_srcdir:-.}/tests/cli/lib.sh"

for name in limit-phases limit-chillers limit-generators limit-batteries; do
	y=$DATA/bad/$name.yaml
	sed 1d "$DATA/bad/$name.expect" | subst @FILE@ "$y" >"$T/want"
	for cmd in check capacity simulate timeline plan; do
		run "$DCPLAN" $cmd "$y"
		[ "$rc" = 3 ] && cmp -s "$T/err" "$T/want"
		st=$?
		ok $st "$name: $cmd exits 3 with the diagnostic"
		[ $st -ne 0 ] && diag "exit $rc: $(head -3 "$T/err")"
		is "$(wc -c <"$T/out" | tr -d ' ')" 0 "$name: $cmd writes nothing on stdout"
	done
done

# At the limit itself the site loads: 64 phases, 16 chiller groups.
sed '/- name: hall65/,/rate: 1 \/d/d' "$DATA/bad/limit-phases.yaml" >"$T/p64.yaml"
run "$DCPLAN" check "$T/p64.yaml"
is "$rc" 0 "64 phases: check exits 0"
run "$DCPLAN" simulate --from 2024-07-01 --to 2024-07-02 "$T/p64.yaml"
is "$rc" 0 "64 phases: simulate exits 0"
done_testing
