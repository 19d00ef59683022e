"""Static files storage: hashed names, compressed, and hashed names inside ES module imports."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Rewrites `import ... from "./pins.js"` to the hashed name, so a new `main.js` never runs
    against a cached old module after a deploy."""

    support_js_module_import_aggregation = True
