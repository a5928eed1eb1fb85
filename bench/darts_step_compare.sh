#!/usr/bin/env bash
# Usage: bench/darts_step_compare.sh   (THREADS="2 1" and STEPS=3 by default; needs python3-torch)
# DARTS search step (8 cells, 16 channels, batch 64, first order, Fashion-MNIST shape 1x28x28):
# nas4j (DJL 0.35.1 / libtorch 2.7.1) vs the same step in Python PyTorch (Debian python3-torch),
# same machine, same thread count, libgomp's default OpenMP waiting for both.
set -u
cd "$(dirname "$(readlink -f "$0")")/.."
unset OMP_WAIT_POLICY
for T in ${THREADS:-2 1}; do
  echo "== threads $T"
  ./nas bench --algo darts --full --phase search --order first --batch 64 --steps ${STEPS:-3} \
      --warmup 1 --common.num_threads $T 2>/dev/null | tail -1
  /usr/bin/python3 bench/darts_step_pytorch.py --batch 64 --steps ${STEPS:-3} --warmup 1 \
      --channels 1 --size 28 --threads $T
done
