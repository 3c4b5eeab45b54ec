#!/usr/bin/env bash
# Installs the system packages the tests need (Debian/Ubuntu): Chromium for the renderer
# end-to-end tests and PDF printing, LibreOffice Calc to check that exported xlsx open and
# render, poppler for pdftotext/pdftoppm, and CJK fonts so Chinese text renders.
# Packages already present are not reinstalled. Needs root (or sudo).
set -euo pipefail

PACKAGES=(chromium libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils fonts-noto-cjk python3-openpyxl)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: ${PACKAGES[*]}"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "需要 root 权限安装：${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}"
