"""Open311 answers in JSON or XML, and its error lists, from the same Python values."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime

from django.http import HttpResponse
from django.utils import timezone

FORMATS = ("json", "xml")
SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"

XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'
# The element each item of a list is written in, by the list's element name.
XML_ITEMS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "endpoints": "endpoint",
    "formats": "format",
    "attributes": "attribute",
    "jurisdictions": "jurisdiction_id",
}
# Characters XML 1.0 cannot carry at all; a resident's text may hold them (pasted control codes).
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


# Formats ------------------------------------------------------------------------------------


def _xml_fill(element: ET.Element, value: object) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _xml_fill(ET.SubElement(element, key), item)
    elif isinstance(value, list):
        for item in value:
            _xml_fill(ET.SubElement(element, XML_ITEMS[element.tag]), item)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    elif value is not None:
        element.text = XML_INVALID.sub("", str(value))


def _render(fmt: str, root: str, value: object, status: int = 200) -> HttpResponse:
    """The document in JSON (the Spark convention: no root element) or in XML under `root`."""
    if fmt == "xml":
        element = ET.Element(root)
        _xml_fill(element, value)
        text = XML_DECLARATION + ET.tostring(element, encoding="unicode")
        content_type = "text/xml; charset=utf-8"
    else:
        text = json.dumps(value)
        content_type = "application/json; charset=utf-8"
    return HttpResponse(text.encode("utf-8"), content_type=content_type, status=status)


def _errors(fmt: str, status: int, descriptions: list[str]) -> HttpResponse:
    """The specification's error document: one error per description, coded with the status."""
    errors = [{"code": status, "description": str(text)} for text in descriptions]
    return _render(fmt, "errors", errors, status)


def _w3c(moment: datetime | None) -> str | None:
    """A W3C datetime in the site's time zone with its offset, e.g. 2026-11-25T18:30:00+02:00."""
    if moment is None:
        return None
    return timezone.localtime(moment).replace(microsecond=0).isoformat()
