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
is "$n:$(cat "$T/err")" "101:" \
    "101 documents written, every command exits as expected (0 or 1, or its error)"
is "$(cat "$T"/docs/*.json | jq -r '.schema + " " + ((.exit // "") | tostring)' |
    grep -E 'sweep|errors' | sort | uniq -c | tr -s ' ' | tr '\n' ',')" \
    " 2 dcplan.errors/1 2, 1 dcplan.errors/1 3, 1 dcplan.errors/1 4, 5 dcplan.sweep/2 ," \
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
# a sweep with an undocumented column, a varied path without its _value twin,
# a varied power in W (not MW, the one unit of power), a count with a unit, an
# error with an undocumented member, and the removed column water_gal_per_day:
# each is caught
mkdir "$T/bad2"
python3 - "$T/docs" "$T/bad2" <<'PY'
import json, os, sys
done = set()
cap = "power.grid.feeds[0].capacity_value"
for f in sorted(os.listdir(sys.argv[1])):
    d = json.load(open(os.path.join(sys.argv[1], f)))
    o = os.path.join(sys.argv[2], f)
    sweep = d["schema"] == "dcplan.sweep/2"
    c = d.get("columns", [])
    if sweep and "extra" not in done:
        j = c.index("t1_delay_cost") + 1
        c.insert(j, "t1_extra")
        d["units"].insert(j, None)
        for r in d["rows"]:
            r.insert(j, 0)
        done.add("extra")
    elif sweep and "twin" not in done and "targets[0].gpus_value" in c:
        j = c.index("targets[0].gpus_value")
        for a in ("columns", "units"):
            del d[a][j]
        for r in d["rows"]:
            del r[j]
        done.add("twin")
    elif sweep and "units" not in done and cap in c:
        assert d["units"][c.index(cap)] == "MW", d["units"][c.index(cap)]
        d["units"][c.index(cap)] = "W"
        d["units"][c.index("t1_shortfall_gpus")] = "GPUs"
        done.add("units")
    elif sweep and "gal" not in done:
        j = c.index("water_m3_per_day") + 1
        c.insert(j, "water_gal_per_day")
        d["units"].insert(j, "US gal/d")
        for r in d["rows"]:
            r.insert(j, 0)
        done.add("gal")
    elif d["schema"] == "dcplan.errors/1" and "er" not in done:
        d["errors"][0]["hint"] = "x"
        done.add("er")
    else:
        continue
    json.dump(d, open(o, "w"))
assert len(done) == 5, done
PY
got=$(python3 "$S/schema.py" check "$S/dcplan-json.json" "$T/bad2")
is "$(echo "$got" | tail -1)" "6 problems" \
    "an undocumented sweep column, a missing _value twin, a power in W, a count in GPUs, water_gal_per_day, an undocumented error member"
like "$got" "t1_extra" "the undocumented sweep column is named"
like "$got" "capacity_value: unit 'W'" "the power in W is named"
like "$got" "t1_shortfall_gpus: unit 'GPUs'" "the count with a unit is named"
python3 "$S/schema.py" man "$S/dcplan-json.json" >"$T/want"
sed -n '/^\.\\" schema-begin$/,/^\.\\" schema-end$/p' "$top_srcdir/man/dcplan-json.5" |
    sed '1d;$d' >"$T/have"
cmp_files "$T/have" "$T/want" "dcplan-json(5) THE FIELDS lists doc/schema/dcplan-json.json"
done_testing
