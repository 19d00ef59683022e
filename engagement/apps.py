from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "engagement"
    verbose_name = _("Resident engagement")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from engagement import checks  # noqa: F401  (registers the system checks)
        from engagement.participation.tiles import plan_generic

        connection_created.connect(plan_generic, dispatch_uid="engagement.tiles.plan_generic")
