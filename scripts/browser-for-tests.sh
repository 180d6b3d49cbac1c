#!/usr/bin/env bash
# A browser for the dashboard's tests, on this machine (Debian, as root): Debian's `chromium`.
#
#   bash scripts/browser-for-tests.sh      # then: pytest tests/web
#
# The tests drive it with Playwright (the pip package `playwright`, installed with the dev extra),
# launched with `executable_path` pointing at Debian's binary: Playwright's own browser downloads
# are never used. Installs the package when it is missing; when it is there already, it only
# checks that it starts (well under a second). Prints one line on stdout,
#   export PARLEY_TEST_CHROMIUM='/usr/bin/chromium'
# and everything else on stderr, so `eval "$(bash scripts/browser-for-tests.sh)"` works.
set -euo pipefail

say() { echo "browser-for-tests: $*" >&2; }
die() { say "$*"; exit 1; }

find_browser() {
    for candidate in "${PARLEY_TEST_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
        if [ -n "$candidate" ] && [ -x "$candidate" ]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

if ! BROWSER=$(find_browser); then
    [ "$(id -u)" -eq 0 ] || die "chromium is not installed; run this script as root to install it"
    say "installing Debian's chromium package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
    BROWSER=$(find_browser) || die "chromium was installed but no binary was found"
fi

"$BROWSER" --headless --no-sandbox --disable-gpu --version >&2 \
    || die "$BROWSER is installed but does not start"

echo "export PARLEY_TEST_CHROMIUM='$BROWSER'"
