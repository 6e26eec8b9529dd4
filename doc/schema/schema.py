#!/usr/bin/env python3
# schema.py - the machine-readable schemas of dcplan's JSON documents
# (doc/schema/dcplan-json.json) and what checks them.  See dcplan-json(5).
#
#   schema.py run DCPLAN SRCDIR OUTDIR   every command on the examples and test
#                                        sites, one JSON document a file (and
#                                        the errors documents of failing runs)
#   schema.py infer DIR > FILE           a schema file from those documents (to
#                                        start one; edit it by hand after)
#   schema.py check FILE DIR             every document against its schema:
#                                        every field documented with its type
#                                        and unit, every required field present
#   schema.py man FILE                   the schemas as dcplan-json(5) lists them
#
# A field's path is SECTION.KEY; a table's columns are listed under its path;
# a table document (simulate, timeline, models perf) has its columns under
# "(rows)".  Types are JSON's: number, string, boolean, null (a field that may be
# absent has "null" among its types), array (of strings: "notes").  A currency
# unit (USD, EUR: the site's) is written CUR (CUR/GPU-h per GPU-hour); a column
# whose unit depends on the site (a currency, or none without prices) lists
# both ("unit": ["CUR", null]).  A model and a
# performance table have a schema for each kind of model ("dcplan.model/3
# chiller", "dcplan.perf/3 tower").
#
# A table whose columns depend on the command line (sweep: one pair for each
# varied input, one block for each target) has a group among its columns:
#   {"each": "PATH", "pattern": REGEX, "min": 1, "columns": [...]}
#   {"each": "N", "min": 0, "columns": [...]}
# the group's columns, repeated at that place at least "min" times; in their
# names {PATH} is a name that matches REGEX (the first column's name, the same
# in every column of one repetition) and {N} the repetition's number from 1.
# An array of objects (the errors of dcplan.errors/1) is documented as
# {"objects": [{"name", "type"}...]}: every object has those members, in order.
import json, os, re, subprocess, sys

SKIP = ("schema", "dcplan")      # the head: tests/cli/t-cli-json.sh checks it


def runs(src):
    ex = os.path.join(src, "examples")
    sites = os.path.join(src, "tests", "data", "sites")
    mem = os.path.join(ex, "colossus-memphis.yaml")
    lab = os.path.join(ex, "small-lab.yaml")
    out = []
    for f in sorted(os.listdir(ex)):
        if f.endswith(".yaml"):
            p = os.path.join(ex, f)
            for c in ("check", "capacity", "plan", "timeline"):
                out.append([c, p])
            out.append(["simulate", "--from", "2024-08-30", "--to", "2024-08-30", p])
    for f in ("econ-tl", "tl-gen", "tl-cooling", "tl-supply", "tl-step",
              "inline-anchors", "minimal", "epw-site"):
        p = os.path.join(sites, f + ".yaml")
        for c in ("check", "capacity", "plan"):
            out.append([c, p])
    out.append(["plan", "--set", "it.workload.power=nameplate", mem])
    out.append(["plan", "--set", "power.generators=[]", mem])
    out.append(["plan", "--set", "targets[0].by=2024-03-03",
                os.path.join(sites, "tl-step.yaml")])
    sw = os.path.join(sites, "swings.yaml")
    out.append(["swings", sw])
    out.append(["swings", "--size", sw])
    out.append(["risk", "--trials", "20", lab])
    out.append(["risk", "--trials", "20", mem])     # prices, two targets
    out.append(["risk", "--trials", "8", "--cost-trials", "4", mem])  # costed
    for f in ("risk-uniform", "risk-copt", "risk-years"):
        out.append(["risk", "--trials", "20", os.path.join(sites, f + ".yaml")])
    out.append(["psychro", "--tdb", "35degC", "--rh", "40%"])
    out.append(["psychro", "--tdb", "30degC", "--twb", "20degC", "--elevation", "1500m"])
    out.append(["models", "list"])
    for m in sorted(os.listdir(os.path.join(src, "models"))):
        if m.endswith(".yaml"):
            out.append(["models", "show", m[:-5]])
    # sweeps: a numeric, a quantity and a date axis; an invalid case (exit 3);
    # a case whose weather file cannot be read (exit 4); a cases file with an
    # empty field; two targets with prices and a range
    sup = os.path.join(sites, "tl-supply.yaml")
    cap = "power.grid.feeds[0].capacity"
    out.append(["sweep", sup, "--vary", "targets[0].gpus=800,1600",
                "--vary", cap + "=0.8 MW,1.5 MW",
                "--vary", "targets[0].by=2024-03-01,2024-06-01"])
    out.append((["sweep", sup, "--vary", "targets[0].gpus=-5,800"], 3))
    out.append((["sweep", sup, "--vary", "climate.source=epw", "--vary",
                 "climate.weather_file=nowhere.epw", "--zip"], 4))
    out.append(["sweep", sup, "--cases",
                os.path.join(src, "tests", "data", "sweep", "cases.csv")])
    out.append(["sweep", mem, "--vary",
                "power.grid.feeds[0].capacity=8 MW:16 MW:8 MW"])
    # errors: usage (exit 2), an invalid override (3), a missing file (4)
    out.append((["plan"], 2))
    out.append((["plan", "--bogus", lab], 2))
    out.append((["plan", "--set", "site.nme=x", lab], 3))
    out.append((["check", os.path.join(sites, "nowhere.yaml")], 4))
    for m, at in (("york-yk-4396kw-vanes", []), ("yorkcalc-generic", []),
                  ("smt-130", []), ("dgx-h100", []), ("ups-double-conversion", []),
                  ("xfmr-mv-2500kva", []),
                  ("drycooler-generic", ["--at", "tdb=30degC"])):
        out.append(["models", "perf", m] + at)
    return out


def cmd_run(dcplan, src, outdir):
    os.makedirs(outdir, exist_ok=True)
    env = dict(os.environ)
    env.pop("DCPLAN_MODELS_PATH", None)
    n = 0
    for i, a in enumerate(runs(src)):
        args, want = (a, (0, 1)) if isinstance(a, list) else (a[0], (a[1],))
        m = [] if args[0] == "psychro" else ["-M", os.path.join(src, "models")]
        r = subprocess.run([dcplan] + m + ["-f", "json"] + args,
                           capture_output=True, env=env)
        if r.returncode not in want:
            sys.stderr.write("%s: exit %d: %s\n" % (" ".join(args), r.returncode,
                             r.stderr.decode()[:300]))
            continue
        with open(os.path.join(outdir, "%03d.json" % i), "wb") as f:
            f.write(r.stdout)
        n += 1
    print(n)


def unit_of(u):
    if isinstance(u, str) and re.fullmatch(r"[A-Z]{3}", u):
        return "CUR"
    if isinstance(u, str) and re.fullmatch(r"[A-Z]{3}/GPU-h", u):
        return "CUR/GPU-h"
    return u


def jtype(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "object"


def is_table(v):
    return isinstance(v, dict) and list(v)[:3] == ["columns", "units", "rows"]


def is_objects(v):
    return isinstance(v, list) and len(v) > 0 and \
        all(isinstance(x, dict) for x in v)


def fields(doc):
    """Every (path, kind, value) of a document: kind 'value' or 'table'."""
    out = []
    if is_table({k: doc[k] for k in doc if k in ("columns", "units", "rows")}) \
            and "columns" in doc:
        out.append(("(rows)", "table", doc))
    for sec, v in doc.items():
        if sec in SKIP or sec in ("columns", "units", "rows"):
            continue
        if sec == "notes":
            out.append(("notes", "value", v))
            continue
        if is_objects(v):
            out.append((sec, "objects", v))
            continue
        if not isinstance(v, dict):
            out.append((sec, "value", v))
            continue
        for k, x in v.items():
            path = sec + "." + k
            if is_table(x):
                out.append((path, "table", x))
            elif isinstance(x, dict):      # the simulate summary's sections
                for k2, y in x.items():
                    out.append((path + "." + k2, "value", y))
            else:
                out.append((path, "value", x))
        if not v:
            out.append((sec, "value", v))
    return out


def columns(t):
    """(name, unit, set of types) of each column of a table."""
    cols = []
    for j, (c, u) in enumerate(zip(t["columns"], t["units"])):
        ty = set(jtype(r[j]) for r in t["rows"])
        cols.append((c, unit_of(u), ty))
    return cols


def expand(entries, names):
    """The documented column of each of names (a table's column names, in
    order), expanding the groups of entries; or None when they differ."""
    out = []
    i = 0
    for e in entries:
        if "each" not in e:
            if i >= len(names) or names[i] != e["name"]:
                return None
            out.append(e)
            i += 1
            continue
        n = 0
        while True:
            if e["each"] == "PATH":
                if i >= len(names) or \
                        not re.fullmatch(e["pattern"], names[i]):
                    break
                val = names[i]
            else:
                val = str(n + 1)
            want = [c["name"].replace("{" + e["each"] + "}", val)
                    for c in e["columns"]]
            if names[i:i + len(want)] != want:
                break
            out.extend(e["columns"])
            i += len(want)
            n += 1
        if n < e.get("min", 0):
            return None
    return out if i == len(names) else None


def unit_ok(u, w):
    return u in w if isinstance(w, list) else u == w


def variant(doc):
    """The schema a document follows: its "schema", and for a model or a
    performance table the model's kind ("dcplan.perf/3 chiller"), whose fields
    differ by kind."""
    name = doc.get("schema")
    if name is not None and name.startswith("dcplan.perf/"):
        return name + " " + str(doc.get("summary", {}).get("kind"))
    if name is not None and name.startswith("dcplan.model/"):
        return name + " " + str(doc.get("model", {}).get("kind"))
    return name


def load_docs(d):
    docs = []
    for f in sorted(os.listdir(d)):
        with open(os.path.join(d, f)) as fp:
            docs.append((f, json.load(fp)))
    return docs


def cmd_infer(d):
    schemas = {}
    counts = {}
    for f, doc in load_docs(d):
        name = variant(doc)
        s = schemas.setdefault(name, {})
        counts[name] = counts.get(name, 0) + 1
        for path, kind, v in fields(doc):
            e = s.setdefault(path, {"kind": kind, "seen": 0})
            e["seen"] += 1
            if kind == "table":
                cs = e.setdefault("columns", {})
                order = e.setdefault("order", [])
                for c, u, ty in columns(v):
                    ce = cs.setdefault(c, {"unit": u, "type": set()})
                    ce["type"] |= ty
                    if c not in order:
                        order.append(c)
            else:
                e.setdefault("type", set()).add(jtype(v))
    out = {}
    for name in sorted(schemas):
        o = {}
        for path, e in schemas[name].items():
            req = e["seen"] == counts[name]
            if e["kind"] == "table":
                o[path] = {"table": [
                    {"name": c, "unit": e["columns"][c]["unit"],
                     "type": sorted(e["columns"][c]["type"] or {"null"})}
                    for c in e["order"]], "required": req}
            else:
                ty = sorted(e["type"])
                if not req and "null" not in ty:
                    pass
                o[path] = {"type": ty, "required": req}
        out[name] = o
    json.dump(out, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")


def cmd_check(sf, d):
    with open(sf) as fp:
        schemas = json.load(fp)
    bad = []
    n = 0
    for f, doc in load_docs(d):
        name = variant(doc)
        if name not in schemas:
            bad.append("%s: schema %r is not documented" % (f, name))
            continue
        s = schemas[name]
        seen = set()
        for path, kind, v in fields(doc):
            n += 1
            seen.add(path)
            e = s.get(path)
            if e is None:
                bad.append("%s: %s: %s is not documented" % (f, name, path))
                continue
            if kind == "objects":
                if "objects" not in e:
                    bad.append("%s: %s: an array of objects, documented "
                               "otherwise" % (f, path))
                    continue
                want = [c["name"] for c in e["objects"]]
                for j, x in enumerate(v):
                    if list(x) != want:
                        bad.append("%s: %s[%d]: members %s, documented %s" %
                                   (f, path, j, list(x), want))
                        continue
                    for w in e["objects"]:
                        if jtype(x[w["name"]]) not in w["type"]:
                            bad.append("%s: %s[%d].%s: type %s, documented %s"
                                       % (f, path, j, w["name"],
                                          jtype(x[w["name"]]), w["type"]))
            elif kind == "table":
                if "table" not in e:
                    bad.append("%s: %s: a table, documented as a value" % (f, path))
                    continue
                got = columns(v)
                doc_cols = expand(e["table"], [c for c, _, _ in got])
                if doc_cols is None:
                    bad.append("%s: %s: columns %s, documented %s" %
                               (f, path, [c for c, _, _ in got],
                                [c.get("name", c.get("each"))
                                 for c in e["table"]]))
                    continue
                for (c, u, ty), w in zip(got, doc_cols):
                    if not unit_ok(u, w["unit"]):
                        bad.append("%s: %s.%s: unit %r, documented %r" %
                                   (f, path, c, u, w["unit"]))
                    if not ty <= set(w["type"]):
                        bad.append("%s: %s.%s: type %s, documented %s" %
                                   (f, path, c, sorted(ty), w["type"]))
            else:
                if "type" not in e:
                    bad.append("%s: %s: a value, documented otherwise" % (f, path))
                elif jtype(v) not in e["type"]:
                    bad.append("%s: %s: type %s, documented %s" %
                               (f, path, jtype(v), e["type"]))
        for path, e in s.items():
            if e.get("required") and path not in seen:
                bad.append("%s: %s: the required %s is missing" % (f, name, path))
    for b in bad[:20]:
        print("# " + b)
    print("ok %d" % n if not bad and n > 0 else "%d problems" % len(bad))


def esc(s):
    return s.replace("\\", "\\e")


def man_unit(u):
    if isinstance(u, list):
        return ", " + " or ".join(esc(x) if x else "none" for x in u)
    return ", " + esc(u) if u else ""


def man_column(c, end=""):
    print(".Ql %s" % esc(c["name"]))
    print("(%s%s)%s" % ("|".join(c["type"]), man_unit(c.get("unit")), end))


def man_group(g):
    if g["each"] == "PATH":
        print("for each varied input (at least %d), in order, where" %
              g.get("min", 0))
        print(".Ql {PATH}")
        print("is its path (matching")
        print(".Ql %s ) :" % esc(g["pattern"]))
    else:
        print("for each target (at least %d), in order, where" % g.get("min", 0))
        print(".Ql {N}")
        print("is its number from 1:")
    for c in g["columns"][:-1]:
        man_column(c)
    man_column(g["columns"][-1], "; then")


def cmd_man(sf):
    with open(sf) as fp:
        schemas = json.load(fp)
    for name in schemas:
        print(".Ss %s" % name)
        print(".Bl -tag -width Ds -compact")
        for path, e in schemas[name].items():
            opt = "" if e.get("required") else ", optional"
            if "table" in e:
                print(".It Ql %s" % esc(path))
                print("table%s; columns:" % opt)
                for c in e["table"]:
                    if "each" in c:
                        man_group(c)
                    else:
                        man_column(c)
            elif "objects" in e:
                print(".It Ql %s" % esc(path))
                print("array of objects%s; members:" % opt)
                for c in e["objects"]:
                    man_column(c)
            else:
                print(".It Ql %s" % esc(path))
                print("%s%s" % ("|".join(e["type"]), opt))
        print(".El")


def main():
    a = sys.argv[1:]
    if a[:1] == ["run"] and len(a) == 4:
        cmd_run(a[1], a[2], a[3])
    elif a[:1] == ["infer"] and len(a) == 2:
        cmd_infer(a[1])
    elif a[:1] == ["check"] and len(a) == 3:
        cmd_check(a[1], a[2])
    elif a[:1] == ["man"] and len(a) == 2:
        cmd_man(a[1])
    else:
        sys.exit("usage: schema.py run DCPLAN SRCDIR OUTDIR | infer DIR | "
                 "check FILE DIR | man FILE")


main()
