from modeltranslation.translator import TranslationOptions, register

from engagement.models import Campaign, Theme


@register(Campaign)
class CampaignTranslationOptions(TranslationOptions):
    fields = ("title", "description", "input_process")


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name", "description")
