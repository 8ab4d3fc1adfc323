#!/bin/sh
# Clinic Companion bridge: install for the current Linux user (no root needed).
#   - copies the bridge bundle to ${XDG_DATA_HOME:-~/.local/share}/clinic-companion/bridge
#   - a systemd --user unit that starts it at login (and now)
#   - the native messaging host for Google Chrome, Chromium and Microsoft Edge, so the extension
#     pairs with no token to paste (the same registration the bridge repeats at every start)
# Usage: install.sh [--from BUNDLE_DIR] [--no-start]
#   --from      the built bundle (default: this script's folder, or .output/bridge of the repo)
#   --no-start  write everything but do not call systemctl (images, tests)
# Environment: CLINIC_COMPANION_NODE = the node binary (default: node on PATH; ≥ 20).
set -eu

UNIT_NAME=clinic-companion-bridge.service
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
from=""
start=1
while [ $# -gt 0 ]; do
  case "$1" in
    --from) from=$2; shift 2 ;;
    --no-start) start=0; shift ;;
    *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "$from" ]; then
  if [ -f "$here/main.mjs" ]; then from=$here; else from="$here/../../.output/bridge"; fi
fi
[ -f "$from/main.mjs" ] || { echo "install.sh: no bridge bundle in $from (run npm run build)" >&2; exit 1; }
from=$(CDPATH= cd -- "$from" && pwd)

node=${CLINIC_COMPANION_NODE:-$(command -v node || true)}
[ -n "$node" ] && [ -x "$node" ] || { echo "install.sh: node (>= 20) not found; set CLINIC_COMPANION_NODE" >&2; exit 1; }
major=$("$node" -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] || { echo "install.sh: node $major is too old (>= 20 needed)" >&2; exit 1; }

data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/clinic-companion"
dest="$data_dir/bridge"
unit_dir="${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user"
version=$("$node" -p "require('$from/package.json').version")

# Copy beside, then swap: a running bridge keeps its open files until it restarts.
mkdir -p "$data_dir"
rm -rf "$dest.new"
cp -R "$from/." "$dest.new"
rm -rf "$dest"
mv "$dest.new" "$dest"

mkdir -p "$unit_dir"
esc() { printf '%s' "$1" | sed 's/%/%%/g'; }
cat > "$unit_dir/$UNIT_NAME" <<UNIT
# Clinic Companion bridge $version, installed by install.sh (remove with uninstall.sh).
[Unit]
Description=Clinic Companion bridge (SITHS card and PDF export for the browser extension)

[Service]
Type=simple
ExecStart="$(esc "$node")" "$(esc "$dest")/main.mjs"
Restart=on-failure
RestartSec=5
# Exit code 2 is a configuration error: restarting would not help, the log says what to fix.
RestartPreventExitStatus=2
# Logs: journalctl --user -u $UNIT_NAME

[Install]
WantedBy=default.target
UNIT

"$node" "$dest/lib/host-registration.mjs" register

if [ "$start" = 1 ] && systemctl --user show-environment >/dev/null 2>&1; then
  systemctl --user daemon-reload
  systemctl --user enable "$UNIT_NAME" >/dev/null
  systemctl --user restart "$UNIT_NAME"
  echo "Clinic Companion bridge $version installed and started (systemctl --user status $UNIT_NAME)."
elif [ "$start" = 1 ]; then
  echo "Clinic Companion bridge $version installed. No systemd user session here: it starts at the next login,"
  echo "or now with: systemctl --user enable --now $UNIT_NAME (or: \"$node\" \"$dest/main.mjs\")"
else
  echo "Clinic Companion bridge $version installed in $dest (not started: --no-start)."
fi
