"""Keys that other systems use to read and post through the API and Open311."""

from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _

from engagement.models.participation import Participant


class ApiKey(models.Model):
    """A key an integration (an organisation's system, an Open311 client) writes with.

    Only the key's SHA-256 is stored; the key itself is shown once, when it is made (in the admin,
    or by an organisation's member on the site: toolkit.OrganisationApiKey).
    Revoking sets `revoked_at`; a revoked key is refused.
    """

    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("key begins with"), max_length=8, editable=False)
    participant = models.OneToOneField(
        Participant,
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="api_key",
        editable=False,
        help_text=_("Input sent with the key is attributed to this participant."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    # Kept to the minute (engagement.interop.services.api_key_check), shown to the key's owners.
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.name} ({self.prefix}…)"
