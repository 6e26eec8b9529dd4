#!/bin/sh
# t-cli-json-schema.sh - every JSON document that the commands write on the
# examples and the test sites against its schema, doc/schema/dcplan-json.json:
# every field documented with its type and unit (a table's columns in order),
# every required field present; among them sweep documents (a numeric, a
# quantity and a date axis, an invalid case, an unreadable weather file, a
# cases file, two targets with prices) and the errors documents of exit 2, 3
# and 4; and dcplan-json(5)'s THE FIELDS section is that file
# (doc/schema/schema.py man).
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
if ! command -v python3 >/dev/null 2>&1; then
	skip "JSON documents against doc/schema/dcplan-json.json" "no python3"
	done_testing
	exit 0
fi
S=$top_srcdir/doc/schema
n=$(python3 "$S/schema.py" run "$DCPLAN" "$top_srcdir" "$T/docs" 2>"$T/err" | tail -1)
is "$n:$(cat "$T/err")" "100:" \
    "100 documents written, every command exits as expected (0 or 1, or its error)"
is "$(cat "$T"/docs/*.json | jq -r '.schema + " " + ((.exit // "") | tostring)' |
    grep -E 'sweep|errors' | sort | uniq -c | tr -s ' ' | tr '\n' ',')" \
    " 2 dcplan.errors/1 2, 1 dcplan.errors/1 3, 1 dcplan.errors/1 4, 5 dcplan.sweep/1 ," \
    "among them 5 sweep documents and errors documents of exit 2, 3 and 4"
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
# a sweep with an undocumented column, a varied path without its _si twin, and
# an error with an undocumented member: each is caught
mkdir "$T/bad2"
python3 - "$T/docs" "$T/bad2" <<'PY'
import json, os, sys
sw = er = 0
for f in sorted(os.listdir(sys.argv[1])):
    d = json.load(open(os.path.join(sys.argv[1], f)))
    o = os.path.join(sys.argv[2], f)
    if d["schema"] == "dcplan.sweep/1" and not sw:
        j = d["columns"].index("t1_delay_cost") + 1
        d["columns"].insert(j, "t1_extra")
        d["units"].insert(j, None)
        for r in d["rows"]:
            r.insert(j, 0)
        json.dump(d, open(o, "w"))
        sw = 1
    elif d["schema"] == "dcplan.sweep/1" and sw == 1:
        j = d["columns"].index("targets[0].gpus_si")
        for a in ("columns", "units"):
            del d[a][j]
        for r in d["rows"]:
            del r[j]
        json.dump(d, open(o, "w"))
        sw = 2
    elif d["schema"] == "dcplan.errors/1" and not er:
        d["errors"][0]["hint"] = "x"
        json.dump(d, open(o, "w"))
        er = 1
PY
got=$(python3 "$S/schema.py" check "$S/dcplan-json.json" "$T/bad2")
is "$(echo "$got" | tail -1)" "3 problems" \
    "an undocumented sweep column, a missing _si twin, an undocumented error member"
like "$got" "t1_extra" "the undocumented sweep column is named"
python3 "$S/schema.py" man "$S/dcplan-json.json" >"$T/want"
sed -n '/^\.\\" schema-begin$/,/^\.\\" schema-end$/p' "$top_srcdir/man/dcplan-json.5" |
    sed '1d;$d' >"$T/have"
cmp_files "$T/have" "$T/want" "dcplan-json(5) THE FIELDS lists doc/schema/dcplan-json.json"
done_testing
