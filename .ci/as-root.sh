# Defines autonomy_as_root, which the service scripts (postgres.sh, chromium.sh) use for apt-get, chown and runuser.
# Meant to be *sourced*.

# Root work runs directly as root, or through passwordless sudo for a developer.
autonomy_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    echo "\"$*\" needs root or passwordless sudo; or set AUTONOMY_TEST_POSTGRES / AUTONOMY_TEST_CHROMIUM to a server and a browser of your own" >&2
    return 1
  fi
}
