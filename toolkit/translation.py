from modeltranslation.translator import TranslationOptions, register

from toolkit.models import MethodCard, Story

CARD_FIELDS = (
    "title",
    "summary",
    "purpose",
    "when_to_use",
    "steps",
    "time_and_people",
    "watch_out",
    "evaluation",
)
STORY_FIELDS = (
    "title",
    "summary",
    "situation",
    "what_was_done",
    "who",
    "what_happened",
    "lessons",
    "discussion_questions",
    "transcript",
)


@register(MethodCard)
class MethodCardTranslationOptions(TranslationOptions):
    fields = CARD_FIELDS


@register(Story)
class StoryTranslationOptions(TranslationOptions):
    fields = STORY_FIELDS
