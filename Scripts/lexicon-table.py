#!/usr/bin/env python3
"""Writes rules/lexicon/jieba-dict.bin: jieba's word list (rules/lexicon/jieba-dict.txt) as the
table `Lexicon` reads in place from the binary, so that no run builds a 349k-word hash table
before its first lint (that took ~30 ms of every cold start).

Run it after changing jieba-dict.txt (then `touch Sources/CJiaoduiData/embedded.c`);
LexiconTableTests fails while the table and the list disagree. The other lists in rules/lexicon/
(the newsroom supplement) are small and still read at start.

Layout, little-endian:
    0   "JDLX0001"
    8   u32 entries, u32 longest word (scalars)
    16  u64 sum of the frequencies (each at least 1)
    24  u64 byte length of jieba-dict.txt (a cheap staleness check at run time)
    32  u32 x 65537 bucket starts (bucket = top 16 bits of the key), padded to 8 bytes
    ..  u64 x entries keys (ScalarHash of the word's scalars), ascending
    ..  u32 x entries frequencies
    ..  u16 x entries tags (the tag's first two ASCII bytes)
A word's key is ScalarHash.of(scalars) as Sources/JiaoduiCore/ScalarHash.swift computes it; a later
line for the same key wins, as in `Lexicon(dictionaries:)`.
"""
import os
import struct

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "rules", "lexicon", "jieba-dict.txt")
TARGET = os.path.join(ROOT, "rules", "lexicon", "jieba-dict.bin")
M = (1 << 64) - 1
BUCKET_BITS = 16


def scalar_hash(word):
    h = 0xcbf29ce484222325
    for ch in word:
        h = ((h ^ ord(ch)) * 0x100000001b3) & M
        h ^= h >> 29
    return h or 1


def main():
    data = open(SOURCE, "rb").read()
    entries = {}
    longest = 1
    for line in data.split(b"\n"):
        word, _, rest = line.partition(b" ")
        if not word:
            continue
        text = word.decode("utf-8")
        # As Lexicon(dictionaries:) reads a line: digits right after the word, then a tag only
        # when a space follows the digits.
        i = 0
        while i < len(rest) and 0x30 <= rest[i] <= 0x39:
            i += 1
        freq = int(rest[:i]) if i else 0
        tag = 0
        if i < len(rest) and rest[i] == 0x20 and i + 1 < len(rest) and rest[i + 1] > 0x20:
            tag = rest[i + 1]
            if i + 2 < len(rest) and rest[i + 2] > 0x20:
                tag |= rest[i + 2] << 8
        entries[scalar_hash(text)] = (min(max(freq, 1), 0xFFFFFFFF), tag)
        longest = max(longest, len(text))
    keys = sorted(entries)
    starts = [0] * ((1 << BUCKET_BITS) + 1)
    for k in keys:
        starts[(k >> (64 - BUCKET_BITS)) + 1] += 1
    for i in range(1, len(starts)):
        starts[i] += starts[i - 1]
    total = sum(entries[k][0] for k in keys)
    out = bytearray(b"JDLX0001")
    out += struct.pack("<IIQQ", len(keys), longest, total, len(data))
    out += struct.pack("<%dI" % len(starts), *starts)
    out += b"\0" * (-len(out) % 8)
    out += struct.pack("<%dQ" % len(keys), *keys)
    out += struct.pack("<%dI" % len(keys), *(entries[k][0] for k in keys))
    out += struct.pack("<%dH" % len(keys), *(entries[k][1] for k in keys))
    with open(TARGET, "wb") as f:
        f.write(out)
    print("%s: %d words, %d bytes" % (os.path.relpath(TARGET, ROOT), len(keys), len(out)))


if __name__ == "__main__":
    main()
