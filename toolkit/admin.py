from django.contrib import admin
from leaflet.admin import LeafletGeoAdmin

from toolkit.models import Measure, Organisation, Pilot


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "business_id"]
    search_fields = ["name", "business_id"]
    filter_horizontal = ["members"]


class MeasureInline(admin.TabularInline):
    model = Measure
    extra = 0


@admin.register(Pilot)
class PilotAdmin(LeafletGeoAdmin):
    list_display = ["title", "organisation", "campaign", "status", "starts_on", "ends_on"]
    list_filter = ["status", "campaign"]
    search_fields = ["title"]
    inlines = [MeasureInline]
    filter_horizontal = ["contributions"]
