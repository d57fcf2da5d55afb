#!/usr/bin/env bash
# End-to-end timings of `crosswalk audit` (workbook and JSON) on generated catalogs of 1k, 10k
# and 100k trainings, beside two I/O floors timed by examples/io_floor.rs: copying the input's
# cells into a new workbook, and reading the input then writing the cells of crosswalk's own
# output workbook. The output floor is timed twice: saved at rust_xlsxwriter's default zip level,
# and at the level crosswalk saves at (report::sheet::ZIP_LEVEL). Prints a Markdown table
# (release build, best of three runs).
#
#   bash scripts/bench.sh [SIZES...]      e.g. bash scripts/bench.sh 1000 10000
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] && sizes=("$@") || sizes=(1000 10000 100000)
work=${BENCH_DIR:-/tmp/crosswalk-bench}
mkdir -p "$work"
cargo build --release --quiet --bin crosswalk --example gen_catalog --example io_floor
bin=target/release
level=$(sed -n 's/^pub const ZIP_LEVEL: u8 = \([0-9]\);/\1/p' src/report/sheet.rs)
timed() { # prints "seconds KiB"
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
    cat "$work/stderr.txt" >&2; exit 1; }
  cat "$work/time.txt"
}
best() { # best wall of three runs, and the peak memory of that run
  local best_s="" best_k=""
  for _ in 1 2 3; do
    read -r s k < <(timed "$@")
    if [ -z "$best_s" ] || awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; best_k=$k; fi
  done
  echo "$best_s $best_k"
}
echo "| trainings | crosswalk audit | peak memory | floor: copy the input | floor: read input, write output cells | audit / output floor | same floor at zip level $level | audit / that floor |"
echo "|---|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  catalog="$work/catalog-$n.xlsx"
  [ -f "$catalog" ] || "$bin/examples/gen_catalog" "$n" "$catalog" 2>/dev/null
  read -r a_s a_k < <(best "$bin/crosswalk" audit "$catalog" -o "$work/audit-$n.xlsx" --json "$work/audit-$n.json" -q)
  floor() { # best of three, as timed inside io_floor
    local b=""
    for _ in 1 2 3; do
      t=$("$bin/examples/io_floor" "$@")
      if [ -z "$b" ] || awk "BEGIN{exit !($t < $b)}"; then b=$t; fi
    done
    echo "$b"
  }
  copy_s=$(floor "$catalog" "$work/floor-copy-$n.xlsx")
  out_s=$(floor "$catalog" "$work/floor-out-$n.xlsx" "$work/audit-$n.xlsx")
  level_s=$(floor "$catalog" "$work/floor-out-$n.xlsx" "$work/audit-$n.xlsx" --zip-level "$level")
  ratio() { awk "BEGIN{ if ($2 > 0) printf \"%.2f\", $1 / $2; else print \"-\" }"; }
  printf "| %s | %s s | %s MiB | %s s | %s s | %s | %s s | %s |\n" "$n" "$a_s" "$((a_k / 1024))" \
    "$copy_s" "$out_s" "$(ratio "$a_s" "$out_s")" "$level_s" "$(ratio "$a_s" "$level_s")"
done
