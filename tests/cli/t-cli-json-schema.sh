#!/bin/sh
# t-cli-json-schema.sh - every JSON document that the commands write on the
# examples and the test sites against its schema, doc/schema/dcplan-json.json:
# every field documented with its type and unit (a table's columns in order),
# every required field present; and dcplan-json(5)'s THE FIELDS section is that
# file (doc/schema/schema.py man).
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
if ! command -v python3 >/dev/null 2>&1; then
	skip "JSON documents against doc/schema/dcplan-json.json" "no python3"
	done_testing
	exit 0
fi
S=$top_srcdir/doc/schema
n=$(python3 "$S/schema.py" run "$DCPLAN" "$top_srcdir" "$T/docs" 2>"$T/err" | tail -1)
is "$n:$(cat "$T/err")" "90:" "90 documents written, every command exits 0 or 1"
got=$(python3 "$S/schema.py" check "$S/dcplan-json.json" "$T/docs")
is "${got%% *}" ok "every field of every document as doc/schema/dcplan-json.json has it"
case $got in ok*) ;; *) diag "$got" ;; esac
# a document with a field the schema lacks, and one without a required field, fail
mkdir "$T/bad"
python3 - "$T/docs" "$T/bad" <<'PY'
import json, os, sys
for f in sorted(os.listdir(sys.argv[1])):
    d = json.load(open(os.path.join(sys.argv[1], f)))
    if d["schema"].startswith("dcplan.plan/"):
        d["year"]["it_gwh"] = 1.0
        json.dump(d, open(os.path.join(sys.argv[2], "a.json"), "w"))
        del d["year"]["it_gwh"]
        del d["verdict"]["feasible"]
        json.dump(d, open(os.path.join(sys.argv[2], "b.json"), "w"))
        break
PY
like "$(python3 "$S/schema.py" check "$S/dcplan-json.json" "$T/bad")" "2 problems" \
    "an undocumented field and a missing required field are both caught"
python3 "$S/schema.py" man "$S/dcplan-json.json" >"$T/want"
sed -n '/^\.\\" schema-begin$/,/^\.\\" schema-end$/p' "$top_srcdir/man/dcplan-json.5" |
    sed '1d;$d' >"$T/have"
cmp_files "$T/have" "$T/want" "dcplan-json(5) THE FIELDS lists doc/schema/dcplan-json.json"
done_testing
