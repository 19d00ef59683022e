from modeltranslation.translator import TranslationOptions, register

from geo.models import Area, Place


@register(Area)
class AreaTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Place)
class PlaceTranslationOptions(TranslationOptions):
    fields = ("name",)
