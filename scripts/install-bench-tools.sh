#!/usr/bin/env bash
# Installs the outside tools the benchmarks use as baselines (Debian's pgloader for exchange.mariadb_import).
set -euo pipefail
if command -v pgloader >/dev/null 2>&1; then exit 0; fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends pgloader
