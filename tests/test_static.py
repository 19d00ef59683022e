"""Collected static files: hashed names reach inside ES module imports."""

import re

from django.core.management import call_command
from django.test import override_settings


def test_collected_modules_import_each_other_by_hashed_name(tmp_path, settings):
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": "config.storage.StaticStorage"}}
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    main = next((tmp_path / "js" / "campaign-map").glob("main.*.js"))
    imports = re.findall(r'from "([^"]+)"', main.read_text())
    assert imports, "main.js imports its modules"
    assert all(re.search(r"\.[0-9a-f]{12}\.js$", name) for name in imports), imports
