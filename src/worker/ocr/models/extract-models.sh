#!/usr/bin/env bash
# Fetches the rapidocr 3.10.0 wheel from PyPI and copies the two PP-OCRv6 small
# models out of it into this folder, then checks them against SHA256SUMS.
# The models are committed, so builds never need this: it shows where they
# come from and restores them. Needs python3 with pip, and unzip.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps --only-binary=:all: rapidocr==3.10.0 -d "$tmp"
unzip -q -j -o "$tmp"/rapidocr-3.10.0-py3-none-any.whl \
    rapidocr/models/PP-OCRv6_det_small.onnx rapidocr/models/PP-OCRv6_rec_small.onnx \
    rapidocr-3.10.0.dist-info/licenses/MODEL_LICENSES.md -d "$tmp/x"
cp "$tmp"/x/*.onnx "$tmp"/x/MODEL_LICENSES.md "$here"/
cd "$here" && sha256sum --check SHA256SUMS
