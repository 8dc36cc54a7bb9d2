#!/usr/bin/env python3
"""Guard against quadratic steps: lint (and fix) generated inputs of size N and 4N in several
shapes that have hurt before, and fail when 4N takes more than 8x as long as N (linear is ~4x,
quadratic ~16x). Prints the figures; timings are wall-clock minimums of 3 runs.

    python3 Scripts/linearity.py [path/to/jiaodui]
"""
import os, subprocess, sys, tempfile, time

BIN = sys.argv[1] if len(sys.argv) > 1 else ".build/release/jiaodui"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = open(os.path.join(ROOT, "seeds", "000_535f91e5d57b5589.txt"), encoding="utf-8").read()
FLAT = SEED.replace("\n", "")

def short_lines(n):        # many short finished lines: the verse detector's worst case
    return "".join("第%d行，内容丙。\n" % i for i in range(n // 10))

def hard_wrapped(n):       # every line broken mid-sentence
    text = (FLAT * (n // len(FLAT) + 1))[:n]
    return "\n".join(text[i:i + 38] for i in range(0, len(text), 38))

def one_line(n):           # one very long line with brackets, quotes and commas
    unit = "开展(学习)活动,“创新”工作,增长5%,"
    return unit * (n // len(unit))

def seed_pages(n):         # the real page, repeated
    return SEED * (n // len(SEED) + 1)

def ascii_commas(n):       # thousands of fixable lines: the fix and its diff
    return "".join("第%d行,内容丙。\n" % i for i in range(n // 10))

def markdown(n):           # soft-wrapped Markdown: code spans, links, URLs, lists, fences, unmatched marks
    unit = ("# 第一节\n\n运行`a,b`即可，详见[报道](https://x.cn/a,b)和 https://x.cn/c 的说明，\n"
            "这一段接着写完。**重点**在[这里[和`这里\n\n- 列表项,逗号\n- 第二项\n\n```\n代码,逗号\n```\n\n")
    return unit * (n // len(unit))

SHAPES = [("short lines", short_lines), ("ascii commas", ascii_commas), ("hard-wrapped", hard_wrapped), ("one long line", one_line),
          ("seed pages", seed_pages), ("markdown", markdown)]
N = 400_000

def best(args):
    times = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return min(times)

failed = False
with tempfile.TemporaryDirectory() as tmp:
    for name, make in SHAPES:
        for command in (["lint", "--format", "json"], ["fix", "--dry-run"]):
            figures = []
            for size in (N, 4 * N):
                path = os.path.join(tmp, "input.md" if make is markdown else "input.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(make(size))
                figures.append(best([BIN] + command + [path]))
            ratio = figures[1] / max(figures[0], 1e-3)
            verdict = "ok" if ratio <= 8 else "QUADRATIC?"
            failed |= ratio > 8
            print("%-14s %-12s %6.3f s (%d chars)  %6.3f s (%d chars)  ratio %5.1f  %s"
                  % (name, command[0], figures[0], N, figures[1], 4 * N, ratio, verdict))
sys.exit(1 if failed else 0)
