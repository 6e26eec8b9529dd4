#!/bin/sh
# t-cli-risk-band.sh - dcplan risk's band of GPUs online (gpus_online_band,
# --plot-kind band).  The hand case: tests/data/sites/risk-uniform.yaml has its
# 640 GPUs in one lot delivered 2024-03-01 + ceil(U(0.5 d, 20.5 d)) (online the
# same day), so P(online by 2024-03-01 + j) = (j - 0.5) / 20 for j = 1..21 and
# every level is reached on the same day: the P90 of GPUs online is 640 from
# the first day with P >= 0.1 (j = 3, P 0.125; j = 2 gives 0.075), the P50 from
# j = 11 (0.525; 0.475), the P10 from j = 19 (0.925; 0.875).  At 10000 trials the
# standard error of each share is at most 0.005, so each is 5 or more standard
# errors from the next day: the dates are exact.  The band's days also equal the
# target's (640 GPUs) met-date P10, P50 and P90 of the same run.  Then: shards
# merged equal one run byte for byte; the pictures are valid files of the asked
# size; an older merge state is refused.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
UNI=$DATA/sites/risk-uniform.yaml
MEM=$top_srcdir/examples/colossus-memphis.yaml

# ---- the hand case ----
run "$DCPLAN" -f json risk --trials 10000 --seed 7 "$UNI"
is "$rc" 0 "risk on the uniform-delay site exits 0"
cp "$T/out" "$T/u.json"
is "$(jq -r '.gpus_online.fleet_gpus' "$T/u.json")" 640 "fleet: 20 racks x 4 x 8 = 640 GPUs"
is "$(jq -r '.gpus_online.levels' "$T/u.json")" 40 "40 levels"
is "$(jq -c '.gpus_online.gpus_online_band.columns' "$T/u.json")" \
    '["date","p10","p50","p90"]' "the band's columns"
first()
{
	jq -r --arg c "$1" '.gpus_online.gpus_online_band as $t |
	    ($t.columns | index($c)) as $i |
	    [$t.rows[] | select(.[$i] == 640)][0][0]' "$T/u.json"
}
is "$(first p90)" 2024-03-04 "P90 of GPUs online is 640 from 2024-03-01 + 3 d"
is "$(first p50)" 2024-03-12 "P50 from 2024-03-01 + 11 d"
is "$(first p10)" 2024-03-20 "P10 from 2024-03-01 + 19 d"
is "$(jq -r '[.gpus_online.gpus_online_band.rows[][1:][] |
    select(. != 0 and . != 640)] | length' "$T/u.json")" 0 \
    "one lot: every quantile is 0 or the fleet"
is "$(jq -r '.gpus_online.gpus_online_band.rows[0][0]' "$T/u.json")" 2024-03-02 \
    "the first row: the first day any trial's racks come online (delay 1 d)"
is "$(jq -r '.targets.dates.rows[0][1:] | [.[0], .[1], .[3]] | join(" ")' \
    "$T/u.json" 2>/dev/null)" \
    "$(first p90) $(first p50) $(first p10)" \
    "the band's days are the 640-GPU target's met-date P10, P50, P90"
run "$DCPLAN" risk --trials 100 --seed 7 "$UNI"
like "$(cat "$T/out")" "gpus_online_band" "the text report points to the table"
is "$(awk '/^GPUs online, P10-P90 band$/ { on = 1; next } on && /^$/ { exit }
    on { n++ } END { print n + 0 }' "$T/out")" 1 \
    "the text report has one pointer line for the band, no rows"
is "$(awk 'length > 80' "$T/out" | wc -l | tr -d ' ')" 0 "the text report fits 80 columns"

# ---- shards merged equal one run (JSON and CSV carry the band) ----
"$DCPLAN" -f json risk --trials 300 --seed 3 "$MEM" >"$T/one.json"
for k in 1 2 3; do
	"$DCPLAN" -f json risk --trials 300 --seed 3 --shard "$k/3" --threads 2 "$MEM" \
	    >"$T/shard-$k.json"
done
"$DCPLAN" merge "$T"/shard-*.json >"$T/merged.json"
cmp -s "$T/one.json" "$T/merged.json"
ok $? "Memphis: three shards merged equal one run byte for byte"
is "$(jq -r '.gpus_online.gpus_online_band.rows | length > 10' "$T/one.json")" true \
    "Memphis: the band has many steps (the racks come in lots)"
is "$(jq -r '[.gpus_online.gpus_online_band.rows[] | select(.[1] > .[2] or .[2] > .[3])] |
    length' "$T/one.json")" 0 "Memphis: P10 <= P50 <= P90 on every row"
"$DCPLAN" -f json risk --trials 300 --seed 3 --threads 1 "$MEM" >"$T/t1.json"
cmp -s "$T/one.json" "$T/t1.json"
ok $? "one thread gives the same bytes"
sed 's/risk-state\/5/risk-state\/4/' "$T/shard-1.json" >"$T/old.json"
run "$DCPLAN" merge "$T/old.json" "$T/shard-2.json"
is "$rc" 3 "a risk-state/4 document is refused (exit 3)"

# ---- the pictures ----
run "$DCPLAN" risk --trials 50 --seed 1 --plot "$T/b.png" --plot-kind band "$MEM"
is "$rc" 0 "--plot-kind band exits 0"
is "$(png_size "$T/b.png")" 1200x700 "band: PNG 1200x700"
run "$DCPLAN" risk --trials 50 --seed 1 --plot "$T/b.svg" --plot-kind band \
    --plot-size 800x500 "$MEM"
is "$(svg_size "$T/b.svg")" 800x500 "band: SVG 800x500"
run "$DCPLAN" risk --trials 50 --seed 1 --plot "$T/b.pdf" --plot-kind band \
    --plot-size 720x432 "$MEM"
is "$(pdf_size "$T/b.pdf")" 720x432 "band: PDF 720x432"
done_testing
