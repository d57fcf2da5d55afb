#!/usr/bin/env bash
# Times `crosswalk transcript --batch` on a folder of N applicants (copies of the sample
# transcript, each with the sample RSC log) checked for two endorsements, without and with a
# generated recommendation catalog of M trainings. Prints wall time and peak memory.
#
#   bash scripts/bench-batch.sh [APPLICANTS] [CATALOG_TRAININGS]     default 200 5000
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
m=${2:-5000}
work=${BENCH_DIR:-/tmp/crosswalk-bench}/batch-$n
rm -rf "$work" && mkdir -p "$work/in"
cargo build --release --quiet --bin crosswalk --example gen_catalog
for i in $(seq 1 "$n"); do
  cp samples/applicant-transcript.csv "$work/in/applicant-$i.csv"
  cp samples/rsc-log.csv "$work/in/applicant-$i.rsc.csv"
done
catalog="$work/catalog-$m.xlsx"
target/release/examples/gen_catalog "$m" "$catalog" 2>/dev/null
run() {
  /usr/bin/time -f "%e s, peak %M KiB" target/release/crosswalk transcript --batch "$work/in" \
    --endorsement imhm-c --endorsement imhs --as-of 2025-06-30 --out-dir "$work/out" -q "$@" \
    2>&1 >/dev/null | tail -1
}
echo "$n applicants, 2 endorsements: $(run)"
echo "$n applicants, 2 endorsements, recommendations from $m trainings: $(run --catalog "$catalog")"
