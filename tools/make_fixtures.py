#!/usr/bin/python3
"""Builds the office-format test fixtures in tests/testdata/office/ from the seed texts.

Run with /usr/bin/python3 (python3-docx is a Debian package; pyenv's python cannot see it):
    /usr/bin/python3 tools/make_fixtures.py            # DOCX, PDF (LibreOffice headless), CSV, XLSX

The seed exports (samples/000_*.txt, 002_*.txt) are tables flattened to text: a line starting
with TAB starts a cell, the lines after it (up to the next TAB line) continue the cell, and a
blank line separates paragraphs inside a cell. This script rebuilds real Word tables from them:
rows of the table's width, vertical merges (w:vMerge) where the export shows a shared cell as
empty, a horizontal merge (w:gridSpan) for chapter rows and the period header, and the lead
institution in bold. The recogniser must read the DOCX/PDF to the same plan as the text.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.shared import Cm, Pt

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "testdata", "office")
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------- reading the TAB export

class Cell:
    def __init__(self, line_no, first):
        self.line_no = line_no
        self.lines = [first]

    @property
    def paragraphs(self):
        """Groups of lines separated by blank lines; each group is one Word paragraph."""
        groups, current = [], []
        for line in self.lines:
            if line.strip():
                current.append(line.rstrip())
            elif current:
                groups.append(current)
                current = []
        if current:
            groups.append(current)
        return groups

    @property
    def text(self):
        return " ".join(" ".join(g) for g in self.paragraphs).strip()


def read_export(path, heading):
    """Splits a TAB export into ('paragraph', [lines]) and ('cells', [Cell]) blocks.

    A non-TAB line ends a run of cells when it follows two blank lines (the TAB
    reader's rule, src/import/text/tab_reader.cc: a title between two tables, such as
    a strategy chapter name) or follows one blank line and matches `heading`;
    otherwise it continues the current cell."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    blocks = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t"):
            cells = []
            while i < len(lines):
                line = lines[i]
                if line.startswith("\t"):
                    cells.append(Cell(i + 1, line[1:]))
                elif line.strip() and not lines[i - 1].strip() and (heading.match(line) or not lines[i - 2].strip()):
                    break
                else:
                    cells[-1].lines.append(line)
                i += 1
            blocks.append(("cells", cells))
        else:
            # Outside tables every non-blank line is a paragraph of its own.
            while i < len(lines) and not lines[i].startswith("\t"):
                if lines[i].strip():
                    blocks.append(("paragraph", [lines[i].strip()]))
                i += 1
    return blocks


# ---------------------------------------------------------------- writing Word XML

def run_xml(text, bold=False):
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def paragraph_xml(lines, bold_prefix=""):
    """One w:p; lines joined by w:br; the first len(bold_prefix) characters bold."""
    runs = []
    for index, line in enumerate(lines):
        if index:
            runs.append("<w:r><w:br/></w:r>")
        if bold_prefix and index == 0 and line.startswith(bold_prefix):
            runs.append(run_xml(bold_prefix, True))
            rest = line[len(bold_prefix):]
            if rest:
                runs.append(run_xml(rest))
        else:
            runs.append(run_xml(line))
    return '<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>' + "".join(runs) + "</w:p>"


def cell_xml(cell, span=1, vmerge=None, bold_lead=None):
    props = []
    if span > 1:
        props.append(f'<w:gridSpan w:val="{span}"/>')
    if vmerge == "restart":
        props.append('<w:vMerge w:val="restart"/>')
    elif vmerge == "continue":
        props.append("<w:vMerge/>")
    body = ""
    if cell is not None and vmerge != "continue":
        paragraphs = cell.paragraphs
        for index, lines in enumerate(paragraphs):
            lead = bold_lead(lines) if bold_lead and index == 0 else ""
            body += paragraph_xml(lines, lead)
    if not body:
        body = "<w:p/>"
    tcpr = f"<w:tcPr>{''.join(props)}</w:tcPr>" if props else ""
    return f"<w:tc>{tcpr}{body}</w:tc>"


def add_table(document, widths, rows_xml):
    table = document.add_table(rows=0, cols=len(widths))
    table.style = "Table Grid"
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(docx.oxml.ns.qn("w:gridCol")), widths):
        col.set(docx.oxml.ns.qn("w:w"), str(width))
    for row in rows_xml:
        # cantSplit: a row stays on one page, as plans are usually laid out.
        table._tbl.append(parse_xml(f"<w:tr {W_NS}><w:trPr><w:cantSplit/></w:trPr>{row}</w:tr>"))
    return table


def new_document():
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    document.styles["Normal"].font.size = Pt(8)
    document.styles["Normal"].font.name = "DejaVu Sans"
    return document


def add_paragraph(document, lines, heading_level):
    text = " ".join(lines)
    if heading_level:
        document.add_heading(text, level=heading_level)
    else:
        document.add_paragraph(text)


def vmerge_rows(rows, merge_columns):
    """rows: lists of Cell; returns per-row per-column vmerge marks for empty cells
    that continue the non-empty cell above them (the export shows a shared cell once)."""
    marks = [[None] * len(r) for r in rows]
    for col in merge_columns:
        origin = None
        for r, row in enumerate(rows):
            if col >= len(row):
                origin = None
                continue
            if row[col].text:
                origin = r
            elif origin is not None:
                marks[origin][col] = "restart"
                marks[r][col] = "continue"
    return marks


# ---------------------------------------------------------------- seed 000 (Romanian action plan)

def first_institution(lines):
    """The lead of seed 000's responsible cells: the first name before a comma."""
    first = lines[0]
    return first.split(",")[0].rstrip() if first.strip() else ""


def build_000(source):
    # Section titles between tables, and the indented signature block after the last one.
    heading = re.compile(r"^(\s*([IVX]+\.\s|[A-Z]\.\s|[A-Z]\.?\s?\d|\.\d|Obiectiv:)|\s{4,}\S|MINISTERUL)")
    blocks = read_export(source, heading)
    document = new_document()
    widths = [2300, 3000, 2300, 2300, 1000, 1000, 3100]
    tables = 0
    for index, (kind, content) in enumerate(blocks):
        if kind == "paragraph":
            text = " ".join(content)
            level = 0
            if index == 0:
                level = 0
            elif re.match(r"^[IVX]+\.\s", text):
                level = 1
            elif re.match(r"^[A-Z]\.\s", text):
                level = 2
            elif re.match(r"^([A-Z]\.?\s?\d|\.\d)", text):
                level = 3
            add_paragraph(document, content, level)
            continue
        cells = content
        assert len(cells) % 7 == 0, f"000: a table of {len(cells)} cells at line {cells[0].line_no}"
        rows = [cells[i:i + 7] for i in range(0, len(cells), 7)]
        marks = vmerge_rows(rows[1:], [0])
        rows_xml = []
        for r, row in enumerate(rows):
            row_marks = marks[r - 1] if r else [None] * 7
            rows_xml.append("".join(
                cell_xml(cell, vmerge=row_marks[c], bold_lead=first_institution if (r and c == 6) else None)
                for c, cell in enumerate(row)))
        add_table(document, widths, rows_xml)
        document.add_paragraph("")
        tables += 1
    return document, tables


# ---------------------------------------------------------------- seed 002 (Slovenian action plan)

def first_line(lines):
    return lines[0].strip() and lines[0]


def build_002(source):
    heading = re.compile(r"^Seznam kratic")
    blocks = read_export(source, heading)
    document = new_document()
    widths = [2400, 3200, 700, 700, 700, 700, 2800, 2800]
    tables = 0
    for index, (kind, content) in enumerate(blocks):
        if kind == "paragraph":
            add_paragraph(document, content, 1 if content[0] in ("Uvod", "Seznam kratic:") else 0)
            continue
        cells = content
        if not cells[0].text.startswith("Poglavje"):
            # The acronym list: acronym, name, spacer, acronym, name.
            rows = [cells[i:i + 5] for i in range(0, len(cells), 5)]
            add_table(document, [1500, 5000, 600, 1500, 5000],
                      ["".join(cell_xml(c) for c in row) for row in rows])
            tables += 1
            continue
        # Chapters: a full-width chapter row, a two-row header (periods under one
        # spanned cell), then rows of 8 cells; one Word table per chapter.
        i = 0
        while i < len(cells):
            assert cells[i].text.startswith("Poglavje"), f"002: expected a chapter at line {cells[i].line_no}"
            chapter = cells[i]
            header = cells[i + 1:i + 6]
            subheader = cells[i + 6:i + 14]
            i += 14
            rows = []
            while i < len(cells) and not cells[i].text.startswith("Poglavje"):
                rows.append(cells[i:i + 8])
                i += 8
            assert all(len(r) == 8 for r in rows), f"002: ragged chapter {chapter.text}"
            marks = vmerge_rows(rows, [0, 6, 7])
            rows_xml = [cell_xml(chapter, span=8)]
            rows_xml.append(cell_xml(header[0], vmerge="restart") + cell_xml(header[1], vmerge="restart") +
                            cell_xml(header[2], span=4) + cell_xml(header[3], vmerge="restart") +
                            cell_xml(header[4], vmerge="restart"))
            rows_xml.append("".join(cell_xml(c, vmerge="continue" if k in (0, 1, 6, 7) else None)
                                    for k, c in enumerate(subheader)))
            for r, row in enumerate(rows):
                rows_xml.append("".join(
                    cell_xml(c, vmerge=marks[r][k], bold_lead=first_line if k == 7 else None)
                    for k, c in enumerate(row)))
            add_table(document, widths, rows_xml)
            document.add_paragraph("")
            tables += 1
    return document, tables


# ---------------------------------------------------------------- small hand-made fixtures

CSV_ROWS = [
    ["Nr. crt.", "Activitate", "Termen", "Responsabil", "Buget (lei)"],
    ["1", "Campanie de informare în școli", "Iunie 2024", "Primăria Brașov", "1.200,50"],
    ["2", "Seminar \"Bune practici\";\nîntâlnire anuală", "T3 2024", "DGASPC;\nISJ Brașov", "15.000"],
    ["3", "Raport anual de monitorizare", "Anual", "Consiliul Județean Brașov", ""],
]


def csv_windows_1250():
    def field(value):
        if any(ch in value for ch in ';"\n'):
            return '"' + value.replace('"', '""') + '"'
        return value
    # Windows-1250 has no comma-below ș ț: plans typed on Windows use the cedilla ş ţ.
    text = "\r\n".join(";".join(field(v) for v in row) for row in CSV_ROWS) + "\r\n"
    return text.replace("ș", "ş").replace("ț", "ţ").replace("Ș", "Ş").replace("Ț", "Ţ").encode("cp1250")


def xlsx_with_merges():
    """A two-sheet workbook written by hand (no openpyxl in Debian 12): shared and
    inline strings, numbers, a date cell, and merged cells."""
    shared = ["Etapă", "Termen", "Responsabil", "Stadiu", "Etapa 1: analiză", "DGASPC Cluj",
              "Etapa 2: consultare publică", "Plan adoptat"]
    sst = "".join(f"<si><t>{esc(s)}</t></si>" for s in shared)
    # Style 1 is a date (numFmtId 14); style 2 a percentage (numFmtId 9).
    styles = ('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/'
              'spreadsheetml/2006/main"><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
              '<xf numFmtId="9" applyNumberFormat="1"/></cellXfs></styleSheet>')
    main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    sheet1 = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {main}><sheetData>'
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
              '<c r="D1" t="s"><v>3</v></c></row>'
              '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" s="1"><v>45473</v></c><c r="C2" t="s"><v>5</v></c>'
              '<c r="D2" s="2"><v>0.75</v></c></row>'
              '<row r="3"><c r="A3" t="s"><v>6</v></c><c r="B3" s="1"><v>45565</v></c><c r="D3"><v>12.5</v></c></row>'
              '<row r="5"><c r="A5" t="inlineStr"><is><t>Total etape</t></is></c><c r="D5" t="str"><f>COUNT(D2:D3)</f>'
              '<v>2</v></c></row>'
              '</sheetData><mergeCells count="2"><mergeCell ref="C2:C3"/><mergeCell ref="A5:C5"/></mergeCells>'
              '</worksheet>')
    sheet2 = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {main}><sheetData>'
              '<row r="1"><c r="A1" t="s"><v>7</v></c><c r="B1" t="b"><v>1</v></c></row>'
              '</sheetData></worksheet>')
    workbook = (f'<?xml version="1.0" encoding="UTF-8"?><workbook {main} {rel}><sheets>'
                '<sheet name="Etape" sheetId="1" r:id="rId1"/><sheet name="Stare" sheetId="2" r:id="rId2"/>'
                '</sheets></workbook>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>')
    content_types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                     'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
    path = os.path.join(OUT, "stages_merged.xlsx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        # Fixed timestamps keep the fixture byte-identical across runs.
        for name, data in [("[Content_Types].xml", content_types), ("xl/workbook.xml", workbook),
                           ("xl/_rels/workbook.xml.rels", rels), ("xl/sharedStrings.xml",
                           f'<?xml version="1.0" encoding="UTF-8"?><sst {main}>{sst}</sst>'),
                           ("xl/styles.xml", styles), ("xl/worksheets/sheet1.xml", sheet1),
                           ("xl/worksheets/sheet2.xml", sheet2)]:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return path


def to_pdf(docx_path):
    soffice = shutil.which("soffice")
    if not soffice:
        sys.exit("soffice not found: run tools/bootstrap.sh (libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", OUT, docx_path], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    os.makedirs(OUT, exist_ok=True)
    seeds = {"000": "000_ffec081ef8fe4e47.txt", "002": "002_8d53b20a0e2536f7.txt"}
    builders = {"000": build_000, "002": build_002}
    for key, name in seeds.items():
        document, tables = builders[key](os.path.join(ROOT, "samples", name))
        # python-docx stamps the current time into core properties; fix it for reproducible files.
        import datetime
        stamp = datetime.datetime(2024, 1, 1)
        document.core_properties.created = document.core_properties.modified = stamp
        path = os.path.join(OUT, f"seed_{key}.docx")
        document.save(path)
        to_pdf(path)
        print(f"{path}: {tables} tables; PDF beside it")
    with open(os.path.join(OUT, "activities_cp1250.csv"), "wb") as f:
        f.write(csv_windows_1250())
    print(xlsx_with_merges())


if __name__ == "__main__":
    main()
