#!/usr/bin/env bash
# The handout pages shown in README.md: casus 8 in the participant and the trainer edition,
# as PDF, then every page as PNG (pdftoppm, from poppler-utils). Run from anywhere:
#   bash docs/handout/make.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
voorveld="${VOORVELD:-$here/../../.venv/bin/voorveld}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

rm -f "$here"/deelnemer-pagina-*.png "$here"/trainer-pagina-*.png
for edition in participant trainer; do
  name=$([ "$edition" = participant ] && echo deelnemer || echo trainer)
  "$voorveld" handout casus-08-meer-instanties-minder-oplossingen --edition "$edition" -o "$work/$name.pdf"
  pdftoppm -png -r 60 "$work/$name.pdf" "$here/$name-pagina"
done
ls "$here"/*.png
