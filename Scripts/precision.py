#!/usr/bin/env python3
"""False alarms of the rule packs over clean Chinese text that ships with Debian.

Corpus: every page of manpages-zh (/usr/share/man/zh_CN, roff markup stripped, paragraphs
joined; `apt-get install manpages-zh`). With --with-fortunes also fortunes-zh's
/usr/share/games/fortunes/chinese, a mix of Debian sayings, anime quotes and classical texts in
Traditional characters — not Simplified publication prose, so not part of the measured figure.

Runs the real binary over that text with every pack of issue 5 on (the core extraction-damage
checks are left out with --rules -core: man pages are hard-wrapped, which is exactly what those
report) and sorts each finding into
  - judged: listed in Scripts/precision.judged.tsv — a person read it and found a real error in the
    corpus (a non-recommended variant, a typo, a Traditional character); a line whose context is
    `*` covers every occurrence of that match for that rule (a word that is wrong wherever the
    rule finds it), and
  - false alarm: everything else.
It prints hits and false alarms per 10,000 characters (non-space characters of the corpus) and
lists every false alarm, so that a change to a rule shows up as a new line to judge.

    python3 Scripts/precision.py [--binary .build/release/jiaodui] [--max-false-per-10k 1]
"""
import argparse
import collections
import gzip
import importlib.util
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAN_DIR = pathlib.Path("/usr/share/man/zh_CN")
FORTUNES = pathlib.Path("/usr/share/games/fortunes/chinese")
JUDGED = ROOT / "Scripts" / "precision.judged.tsv"
CONTEXT = 12


def roff_to_text():
    """The roff reader of Scripts/check-wordlists.py (one reader for both scripts)."""
    spec = importlib.util.spec_from_file_location("check_wordlists", ROOT / "Scripts" / "check-wordlists.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.roff_to_text, module.read_bytes_text


def corpus(out, with_fortunes):
    """Writes the corpus into `out`, one file per page; returns the number of files."""
    to_text, decode = roff_to_text()
    n = 0
    seen = set()
    for page in sorted(MAN_DIR.glob("man*/*")):
        real = page.resolve()
        if real in seen or not real.is_file():
            continue  # a symbolic link to a page already read
        seen.add(real)
        raw = gzip.open(real).read() if real.suffix == ".gz" else real.read_bytes()
        text = to_text(decode(raw))
        if text.strip():
            (out / f"man-{page.parent.name}-{page.name}.txt").write_text(text + "\n", encoding="utf-8")
            n += 1
    if with_fortunes and FORTUNES.is_file():
        text = re.sub(r"\x1b\[[0-9;]*m", "", decode(FORTUNES.read_bytes())).replace("\n%\n", "\n\n")
        (out / "fortunes-chinese.txt").write_text(text, encoding="utf-8")
        n += 1
    return n


def load_judged():
    judged = set()
    if JUDGED.is_file():
        for line in JUDGED.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            rule, match, context = line.split("\t")[:3]
            judged.add((rule, match, context))
    return judged


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=str(ROOT / ".build" / "release" / "jiaodui"))
    ap.add_argument("--max-false-per-10k", type=float, default=None,
                    help="exit 1 when false alarms per 10,000 characters exceed this")
    ap.add_argument("--with-fortunes", action="store_true", help="add fortunes-zh's chinese file to the corpus")
    ap.add_argument("--write-judged", action="store_true",
                    help="append every false alarm to the judged file (after reading them all yourself!)")
    args = ap.parse_args()
    if not MAN_DIR.is_dir():
        print("manpages-zh is not installed (apt-get install manpages-zh)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        files = corpus(tmp, args.with_fortunes)
        texts = {p.name: p.read_text(encoding="utf-8") for p in tmp.iterdir()}
        chars = sum(sum(1 for c in t if not c.isspace()) for t in texts.values())
        han = sum(sum(1 for c in t if "\u4e00" <= c <= "\u9fff") for t in texts.values())
        run = subprocess.run([args.binary, "lint", "--format", "json", "--rules", "-core", "--fail-on", "never", str(tmp)],
                             capture_output=True, text=True)
        if run.returncode != 0:
            print(run.stderr, file=sys.stderr)
            return 2
        report = json.loads(run.stdout)
    judged = load_judged()
    hits = collections.Counter()
    false = collections.Counter()
    alarms = []
    for f in report["files"]:
        lines = texts[pathlib.Path(f["path"]).name].split("\n")
        for d in f["diagnostics"]:
            start, end = d["range"]["start"], d["range"]["end"]
            line = lines[start["line"]]
            # JSON columns are UTF-16 units; rebuild the line's UTF-16 to cut the match out.
            units = line.encode("utf-16-le")
            match = units[2 * start["character"]:2 * end["character"]].decode("utf-16-le", "replace") \
                if start["line"] == end["line"] else line[start["character"]:]
            before = units[:2 * start["character"]].decode("utf-16-le", "replace")[-CONTEXT:]
            after = units[2 * end["character"]:].decode("utf-16-le", "replace")[:CONTEXT]
            context = f"{before}[{match}]{after}"
            hits[d["rule"]] += 1
            if (d["rule"], match, context) not in judged and (d["rule"], match, "*") not in judged:
                false[d["rule"]] += 1
                alarms.append((d["rule"], match, context, f["path"], d["message"]))
    total_hits, total_false = sum(hits.values()), sum(false.values())
    print(f"corpus: {files} files, {chars:,} characters ({han:,} Han) — manpages-zh"
          + (" + fortunes-zh" if args.with_fortunes and FORTUNES.is_file() else ""))
    print(f"{'rule':28} {'hits':>6} {'judged real':>12} {'false':>6}")
    for rule in sorted(hits):
        print(f"{rule:28} {hits[rule]:6} {hits[rule] - false[rule]:12} {false[rule]:6}")
    per = lambda n: n * 10000 / max(chars, 1)
    print(f"{'all packs':28} {total_hits:6} {total_hits - total_false:12} {total_false:6}")
    print(f"hits per 10,000 characters: {per(total_hits):.3f}; false alarms per 10,000 characters: {per(total_false):.3f}")
    for rule, match, context, path, message in alarms:
        print(f"  false? {rule}\t{match}\t{context}\t{pathlib.Path(path).name}\t{message}")
    if args.write_judged and alarms:
        with JUDGED.open("a", encoding="utf-8") as out:
            for rule, match, context, *_ in alarms:
                out.write(f"{rule}\t{match}\t{context}\n")
    if args.max_false_per_10k is not None and per(total_false) > args.max_false_per_10k:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
