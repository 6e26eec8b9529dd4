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
doc risk dcplan.risk/1 "$LAB" 20240902 risk --trials 20 "$LAB"

# the --set overrides are echoed as given
"$DCPLAN" -f json check --set 'site.name="x: y"' --set 'site.timezone=UTC-06:00' "$LAB" >"$T/s.json"
is "$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["dcplan"]["set"])' "$T/s.json")" \
    "[{'path': 'site.name', 'value': '\"x: y\"'}, {'path': 'site.timezone', 'value': 'UTC-06:00'}]" \
    "the --set overrides, path and value, in order"

# CSV numbers read back to the JSON numbers exactly (plan and timeline, every value)
for cmd in "plan" "timeline" "check"; do
	"$DCPLAN" -f json $cmd "$MEM" >"$T/c.json"
	"$DCPLAN" -f csv $cmd "$MEM" >"$T/c.csv"
	got=$(python3 - "$T/c.json" "$T/c.csv" <<'PY'
import csv, json, sys
d = json.load(open(sys.argv[1]))
rows = list(csv.reader(open(sys.argv[2], newline="")))
bad = n = 0
if rows[0] == ["section", "row", "key", "value", "unit"]:
    for sec, row, key, val, unit in rows[1:]:
        s = d[sec]
        if row == "":
            j = s[key]
        else:
            t, col = key.split(".", 1)
            tab = s[t]
            j = tab["rows"][int(row) - 1][tab["columns"].index(col)]
        if isinstance(j, (int, float)) and not isinstance(j, bool):
            n += 1
            bad += float(val) != j
else:
    for r, j in zip(rows[1:], d["rows"]):
        for c, x in zip(r, j):
            if isinstance(x, (int, float)):
                n += 1
                bad += float(c) != x
print("ok" if n > 0 and bad == 0 else "%d of %d differ" % (bad, n))
PY
)
	is "$got" ok "$cmd: every CSV number reads back to its JSON number exactly"
done
done_testing
