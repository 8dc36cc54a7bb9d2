#!/usr/bin/env python3
"""Precision check of the script pack over a clean corpus: count what the generated substitution
rules match, as the engine will (exact scalars, word_boundaries false, skip_dense_paragraphs),
and list every match.

    python3 Scripts/check-script-pack.py                  # default corpus, summary + matches
    python3 Scripts/check-script-pack.py --density DIR... # paragraph densities (e.g. zh_TW pages)
    python3 Scripts/check-script-pack.py FILE_OR_DIR...   # another corpus
    python3 Scripts/check-script-pack.py --locale         # also the zh_CN gettext catalogs

Default corpus: the Chinese manual pages of Debian's manpages-zh (/usr/share/man/zh_CN, roff
stripped here), seeds/*.txt, and the texts under Tests/Fixtures (*.txt, *.md, *.json strings,
*.docx body text). A paragraph is a blank-line separated block; a roff paragraph or section
macro (.PP .SH .TP ...) counts as a blank line. Han characters: U+3400-4DBF, U+4E00-9FFF,
U+F900-FAFF, U+20000-323AF. Python 3 standard library only.
"""
import argparse
import glob
import gzip
import json
import os
import re
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RULES = [os.path.join(ROOT, "rules", "script", n)
         for n in ("traditional-chars.yml", "compatibility-ideographs.yml")]


def is_han(ch):
    c = ord(ch)
    return (0x3400 <= c <= 0x4DBF or 0x4E00 <= c <= 0x9FFF or 0xF900 <= c <= 0xFAFF
            or 0x20000 <= c <= 0x323AF)


def load_rule(path):
    """(id, {wrong: [rights]}, skip share or None) from a generated rule file (only the keys this
    script needs; the files are generated, so a line-based reading is enough)."""
    rid, skip, table, in_swap = None, None, {}, False
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if in_swap:
                if not line.startswith("  "):
                    in_swap = False
                else:
                    body = line.strip()
                    if not body or body.startswith("#"):
                        continue
                    entry = body.split(" | ")[0]
                    wrong, rights = entry.split(" => ")
                    table[wrong] = [r.strip() for r in rights.split(",")]
                    continue
            if line.startswith("id: "):
                rid = line[4:].strip()
            elif line.strip().startswith("skip_dense_paragraphs:"):
                skip = float(line.split(":", 1)[1])
            elif line.startswith("swap: |"):
                in_swap = True
    return rid, table, skip


# --- corpus ---------------------------------------------------------------------------------

ROFF_BREAK = re.compile(r"^\.(PP|P|LP|SH|SS|TP|IP|HP|sp|br|TH|RS|RE|nf|fi|SM|Sh|Sp|Ip|TQ|EX|EE)\b")
ROFF_TEXT = re.compile(r"^\.(B|I|BI|BR|IB|IR|RB|RI|SM|SH|SS|IP|TP|Nm|Nd|Ar|Fl)\s+(.*)$")


def strip_roff(text):
    """Running text of a man page: comments and requests dropped, font and character escapes
    removed, paragraph macros turned into blank lines."""
    out = []
    for line in text.split("\n"):
        if line.startswith('.\\"') or line.startswith("'\\\"") or line.startswith('\\"'):
            continue
        if line.startswith(".") or line.startswith("'"):
            m = ROFF_TEXT.match(line)
            if ROFF_BREAK.match(line):
                out.append("")
            if m:
                out.append(m.group(2).replace('"', ""))
            continue
        out.append(line)
    s = "\n".join(out)
    s = re.sub(r"\\f(\[[^\]]*\]|\(..|.)", "", s)      # font changes
    s = re.sub(r"\\s[-+]?\d", "", s)                    # size changes
    s = re.sub(r"\\\(..|\\\[[^\]]*\]", " ", s)          # named characters
    s = re.sub(r"\\[-e&|^%c ]", lambda m: {"\\-": "-", "\\e": "\\"}.get(m.group(0), ""), s)
    s = re.sub(r"\\\*\(?.", "", s)                      # strings
    return s


def read_manpage(path):
    raw = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    for enc in ("utf-8", "gb18030"):
        try:
            return strip_roff(raw.decode(enc))
        except UnicodeDecodeError:
            pass
    return strip_roff(raw.decode("utf-8", "replace"))


def json_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from json_strings(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from json_strings(v)


def read_mo(path):
    """The translations (msgstr) of a compiled gettext catalog, one paragraph each."""
    import struct
    data = open(path, "rb").read()
    magic = struct.unpack("<I", data[:4])[0]
    order = "<" if magic == 0x950412DE else ">"
    n, _, tstart = struct.unpack(order + "III", data[8:20])
    out = []
    for i in range(n):
        length, offset = struct.unpack(order + "II", data[tstart + 8 * i:tstart + 8 * i + 8])
        for s in data[offset:offset + length].decode("utf-8", "replace").split("\0"):
            out.append(s.replace("\n\n", "\n"))
    return "\n\n".join(out[1:])                       # entry 0 is the catalog header


def read_any(path):
    if path.endswith(".mo"):
        return read_mo(path)
    if "/man/" in path and (path.endswith(".gz") or re.search(r"\.\d\w*$", path)):
        return read_manpage(path)
    if path.endswith(".docx"):
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        xml = re.sub(r"</w:p>", "\n\n", xml)
        return re.sub(r"<[^>]+>", "", xml)
    if path.endswith(".json"):
        with open(path, encoding="utf-8") as f:
            return "\n\n".join(json_strings(json.load(f)))
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def default_corpus():
    files = sorted(glob.glob("/usr/share/man/zh_CN/**/*.gz", recursive=True))
    files += sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))
    for ext in ("txt", "md", "json", "docx"):
        files += sorted(glob.glob(os.path.join(ROOT, "Tests", "Fixtures", "**", "*." + ext),
                                  recursive=True))
    return unique(f for f in files if not f.endswith("sarif-2.1.0.json"))   # a schema, no prose


def unique(files):
    """Each file once: manual pages are often symbolic links to one another."""
    seen, out = set(), []
    for f in files:
        real = os.path.realpath(f)
        if real not in seen:
            seen.add(real)
            out.append(f)
    return out


def expand(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            out += sorted(f for f in glob.glob(os.path.join(p, "**", "*"), recursive=True)
                          if os.path.isfile(f))
        else:
            out.append(p)
    return unique(out)


# --- matching -------------------------------------------------------------------------------

def paragraphs(text):
    """(first line number, paragraph text) for each blank-line separated block."""
    start, buf = 1, []
    for i, line in enumerate(text.split("\n"), 1):
        if line.strip():
            if not buf:
                start = i
            buf.append(line)
        elif buf:
            yield start, "\n".join(buf)
            buf = []
    if buf:
        yield start, "\n".join(buf)


def scan(text, table, skip, min_matches=1):
    """(han count, matches, skipped matches); a match is (line, column, wrong, rights, context)."""
    han = 0
    found, skipped = [], []
    for start, para in paragraphs(text):
        phan = sum(1 for ch in para if is_han(ch))
        han += phan
        hits = []
        line, col = start, 0
        for i, ch in enumerate(para):
            if ch == "\n":
                line, col = line + 1, 0
                continue
            col += 1
            if ch in table:
                ctx = para[max(0, i - 12):i + 13].replace("\n", "⏎")
                hits.append((line, col, ch, table[ch], ctx))
        if len(hits) >= max(1, min_matches) and skip is not None and len(hits) / phan > skip:
            skipped += hits
        else:
            found += hits
    return han, found, skipped


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--density", action="store_true",
                    help="print the distribution of paragraph densities instead")
    ap.add_argument("--quiet", action="store_true", help="summary only")
    ap.add_argument("--skip", type=float, help="override skip_dense_paragraphs (what-if)")
    ap.add_argument("--min-matches", type=int, default=1,
                    help="what-if: skip a dense paragraph only when it has at least this many matches")
    ap.add_argument("--locale", action="store_true",
                    help="add the zh_CN gettext catalogs (/usr/share/locale/zh_CN/LC_MESSAGES/*.mo)")
    args = ap.parse_args()
    rules = [load_rule(p) for p in RULES]
    files = expand(args.paths) if args.paths else default_corpus()
    if args.locale:
        files = unique(files + sorted(glob.glob("/usr/share/locale/zh_CN/LC_MESSAGES/*.mo")))

    if args.density:
        rid, table, skip = rules[0]
        buckets = [0] * 11
        paras = han_total = hits_total = 0
        for path in files:
            for _, para in paragraphs(read_any(path)):
                phan = sum(1 for ch in para if is_han(ch))
                if phan < 1:
                    continue
                h = sum(1 for ch in para if ch in table)
                paras += 1
                han_total += phan
                hits_total += h
                buckets[min(10, int(10 * h / phan))] += 1
        print("%d files, %d paragraphs with Han characters, %d Han characters, %d matches (%.1f%%)"
              % (len(files), paras, han_total, hits_total, 100.0 * hits_total / max(1, han_total)))
        for i, n in enumerate(buckets):
            print("  density %3d%%-%3d%%: %6d paragraphs" % (10 * i, 10 * i + 10, n))
        over = sum(buckets[3:])
        print("share of paragraphs with density >= 0.3 (bucket edge): %.1f%%" % (100.0 * over / max(1, paras)))
        return 0

    total_han = 0
    per_rule = {r[0]: ([], []) for r in rules}
    for path in files:
        text = read_any(path)
        han = None
        for rid, table, skip in rules:
            if args.skip is not None and skip is not None:
                skip = args.skip
            h, found, skipped = scan(text, table, skip, args.min_matches)
            han = h
            rel = os.path.relpath(path, ROOT) if path.startswith(ROOT) else path
            per_rule[rid][0].extend((rel,) + m for m in found)
            per_rule[rid][1].extend((rel,) + m for m in skipped)
        total_han += han
    print("corpus: %d files, %d Han characters" % (len(files), total_han))
    all_found = 0
    for rid, (found, skipped) in per_rule.items():
        all_found += len(found)
        print("%s: %d matches (%.2f per 10,000 Han characters); %d more in dense paragraphs (skipped)"
              % (rid, len(found), 1e4 * len(found) / max(1, total_han), len(skipped)))
        if not args.quiet:
            for rel, line, col, w, rs, ctx in found:
                print("  %s:%d:%d  %s => %s  …%s…" % (rel, line, col, w, ",".join(rs), ctx))
            for rel, line, col, w, rs, ctx in skipped:
                print("  [skipped] %s:%d:%d  %s => %s  …%s…" % (rel, line, col, w, ",".join(rs), ctx))
    print("all rules: %d matches, %.2f per 10,000 Han characters"
          % (all_found, 1e4 * all_found / max(1, total_han)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
