#!/bin/sh
# t-cli-risk-cost.sh - dcplan risk --cost-trials: the cost of the build and
# first year over the first N trials (dcplan(1) risk).  Without uncertainty
# every costed trial is the plan, so each figure is plan's total exactly; the
# same bytes at 1 and 2 threads; shards merged equal one run (JSON, CSV); the
# costed trials are at most --trials; a site without prices and a run without
# --cost-trials say why there is no table; a bad count is a usage error.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
E=$DATA/sites/econ-tl.yaml
M=$top_srcdir/examples/colossus-memphis.yaml
row='.total_cost.summary.rows'

# 1. no uncertainty: each costed trial is the plan
total=$("$DCPLAN" -q -f json plan "$E" | jq -r '.costs.total')
"$DCPLAN" -q -f json risk --trials 10 --cost-trials 4 "$E" >"$T/e.json"
ok $? "econ-tl: risk --cost-trials 4 runs"
is "$(jq -r "$row"'[0] | [.[0], .[1], .[2], .[3], .[4], .[5], .[6]] |
    map(tostring) | join(" ")' "$T/e.json")" \
    "build_year 4 $total 0 $total $total $total" \
    "no uncertainty: mean, P10, P50 and P90 are plan's total, SE 0"
# with_delay: the target is never met, so each trial counts to the model's
# last day: the same value in every trial, above the build and year
is "$(jq -r "$row"'[1] | [.[0], .[1], .[3]] | map(tostring) | join(" ")' \
    "$T/e.json")" "with_delay 4 0" "with_delay: 4 trials, SE 0"
ok "$(jq -r "$row"'[1][2] > '"$total"' and ('"$row"'[1][2] == '"$row"'[1][5])' \
    "$T/e.json" | grep -qx true && echo 0 || echo 1)" \
    "with_delay: above the build and year, mean = P50"
is "$(jq -r '.total_cost.summary.units | map(tostring) | join(",")' "$T/e.json")" \
    "null,null,USD,USD,USD,USD,USD" "the costs in the site's currency"
# more costed trials than trials: all of them
"$DCPLAN" -q -f json risk --trials 3 --cost-trials 50 "$E" >"$T/e3.json"
is "$(jq -r "$row"'[0][1]' "$T/e3.json")" 3 "--cost-trials above --trials: every trial"

# 2. Memphis: threads, shards, order of the quantiles
"$DCPLAN" -q -f json risk --trials 40 --cost-trials 10 --threads 1 "$M" >"$T/m1.json"
ok $? "Memphis: risk --cost-trials 10 runs"
"$DCPLAN" -q -f json risk --trials 40 --cost-trials 10 --threads 2 "$M" >"$T/m2.json"
cmp -s "$T/m1.json" "$T/m2.json"
ok $? "1 and 2 threads: the same bytes"
ok "$(jq -r "$row"' | map(.[4] <= .[5] and .[5] <= .[6] and .[1] == 10 and
    .[3] > 0) | all' "$T/m1.json" | grep -qx true && echo 0 || echo 1)" \
    "10 trials, P10 <= P50 <= P90, a positive standard error"
for f in json csv; do
	"$DCPLAN" -q -f $f risk --trials 40 --cost-trials 10 "$M" >"$T/u.$f"
	"$DCPLAN" -q -f $f risk --trials 40 --cost-trials 10 --shard 1/2 "$M" >"$T/s1.$f"
	"$DCPLAN" -q -f $f risk --trials 40 --cost-trials 10 --shard 2/2 "$M" >"$T/s2.$f"
	"$DCPLAN" -q merge "$T/s1.$f" "$T/s2.$f" >"$T/mg.$f"
	cmp -s "$T/mg.$f" "$T/u.$f"
	ok $? "$f: shards 1/2 and 2/2 merged = one run"
done
"$DCPLAN" -q -f json risk --trials 40 --cost-trials 9 --shard 2/2 "$M" >"$T/s9.json"
"$DCPLAN" -q merge "$T/s1.json" "$T/s9.json" >/dev/null 2>"$T/err"
is "$?" 3 "shards with other --cost-trials do not merge (exit 3)"
grep -q "not a shard of the same run" "$T/err"
ok $? "... and say so"

# 3. no table, and why
"$DCPLAN" -q -f json risk --trials 5 "$E" >"$T/n.json"
is "$(jq -r '.total_cost.message' "$T/n.json")" \
    "not computed (--cost-trials N costs N trials)" \
    "without --cost-trials: a message"
"$DCPLAN" -q -f json risk --trials 5 --cost-trials 5 \
    "$DATA/sites/tl-supply.yaml" >"$T/p.json"
is "$(jq -r '.total_cost.message' "$T/p.json")" \
    "not computed: the site gives no prices" "a site without prices: a message"
"$DCPLAN" -q risk --trials 5 --cost-trials 4 "$E" >"$T/e.txt"
grep -q "^    build_year  *4 " "$T/e.txt"
ok $? "text: the build_year row"
awk 'length > 80 { bad = 1 } END { exit bad }' "$T/e.txt"
ok $? "text: at most 80 columns"

# 4. a bad count
"$DCPLAN" -q risk --cost-trials -2 "$E" >/dev/null 2>&1
is "$?" 2 "--cost-trials -2: usage error (exit 2)"
"$DCPLAN" -q risk --cost-trials x "$E" >/dev/null 2>&1
is "$?" 2 "--cost-trials x: usage error (exit 2)"
done_testing
