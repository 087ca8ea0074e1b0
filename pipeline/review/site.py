"""`rapportdata review`: a static site to check the dataset against its sources, no server needed.

    <to>/index.html                    the documents with their counts, problems and checks
    <to>/doc/<doc_id>.html             one document: its checks, then each PDF page as an image with
                                       the goals, indicator rows, budget cells and flagged checks
                                       outlined at their boxes (for text sources: the text, rows marked)
    <to>/doc/<doc_id>/page-<n>.html    one PDF page alone, the same outlines
    <to>/doc/img/<doc_id>-<n>.png      the page images

It reads the written Parquet dataset and the source files under the input folder.
"""
from __future__ import annotations

import html
import shutil
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from parsers.encoding import decode
from pipeline.review.pages import Html, Mark, document, legend, pdf_sheets, rows_table, text_lines

TEXT_FORMATS = ("txt", "md")


class ReviewError(Exception):
    """The review cannot be built (no dataset where it was looked for)."""


Row = dict[str, Any]


def _read(output: Path, table: str) -> dict[str | None, list[Row]]:
    """A table's rows by doc_id (None: problems of files that gave no doc_id)."""
    rows: dict[str | None, list[Row]] = {}
    for row in pq.read_table(output / table).to_pylist():
        rows.setdefault(row["doc_id"], []).append(row)
    return rows


def _box(row: Row) -> tuple[float, float, float, float] | None:
    x0, y0, x1, y1 = (row.get(k) for k in ("x0", "y0", "x1", "y1"))
    return None if x0 is None or y0 is None or x1 is None or y1 is None else (x0, y0, x1, y1)


def _label(kind: str, r: Row) -> str:
    if kind == "goal":
        return f"{r['level']}: {r['title']}"
    if kind == "indicator":
        return f"indicator: {r['name']} = {r['outcome_raw']}"
    if kind == "budget":
        return f"{r['row_label']} / {r['column']}: {r['raw']}"
    return f"check: {r['rule']}; printed {r['printed_raw']}, expected {r['expected']:g}"


Tables = dict[str, dict[str | None, list[Row]]]
MARKED = {"goals": "goal", "indicators": "indicator", "budget_rows": "budget", "checks": "check"}


def _marks(doc_id: str, tables: Tables) -> list[Mark]:
    return [Mark(kind, _label(kind, row), row["page"], row["line"], _box(row))
            for name, kind in MARKED.items() for row in tables[name].get(doc_id, [])]


def _checks_table(checks: list[Row], link: str) -> str:
    if not checks:
        return "<p>No cell breaks an identity its table keeps.</p>"
    rows: list[tuple[object, ...]] = []
    for r in checks:
        place = Html(f'<a href="{link}#p{r["page"]}">page {r["page"]}</a>' if r["page"] is not None
                     else f'<a href="{link}#l{r["line"]}">line {r["line"]}</a>' if r["line"] is not None else "")
        rows.append((place, r["row_label"], r["column"], r["rule"], f"{r['expected']:g}", r["printed_raw"],
                     f"{r['difference']:+g}"))
    return rows_table(("where", "row", "column", "rule", "expected", "printed", "difference"), rows)


def _document_page(doc: Row, tables: Tables, source: Path, to: Path) -> str:
    doc_id = doc["doc_id"]
    marks = _marks(doc_id, tables)
    checks = tables["checks"].get(doc_id, [])
    problems = tables["problems"].get(doc_id, [])
    title = doc["title"] or doc["source_path"]
    parts = [f'<p><a href="../index.html">All documents</a></p><h1>{html.escape(title)}</h1>',
             f"<p>{html.escape(doc['source_path'])} · {doc['report_type']} · {doc['year'] or 'year unknown'} · "
             f"{html.escape(doc['organ'] or '')}</p>", legend(),
             f"<h2>Checks ({len(checks)}, in {doc['tables_checked']} tables checked)</h2>",
             _checks_table(checks, ""),
             f"<h2>Problems ({len(problems)})</h2>",
             rows_table(("severity", "code", "message", "page", "line"),
                        [[p[k] for k in ("severity", "code", "message", "page", "line")] for p in problems])]
    if not source.is_file():
        parts.append(f"<p>The source file is not at {html.escape(str(source))}: give the input folder "
                     "with --input.</p>")
    elif doc["source_format"] == "pdf":
        sheets = pdf_sheets(source, to / "doc" / "img", doc_id, marks)
        for number, sheet in sheets:
            alone = f'<p><a href="../{doc_id}.html#p{number}">Back to the document</a></p>' + legend()
            page_html = sheet.replace('src="img/', 'src="../img/')
            (to / "doc" / doc_id).mkdir(parents=True, exist_ok=True)
            (to / "doc" / doc_id / f"page-{number}.html").write_text(
                document(f"{title}, page {number}", page_html + alone, bare=True), encoding="utf-8")
            parts.append(f'<h3><a href="{doc_id}/page-{number}.html">Page {number}</a></h3>{sheet}')
    elif doc["source_format"] in TEXT_FORMATS:
        text, _ = decode(source.read_bytes())
        parts.append("<h2>Text</h2>" + text_lines(text, marks))
    else:
        parts.append("<h2>Rows</h2><p>Word and HTML sources have no pages to show: their rows, with the "
                     "paragraph or table-row ordinal they came from.</p>")
        parts.append(rows_table(("kind", "line", "row"), ((m.kind, m.line, m.label) for m in marks)))
    return document(title, "\n".join(parts))


def build(output: Path, to: Path, input_root: Path) -> int:
    """Write the review site of the dataset in `output` into `to` (replaced); returns the pages written."""
    if not (output / "documents").is_dir():
        raise ReviewError(f"no dataset in {output}: run `rapportdata run --output {output}` first")
    names = ("documents", "goals", "indicators", "activities", "budget_rows", "checks", "problems")
    tables = {name: _read(output, name) for name in names}
    if to.exists():
        shutil.rmtree(to)
    (to / "doc").mkdir(parents=True)
    documents = sorted((d for rows in tables["documents"].values() for d in rows), key=lambda d: d["source_path"])
    rows: list[list[object]] = []
    for doc in documents:
        doc_id = doc["doc_id"]
        page = _document_page(doc, tables, input_root / doc["source_path"], to)
        (to / "doc" / f"{doc_id}.html").write_text(page, encoding="utf-8")
        link = Html(f'<a href="doc/{doc_id}.html">{html.escape(doc["source_path"])}</a>')
        rows.append([link, doc["title"], doc["year"], doc["report_type"], doc["source_format"],
                     *(len(tables[n].get(doc_id, [])) for n in names[1:5]), doc["tables_checked"],
                     len(tables["checks"].get(doc_id, [])), len(tables["problems"].get(doc_id, []))])
    table = rows_table(("document", "title", "year", "type", "format", "goals", "indicators", "activities",
                        "budget cells", "tables checked", "checks", "problems"), rows)
    unread = [[p["source_path"], p["code"], p["message"]] for p in tables["problems"].get(None, [])]
    body = (f"<h1>rapportdata review</h1><p>{len(documents)} documents from {html.escape(str(output))}. "
            "Checks are statements about the source: a cell breaking an identity the rest of its table "
            "keeps.</p>" + table + f"<h2>Files that could not be read ({len(unread)})</h2>"
            + rows_table(("file", "code", "message"), unread))
    (to / "index.html").write_text(document("rapportdata review", body), encoding="utf-8")
    return len(documents) + 1
