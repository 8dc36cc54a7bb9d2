#!/usr/bin/env python3
"""Generate the `script` rule pack from the Unicode Unihan database.

    python3 Scripts/gen-script-pack.py            # write rules/script/*.yml
    python3 Scripts/gen-script-pack.py --check    # exit 1 when a written file differs
    python3 Scripts/gen-script-pack.py --unicode DIR --out DIR

Input: Debian's unicode-data package (Unicode 15.0 Unihan, /usr/share/unicode/Unihan_*.txt.bz2).
Output (deterministic: the same input gives byte-identical files):

  rules/script/traditional-chars.yml        Traditional characters in Simplified text
  rules/script/compatibility-ideographs.yml CJK compatibility ideographs (OCR/PDF damage)

Python 3 standard library only.
"""
import argparse
import bz2
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIELDS = ("kTGH", "kSimplifiedVariant", "kTraditionalVariant", "kCompatibilityVariant",
          "kGB0", "kGB1")

# Traditional characters whose Unihan kSimplifiedVariant is a class-analogous simplification
# (类推简化) that is NOT in 通用规范汉字表, so the fix would not be a standard character; the
# standard counterpart below is the one the 2013 table's 规范字与繁体字、异体字对照表 gives.
# Only frequent characters (Big5 level 1) are listed; every left side must be outside kTGH and
# without a usable kSimplifiedVariant, every right side inside kTGH (checked at generation).
CURATED = {
    "嚐": ["尝"], "崙": ["仑"], "嶽": ["岳"], "巖": ["岩"], "瀰": ["弥"], "糰": ["团"],
    "絃": ["弦"], "綵": ["彩"], "縴": ["纤"], "繈": ["襁"], "藷": ["薯"], "襬": ["摆"],
    "託": ["托"], "諮": ["咨"], "譟": ["噪"], "讚": ["赞"], "賸": ["剩"], "釦": ["扣"],
    "鉋": ["刨"], "銲": ["焊"], "鍊": ["炼", "链"], "鎗": ["枪"], "鎚": ["锤"], "鑑": ["鉴"],
    "餵": ["喂"], "鹼": ["碱"], "齧": ["啮"],
}

NOTE_GB12345 = "繁体字（GB/T 12345）"
NOTE_CURATED = "繁体字（据通用规范汉字表对照）"


def load(unicode_dir):
    """{code point: {field: value}} for the fields we use, and the Unicode version string."""
    data = {}
    version = None
    for name in ("Variants", "OtherMappings", "IRGSources"):
        path = os.path.join(unicode_dir, "Unihan_%s.txt.bz2" % name)
        with bz2.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                if line.startswith("# Unicode version:"):
                    version = line.split(":", 1)[1].strip()
                if line.startswith("#") or not line.strip():
                    continue
                cp, field, value = line.rstrip("\n").split("\t")
                if field in FIELDS:
                    data.setdefault(int(cp[2:], 16), {})[field] = value
    return data, version


def targets(value):
    """Code points of a variant field value (`U+xxxx<source ...` entries)."""
    return [int(v.split("<")[0][2:], 16) for v in value.split()] if value else []


def debian_version(package):
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", package],
                             capture_output=True, text=True, check=True).stdout.strip()
        return out or "unknown"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def build(data):
    """The two entry tables: {wrong cp: ([right cps], note or None)}, and statistics."""
    tgh = {c for c, d in data.items() if "kTGH" in d}
    stats = {}

    # 1. kSimplifiedVariant: a character outside 通用规范汉字表 whose simplified form differs.
    trad = {}
    no_standard = 0
    for c in sorted(data):
        d = data[c]
        if c in tgh or "kSimplifiedVariant" not in d:
            continue
        simp = [s for s in targets(d["kSimplifiedVariant"]) if s != c]
        if not simp:
            continue
        rights = [s for s in simp if s in tgh]
        if rights:
            trad[c] = (rights, None)
        else:
            no_standard += 1
    stats["kSimplifiedVariant"] = len(trad)
    stats["kSimplifiedVariant, no standard form (left out)"] = no_standard

    # kTraditionalVariant-only relations: a standard character S lists T as its traditional
    # form but T does not name S as its simplified form. (Unicode 15.0: none; kept as a check.)
    tv_only = 0
    for s in sorted(tgh):
        for t in targets(data[s].get("kTraditionalVariant")):
            if t == s or t in tgh or (t in trad and s in trad[t][0]):
                continue
            if t not in trad:
                trad[t] = ([s], None)
                tv_only += 1
    stats["kTraditionalVariant only"] = tv_only

    # 2. GB/T 12345 (the Traditional counterpart of GB 2312) puts a Traditional character at
    # the code position of its simplified form: kGB1 == kGB0 pairs not covered above.
    gb0 = {d["kGB0"]: c for c, d in data.items() if "kGB0" in d}
    gb = 0
    for c in sorted(data):
        d = data[c]
        if c in tgh or c in trad or "kGB1" not in d or 0xF900 <= c <= 0xFAFF:
            continue
        s = gb0.get(d["kGB1"])
        if s is not None and s != c and s in tgh:
            trad[c] = ([s], NOTE_GB12345)
            gb += 1
    stats["GB/T 12345 = GB 2312 code position"] = gb

    # 3. Curated, see CURATED.
    for w, rs in CURATED.items():
        c = ord(w)
        rights = [ord(r) for r in rs]
        if c in tgh or c in trad or any(r not in tgh for r in rights):
            raise SystemExit("curated entry %s => %s is no longer valid for this Unihan" % (w, rs))
        trad[c] = (rights, NOTE_CURATED)
    stats["curated (standard form outside Unihan)"] = len(CURATED)

    # 4. Compatibility ideographs (U+F900-FAFF, U+2F800-2FA1F) -> their unified ideograph when
    # that is standard, or the standard simplified form when the unified one is Traditional.
    compat = {}
    cstats = {"unified standard": 0, "unified Traditional": 0, "left out": 0}
    for c in sorted(data):
        d = data[c]
        if "kCompatibilityVariant" not in d:
            continue
        u = targets(d["kCompatibilityVariant"])[0]
        if u in tgh:
            compat[c] = ([u], "U+%04X" % c)
            cstats["unified standard"] += 1
        elif u in trad:
            compat[c] = (trad[u][0], "U+%04X，繁体“%s”" % (c, chr(u)))
            cstats["unified Traditional"] += 1
        else:
            cstats["left out"] += 1
    for k, v in cstats.items():
        stats["compatibility ideographs, " + k] = v

    # 5. Precision: a Traditional character whose standard forms are all level-3 characters of
    # the table (kTGH numbers above 6500: rare and classical, 輗 => 𫐐) is left out of
    # traditional-chars. Such characters appear in quotations of classical texts, where an editor
    # keeps them, and the fix would print a character most fonts lack.
    common = {c for c, d in data.items() if "kTGH" in d and int(d["kTGH"].split(":")[1]) <= 6500}
    rare = 0
    for c in sorted(trad):
        rights, note = trad[c]
        kept = [r for r in rights if r in common]
        if not kept:
            del trad[c]
            rare += 1
        elif kept != rights:
            trad[c] = (kept, note)
    stats["standard form only in level 3 (rare, classical): left out"] = rare
    return trad, compat, stats


def entry_lines(table):
    out = []
    for c in sorted(table):
        rights, note = table[c]
        line = "%s => %s" % (chr(c), ", ".join(chr(r) for r in rights))
        if note:
            line += " | note: " + note
        out.append("  " + line)
    return out


LICENSE = """\
# Licence: derived from the Unicode Character Database (Unihan), © 1991-2022 Unicode, Inc.,
# distributed under the Unicode License Agreement - Data Files and Software (the Unicode Terms of
# Use, https://www.unicode.org/copyright.html; renamed Unicode License v3 from Unicode 15.1,
# https://www.unicode.org/license.txt). This is a MODIFIED derivative of the data files: entries
# were selected and reformatted. Full text: rules/script/LICENSE-unicode."""


def header(title, command, uver, dver, lines):
    return "\n".join(["# %s" % title,
                      "# GENERATED FILE - do not edit; regenerate with:",
                      "#   %s" % command,
                      "# Source: Unicode %s Unihan (Unihan_Variants, Unihan_OtherMappings, Unihan_IRGSources)"
                      % uver,
                      "#   via the Debian package unicode-data %s (/usr/share/unicode/Unihan_*.txt.bz2)." % dver,
                      LICENSE, "#"] + ["# " + l if l else "#" for l in lines]) + "\n"


def traditional_yaml(trad, stats, uver, dver):
    counts = [
        "Entries (%d): one Traditional character => its standard Simplified form(s) in" % len(trad),
        "通用规范汉字表 (2013; Unihan kTGH), sorted by code point. A character that is itself in",
        "kTGH is never an entry, even if Unihan gives it a simplified variant (著 乾 於 藉 夥 覆",
        "瞭 徵 剋 麽 ...: standard characters with their own uses). A right side is always in kTGH.",
        "",
        "  %5d kSimplifiedVariant differs from the character (Unihan_Variants)" % stats["kSimplifiedVariant"],
        "  %5d kTraditionalVariant-only relations (a standard character naming a Traditional form"
        % stats["kTraditionalVariant only"],
        "        that does not name it back; none in Unicode 15.0, the generator checks)",
        "  %5d GB/T 12345 code position = GB 2312 code position of a standard character (kGB1 = kGB0;"
        % stats["GB/T 12345 = GB 2312 code position"],
        "        GB/T 12345 is the Traditional counterpart of GB 2312): 裏=>里 爲=>为 説=>说 ...",
        "  %5d curated in the generator: frequent Traditional characters whose Unihan simplified"
        % stats["curated (standard form outside Unihan)"],
        "        form is a class-analogous character outside kTGH (嶽 巖 託 讚 鑑 ...)",
        "Left out: %d characters whose simplified forms are all outside kTGH (rare characters;"
        % stats["kSimplifiedVariant, no standard form (left out)"],
        "a fix must produce a standard character), and variant characters (异体字: 週 遊 佔 佈 ...),",
        "which Unihan does not map to a simplified form (they belong to the variants pack).",
        "Also left out: %d characters whose standard forms are all level-3 characters of the table"
        % stats["standard form only in level 3 (rare, classical): left out"],
        "(kTGH above 6500: 輗 => 𫐐), found in quotations of classical texts and missing from most fonts.",
        "Compatibility ideographs are in compatibility-ideographs.yml (own message: they are",
        "invisible damage, not Traditional characters).",
    ]
    out = [header("Traditional characters in Simplified text (script pack).",
                  "python3 Scripts/gen-script-pack.py", uver, dver, counts)]
    out.append("""\
id: traditional-chars
pack: script
kind: substitution
severity: warning
name:
  zh: 简体文本中的繁体字
  en: Traditional characters in Simplified text
description:
  zh: "简体中文稿件中混入的繁体字（转载、输入法切换、繁简转换遗漏），按《通用规范汉字表》（2013）改为规范字。规范字表内的字不报，如“著名”“乾隆”“於”（姓）。一个字对应几个简体字时给出几个修正，第一个为默认。整段繁体（引文、原文照登）不算混用：一段中命中的字超过汉字总数的 skip_dense_paragraphs（默认 0.1，且至少 skip_dense_min_matches 个，默认 3）时，该段不报。数据来自 Unicode Unihan。"
  en: "Traditional characters left in Simplified Chinese copy (reprints, input-method switches, incomplete conversion), replaced by the standard form of the 2013 Table of General Standard Chinese Characters. Characters in that table are never flagged (著名, 乾隆, the surname 於). A character with several simplified forms offers several fixes, the first being the default. A paragraph written in Traditional characters (a quotation reproduced as is) is not mixing: when matches exceed skip_dense_paragraphs (default 0.1) of its Han characters and number at least skip_dense_min_matches (default 3), the paragraph is skipped. Data: Unicode Unihan."
message:
  zh: "简体文本中混用了繁体字“{match}”，应为“{replacement}”。"
  en: "Traditional character “{match}” in Simplified text; use “{replacement}”."
messages:
  fix:
    zh: 改为“{replacement}”
    en: Replace with “{replacement}”
word_boundaries: false
parameters:
  # Skip a paragraph when the matches of this rule make up more than this share of its Han
  # characters and number at least skip_dense_min_matches: Traditional text quoted whole, not
  # mixing. (0.1 and 3: measured on manpages-zh zh_TW/zh_CN with Scripts/check-script-pack.py.)
  skip_dense_paragraphs: 0.1
  skip_dense_min_matches: 3
examples:
  bad:
    - text: "会议↓後↓，大家合影。"
      fixed: "会议后，大家合影。"
    - text: "这家企业的↓產↓品远销海外。"
      fixed: "这家企业的产品远销海外。"
    - text: "他每天晚上在家↓裏↓看书。"
      fixed: "他每天晚上在家里看书。"
    - text: "网友纷纷点↓讚↓，称其为“最美逆行者”。"
      fixed: "网友纷纷点赞，称其为“最美逆行者”。"
    - text: "受台风影响，↓髮↓廊暂停营业。"
      fixed: "受台风影响，发廊暂停营业。"
    - text: "参加义诊的医生↓們↓都是志愿者。"
      fixed: "参加义诊的医生们都是志愿者。"
  good:
    - "著名作家的新著在北京首发。"
    - "乾隆年间，这里已是商贸重镇。"
    - "於女士今年六十岁，是村里的老党员。"
    - "皇后镇位于新西兰南岛。"
    - "全程里程约三百公里，沿途设有五个补给站。"
    - "他慰藉了受灾群众，也批评了杯盘狼藉的浪费现象。"
    - "大家一起干杯，庆祝乾坤朗朗。"
    - "瞭望塔上，哨兵日夜值守；覆盖全县的网络已经建成。"
    - "這是一段從臺灣報紙轉載的文字，保留原來的繁體寫法，讀者應該能夠看懂。"
    - "记者从会上获悉：\\n\\n「我們會繼續努力，讓鄉親們過上更好的日子。」\\n\\n这是他在发言中说的。"
swap: |
  # Generated: one entry per character, sorted by code point.
""")
    out.append("\n".join(entry_lines(trad)) + "\n")
    return "".join(out)


def compat_yaml(compat, stats, uver, dver):
    counts = [
        "Entries (%d): a CJK compatibility ideograph (U+F900-FAFF, U+2F800-2FA1F) => the standard"
        % len(compat),
        "character. They look exactly like a unified ideograph but are other code points, left by",
        "OCR, PDF text extraction or Korean/Japanese legacy encodings; NFKC would hide them, search",
        "and sorting do not match them. Unihan kCompatibilityVariant gives the unified ideograph:",
        "  %4d unified ideograph is in 通用规范汉字表 (kTGH): => it (丹 U+F95E => 丹 U+4E39)"
        % stats["compatibility ideographs, unified standard"],
        "  %4d unified ideograph is Traditional: => its standard simplified form (as in"
        % stats["compatibility ideographs, unified Traditional"],
        "       traditional-chars.yml), and the note names the Traditional character",
        "Left out: %d whose unified ideograph is neither (rare or variant characters)."
        % stats["compatibility ideographs, left out"],
        "U+FA0E U+FA0F U+FA11 U+FA13 U+FA14 U+FA1F U+FA21 U+FA23 U+FA24 U+FA27-FA29 are unified",
        "ideographs despite their block and are not entries.",
        "ENGINE NOTE: each left side is canonically equivalent to its unified ideograph (Swift",
        "String == and hashing treat them as equal); match on Unicode scalars only.",
        "No skip_dense_paragraphs: damaged text is flagged however dense the damage.",
    ]
    out = [header("CJK compatibility ideographs in Chinese text (script pack).",
                  "python3 Scripts/gen-script-pack.py", uver, dver, counts)]
    out.append("""\
id: compatibility-ideographs
pack: script
kind: substitution
severity: warning
name:
  zh: 兼容区汉字
  en: CJK compatibility ideographs
description:
  zh: "兼容区汉字（U+F900–FAFF、U+2F800–2FA1F）与常用汉字字形相同而编码不同，多由 OCR、PDF 提取或韩文、日文旧编码带入，检索、排序和字数统计都会出错。按 Unicode Unihan 的 kCompatibilityVariant 换成统一汉字；统一汉字是繁体字的，直接换成《通用规范汉字表》的规范字。"
  en: "CJK compatibility ideographs (U+F900-FAFF, U+2F800-2FA1F) look like ordinary characters but are other code points, left by OCR, PDF text extraction or Korean/Japanese legacy encodings; search, sorting and counts go wrong. Replaced by the unified ideograph (Unicode Unihan kCompatibilityVariant), or by its standard Simplified form when that ideograph is Traditional."
message:
  zh: "“{match}”是兼容区汉字（{note}），应为“{replacement}”。"
  en: "“{match}” is a compatibility ideograph ({note}); use “{replacement}”."
messages:
  fix:
    zh: 改为“{replacement}”
    en: Replace with “{replacement}”
word_boundaries: false
examples:
  bad:
    - text: "王↓\\uF95E↓同志当选为人大代表。"
      fixed: "王丹同志当选为人大代表。"
    - text: "全县共有↓\\uF9D1↓个乡镇。"
      fixed: "全县共有六个乡镇。"
    - text: "他↓\\uF967↓同意这个方案。"
      fixed: "他不同意这个方案。"
    - text: "村民↓\\uF9E1↓大爷家的苹果丰收了。"
      fixed: "村民李大爷家的苹果丰收了。"
    - text: "↓\\uF91D↓目设置清楚。"
      fixed: "栏目设置清楚。"
  good:
    - "王丹同志当选为人大代表。"
    - "全县共有六个乡镇。"
    - "他不同意这个方案。"
    - "村民李大爷家的苹果丰收了。"
    - "利率下调，理财产品收益率有所回落。"
    - "洛阳牡丹甲天下。"
    - "北京的冬天很冷。"
    - "若要人不知，除非己莫为。"
swap: |
  # Generated: one entry per character, sorted by code point.
""")
    out.append("\n".join(entry_lines(compat)) + "\n")
    return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--unicode", default="/usr/share/unicode", help="directory of Unihan_*.txt.bz2")
    ap.add_argument("--out", default=os.path.join(ROOT, "rules", "script"))
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    ap.add_argument("--stats", action="store_true", help="print the entry counts")
    args = ap.parse_args()

    data, uver = load(args.unicode)
    dver = debian_version("unicode-data")
    trad, compat, stats = build(data)
    files = {
        "traditional-chars.yml": traditional_yaml(trad, stats, uver, dver),
        "compatibility-ideographs.yml": compat_yaml(compat, stats, uver, dver),
    }
    if args.stats:
        for k, v in stats.items():
            print("%6d  %s" % (v, k))
    status = 0
    for name, text in files.items():
        path = os.path.join(args.out, name)
        if args.check:
            try:
                with open(path, encoding="utf-8", newline="") as f:
                    same = f.read() == text
            except FileNotFoundError:
                same = False
            if not same:
                print("differs: " + path, file=sys.stderr)
                status = 1
        else:
            os.makedirs(args.out, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
    return status


if __name__ == "__main__":
    sys.exit(main())
