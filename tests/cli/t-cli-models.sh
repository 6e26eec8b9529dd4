#!/bin/sh
# t-cli-models.sh - "dcplan models": list and show the shipped library, and the model
# search path (--models-dir, then DCPLAN_MODELS_PATH, then the source tree's models/
# since the tests run uninstalled, then the installed library), with diagnostics for
# unknown and malformed models.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
MODELS=$top_srcdir/models
EXTRA=$DATA/models-extra

# the shipped model names, sorted (the list is sorted by name)
for f in "$MODELS"/*.yaml; do
	f=${f##*/}
	echo "${f%.yaml}"
done | LC_ALL=C sort >"$T/shipped"
nship=$(grep -c . "$T/shipped")

# --- models list in three formats ---
run "$DCPLAN" models list
is "$rc" 0 "models list: exit 0"
missing=0
while read -r m; do
	grep -q "^    $m  *[a-z]" "$T/out" || { diag "not listed: $m"; missing=1; }
done <"$T/shipped"
ok $missing "models list: every shipped model is listed ($nship)"
like "$(cat "$T/out")" "york-yk-4396kw-vanes          chiller" "models list: name and kind"

run_csv "$DCPLAN" models list -f csv
is "$(head -1 "$T/out")" "section,row,key,value,unit" "models list -f csv: header"
sed -n 's/^models,[0-9]*,list\.name,\(.*\),$/\1/p' "$T/out" >"$T/names"
cmp_files "$T/names" "$T/shipped" "models list -f csv: exactly the shipped models, sorted"
is "$(grep -c '^models,[0-9]*,list\.kind,' "$T/out")" "$nship" "models list -f csv: a kind each"
like "$(cat "$T/out")" "models,1,list.kind,chiller," "models list -f csv: first is a chiller"

run "$DCPLAN" -f json models list
is "$rc" 0 "models list -f json: exit 0"
like "$(head -3 "$T/out")" '"schema":	"dcplan.models/3"' "models list -f json: schema"
# a table is {columns, units, rows}, a row an array in column order
like "$(cat "$T/out")" '"columns":	["name", "kind", "description"]' \
    "models list -f json: the columns"
# rows only: the columns line is no row
is "$(grep -o '\["[a-z0-9.-]*", "[a-z]*", "' "$T/out" | grep -vc '^\["name", ')" "$nship" \
    "models list -f json: one row per model"
like "$(cat "$T/out")" '["supermicro-h100-lc-rack", "rack", ' "models list -f json: a rack"
# the JSON description is not cut to the text table's width
like "$(cat "$T/out")" '"York YK water-cooled centrifugal, 4396 kW (1250 ton), COP 6.63, R-134a, inlet guide vanes"' \
    "models list -f json: full description"

# --- models show: the figures of the York YK as published (EnergyPlus Chillers.idf) ---
run_csv "$DCPLAN" models show -f csv york-yk-4396kw-vanes
is "$rc" 0 "models show york-yk-4396kw-vanes: exit 0"
row()
{
	sed -n "s/^model,,$1,//p" "$T/out"
}
is "$(row kind)" "chiller," "show: kind"
# uninstalled, the source tree comes before any installed library
is "$(row file)" "$MODELS/york-yk-4396kw-vanes.yaml," \
    "show: read from the source tree, even with a library installed"
is "$(row capacity_mw)" "4.3958,MW" "show: 4395800 W = 4.3958 MW (one unit of power: MW)"
is "$(row capacity_given)" "true," "show: the model gives its capacity (true)"
is "$(row capacity_tons)" "" "show: no second unit of the same quantity in CSV"
is "$(row cop)" "6.63," "show: COP 6.63"
# 3.516852842 / 6.63 = 0.530445376
is_abs "$(row kw_per_ton | cut -d, -f1)" 0.530445376 1e-9 "show: 0.530445376 kW/ton"
is "$(row ref_leaving_chw_c)" "6.67,degC" "show: reference leaving chilled water"
is "$(row ref_entering_cw_c)" "26.67,degC" "show: reference entering condenser water"
is "$(row plr_min):$(row plr_max):$(row min_unloading)" "0.41,:1.06,:0.41," \
    "show: PLR 0.41..1.06, unloading 0.41"

# numbers GOT (a curve string) against WANT within relative TOL, in order
close()	# GOT WANT TOL
{
	echo "$1" | awk -v want="$2" -v tol="$3" '
	{
		sub(/;.*/, ""); gsub(/"/, "")
		n = 0
		for (i = 1; i <= NF; i++)
			if ($i ~ /^[-+]?[0-9.]/)
				got[++n] = $i + 0
		m = split(want, w, " ")
		if (n != m) {
			print "# " n " numbers, want " m
			exit 1
		}
		for (i = 1; i <= n; i++) {
			d = got[i] - w[i]
			if (d < 0) d = -d
			a = w[i] < 0 ? -w[i] : w[i]
			if (d > tol * a) {
				print "# coefficient " i ": " got[i] " != " w[i]
				exit 1
			}
		}
	}'
}
# Chillers.idf "York YK 4396kW/6.63COP/Vanes", seven significant digits
capft="0.3693621 -0.07284715 -0.004871930 0.1223355 -0.005368259 0.01035036"
eirft="0.5913358 -0.05974145 0.0008176561 0.03987353 -0.0008176694 0.001457994"
eirfplr="0.3021070 0.03103971 0.6669726"
# curve NAME [COLUMNS]: the non-empty cells of the curves table's row NAME, the
# coefficient columns c, cx, cx2, cy, cy2, cxy by default, in order
curve()
{
	awk -F, -v n="$1" -v want="${2:-c cx cx2 cy cy2 cxy}" '
	BEGIN { m = split(want, w, " ") }
	$1 == "model" && $3 == "curves.name" && $4 == n { r = $2 }
	$1 == "model" && $2 == r && r != "" && $4 != "" { v[substr($3, 8)] = $4 }
	END { for (i = 1; i <= m; i++) if (w[i] in v) printf "%s%s", o++ ? " " : "", v[w[i]] }' \
	    "$T/out"
}
close "$(curve capft)" "$capft" 1e-5
ok $? "show: CAPFT coefficients to 6 digits"
close "$(curve eirft)" "$eirft" 1e-5
ok $? "show: EIRFT coefficients to 6 digits"
close "$(curve eirfplr)" "$eirfplr" 1e-5
ok $? "show: EIRFPLR coefficients to 6 digits"
for c in capft eirft eirfplr; do
	eval "want=\$$c"
	close "$(curve $c)" "$want" 1e-12
	st=$?
	ok $st "show: $c coefficients exact"
done
is "$(curve capft 'x_min x_max y_min y_max')" "4.44 7.78 12.78 26.67" "show: CAPFT limits"
is "$(curve eirfplr 'x_min x_max')" "0.41 1.06" "show: EIRFPLR limits"
run "$DCPLAN" models show york-yk-4396kw-vanes
like "$(cat "$T/out")" "x 4.44..7.78, y 12.78..26.67" "show text: CAPFT limits"
like "$(cat "$T/out")" "p 0.41..1.06" "show text: EIRFPLR limits"

# text: no blank line above the first section; a multi-line source continues under
# the value column (2 + the widest label, 34, + 2 = column 39)
run "$DCPLAN" models show york-yk-4396kw-vanes
is "$(head -1 "$T/out")" "york-yk-4396kw-vanes" "show text: the section title first"
like "$(sed -n 2p "$T/out")" "  name                                york-yk-4396kw-vanes" \
    "show text: label and value columns"
is "$(grep -A1 '^  source  ' "$T/out" | sed -n 2p)" \
    "                                      as carried in doc/equipment.md.  [S]: an NREL dataset built from manufacturer test data;" \
    "show text: a source's second line sits under the value column"
is "$(grep -c '^$' "$T/out")" 0 "show text: no blank lines (the block's final newline dropped)"
run "$DCPLAN" models list
is "$(head -1 "$T/out")" "Equipment models" "list text: the section title first"

run "$DCPLAN" models show supermicro-h100-lc-rack
is "$rc" 0 "models show a rack: exit 0"
# 8 x 10.2 kW + 0.4 kW = 82.0 kW
like "$(cat "$T/out")" "82.0 kW" "show rack: 8 x 10.2 kW + 0.4 kW = 82.0 kW"

# --- the search path ---
orig_desc=$(sed -n 's/^description: "\(.*\)"$/\1/p' "$MODELS/yorkcalc-generic.yaml")
extra_desc="models-extra copy of yorkcalc-generic (test fixture, 6 MW cell)"
mkdir "$T/env" "$T/empty"
sed 's/^description: .*/description: "DCPLAN_MODELS_PATH copy"/' \
    "$EXTRA/yorkcalc-generic.yaml" >"$T/env/yorkcalc-generic.yaml"

desc_of()	# ARGS...: the description `models show yorkcalc-generic` prints
{
	"$@" models show -f csv yorkcalc-generic 2>&1 | tr -d '\r' |
	    sed -n 's/^model,,description,"\{0,1\}\([^"]*\)"\{0,1\},$/\1/p'
}
is "$(desc_of "$DCPLAN")" "$orig_desc" "search path: the source tree by default"
is "$(desc_of "$DCPLAN" --models-dir "$EXTRA")" "$extra_desc" "--models-dir beats the source tree"
is "$(desc_of "$DCPLAN" -M "$EXTRA")" "$extra_desc" "-M DIR: same"
is "$(DCPLAN_MODELS_PATH=$T/env desc_of "$DCPLAN")" "DCPLAN_MODELS_PATH copy" \
    "DCPLAN_MODELS_PATH beats the source tree"
is "$(DCPLAN_MODELS_PATH=$T/env desc_of "$DCPLAN" -M "$EXTRA")" "$extra_desc" \
    "--models-dir beats DCPLAN_MODELS_PATH"
is "$(DCPLAN_MODELS_PATH=$T/empty:$T/env desc_of "$DCPLAN")" "DCPLAN_MODELS_PATH copy" \
    "DCPLAN_MODELS_PATH: colon-separated, second directory"
is "$(DCPLAN_MODELS_PATH=$T/env:$EXTRA desc_of "$DCPLAN")" "DCPLAN_MODELS_PATH copy" \
    "DCPLAN_MODELS_PATH: the first directory wins"
is "$(DCPLAN_MODELS_PATH=$EXTRA:$T/env desc_of "$DCPLAN")" "$extra_desc" \
    "DCPLAN_MODELS_PATH: order matters"
is "$(DCPLAN_MODELS_PATH=$T/nonexistent:: desc_of "$DCPLAN")" "$orig_desc" \
    "DCPLAN_MODELS_PATH: missing and empty entries are skipped"
is "$(DCPLAN_MODELS_PATH=$T/empty desc_of "$DCPLAN" -M "$T/empty")" "$orig_desc" \
    "empty directories fall through to the source tree"

# a model only in the extra directory
run "$DCPLAN" models show extra-test-server
rc_no=$rc
run "$DCPLAN" models show -M "$EXTRA" extra-test-server
is "$rc_no:$rc" "3:0" "a model in --models-dir only: unknown without it, found with it"
rc_no=
run_csv env DCPLAN_MODELS_PATH="$EXTRA" "$DCPLAN" models list -f csv
is "$rc" 0 "models list with DCPLAN_MODELS_PATH: exit 0"
is "$(grep -c '^models,[0-9]*,list\.name,' "$T/out")" $((nship + 1)) \
    "models list: shipped + 1 extra; a shadowed name once"
like "$(cat "$T/out")" "list.description,\"$extra_desc\"," \
    "models list: the shadowing copy is described"

# the search path applies to site files too: a 6 MW cell instead of 5 MW
run_csv "$DCPLAN" check -f csv "$DATA/sites/minimal.yaml"
is "$(grep '^cooling,1,towers.capacity_mw,' "$T/out")" "cooling,1,towers.capacity_mw,5,MW" \
    "check: the shipped tower, 5 MW"
run_csv "$DCPLAN" check -f csv -M "$EXTRA" "$DATA/sites/minimal.yaml"
is "$(grep '^cooling,1,towers.capacity_mw,' "$T/out")" "cooling,1,towers.capacity_mw,6,MW" \
    "check -M: the extra tower, 6 MW"
run_csv "$DCPLAN" check -f csv "$DATA/sites/minimal.yaml" --models-dir "$EXTRA"
is "$(grep '^cooling,1,towers.capacity_mw,' "$T/out")" "cooling,1,towers.capacity_mw,6,MW" \
    "check SITE --models-dir: global option after the operand"

# --- unknown models ---
run "$DCPLAN" models show york-yk-4396kw-vane
is "$rc" 3 "unknown model: exit 3"
is "$(cat "$T/err")" \
    "dcplan: unknown model 'york-yk-4396kw-vane' (did you mean 'york-yk-4396kw-vanes'?)" \
    "unknown model: a suggestion"
run "$DCPLAN" models show no-such-thing-at-all
is "$rc:$(cat "$T/err")" "3:dcplan: unknown model 'no-such-thing-at-all'" \
    "unknown model without a close name"
run "$DCPLAN" models show ../models/yorkcalc-generic
is "$rc:$(cat "$T/err")" "3:dcplan: invalid model name '../models/yorkcalc-generic'" \
    "a path is not a model name"

# --- malformed model files: the diagnostics name the model file ---
mkdir "$T/bad"
cat >"$T/bad/broken-tower.yaml" <<'EOF'
kind: tower
name: broken-tower
source: test
method: yorkcalc
capacity: 5 kW/h
fan_power: 40 kW
EOF
cat >"$T/bad/syntax-tower.yaml" <<'EOF'
kind: tower
name: syntax-tower
source: [unclosed
capacity: 5 MW
EOF
cat >"$T/bad/misnamed.yaml" <<'EOF'
kind: tower
name: other-name
source: test
capacity: 5 MW
fan_power: 40 kW
EOF
cat >"$T/bad/no-kind.yaml" <<'EOF'
name: no-kind
source: test
capacity: 5 MW
EOF
: >"$T/bad/empty-model.yaml"

B=$T/bad
run "$DCPLAN" models show -M "$B" broken-tower
is "$rc" 3 "malformed model: exit 3"
is "$(cat "$T/err")" \
    "$B/broken-tower.yaml:5:11: 'capacity': unknown unit 'kW/h' for power (use W, kW, MW, GW, ton, Btu/h)" \
    "malformed model: MODEL-FILE:LINE:COL: message"
run "$DCPLAN" models show -M "$B" syntax-tower
is "$rc" 3 "model with a YAML error: exit 3"
like "$(cat "$T/err")" "$B/syntax-tower.yaml:4:" "model with a YAML error: MODEL-FILE:LINE:"
run "$DCPLAN" models show -M "$B" misnamed
is "$rc:$(cat "$T/err")" \
    "3:$B/misnamed.yaml:2:7: model name 'other-name' does not match its file name 'misnamed.yaml'" \
    "model whose name is not its file name"
run "$DCPLAN" models show -M "$B" no-kind
is "$rc:$(cat "$T/err")" "3:$B/no-kind.yaml:1:1: missing required key 'kind'" \
    "model file without a kind"
run "$DCPLAN" models show -M "$B" empty-model
is "$rc:$(cat "$T/err")" "3:$B/empty-model.yaml: empty model file" "empty model file"

# a site that uses a malformed model: the model file is named, exit 3
sed 's/model: yorkcalc-generic/model: broken-tower/' "$DATA/sites/minimal.yaml" \
    >"$T/uses-broken.yaml"
run "$DCPLAN" check -M "$B" "$T/uses-broken.yaml"
is "$rc" 3 "site using a malformed model: exit 3"
is "$(head -1 "$T/err")" \
    "$B/broken-tower.yaml:5:11: 'capacity': unknown unit 'kW/h' for power (use W, kW, MW, GW, ton, Btu/h)" \
    "site using a malformed model: the model file's line:col"

# used twice: the model file's error once, and a note at each use in the site
cat "$T/uses-broken.yaml" - >"$T/uses-broken-2.yaml" <<'EOF'
    - name: more-towers
      model: broken-tower
      count: 1
EOF
l1=$(grep -n 'model: broken-tower' "$T/uses-broken-2.yaml" | sed -n '1s/:.*//p')
l2=$(grep -n 'model: broken-tower' "$T/uses-broken-2.yaml" | sed -n '2s/:.*//p')
run "$DCPLAN" check -M "$B" "$T/uses-broken-2.yaml"
is "$rc" 3 "site using a malformed model twice: exit 3"
is "$(grep -c "^$B/broken-tower.yaml:" "$T/err")" 1 \
    "site using a malformed model twice: the model's error once"
is "$(sed -n 2,3p "$T/err")" \
"$T/uses-broken-2.yaml:$l1:14: note: model 'broken-tower' used here is invalid
$T/uses-broken-2.yaml:$l2:14: note: model 'broken-tower' used here is invalid" \
    "site using a malformed model twice: a note at each use"

# models list goes on past broken models, and then exits 3
run_csv "$DCPLAN" models list -f csv -M "$B"
is "$rc" 3 "models list with broken models: exit 3"
is "$(grep -c '^models,[0-9]*,list\.name,' "$T/out")" "$nship" \
    "models list with broken models: the good ones are still listed"
is "$(grep -c "^$B/" "$T/err")" 5 "models list with broken models: each one reported"

# --- usage errors ---
run "$DCPLAN" models
is "$rc" 2 "models without a subcommand: exit 2"
run "$DCPLAN" models frobnicate
is "$rc:$(head -1 "$T/err")" \
    "2:dcplan: unknown models subcommand 'frobnicate' (use list, show or perf)" \
    "models with an unknown subcommand: exit 2"
run "$DCPLAN" models show
is "$rc:$(head -1 "$T/err")" "2:dcplan: 'models show' needs one model NAME" \
    "models show without a name: exit 2"
run "$DCPLAN" models list extra
is "$rc" 2 "models list with an argument: exit 2"

done_testing
