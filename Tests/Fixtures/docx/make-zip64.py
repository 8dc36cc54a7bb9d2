#!/usr/bin/env python3
"""Writes zip64.docx: the entries of 稿件.docx in an archive where every size and offset that
ZIP64 can move is moved (central directory entries hold 0xFFFFFFFF and the values sit in the
ZIP64 extra field; the end record points through a ZIP64 locator and record), as a writer that
streams large files does. Run from this directory: python3 make-zip64.py"""
import struct, zipfile, zlib

entries = []
with zipfile.ZipFile("稿件.docx") as z:
    for info in z.infolist():
        data = z.read(info)
        comp = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = comp.compress(data) + comp.flush()
        entries.append((info.filename.encode(), data, packed))

out = bytearray()
central = bytearray()
for name, data, packed in entries:
    offset = len(out)
    crc = zlib.crc32(data)
    local_extra = struct.pack("<HHQQ", 1, 16, len(data), len(packed))
    out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, 8, 0, 0x21, crc, 0xFFFFFFFF, 0xFFFFFFFF,
                       len(name), len(local_extra)) + name + local_extra + packed
    extra = struct.pack("<HHQQQ", 1, 24, len(data), len(packed), offset)
    central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, 8, 0, 0x21, crc, 0xFFFFFFFF,
                           0xFFFFFFFF, len(name), len(extra), 0, 0, 0, 0, 0xFFFFFFFF) + name + extra
cd_offset = len(out)
out += central
record = len(out)
out += struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, len(entries), len(entries), len(central), cd_offset)
out += struct.pack("<IIQI", 0x07064B50, 0, record, 1)
out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
open("zip64.docx", "wb").write(out)
