#!/usr/bin/env bash
# Installs what the Spark runner needs, when missing:
#   a Java 17+ runtime (apt, as root: openjdk-17-jre-headless, else openjdk-21-jre-headless),
#   a Python virtual environment VENV_DIR with the pinned PySpark of REQUIREMENTS.
# usage: install-deps.sh VENV_DIR REQUIREMENTS
# Exit status: 0 ready; 2 something is missing and cannot be installed without root (says what).
set -euo pipefail
venv=$1 requirements=$2

java_major() {
  command -v java >/dev/null 2>&1 || { echo 0; return; }
  java -version 2>&1 | sed -nE '1s/.* version "(1\.)?([0-9]+).*/\2/p' | grep . || echo 0
}

updated=no
apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "missing: run  sudo apt-get install -y $*" >&2
    exit 2
  fi
  echo "installing $*" >&2
  if [ $updated = no ]; then apt-get update -qq; updated=yes; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ "$(java_major)" -lt 17 ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq; updated=yes; fi
  if apt-cache show openjdk-17-jre-headless >/dev/null 2>&1; then
    apt_install openjdk-17-jre-headless
  else
    apt_install openjdk-21-jre-headless
  fi
  if [ "$(java_major)" -lt 17 ]; then
    echo "java on PATH is still older than 17: set JAVA_HOME/PATH to the new runtime (/usr/lib/jvm/)" >&2
    exit 2
  fi
fi

stamp="$venv/.requirements"
if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && cmp -s "$stamp" "$requirements"; then
  exit 0
fi
if ! python3 -m venv "$venv" >/dev/null 2>&1; then
  rm -rf "$venv"
  apt_install python3-venv
  python3 -m venv "$venv"
fi
echo "installing $(tr '\n' ' ' < "$requirements")into $venv" >&2
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
cp "$requirements" "$stamp"
