from modeltranslation.translator import TranslationOptions, register

from .models import Area


@register(Area)
class AreaTranslationOptions(TranslationOptions):
    fields = ("name",)
