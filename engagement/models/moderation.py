"""Officials' roles, residents' flags, blocks and the append-only moderation log."""

from django.conf import settings
from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _

from engagement.models.participation import Campaign, Comment, Contribution, Participant


class Role(models.Model):
    """An official's role in a campaign, or in every campaign of an area and its sub-areas."""

    class Kind(models.TextChoices):
        MODERATOR = "moderator", _("Moderator")
        ANALYST = "analyst", _("Analyst")
        FACILITATOR = "facilitator", _("Facilitator")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="yhdessa_roles",
    )
    kind = models.CharField(_("role"), max_length=12, choices=Kind.choices)
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), null=True, blank=True, on_delete=models.CASCADE
    )
    area = models.ForeignKey(
        "geo.Area", verbose_name=_("area"), null=True, blank=True, on_delete=models.CASCADE
    )
    # Shown with official responses: "Area coordinator, Western Tampere area team".
    title = models.CharField(_("public title"), max_length=120)
    unit = models.CharField(_("unit"), max_length=160)
    # The identity provider's group that gave this role at the last staff sign-in (decision
    # 0035); each sign-in adds and removes these. Empty: given by hand, never touched by it.
    identity_provider_group = models.CharField(
        _("identity provider group"), max_length=255, blank=True, default=""
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(campaign__isnull=False, area__isnull=True)
                | models.Q(campaign__isnull=True, area__isnull=False),
                name="role_scope_is_a_campaign_or_an_area",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.kind} {self.campaign or self.area}"

    @property
    def signature(self) -> str:
        return f"{self.title}, {self.unit}"


class Flag(models.Model):
    """A resident's report that a contribution or a comment should not be public."""

    class Reason(models.TextChoices):
        INAPPROPRIATE = "inappropriate", _("Inappropriate")
        PERSONAL_DATA = "personal_data", _("Contains personal data")
        SPAM = "spam", _("Spam or advertising")
        OTHER = "other", _("Other")

    contribution = models.ForeignKey(
        Contribution, verbose_name=_("contribution"), on_delete=models.CASCADE, related_name="flags"
    )
    # Set when the flag is about one comment of the contribution.
    comment = models.ForeignKey(
        Comment,
        verbose_name=_("comment"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="flags",
    )
    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.CASCADE, related_name="flags"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    text = models.TextField(_("details"), blank=True, max_length=1000)
    # An anonymous flagger's address as a keyed hash (engagement.participation.limits): flags
    # hide an item only from different addresses or accounts. "" for accounts and keys, and
    # once the retention period has erased it.
    address_hash = models.CharField(max_length=64, blank=True, default="", editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Set when a moderator has looked at the flagged item.
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "comment", "participant"],
                nulls_distinct=False,
                name="flag_once_per_participant",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reason}: {self.contribution_id}/{self.comment_id}"


class Block(models.Model):
    """A participant blocked from taking part in a campaign."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="blocks"
    )
    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.CASCADE, related_name="blocks"
    )
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "participant"], name="block_once")
        ]

    def __str__(self) -> str:
        return f"{self.participant} blocked in {self.campaign}"


class ModerationAction(models.Model):
    """Append-only log of moderation and responses: who, when, what, why.

    Rows are never updated or deleted: a database trigger refuses it (migration 0004), and no
    endpoint offers it. Actor and target are plain values, so deleting an account or a
    contribution leaves the log intact.
    """

    class Action(models.TextChoices):
        APPROVE = "approve", _("approved")
        HIDE = "hide", _("hid")
        RESTORE = "restore", _("restored")
        DUPLICATE = "duplicate", _("marked as duplicate")
        EDIT = "edit", _("corrected the text")
        BLOCK = "block", _("blocked a participant")
        RESPOND = "respond", _("answered with a status")
        FLAG_HIDE = "flag_hide", _("hidden by residents' flags")
        HIDE_PHOTO = "hide_photo", _("hid a photo")
        PILOT_CHANGES = "pilot_changes", _("asked for changes to a pilot")
        PILOT_APPROVE = "pilot_approve", _("approved a pilot")
        PILOT_DECLINE = "pilot_decline", _("declined a pilot")
        PILOT_REPORT = "pilot_report", _("reported a pilot's results")
        PILOT_STATUS = "pilot_status", _("set a status from a pilot")
        WITHDRAW = "withdraw", _("withdrew their contribution")
        API_KEY_CREATE = "api_key_create", _("made an integration API key")
        API_KEY_REVOKE = "api_key_revoke", _("revoked an integration API key")
        UNIT = "unit", _("changed the city unit")

    # Empty for site-wide actions (integration API keys), which only administrators see.
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_id = models.IntegerField(null=True, blank=True)
    actor = models.CharField(_("who"), max_length=300)
    action = models.CharField(_("what"), max_length=20, choices=Action.choices)
    target_type = models.CharField(_("target"), max_length=20)
    target_id = models.BigIntegerField(_("target id"))
    reason = models.TextField(_("why"), blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.target_type}"
