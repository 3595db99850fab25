#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Counts instructions per frame-hop with callgrind: the same binary and input
# always give the same count, so changes can be compared exactly.
set -euo pipefail
bin=${1:-build/bench/bench-forward}
echoes=${ECHOES:-2000}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Two runs that differ only in the number of echoes: the difference in
# instructions over the difference in frame-hops leaves set-up out.
for n in "$echoes" $((echoes * 2)); do
  valgrind --tool=callgrind --callgrind-out-file="$out/cg.$n" "$bin" --chain-only --echoes "$n" \
    > "$out/log.$n" 2> "$out/err.$n"
done
ir() { grep -E '^(summary|totals):' "$1" | head -1 | awk '{print $2}'; }
hops() { grep 'frame-hops:' "$1" | awk '{print $2}'; }
i1=$(ir "$out/cg.$echoes"); i2=$(ir "$out/cg.$((echoes * 2))")
h1=$(hops "$out/log.$echoes"); h2=$(hops "$out/log.$((echoes * 2))")
echo "instructions: $i1 ($h1 frame-hops), $i2 ($h2 frame-hops)"
echo "instructions per frame-hop: $(( (i2 - i1) / (h2 - h1) ))"
