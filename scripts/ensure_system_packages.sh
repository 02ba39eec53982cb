#!/usr/bin/env bash
# Install the Debian packages the tests need, only those missing: PostgreSQL and Redis servers,
# nginx, Chromium for the browser tests, iproute2 (ss reads the Rasa servers' accept queues in
# the production tests), and kubectl (the deployment tests render deploy/k8s with
# `kubectl kustomize`). A missing one fails the tests (tests/system_packages.py), never skips them.
set -euo pipefail
packages=(postgresql redis-server nginx chromium iproute2)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# Debian's kubectl is the package kubernetes-client; a kubectl already installed (a cloud SDK's)
# is used as it is.
command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "error: missing Debian packages: ${missing[*]}; install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The packages' own services are not used: tests start private servers on free ports.
for service in postgresql redis-server nginx; do
  service "$service" stop >/dev/null 2>&1 || true
done
