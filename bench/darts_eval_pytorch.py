#!/usr/bin/env python3
"""Reference timing of one DARTS evaluation training step in plain PyTorch, the counterpart of
`nas bench --phase eval` (default genotype DARTS_V2).

The network is the DARTS evaluation network as the paper describes it, with Archai's two stems
(each a 3x3 convolution to 3C channels and BatchNorm, one per cell input, as nas4j builds it),
`--cells` cells of the genotype with reductions at cells//3 and 2*cells//3 (channels doubled there), each cell's inputs preprocessed (factorized reduce after a reduction cell, else
ReLU-conv1x1-BN), every node the sum of its two ops, the four nodes concatenated; affine BatchNorm;
pools without BatchNorm; drop path on every op that is not an identity; the auxiliary tower after
cell 2*cells//3 (ReLU, 5x5 average pool, conv1x1 to 128, BN, ReLU, conv2x2 to 768, BN, ReLU,
linear) weighted `--aux-weight` in the loss; global average pool and a linear classifier. One
step: forward, cross entropy (+ aux), backward, global-norm clip 5, SGD with momentum 0.9 and weight
decay 3e-4. Prints one JSON line with the median step time, the parameter count (without the
aux tower, as nas4j counts) and the peak RSS. `--device cuda` (or `cuda:N`) times the same step
on an NVIDIA GPU, as darts_step_pytorch.py describes (network, batch and optimizer state on the
GPU, synchronized timing, GPU name and memory in the JSON line).

    /usr/bin/python3 bench/darts_eval_pytorch.py --cells 8 --init-ch 16 --batch 96 --channels 1 --size 28
    /usr/bin/python3 bench/darts_eval_pytorch.py --cells 20 --init-ch 36 --batch 96 --channels 3 --size 32
    python3 bench/darts_eval_pytorch.py --cells 20 --init-ch 36 --batch 96 --channels 3 --size 32 --device cuda
    /usr/bin/python3 bench/darts_eval_pytorch.py --data /usr/share/datasets/fashion-mnist
With --data DIR the steps train on random batches of Fashion-MNIST held in memory (as nas4j's
bench does), else on one random batch.
"""
import importlib.util
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("darts_step", os.path.join(HERE, "darts_step_pytorch.py"))
darts = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(darts)

# DARTS_V2 (Liu et al. 2019, the second-order search's cell): per node two (op, input) pairs,
# inputs 0 and 1 are the cell's inputs, 2.. the earlier nodes; all four nodes are concatenated.
DARTS_V2 = {
    "normal": [("sep_conv_3x3", 0), ("sep_conv_3x3", 1), ("sep_conv_3x3", 0), ("sep_conv_3x3", 1),
               ("sep_conv_3x3", 1), ("skip_connect", 0), ("skip_connect", 0), ("dil_conv_3x3", 2)],
    "reduce": [("max_pool_3x3", 0), ("max_pool_3x3", 1), ("skip_connect", 2), ("max_pool_3x3", 1),
               ("max_pool_3x3", 0), ("skip_connect", 2), ("skip_connect", 2), ("max_pool_3x3", 1)],
}


def eval_op(name, c, s):
    if name == "max_pool_3x3":
        return nn.MaxPool2d(3, s, 1)
    if name == "avg_pool_3x3":
        return nn.AvgPool2d(3, s, 1, count_include_pad=False)
    return darts.affine(darts.make_op(name, c, s))


def drop_path(x, p):
    keep = 1.0 - p
    mask = torch.empty(x.size(0), 1, 1, 1, dtype=x.dtype, device=x.device).bernoulli_(keep)
    return x / keep * mask


class Cell(nn.Module):
    def __init__(self, pairs, c_pp, c_p, c, red, red_prev):
        super().__init__()
        self.pre0 = darts.affine(darts.FactorizedReduce(c_pp, c) if red_prev
                           else darts.ReluConvBn(c_pp, c, 1, 1, 0))
        self.pre1 = darts.affine(darts.ReluConvBn(c_p, c, 1, 1, 0))
        self.inputs = [i for _, i in pairs]
        self.ops = nn.ModuleList(eval_op(n, c, 2 if red and i < 2 else 1) for n, i in pairs)

    def forward(self, s0, s1, p):
        states = [self.pre0(s0), self.pre1(s1)]
        for k in range(0, len(self.ops), 2):
            node = 0
            for op, i in ((self.ops[k], self.inputs[k]), (self.ops[k + 1], self.inputs[k + 1])):
                h = op(states[i])
                if self.training and p > 0 and not isinstance(op, nn.Identity):
                    h = drop_path(h, p)
                node = node + h
            states.append(node)
        return torch.cat(states[2:], dim=1)


class AuxHead(nn.Sequential):
    def __init__(self, c, n_classes, stride):
        super().__init__(nn.ReLU(), nn.AvgPool2d(5, stride, 0, count_include_pad=False),
                         nn.Conv2d(c, 128, 1, bias=False), nn.BatchNorm2d(128), nn.ReLU(),
                         nn.Conv2d(128, 768, 2, bias=False), nn.BatchNorm2d(768), nn.ReLU(),
                         nn.Flatten(), nn.Linear(768, n_classes))


class Network(nn.Module):
    def __init__(self, cin, size, c, n_classes, layers, genotype, aux):
        super().__init__()
        cs = 3 * c
        # two stems of the same form, as in Archai and nas4j (DARTS feeds one stem to both inputs)
        self.stems = nn.ModuleList(
            nn.Sequential(nn.Conv2d(cin, cs, 3, padding=1, bias=False), nn.BatchNorm2d(cs))
            for _ in range(2))
        c_pp, c_p, c_cur, red_prev = cs, cs, c, False
        self.cells = nn.ModuleList()
        self.aux_at = 2 * layers // 3
        self.aux = None
        for i in range(layers):
            red = i in (layers // 3, 2 * layers // 3)
            if red:
                c_cur *= 2
            cell = Cell(genotype["reduce" if red else "normal"], c_pp, c_p, c_cur, red, red_prev)
            self.cells.append(cell)
            red_prev = red
            c_pp, c_p = c_p, 4 * c_cur
            if aux and i == self.aux_at:
                side = -(-size // 4)  # after two reductions: 8 for 32, 7 for 28
                # the 5x5 pool leaves 2x2 for the 2x2 convolution: stride 3 at 8x8, 2 at 7x7
                self.aux = AuxHead(c_p, n_classes, side - 5)
        self.classifier = nn.Linear(c_p, n_classes)
        self.drop_prob = 0.0

    def forward(self, x):
        s0, s1 = self.stems[0](x), self.stems[1](x)
        aux = None
        for i, cell in enumerate(self.cells):
            s0, s1 = s1, cell(s0, s1, self.drop_prob)
            if self.aux is not None and i == self.aux_at and self.training:
                aux = self.aux(s1)
        return self.classifier(F.adaptive_avg_pool2d(s1, 1).flatten(1)), aux


def main():
    ap = darts.step_args(__doc__.split("\n")[0], batch=96)
    ap.add_argument("--classes", type=int, default=10)
    ap.add_argument("--drop-path", type=float, default=0.2)
    ap.add_argument("--aux-weight", type=float, default=0.4)
    args = ap.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(args.threads)
    dev = darts.use_device(args)
    net = Network(args.channels, args.size, args.init_ch, args.classes, args.cells, DARTS_V2,
                  args.aux_weight > 0).to(dev).train()
    net = net.to(memory_format=darts.memory_format(args))
    net.drop_prob = args.drop_path
    opt = torch.optim.SGD(net.parameters(), 0.025, momentum=0.9, weight_decay=3e-4)
    batches = darts.Batches(args, dev, args.classes)

    def step():
        x, y = batches.next()
        opt.zero_grad()
        logits, aux = net(x)
        loss = F.cross_entropy(logits, y)
        if aux is not None:
            loss = loss + args.aux_weight * F.cross_entropy(aux, y)
        loss.backward()
        nn.utils.clip_grad_norm_(net.parameters(), 5.0)
        opt.step()
        loss.item()

    med = darts.time_steps(step, args)
    # as nas4j counts: no aux tower
    params = sum(p.numel() for n, p in net.named_parameters() if not n.startswith("aux."))
    darts.report(args, "eval", med, params)


if __name__ == "__main__":
    main()
