#!/bin/sh
# Clinic Companion bridge: uninstall for the current Linux user. Stops the bridge, removes the
# systemd --user unit, the native messaging host (Chrome, Chromium, Edge), the bundle and the
# bridge's configuration (token, bridge.json, trust anchors). The export folder is removed only
# when empty: exported journal PDFs are the user's, never deleted here.
# Usage: uninstall.sh [--keep-config]
set -eu

UNIT_NAME=clinic-companion-bridge.service
keep_config=0
[ "${1:-}" = "--keep-config" ] && keep_config=1

data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/clinic-companion"
dest="$data_dir/bridge"
config_dir="${XDG_CONFIG_HOME:-$HOME/.config}/clinic-companion"
unit_file="${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user/$UNIT_NAME"
node=${CLINIC_COMPANION_NODE:-$(command -v node || true)}

if systemctl --user show-environment >/dev/null 2>&1; then
  systemctl --user disable --now "$UNIT_NAME" >/dev/null 2>&1 || true
fi

# A bridge started by hand from the installed bundle: the discovery file names its process.
discovery="$config_dir/bridge-endpoint.json"
if [ -r "$discovery" ]; then
  pid=$(sed -n 's/.*"pid":\([0-9][0-9]*\).*/\1/p' "$discovery")
  if [ -n "$pid" ] && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF "$dest/main.mjs"; then
    kill -TERM "$pid" 2>/dev/null || true
    i=0
    while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
  fi
fi

# The export folder, before the configuration that may name it is gone.
export_dir=${CLINIC_BRIDGE_EXPORT_DIR:-}
if [ -z "$export_dir" ] && [ -r "$config_dir/bridge.json" ] && [ -n "$node" ]; then
  export_dir=$("$node" -p "JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')).exportDir || ''" "$config_dir/bridge.json" 2>/dev/null || true)
fi
export_dir=${export_dir:-"$HOME/Documents/Clinic Companion"}

if [ -n "$node" ] && [ -f "$dest/lib/host-registration.mjs" ]; then
  "$node" "$dest/lib/host-registration.mjs" remove
else
  # No bundle or node left: the same files by hand.
  for browser in google-chrome chromium microsoft-edge; do
    rm -f "$HOME/.config/$browser/NativeMessagingHosts/se.cliniccompanion.bridge.json"
    rmdir "$HOME/.config/$browser/NativeMessagingHosts" "$HOME/.config/$browser" 2>/dev/null || true
  done
  rm -rf "$config_dir/native-host"
fi

rm -f "$unit_file"
rmdir "$(dirname "$unit_file")" "$(dirname "$(dirname "$unit_file")")" 2>/dev/null || true
if systemctl --user show-environment >/dev/null 2>&1; then systemctl --user daemon-reload || true; fi

rm -rf "$dest" "$dest.new"
rmdir "$data_dir" 2>/dev/null || true

if [ "$keep_config" = 0 ]; then
  rm -rf "$config_dir"
else
  rm -f "$config_dir/bridge-endpoint.json" "$config_dir/bridge-endpoint.reply"
  echo "Kept $config_dir (token, bridge.json, trust anchors)."
fi

if [ -d "$export_dir" ]; then
  if rmdir "$export_dir" 2>/dev/null; then :; else
    echo "Kept $export_dir: it holds exported files (the user's, never deleted by uninstall)."
  fi
fi
echo "Clinic Companion bridge uninstalled."
