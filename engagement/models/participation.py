"""Campaigns, their themes, and what residents bring to them."""

from django.conf import settings
from django.contrib.gis.db import models
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, GistIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import GeneratedField
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagement.models.search import LEMMAS_STALE, lemmas_assign, search_vector
from geo.selectors import privacy_cell, public_point


def default_geometry_kinds() -> list[str]:
    return ["point"]


class Participant(models.Model):
    """Someone taking part: a signed-in user, or an anonymous browser known by a cookie token.

    Supports, follows and rate limits count per participant, so anonymous input gets the same
    one-per-person rules, and a browser's anonymous input can later be claimed into an account.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participant",
    )
    # SHA-256 of the browser's token: the cookie alone proves ownership, the table alone does not.
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return str(self.user) if self.user_id else f"anonymous #{self.pk}"


class Campaign(models.Model):
    """A consultation in one area: what is asked, when, and on which terms."""

    class Moderation(models.TextChoices):
        PRE = "pre", _("Pre-moderation: published after approval")
        POST = "post", _("Post-moderation: published at once")

    class GeometryKind(models.TextChoices):
        POINT = "point", _("Point")
        LINE = "line", _("Route (line)")
        POLYGON = "polygon", _("Area (polygon)")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    description = models.TextField(_("description"), blank=True)
    input_process = models.TextField(
        _("what happens to the input"),
        blank=True,
        help_text=_("Shown beside the form, and in place of it once the campaign has closed."),
    )
    area = models.ForeignKey(
        "geo.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="campaigns"
    )
    geometry_kinds = ArrayField(
        models.CharField(max_length=10, choices=GeometryKind.choices),
        verbose_name=_("geometry kinds"),
        default=default_geometry_kinds,
        help_text=_("What residents may draw: point, line, polygon."),
    )
    opens_at = models.DateTimeField(_("opens at"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    allow_anonymous = models.BooleanField(_("anonymous input allowed"), default=True)
    moderation = models.CharField(
        _("moderation"), max_length=4, choices=Moderation.choices, default=Moderation.POST
    )
    flag_threshold = models.PositiveSmallIntegerField(
        _("flags that hide an item"),
        default=3,
        help_text=_(
            "Flags from this many different people (accounts, or network addresses when not "
            "signed in) hide an item until a moderator has looked at it; after that, only "
            "flags from signed-in accounts do."
        ),
    )
    # Nearby contributions of the same theme within this distance are shown to moderators as
    # duplicate candidates and to residents before they send (docs/decisions/0031).
    duplicate_distance_m = models.PositiveIntegerField(
        _("distance for nearby duplicates (m)"),
        default=150,
        validators=[MinValueValidator(10), MaxValueValidator(2000)],
        help_text=_(
            "Contributions of the same theme within this many metres are offered to moderators "
            "as possible duplicates and shown to residents as already reported near here."
        ),
    )
    # Raised by a database trigger on every write to the campaign's contributions, so a map tile
    # cached under an older number is never served again (docs/decisions/0017).
    map_version = models.BigIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-opens_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("engagement:campaign-detail", kwargs={"slug": self.slug})

    def is_open(self, at=None) -> bool:
        """True while input is accepted."""
        at = at or timezone.now()
        return self.opens_at <= at and (self.closes_at is None or at < self.closes_at)


class Theme(models.Model):
    """A topic residents file their input under; each campaign has its own."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="themes"
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"))
    description = models.TextField(_("description"), blank=True)
    color = models.CharField(_("colour"), max_length=7, default="#1f5fa8")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["campaign", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "slug"], name="theme_unique_slug_per_campaign"
            )
        ]

    def __str__(self) -> str:
        return self.name


class HiddenReason(models.TextChoices):
    """Why a moderator hid an item; the public sees the category, the author too."""

    INAPPROPRIATE = "inappropriate", _("inappropriate content")
    PERSONAL_DATA = "personal_data", _("personal data")
    SPAM = "spam", _("spam or advertising")
    OFF_TOPIC = "off_topic", _("not about this campaign")
    DUPLICATE = "duplicate", _("duplicate")
    BLOCKED = "blocked", _("author blocked")
    OTHER = "other", _("other reason")


class Contribution(models.Model):
    """An idea or need a resident placed on the map."""

    class Kind(models.TextChoices):
        IDEA = "idea", _("Idea")
        NEED = "need", _("Need")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        UNDER_CONSIDERATION = "under_consideration", _("Under consideration")
        PLANNED = "planned", _("Planned")
        IN_PILOT = "in_pilot", _("In a pilot")
        DONE = "done", _("Done")
        NOT_POSSIBLE = "not_possible", _("Not possible")

    class Channel(models.TextChoices):
        WEB = "web", _("Web")
        KIOSK = "kiosk", _("Kiosk screen")

    class ModerationState(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        PUBLISHED = "published", _("Published")
        HIDDEN = "hidden", _("Hidden")
        WITHDRAWN = "withdrawn", _("Withdrawn by the author")

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="contributions"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="contributions"
    )
    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(_("description"), max_length=5000)
    # Any geometry type so routes and areas can join points later; the service decides what a
    # campaign accepts.
    geometry = models.GeometryField(_("location"), srid=4326)
    # The smallest area containing the geometry, assigned on write so counts per area need no
    # spatial join.
    area = models.ForeignKey(
        "geo.Area",
        verbose_name=_("area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The named place nearest to the location the public sees, and how far it is (metres),
    # assigned on write: the text alternative to the map ("near Länsikeskus, Tesoma"), which
    # never tells more than the public location does.
    place = models.ForeignKey(
        "geo.Place",
        verbose_name=_("nearest place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    place_distance = models.PositiveIntegerField(_("distance to the place"), null=True, blank=True)
    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    exact_location_public = models.BooleanField(
        _("exact location public"),
        default=False,
        help_text=_("Otherwise the public sees a point snapped to a 100 m grid."),
    )
    # Where the public sees it, written by PostgreSQL on every insert and update (stored
    # generated columns, docs/decisions/0025): the privacy cell's centre, or the exact point when
    # made public, or a point on a route or area; and the point's 100 m privacy cell (NULL for a
    # route or area). The map and the API read these instead of transforming every row.
    public_point = GeneratedField(
        expression=public_point("geometry", "exact_location_public"),
        output_field=models.PointField(srid=4326),
        db_persist=True,
    )
    privacy_cell_x = GeneratedField(
        expression=privacy_cell("geometry", "x"),
        output_field=models.IntegerField(),
        db_persist=True,
    )
    privacy_cell_y = GeneratedField(
        expression=privacy_cell("geometry", "y"),
        output_field=models.IntegerField(),
        db_persist=True,
    )
    # What every list and map read shows, written by the database in the transaction that
    # changes a support, a comment, a block or a merge (triggers of migration 0015, decision
    # 0026): supports not counting participants blocked in the campaign, and public comments.
    # A write of another value (a stale `save()`) keeps the stored one.
    supports_count = models.IntegerField(_("supports"), default=0, db_default=0, editable=False)
    comments_count = models.IntegerField(_("comments"), default=0, db_default=0, editable=False)
    # Where it was made: the web (the site's pages and the API) or a library's activated kiosk
    # screen (engagement/kiosk/, decision 0048), which moderators see in the queue.
    channel = models.CharField(
        _("channel"),
        max_length=8,
        choices=Channel.choices,
        default=Channel.WEB,
        db_default=Channel.WEB,
    )
    # From the form, so a double click or a retried request stores one contribution.
    idempotency_key = models.UUIDField(null=True, blank=True, editable=False)
    language = models.CharField(_("language"), max_length=8, blank=True)
    # The walk or workshop it was pinned in (engagement/walks/), for the facilitator's list.
    walk_session = models.ForeignKey(
        "engagement.WalkSession",
        verbose_name=_("walk session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    status = models.CharField(
        _("status"), max_length=24, choices=Status.choices, default=Status.NEW
    )
    moderation_state = models.CharField(
        _("moderation state"),
        max_length=12,
        choices=ModerationState.choices,
        default=ModerationState.PENDING,
    )
    hidden_reason = models.CharField(
        _("reason for hiding"), max_length=20, choices=HiddenReason.choices, blank=True
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    # The city unit that answers it: routed on arrival by a trigger (migration 0017, decision
    # 0030) from its theme and area; a moderator may change it (then `unit_manual`, and the
    # trigger leaves it alone).
    unit = models.ForeignKey(
        "engagement.CityUnit",
        verbose_name=_("city unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    unit_manual = models.BooleanField(
        _("unit chosen by a moderator"), default=False, db_default=False
    )
    # Set when a moderator corrected the text; the page says so.
    edited_by_moderator_at = models.DateTimeField(null=True, blank=True)
    # Set when a moderator first acts; from then on the author can no longer edit or withdraw.
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Finnish base forms of the title and body (Voikko), written by save() and by
    # contribution_lemmas_refresh, with the MD5 of the text they are of (engagement.models.search,
    # decision 0032).
    search_lemmas = models.TextField(blank=True, default="", editable=False)
    search_lemmas_of = models.CharField(max_length=32, blank=True, default="", editable=False)
    # Full-text search in the language the resident wrote in: Finnish (the default) by base
    # forms, Swedish and English by PostgreSQL's Snowball.
    search = GeneratedField(
        expression=search_vector(),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["campaign", "moderation_state", "-created_at"],
                name="contribution_public_list",
            ),
            GinIndex(fields=["search"], name="contribution_search"),
            # The Finnish rows whose base forms a bulk write left behind, for the refresh.
            models.Index(fields=["id"], condition=LEMMAS_STALE, name="contribution_lemmas_stale"),
            GistIndex(fields=["public_point"], name="contribution_public_point"),
            # The routes and areas near a tile, without walking past every point.
            GistIndex(
                fields=["geometry"],
                condition=models.Q(privacy_cell_x__isnull=True),
                name="contribution_shape_geometry",
            ),
            # The public points of one privacy cell, which the map's cell summary recounts.
            models.Index(
                fields=["campaign", "privacy_cell_x", "privacy_cell_y"],
                condition=models.Q(moderation_state="published"),
                name="contribution_public_cell",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "idempotency_key"], name="contribution_idempotent"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        """Keep the Finnish base forms of the text current on every save that writes it."""
        fields = kwargs.get("update_fields")
        writes_text = fields is None or bool({"title", "body", "language"} & set(fields))
        if writes_text and lemmas_assign(self) and fields is not None:
            kwargs["update_fields"] = {*fields, "search_lemmas", "search_lemmas_of"}
        super().save(*args, **kwargs)


class Photo(models.Model):
    """A photo of a contribution, re-encoded without metadata, with a thumbnail."""

    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("contribution"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = models.ImageField(_("image"), upload_to="photos/%Y/%m/")
    thumbnail = models.ImageField(_("thumbnail"), upload_to="photos/%Y/%m/thumbs/")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    position = models.PositiveSmallIntegerField(default=0)
    hidden = models.BooleanField(_("hidden by a moderator"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["contribution", "position", "id"]
        # Every photo request looks its file up by name (config/media.py).
        indexes = [
            models.Index(fields=["image"], name="photo_image_name"),
            models.Index(fields=["thumbnail"], name="photo_thumbnail_name"),
        ]

    def __str__(self) -> str:
        return self.image.name


class Comment(models.Model):
    """A comment on a contribution, or a reply to one (one level deep)."""

    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("contribution"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    body = models.TextField(_("comment"), max_length=3000)
    moderation_state = models.CharField(
        _("moderation state"),
        max_length=12,
        choices=Contribution.ModerationState.choices,
        default=Contribution.ModerationState.PUBLISHED,
    )
    hidden_reason = models.CharField(
        _("reason for hiding"), max_length=20, choices=HiddenReason.choices, blank=True
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    idempotency_key = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "idempotency_key"], name="comment_idempotent"
            )
        ]

    def __str__(self) -> str:
        return self.body[:60]


class OncePerParticipant(models.Model):
    """A mark a participant puts on a contribution at most once; the database keeps it so."""

    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("contribution"),
        on_delete=models.CASCADE,
        related_name="%(class)ss",
    )
    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="%(class)ss",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "participant"], name="%(class)s_once_per_participant"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant} {self._meta.verbose_name} {self.contribution_id}"


class Support(OncePerParticipant):
    """One participant's support of a contribution."""

    # An anonymous supporter's address as a keyed hash (engagement.participation.limits), so
    # one address's anonymous supports of a contribution can be capped; "" for accounts and
    # keys, and once the retention period has erased it.
    address_hash = models.CharField(max_length=64, blank=True, default="", editable=False)

    class Meta(OncePerParticipant.Meta):
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        indexes = [models.Index(fields=["contribution", "address_hash"], name="support_address")]


class Follow(OncePerParticipant):
    """A participant who wants to hear when a contribution changes."""

    # The language of the page where they chose to follow: their e-mails come in it.
    language = models.CharField(_("language"), max_length=8, blank=True)

    class Meta(OncePerParticipant.Meta):
        verbose_name = _("follow")
        verbose_name_plural = _("follows")


class StatusChange(models.Model):
    """One step of a contribution's public status history."""

    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("contribution"),
        on_delete=models.CASCADE,
        related_name="status_changes",
    )
    status = models.CharField(_("status"), max_length=24, choices=Contribution.Status.choices)
    text = models.TextField(_("public explanation"), blank=True)
    # The official's role and unit as shown to the public, never their personal address.
    signature = models.CharField(_("signature"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.contribution_id}: {self.status}"
