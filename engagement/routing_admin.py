"""Admin of the officials' desk (decision 0030): city units with their themes, areas and reply
templates. Imported by engagement.admin."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from engagement.models import CityUnit, Contribution, ReplyTemplate
from engagement.moderation.routing_services import contributions_route_unassigned


class CityUnitForm(forms.ModelForm):
    """A campaign's unit answers for that campaign's themes only."""

    def clean(self) -> dict:
        data = super().clean()
        campaign, themes = data.get("campaign"), data.get("themes")
        if campaign is not None and any(t.campaign_id != campaign.pk for t in themes or ()):
            self.add_error("themes", _("Choose themes of the unit's campaign."))
        return data


class ReplyTemplateInline(TranslationStackedInline):
    model = ReplyTemplate
    extra = 0
    fields = ["title", "body", "position"]


@admin.register(CityUnit)
class CityUnitAdmin(TranslationAdmin):
    form = CityUnitForm
    list_display = ["name", "campaign", "email", "answer_within_days"]
    list_filter = ["campaign"]
    search_fields = ["name", "email"]
    filter_horizontal = ["themes", "areas"]
    inlines = [ReplyTemplateInline]
    actions = ["route_unassigned"]

    @admin.action(description=_("Route the unassigned contributions again"))
    def route_unassigned(self, request, queryset) -> None:
        """After adding units or changing their themes or areas: arrival-time routing for the
        contributions that no unit has and no moderator routed."""
        routed = contributions_route_unassigned(contributions=Contribution.objects.all())
        self.message_user(
            request,
            ngettext(
                "%(count)d contribution was routed to a unit.",
                "%(count)d contributions were routed to a unit.",
                routed,
            )
            % {"count": routed},
            messages.SUCCESS,
        )


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(TranslationAdmin):
    list_display = ["title", "unit", "position"]
    list_filter = ["unit"]
    search_fields = ["title", "body"]
