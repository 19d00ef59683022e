"""Full-text search of contributions, and keeping their Finnish base forms current
(docs/decisions/0032).

A query is read three ways at once: by PostgreSQL's Swedish and English Snowball (rows written
in those languages), and for Finnish by the query's base forms (Voikko, the same lemmatiser
that indexed the rows), OR'd with PostgreSQL's Finnish Snowball for the rows a bulk write left
without current base forms. The map list, the API's `q` and the moderation queue all filter
through `contributions_search`.
"""

from django.contrib.postgres.search import SearchQuery
from django.db import connection, transaction
from django.db.models import QuerySet

from engagement.common.lemmas import search_query, search_text, voikko_available
from engagement.models import Contribution
from engagement.models.search import LEMMAS_STALE, text_digest

# A contribution written in any language is found by a query stemmed in each of them.
SEARCH_CONFIGS = ("finnish", "swedish", "english")
REFRESH_BATCH = 2000


def contributions_search(queryset: QuerySet[Contribution], text: str) -> QuerySet[Contribution]:
    """The contributions whose title or body matches the words of `text` in any inflected
    form (websearch syntax: all words, `-word` excluded, `or`)."""
    query = SearchQuery(text, config=SEARCH_CONFIGS[0], search_type="websearch")
    for config in SEARCH_CONFIGS[1:]:
        query |= SearchQuery(text, config=config, search_type="websearch")
    lemmas = search_query(text) if voikko_available() else ""
    if lemmas:
        query |= SearchQuery(lemmas, config="simple", search_type="raw")
    return queryset.filter(search=query)


def contribution_lemmas_refresh(*, campaign_id: int | None = None) -> int:
    """Lemmatise the Finnish contributions whose stored base forms are not their text's (rows
    written by a queryset update, raw SQL or an import that bypassed `save()`); returns how
    many. Run by the analysis refresh; found through the partial index of stale rows."""
    if not voikko_available():
        return 0
    stale = Contribution.objects.filter(LEMMAS_STALE)
    if campaign_id is not None:
        stale = stale.filter(campaign_id=campaign_id)
    done = 0
    batch: list[tuple[int, str, str]] = []
    for pk, title, body in (
        stale.order_by().values_list("pk", "title", "body").iterator(chunk_size=REFRESH_BATCH)
    ):
        batch.append((pk, search_text(title, body), text_digest(title, body)))
        if len(batch) >= REFRESH_BATCH:
            done += _lemmas_write(batch)
            batch = []
    return done + _lemmas_write(batch)


def _lemmas_write(batch: list[tuple[int, str, str]]) -> int:
    """Written only where the text is still the one lemmatised (a concurrent edit wins)."""
    if not batch:
        return 0
    ids, lemmas, digests = zip(*batch, strict=True)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE engagement_contribution c SET search_lemmas = v.l, search_lemmas_of = v.d
            FROM unnest(%s::bigint[], %s::text[], %s::text[]) AS v(id, l, d)
            WHERE c.id = v.id AND md5(c.title || ' ' || c.body) = v.d
            """,
            [list(ids), list(lemmas), list(digests)],
        )
        return cursor.rowcount
