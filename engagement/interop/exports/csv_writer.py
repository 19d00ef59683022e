"""CSV that spreadsheets open safely: UTF-8 with BOM, formulas neutralised, streamed in chunks."""

import csv
import io
from collections.abc import Iterable, Iterator, Sequence

# A spreadsheet runs a cell beginning with one of these as a formula (CSV injection, OWASP).
# Pieces of about 64 KB: fewer writes to the socket than one per row, little memory.
STREAM_PIECE_CHARS = 64 * 1024
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")


# CSV ----------------------------------------------------------------------------------------


def csv_cell(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula, made inert by a leading apostrophe.

    Only text is touched: numbers the export writes itself (a negative longitude) stay numbers.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def csv_chunks(header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    """CSV text in pieces: a UTF-8 byte order mark (so Excel reads the encoding), the header,
    then every row with formula-like text cells neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    yield "\ufeff"
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
        if buffer.tell() >= STREAM_PIECE_CHARS:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
