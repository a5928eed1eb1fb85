#!/usr/bin/env python3
"""Forward and forward+backward time of each DARTS op alone in plain PyTorch: the reference for
`nas bench --phase ops` (same ops, same shape, affine BatchNorm in training mode, the input's
gradient computed). One JSON line per op, as nas bench prints them.

    /usr/bin/python3 bench/ops_pytorch.py --batch 64 --channels 16 --size 28 --threads 2
"""
import argparse
import importlib.util
import json
import os
import statistics
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("darts_step", os.path.join(HERE, "darts_step_pytorch.py"))
darts = importlib.util.module_from_spec(spec)
spec.loader.exec_module(darts)

OPS = [("sep_conv_3x3", 1), ("sep_conv_5x5", 1), ("dil_conv_3x3", 1), ("dil_conv_5x5", 1),
       ("max_pool_3x3", 1), ("avg_pool_3x3", 1), ("skip_connect", 1), ("none", 1),
       ("sep_conv_3x3", 2), ("dil_conv_3x3", 2), ("max_pool_3x3", 2), ("avg_pool_3x3", 2),
       ("skip_connect", 2), ("prepr_normal", 1)]


def make(name, c, s):
    if name == "prepr_normal":
        return darts.affine(darts.ReluConvBn(c, c, 1, 1, 0))
    return darts.affine(darts.make_op(name, c, s))


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--batch", type=int, default=64)
    a.add_argument("--channels", type=int, default=16)
    a.add_argument("--size", type=int, default=28)
    a.add_argument("--steps", type=int, default=20)
    a.add_argument("--warmup", type=int, default=3)
    a.add_argument("--threads", type=int, default=2)
    args = a.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    shape = (args.batch, args.channels, args.size, args.size)
    for name, stride in OPS:
        op = make(name, args.channels, stride).train()
        fwd, both = [], []
        for i in range(args.warmup + args.steps):
            x = torch.randn(*shape, requires_grad=True)
            t0 = time.perf_counter()
            y = op(x)
            loss = y.sum()
            loss.item()
            t1 = time.perf_counter()
            loss.backward()
            x.grad.sum().item()
            t2 = time.perf_counter()
            op.zero_grad(set_to_none=True)
            if i >= args.warmup:
                fwd.append((t1 - t0) * 1e3)
                both.append((t2 - t0) * 1e3)
        print(json.dumps({"op": name, "stride": stride, "shape": list(shape),
                          "fwd_ms": round(statistics.median(fwd), 3),
                          "fwd_bwd_ms": round(statistics.median(both), 3),
                          "threads": str(args.threads), "side": "pytorch"}), flush=True)


if __name__ == "__main__":
    main()
