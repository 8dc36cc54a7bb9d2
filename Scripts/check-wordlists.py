#!/usr/bin/env python3
"""Check the declarative word-list rules (issue 5): grammar, cross-file
duplicates, examples, dictionary-word risks, and false alarms on clean text.

Usage:
  Scripts/check-wordlists.py [--corpus-only] [--no-corpus] [--quiet] [FILE.yml ...]

Default files: rules/variants/variant-words.yml rules/confusables/misused-words.yml
Default clean corpus: the Chinese man pages of Debian's manpages-zh
(/usr/share/man/zh_CN), Debian's fortunes-zh when installed (/usr/share/games/fortunes:
chinese, tang300, song100), seeds/*.txt and Tests/Fixtures/** (text files and the
text of .docx files). Matches judged to be real errors in the corpus are listed in
Scripts/check-wordlists.judged.tsv; every other match counts as a false alarm.

Python 3 standard library only; jieba (pip install jieba) is optional and is used
for the word-boundary check (the shipped word list rules/lexicon/jieba-dict.txt).
Without jieba every exact match counts (an upper bound).

Exit status: 1 when there are grammar errors, duplicates, example failures or
unexplained dictionary-word risks; 0 otherwise.
"""

import argparse
import glob
import gzip
import math
import os
import re
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_FILES = [
    "rules/variants/variant-words.yml",
    "rules/confusables/misused-words.yml",
]
DICT_PATH = os.path.join(ROOT, "rules/lexicon/jieba-dict.txt")
MAN_DIR = "/usr/share/man/zh_CN"
FORTUNE_DIR = "/usr/share/games/fortunes"  # Debian fortunes-zh (optional): chinese, tang300, song100
JUDGED_PATH = os.path.join(ROOT, "Scripts/check-wordlists.judged.tsv")
FIELD_KEYS = ("ex", "unless", "only", "note")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


# --------------------------------------------------------------------------
# Parsing


class Entry:
    def __init__(self, path, lineno, raw):
        self.path = path
        self.lineno = lineno
        self.raw = raw
        self.wrong = ""
        self.rights = []
        self.ex = None
        self.unless = []
        self.only = []
        self.note = None
        self.errors = []

    def where(self):
        return "%s:%d" % (os.path.relpath(self.path, ROOT), self.lineno)


def parse_entry(path, lineno, line):
    e = Entry(path, lineno, line)
    parts = line.split(" | ")
    head = parts[0]
    if " => " not in head:
        e.errors.append("no ' => ' in the head %r" % head)
        return e
    wrong, rights = head.split(" => ", 1)
    e.wrong = wrong.strip()
    if wrong != e.wrong:
        e.errors.append("spaces around the wrong form")
    if not e.wrong:
        e.errors.append("empty wrong form")
    if any(c in e.wrong for c in ",| \t"):
        e.errors.append("wrong form contains a comma, bar or space: %r" % e.wrong)
    e.rights = [r.strip() for r in rights.split(",")]
    if not all(e.rights):
        e.errors.append("empty right form")
    if e.wrong in e.rights:
        e.errors.append("right form equals wrong form")
    if "|" in rights:
        e.errors.append("'|' without spaces around it in %r" % rights)
    seen = set()
    for p in parts[1:]:
        if ": " not in p:
            e.errors.append("field without 'key: ' %r" % p)
            continue
        key, val = p.split(": ", 1)
        key = key.strip()
        val = val.strip()
        if key not in FIELD_KEYS:
            e.errors.append("unknown field %r" % key)
            continue
        if key in seen:
            e.errors.append("field %r twice" % key)
        seen.add(key)
        if not val:
            e.errors.append("empty field %r" % key)
        if "|" in val:
            e.errors.append("'|' inside field %r" % key)
        if key == "ex":
            e.ex = val
            if "," in val:
                e.errors.append("ASCII comma inside ex: (use full-width punctuation)")
        elif key == "note":
            e.note = val
        else:
            phrases = [x.strip() for x in val.split(",")]
            if not all(phrases):
                e.errors.append("empty phrase in %r" % key)
            for ph in phrases:
                if e.wrong and ph.count(e.wrong) != 1:
                    e.errors.append("%s phrase %r must contain %r exactly once" % (key, ph, e.wrong))
            if key == "unless":
                e.unless = phrases
            else:
                e.only = phrases
    if e.ex is not None and e.wrong and e.wrong not in e.ex:
        e.errors.append("ex: sentence does not contain %r" % e.wrong)
    return e


def yaml_block(lines, key):
    """Return [(lineno, text)] of the literal block `key: |`."""
    out = []
    start = None
    for i, l in enumerate(lines):
        if re.match(r"^%s:\s*\|[-+]?\s*$" % re.escape(key), l):
            start = i + 1
            break
    if start is None:
        return out
    indent = None
    for j in range(start, len(lines)):
        l = lines[j]
        if not l.strip():
            out.append((j + 1, ""))
            continue
        ind = len(l) - len(l.lstrip(" "))
        if indent is None:
            indent = ind
        if ind < indent:
            break
        out.append((j + 1, l[indent:]))
    return out


def yaml_scalar(s):
    s = s.strip()
    if s.startswith('"') and s.endswith('"') and len(s) >= 2:
        body = s[1:-1]
        return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)
    if s.startswith("'") and s.endswith("'") and len(s) >= 2:
        return s[1:-1].replace("''", "'")
    return s


def parse_examples(lines):
    """Very small reader for examples.bad (text/fixed) and examples.good (strings)."""
    bad, good = [], []
    mode = None
    in_examples = False
    for i, l in enumerate(lines):
        if re.match(r"^examples:\s*$", l):
            in_examples = True
            continue
        if in_examples and l and not l.startswith(" ") and not l.startswith("#"):
            in_examples = False
            mode = None
        if not in_examples:
            continue
        m = re.match(r"^\s+(bad|good):\s*$", l)
        if m:
            mode = m.group(1)
            continue
        if mode == "bad":
            m = re.match(r"^\s+- text:\s*(.+)$", l)
            if m:
                bad.append({"line": i + 1, "text": yaml_scalar(m.group(1)), "fixed": None})
                continue
            m = re.match(r"^\s+fixed:\s*(.+)$", l)
            if m and bad:
                bad[-1]["fixed"] = yaml_scalar(m.group(1))
        elif mode == "good":
            m = re.match(r"^\s+- (.+)$", l)
            if m:
                good.append({"line": i + 1, "text": yaml_scalar(m.group(1))})
    return bad, good


class RuleFile:
    def __init__(self, path):
        self.path = path
        with open(path, encoding="utf-8") as f:
            self.text = f.read()
        self.lines = self.text.split("\n")
        self.entries = []
        self.commented = []  # (lineno, text) of commented-out entries
        self.header = {}
        for k in ("id", "pack", "kind", "severity", "word_boundaries"):
            m = re.search(r"^%s:\s*(\S+)" % k, self.text, re.M)
            self.header[k] = m.group(1) if m else None
        block = yaml_block(self.lines, "swap")
        for lineno, l in block:
            s = l.strip()
            if not s:
                continue
            if s.startswith("#"):
                if " => " in s:
                    self.commented.append((lineno, s))
                continue
            if l != l.lstrip():
                pass
            self.entries.append(parse_entry(path, lineno, s))
        self.bad, self.good = parse_examples(self.lines)

    def rel(self):
        return os.path.relpath(self.path, ROOT)


# --------------------------------------------------------------------------
# Dictionary and segmentation


def load_dict():
    words = {}
    if not os.path.exists(DICT_PATH):
        return words
    with open(DICT_PATH, encoding="utf-8") as f:
        for l in f:
            p = l.rstrip("\n").split(" ")
            if len(p) >= 2:
                try:
                    words[p[0]] = int(p[1])
                except ValueError:
                    pass
    return words


class Segmenter:
    """jieba over the shipped word list; each wrong form is added as a word with
    the frequency of its first right form (so it is scored as if it were right)."""

    def __init__(self, entries, words):
        self.ok = False
        try:
            import jieba  # noqa
            import logging
            jieba.setLogLevel(logging.ERROR)
        except Exception:
            return
        self.jieba = jieba
        self.tk = jieba.Tokenizer(dictionary=DICT_PATH)
        self.tk.initialize()
        for e in entries:
            r = e.rights[0] if e.rights else ""
            f = words.get(r)
            if f is None and r:
                f = self.tk.suggest_freq(r, tune=False)
            self.tk.add_word(e.wrong, freq=max(1, f or 1))
        self.ok = True

    def crosses(self, text, start, end):
        """True when the segmentation of the Han run around [start,end) puts a
        word across either end of the span."""
        if not self.ok:
            return False
        a = start
        while a > 0 and HAN.match(text[a - 1]) and start - a < 30:
            a -= 1
        b = end
        while b < len(text) and HAN.match(text[b]) and b - end < 30:
            b += 1
        seg = text[a:b]
        cuts = {0}
        pos = 0
        for w in self.tk.cut(seg, HMM=False):
            pos += len(w)
            cuts.add(pos)
        return not ((start - a) in cuts and (end - a) in cuts)


# --------------------------------------------------------------------------
# Matching


def context_ok(text, start, wrong, phrases):
    for ph in phrases:
        k = ph.find(wrong)
        s = start - k
        if s >= 0 and text[s:s + len(ph)] == ph:
            return True
    return False


def find_matches(text, entries, seg, boundaries=True):
    """Return list of dicts: entry, start, end, status ('hit' or reason dropped)."""
    raw = []
    for e in entries:
        w = e.wrong
        if not w:
            continue
        i = text.find(w)
        while i >= 0:
            raw.append((i, i + len(w), e))
            i = text.find(w, i + 1)
    # longest match wins when entries overlap
    raw.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    chosen = []
    last_end = -1
    for s, t, e in raw:
        if s < last_end:
            continue
        chosen.append((s, t, e))
        last_end = t
    out = []
    for s, t, e in chosen:
        status = "hit"
        if e.unless and context_ok(text, s, e.wrong, e.unless):
            status = "unless"
        elif e.only and not context_ok(text, s, e.wrong, e.only):
            status = "only"
        elif boundaries and seg is not None and seg.crosses(text, s, t):
            status = "boundary"
        out.append({"entry": e, "start": s, "end": t, "status": status})
    return out


# --------------------------------------------------------------------------
# Corpus


ROFF_ESC = [
    (re.compile(r"\\f(\[[^\]]*\]|\(..|.)"), ""),
    (re.compile(r"\\s[+-]?\d"), ""),
    (re.compile(r"\\\*(\(..|\[[^\]]*\]|.)"), ""),
    (re.compile(r"\\\((..)"), " "),
    (re.compile(r"\\\[[^\]]*\]"), " "),
    (re.compile(r"\\[&/,:%|^]"), ""),
    (re.compile(r"\\[-e]"), "-"),
    (re.compile(r"\\(.)"), r"\1"),
]


def roff_to_text(src):
    paras = []
    cur = []
    for l in src.split("\n"):
        if l.startswith(".\\\"") or l.startswith("'\\\"") or l.startswith('.\\"'):
            continue
        if l.startswith(".") or l.startswith("'"):
            m = re.match(r"^[.'](\S+)\s*(.*)$", l)
            if m:
                macro, rest = m.group(1), m.group(2)
                if macro in ("B", "I", "SM", "BI", "IB", "RB", "BR", "IR", "RI", "SH", "SS", "TH"):
                    rest = rest.replace('"', "")
                    cur.append(rest)
                    if macro in ("SH", "SS", "TH"):
                        paras.append(cur)
                        cur = []
                    continue
                paras.append(cur)
                cur = []
            continue
        cur.append(l)
    paras.append(cur)
    out = []
    for p in paras:
        buf = ""
        for l in p:
            for rx, rep in ROFF_ESC:
                l = rx.sub(rep, l)
            l = l.strip()
            if not l:
                continue
            if buf and HAN.match(buf[-1]) and HAN.match(l[0]):
                buf += l
            elif buf:
                buf += " " + l
            else:
                buf = l
        if buf:
            out.append(buf)
    return "\n".join(out)


def read_bytes_text(b):
    for enc in ("utf-8", "gb18030"):
        try:
            return b.decode(enc)
        except UnicodeDecodeError:
            pass
    return b.decode("utf-8", "replace")


def load_corpus():
    docs = []  # (name, text)
    for fn in ("chinese", "tang300", "song100"):
        p = os.path.join(FORTUNE_DIR, fn)
        if os.path.isfile(p):
            with open(p, "rb") as f:
                t = read_bytes_text(f.read())
            docs.append((p, re.sub(r"\x1b\[[0-9;]*m", "", t)))
    for p in sorted(glob.glob(os.path.join(MAN_DIR, "man*", "*"))):
        try:
            if p.endswith(".gz"):
                with gzip.open(p, "rb") as f:
                    b = f.read()
            else:
                with open(p, "rb") as f:
                    b = f.read()
        except OSError:
            continue
        docs.append((p, roff_to_text(read_bytes_text(b))))
    fixture_files = sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))
    fixture_files += sorted(
        p for p in glob.glob(os.path.join(ROOT, "Tests", "Fixtures", "**", "*"), recursive=True)
        if os.path.isfile(p))
    for p in fixture_files:
        if p.endswith(".docx"):
            try:
                with zipfile.ZipFile(p) as z:
                    xml = z.read("word/document.xml").decode("utf-8")
                docs.append((p, re.sub(r"<[^>]+>", "", re.sub(r"</w:p>", "\n", xml))))
            except Exception:
                pass
            continue
        with open(p, "rb") as f:
            b = f.read()
        if b"\0" in b[:4096]:
            continue
        docs.append((p, read_bytes_text(b)))
    return docs


# --------------------------------------------------------------------------
# Main


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--no-corpus", action="store_true", help="skip the false-alarm measurement")
    ap.add_argument("--no-jieba", action="store_true", help="do not use jieba even if installed")
    ap.add_argument("--quiet", action="store_true", help="do not list dictionary-word entries that have only:/note:")
    ap.add_argument("--judged", default=JUDGED_PATH,
                    help="TSV of corpus matches judged to be real errors in the corpus (file, wrong form, context); "
                         "default Scripts/check-wordlists.judged.tsv")
    ap.add_argument("--write-judged", action="store_true",
                    help="write every current corpus match to the --judged file (after reviewing them all)")
    args = ap.parse_args()
    files = args.files or [os.path.join(ROOT, f) for f in DEFAULT_FILES]
    rfs = [RuleFile(f) for f in files]
    problems = 0

    print("== Grammar")
    for rf in rfs:
        n_err = 0
        for e in rf.entries:
            for msg in e.errors:
                print("  ERROR %s: %s" % (e.where(), msg))
                n_err += 1
        for k in ("id", "pack", "kind", "severity"):
            if not rf.header.get(k):
                print("  ERROR %s: missing key %s" % (rf.rel(), k))
                n_err += 1
        wrongs = sorted(set(e.wrong for e in rf.entries))
        print("  %s: %d active entries (%d distinct wrong forms), %d commented-out entries, %d grammar errors"
              % (rf.rel(), len(rf.entries), len(wrongs), len(rf.commented), n_err))
        problems += n_err

    print("== Duplicate wrong forms")
    seen = {}
    dups = 0
    for rf in rfs:
        for e in rf.entries:
            if e.wrong in seen:
                print("  DUP %r: %s and %s" % (e.wrong, seen[e.wrong].where(), e.where()))
                dups += 1
            else:
                seen[e.wrong] = e
    print("  %d duplicates" % dups)
    problems += dups

    all_entries = [e for rf in rfs for e in rf.entries if not e.errors]
    words = load_dict()
    seg = None
    if not args.no_jieba:
        seg = Segmenter(all_entries, words)
        if not seg.ok:
            print("  (jieba not installed: the word-boundary check is off; counts are an upper bound)")
            seg = None

    print("== Examples")
    n_fail = 0
    n_ex = 0
    for rf in rfs:
        ents = [e for e in rf.entries if not e.errors]
        for e in ents:
            if e.ex is None:
                continue
            n_ex += 1
            ms = find_matches(e.ex, ents, seg)
            if not any(m["entry"] is e and m["status"] == "hit" for m in ms):
                why = [(m["entry"].wrong, m["status"]) for m in ms]
                print("  FAIL %s: ex: %s gives no finding on %r %s" % (e.where(), e.ex, e.wrong, why))
                n_fail += 1
            others = [m for m in find_matches(e.ex, all_entries, seg) if m["status"] == "hit" and m["entry"] is not e]
            for m in others:
                print("  NOTE %s: ex: also flags %r (%s)" % (e.where(), m["entry"].wrong, m["entry"].where()))
        for g in rf.good:
            ms = [m for m in find_matches(g["text"], all_entries, seg) if m["status"] == "hit"]
            for m in ms:
                print("  FAIL %s:%d good example flagged: %r in %s" % (rf.rel(), g["line"], m["entry"].wrong, g["text"]))
                n_fail += 1
        for b in rf.bad:
            t = b["text"]
            if t.count("\u2193") != 2:
                print("  FAIL %s:%d bad example needs two ↓ marks" % (rf.rel(), b["line"]))
                n_fail += 1
                continue
            s = t.index("\u2193")
            plain = t.replace("\u2193", "")
            span_end = t.index("\u2193", s + 1) - 1
            ms = [m for m in find_matches(plain, ents, seg) if m["status"] == "hit"]
            hit = [m for m in ms if m["start"] == s and m["end"] == span_end]
            if not hit:
                print("  FAIL %s:%d bad example: no finding on %r (findings: %s)"
                      % (rf.rel(), b["line"], plain[s:span_end], [(m["entry"].wrong, m["start"]) for m in ms]))
                n_fail += 1
            elif b["fixed"] is not None:
                fixed = plain[:s] + hit[0]["entry"].rights[0] + plain[span_end:]
                if fixed != b["fixed"]:
                    print("  FAIL %s:%d fixed: expected %r, applying the fix gives %r" % (rf.rel(), b["line"], b["fixed"], fixed))
                    n_fail += 1
        print("  %s: %d ex sentences, %d good, %d bad examples" % (rf.rel(), len([e for e in ents if e.ex]), len(rf.good), len(rf.bad)))
    missing_ex = [e for e in all_entries if e.ex is None]
    print("  %d example failures; %d entries without ex:" % (n_fail, len(missing_ex)))
    problems += n_fail

    print("== Wrong forms that are words in rules/lexicon/jieba-dict.txt")
    risky = 0
    for rf in rfs:
        for e in rf.entries:
            if e.wrong in words:
                guarded = bool(e.only) or bool(e.unless) or bool(e.note)
                if not e.ex:
                    print("  ERROR %s: %r (freq %d) is a dictionary word and has no ex:" % (e.where(), e.wrong, words[e.wrong]))
                    problems += 1
                tag = "only" if e.only else ("unless+note" if e.unless and e.note else ("note" if e.note else ("unless" if e.unless else "UNGUARDED")))
                if tag == "UNGUARDED" or not args.quiet:
                    print("  %-10s %s: %s (freq %d) => %s%s" % (tag, e.where(), e.wrong, words[e.wrong], e.rights[0],
                                                               ("  [note: %s]" % e.note) if e.note else ""))
                if tag == "UNGUARDED":
                    risky += 1
    print("  %d dictionary-word entries without only:/unless:/note:" % risky)
    problems += risky

    if not args.no_corpus:
        print("== False alarms on the clean corpus")
        docs = load_corpus()
        judged = set()
        if os.path.exists(args.judged) and not args.write_judged:
            with open(args.judged, encoding="utf-8") as f:
                for l in f:
                    if l.strip() and not l.startswith("#"):
                        p = l.rstrip("\n").split("\t")
                        if len(p) >= 3:
                            judged.add((p[0], p[1], p[2]))
        groups = [("manpages-zh", lambda n: n.startswith(MAN_DIR)),
                  ("fortunes-zh", lambda n: n.startswith(FORTUNE_DIR)),
                  ("fixtures", lambda n: n.startswith(ROOT))]
        han = {g: 0 for g, _ in groups}
        ndocs = {g: 0 for g, _ in groups}
        hits = []
        dropped = []
        for name, text in docs:
            g = next(g for g, f in groups if f(name))
            han[g] += len(HAN.findall(text))
            ndocs[g] += 1
            rel = os.path.relpath(name, ROOT) if name.startswith(ROOT) else name
            for m in find_matches(text, all_entries, seg):
                s0, t0 = m["start"], m["end"]
                ctx = (text[max(0, s0 - 15):s0] + "[" + text[s0:t0] + "]" + text[t0:t0 + 15]).replace("\n", "⏎").replace("\t", " ")
                key = (rel, m["entry"].wrong, ctx)
                rec = (g, rel, m, ctx, key in judged)
                (hits if m["status"] == "hit" else dropped).append(rec)
        n_han = sum(han.values())
        for g, _ in groups:
            print("  corpus %-12s %4d files %8d Han characters" % (g, ndocs[g], han[g]))
        print("  total %d Han characters; a match is a false alarm unless it is listed in %s as a real error in the corpus"
              % (n_han, os.path.relpath(args.judged, ROOT)))
        for rf in rfs:
            ids = set(id(e) for e in rf.entries)
            mine = [h for h in hits if id(h[2]["entry"]) in ids]
            fa = [h for h in mine if not h[4]]
            per_group = ", ".join("%s %d" % (g, sum(1 for h in fa if h[0] == g)) for g, _ in groups)
            print("  %s: %d matches, %d judged real errors, %d false alarms = %.3f per 10,000 Han characters (%s)"
                  % (rf.rel(), len(mine), len(mine) - len(fa), len(fa), len(fa) * 10000.0 / max(1, n_han), per_group))
        from collections import Counter
        per = Counter((m["entry"].wrong, m["entry"].rights[0], j) for _, _, m, _, j in hits)
        if per:
            print("  matches per entry: " + ", ".join("%s=>%s %d%s" % (w, r, k, "" if j else " (FALSE ALARM)")
                                                   for (w, r, j), k in per.most_common()))
        for g, name, m, ctx, j in hits:
            print("  %s %s: %s => %s  %s  (%s)" % ("real   " if j else "FALSE  ", name, m["entry"].wrong, m["entry"].rights[0], ctx, m["entry"].where()))
        if not args.quiet:
            for g, name, m, ctx, j in dropped:
                print("  dropped(%s) %s: %s  %s" % (m["status"], name, m["entry"].wrong, ctx))
        if args.write_judged:
            with open(args.judged, "w", encoding="utf-8") as f:
                f.write("# Corpus matches of Scripts/check-wordlists.py reviewed by hand and judged to be real errors\n"
                        "# (non-recommended variants or typos actually present in the corpus text).\n"
                        "# file\twrong form\tcontext (15 characters either side)\treplacement\n")
                for g, name, m, ctx, j in hits:
                    f.write("%s\t%s\t%s\t%s\n" % (name, m["entry"].wrong, ctx, m["entry"].rights[0]))
            print("  wrote %d matches to %s" % (len(hits), args.judged))
    print("== %s" % ("OK" if problems == 0 else "%d problems" % problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
