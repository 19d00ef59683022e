"""Static files storage: hashed names, compressed, and hashed names inside ES module imports."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Rewrites `import ... from "./pins.js"` to the hashed name, so a new `main.js` never runs
    against a cached old module after a deploy."""

    support_js_module_import_aggregation = True

    def url_converter(self, name, hashed_files, template=None):
        """Leaves the npm libraries under vendor/ as they were built: their CSS carries data: URIs
        with SVG `url(%23id)` references inside, which are not files to hash."""
        if name.startswith("vendor/"):
            return lambda matchobj: matchobj["matched"]
        return super().url_converter(name, hashed_files, template)
