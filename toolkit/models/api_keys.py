"""Which organisation owns an integration API key (decision 0044): its members make and revoke
the organisation's keys on the site; the key itself is engagement's (engagement.ApiKey)."""

from django.conf import settings
from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _

from toolkit.models.pilots import Organisation


class OrganisationApiKey(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="api_keys",
    )
    api_key = models.OneToOneField(
        "engagement.ApiKey",
        verbose_name=_("API key"),
        on_delete=models.PROTECT,
        related_name="owner",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("organisation's API key")
        verbose_name_plural = _("organisations' API keys")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.api_key_id}"
