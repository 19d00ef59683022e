from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    name = "toolkit"
    verbose_name = _("Innovation toolkit")

    def ready(self) -> None:
        # The pilots appear on engagement's pages through its registry, not its imports.
        from toolkit.pilots import exports, ogc, panels

        panels.register()
        exports.register()
        ogc.register()
