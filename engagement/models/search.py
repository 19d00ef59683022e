"""A contribution's full-text search vector, and the Finnish base forms it is built from
(docs/decisions/0032).

Swedish and English are indexed by PostgreSQL's Snowball configurations. Finnish is indexed by
base forms computed in Python with Voikko (engagement.common.lemmas), stored in
`search_lemmas` with the MD5 of the text they were computed from (`search_lemmas_of`). The
vector uses them only while that MD5 is the text's: a writer that changed the title or body
without recomputing them (a queryset update, raw SQL) leaves a row indexed by PostgreSQL's
Finnish Snowball until `contribution_lemmas_refresh` catches up, never by stale base forms.
"""

import hashlib

from django.contrib.postgres.search import SearchVector
from django.db.models import Case, F, Q, TextField, Value, When
from django.db.models.functions import MD5, Concat

from engagement.common.lemmas import search_text, voikko_available

SNOWBALL_LANGUAGES = ("sv", "en")  # the languages PostgreSQL stems itself


def text_digest_expression() -> MD5:
    """md5(title || ' ' || body) in SQL, as `text_digest` computes it in Python."""
    return MD5(Concat(F("title"), Value(" "), F("body"), output_field=TextField()))


def text_digest(title: str, body: str) -> str:
    return hashlib.md5(f"{title} {body}".encode(), usedforsecurity=False).hexdigest()


# The Finnish rows whose stored base forms are not those of their text (the refresh's work).
LEMMAS_STALE = ~Q(language__in=SNOWBALL_LANGUAGES) & ~Q(search_lemmas_of=text_digest_expression())


def search_vector() -> Case:
    """The stored vector: Swedish and English by PostgreSQL's Snowball, Finnish by the stored
    base forms when they are the current text's, else by PostgreSQL's Finnish Snowball."""
    return Case(
        When(language="sv", then=SearchVector("title", "body", config="swedish")),
        When(language="en", then=SearchVector("title", "body", config="english")),
        When(
            search_lemmas_of=text_digest_expression(),
            then=SearchVector("search_lemmas", config="simple"),
        ),
        default=SearchVector("title", "body", config="finnish"),
    )


def lemmas_assign(contribution) -> bool:
    """Set a Finnish contribution's base forms from its title and body if they are not the
    current text's; True when they changed. Without Voikko nothing is set (the row stays
    indexed by PostgreSQL's Finnish Snowball)."""
    if contribution.language in SNOWBALL_LANGUAGES:
        return False
    digest = text_digest(contribution.title, contribution.body)
    if contribution.search_lemmas_of == digest or not voikko_available():
        return False
    contribution.search_lemmas = search_text(contribution.title, contribution.body)
    contribution.search_lemmas_of = digest
    return True
