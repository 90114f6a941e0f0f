#!/usr/bin/env bash
# Installs Debian's headless browser and its WebDriver (chromium, chromium-driver) when they are missing: the
# browser test of the herd's page needs /usr/bin/chromium and /usr/bin/chromedriver. Used by .ci/run and by the test
# itself, so `mvn -B -ntp verify` works on a machine that has only the JDK, Maven and apt-get.
set -euo pipefail
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && exit 0
command -v apt-get >/dev/null || { echo "install-browser.sh: no apt-get; install chromium and chromedriver" >&2; exit 1; }
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo -n"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y -qq chromium chromium-driver > /dev/null 2>&1 \
  || { $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium chromium-driver; }
