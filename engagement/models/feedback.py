"""Feedback on the site's accessibility."""

from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _


class AccessibilityFeedback(models.Model):
    """Feedback on the site's accessibility, which Finnish law requires a public site to take."""

    message = models.TextField(_("message"), max_length=5000)
    email = models.EmailField(_("e-mail"), blank=True)
    page_url = models.CharField(_("page"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.message[:60]
