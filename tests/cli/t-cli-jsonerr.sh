#!/bin/sh
# t-cli-jsonerr.sh - with -f json every failure (exit 2, 3, 4) is also a
# dcplan.errors/1 document on stdout (dcplan-json(5) Errors), besides the text
# on stderr, and no partial output comes before it.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
M=$DATA/sites/minimal.yaml
if ! command -v jq >/dev/null 2>&1; then
	skip "JSON errors" "no jq"
	done_testing
fi

# --- a bad key in the site file: exit 3 ---
sed 's/^  name: minimal test site$/  nmae: minimal test site/' "$M" >"$T/badkey.yaml"
run "$DCPLAN" check -f json "$T/badkey.yaml"
is "$rc" 3 "bad key: exit 3"
is "$(jq -r '.schema' "$T/out")" "dcplan.errors/1" "bad key: a dcplan.errors/1 document"
is "$(jq -c '[.exit, .dcplan.site.path, .dcplan.site.name, .dcplan.set]' "$T/out")" \
    "[3,\"$T/badkey.yaml\",null,[]]" "the head: exit, the site path, no name (not loaded), no --set"
is "$(jq -c '.errors[0]' "$T/out")" \
    "{\"file\":\"$T/badkey.yaml\",\"line\":9,\"column\":3,\"level\":\"error\",\"message\":\"unknown key 'nmae' (did you mean 'name'?)\"}" \
    "the error: file, line, column, level, message"
is "$(jq '.errors | length' "$T/out")" 2 "two errors: the misspelt key and the missing name"
is "$(jq -r '.errors[1].message' "$T/out")" "missing required key 'name'" "the second error"
like "$(cat "$T/err")" "$T/badkey.yaml:9:3: unknown key 'nmae' (did you mean 'name'?)" \
    "the text is still on stderr"
"$DCPLAN" check "$T/badkey.yaml" 2>"$T/err-text" >"$T/out-text"
cmp_files "$T/err" "$T/err-text" "stderr is the same with and without -f json"
[ ! -s "$T/out-text" ]
ok $? "without -f json nothing goes to stdout"
is "$(jq -s length "$T/out")" 1 "exactly one JSON document on stdout"

# --- a bad --set: exit 3, blamed on the --set argument ---
run "$DCPLAN" plan -f json --set site.name=x --set 'cooling.chillers[0].count=abc' "$M"
is "$rc" 3 "bad --set: exit 3"
is "$(jq -c '.errors[0] | [.file, .line, .column, .level]' "$T/out")" '["--set",2,27,"error"]' \
    "bad --set: --set:2:27"
is "$(jq -r '.errors[0].message' "$T/out")" "'count': 'abc' is not a number" "bad --set: the message"
is "$(jq -c '.dcplan.set' "$T/out")" \
    '[{"path":"site.name","value":"x"},{"path":"cooling.chillers[0].count","value":"abc"}]' \
    "the head lists the overrides"
run "$DCPLAN" check --format=json --set 'site..name=x' "$M"
is "$rc:$(jq -c '.errors[0] | [.file, .line, .column]' "$T/out")" '3:["--set",1,6]' \
    "--format=json, a malformed path"

# --- a missing file: exit 4, no line or column ---
run "$DCPLAN" check -f json "$T/absent.yaml"
is "$rc" 4 "missing site file: exit 4"
is "$(jq -c '.errors[0]' "$T/out")" \
    "{\"file\":\"$T/absent.yaml\",\"line\":null,\"column\":null,\"level\":\"error\",\"message\":\"cannot open: No such file or directory\"}" \
    "missing file: the system's reason, line and column null"

# --- usage errors (exit 2) with a format given ---
run "$DCPLAN" -f json plan --bogus "$M"
is "$rc" 2 "unknown option: exit 2"
is "$(jq -c '.errors[0] | [.file, .line, .column, .level]' "$T/out")" '[null,null,null,"error"]' \
    "a usage error: no file"
like "$(jq -r '.errors[0].message' "$T/out")" "unknown option '--bogus'" "the usage message"
is "$(jq '.errors | length' "$T/out")" 1 "the usage line is not a message"
run "$DCPLAN" plan --bogus -qf json "$M"
is "$rc:$(jq -r .schema "$T/out")" "2:dcplan.errors/1" "a usage error before -qf json on the line: still a document"
run "$DCPLAN" plan -f csv --bogus "$M"
is "$rc:$(wc -c <"$T/out" | tr -d ' ')" "2:0" "-f csv: nothing on stdout"
run "$DCPLAN" -f json psychro --tdb 30degC "$M"
is "$rc:$(jq -r .exit "$T/out")" "2:2" "psychro with an operand: exit 2 and its document"

# --- -o FILE: the errors still go to stdout, FILE is not made ---
run "$DCPLAN" check -f json -o "$T/report.json" "$T/badkey.yaml"
{ [ "$rc" = 3 ] && [ ! -e "$T/report.json" ] && [ "$(jq -r .schema "$T/out")" = dcplan.errors/1 ]; }
ok $? "-o FILE: no FILE, the errors on stdout"

# --- success is unchanged; -q keeps the document ---
run "$DCPLAN" check -f json "$M"
is "$rc:$(jq -r .schema "$T/out" | cut -d/ -f1)" "0:dcplan.check" "success: the usual document"
run "$DCPLAN" check -q -f json "$T/badkey.yaml"
is "$rc:$(jq '.errors | length' "$T/out")" "3:2" "-q: the document all the same"

run "$DCPLAN" simulate -f json "$M"
"$DCPLAN" simulate -f json -o "$T/sim.json" "$M" 2>/dev/null
cmp_files "$T/out" "$T/sim.json" "a streamed JSON table held for stdout is the same as written to a file"

# --- a sweep with an invalid case wrote its document: no errors document after it ---
run "$DCPLAN" sweep "$M" --vary "targets[0].gpus=0,100" --set 'targets=[{name: t, gpus: 1, by: 2025-01-01}]' -f json
is "$rc:$(jq -s 'length' "$T/out"):$(jq -r .schema "$T/out")" "3:1:dcplan.sweep/2" \
    "sweep -f json with an invalid case: exit 3, one document, the sweep's"

# --- an invalid value of a command option (exit 3) ---
run "$DCPLAN" models perf doe2-centrifugal-5.50cop -f json --at capacity=1MW --at load=1e300%
is "$rc" 3 "models perf --at load=1e300%: exit 3"
like "$(jq -r '.errors[0].message' "$T/out")" "load must be at most 1000 %" "its message"

# --- a control character in user text stays escaped in the message ---
run "$DCPLAN" check -f json --set "$(printf 'site.na\tme=1')" "$M"
is "$(jq -r '.errors[0].message' "$T/out")" "unexpected character '\\t' in path" \
    "a tab is the two characters \\t, as on stderr"

done_testing
