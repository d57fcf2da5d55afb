#!/usr/bin/env python3
"""Writes bomb-like workbooks into a folder, for measuring crosswalk's peak memory on them.

    python3 scripts/make-bombs.py /tmp/bombs

- zip-bomb.xlsx: a valid one-sheet catalog whose zip also holds a 2 GiB part of zeros
  (about 2 MiB on disk): refused before anything is decompressed.
- cell-bomb.xlsx: a sheet of 6,000,000 short numeric cells (about 20 MiB on disk, 300 MiB of
  XML): refused when the cell limit (5,000,000) is passed.
- far-cell.xlsx: a three-row catalog plus one cell at XFD1048576.
"""
import sys
import zipfile
from pathlib import Path

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Catalog" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)
HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
TAIL = "</sheetData></worksheet>"


def col(n):
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def catalog_rows():
    rows = [("Title", "Description", "Hours"),
            ("Attachment", "Attachment in infancy", "2"),
            ("Reflective Supervision", "The supervisory relationship", "6")]
    out = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(inline(f"{col(c)}{r}", v) for c, v in enumerate(row))
        out.append(f'<row r="{r}">{cells}</row>')
    return "".join(out)


def write(path, sheet_xml_parts, extra=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            for part in sheet_xml_parts:
                f.write(part.encode())
        if extra:
            name, size = extra
            with z.open(name, "w", force_zip64=True) as f:
                block = b"\0" * (1 << 20)
                for _ in range(size >> 20):
                    f.write(block)


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/bombs")
    out.mkdir(parents=True, exist_ok=True)
    write(out / "zip-bomb.xlsx", [HEAD, catalog_rows(), TAIL], ("xl/media/zeros.bin", 2 << 30))

    def cells():
        yield HEAD + catalog_rows()
        n = 0
        r = 4
        while n < 6_000_000:
            row = "".join(f'<c r="{col(c)}{r}"><v>{c}</v></c>' for c in range(20))
            yield f'<row r="{r}">{row}</row>'
            n += 20
            r += 1
        yield TAIL

    write(out / "cell-bomb.xlsx", cells())
    write(out / "far-cell.xlsx", [HEAD, catalog_rows(),
                                  '<row r="1048576">' + inline("XFD1048576", "stray") + "</row>", TAIL])
    for p in sorted(out.iterdir()):
        print(f"{p.name}: {p.stat().st_size} bytes")


if __name__ == "__main__":
    main()
