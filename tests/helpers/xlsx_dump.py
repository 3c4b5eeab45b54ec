# Independent reader for fill fidelity tests: dumps what openpyxl (Debian's python3-openpyxl)
# sees in an xlsx as JSON on stdout: per sheet the cells (value, formula text, style
# fingerprint), merges, column widths, row heights, comments, data validations, header/footer,
# print area/titles, page setup; and the workbook's sheet names and defined names.
# Usage: /usr/bin/python3 tests/helpers/xlsx_dump.py <file.xlsx> [<file.xlsx> ...]: a JSON array,
# one object per workbook in order (one Python start for several files).
import json
import sys

import openpyxl


def style_of(cell):
    return [
        cell.font.name, cell.font.sz, bool(cell.font.b),
        cell.alignment.horizontal, cell.alignment.vertical, bool(cell.alignment.wrap_text),
        cell.border.left.style, cell.border.right.style, cell.border.top.style, cell.border.bottom.style,
        cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type else None,
        cell.number_format,
    ]


def value_of(v):
    if v is None or isinstance(v, (int, float, str, bool)):
        return v
    return str(v)


def dump_sheet(ws):
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None and not c.has_style and c.comment is None:
                continue
            entry = {"v": value_of(c.value), "s": style_of(c)}
            if c.comment is not None:
                entry["comment"] = c.comment.text
            cells[c.coordinate] = entry
    hf = ws.oddHeader
    ff = ws.oddFooter
    return {
        "name": ws.title,
        "state": ws.sheet_state,
        "cells": cells,
        "merges": sorted(str(r) for r in ws.merged_cells.ranges),
        "colWidths": {k: v.width for k, v in ws.column_dimensions.items() if v.width},
        "rowHeights": {str(k): v.height for k, v in ws.row_dimensions.items() if v.height is not None},
        "validations": sorted(
            [{"sqref": str(dv.sqref), "type": dv.type, "formula1": dv.formula1} for dv in ws.data_validations.dataValidation],
            key=lambda d: d["sqref"]),
        "header": [hf.left.text, hf.center.text, hf.right.text],
        "footer": [ff.left.text, ff.center.text, ff.right.text],
        "printArea": ws.print_area,
        "printTitleRows": ws.print_title_rows,
        "orientation": ws.page_setup.orientation,
        "paperSize": ws.page_setup.paperSize,
        "fitToWidth": ws.page_setup.fitToWidth,
    }


def dump_workbook(path):
    wb = openpyxl.load_workbook(path)
    names = {}
    try:
        for name, dn in wb.defined_names.items():
            names[name] = dn.attr_text
    except AttributeError:
        for dn in wb.defined_names.definedName:
            names[dn.name] = dn.attr_text
    return {"sheets": [dump_sheet(ws) for ws in wb.worksheets], "definedNames": names}


def main():
    out = [dump_workbook(f) for f in sys.argv[1:]]
    # One json.dumps (the C encoder) and one write: json.dump to a stream encodes in Python,
    # chunk by chunk, and took 40 % of a dump.
    sys.stdout.write(json.dumps(out, ensure_ascii=False))


main()
