#!/usr/bin/env bash
# Installs what TradingPlatform needs and is missing: the .NET SDK check, Debian's server packages, Chromium and a font.
# Sourced by run.sh and test.sh; idempotent (a second run installs nothing).

tp_log() { printf '[setup] %s\n' "$*"; }

tp_missing_packages() {
  local missing=()
  compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  # The dashboard's browser tests drive Debian's Chromium headless (Playwright cannot download its own here).
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # ScottPlot (backtest charts) draws every label with a system font; without one it silently draws no text.
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
  printf '%s\n' "${missing[@]}"
}

tp_install_packages() {
  local packages=("$@") runner=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      runner=(sudo)
    else
      echo "error: missing packages: ${packages[*]}; run as root or install sudo, then: apt-get install -y ${packages[*]}" >&2
      return 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: missing packages: ${packages[*]}; this script installs them with apt-get (Debian/Ubuntu); install them with your package manager" >&2
    return 1
  fi
  tp_log "installing ${packages[*]} (apt-get)"
  # policy-rc.d keeps the packages' own system services from starting: the AppHost runs its own instances.
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | "${runner[@]}" tee "$policy" >/dev/null && "${runner[@]}" chmod +x "$policy" && created_policy=1
  fi
  local status=0
  { "${runner[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${runner[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null; } || status=$?
  [ "$created_policy" -eq 1 ] && "${runner[@]}" rm -f "$policy"
  if [ "$status" -ne 0 ]; then
    echo "error: apt-get could not install ${packages[*]} (exit $status); check the network or the package sources" >&2
    return 1
  fi
}

tp_ensure_prerequisites() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: the .NET SDK 10 is not installed; install it from https://dot.net (or: apt-get install -y dotnet-sdk-10.0 where your sources have it)" >&2
    return 1
  fi
  local sdk_major
  sdk_major=$(dotnet --version 2>/dev/null | cut -d. -f1)
  if [ "${sdk_major:-0}" -lt 10 ]; then
    echo "error: .NET SDK 10 or newer is required, found $(dotnet --version 2>/dev/null || echo none)" >&2
    return 1
  fi
  local missing
  mapfile -t missing < <(tp_missing_packages)
  if [ "${#missing[@]}" -gt 0 ] && [ -n "${missing[0]}" ]; then
    tp_install_packages "${missing[@]}" || return 1
  fi
  export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}
