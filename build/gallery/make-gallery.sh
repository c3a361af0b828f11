#!/usr/bin/env bash
# Screenshots of tuiproc in a real terminal emulator: xterm (100×30, DejaVu Sans Mono 11) on a virtual X
# server (Xvfb), running the native tuiproc with a fixed scenario (a square and a cube worker stepping, a third
# worker paused by `tuiproc ctl`), captured SHOT_AFTER seconds in with xwd and written as PNG:
#   docs/images/themes/NAME.png   each shipped theme in 24-bit colour (COLORTERM=truecolor)
#   docs/images/screen-24bit.png  the default theme in 24-bit colour
#   docs/images/screen-256.png    TERM=xterm-256color without COLORTERM (what SSH passes): auto decides
#   docs/images/screen-16.png     --colors 16
# and rewrites the gallery table of themes/README.md between its GALLERY markers. Not run by CI (.ci/run).
#
# Usage: build/gallery/make-gallery.sh            (installs what Debian lacks with apt-get, as root or sudo;
#                                                   publishes the native tuiproc with dotnet publish)
#        TUIPROC=/path/to/tuiproc build/gallery/make-gallery.sh   (a native tuiproc already built)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

need() { command -v "$1" >/dev/null 2>&1; }
missing=()
need Xvfb || missing+=(xvfb)
need xterm || missing+=(xterm)
need xwd || missing+=(x11-apps)
need xwdtopnm || missing+=(netpbm)
need flock || missing+=(util-linux)
need python3 || missing+=(python3)   # the workers' --steps scenario needs none, the README table is written with it
need fc-list || missing+=(fontconfig)
need fc-list && fc-list | grep -q "DejaVu Sans Mono" || missing+=(fonts-dejavu-core)
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

work=$(mktemp -d /tmp/tuiproc-gallery.XXXXXX)
xvfb_pid=""
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The native tuiproc (and tuiproc-worker beside it), as users run it. The publish is minutes of every core:
# machines that share a lock for NativeAOT builds name it in TPM_NATIVE_LOCK (default /tmp/tpm-native.lock).
if [ -z "${TUIPROC:-}" ]; then
  flock "${TPM_NATIVE_LOCK:-/tmp/tpm-native.lock}" dotnet publish src/TuiProcManager -c Release -nologo -v:q -o "$work/app"
  TUIPROC="$work/app/tuiproc"
fi
[ -x "$TUIPROC" ] || { echo "make-gallery: no tuiproc at $TUIPROC" >&2; exit 2; }

display=":$((90 + RANDOM % 400))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do xwd -display "$display" -root -silent >/dev/null 2>&1 && break; sleep 0.1; done

# shot OUT.png ENV... -- TUIPROC_ARGS...: one xterm, one session of the scenario, one screenshot.
shot_after=${SHOT_AFTER:-4}
n=0
shot() {
  local out=$1; shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  n=$((n + 1))
  local home="$work/home$n" session=gallery  # each shot has a runtime directory of its own
  mkdir -p "$home/run" && chmod 700 "$home/run"
  local env=(env -u COLORTERM -u NO_COLOR XDG_CONFIG_HOME="$home" XDG_STATE_HOME="$home/state" XDG_RUNTIME_DIR="$home/run"
             TUIPROC_SHARED_DIR="$home" TERM=xterm-256color "${envs[@]}")
  # xterm names its window in WINDOWID for the program it runs: xwd captures exactly that window.
  DISPLAY="$display" xterm -fa "DejaVu Sans Mono" -fs 11 -geometry 100x30 -bg black -fg white -b 0 +sb \
    -e sh -c 'echo "$WINDOWID" > "$0/windowid"; exec "$@"' "$home" "${env[@]}" "$TUIPROC" --session "$session" \
    --steps 20 --work-ms 300 --wait-ms 200 square:10 cube:10 square:12 "$@" &
  local xterm_pid=$!
  for _ in $(seq 100); do [ -s "$home/windowid" ] && "${env[@]}" "$TUIPROC" ctl "$session" pause 3 >/dev/null 2>&1 && break; sleep 0.1; done
  sleep "$shot_after"
  xwd -display "$display" -id "$(cat "$home/windowid")" -silent | xwdtopnm 2>/dev/null | pnmtopng -compression 9 > "$out"
  "${env[@]}" "$TUIPROC" ctl "$session" end >/dev/null 2>&1 || true
  for _ in $(seq 50); do kill -0 "$xterm_pid" 2>/dev/null || break; sleep 0.1; done
  kill "$xterm_pid" 2>/dev/null || true
  wait "$xterm_pid" 2>/dev/null || true
  echo "  $out"
}

mkdir -p docs/images/themes
# Every theme file's names, in the order t cycles through them (file name order).
mapfile -t themes < <(python3 - <<'PY'
import glob, json, re
for f in sorted(glob.glob("themes/*.json")):
    text = re.sub(r"^\s*//.*$", "", open(f, encoding="utf-8").read(), flags=re.M)
    for name in json.loads(text)["Themes"]:
        print(name)
PY
)

echo "screenshots:"
for theme in "${themes[@]}"; do
  file=$(echo "$theme" | tr 'A-Z ' 'a-z-')
  shot "docs/images/themes/$file.png" COLORTERM=truecolor -- --theme "$theme"
done
shot docs/images/screen-24bit.png COLORTERM=truecolor -- --theme "Tuiproc Dark"
shot docs/images/screen-256.png -- --theme "Tuiproc Dark"
shot docs/images/screen-16.png -- --theme "Tuiproc Dark" --colors 16

# The gallery table of themes/README.md: two themes a row, between the markers.
python3 - "${themes[@]}" <<'PY'
import re, sys
names = sys.argv[1:]
cells = [f"![{n}](../docs/images/themes/{n.lower().replace(' ', '-')}.png)<br>{n}" for n in names]
rows = ["| | |", "|---|---|"] + ["| " + " | ".join(cells[i:i + 2] + [""] * (2 - len(cells[i:i + 2]))) + " |" for i in range(0, len(cells), 2)]
path = "themes/README.md"
text = open(path, encoding="utf-8").read()
begin, end = "<!-- GALLERY: made by build/gallery/make-gallery.sh -->", "<!-- /GALLERY -->"
if begin not in text:
    sys.exit(f"make-gallery: {path} has no '{begin}' line to write the gallery after")
table = re.sub(re.escape(begin) + r".*?" + re.escape(end), lambda _: begin + "\n" + "\n".join(rows) + "\n" + end, text, flags=re.S)
if table != text:  # untouched otherwise: themes/ is built into tuiproc, and a newer file means a native rebuild
    open(path, "w", encoding="utf-8").write(table)
print(f"  {path}: {len(names)} themes" + ("" if table != text else " (unchanged)"))
PY
