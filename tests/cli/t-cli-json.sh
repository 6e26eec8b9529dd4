#!/bin/sh
# t-cli-json.sh - every JSON document against dcplan-json(5): the head ("schema"
# dcplan.NAME/MAJOR, "dcplan" {version, site {path, name} or null, set [{path,
# value}], seed}), every table {columns, units, rows} with rows and units as long
# as the columns, no NaN; and CSV numbers read back to the JSON numbers exactly.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
MEM=$top_srcdir/examples/colossus-memphis.yaml
LAB=$top_srcdir/examples/small-lab.yaml
SW=$DATA/sites/swings.yaml
if ! command -v python3 >/dev/null 2>&1; then
	skip "JSON documents against dcplan-json(5)" "no python3"
	done_testing
	exit 0
fi
want_ver=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' "$top_builddir/config.h")

# check_doc FILE SCHEMA SITE SEED: prints "ok" or what is wrong
check_doc()
{
	python3 - "$@" "$want_ver" <<'PY'
import json, sys
f, schema, site, seed, ver = sys.argv[1:6]
def no_const(c):
    raise ValueError("non-standard constant " + c)
d = json.load(open(f), parse_constant=no_const)
keys = list(d)
assert keys[:2] == ["schema", "dcplan"], keys[:2]
assert d["schema"] == schema, d["schema"]
h = d["dcplan"]
assert sorted(h) == ["seed", "set", "site", "version"], sorted(h)
assert h["version"] == ver, h["version"]
if site == "-":
    assert h["site"] is None, h["site"]
else:
    assert h["site"]["path"] == site and isinstance(h["site"]["name"], str), h["site"]
assert isinstance(h["set"], list)
for s in h["set"]:
    assert sorted(s) == ["path", "value"], s
assert h["seed"] is None if seed == "-" else h["seed"] == int(seed), h["seed"]
ntab = 0
def walk(v, where):
    global ntab
    if isinstance(v, dict):
        if "rows" in v or "columns" in v:
            ntab += 1
            assert list(v)[:3] == ["columns", "units", "rows"], (where, list(v))
            n = len(v["columns"])
            assert len(v["units"]) == n, where
            assert all(u is None or isinstance(u, str) for u in v["units"]), where
            for r in v["rows"]:
                assert isinstance(r, list) and len(r) == n, (where, r)
                assert all(x is None or isinstance(x, (int, float, str)) for x in r), where
            return
        for k, x in v.items():
            walk(x, where + "." + k)
    elif isinstance(v, list):
        for x in v:
            walk(x, where)
walk({k: v for k, v in d.items() if k not in ("schema", "dcplan")}, "")
print("ok" if ntab > 0 or schema.endswith(("psychro/3", "model/3")) else "no table")
PY
}

doc()	# DESC SCHEMA SITE SEED ARGS...
{
	desc=$1 schema=$2 site=$3 seed=$4
	shift 4
	"$DCPLAN" -f json "$@" >"$T/d.json" 2>"$T/err"
	is "$(check_doc "$T/d.json" "$schema" "$site" "$seed" 2>&1 | tail -1)" ok \
	    "$desc: $schema as dcplan-json(5) has it"
}
doc check dcplan.check/3 "$MEM" - check "$MEM"
doc "check --set" dcplan.check/3 "$LAB" - check --set 'site.name=x' "$LAB"
doc capacity dcplan.capacity/3 "$MEM" - capacity "$MEM"
doc plan dcplan.plan/3 "$LAB" - plan "$LAB"
doc timeline dcplan.timeline/3 "$LAB" - timeline "$LAB"
doc simulate dcplan.simulate/3 "$LAB" - simulate --from 2024-07-01 --to 2024-07-02 "$LAB"
doc "models list" dcplan.models/3 - - models list
doc "models show" dcplan.model/3 - - models show yorkcalc-generic
doc "models perf" dcplan.perf/3 - - models perf york-yk-4396kw-vanes --at load=50%,100%
doc psychro dcplan.psychro/3 - - psychro --tdb 35degC --rh 40%
doc swings dcplan.swings/3 "$SW" 1 swings "$SW"
doc risk dcplan.risk/3 "$LAB" 20240902 risk --trials 20 "$LAB"

# the --set overrides are echoed as given
"$DCPLAN" -f json check --set 'site.name="x: y"' --set 'site.timezone=UTC-06:00' "$LAB" >"$T/s.json"
is "$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["dcplan"]["set"])' "$T/s.json")" \
    "[{'path': 'site.name', 'value': '\"x: y\"'}, {'path': 'site.timezone', 'value': 'UTC-06:00'}]" \
    "the --set overrides, path and value, in order"

# CSV numbers read back to the JSON numbers exactly, and CSV's true/false and
# empty fields are JSON's booleans and nulls: every value of every command
readback()	# DESC ARGS...: compares "-f csv ARGS" with "-f json ARGS"
{
	desc=$1
	shift
	"$DCPLAN" -f json "$@" >"$T/c.json" 2>/dev/null
	"$DCPLAN" -f csv "$@" >"$T/c.csv" 2>/dev/null
	got=$(python3 - "$T/c.json" "$T/c.csv" <<'PY'
import csv, json, sys
d = json.load(open(sys.argv[1]))
rows = list(csv.reader(open(sys.argv[2], newline="")))
bad = []
n = 0
def same(j, c, where):
    global n
    n += 1
    if isinstance(j, bool):
        ok = c == ("true" if j else "false")
    elif j is None:
        ok = c == ""
    elif isinstance(j, (int, float)):
        ok = float(c) == j
    else:
        ok = c == j or c == "'" + j
    if not ok:
        bad.append("%s: csv %r json %r" % (where, c, j))
if rows[0] == ["section", "row", "key", "value", "unit"]:
    for sec, row, key, val, unit in rows[1:]:
        s = d[sec]
        if row == "":
            same(s[key], val, key)
        else:
            t, col = key.split(".", 1)
            tab = s[t]
            same(tab["rows"][int(row) - 1][tab["columns"].index(col)], val, key)
else:
    cols = d["columns"]
    assert len(rows) - 1 == len(d["rows"]) > 0, (len(rows), len(d["rows"]))
    for r, j in zip(rows[1:], d["rows"]):
        k = 0
        for name, x in zip(cols, j):
            if k + 1 < len(rows[0]) and rows[0][k] == name and \
                    rows[0][k + 1] == name + "_utc_offset_min":
                # a local date-time: two CSV columns, the time and the offset
                same(x[:10] + " " + x[11:16], r[k], name)
                off = (1 if x[16] == "+" else -1) * (int(x[17:19]) * 60 + int(x[20:22]))
                same(off, r[k + 1], name + "_utc_offset_min")
                k += 2
                continue
            same(x, r[k], name)
            k += 1
print("ok" if n > 0 and not bad else "%d of %d differ: %s" % (len(bad), n, bad[:3]))
PY
)
	is "$got" ok "$desc: every CSV value reads back to its JSON value exactly"
}
readback plan plan "$MEM"
readback "plan, failing" plan --set it.workload.power=nameplate "$MEM"
readback timeline timeline "$MEM"
readback check check "$MEM"
readback capacity capacity "$MEM"
readback simulate simulate --from 2024-08-30 --to 2024-08-31 "$MEM"
readback psychro psychro --tdb 35degC --rh 40%
readback "models show" models show york-yk-4396kw-vanes
readback "models perf" models perf york-yk-4396kw-vanes --at load=50%,100%
readback risk risk --trials 20 "$LAB"
readback sweep sweep "$LAB" --vary 'cooling.chilled_water.supply_temp=50 degF,12 degC' \
    --vary 'it.workload.utilization=33.3 %,90 %' --vary 'targets[0].by=2024-03-01,2024-04-01'

# the wide form of a report's table (--csv-table): the JSON table's columns as
# the header, a line per row, the same values
wide()	# TABLE ARGS...
{
	tab=$1
	shift
	"$DCPLAN" -f json "$@" >"$T/w.json" 2>/dev/null
	"$DCPLAN" --csv-table "$tab" "$@" >"$T/w.csv" 2>/dev/null
	got=$(python3 - "$T/w.json" "$T/w.csv" "$tab" <<'PY' 2>&1 | tail -1
import csv, json, sys
d = json.load(open(sys.argv[1]))
sec, name = sys.argv[3].split(".", 1)
t = d[sec][name]
rows = list(csv.reader(open(sys.argv[2], newline="")))
assert rows[0] == t["columns"], (rows[0], t["columns"])
assert len(rows) - 1 == len(t["rows"]) > 0, (len(rows), len(t["rows"]))
for c, j in zip(rows[1:], t["rows"]):
    for a, b in zip(c, j):
        if isinstance(b, bool):
            assert a == ("true" if b else "false"), (a, b)
        elif b is None:
            assert a == "", (a, b)
        elif isinstance(b, (int, float)):
            assert float(a) == b, (a, b)
        else:
            assert a == b or a == "'" + b, (a, b)
print("ok")
PY
)
	is "$got" ok "--csv-table $tab: the JSON table as one sheet"
}
wide targets.detail plan --set it.workload.power=nameplate "$MEM"
wide permits.generators plan "$MEM"
wide cooling.chillers check "$MEM"
wide constraints.by_constraint capacity "$MEM"
run "$DCPLAN" plan --csv-table nosuch.table "$LAB"
is "$rc" 2 "--csv-table with a table the report lacks: exit 2"
like "$(cat "$T/err")" "no table 'nosuch.table' (plan has: targets.detail, permits.generators" \
    "--csv-table: the message lists the report's tables"
is "$(wc -c <"$T/out" | tr -d ' ')" 0 "--csv-table, unknown table: no output"
run "$DCPLAN" -f json plan --csv-table targets.detail "$LAB"
is "$rc" 2 "--csv-table with -f json: exit 2"
run "$DCPLAN" simulate --csv-table x "$LAB"
is "$rc" 2 "--csv-table on a table command: exit 2"
done_testing
