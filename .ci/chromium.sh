# Finds or installs a headless-capable Chromium for the dashboard's browser test. Meant to be *sourced*
# by a test script, like postgres.sh:
#
#   source .ci/chromium.sh && dotnet test ...
#
# Needs root or passwordless sudo on a Debian-like machine with apt when no Chromium is installed (Debian's
# `chromium` package is installed then). Exports AUTONOMY_TEST_CHROMIUM (the path of the browser binary).
# Does nothing when AUTONOMY_TEST_CHROMIUM is already set, so a developer's own browser wins.

# shellcheck source=as-root.sh
source "$(dirname "${BASH_SOURCE[0]}")/as-root.sh"

autonomy_find_chromium() {
  local name
  for name in chromium chromium-browser google-chrome-stable google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then
      command -v "$name"
      return 0
    fi
  done
  return 1
}

autonomy_setup_chromium() {
  local binary
  binary=$(autonomy_find_chromium || true)
  if [ -z "$binary" ]; then
    echo "==> installing Chromium"
    autonomy_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
    autonomy_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null || return 1
    binary=$(autonomy_find_chromium || true)
    if [ -z "$binary" ]; then
      echo "the chromium package was installed but no chromium binary is on PATH" >&2
      return 1
    fi
  fi

  export AUTONOMY_TEST_CHROMIUM=$binary
  echo "==> Chromium at $AUTONOMY_TEST_CHROMIUM ($("$AUTONOMY_TEST_CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
}

if [ -z "${AUTONOMY_TEST_CHROMIUM:-}" ]; then
  autonomy_setup_chromium
else
  echo "==> using Chromium from AUTONOMY_TEST_CHROMIUM"
fi
