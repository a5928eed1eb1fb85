#!/usr/bin/env bash
# Usage: bench/ops_compare.sh   (THREADS=2, BATCH=64, CHANNELS=16, SIZE=28, STEPS=20, WARMUP=20 by default;
# fewer warm-up steps leave the first ops timed before the JIT has compiled DJL's call path)
# Each DARTS op alone, forward and forward+backward: nas4j (`nas bench --phase ops`, DJL 0.35.1 /
# libtorch 2.7.1) against the same op in Python PyTorch (Debian python3-torch), twice each side,
# interleaved, same threads and shape. Prints one row per op with the medians and the ratio
# PyTorch time / nas4j time (above 1: nas4j is faster).
set -u
cd "$(dirname "$(readlink -f "$0")")/.."
unset OMP_WAIT_POLICY
T=${THREADS:-2}; B=${BATCH:-64}; C=${CHANNELS:-16}; S=${SIZE:-28}; N=${STEPS:-20}
tmp=$(mktemp -d)
for round in 1 2; do
  ./nas bench --algo darts --phase ops --batch $B --channels $C --size $S --steps $N --warmup ${WARMUP:-20} \
      --common.num_threads $T 2>/dev/null | grep '^{' >> "$tmp/nas4j.jsonl"
  /usr/bin/python3 bench/ops_pytorch.py --batch $B --channels $C --size $S --steps $N \
      --warmup ${WARMUP:-20} --threads $T >> "$tmp/pytorch.jsonl"
done
/usr/bin/python3 - "$tmp" <<'PY'
import json, sys, statistics, collections
d = sys.argv[1]
def load(f):
    rows = collections.defaultdict(lambda: {"fwd": [], "both": []})
    for line in open(f):
        r = json.loads(line)
        k = (r["op"], r["stride"])
        rows[k]["fwd"].append(r["fwd_ms"]); rows[k]["both"].append(r["fwd_bwd_ms"])
    return rows
j, p = load(d + "/nas4j.jsonl"), load(d + "/pytorch.jsonl")
print(f"{'op':<16}{'s':>2} {'nas4j fwd':>10} {'torch fwd':>10} {'ratio':>6} {'nas4j f+b':>10} {'torch f+b':>10} {'ratio':>6}")
for k in j:
    jf, pf = min(j[k]["fwd"]), min(p[k]["fwd"])
    jb, pb = min(j[k]["both"]), min(p[k]["both"])
    print(f"{k[0]:<16}{k[1]:>2} {jf:>10.2f} {pf:>10.2f} {pf/jf:>6.2f} {jb:>10.2f} {pb:>10.2f} {pb/jb:>6.2f}")
PY
rm -rf "$tmp"
