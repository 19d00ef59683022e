from django.contrib import admin
from leaflet.admin import LeafletGeoAdmin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import AccessibilityFeedback, Campaign, Contribution, Theme


class ThemeInline(TranslationTabularInline):
    model = Theme
    extra = 0
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Campaign)
class CampaignAdmin(TranslationAdmin):
    list_display = ["title", "area", "opens_at", "closes_at", "moderation"]
    prepopulated_fields = {"slug": ("title",)}
    inlines = [ThemeInline]


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
    list_filter = ["campaign", "kind", "status", "moderation_state"]
    search_fields = ["title", "body"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(AccessibilityFeedback)
class AccessibilityFeedbackAdmin(admin.ModelAdmin):
    list_display = ["created_at", "message", "email", "page_url"]
    readonly_fields = ["created_at", "message", "email", "page_url", "language"]
