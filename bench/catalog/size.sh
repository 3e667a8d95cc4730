#!/usr/bin/env bash
# Catalog size benchmark: bootstraps Kanal under -Xmx256m on a generated catalog of 60,000 titles
# (~1.2 M episodes: CatalogBench at scale 3) and prints the catalog's size on disk, the heap after GC
# and the process's peak RSS (VmHWM; Kanal and the generator share the process). No searches.
# Usage: bench/catalog/size.sh [scale, default 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH_XMX="${BENCH_XMX:-256m}" exec bench/catalog/run.sh 0 "${1:-3}"
