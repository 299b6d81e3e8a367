#!/usr/bin/env python3
"""Independent reader for the spreadsheet writer tests (openpyxl 3.1.5 and the csv module).

    spreadsheet_reader.py xlsx PATH   one JSON object: the first sheet's cells (type, value,
                                      number format, bold), frozen pane, column widths, charts
    spreadsheet_reader.py csv PATH    one JSON object: whether a UTF-8 BOM and CRLF line ends
                                      are present, and the rows as the csv module parses them

Exit status 0 on success, 1 when the file cannot be read, 2 for bad arguments.
"""
import csv
import datetime
import io
import json
import sys

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter


def cell_json(cell):
    """A cell as {"type": s|n|d|b|empty, "value", "format", "bold"}."""
    value = cell.value
    bold = bool(cell.font is not None and cell.font.b)
    if value is None:
        kind, shown = "empty", None
    elif isinstance(value, bool):
        kind, shown = "b", value
    elif isinstance(value, datetime.datetime):
        kind, shown = "d", value.strftime("%Y-%m-%d %H:%M:%S")
    elif isinstance(value, (int, float)):
        kind, shown = "n", float(value)
    else:
        kind, shown = "s", str(value)
    return {"type": kind, "value": shown, "format": cell.number_format, "bold": bold}


def title_text(chart):
    """The chart title's plain text, or None."""
    try:
        return "".join(run.t for para in chart.title.tx.rich.p for run in (para.r or []))
    except AttributeError:
        return None


def chart_json(chart):
    """A chart's kind, bar direction, title and its first series' ranges."""
    series = chart.series[0] if chart.series else None
    categories = values = None
    if series is not None:
        if series.cat is not None:
            ref = series.cat.strRef or series.cat.numRef
            categories = ref.f if ref is not None else None
        if series.val is not None and series.val.numRef is not None:
            values = series.val.numRef.f
    return {
        "tag": chart.tagname,
        "bar_dir": getattr(chart, "barDir", None),
        "title": title_text(chart),
        "series": len(chart.series),
        "categories": categories,
        "values": values,
        "anchor_col": chart.anchor._from.col,
        "anchor_row": chart.anchor._from.row,
    }


def read_xlsx(path):
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    rows = [[cell_json(cell) for cell in row] for row in sheet.iter_rows()]
    widths = {}
    for index in range(1, sheet.max_column + 1):
        letter = get_column_letter(index)
        dimension = sheet.column_dimensions.get(letter)
        widths[letter] = dimension.width if dimension is not None else None
    return {
        "sheets": workbook.sheetnames,
        "freeze_panes": sheet.freeze_panes,
        "rows": rows,
        "widths": widths,
        "charts": [chart_json(chart) for chart in sheet._charts],  # pylint: disable=protected-access
    }


def read_csv(path):
    with open(path, "rb") as handle:
        raw = handle.read()
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    text = body.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    lone_lf = text.replace("\r\n", "").count("\n") - sum(
        field.replace("\r\n", "").count("\n") for row in rows for field in row)
    return {
        "bom": raw.startswith(b"\xef\xbb\xbf"),
        "crlf": text.endswith("\r\n") and lone_lf == 0,
        "rows": rows,
    }


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("xlsx", "csv"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, path = sys.argv[1], sys.argv[2]
    try:
        result = read_xlsx(path) if mode == "xlsx" else read_csv(path)
    except Exception as error:  # pylint: disable=broad-except
        print(json.dumps({"error": f"{type(error).__name__}: {error}"}, ensure_ascii=False))
        return 1
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
