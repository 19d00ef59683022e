"""The editor's form: the texts one language at a time, the language-independent fields apart,
and what each language still lacks (docs/decisions/0039).

A card's or a story's texts are django-modeltranslation fields (`title_fi`, `title_sv`, …);
the form labels each by its field's own name and marks its input with the language, and the
page groups them into one section (a tab, with JavaScript) per language.
"""

from dataclasses import dataclass, field

from django import forms
from django.forms.boundfield import BoundField
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from toolkit.models import Audience, MethodCard, Story, StoryVideo, ToolkitTheme
from toolkit.translation import CARD_FIELDS, STORY_FIELDS

LANGS = ("fi", "sv", "en")
# The language whose title every card and story needs: the fallback of the other two.
FIRST = "fi"
# kind in the URL -> (model, its translated texts, its language-independent fields)
KINDS = {
    "methods": (
        MethodCard,
        CARD_FIELDS,
        ["slug", "phase", "time_effort", "people_effort", "cost_effort", "related", "status"],
    ),
    "stories": (
        Story,
        STORY_FIELDS,
        # The video, its captions and chapters have their own page (decision 0037).
        ["slug", "video_url", "place_name", "methods", "status"],
    ),
}
REVISION_KINDS = {"methods": "method", "stories": "story"}


def counted_texts(kind: str, values: dict) -> tuple[str, ...]:
    """The texts a language is missing when empty: a story's transcript only with a video."""
    _model, texts, _extra = KINDS[kind]
    if kind == "stories" and not (values.get("video") or values.get("video_url")):
        return tuple(t for t in texts if t != "transcript")
    return texts


def missing_texts(kind: str, values: dict) -> dict[str, list[str]]:
    """Per language, the counted texts that are empty in `values` (field name -> value)."""
    counted = counted_texts(kind, values)
    return {
        lang: [t for t in counted if not str(values.get(f"{t}_{lang}") or "").strip()]
        for lang in LANGS
    }


def missing_of(kind: str, instance) -> dict[str, list[str]]:
    """What a saved card or story lacks per language (for the editor's index)."""
    _model, texts, _extra = KINDS[kind]
    names = [f"{t}_{lang}" for t in texts for lang in LANGS] + ["video_url"]
    values = {}
    for name in names:
        value = getattr(instance, name, "")
        values[name] = getattr(value, "name", value)
    values["video"] = _has_video(instance)
    return missing_texts(kind, values)


def _has_video(instance) -> bool:
    """A story with a video of its own (the video page's, or an older file) needs transcripts."""
    if not isinstance(instance, Story) or not instance.pk:
        return False
    try:
        instance.story_video  # noqa: B018 (read from select_related where the caller joined it)
    except StoryVideo.DoesNotExist:
        return bool(instance.video)
    return True


class EditorForm(forms.ModelForm):
    """A card's or story's own fields. A title is needed in Finnish (the fallback language),
    and in Swedish or English as soon as that language has any text."""

    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        choices=ToolkitTheme.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    audiences = forms.MultipleChoiceField(
        label=_("Who takes part"),
        choices=Audience.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    texts: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        model = self._meta.model
        for text in self.texts:
            label = model._meta.get_field(text).verbose_name
            for lang in LANGS:
                widget = self.fields[f"{text}_{lang}"].widget
                self.fields[f"{text}_{lang}"].label = label[:1].upper() + label[1:]
                widget.attrs.update({"lang": lang, "data-text": text})

    def clean(self) -> dict:
        data = super().clean()
        if not (data.get(f"title_{FIRST}") or "").strip():
            self.add_error(
                f"title_{FIRST}",
                _("Give the title in Finnish: it is shown where a language has none."),
            )
        for lang in LANGS:
            if lang == FIRST or (data.get(f"title_{lang}") or "").strip():
                continue
            if any((data.get(f"{t}_{lang}") or "").strip() for t in self.texts):
                self.add_error(
                    f"title_{lang}",
                    _("Give the title in this language too, or leave its other texts empty."),
                )
        return data


def form_class(kind: str) -> type[EditorForm]:
    model, texts, extra = KINDS[kind]
    fields = [*extra, "themes", "audiences", *(f"{t}_{lang}" for t in texts for lang in LANGS)]
    meta = type("Meta", (), {"model": model, "fields": fields})
    return type(f"{model.__name__}EditorForm", (EditorForm,), {"Meta": meta, "texts": texts})


@dataclass
class LanguageSection:
    code: str
    name: str  # in the language itself: "suomi", "svenska", "English"
    fields: list[BoundField]
    missing: list[str]  # labels of the empty texts that count
    errors: int
    counted: set[str] = field(default_factory=set)  # names of the fields that count


def _bound_values(form: EditorForm) -> dict:
    return {name: form[name].value() for name in form.fields}


def sections(form: EditorForm, kind: str) -> tuple[list[BoundField], list[LanguageSection]]:
    """The language-independent fields, then one section per language with what it lacks and
    how many of its fields the last save refused, from what the editor typed."""
    _model, texts, _extra = KINDS[kind]
    values = _bound_values(form)
    values["video"] = _has_video(form.instance)
    missing = missing_texts(kind, values)
    counted = counted_texts(kind, values)
    translated = {f"{t}_{lang}" for t in texts for lang in LANGS}
    shared = [form[name] for name in form.fields if name not in translated]
    languages = []
    for lang in LANGS:
        bound = [form[f"{t}_{lang}"] for t in texts]
        languages.append(
            LanguageSection(
                code=lang,
                name=get_language_info(lang)["name_local"],
                fields=bound,
                missing=[form[f"{t}_{lang}"].label for t in missing[lang]],
                errors=sum(1 for b in bound if b.errors),
                counted={f"{t}_{lang}" for t in counted},
            )
        )
    return shared, languages


def open_language(form: EditorForm, languages: list[LanguageSection], chosen: str) -> str:
    """The tab to open: the first with a refused field, else the one the editor was on, else
    the page's language."""
    for section in languages:
        if section.errors:
            return section.code
    if chosen in LANGS:
        return chosen
    return get_language() if get_language() in LANGS else FIRST
