#!/bin/sh
# t-cli-plot.sh - the picture options (--plot FILE, --plot-kind NAME, --plot-size WxH)
# of plan, timeline, simulate, swings and risk: each picture is a valid PNG (signature, IHDR width
# and height), SVG (root width and height) or PDF (header, MediaBox, %%EOF) of the
# requested size; the command's own output is the same with and without --plot; the
# same input gives the same bytes; bad options are usage errors (exit 2) that write
# nothing; an unwritable picture is an I/O error (exit 4).  What the pictures show is
# checked in tests/unit/t-plot.c.
. "${top_srcdir:-.}/tests/cli/lib.sh"

unset DCPLAN_MODELS_PATH
MIN=$DATA/sites/minimal.yaml

# ---- timeline ----
run "$DCPLAN" timeline -f csv "$MIN"
cp "$T/out" "$T/tl-plain.csv"
run "$DCPLAN" timeline -f csv --plot "$T/tl.png" "$MIN"
is "$rc" 0 "timeline --plot exits 0"
cmp_files "$T/out" "$T/tl-plain.csv" "timeline's CSV is the same with --plot"
is "$(png_size "$T/tl.png")" 1200x700 "timeline picture: PNG of the default 1200x700"
run "$DCPLAN" timeline --plot "$T/tl.svg" --plot-size 800x500 "$MIN"
is "$rc" 0 "timeline --plot x.svg --plot-size 800x500 exits 0"
is "$(svg_size "$T/tl.svg")" 800x500 "SVG root 800px x 500px"
grep -q '</svg>' "$T/tl.svg"
ok $? "the SVG is complete"
run "$DCPLAN" timeline --plot "$T/tl.pdf" --plot-size 720x432 "$MIN"
is "$(pdf_size "$T/tl.pdf")" 720x432 "timeline picture: PDF, MediaBox 720 x 432 pt"
run "$DCPLAN" timeline --plot "$T/TL.PNG" "$MIN"
is "$(png_size "$T/TL.PNG")" 1200x700 "the extension is read in any case"

# ---- plan: the same picture; the verdict's exit status is kept ----
run "$DCPLAN" plan "$MIN"
want=$rc
cp "$T/out" "$T/plan-plain.txt"
run "$DCPLAN" plan --plot "$T/plan.png" --plot-size 1600x900 "$MIN"
is "$rc" "$want" "plan --plot exits as plan does ($want)"
cmp_files "$T/out" "$T/plan-plain.txt" "plan's report is the same with --plot"
is "$(png_size "$T/plan.png")" 1600x900 "plan picture: PNG 1600x900"

# ---- simulate: every kind, every format ----
for k in load-duration monthly heatmap-margin heatmap-pue; do
	run "$DCPLAN" simulate --plot "$T/$k.png" --plot-kind "$k" --plot-size 900x600 "$MIN"
	is "$rc" 0 "simulate --plot-kind $k exits 0"
	is "$(png_size "$T/$k.png")" 900x600 "simulate $k: PNG 900x600"
done
run "$DCPLAN" simulate --plot "$T/ld.svg" "$MIN"
is "$(svg_size "$T/ld.svg")" 1200x700 "simulate, default kind as SVG 1200x700"
run "$DCPLAN" simulate --plot "$T/ld.pdf" --plot-kind monthly "$MIN"
is "$(pdf_size "$T/ld.pdf")" 1200x700 "simulate monthly as PDF 1200x700"
run "$DCPLAN" simulate -f csv --from 2024-07-01 --to 2024-07-03 "$MIN"
cp "$T/out" "$T/sim-plain.csv"
run "$DCPLAN" simulate -f csv --from 2024-07-01 --to 2024-07-03 --plot "$T/s.png" "$MIN"
cmp_files "$T/out" "$T/sim-plain.csv" "simulate's CSV is the same with --plot"

# ---- swings (the Memphis example has the section): exit 1 as without --plot ----
MEM=$top_srcdir/examples/colossus-memphis.yaml
run "$DCPLAN" swings "$MEM"
want=$rc
run "$DCPLAN" swings --plot "$T/sw.png" --plot-window 20s --plot-size 1000x600 "$MEM"
is "$rc" "$want" "swings --plot exits as swings does ($want)"
is "$(png_size "$T/sw.png")" 1000x600 "swings waveform: PNG 1000x600"
run "$DCPLAN" swings --plot "$T/sp.svg" --plot-kind spectrum "$MEM"
is "$(svg_size "$T/sp.svg")" 1200x700 "swings spectrum: SVG 1200x700"
run "$DCPLAN" swings -f csv --duration 40s --window 20s "$MEM"
cp "$T/out" "$T/sw-plain.csv"
run "$DCPLAN" swings -f csv --duration 40s --window 20s --plot "$T/sw2.pdf" "$MEM"
cmp_files "$T/out" "$T/sw-plain.csv" "swings' CSV is the same with --plot"
is "$(pdf_size "$T/sw2.pdf")" 1200x700 "swings waveform as PDF"

# ---- risk: the S-curve and the tornado; the report is the same with --plot ----
run "$DCPLAN" risk --trials 40 -f json "$MEM"
want=$rc
cp "$T/out" "$T/risk-plain.json"
run "$DCPLAN" risk --trials 40 -f json --plot "$T/rs.png" --plot-size 900x500 "$MEM"
is "$rc" "$want" "risk --plot exits as risk does ($want)"
cmp_files "$T/out" "$T/risk-plain.json" "risk's JSON is the same with --plot"
is "$(png_size "$T/rs.png")" 900x500 "risk s-curve: PNG 900x500"
run "$DCPLAN" risk --trials 40 --plot "$T/rt.pdf" --plot-kind tornado "$MEM"
is "$(pdf_size "$T/rt.pdf")" 1200x700 "risk tornado: PDF 1200x700"
for f in png svg pdf; do
	run "$DCPLAN" risk --trials 40 --plot "$T/rl.$f" --plot-kind lolp \
	    --plot-size 1000x600 "$MEM"
	is "$($f"_size" "$T/rl.$f")" 1000x600 "risk loss-of-load heat map: $f 1000x600"
done
run "$DCPLAN" risk --trials 40 --threads 1 --plot "$T/r1.svg" "$MEM"
run "$DCPLAN" risk --trials 40 --threads 2 --plot "$T/r2.svg" "$MEM"
cmp -s "$T/r1.svg" "$T/r2.svg"
ok $? "risk picture: the same bytes on 1 and 2 threads"

# ---- determinism: the same input, the same bytes ----
for f in png svg pdf; do
	"$DCPLAN" simulate --plot "$T/a.$f" --plot-kind heatmap-margin "$MIN" >/dev/null
	"$DCPLAN" simulate --plot "$T/b.$f" --plot-kind heatmap-margin "$MIN" >/dev/null
	cmp -s "$T/a.$f" "$T/b.$f"
	ok $? "two runs give the same $f bytes"
done

# ---- usage errors: exit 2, a message, nothing written ----
bad()	# DESC EXPECTED-MESSAGE ARGS...
{
	desc=$1
	msg=$2
	shift 2
	rm -f "$T"/bad.*
	run "$DCPLAN" "$@"
	is "$rc" 2 "$desc: exit 2"
	like "$(cat "$T/err")" "$msg" "$desc: says so"
	is "$(ls "$T" | grep -c '^bad\.')" 0 "$desc: no picture written"
}
bad "unknown extension" "must end in .png, .svg or .pdf" \
    timeline --plot "$T/bad.jpg" "$MIN"
bad "no extension" "must end in .png, .svg or .pdf" timeline --plot "$T/bad" "$MIN"
bad "size too small" "200 to 8000" timeline --plot "$T/bad.png" --plot-size 100x700 "$MIN"
bad "size not WxH" "not a plot size: '1200'" simulate --plot "$T/bad.png" \
    --plot-size 1200 "$MIN"
bad "unknown kind" "unknown --plot-kind 'pie' (one of: load-duration, monthly, heatmap-margin, heatmap-pue)" \
    simulate --plot "$T/bad.png" --plot-kind pie "$MIN"
bad "kind without --plot" "--plot-kind needs --plot FILE" \
    simulate --plot-kind monthly "$MIN"
bad "size without --plot" "--plot-size needs --plot FILE" plan --plot-size 800x600 "$MIN"
bad "window without --plot" "--plot-window needs --plot FILE" swings \
    --plot-window 10s "$MEM"
bad "window of zero" "--plot-window must be above zero" swings --plot "$T/bad.png" \
    --plot-window 0s "$MEM"
run "$DCPLAN" timeline --plot-kind build --plot "$T/bad.png" "$MIN"
is "$rc" 2 "timeline has one picture: no --plot-kind"

# ---- I/O: a picture that cannot be written ----
run "$DCPLAN" timeline --plot "$T/no/such/dir/x.png" "$MIN"
is "$rc" 4 "picture in a missing directory: exit 4"
like "$(cat "$T/err")" "cannot write '$T/no/such/dir/x.png'" "names the file"

done_testing
