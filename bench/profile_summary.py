#!/usr/bin/env python3
"""Self time per libtorch operator in one or two Chrome traces of the profiler, side by side.

nas4j writes one with `nas bench --phase eval|search --profile FILE`; the PyTorch scripts of this
directory with `--profile FILE` (same steps). An operator's self time is its duration less that of
the operators it called (nested events of the same thread), so the column sums to the time spent
in libtorch. Times are per step: pass the number of profiled steps with --steps.

    /usr/bin/python3 bench/profile_summary.py --steps 10 nas4j.json pytorch.json
"""
import argparse
import collections
import json


def self_times(path):
    with open(path) as f:
        data = json.load(f)
    events = data["traceEvents"] if isinstance(data, dict) else data
    by_thread = collections.defaultdict(list)
    for e in events:
        if e.get("ph") == "X" and "dur" in e:
            by_thread[e.get("tid")].append((float(e["ts"]), float(e["dur"]), e["name"]))
    total = collections.Counter()
    calls = collections.Counter()
    for evs in by_thread.values():
        evs.sort(key=lambda t: (t[0], -t[1]))
        stack = []  # (end, name)
        for ts, dur, name in evs:
            while stack and stack[-1][0] <= ts:
                stack.pop()
            if stack:
                total[stack[-1][1]] -= dur  # the parent's self time excludes this call
            total[name] += dur
            calls[name] += 1
            stack.append((ts + dur, name))
    return total, calls


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("traces", nargs="+", help="one or two Chrome trace files")
    ap.add_argument("--steps", type=int, default=1, help="profiled steps (times are per step)")
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    tables = [self_times(p) for p in args.traces]
    names = collections.Counter()
    for total, _ in tables:
        for k, v in total.items():
            names[k] = max(names[k], v)
    head = "".join(f"{'ms/step':>10}{'calls':>8}" for _ in tables)
    print(f"{'operator':<44}{head}")
    print(f"{'':<44}" + "".join(f"{p[-18:]:>18}" for p in args.traces))
    for name, _ in names.most_common(args.top):
        cols = "".join(f"{t[0][name] / 1000 / args.steps:>10.1f}{t[1][name] // args.steps:>8}"
                       for t in tables)
        print(f"{name[:43]:<44}{cols}")
    sums = "".join(f"{sum(t[0].values()) / 1000 / args.steps:>10.1f}"
                   f"{sum(t[1].values()) // args.steps:>8}" for t in tables)
    print(f"{'all operators':<44}{sums}")


if __name__ == "__main__":
    main()
