from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "engagement"
    verbose_name = _("Resident engagement")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from engagement import checks  # noqa: F401  (registers the system checks)
        from engagement.interop.ogc.collections import register as register_ogc
        from engagement.participation.tiles import plan_generic

        connection_created.connect(plan_generic, dispatch_uid="engagement.tiles.plan_generic")
        self._connect_routing()
        register_ogc()

    def _connect_routing(self) -> None:
        """A unit's deletion may clear its contributions' unit (decision 0030)."""
        from django.db.models.signals import post_delete, pre_delete

        from engagement.models import CityUnit
        from engagement.moderation.routing_services import unit_delete_done, unit_delete_started

        pre_delete.connect(unit_delete_started, sender=CityUnit, dispatch_uid="unit-delete-1")
        post_delete.connect(unit_delete_done, sender=CityUnit, dispatch_uid="unit-delete-2")
