#!/bin/sh
# t-cli-check.sh - "dcplan check" on every example and fixture site in three formats,
# hand-computed figures for the fixtures, the help texts, usage errors and exit codes,
# and byte-identical output from run to run.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
M=$DATA/sites/minimal.yaml
A=$DATA/sites/inline-anchors.yaml

# Every CSV record has the header's five fields (quotes may hold commas and newlines).
csv_ok()
{
	tr -d '\r' <"$1" | awk '
	NR == 1 { if ($0 != "section,row,key,value,unit") bad = 1; next }
	{
		rec = part == "" ? $0 : part "\n" $0
		q = 0; n = 1
		for (i = 1; i <= length(rec); i++) {
			c = substr(rec, i, 1)
			if (c == "\"") q = !q
			else if (c == "," && !q) n++
		}
		if (q) { part = rec; next }	# a newline inside quotes
		part = ""
		if (n != 5) { print "# " n " fields: " rec; bad = 1 }
		records++
	}
	END { exit bad || part != "" || records == 0 }'
}

# csv_val SECTION ROW KEY: the value column of $T/out (CRs removed)
csv_val()
{
	awk -F, -v s="$1" -v r="$2" -v k="$3" \
	    '$1 == s && $2 == r && $3 == k { print $4; exit }' "$T/out"
}

# --- every example and fixture site is valid, in every format ---
set -- "$top_srcdir"/examples/*.yaml
[ -f "$1" ] || set --
nex=$#
[ "$nex" -gt 0 ] || diag "no examples/*.yaml yet: checking the fixtures only"
for site in "$@" "$DATA"/sites/*.yaml; do
	name=${site#"$top_srcdir"/}
	for f in text csv json; do
		run "$DCPLAN" check -f $f "$site"
		is "$rc" 0 "$name -f $f: exit 0"
		[ -s "$T/out" ] && [ ! -s "$T/err" ]
		ok $? "$name -f $f: output, and nothing on standard error"
		cp "$T/out" "$T/first.$f"
		run "$DCPLAN" check -f $f "$site"
		cmp_files "$T/out" "$T/first.$f" "$name -f $f: two runs are byte-identical"
	done
	json_ok "$T/first.json"
	ok $? "$name: the JSON is one balanced object"
	csv_ok "$T/first.csv"
	ok $? "$name: every CSV record has five fields"
	lf_ok "$T/first.csv"
	ok $? "$name: CSV lines end in LF"
	case $(head -1 "$T/first.text") in
	"$site: "*" - valid") st=0 ;;
	*) st=1 ;;
	esac
	ok $st "$name: the text title reads 'SITE: NAME - valid'"
done
if [ "$nex" -gt 0 ]; then
	ok 0 "examples checked: $nex"
else
	skip "examples checked" "examples/ has no .yaml files"
fi

# --- minimal.yaml, computed by hand from the model files ---
# supermicro-h100-lc-rack: 8 x hgx-h100-lc (8 GPUs, max_power 10.2 kW) + 400 W switch
#   2 racks: 16 servers, 128 GPUs; nameplate 2 x (8 x 10200 + 400) W = 164 kW -> 0.16 MW
# delivery 1 rack a day from 2024-07-01: 2024-07-01 and 2024-07-02
# doe2-centrifugal-5.50cop has no capacity; the site gives 500 kW; 2 units at the
#   default N+1 leave 1: 0.50 MW; 500 kW / 3.5168528 kW per ton = 142.2 ton
# yorkcalc-generic: 5 MW per cell, 1 cell
run_csv "$DCPLAN" check -f csv "$M"
is "$(csv_val site "" name)" "minimal test site" "minimal: name"
is "$(csv_val site "" latitude_deg)" "35" "minimal: latitude"
is "$(csv_val climate "" source)" "built-in from monthly normals" "minimal: built-in climate"
is "$(csv_val climate "" cooling_db_c)" "35.6" "minimal: design cooling dry-bulb"
is "$(csv_val it "" racks)" 2 "minimal: 2 racks"
is "$(csv_val it "" servers)" 16 "minimal: 2 x 8 = 16 servers"
is "$(csv_val it "" gpus)" 128 "minimal: 16 x 8 = 128 GPUs"
is "$(csv_val it "" nameplate_mw)" 0.164 "minimal: 2 x (8 x 10.2 + 0.4) kW = 0.164 MW"
is "$(csv_val it 1 phases.rack)" supermicro-h100-lc-rack "minimal: phase rack model"
is "$(csv_val it 1 phases.first_delivery)" 2024-07-01 "minimal: first delivery"
is "$(csv_val it 1 phases.last_delivery)" 2024-07-02 "minimal: 1 /d -> last delivery next day"
is "$(csv_val it 1 phases.nameplate_mw)" 0.164 "minimal: phase nameplate"
is "$(csv_val supply 1 by_date.date)" 2024-01-01 "minimal: supply from the feed's in_service"
is "$(csv_val supply 1 by_date.grid_mw)" 2 "minimal: 2 MW grid"
is "$(csv_val supply 1 by_date.total_mw)" 2 "minimal: 2 MW in total"
is "$(csv_val supply 1 by_date.chillers_mw)" 0.5 "minimal: usable chillers 0.5 MW by date"
is "$(csv_val cooling 1 chillers.model)" doe2-centrifugal-5.50cop "minimal: chiller model"
is "$(csv_val cooling 1 chillers.count)" 2 "minimal: 2 chillers"
is "$(csv_val cooling 1 chillers.redundancy)" N+1 "minimal: chillers default to N+1"
is "$(csv_val cooling 1 chillers.unit_mw)" 0.5 "minimal: 500 kW per chiller, in MW"
is "$(grep -c 'unit_kw\|unit_tons' "$T/out")" 0 \
    "minimal: one unit a quantity (MW, not kW or tons) in CSV"
is "$(csv_val cooling 1 chillers.usable_mw)" 0.5 "minimal: chiller group usable 0.50 MW"
is "$(csv_val cooling "" chillers_usable_mw)" 0.5 "minimal: 1 usable x 500 kW = 0.50 MW"
is "$(csv_val cooling 1 towers.count):$(csv_val cooling 1 towers.capacity_mw)" 1:5 \
    "minimal: 1 tower cell x 5 MW"
is "$(csv_val cooling "" chw_supply_c)" 10 "minimal: default chilled water 10 degC"

run "$DCPLAN" check "$M"
like "$(cat "$T/out")" "  GPUs                        128" "minimal text: GPUs"
like "$(cat "$T/out")" "  nameplate IT power          0.16 MW" "minimal text: nameplate"
run "$DCPLAN" check -f json "$M"
like "$(cat "$T/out")" '"schema":	"dcplan.check/3"' "minimal json: schema"
like "$(cat "$T/out")" '"gpus":	128,' "minimal json: GPUs are a number"
like "$(cat "$T/out")" '"chillers_usable_mw":	0.5,' "minimal json: usable chillers"

# --- CSV for spreadsheets: a formula-like name is text, a number stays a number ---
# (OWASP "CSV Injection": '=', '+', '-', '@', tab and CR start a formula)
run_csv "$DCPLAN" check -f csv --set 'site.name="=2+3"' "$M"
is "$(grep '^site,,name,' "$T/out")" "site,,name,'=2+3," "csv: a name '=2+3' is neutralised"
run_csv "$DCPLAN" check -f csv --set 'site.name="@SUM(A1), \"x\""' "$M"
is "$(grep '^site,,name,' "$T/out")" "site,,name,\"'@SUM(A1), \"\"x\"\"\"," \
    "csv: neutralised and quoted (comma and quotes)"
run_csv "$DCPLAN" check -f csv --set 'site.name="-12.5"' "$M"
is "$(grep '^site,,name,' "$T/out")" "site,,name,-12.5," "csv: a name that is a number stays"
run_csv "$DCPLAN" check -f csv --set 'site.name="-x"' "$M"
is "$(grep '^site,,name,' "$T/out")" "site,,name,'-x," "csv: '-x' is neutralised"
run "$DCPLAN" check -f json --set 'site.name="=2+3"' "$M"
like "$(cat "$T/out")" '"name":	"=2+3"' "json: the name as it is"

# --- inline-anchors.yaml: inline models, anchors, aliases and merge keys ---
# inline server: 4 GPUs, max 3 kW, 10 per rack; phase a 3 racks, phase b (merged from a,
#   server through an alias) 2 racks: 5 racks, 50 servers, 200 GPUs;
#   nameplate 5 x 10 x 3 kW = 150 kW = 0.15 MW (a: 0.09, b: 0.06)
# feed 1 MVA x pf 0.9 = 0.9 MW from 2024-01-01; + 0.5 MW from 2024-06-01 = 1.4 MW
# inline air-cooled chiller 300 kW, 3 at N+1 -> 2 usable = 0.60 MW; 300 / 3.5168528 = 85 ton
run_csv "$DCPLAN" check -f csv "$A"
is "$rc" 0 "inline-anchors: exit 0"
is "$(csv_val it "" racks):$(csv_val it "" servers):$(csv_val it "" gpus)" "5:50:200" \
    "inline-anchors: 5 racks, 50 servers, 200 GPUs"
is "$(csv_val it "" nameplate_mw)" 0.15 "inline-anchors: nameplate 0.15 MW"
is "$(csv_val it 1 phases.nameplate_mw):$(csv_val it 2 phases.nameplate_mw)" "0.09:0.06" \
    "inline-anchors: phases 0.09 and 0.06 MW"
is "$(csv_val it 2 phases.name)" b "inline-anchors: the merged phase has its own name"
is "$(csv_val it 2 phases.rack)" "10 x test-4gpu" "inline-anchors: rack named after the server"
is "$(csv_val it 2 phases.first_delivery)" 2024-06-01 "inline-anchors: merged delivery, own start"
is "$(csv_val supply 1 by_date.grid_mw)" 0.9 "inline-anchors: 1 MVA x 0.9 = 0.9 MW"
is "$(csv_val supply 2 by_date.date)" 2024-06-01 "inline-anchors: second feed's date"
is "$(csv_val supply 2 by_date.grid_mw)" 1.4 "inline-anchors: 0.9 + 0.5 = 1.4 MW"
is "$(csv_val cooling "" chillers_usable_mw)" 0.6 "inline-anchors: 2 x 300 kW usable"
is "$(csv_val cooling 1 chillers.unit_mw)" 0.3 "inline-anchors: 300 kW = 0.3 MW"
is "$(csv_val cooling 1 towers.count)" "" "inline-anchors: air-cooled, no towers"

# --- help and version ---
run "$DCPLAN" help
is "$rc" 0 "help: exit 0"
for c in check models help; do
	grep -q "^  $c  " "$T/out"
	ok $? "help lists '$c'"
done
like "$(cat "$T/out")" "-o, --output FILE" "help lists the global options"
cp "$T/out" "$T/help"
run "$DCPLAN" --help
cmp_files "$T/out" "$T/help" "--help is help"
run "$DCPLAN" -h
cmp_files "$T/out" "$T/help" "-h is help"

run "$DCPLAN" help check
is "$rc" 0 "help check: exit 0"
is "$(head -1 "$T/out")" "usage: dcplan [global options] check SITE" "help check: usage line"
like "$(cat "$T/out")" "validate a site file" "help check: summary"
cp "$T/out" "$T/help-check"
run "$DCPLAN" check -h
is "$rc" 0 "check -h: exit 0"
cmp_files "$T/out" "$T/help-check" "check -h is help check"
run "$DCPLAN" check --help "$M"
cmp_files "$T/out" "$T/help-check" "check --help SITE: help, not a check"
run "$DCPLAN" help chek
is "$rc:$(head -1 "$T/err")" "2:dcplan: unknown command 'chek' (did you mean 'check'?)" \
    "help chek: exit 2 and a suggestion"

run "$DCPLAN" --version
is "$rc" 0 "--version: exit 0"
want=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' "$top_builddir/config.h" 2>/dev/null)
if [ -n "$want" ]; then
	is "$(head -1 "$T/out")" "dcplan $want" "--version: dcplan $want"
else
	like "$(head -1 "$T/out")" "dcplan " "--version: dcplan VERSION"
fi

# --- usage errors: exit 2, a message and the usage on standard error ---
usage_err()	# DESC WANT-LINE1 ARGS...
{
	desc=$1 want=$2
	shift 2
	run "$DCPLAN" "$@"
	is "$rc" 2 "$desc: exit 2"
	is "$(head -1 "$T/err")" "$want" "$desc: message"
	like "$(sed -n 2p "$T/err")" "usage: dcplan" "$desc: usage follows"
	is "$(wc -c <"$T/out" | tr -d ' ')" 0 "$desc: nothing on standard output"
}
usage_err "unknown command" "dcplan: unknown command 'chek' (did you mean 'check'?)" chek "$M"
usage_err "unknown command, no suggestion" "dcplan: unknown command 'frobnicate'" frobnicate
usage_err "no command" "dcplan: no command given (try 'dcplan help')"
usage_err "unknown long option" "dcplan: unknown option '--frobnicate'" check --frobnicate "$M"
usage_err "unknown short option" "dcplan: unknown option '-z'" check -z "$M"
usage_err "unknown global option" "dcplan: unknown option '--frobnicate'" --frobnicate check "$M"
usage_err "missing SITE" "dcplan: missing argument" check
usage_err "two SITEs" "dcplan: unexpected argument '$A'" check "$M" "$A"
usage_err "unknown format" "dcplan: unknown format 'xml' (use text, csv or json)" check -f xml "$M"
usage_err "option without its value" "dcplan: option '--output' needs a value (FILE)" check "$M" -o
usage_err "flag with a value" "dcplan: option '--quiet' takes no value" check --quiet=yes "$M"
usage_err "empty --output" "dcplan: empty file name for --output" check --output= "$M"

# global options before the command, after it, and --opt=value
run_csv "$DCPLAN" -f csv check "$M"
is "$rc:$(head -1 "$T/out")" "0:section,row,key,value,unit" "-f csv before the command"
run_csv "$DCPLAN" check "$M" --format=csv
is "$rc:$(head -1 "$T/out")" "0:section,row,key,value,unit" "--format=csv after the operand"
# a unique prefix names a command
run "$DCPLAN" chec -q "$M"
is "$rc" 0 "a unique prefix: 'chec' runs check"
# '--' ends the options: a site file whose name starts with '-'
cp "$M" "$T/-dash.yaml"
(cd "$T" && "$DCPLAN" check -f csv -- -dash.yaml >/dev/null 2>&1)
is "$?" 0 "'--' then a file named -dash.yaml"

done_testing
