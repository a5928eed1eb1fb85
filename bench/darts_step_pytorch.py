#!/usr/bin/env python3
"""Reference timing of one DARTS search step in plain PyTorch, for comparison with `nas bench`.

The supernet is the DARTS search network (8 cells, 16 channels, 4 nodes, reductions at cells 2
and 5, the eight DARTS primitives on every edge, non-affine BatchNorm), written here from the
paper's description, with Archai's two stems as nas4j builds them. One first-order step = an architecture step (forward/backward on a
validation batch, Adam on the alphas) + a weight step (forward/backward on a training batch,
global-norm clip 5, SGD). The second-order architecture step (`--order second`) is DARTS' unrolled
one: a virtual SGD step of the weights on the training batch (momentum and weight decay included),
the validation gradient at the virtual weights, and the Hessian-vector product by finite
differences at w +- R dw' (R = 0.01 / |dw'|), two more training-batch gradients of the alphas.
Prints one JSON line with the median step time and the peak RSS.

`--device cuda` (or `cuda:N`) runs the same step on an NVIDIA GPU: the network, its BatchNorm
buffers, the alphas, the optimizers' state and the batches live there, each timed step is bracketed
by torch.cuda.synchronize(), and the JSON line adds the GPU's name, the peak memory PyTorch
allocated over the timed steps and the device-wide used memory after them. TF32 flags are left at
PyTorch's defaults and cudnn.benchmark off (as DJL leaves it).

    /usr/bin/python3 bench/darts_step_pytorch.py --batch 64 --steps 10 --channels 1 --size 28 --threads 2
    python3 bench/darts_step_pytorch.py --batch 64 --steps 10 --channels 1 --size 28 --device cuda
    /usr/bin/python3 bench/darts_step_pytorch.py --batch 64 --data /usr/share/datasets/fashion-mnist
With --data DIR both batches of a step are drawn from Fashion-MNIST held in memory (as nas4j's
bench trains on it), else they are two fixed random batches.
"""
import argparse
import gzip
import os
import struct
import sys
import resource
import json
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

PRIMS = ["max_pool_3x3", "avg_pool_3x3", "skip_connect", "sep_conv_3x3", "sep_conv_5x5",
         "dil_conv_3x3", "dil_conv_5x5", "none"]


def affine(module):
    """Makes the BatchNorms of module learn scale and shift, as in evaluation networks."""
    for name, child in module.named_children():
        if isinstance(child, nn.BatchNorm2d):
            setattr(module, name, nn.BatchNorm2d(child.num_features, affine=True))
        else:
            affine(child)
    return module


def parse_device(text):
    """--device: cpu, cuda or cuda:N (the current CUDA device for cuda); a GPU only where this
    torch sees it."""
    try:
        dev = torch.device(text)
    except (RuntimeError, ValueError):
        dev = None
    if dev is None or dev.type not in ("cpu", "cuda"):
        raise argparse.ArgumentTypeError(f"{text!r}: expected cpu, cuda or cuda:N")
    if dev.type == "cpu":
        return torch.device("cpu")
    if not torch.cuda.is_available():
        raise argparse.ArgumentTypeError(
            f"{text}: CUDA is not available to this torch {torch.__version__} "
            f"(torch.cuda.is_available() is False)")
    index = torch.cuda.current_device() if dev.index is None else dev.index
    if index >= torch.cuda.device_count():
        raise argparse.ArgumentTypeError(
            f"{text}: no such GPU, torch sees {torch.cuda.device_count()}")
    return torch.device("cuda", index)


def use_device(args):
    """Makes args.device (a CUDA one) the current device and returns it."""
    if args.device.type == "cuda":
        torch.cuda.set_device(args.device)
    return args.device


def step_args(description, batch):
    """The arguments every step script takes: shape, threads, device, network size, timing,
    profile."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--batch", type=int, default=batch)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--channels", type=int, default=1)
    ap.add_argument("--size", type=int, default=28)
    ap.add_argument("--threads", type=int, default=2, help="CPU threads (torch.set_num_threads)")
    ap.add_argument("--device", type=parse_device, default="cpu",
                    help="cpu (default), cuda or cuda:N")
    ap.add_argument("--cells", type=int, default=8)
    ap.add_argument("--init-ch", type=int, default=16)
    ap.add_argument("--profile", metavar="FILE",
                    help="also write the operator profile of the timed steps (Chrome trace)")
    ap.add_argument("--channels-last", action="store_true",
                    help="network and batches in torch.channels_last (default: contiguous)")
    ap.add_argument("--data", metavar="DIR",
                    help="train on the Fashion-MNIST IDX files in DIR (both splits held in memory"
                         " as uint8, as torchvision and nas4j hold them; each step draws a random"
                         " batch and normalizes it) instead of one random batch")
    return ap


# Fashion-MNIST's normalization, as confs/datasets/fashion_mnist.yaml gives it
FMNIST_MEAN, FMNIST_STD = 0.2860, 0.3530


def read_idx(path):
    """The array of an IDX file (gzipped or not), as a uint8 tensor of the shape its header gives."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        dims = f.read(4)[3]
        shape = struct.unpack(">" + "I" * dims, f.read(4 * dims))
        data = bytearray(1)
        for n in shape:
            data *= n  # one buffer of the final size, read into: no copy
        f.readinto(data)
    return torch.frombuffer(data, dtype=torch.uint8).reshape(shape)


def idx_file(directory, name):
    for candidate in (name, name + ".gz"):
        path = os.path.join(directory, candidate)
        if os.path.isfile(path):
            return path
    sys.exit(f"{os.path.join(directory, name)}[.gz] is missing (apt-get install dataset-fashion-mnist)")


class Batches:
    """The batches of a step script: with --data, random batches of the Fashion-MNIST training
    split (the test split is loaded too and kept, as an evaluation holds it); else one random
    batch, reused every step."""

    def __init__(self, args, dev, classes=10):
        self.args, self.dev = args, dev
        shape = (args.batch, args.channels, args.size, args.size)
        if args.data:
            if (args.channels, args.size) != (1, 28):
                sys.exit("--data reads Fashion-MNIST: use --channels 1 --size 28")
            self.images = read_idx(idx_file(args.data, "train-images-idx3-ubyte"))
            self.labels = read_idx(idx_file(args.data, "train-labels-idx1-ubyte")).long()
            self.test = (read_idx(idx_file(args.data, "t10k-images-idx3-ubyte")),
                         read_idx(idx_file(args.data, "t10k-labels-idx1-ubyte")))
        else:
            self.x = torch.randn(shape, device=dev).contiguous(memory_format=memory_format(args))
            self.y = torch.randint(0, classes, (args.batch,), device=dev)

    def next(self):
        """(images, labels) of the next step."""
        if not self.args.data:
            return self.x, self.y
        idx = torch.randint(0, self.images.shape[0], (self.args.batch,))
        x = self.images[idx].unsqueeze(1).float().div_(255).sub_(FMNIST_MEAN).div_(FMNIST_STD)
        x = x.to(self.dev).contiguous(memory_format=memory_format(self.args))
        return x, self.labels[idx].to(self.dev)


def memory_format(args):
    """The memory format --channels-last asks for."""
    return torch.channels_last if args.channels_last else torch.contiguous_format


def time_steps(step, args):
    """Runs step() args.warmup + args.steps times and returns the timed steps' median seconds,
    writing their operator profile to args.profile when given. On CUDA each step is bracketed by
    torch.cuda.synchronize() and the peak memory statistics are reset after the warmup (report()
    reads them right after)."""
    cuda = args.device.type == "cuda"

    def sync():
        if cuda:
            torch.cuda.synchronize(args.device)

    times, prof = [], None
    for i in range(args.warmup + args.steps):
        if i == args.warmup:
            if cuda:
                sync()
                torch.cuda.reset_peak_memory_stats(args.device)
            if args.profile and cuda:
                acts = [torch.profiler.ProfilerActivity.CPU, torch.profiler.ProfilerActivity.CUDA]
                prof = torch.profiler.profile(activities=acts, record_shapes=True).__enter__()
            elif args.profile:
                prof = torch.autograd.profiler.profile(record_shapes=True).__enter__()
        sync()
        t0 = time.perf_counter()
        step()
        sync()
        if i >= args.warmup:
            times.append(time.perf_counter() - t0)
    if prof is not None:
        prof.__exit__(None, None, None)
        prof.export_chrome_trace(args.profile)
    return statistics.median(times)


def device_fields(args):
    """The device's entries of the JSON line: its name, and on CUDA the GPU's name, the peak
    memory PyTorch allocated since time_steps() reset it (the timed steps) and the memory in use
    on the whole device now, in MB, and the cudnn.benchmark flag (left at its default, off)."""
    fields = {"device": str(args.device)}
    if args.device.type == "cuda":
        free, total = torch.cuda.mem_get_info(args.device)
        fields.update({
            "gpu_name": torch.cuda.get_device_name(args.device),
            "gpu_mb_peak_allocated": round(torch.cuda.max_memory_allocated(args.device) / 2**20, 1),
            "gpu_mb_used": round((total - free) / 2**20, 1),
            "cudnn_benchmark": bool(torch.backends.cudnn.benchmark),
        })
    return fields


def report(args, phase, med, params, **extra):
    """Prints the one JSON line of a step script."""
    print(json.dumps({"impl": "pytorch", "phase": phase, **extra, "torch": torch.__version__,
                      "threads": args.threads, **device_fields(args),
                      "memory_format": "channels_last" if args.channels_last else "contiguous",
                      "batch": args.batch,
                      "input": [args.channels, args.size, args.size], "cells": args.cells,
                      "params": params, "steps": args.steps,
                      "step_ms_median": round(1000 * med, 1),
                      "images_per_s": round(args.batch / med, 1),
                      "rss_mb_peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))


def bn(c):
    return nn.BatchNorm2d(c, affine=False)


class ReluConvBn(nn.Sequential):
    def __init__(self, cin, cout, k, s, p):
        super().__init__(nn.ReLU(), nn.Conv2d(cin, cout, k, s, p, bias=False), bn(cout))


class DilConv(nn.Sequential):
    def __init__(self, c, k, s, p, d):
        super().__init__(nn.ReLU(), nn.Conv2d(c, c, k, s, p, dilation=d, groups=c, bias=False),
                         nn.Conv2d(c, c, 1, bias=False), bn(c))


class SepConv(nn.Sequential):
    def __init__(self, c, k, s, p):
        super().__init__(DilConv(c, k, s, p, 1), DilConv(c, k, 1, p, 1))


class FactorizedReduce(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.c1 = nn.Conv2d(cin, cout // 2, 1, 2, bias=False)
        self.c2 = nn.Conv2d(cin, cout // 2, 1, 2, bias=False)
        self.bn = bn(cout)

    def forward(self, x):
        x = F.relu(x)
        y = F.pad(x[:, :, 1:, 1:], (0, 1, 0, 1))
        return self.bn(torch.cat([self.c1(x), self.c2(y)], dim=1))


class Zero(nn.Module):
    def __init__(self, s):
        super().__init__()
        self.s = s

    def forward(self, x):
        return x[:, :, ::self.s, ::self.s].mul(0.0)


def make_op(name, c, s):
    if name == "none":
        return Zero(s)
    if name == "skip_connect":
        return nn.Identity() if s == 1 else FactorizedReduce(c, c)
    if name == "max_pool_3x3":
        return nn.Sequential(nn.MaxPool2d(3, s, 1), bn(c))
    if name == "avg_pool_3x3":
        return nn.Sequential(nn.AvgPool2d(3, s, 1, count_include_pad=False), bn(c))
    k = int(name[-1])
    if name.startswith("sep_conv"):
        return SepConv(c, k, s, k // 2)
    return DilConv(c, k, s, k - 1, 2)


class MixedOp(nn.Module):
    def __init__(self, c, s):
        super().__init__()
        self.ops = nn.ModuleList(make_op(p, c, s) for p in PRIMS)

    def forward(self, x, w):
        return sum(wi * op(x) for wi, op in zip(w, self.ops))


class Cell(nn.Module):
    def __init__(self, c_pp, c_p, c, red, red_prev, nodes=4):
        super().__init__()
        self.pre0 = FactorizedReduce(c_pp, c) if red_prev else ReluConvBn(c_pp, c, 1, 1, 0)
        self.pre1 = ReluConvBn(c_p, c, 1, 1, 0)
        self.nodes = nodes
        self.red = red
        self.edges = nn.ModuleList()
        for i in range(nodes):
            for j in range(2 + i):
                self.edges.append(MixedOp(c, 2 if red and j < 2 else 1))

    def forward(self, s0, s1, weights):
        states = [self.pre0(s0), self.pre1(s1)]
        k = 0
        for i in range(self.nodes):
            states.append(sum(self.edges[k + j](h, weights[k + j]) for j, h in enumerate(states)))
            k += len(states) - 1
        return torch.cat(states[-self.nodes:], dim=1)


class Network(nn.Module):
    def __init__(self, cin, c=16, n_classes=10, layers=8, nodes=4, mult=3):
        super().__init__()
        cs = mult * c
        # two stems, one per input of the first cell, with the search network's non-affine
        # BatchNorm, as Archai and nas4j build them (DARTS: one affine stem feeding both)
        self.stems = nn.ModuleList(
            nn.Sequential(nn.Conv2d(cin, cs, 3, padding=1, bias=False), bn(cs)) for _ in range(2))
        c_pp, c_p, c_cur = cs, cs, c
        self.cells = nn.ModuleList()
        red_prev = False
        for i in range(layers):
            red = i in (layers // 3, 2 * layers // 3)
            if red:
                c_cur *= 2
            self.cells.append(Cell(c_pp, c_p, c_cur, red, red_prev, nodes))
            red_prev = red
            c_pp, c_p = c_p, nodes * c_cur
        self.classifier = nn.Linear(c_p, n_classes)
        k = sum(2 + i for i in range(nodes))
        self.alphas_normal = nn.Parameter(1e-3 * torch.randn(k, len(PRIMS)))
        self.alphas_reduce = nn.Parameter(1e-3 * torch.randn(k, len(PRIMS)))

    def weights(self):
        return [p for n, p in self.named_parameters() if not n.startswith("alphas")]

    def forward(self, x):
        s0, s1 = self.stems[0](x), self.stems[1](x)
        wn = F.softmax(self.alphas_normal, dim=-1)
        wr = F.softmax(self.alphas_reduce, dim=-1)
        for cell in self.cells:
            s0, s1 = s1, cell(s0, s1, wr if cell.red else wn)
        return self.classifier(F.adaptive_avg_pool2d(s1, 1).flatten(1))


def alpha_grads_second_order(net, xs, ys, xv, yv, w_opt, alphas):
    """Sets the alphas' gradients to DARTS' unrolled (second-order) estimate."""
    weights = net.weights()
    group = w_opt.param_groups[0]
    lr, mom, wd = group["lr"], group["momentum"], group["weight_decay"]
    grads = torch.autograd.grad(F.cross_entropy(net(xs), ys), weights)
    with torch.no_grad():
        backup = [w.clone() for w in weights]
        for w, g in zip(weights, grads):
            buf = w_opt.state.get(w, {}).get("momentum_buffer")
            step = g + wd * w + (mom * buf if buf is not None else 0.0)
            w.sub_(lr * step)
    del grads
    both = torch.autograd.grad(F.cross_entropy(net(xv), yv), alphas + weights)
    d_alpha, d_w = both[:len(alphas)], both[len(alphas):]
    r = 0.01 / torch.cat([g.flatten() for g in d_w]).norm()
    hessian = []
    for sign in (1.0, -1.0):
        with torch.no_grad():
            for w, b, g in zip(weights, backup, d_w):
                w.copy_(b + sign * r * g)
        hessian.append(torch.autograd.grad(F.cross_entropy(net(xs), ys), alphas))
    with torch.no_grad():
        for w, b in zip(weights, backup):
            w.copy_(b)
    for a, da, hp, hn in zip(alphas, d_alpha, hessian[0], hessian[1]):
        a.grad = da - lr * (hp - hn) / (2 * r)


def main():
    ap = step_args(__doc__.split("\n")[0], batch=64)
    ap.add_argument("--order", choices=["first", "second"], default="first")
    args = ap.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(args.threads)
    dev = use_device(args)
    net = Network(args.channels, args.init_ch, layers=args.cells).to(dev)
    net = net.to(memory_format=memory_format(args))
    w_opt = torch.optim.SGD(net.weights(), 0.025, momentum=0.9, weight_decay=3e-4)
    alphas = [net.alphas_normal, net.alphas_reduce]
    a_opt = torch.optim.Adam(alphas, 3e-4, betas=(0.5, 0.999), weight_decay=1e-3)
    train = Batches(args, dev)
    # a search draws both from one training set; without data, a second random batch
    val = train if args.data else Batches(args, dev)

    def step():
        xs, ys = train.next()
        xv, yv = val.next()
        a_opt.zero_grad()
        if args.order == "first":
            F.cross_entropy(net(xv), yv).backward()
        else:
            alpha_grads_second_order(net, xs, ys, xv, yv, w_opt, alphas)
        a_opt.step()
        w_opt.zero_grad()
        F.cross_entropy(net(xs), ys).backward()
        nn.utils.clip_grad_norm_(net.weights(), 5.0)
        w_opt.step()

    med = time_steps(step, args)
    report(args, "search", med, sum(p.numel() for p in net.weights()), order=args.order)


if __name__ == "__main__":
    main()
