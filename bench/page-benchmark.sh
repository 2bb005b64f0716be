#!/usr/bin/env bash
# The page benchmark: what the plugin's placements cost on a product page of a real nopCommerce 4.90.6 shop.
# Builds the zip and the shop like .ci/e2e.sh, runs the end-to-end story up to the trained shop with placements
# (steps A-G), then step G6 times the product page as a logged-in shopper in interleaved blocks: plugin placements,
# nopCommerce's own also-purchased block, neither. Result: artifacts/page-benchmark.md (and the test output).
#
# Run it on a quiet machine: every other process on the two cores shows up in the numbers.
# Environment (optional): PERSONALIZATION_PAGE_BENCHMARK_ROUNDS (10), _PER_BLOCK (25), _WARMUP (10), _CLIENTS ("1,4"),
# and everything .ci/e2e.sh reads (PERSONALIZATION_E2E_KEEP_SHOP=1 leaves the shop running for a profiler).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PERSONALIZATION_PAGE_BENCHMARK=1
export PERSONALIZATION_E2E_STOP_AFTER=750
WORK=${PERSONALIZATION_E2E_WORK:-/var/tmp/personalization-e2e-shop}
rm -f "$WORK/page-benchmark.md"
bash .ci/e2e.sh
mkdir -p artifacts
cp "$WORK/page-benchmark.md" artifacts/page-benchmark.md
echo "page benchmark: artifacts/page-benchmark.md"
cat artifacts/page-benchmark.md
