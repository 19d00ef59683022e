from modeltranslation.translator import TranslationOptions, register

from engagement.models import Campaign, CityUnit, ReplyTemplate, Theme


@register(Campaign)
class CampaignTranslationOptions(TranslationOptions):
    fields = ("title", "description", "input_process")


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(CityUnit)
class CityUnitTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(ReplyTemplate)
class ReplyTemplateTranslationOptions(TranslationOptions):
    fields = ("title", "body")
