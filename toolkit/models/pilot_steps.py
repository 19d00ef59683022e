"""The steps of a pilot, each with a method card and the card's steps as a checklist that the
organisation ticks while the pilot runs."""

from django.contrib.gis.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from toolkit.models.content import MethodCard, Phase
from toolkit.models.pilots import Pilot


class PilotStep(models.Model):
    """One step of a pilot: a title, its phase, the method card it follows and the card's steps,
    copied at attaching time in every language, as a checklist (`[{"text": {"fi": …}, "done":
    false}, …]`)."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("title"), max_length=160)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    method_card = models.ForeignKey(
        MethodCard,
        verbose_name=_("method card"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pilot_steps",
    )
    checklist = models.JSONField(_("checklist"), default=list, blank=True)

    class Meta:
        verbose_name = _("pilot step")
        verbose_name_plural = _("pilot steps")
        ordering = ["pilot", "position", "id"]

    def __str__(self) -> str:
        return self.title

    def checklist_items(self) -> list[dict]:
        """The checklist in the active language (English, then any, when it is missing)."""
        language = (get_language() or "fi")[:2]
        items = []
        for index, item in enumerate(self.checklist):
            texts = item.get("text") or {}
            text = texts.get(language) or texts.get("en") or next(iter(texts.values()), "")
            items.append({"index": index, "text": text, "done": bool(item.get("done"))})
        return items
