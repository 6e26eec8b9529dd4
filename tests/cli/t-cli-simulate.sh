#!/bin/sh
# t-cli-simulate.sh - "dcplan simulate": the CSV time series (RFC 4180, units in
# the column names, ISO 8601 times, a row per step of every calendar day), the JSON
# document, the text summary and its agreement with the rows, determinism, the
# options and their errors, atomic -o, an EPW-driven site checked hour by hour
# against the EPW rows, bad weather files, and constant memory while streaming.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
S=$top_srcdir/examples/colossus-memphis.yaml
E=$DATA/sites/epw-site.yaml
# the simulated hours are local standard time; LC_ALL=C is the reference output
LC_ALL=C
export LC_ALL

# csv_scan FILE STEP_MINUTES: facts about a simulate CSV into $T/scan, one
# "key value" a line: rows, days, first and last time, and for each property a
# count of offending rows (bad_KEY) with the first of them (first_KEY):
#   fields  a row without the header's number of fields
#   time    not YYYY-MM-DD HH:MM (local standard time, as spreadsheets read a
#           date-time) followed by the UTC offset in minutes, an integer
#   order   a date not after the previous one
#   seq     HH:MM is not the k-th step of the day
#   short   a day without 1440 / STEP rows
#   mode    cooling_mode not FC, PMC or FMC
#   num     a number field that is not [-]digits[.digits] (empty only for pue
#           while it_mw is 0); the clamp columns true or false
csv_scan()
{
	tr -d '\r' <"$1" | awk -F, -v step="$2" '
	function bad(k, msg) { if (nbad[k]++ == 0) first[k] = "line " NR ": " msg }
	function endday() { if (day != "" && k != 1440 / step) bad("short", day ": " k " rows") }
	NR == 1 { nf = NF; for (i = 1; i <= NF; i++) col[$i] = i; next }
	{
		rows++
		if (NF != nf) bad("fields", NF " fields, not " nf)
		t = $1
		if (t !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]$/ ||
		    $2 !~ /^-?[0-9]+$/)
			bad("time", t "," $2)
		d = substr(t, 1, 10)
		if (d != day) {
			endday()
			if (day != "" && d <= day) bad("order", d " after " day)
			day = d; days++; k = 0
		}
		want = sprintf("%02d:%02d", int(k * step / 60), (k * step) % 60)
		if (substr(t, 12, 5) != want) bad("seq", substr(t, 12, 5) " for " want)
		k++
		for (i = 2; i <= NF; i++) {
			if (i == col["cooling_mode"]) {
				if ($i != "FC" && $i != "PMC" && $i != "FMC") bad("mode", $i)
				continue
			}
			if (i == col["power_basis"]) {
				# it.workload.power: which IT power the row uses
				if ($i != "expected" && $i != "nameplate") bad("mode", $i)
				continue
			}
			if ($i == "" && i == col["pue"] && $(col["it_mw"]) + 0 == 0)
				continue
			if (i == col["chiller_curves_clamped_chw"] ||
			    i == col["chiller_curves_clamped_cw"]) {
				if ($i != "true" && $i != "false") bad("num", "field " i " = \"" $i "\"")
				continue
			}
			if ($i !~ /^-?[0-9]+(\.[0-9]+)?(e[-+][0-9]+)?$/)
				bad("num", "field " i " = \"" $i "\"")
		}
		if (firstt == "") firstt = t
		lastt = t
	}
	END {
		endday()
		printf "rows %d\ndays %d\nfirst %s\nlast %s\n", rows, days, firstt, lastt
		split("fields time order seq short mode num", keys, " ")
		for (j = 1; j <= 7; j++)
			printf "bad_%s %d\nfirst_%s %s\n", keys[j], nbad[keys[j]], keys[j], first[keys[j]]
	}' >"$T/scan"
}

# fact KEY: its value in $T/scan
fact()
{
	awk -v k="$1" '$1 == k { sub(/^[^ ]* ?/, ""); print; exit }' "$T/scan"
}

# clean KEY DESC: no row offends property KEY
clean()
{
	is "$(fact "bad_$1")" 0 "$2"
	[ "$(fact "bad_$1")" = 0 ] || diag "first: $(fact "first_$1")"
}

# colnum NAME FILE: the 1-based column of NAME in the CSV header
colnum()
{
	head -1 "$2" | tr -d '\r' | tr ',' '\n' | awk -v n="$1" '$0 == n { print NR; exit }'
}

# text_num LABEL UNIT FILE: the number of the text summary line "  LABEL  N UNIT"
text_num()
{
	awk -v l="$1" -v u="$2" '{
		line = $0
		sub(/^ +/, "", line)
		if (index(line, l) != 1) next
		rest = substr(line, length(l) + 1)
		if (rest !~ /^  */) next
		sub(/^ */, "", rest)
		num = rest
		sub(/ .*/, "", num)
		unit = substr(rest, length(num) + 2)
		if (unit == u) { print num; exit }
	}' "$3"
}

# near A B TOL: |A - B| <= TOL
near()
{
	awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; if (d < 0) d = -d
	    exit !(a != "" && b != "" && d <= t) }'
}

# --- by default the summary starts when the site exists: Memphis's first
# equipment in service is the utility feed on 2024-06-01 (nothing before it) ---
run "$DCPLAN" simulate "$S"
like "$(head -1 "$T/out")" "simulation 2024-06-01 to 2024-12-31" \
    "default window: from the first equipment in service (the feed, 2024-06-01)"
like "$(grep "with unmet cooling" "$T/out")" " 0.0 h" \
    "default window: no 'unmet cooling' before anything is built"

# --- CSV: a full year at 1 h, 2024 (the example's simulation.year) ---
run "$DCPLAN" simulate -f csv --from 2024-01-01 "$S"
is "$rc" 0 "csv: exit 0"
[ ! -s "$T/err" ]
ok $? "csv: nothing on standard error"
cp "$T/out" "$T/y.csv"
lf_ok "$T/y.csv"
ok $? "csv: every record ends in LF"
run "$DCPLAN" --crlf simulate -f csv --from 2024-07-01 --to 2024-07-01 "$S"
crlf_ok "$T/out"
ok $? "csv --crlf: every record ends in CR LF (RFC 4180)"
hdr=$(head -1 "$T/y.csv" | tr -d '\r')
for c in time it_mw facility_mw pue chillers_mw tower_fans_mw pumps_mw cooling_mode \
    water_m3_per_step tdb_c twb_c unmet_cooling_mw grid_mw generation_mw battery_mw \
    battery_soc_pct unserved_mw heat_rejected_mw evaporation_m3_per_step \
    unmet_rejection_mw chiller_curves_clamped_chw chiller_curves_clamped_cw \
    power_basis; do
	case ,$hdr, in
	*,$c,*) ok 0 "csv header names $c" ;;
	*) ok 1 "csv header names $c"; diag "header: $hdr" ;;
	esac
done
# every quantity carries its unit in its name; only these four have none
nounit=$(printf '%s\n' "$hdr" | tr ',' '\n' | grep -v -e '_mw$' -e '_c$' -e '_m3$' \
    -e '_pct$' -e '_m3_per_step$' | tr '\n' ' ')
is "$nounit" "time time_utc_offset_min gpus_online pue cooling_mode chiller_curves_clamped_chw chiller_curves_clamped_cw power_basis " \
    "csv: every other column ends in _mw, _c, _m3, _m3_per_step or _pct"
is "$(printf '%s\n' "$hdr" | tr ',' '\n' | sort | uniq -d)" "" "csv: no column twice"
csv_scan "$T/y.csv" 60
# 2024 is a leap year: the simulation runs calendar days, 366 x 24 = 8784 rows
is "$(fact rows)" 8784 "csv 2024 at 1 h: 366 x 24 = 8784 rows"
is "$(fact days)" 366 "csv 2024: 366 calendar days"
is "$(fact first)" "2024-01-01 00:00" "csv: first step 2024-01-01 00:00"
is "$(sed -n 2p "$T/y.csv" | cut -d, -f2)" -360 "csv: at UTC-06:00, -360 min"
is "$(fact last)" "2024-12-31 23:00" "csv: last step 2024-12-31 23:00"
is "$(grep -c '^2024-02-29 ' "$T/y.csv")" 24 "csv: Feb 29 has its 24 hours"
clean fields "csv: every row has the header's number of fields"
clean time "csv: local date-times and the UTC offset in minutes"
clean order "csv: days in order"
clean seq "csv: steps of a day at 00:00, 01:00, ... 23:00"
clean short "csv: 24 rows every day"
clean mode "csv: cooling_mode is FC, PMC or FMC"
clean num "csv: numbers are [-]digits[.digits][e+-digits]: no commas or words"
grep -qi -e nan -e inf "$T/y.csv"
is "$?" 1 "csv: no 'nan' or 'inf' anywhere"

run "$DCPLAN" simulate -f csv --step 15min --from 2024-01-01 "$S"
is "$rc" 0 "csv 15 min: exit 0"
cp "$T/out" "$T/q.csv"
csv_scan "$T/q.csv" 15
is "$(fact rows)" 35136 "csv 2024 at 15 min: 4 x 8784 = 35136 rows"
is "$(fact last)" "2024-12-31 23:45" "csv 15 min: last step 23:45"
clean fields "csv 15 min: every row has the header's number of fields"
clean seq "csv 15 min: steps of a day at 00:00, 00:15, ... 23:45"
clean short "csv 15 min: 96 rows every day"
clean num "csv 15 min: numbers only"
grep -qi -e nan -e inf "$T/q.csv"
is "$?" 1 "csv 15 min: no 'nan' or 'inf'"
is "$(head -1 "$T/q.csv")" "$(head -1 "$T/y.csv")" "csv 15 min: the same header"

run_csv "$DCPLAN" simulate -f csv --from 2025-01-01 --to 2025-12-31 "$S"
cp "$T/out" "$T/y25.csv"
csv_scan "$T/y25.csv" 60
is "$(fact rows)" 8760 "csv 2025 (not a leap year): 365 x 24 = 8760 rows"
clean short "csv 2025: 24 rows every day"
# the site's time zone is the offset of every time
run_csv "$DCPLAN" simulate -f csv --from 2025-01-01 --to 2025-01-01 \
    --set site.timezone=UTC+05:30 "$S"
is "$(sed -n 2p "$T/out" | cut -d, -f1,2)" "2025-01-01 00:00,330" \
    "csv: a positive, fractional offset +05:30 = 330 min"

# --- the locale changes nothing: the program never calls setlocale ---
run "$DCPLAN" simulate -f csv --from 2025-07-01 --to 2025-07-07 "$S"
cp "$T/out" "$T/c.csv"
run "$DCPLAN" simulate --from 2025-07-01 --to 2025-07-07 "$S"
cp "$T/out" "$T/c.text"
run env LC_ALL= LC_NUMERIC=de_DE.UTF-8 "$DCPLAN" simulate -f csv \
    --from 2025-07-01 --to 2025-07-07 "$S"
cmp_files "$T/out" "$T/c.csv" "LC_NUMERIC=de_DE.UTF-8: the same CSV"
loc=$(locale -a 2>/dev/null | grep -i -E '^(de_DE|fr_FR|it_IT|es_ES|nl_NL|ru_RU|pt_BR)\.utf-?8$' |
    head -1)
if [ -n "$loc" ]; then
	run env LC_ALL="$loc" "$DCPLAN" simulate -f csv --from 2025-07-01 --to 2025-07-07 "$S"
	cmp_files "$T/out" "$T/c.csv" "LC_ALL=$loc: the same CSV"
	run env LC_ALL="$loc" "$DCPLAN" simulate --from 2025-07-01 --to 2025-07-07 "$S"
	cmp_files "$T/out" "$T/c.text" "LC_ALL=$loc: the same text"
else
	skip "LC_ALL with a decimal-comma locale: the same CSV" "no such locale installed"
	skip "LC_ALL with a decimal-comma locale: the same text" "no such locale installed"
fi

# --- JSON ---
run "$DCPLAN" simulate -f json --from 2025-07-01 --to 2025-07-02 "$S"
is "$rc" 0 "json: exit 0"
cp "$T/out" "$T/j.json"
json_ok "$T/j.json"
ok $? "json: one balanced object"
like "$(head -3 "$T/j.json")" '"schema":	"dcplan.simulate/3"' "json: schema dcplan.simulate/3"
for k in columns rows summary; do
	grep -q "\"$k\":" "$T/j.json"
	ok $? "json: has \"$k\""
done
is "$(grep -o '\["2025-07-0[12]T' "$T/j.json" | wc -l | tr -d ' ')" 48 \
    "json: 48 rows for two days"
grep -qi -e nan -e inf "$T/j.json"
is "$?" 1 "json: no NaN or Infinity"
run "$DCPLAN" simulate -f json --from 2024-01-01 --to 2024-01-01 "$S"
grep -q '"annual":[[:space:]]*null' "$T/out"
ok $? "json: PUE with no IT load (2024-01-01, no GPUs yet) is null"
json_ok "$T/out"
ok $? "json with no IT load: one balanced object"
if command -v python3 >/dev/null 2>&1; then
	run_csv "$DCPLAN" simulate -f csv --from 2025-07-01 --to 2025-07-02 "$S"
	python3 - "$T/j.json" "$T/out" >"$T/py" 2>&1 <<'EOF'
import csv, json, sys
def no_const(c):
    raise ValueError("non-standard JSON constant " + c)
doc = json.load(open(sys.argv[1]), parse_constant=no_const)
rows = list(csv.reader(open(sys.argv[2], newline="")))
assert doc["schema"] == "dcplan.simulate/3", doc["schema"]
# CSV splits the ISO time into the local date-time and the offset in minutes
assert ["time", "time_utc_offset_min"] + doc["columns"][1:] == rows[0], (doc["columns"], rows[0])
assert len(doc["rows"]) == len(rows) - 1 == 48, len(doc["rows"])
for j, c in zip(doc["rows"], rows[1:]):
    assert len(j) == len(doc["columns"]), j
    t = j[0]
    off = (1 if t[16] == "+" else -1) * (int(t[17:19]) * 60 + int(t[20:22]))
    assert c[0] == t[:10] + " " + t[11:16] and int(c[1]) == off, (t, c[:2])
    for name, a, b in zip(doc["columns"][1:], j[1:], c[2:]):
        if isinstance(a, bool):
            assert b == ("true" if a else "false"), (name, a, b)
        elif isinstance(a, str):
            assert a == b, (name, a, b)
        elif a is None:
            assert b == "", (name, a, b)
        else:
            # full precision: the CSV number reads back to the JSON number exactly
            assert a == float(b), (name, a, b)
s = doc["summary"]
for k in ("energy", "pue", "peak", "water", "hours", "supply", "weather"):
    assert k in s, k
h = s["hours"]
assert abs(h["free_cooling_h"] + h["partial_h"] + h["mechanical_h"] - 48) < 0.05, h
print("ok")
EOF
	is "$(cat "$T/py")" ok "json (python3): columns and rows equal the CSV's exactly, the summary's sections, 48 h"
	[ "$(cat "$T/py")" = ok ] || diag "$(cat "$T/py")"
else
	skip "json (python3): columns and rows equal the CSV's" "no python3"
fi

# --- text summary, and its agreement with the rows of the same year ---
run "$DCPLAN" simulate --from 2024-01-01 "$S"
is "$rc" 0 "text: exit 0"
cp "$T/out" "$T/y.text"
like "$(head -1 "$T/y.text")" "simulation 2024-01-01 to 2024-12-31, 60 min steps" "text: title"
for l in "PUE (energy-weighted)" "WUE" "full free cooling (FC)" \
    "partial free cooling (PMC)" "mechanical (FMC)" "peak facility power"; do
	grep -q "^  $l " "$T/y.text"
	ok $? "text: '$l'"
done
m3=$(text_num total m3 "$T/y.text")
gal=$(text_num total "US gal" "$T/y.text")
wue=$(text_num WUE L/kWh "$T/y.text")
pue=$(text_num "PUE (energy-weighted)" "" "$T/y.text")
fc=$(text_num "full free cooling (FC)" h "$T/y.text")
pmc=$(text_num "partial free cooling (PMC)" h "$T/y.text")
fmc=$(text_num "mechanical (FMC)" h "$T/y.text")
peak=$(text_num "peak facility power" MW "$T/y.text")
peakt=$(awk '/^  peak facility power/ { getline; print $2; exit }' "$T/y.text")
itm=$(text_num IT MWh "$T/y.text")
facm=$(text_num facility MWh "$T/y.text")
ok "$([ -n "$m3" ] && [ -n "$gal" ]; echo $?)" "text: water in m3 ($m3) and US gal ($gal)"
ok "$([ -n "$wue" ]; echo $?)" "text: WUE in L/kWh ($wue)"
ok "$([ -n "$pue" ]; echo $?)" "text: PUE ($pue)"
# 1 US gal = 3.785411784 L (NIST SP 811); m3 is rounded to 1 m3
near "$(awk -v g="$gal" 'BEGIN { printf "%.4f", g * 3.785411784e-3 }')" "$m3" 0.51
ok $? "text: $gal US gal x 3.785411784 L = $m3 m3"
is "$(awk -v a="$fc" -v b="$pmc" -v c="$fmc" 'BEGIN { printf "%.1f", a + b + c }')" \
    8784.0 "text: FC + PMC + FMC hours = 8784"
case $peakt in
2024-[01][0-9]-[0-3][0-9]T[0-2][0-9]:00-06:00) ok 0 "text: time of the peak ($peakt)" ;;
*) ok 1 "text: time of the peak"; diag "got '$peakt'" ;;
esac
# the summary from the rows: sums of MW over 1 h steps are MWh; the CSV values
# are full precision, so the sums agree to rounding of the sum itself
fcol=$(colnum facility_mw "$T/y.csv")
icol=$(colnum it_mw "$T/y.csv")
wcol=$(colnum water_m3_per_step "$T/y.csv")
mcol=$(colnum cooling_mode "$T/y.csv")
tr -d '\r' <"$T/y.csv" | awk -F, -v f="$fcol" -v i="$icol" -v w="$wcol" -v m="$mcol" '
NR > 1 { sf += $f; si += $i; sw += $w; n[$m]++; if ($f > mx) mx = $f; at[$1] = $f }
END {
	printf "fac %.3f\nit %.3f\nwater %.4f\npue %.5f\nwue %.5f\n", sf, si,
	    sw, sf / si, sw / si
	printf "FC %d\nPMC %d\nFMC %d\nmax %.4f\n", n["FC"], n["PMC"], n["FMC"], mx
	for (t in at) if (at[t] == mx) printf "maxat %s\n", t
}' >"$T/sums"
sum() { awk -v k="$1" '$1 == k { print $2; exit }' "$T/sums"; }
near "$(sum fac)" "$facm" 1
ok $? "text: facility $facm MWh = sum of facility_mw x 1 h ($(sum fac) MWh)"
near "$(sum it)" "$itm" 1
ok $? "text: IT $itm MWh = sum of it_mw x 1 h ($(sum it) MWh)"
near "$(sum water)" "$m3" 1
ok $? "text: water $m3 m3 = sum of water_m3_per_step ($(sum water) m3)"
near "$(sum pue)" "$pue" 0.0006
ok $? "text: PUE $pue = facility / IT energy of the rows ($(sum pue))"
near "$(sum wue)" "$wue" 0.0006
ok $? "text: WUE $wue L/kWh = water / IT energy of the rows ($(sum wue))"
is "$(sum FC):$(sum PMC):$(sum FMC)" "${fc%.0}:${pmc%.0}:${fmc%.0}" \
    "text: hours per cooling mode = rows per mode"
near "$(sum max)" "$peak" 0.00501
ok $? "text: peak $peak MW = the largest facility_mw ($(sum max) MW)"
peakcsv=$(printf '%s\n' "$peakt" | sed 's/T/ /; s/[-+][0-9][0-9]:[0-9][0-9]$//')
grep -q "^maxat $peakcsv\$" "$T/sums"
ok $? "text: the row at $peakt holds the largest facility_mw"

# --- determinism ---
for f in csv json text; do
	run "$DCPLAN" simulate -f $f --from 2024-08-20 --to 2024-09-10 "$S"
	cp "$T/out" "$T/d1"
	run "$DCPLAN" simulate -f $f --from 2024-08-20 --to 2024-09-10 "$S"
	cmp_files "$T/out" "$T/d1" "-f $f: two runs are byte-identical"
done
run "$DCPLAN" simulate -f csv --from 2024-01-01 "$S"
cmp_files "$T/out" "$T/y.csv" "csv: the full year again, byte-identical"

# --- --from, --to, --step, --full ---
run_csv "$DCPLAN" simulate -f csv --from 2025-07-01 --to 2025-07-02 "$S"
csv_scan "$T/out" 60
is "$(fact rows):$(fact first):$(fact last)" \
    "48:2025-07-01 00:00:2025-07-02 23:00" "--from/--to: two days, 48 rows"
run_csv "$DCPLAN" simulate -f csv --from 2025-07-01 --to 2025-07-01 "$S"
csv_scan "$T/out" 60
is "$(fact rows)" 24 "--from = --to: one day, 24 rows"
run_csv "$DCPLAN" simulate -f csv --from 2024-12-30 "$S"
csv_scan "$T/out" 60
is "$(fact rows):$(fact first):$(fact last)" \
    "48:2024-12-30 00:00:2024-12-31 23:00" "--from alone: to Dec 31 of simulation.year"
run_csv "$DCPLAN" simulate -f csv --to 2024-01-02 "$S"
csv_scan "$T/out" 60
is "$(fact rows):$(fact first)" "48:2024-01-01 00:00" "--to alone: from Jan 1"
run_csv "$DCPLAN" simulate -f csv --from 2024-12-31 --to 2025-01-01 "$S"
csv_scan "$T/out" 60
is "$(fact rows):$(fact bad_order)" "48:0" "across New Year: 48 rows in order"
run_csv "$DCPLAN" simulate -f csv --step 15min --from 2025-07-01 --to 2025-07-01 "$S"
csv_scan "$T/out" 15
is "$(fact rows):$(fact bad_seq)" "96:0" "--step 15min: 96 rows a day"
is "$(sed -n 3p "$T/out" | cut -d, -f1)" "2025-07-01 00:15" "--step 15min: second row 00:15"
wq=$(colnum water_m3_per_step "$T/out")
qwater=$(awk -F, -v c="$wq" 'NR > 1 { s += $c } END { printf "%.1f", s }' "$T/out")
run_csv "$DCPLAN" simulate -f csv --step 1h --from 2025-07-01 --to 2025-07-01 "$S"
hwater=$(awk -F, -v c="$wq" 'NR > 1 { s += $c } END { printf "%.1f", s }' "$T/out")
near "$qwater" "$hwater" "$(awk -v h="$hwater" 'BEGIN { print h * 0.01 }')"
ok $? "water_m3_per_step is per step: a day at 15 min ($qwater m3) ~ at 1 h ($hwater m3)"
# evaporation is per step too, never more than the make-up water, and its sum
# is the summary's evaporation
eq=$(colnum evaporation_m3_per_step "$T/y.csv")
awk -F, -v e="$eq" -v w="$wcol" 'NR > 1 && $e > $w + 1e-4 { bad++ } END { exit bad > 0 }' "$T/y.csv"
ok $? "evaporation_m3_per_step <= water_m3_per_step in every row"
evs=$(tr -d '\r' <"$T/y.csv" | awk -F, -v e="$eq" 'NR > 1 { s += $e } END { printf "%.1f", s }')
run "$DCPLAN" simulate "$S"
evt=$(awk '$1 == "evaporation" { print $2; exit }' "$T/out")
near "$evs" "$evt" 2
ok $? "text: evaporation $evt m3 = sum of evaporation_m3_per_step ($evs m3)"
run "$DCPLAN" simulate -f csv --step 1h --from 2025-07-01 --to 2025-07-07 "$S"
cmp_files "$T/out" "$T/c.csv" "--step 1h is the example's simulation.step"
run "$DCPLAN" simulate -f csv --step '3600 s' --from 2025-07-01 --to 2025-07-07 "$S"
cmp_files "$T/out" "$T/c.csv" "--step '3600 s' is 1 h"
gcol=$(colnum gpus_online "$T/y.csv")
run_csv "$DCPLAN" simulate -f csv --from 2024-06-01 --to 2024-06-01 "$S"
is "$(sed -n 2p "$T/out" | cut -d, -f"$gcol")" 0 "2024-06-01: no GPUs online yet"
run_csv "$DCPLAN" simulate -f csv --full --from 2024-06-01 --to 2024-06-01 "$S"
# 782 + 781 racks x 64 GPUs = 100032 GPUs
is "$(sed -n 2p "$T/out" | cut -d, -f"$gcol")" 100032 "--full: 1563 racks x 64 = 100032 GPUs"
run "$DCPLAN" simulate --full --from 2024-06-01 --to 2024-06-01 "$S"
like "$(head -1 "$T/out")" ", the finished site" "--full: said in the title"

# --- bad options: exit 2, a message, no output ---
badopt()	# DESC MESSAGE ARGS...
{
	d=$1 m=$2
	shift 2
	run "$DCPLAN" simulate -f csv "$@" "$S"
	is "$rc" 2 "$d: exit 2"
	like "$(cat "$T/err")" "$m" "$d: says so"
	[ ! -s "$T/out" ]
	ok $? "$d: no output"
}
badopt "--step 5min" "--step must be 1h or 15min" --step 5min
badopt "--step 30min" "--step must be 1h or 15min" --step 30min
badopt "--step 1kg" "--step must be 1h or 15min" --step 1kg
badopt "--to before --from" "--to is before --from" --from 2024-07-02 --to 2024-07-01
badopt "--from 2024-02-30" "--from: not a date" --from 2024-02-30
badopt "--from 2025-02-29 (not a leap year)" "--from: not a date" --from 2025-02-29
badopt "--to 2024-13-01" "--to: not a date" --to 2024-13-01
badopt "--from tomorrow" "--from" --from tomorrow
badopt "over 50 years" "longer than 50 years" --from 1950-01-01 --to 2100-01-01
run "$DCPLAN" simulate -f xml "$S"
is "$rc" 2 "-f xml: exit 2"

# --- -o: atomic; a failing run leaves nothing and keeps what was there ---
run "$DCPLAN" simulate -f csv -o "$T/o.csv" --from 2024-01-01 "$S"
is "$rc" 0 "-o: exit 0"
[ ! -s "$T/out" ]
ok $? "-o: nothing on standard output"
cmp_files "$T/o.csv" "$T/y.csv" "-o: the file holds what standard output would"
is "$(ls "$T" | grep -c 'o\.csv\.')" 0 "-o: no temporary file left"
echo precious >"$T/keep.csv"
run "$DCPLAN" simulate -f csv -o "$T/keep.csv" --set climate.weather_file=../bad-fields.epw "$E"
is "$rc" 3 "-o with bad weather: exit 3"
is "$(cat "$T/keep.csv")" precious "-o with bad weather: the old file is untouched"
run "$DCPLAN" simulate -f csv -o "$T/new.csv" --from 2024-07-02 --to 2024-07-01 "$S"
test ! -e "$T/new.csv"
ok $? "-o with a usage error: no file"
# a run that fails while writing (a file size limit: write gets EFBIG)
if (ulimit -f 64) 2>/dev/null; then
	(trap '' XFSZ; ulimit -f 64; exec "$DCPLAN" simulate -f csv -o "$T/big.csv" "$S") \
	    >"$T/out" 2>"$T/err"
	rc=$?
	is "$rc" 4 "-o, the write fails midway: exit 4"
	like "$(cat "$T/err")" "cannot write" "-o, the write fails midway: says so"
	is "$(ls "$T" | grep -c '^big\.csv')" 0 "-o, the write fails midway: no file, no temporary"
else
	skip "-o, the write fails midway" "no ulimit -f"
fi
if [ -w /dev/full ]; then
	"$DCPLAN" simulate -f csv "$S" >/dev/full 2>"$T/err"
	is "$?" 4 "standard output on a full device: exit 4"
else
	skip "standard output on a full device" "no /dev/full"
fi
run "$DCPLAN" simulate -f csv -o "$T/no/such/dir.csv" "$S"
is "$rc" 4 "-o into a missing folder: exit 4"

# --- an EPW-driven site: the weather of a step is that at its end, as EnergyPlus
# reads its weather (weather_step in weather.h, sim.c).  A step at HH:00 local
# standard time spans HH:00..HH+1:00, so an hourly step reads exactly the row of hour
# ending HH+1 (row base + HH); sub-hourly steps interpolate within the hour.  2024 is
# a leap year; the typical year has 365 days: Feb 29 reads Feb 28 and later days
# shift back one (sim_hour_of_year). ---
run "$DCPLAN" simulate -f csv --from 2024-01-01 --to 2024-07-02 "$E"
is "$rc" 0 "epw site: exit 0"
[ ! -s "$T/err" ]
ok $? "epw site: nothing on standard error"
tr -d '\r' <"$T/out" >"$T/e.csv"
csv_scan "$T/e.csv" 60
is "$(fact rows)" "$((184 * 24))" "epw site: Jan 1 to Jul 2, 2024 = 184 days"
clean num "epw site: numbers only"
tc=$(colnum tdb_c "$T/e.csv")
tdb() { awk -F, -v t="$1" -v c="$tc" '$1 == t { print $c; exit }' "$T/e.csv"; }
# good.epw rows (0-based, dry-bulb field 7): 0 = Jan 1 h1 1.8, 1 = h2 1.4,
# 4 = h5 0.6, 5 = h6 0.8, 11 = h12 9.3, 12 = h13 10.1
is_abs "$(tdb "2024-01-01 00:00")" 1.8 1e-9 "epw: Jan 1 00:00 = row 0, hour ending 1: 1.8"
is_abs "$(tdb "2024-01-01 01:00")" 1.4 1e-9 "epw: Jan 1 01:00 = row 1, hour ending 2: 1.4"
is_abs "$(tdb "2024-01-01 05:00")" 0.8 1e-9 "epw: Jan 1 05:00 = row 5: 0.8"
is_abs "$(tdb "2024-01-01 12:00")" 10.1 1e-9 "epw: Jan 1 12:00 = row 12: 10.1"
# rows 33 and 34 (Jan 2 h10, h11) are missing (99.9): filled between row 32 (h9,
# 5.1) and row 35 (h12, 9.3): 5.1 + 4.2 / 3 = 6.5 and 7.9
is_abs "$(tdb "2024-01-02 08:00")" 5.1 1e-9 "epw: Jan 2 08:00 = row 32: 5.1"
is_abs "$(tdb "2024-01-02 09:00")" 6.5 1e-9 "epw: Jan 2 09:00 = row 33, filled: 6.5"
is_abs "$(tdb "2024-01-02 10:00")" 7.9 1e-9 "epw: Jan 2 10:00 = row 34, filled: 7.9"
# Feb 28 = day 58: rows 1392 + h - 1; 1395 = h4 2.5, 1396 = h5 2.3, 1405 = h14 12.3,
# 1406 = h15 12.3
is_abs "$(tdb "2024-02-28 03:00")" 2.5 1e-9 "epw: Feb 28 03:00 = row 1395: 2.5"
is_abs "$(tdb "2024-02-28 04:00")" 2.3 1e-9 "epw: Feb 28 04:00 = row 1396: 2.3"
is_abs "$(tdb "2024-02-29 04:00")" 2.3 1e-9 "epw: Feb 29 04:00 reads Feb 28: 2.3"
is_abs "$(tdb "2024-02-29 14:00")" 12.3 1e-9 "epw: Feb 29 14:00 reads Feb 28, row 1406: 12.3"
# Mar 1 2024 = typical day 59: rows 1416 = Mar 1 h1 3.6, 1417 = h2 3.2
is_abs "$(tdb "2024-03-01 00:00")" 3.6 1e-9 "epw: Mar 1 00:00 (after Feb 29) = row 1416: 3.6"
is_abs "$(tdb "2024-03-01 01:00")" 3.2 1e-9 "epw: Mar 1 01:00 = row 1417: 3.2"
# Jul 2 2024 = typical day 182 (31+28+31+30+31+30+1): row 4368 = h1 22.6, 4369 = h2 22.2
is_abs "$(tdb "2024-07-02 00:00")" 22.6 1e-9 "epw: Jul 2 00:00 = row 4368: 22.6"
is_abs "$(tdb "2024-07-02 01:00")" 22.2 1e-9 "epw: Jul 2 01:00 = row 4369: 22.2"
# whole days against the EPW: day (typical day of year) -> first row base = 24 day,
# missing values filled as the reader does (weather_epw.c); the step at HH:00 reads
# row base + HH exactly (EnergyPlus at one step an hour)
epw_day()	# DATE TYPICAL-DAY
{
	grep "^$1 " "$T/e.csv" | awk -F, -v base=$(($2 * 24)) -v c="$tc" '
	NR == FNR { if (FNR > 8) db[nr++] = $7; next }
	!filled++ {
		# the reader fills missing values (>= 99.9) linearly between neighbours
		for (i = 0; i < nr; i++) {
			if (db[i] < 99.9) { p = i; continue }
			for (q = i; db[q] >= 99.9; q++)
				;
			for (; i < q; i++)
				db[i] = db[p] + (db[q] - db[p]) * (i - p) / (q - p)
			p = q
		}
	}
	{
		h = substr($1, 12, 2) + 0
		e = db[base + h]
		d = $c - e
		if (d < 0) d = -d
		if (d > 1e-9 && !bad++) printf "%s: %s, EPW %.12f\n", $1, $c, e
		n++
	}
	END { if (n != 24) print n " rows" }' "$DATA/good.epw" -
}
for dd in 2024-01-01:0 2024-01-02:1 2024-02-28:58 2024-02-29:58 2024-03-01:59 \
    2024-07-02:182; do
	got=$(epw_day "${dd%:*}" "${dd#*:}")
	is "$got" "" "epw: every hour of ${dd%:*} = its own EPW row"
done
# at 15 min the step 00:00..00:15 reads 00:15, 1/4 of the way from the row of hour
# ending 24 to that of hour ending 1 (EnergyPlus: weight j/N on the hour's record).
# Mar 1: rows 1415 (Feb 28 h24, 4.1) and 1416 (3.6): 4.1 - 0.5 x 1/4 = 3.975,
# 2/4: 3.85, 3/4: 3.725, 4/4: 3.6 (the hour's own record)
run_csv "$DCPLAN" simulate -f csv --step 15min --from 2024-03-01 --to 2024-03-01 "$E"
# (the CSV has full precision: each within 1e-9 K of the hand value)
got=$(awk -F, -v c="$tc" 'BEGIN { split("3.975 3.85 3.725 3.6", e, " ") }
    NR >= 2 && NR <= 5 { d = $c - e[NR - 1]; if (d < 0) d = -d
	if (d > 1e-9) printf "%s ", $c }' "$T/out")
is "$got" "" "epw 15 min: Mar 1 00:00..00:45 interpolate 4.1 -> 3.6 (3.975 3.85 3.725 3.6)"
# the file is found relative to the site file's folder, not the working directory
(cd "$T" && "$DCPLAN" simulate -f csv --from 2024-01-01 --to 2024-01-01 "$E") \
    >"$T/out" 2>"$T/err"
is "$?" 0 "epw: runs from another working directory"
is_abs "$(awk -F, -v c="$tc" '$1 == "2024-01-01 01:00" { print $c }' "$T/out")" \
    1.4 1e-9 "epw: the same weather from another working directory"

# --- bad weather through the CLI ---
run "$DCPLAN" simulate -f csv --set climate.weather_file=../bad-fields.epw "$E"
is "$rc" 3 "bad-fields.epw: exit 3"
like "$(cat "$T/err")" "bad-fields.epw:11: expected 35 fields, found 34" \
    "bad-fields.epw: the EPW file:line and what is wrong"
[ ! -s "$T/out" ]
ok $? "bad-fields.epw: no CSV at all"
run "$DCPLAN" simulate --set climate.weather_file=../no-such.epw "$E"
# EXIT_INPUT (3) today; the commands have not settled whether an unreadable weather
# file is bad input (3) or an I/O error (4)
case $rc in
3|4) ok 0 "missing weather file: exit 3 or 4 (exit $rc)" ;;
*) ok 1 "missing weather file: exit 3 or 4"; diag "exit $rc" ;;
esac
like "$(cat "$T/err")" "no-such.epw: cannot open" "missing weather file: says which and why"
[ ! -s "$T/out" ]
ok $? "missing weather file: no output"

# --- memory does not grow with the steps while streaming ---
if [ -x /usr/bin/time ] && ! (ldd "$DCPLAN" 2>/dev/null | grep -q -e asan -e tsan); then
	/usr/bin/time -f %M -o "$T/rss1" "$DCPLAN" simulate -f csv --step 15min \
	    --from 2025-07-01 --to 2025-07-01 "$S" >/dev/null 2>&1
	/usr/bin/time -f %M -o "$T/rss365" "$DCPLAN" simulate -f csv --step 15min \
	    --from 2025-01-01 --to 2025-12-31 "$S" >/dev/null 2>&1
	r1=$(tail -1 "$T/rss1") r365=$(tail -1 "$T/rss365")
	awk -v a="$r1" -v b="$r365" 'BEGIN { exit !(a > 0 && b - a <= 1024) }'
	ok $? "csv streaming: max RSS 1 day $r1 kB, 365 days at 15 min $r365 kB (<= +1 MB)"
	/usr/bin/time -f %M -o "$T/rss365" "$DCPLAN" simulate -f json --step 15min \
	    --from 2025-01-01 --to 2025-12-31 "$S" >/dev/null 2>&1
	r365=$(tail -1 "$T/rss365")
	awk -v a="$r1" -v b="$r365" 'BEGIN { exit !(a > 0 && b - a <= 1024) }'
	ok $? "json streaming: max RSS for 365 days at 15 min $r365 kB (<= +1 MB)"
else
	skip "csv streaming: max RSS" "no /usr/bin/time, or a sanitizer build"
	skip "json streaming: max RSS" "no /usr/bin/time, or a sanitizer build"
fi

done_testing
