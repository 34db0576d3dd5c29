# shellcheck shell=bash
# Shared setup for scripts/serve and scripts/test: a Python >= 3.12 virtual environment in .venv
# with requirements-dev.txt, node_modules from package-lock.json (npm ci), Debian's chromium with a
# Chinese font (fonts-wqy-microhei), and for the tests the two other browser engines (WebKitGTK's
# WebDriver, Xvfb, Firefox ESR).
# Each step is skipped when its inputs have not changed since it last ran.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

log() { printf '==> %s\n' "$*" >&2; }

is_py312() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }

# A Python >= 3.12: $PYTHON if set, then versioned names on PATH, then pyenv's installs directly
# (a pyenv shim on PATH may fail when no version is selected; the check below runs each one).
find_python() {
  local cand path
  for cand in "${PYTHON:-}" python3.14 python3.13 python3.12 python3 \
      "$HOME"/.pyenv/versions/3.1[2-9]*/bin/python3 /root/.pyenv/versions/3.1[2-9]*/bin/python3 \
      /usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9]; do
    [ -n "$cand" ] || continue
    path="$(command -v "$cand" 2>/dev/null || true)"
    [ -n "$path" ] || continue
    if is_py312 "$path"; then printf '%s\n' "$path"; return 0; fi
  done
  return 1
}

stamp_ok() { [ -f "$2" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$(cat "$2")" ]; }
stamp_write() { sha256sum "$1" | cut -d' ' -f1 > "$2"; }

setup_venv() {
  if [ -x "$PY" ] && ! is_py312 "$PY"; then
    log ".venv has Python < 3.12: recreating it"
    rm -rf "$VENV"
  fi
  if [ ! -x "$PY" ]; then
    local base
    base="$(find_python)" || { echo "error: no Python >= 3.12 found (set PYTHON=/path/to/python3.12)" >&2; exit 1; }
    log "creating .venv with $base"
    "$base" -m venv "$VENV"
  fi
  if ! stamp_ok "$ROOT/requirements-dev.txt" "$VENV/.requirements-dev.sha256"; then
    log "installing requirements-dev.txt"
    "$PY" -m pip install --quiet --disable-pip-version-check -r "$ROOT/requirements-dev.txt"
    stamp_write "$ROOT/requirements-dev.txt" "$VENV/.requirements-dev.sha256"
  fi
}

apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "error: $* missing; install it (apt-get install -y $*) or run as root" >&2
    exit 1
  fi
  log "apt-get install $*"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

setup_node() {
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  if ! stamp_ok "$ROOT/package-lock.json" "$ROOT/node_modules/.package-lock.sha256"; then
    log "npm ci (Pyodide runtime, QR code, esbuild, puppeteer-core)"
    # puppeteer-core downloads no browser; the variable keeps it so should `puppeteer` ever come in
    (cd "$ROOT" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    stamp_write "$ROOT/package-lock.json" "$ROOT/node_modules/.package-lock.sha256"
  fi
}

# Debian's chromium, and a Chinese font for it: every computer our users have shows Chinese, so
# the screenshots the tests keep and the benchmark's layout times are only real with one (with
# none, every character is a box and each one sends the browser through a failed font search).
CJK_FONT=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
missing_chromium() {
  [ -x /usr/bin/chromium ] || echo chromium
  [ -f "$CJK_FONT" ] || echo fonts-wqy-microhei
}

setup_chromium() {
  local missing
  missing="$(missing_chromium)"
  [ -z "$missing" ] || apt_install $missing
}

# The browser tests also run the calculator's main flows in the engines of Safari and Firefox
# (tests/browser/engines/): WebKitGTK through its WebDriver (webkit2gtk-driver, which needs an X
# display: Xvfb) driven by selenium (requirements-dev.txt), and Firefox ESR driven by
# puppeteer-core over WebDriver BiDi (package.json). All from Debian and the registries: no
# browser is downloaded from anywhere else.
missing_engines() {
  [ -x /usr/bin/WebKitWebDriver ] || echo webkit2gtk-driver
  command -v Xvfb >/dev/null 2>&1 || echo xvfb
  [ -x /usr/bin/firefox-esr ] || echo firefox-esr
  # libfaketime: WebKitGTK's clock is set to the tests' day (tests/browser/engines/drivers.py)
  [ -f /usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1 ] || echo faketime
}

setup_browsers() {
  local missing
  missing="$(missing_chromium) $(missing_engines)"
  missing="$(echo $missing)"
  [ -z "$missing" ] || apt_install $missing
}

build_site() {
  log "python build.py"
  (cd "$ROOT" && "$PY" build.py)
}
