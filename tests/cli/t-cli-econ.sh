#!/bin/sh
# t-cli-econ.sh - plan's costs on tests/data/sites/econ-tl.yaml against the hand
# figures in its header, and a site without prices.  (The bad-input corpus holds
# the economics diagnostics: tests/data/bad/econ-*.yaml.)
. "${top_srcdir:-.}/tests/cli/lib.sh"

site=$DATA/sites/econ-tl.yaml
run "$DCPLAN" plan -f csv "$site"
is "$rc" 1 "econ-tl: plan exits 1 (the target is never met)"
val() {	# KEY [ROW]: the value of costs,ROW,KEY in the CSV report
	awk -F, -v k="$1" -v r="${2:-}" '$1 == "costs" && $2 == r && $3 == k { print $4 }' "$T/out"
}
is "$(val energy)" 884160 "grid energy: 8841.6 MWh x 100 USD/MWh = 884160 USD"
is "$(val demand)" 130000 "demand: 13 months x 1000 kW x 10 USD/kW-month"
is "$(val fixed)" 13000 "fixed: 13 months x 1000 USD"
is "$(val fuel)" 0 "no generators, no fuel"
is "$(awk -F, '$1 == "costs" && $3 == "delay.delay_gpu_h" { print $4 }' "$T/out")" 10298328 \
    "delay: 587 GPUs x 24 h x 731 days = 10298328 GPU-hours"
is "$(awk -F, '$1 == "costs" && $3 == "delay.delay_cost" { print $4 }' "$T/out")" 20596656 \
    "delay cost: 10298328 GPU-h x 2 USD"
# the categories sum to the total
sum=$(awk -F, '$1 == "costs" && $2 == "" && $3 != "total" && $3 != "per_mwh" &&
    $3 != "per_gpu_hour" && $3 != "bridge_share" { s += $4 } END { printf "%.6f", s }' "$T/out")
is_abs "$sum" "$(val total)" 0.001 "the categories sum to the total ($sum, CSV at full precision)"

run "$DCPLAN" plan "$site"
grep -q '^Costs of the build and first year (USD)$' "$T/out"
ok $? "the text report has the costs section"
sed -n '/^Costs/,/^$/p' "$T/out" | awk 'length > 80 { bad = 1 } END { exit bad }'
ok $? "the costs section fits 80 columns"

# a site without prices: the physical plan and a note, no costs section
run "$DCPLAN" plan "$DATA/sites/tl-supply.yaml"
grep -q 'no costs computed' "$T/out"
ok $? "a site without prices says no costs were computed"
grep -q '^Costs' "$T/out"
is "$?" 1 "a site without prices has no costs section"

# Memphis: applying the printed generator fix removes exactly the delay cost the
# fix line says it removes.  On the expected draw the example's 2 Sep 2024 supply
# carries the fleet (no delay, no fix); on the nameplate it is late, so the test
# runs on the nameplate.
mem=$top_srcdir/examples/colossus-memphis.yaml
np=it.workload.power=nameplate
run "$DCPLAN" plan -f csv --set "$np" "$mem"
removes=$(awk -F, '$1 == "costs" && $2 == 1 && $3 == "fixes.removes" { print $4; exit }' "$T/out")
cost=$(awk -F, '$1 == "costs" && $2 == 1 && $3 == "fixes.cost" { print $4; exit }' "$T/out")
before=$(awk -F, '$1 == "costs" && $3 == "delay.delay_cost" { s += $4 } END { print s }' "$T/out")
set_gen=$(grep 'detail.fix_set_generators,"' "$T/out" | head -n 1 | sed 's/^[^"]*"//; s/",$//')
[ -n "$removes" ] && [ -n "$cost" ] && [ -n "$set_gen" ]
ok $? "Memphis: a generator fix with its cost ($cost) and the delay it removes ($removes)"
run "$DCPLAN" plan -f csv --set "$np" --set "$set_gen" "$mem"
after=$(awk -F, '$1 == "costs" && $3 == "delay.delay_cost" { s += $4 } END { print s }' "$T/out")
is "$(awk -v b="$before" -v a="$after" 'BEGIN { printf "%.0f", b - a }')" "$removes" \
    "Memphis: the fix applied as printed removes the delay cost it states"
done_testing
