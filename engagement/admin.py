from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from leaflet.admin import LeafletGeoAdmin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from engagement.common.colours import theme_colour_validate
from engagement.interop.services import api_key_create, api_key_revoke
from engagement.models import (
    AccessibilityFeedback,
    ApiKey,
    BackgroundSurvey,
    Campaign,
    Contribution,
    Flag,
    ModerationAction,
    Role,
    Theme,
    WalkSession,
)
from engagement.models.background import Question


class ThemeForm(forms.ModelForm):
    """A theme's colour must stand out on the map (engagement.common.colours)."""

    def clean_color(self) -> str:
        colour = self.cleaned_data["color"]
        theme_colour_validate(colour)
        return colour


class ThemeInline(TranslationTabularInline):
    model = Theme
    form = ThemeForm
    extra = 0
    prepopulated_fields = {"slug": ("name",)}


class BackgroundSurveyForm(forms.ModelForm):
    questions = forms.MultipleChoiceField(
        label=gettext_lazy("background questions"),
        choices=Question.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = BackgroundSurvey
        fields = ["questions"]


class BackgroundSurveyInline(admin.StackedInline):
    """Which optional background questions residents are asked after sending (0034)."""

    model = BackgroundSurvey
    form = BackgroundSurveyForm
    extra = 0
    max_num = 1
    can_delete = True


@admin.register(Campaign)
class CampaignAdmin(TranslationAdmin):
    list_display = ["title", "area", "opens_at", "closes_at", "moderation"]
    prepopulated_fields = {"slug": ("title",)}
    inlines = [ThemeInline, BackgroundSurveyInline]


@admin.register(Contribution)
class ContributionAdmin(LeafletGeoAdmin):
    list_display = [
        "title",
        "campaign",
        "kind",
        "theme",
        "status",
        "moderation_state",
        "created_at",
    ]
    list_filter = ["campaign", "kind", "status", "moderation_state", "unit", "channel"]
    search_fields = ["title", "body"]
    # Written by the database's recount only (decision 0026): shown, never edited. The unit is
    # routed by the database and changed on the moderation page, which logs it (decision 0030).
    readonly_fields = [
        "created_at",
        "updated_at",
        "supports_count",
        "comments_count",
        "unit",
        "unit_manual",
        "channel",
    ]


@admin.register(AccessibilityFeedback)
class AccessibilityFeedbackAdmin(admin.ModelAdmin):
    list_display = ["created_at", "message", "email", "page_url"]
    readonly_fields = ["created_at", "message", "email", "page_url", "language"]


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "campaign", "area", "title", "unit", "identity_provider_group"]
    list_filter = ["kind", "campaign", "area"]
    autocomplete_fields = ["user"]
    # Written by the staff sign-in (engagement/staff/roles.py): a role given here stays manual.
    readonly_fields = ["identity_provider_group"]


@admin.register(WalkSession)
class WalkSessionAdmin(admin.ModelAdmin):
    """Walk sessions are started and ended on the facilitator's pages (engagement/walks/)."""

    list_display = ["code", "title", "campaign", "started_by", "started_at", "ended_at"]
    list_filter = ["campaign"]
    search_fields = ["code", "title"]
    readonly_fields = ["code", "campaign", "started_by", "started_at"]


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    list_display = ["created_at", "contribution", "comment", "reason", "resolved_at"]
    list_filter = ["reason"]
    readonly_fields = ["contribution", "comment", "participant", "reason", "text", "created_at"]


@admin.register(ModerationAction)
class ModerationActionAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only (a database trigger refuses changes too)."""

    list_display = ["created_at", "campaign", "actor", "action", "target_type", "target_id"]
    list_filter = ["campaign", "action"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    """Keys are made here and shown once; the revoke action sets the revocation time. Both go
    through the services, so both are in the log."""

    list_display = ["organisation", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    fields = ["name", "organisation", "revoked_at"]
    # Revoked only by the action, which writes the log entry.
    readonly_fields = ["prefix", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def save_model(self, request, obj, form, change) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        api_key, key = api_key_create(
            name=obj.name, organisation=obj.organisation, actor=request.user
        )
        obj.pk = api_key.pk
        self.message_user(
            request,
            _("The new key is %(key)s. Copy it now: it will not be shown again.") % {"key": key},
            messages.WARNING,
        )

    @admin.action(description=gettext_lazy("Revoke the selected keys"))
    def revoke(self, request, queryset) -> None:
        revoked = sum(api_key_revoke(actor=request.user, key=key) for key in queryset)
        self.message_user(
            request,
            ngettext("%(count)d key revoked.", "%(count)d keys revoked.", revoked)
            % {"count": revoked},
        )


from engagement import routing_admin  # noqa: E402, F401  (city units, decision 0030)
