from modeltranslation.translator import TranslationOptions, register

from geo.models import Area


@register(Area)
class AreaTranslationOptions(TranslationOptions):
    fields = ("name",)
