"""Coordinate transforms for the tests' own arithmetic, with GDAL's transformation built once.

`geometry.transform(3067, clone=True)` builds a new GDAL coordinate transformation on every call
(PROJ searches its database for the operation): 30 ms on a quiet machine, up to 150 ms on the
shared two cores, where the transform itself takes well under a millisecond. Tests that place
or check hundreds of points spent most of their time there (test_public_point.py: 24 of its
28 s in 775 transforms). `transformed` gives the same result through one cached
`CoordTransform` for each pair of SRIDs.
"""

from functools import cache

from django.contrib.gis.gdal import CoordTransform, SpatialReference
from django.contrib.gis.geos import GEOSGeometry


@cache
def _coord_transform(source: int, target: int) -> CoordTransform:
    return CoordTransform(SpatialReference(source), SpatialReference(target))


def transformed(geometry: GEOSGeometry, srid: int) -> GEOSGeometry:
    """A copy of the geometry in `srid`, as `geometry.transform(srid, clone=True)` gives it."""
    if geometry.srid is None:
        raise ValueError("A geometry without an SRID cannot be transformed.")
    return geometry.transform(_coord_transform(geometry.srid, srid), clone=True)
