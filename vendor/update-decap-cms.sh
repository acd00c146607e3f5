#!/bin/sh
# Re-vendor the Decap CMS app served at /admin/: the browser bundle of the npm package
# `decap-cms` at VERSION (its dist/ without source maps), fetched with `npm pack`, which
# checks the tarball against the registry's integrity hash. Writes vendor/decap-cms/ and its
# SHA256SUMS; tests/test_cms.py checks the files against the sums. Usage:
#   vendor/update-decap-cms.sh 3.16.3
set -eu
version=${1:?usage: vendor/update-decap-cms.sh VERSION}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "decap-cms@$version" >/dev/null && tar -xzf decap-cms-*.tgz)
out="$here/decap-cms"
rm -rf "$out"
mkdir -p "$out"
cp "$work/package/package.json" "$work/package/README.md" "$out/"
(cd "$work/package/dist" && cp decap-cms.js decap-cms.js.LICENSE.txt ./*.decap-cms.js ./*.wasm "$out/")
(cd "$out" && sha256sum -- *.js *.wasm *.txt package.json README.md | LC_ALL=C sort -k 2 >SHA256SUMS)
echo "vendor/decap-cms: decap-cms $version, $(wc -l <"$out/SHA256SUMS") files"
