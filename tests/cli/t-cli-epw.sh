#!/bin/sh
# t-cli-epw.sh - the layouts of real EPW files that dcplan accepts (each fixture
# in tests/data/epw/ is the two first header lines of a layout, put in front of
# the rest of tests/data/good.epw), design conditions derived from the hours by
# their ASHRAE Handbook - Fundamentals ch. 14 definition, the notes and
# warnings about a weather file, and files that are not text.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
S=$DATA/sites/epw-site.yaml
E=$DATA/epw

# splice HDR OUT: the layout's LOCATION and DESIGN CONDITIONS lines, then good.epw
splice() { { cat "$1"; sed '1,2d' "$DATA/good.epw"; } >"$2"; }
# check_csv EPW [--set...]: 'check -f csv' on the EPW site with that weather file
check_csv() { f=$1; shift; run_csv "$DCPLAN" check -f csv --set "climate.weather_file=$f" "$@" "$S"; }
val() { grep "^climate,,$1," "$T/out" | cut -d, -f4; }

# --- layouts ---
splice "$E/na-extremes.hdr" "$T/na.epw"
check_csv "$T/na.epw"
is "$rc" 0 "N_A in the extremes block: accepted"
is "$(val cooling_db_c):$(val cooling_mcwb_c)" "35.6:25.2" "N_A extremes: the cooling block is read"

splice "$E/location-11.hdr" "$T/loc11.epw"
check_csv "$T/loc11.epw"
is "$rc:$(grep -c '^climate,,station,"Testville Intl AP, TN, USA",' "$T/out")" "0:1" \
    "an 11-field LOCATION line: accepted"

splice "$E/design-2005.hdr" "$T/d2005.epw"
check_csv "$T/d2005.epw"
is "$rc" 0 "2005-layout DESIGN CONDITIONS (31 cooling values): accepted"
is "$(val cooling_db_c):$(val cooling_mcwb_c):$(val evaporation_wb_c):$(val evaporation_mcdb_c)" \
    "35.6:25.2:26.8:32.8" "2005 layout: 0.4 % values read from their columns"
is "$(val design_source)" "Climate Design Data 2005 ASHRAE Handbook" "2005 layout: its source named"

# --- no design conditions: derived from the hours ---
# 0.4 % of 8760 hours = 35 h (ASHRAE ch. 14): the design value is the 36th
# highest; the mean coincident value averages the other variable over the hours
# within 0.5 K of it.  Dry-bulb from the rows (hand-computed with sort); the
# wet-bulb of those hours from 'dcplan psychro' on each row's dry-bulb, dew
# point and pressure.
splice "$E/design-none.hdr" "$T/none.epw"
check_csv "$T/none.epw"
is "$rc" 0 "DESIGN CONDITIONS,0: accepted"
is "$(val design_source)" "derived from the hours (ASHRAE ch. 14)" "no design conditions: says they were derived"
like "$(cat "$T/err")" "the 0.4 % values were derived from its hours" "no design conditions: a note"
rows() { sed '1,8d' "$T/none.epw" | awk -F, '!($2 == 2 && $3 == 29)'; }
db04=$(rows | cut -d, -f7 | sort -g -r | sed -n 36p)
is_abs "$(val cooling_db_c)" "$db04" 0.051 "derived 0.4 % dry-bulb = the 36th highest hour ($db04)"
rows | awk -F, -v d="$db04" '$7 >= d - 0.5 && $7 <= d + 0.5 { print $7, $8, $10 }' >"$T/hot"
while read -r tdb tdp p; do
	"$DCPLAN" -f csv psychro --tdb "${tdb}degC" --tdp "${tdp}degC" --pressure "${p}Pa" |
	    tr -d '\r' | grep ',twb_c,' | cut -d, -f4
done <"$T/hot" >"$T/wb"
k=$(wc -l <"$T/wb" | tr -d ' ')
mcwb=$(awk '{ s += $1 } END { printf "%.6f", s / NR }' "$T/wb")
is_abs "$(val cooling_mcwb_c)" "$mcwb" 0.06 "derived MCWB = mean wet-bulb of the $k hours within 0.5 K"
run_csv "$DCPLAN" check -f csv --set "climate.weather_file=$T/none.epw" \
    --set climate.design.cooling_db=40degC --set climate.design.cooling_mcwb=24degC \
    --set climate.design.evaporation_wb=27degC --set climate.design.evaporation_mcdb=33degC "$S"
is "$rc:$(val cooling_db_c):$(val design_source)" "0:40:site file" "the site's design conditions override derived ones"
case $(cat "$T/err") in *derived*) r=1 ;; *) r=0 ;; esac
ok $r "no 'derived' note when the site gives them"

splice "$E/design-unknown.hdr" "$T/unknown.epw"
check_csv "$T/unknown.epw"
is "$rc:$(val design_source)" "0:derived from the hours (ASHRAE ch. 14)" \
    "a cooling block of an unknown length: derived"

# --- relative humidity above 110 %: clamped with a note ---
awk -F, 'BEGIN { OFS = "," } NR == 5000 { $9 = 182 } NR == 5001 { $9 = 150 } { print }' \
    "$DATA/good.epw" >"$T/rh.epw"
check_csv "$T/rh.epw"
is "$rc" 0 "RH 182 % and 150 %: accepted"
like "$(cat "$T/err")" "note: 2 hours with relative humidity above 110 % clamped to 100 %" \
    "RH above 110 %: a note counting the hours"
run "$DCPLAN" check -q --set "climate.weather_file=$T/rh.epw" "$S"
is "$rc:$(cat "$T/err")" "0:" "-q: no note"

# --- dew point above the dry-bulb ---
awk -F, 'BEGIN { OFS = "," } NR == 5000 { $8 = $7 + 0.3 } { print }' "$DATA/good.epw" >"$T/dp1.epw"
check_csv "$T/dp1.epw"
is "$rc" 0 "dew point 0.3 K above the dry-bulb (rounding): accepted"
like "$(cat "$T/err")" "note: 1 hour with the dew point above the dry-bulb: capped at the dry-bulb" \
    "dew point above the dry-bulb: a note"
awk -F, 'BEGIN { OFS = "," } NR == 5000 { $8 = $7 + 5 } { print }' "$DATA/good.epw" >"$T/dp5.epw"
check_csv "$T/dp5.epw"
is "$rc" 3 "dew point 5 K above the dry-bulb: exit 3"
like "$(head -1 "$T/err")" "$T/dp5.epw:5000: dew point " "dew point 5 K above: file:line"

# --- a site far from its weather station ---
run "$DCPLAN" check --set site.location.latitude=39.75deg --set site.location.longitude=-105.22deg \
    --set site.location.elevation=1730m "$S"
is "$rc" 0 "Golden, CO with a Memphis EPW: accepted"
like "$(cat "$T/err")" "warning: the weather station (Testville Intl AP, TN, USA) is 1" \
    "far from the station: a warning with the distance"
like "$(cat "$T/err")" "warning: the weather station is at 77 m, the site at 1730 m" \
    "elevation far from the station's: a warning"
run "$DCPLAN" check "$S"
is "$rc:$(cat "$T/err")" "0:" "the site at its station: no warning"

# --- files that are not text ---
run timeout 10 "$DCPLAN" check --set climate.weather_file=/dev/zero "$S"
is "$rc" 3 "/dev/zero as the weather file: exit 3, no hang"
is "$(head -1 "$T/err")" "/dev/zero:1: NUL byte in column 1: not a text file" "/dev/zero: says why"
{ sed -n 1,100p "$DATA/good.epw"; printf '1991,1,5,5,60,*,1.8,\0009.9,79\n'; } >"$T/nul.epw"
run "$DCPLAN" check --set "climate.weather_file=$T/nul.epw" "$S"
is "$rc:$(head -1 "$T/err")" "3:$T/nul.epw:101: NUL byte in column 21: not a text file" \
    "a NUL byte in a row: its line and column"
head -c 2000000 /dev/zero | tr '\0' 'a' >"$T/long.epw"
run "$DCPLAN" check --set "climate.weather_file=$T/long.epw" "$S"
is "$rc:$(head -1 "$T/err")" "3:$T/long.epw:1: line too long (more than 1048574 bytes)" \
    "a file that never ends a line: line too long"

# --- check prints an EPW climate's design conditions ---
check_csv "$(cd "$DATA" && pwd)/good.epw"
is "$(val cooling_db_c):$(val cooling_mcwb_c):$(val evaporation_wb_c):$(val evaporation_mcdb_c)" \
    "35.6:25.2:26.8:32.8" "check prints the EPW's design conditions"
is "$(val design_source)" "Climate Design Data 2009 ASHRAE Handbook" "and their source"

done_testing
