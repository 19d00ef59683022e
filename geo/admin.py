from django.contrib import admin
from leaflet.admin import LeafletGeoAdminMixin
from modeltranslation.admin import TranslationAdmin

from .models import Area


@admin.register(Area)
class AreaAdmin(LeafletGeoAdminMixin, TranslationAdmin):
    list_display = ["name", "kind", "parent", "slug"]
    list_filter = ["kind"]
    prepopulated_fields = {"slug": ("name",)}
