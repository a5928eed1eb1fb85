#!/usr/bin/env python3
"""nas4j against Python PyTorch on the training steps issue 12 names, interleaved, one invocation.

Each case runs `nas bench` (DJL + libtorch) and the matching PyTorch script of this directory with
the same network, batch, input shape and threads, alternating sides for --rounds rounds, and
prints per case the best median step time of each side, the speed ratio (PyTorch time / nas4j
time: above 1 nas4j is faster), each side's peak RSS and the memory ratio (nas4j / PyTorch: below
1 nas4j uses less), and both parameter counts (equal when the networks are the same).

    /usr/bin/python3 bench/compare.py                        # all cases, 2 threads, 2 rounds
    /usr/bin/python3 bench/compare.py --cases eval8 --rounds 3 --threads 1
    python3 bench/compare.py --device cuda --nas "java -cp ... org.nas4j.cli.NasCli" --python python3
With --device cuda both sides train on the first GPU and the memory columns are the GPU's used
memory after the timed steps (CUDA's device-wide figure, the CUDA context and each framework's
cached blocks included: `nas bench`'s gpu_mb_used_end against torch.cuda.mem_get_info).

Cases: search1 / search2 (DARTS search step, 8 cells, 16 channels, batch 64, 1x28x28, first /
second order), eval8 (DARTS_V2 eval step, 8 cells, 16 channels, batch 96, 1x28x28, aux tower 0.4,
drop path 0.2), eval20 (the paper's CIFAR network: 20 cells, 36 channels, batch 96, 3x32x32,
synthetic data). --markdown prints the table as Markdown. nas4j runs in the layout its
`common.memory_format: auto` picks (channels-last on a CPU for these 16- and 36-channel networks,
contiguous on a GPU) unless --memory-format; the PyTorch side is contiguous, as DARTS code is,
unless --pytorch-channels-last. In the Fashion-MNIST cases both sides hold the dataset and train
on random batches of it (the PyTorch side reads the IDX files into uint8 tensors, as torchvision
does; --pytorch-data none gives it one random batch instead, which leaves the dataset's ~56 MB out
of its memory). --checkpoint-cells N has nas4j recompute the first N cells of the eval networks in
the backward (nas.eval.trainer.checkpoint_cells): less memory, one more forward of those cells.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY = "/usr/bin/python3"

SEARCH = ["--algo", "darts", "--full", "--phase", "search", "--batch", "64"]
EVAL = ["--algo", "darts", "--full", "--phase", "eval", "--batch", "96"]
CIFAR = ["--dataset", "synthetic", "--dataset.channels", "3", "--dataset.img_size", "32",
         "--dataset.n_classes", "10", "--dataset.n_train", "1920", "--dataset.n_test", "96",
         "--dataset.mean", "[0.0,0.0,0.0]", "--dataset.std", "[1.0,1.0,1.0]"]

FMNIST = "/usr/share/datasets/fashion-mnist"
# the cases nas4j trains on Fashion-MNIST (its bench loads the real training set); eval20 is
# synthetic on both sides
FMNIST_CASES = ("search1", "search2", "eval8")

CASES = {
    "search1": (SEARCH + ["--order", "first"],
                ["darts_step_pytorch.py", "--batch", "64", "--order", "first"]),
    "search2": (SEARCH + ["--order", "second"],
                ["darts_step_pytorch.py", "--batch", "64", "--order", "second"]),
    "eval8": (EVAL + ["--nas.eval.model_desc.n_cells", "8",
                      "--nas.eval.model_desc.init_node_ch", "16"],
              ["darts_eval_pytorch.py", "--cells", "8", "--init-ch", "16", "--batch", "96"]),
    "eval20": (EVAL + CIFAR,
               ["darts_eval_pytorch.py", "--cells", "20", "--init-ch", "36", "--batch", "96",
                "--channels", "3", "--size", "32"]),
}


def last_json(out, what):
    for line in reversed(out.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    sys.exit(f"{what} printed no JSON line; its output ended with:\n{out[-2000:]}")


def run(cmd, env):
    p = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}):\n{(p.stdout + p.stderr)[-3000:]}")
    return last_json(p.stdout, cmd[0] if cmd[0] != PY else cmd[1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", default="search1,search2,eval8,eval20")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--steps", type=int, default=3, help="timed steps per run (search cases)")
    ap.add_argument("--eval-steps", type=int, default=10, help="timed steps per run (eval cases)")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--device", choices=["cpu", "cuda"], default="cpu",
                    help="where both sides train (cuda: the first GPU)")
    ap.add_argument("--nas", default="./nas",
                    help="command that runs nas4j's CLI (default ./nas)")
    ap.add_argument("--python", default=PY, help=f"Python with PyTorch (default {PY})")
    ap.add_argument("--pytorch-channels-last", action="store_true",
                    help="PyTorch side in torch.channels_last (default: contiguous)")
    ap.add_argument("--memory-format", choices=["auto", "channels_last", "contiguous"],
                    default="auto", help="nas4j's common.memory_format (default auto)")
    ap.add_argument("--checkpoint-cells", type=int, default=0, metavar="N",
                    help="nas4j's nas.eval.trainer.checkpoint_cells for the eval cases: the first"
                         " N cells recomputed in the backward (default 0)")
    ap.add_argument("--pytorch-data", default=FMNIST, metavar="DIR|none",
                    help="Fashion-MNIST directory the PyTorch side of the 1x28x28 cases trains"
                         f" from, as nas4j's does (default {FMNIST}); none: one random batch")
    args = ap.parse_args()
    cuda = args.device == "cuda"
    mem = ("gpu_mb_used_end", "gpu_mb_used") if cuda else ("rss_mb_peak", "rss_mb_peak")
    env = dict(os.environ)
    env.pop("OMP_WAIT_POLICY", None)  # libgomp's default waiting on both sides
    rows = []
    for case in args.cases.split(","):
        if case not in CASES:
            sys.exit(f"unknown case '{case}'; valid: {', '.join(CASES)}")
        nas_args, py_args = CASES[case]
        steps = args.steps if case.startswith("search") else args.eval_steps
        nas_cmd = [*shlex.split(args.nas), "bench", *nas_args, "--steps", str(steps),
                   "--warmup", "1", "--common.num_threads", str(args.threads),
                   "--common.device", "gpu" if cuda else "cpu",
                   "--common.memory_format", args.memory_format]
        py_cmd = [args.python, os.path.join("bench", py_args[0]), *py_args[1:], "--steps",
                  str(steps), "--warmup", "1", "--threads", str(args.threads),
                  "--device", args.device]
        if args.pytorch_channels_last:
            py_cmd.append("--channels-last")
        if case in FMNIST_CASES and args.pytorch_data != "none":
            py_cmd += ["--data", args.pytorch_data]
        if case.startswith("eval") and args.checkpoint_cells:
            nas_cmd += ["--nas.eval.trainer.checkpoint_cells", str(args.checkpoint_cells)]
        nas, torch = [], []
        for r in range(args.rounds):
            for side, cmd, into in (("nas4j", nas_cmd, nas), ("pytorch", py_cmd, torch)):
                res = run(cmd, env)
                into.append(res)
                used = res[mem[0] if side == "nas4j" else mem[1]]
                print(f"# {case} round {r + 1} {side}: {res['step_ms_median']} ms/step, "
                      f"{'GPU used' if cuda else 'peak RSS'} {used} MB", file=sys.stderr,
                      flush=True)
        n_ms = min(x["step_ms_median"] for x in nas)
        t_ms = min(x["step_ms_median"] for x in torch)
        n_mb = min(x[mem[0]] for x in nas)
        t_mb = min(x[mem[1]] for x in torch)
        rows.append((case, n_ms, t_ms, t_ms / n_ms, n_mb, t_mb, n_mb / t_mb,
                     nas[0]["params"], torch[0]["params"]))
    head = ("case", "nas4j ms", "torch ms", "speed x", "nas4j MB", "torch MB", "mem x",
            "nas4j params", "torch params")
    if args.markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
        for r in rows:
            print(f"| {r[0]} | {r[1]:,.0f} | {r[2]:,.0f} | {r[3]:.2f} | {r[4]:,} | {r[5]:,} | "
                  f"{r[6]:.2f} | {r[7]:,} | {r[8]:,} |")
    else:
        print(f"{head[0]:<8}{head[1]:>10}{head[2]:>10}{head[3]:>8}{head[4]:>10}{head[5]:>10}"
              f"{head[6]:>7}{head[7]:>14}{head[8]:>14}")
        for r in rows:
            print(f"{r[0]:<8}{r[1]:>10.0f}{r[2]:>10.0f}{r[3]:>8.2f}{r[4]:>10}{r[5]:>10}"
                  f"{r[6]:>7.2f}{r[7]:>14,}{r[8]:>14,}")
    what = "GPU used memory" if cuda else "peak RSS"
    print(f"device {args.device}, threads {args.threads}, rounds {args.rounds}, nas4j memory "
          f"format {args.memory_format}, nas4j eval cells recomputed {args.checkpoint_cells}, "
          f"PyTorch {'channels-last' if args.pytorch_channels_last else 'contiguous'}, PyTorch "
          f"data {args.pytorch_data if args.pytorch_data != 'none' else 'one random batch'}; "
          f"speed x = torch "
          f"time / nas4j time (above 1: nas4j faster); mem x = nas4j {what} / torch {what} "
          f"(below 1: nas4j smaller)")


if __name__ == "__main__":
    main()
