#!/usr/bin/env bash
# System programs rapportdata uses beyond Python: Tesseract with Swedish (scanned PDFs),
# poppler's pdftotext (the PDF benchmark's yardstick), LibreOffice (legacy .doc) and Chromium (the
# review site's test in a real browser).
# Idempotent: installs only what is missing, and only where apt-get can (Debian/Ubuntu as root).
set -euo pipefail

missing=()
command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx swe \
  || missing+=(tesseract-ocr tesseract-ocr-swe)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" -ne 0 ]; then
  echo "rapportdata: please install these system packages (or their equivalents): ${missing[*]}" >&2
  echo "rapportdata: without them the tests for scanned PDFs and .doc files cannot run" >&2
  exit 1
fi
echo "rapportdata: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
