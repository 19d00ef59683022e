"""Finnish base forms (lemmas) with Voikko, for the analysis's word counts and for search
(docs/decisions/0032).

Snowball cuts Finnish words to stems a reader does not recognise ('kenk' for 'kenkien') and
misses forms whose stem changes ('pyöräteitä' is not 'pyörätie'); Voikko, Finnish's own
morphological analyser (Debian's libvoikko1 and voikko-fi), gives the dictionary form. A word
Voikko does not know is tried as a compound of an unknown first part and a known last part
('skeittipaikassa' -> 'skeittipaikka'), else given its Snowball stem. Function words
(pronouns, conjunctions, adpositions, the negation verb, interjections, adverbs such as 'myös'
or 'nyt') are recognised by Voikko's word class and dropped, as are a few base forms that say
nothing in a city's feedback ('olla', 'voida', 'kerta', ...).

Voikko is not thread-safe: one instance per thread. Without Voikko (library or dictionary
missing) everything falls back to Snowball and a system check warns.
"""

import functools
import logging
import re
import threading
from dataclasses import dataclass

import snowballstemmer

logger = logging.getLogger(__name__)

# Voikko's word classes (CLASS) of words that carry no content: any reading in these drops it.
FUNCTION_CLASSES = frozenset(
    {"asemosana", "sidesana", "suhdesana", "kieltosana", "huudahdussana", "lyhenne"}
)
# Adverbs and numerals: dropped when every reading is one of these or a function word
# ('myös', 'nyt', 'lähellä'), kept when the word is also a noun or adjective ('vilkkaan').
WEAK_CLASSES = frozenset({"seikkasana", "lukusana"})
NAME_CLASSES = frozenset({"nimi", "etunimi", "sukunimi", "paikannimi"})
# Which reading names the word when Voikko offers several: nouns before adjectives before
# verbs ('paikkaa' is 'paikka' rather than 'paikata'), common words before names.
CLASS_ORDER = {"nimisana": 0, "nimisana_laatusana": 1, "laatusana": 2, "teonsana": 3}
# Base forms that Voikko calls content words but a city's feedback uses as fillers:
# auxiliaries and the like ('olisi', 'voisi', 'pitäisi', 'kerran').
FILLER_BASE_FORMS = frozenset(
    {
        "olla",
        "voida",
        "pitää",
        "täytyä",
        "tulla",
        "saattaa",
        "tehdä",
        "kerta",
        "hyvä",
        "iso",
        "pieni",
        "uusi",
        "paljo",
        "kaikki",
        "moni",
        "esim",
    }
)
# The last part of a compound Voikko does not know must be one of these.
HEAD_CLASSES = frozenset({"nimisana", "nimisana_laatusana", "laatusana"})
MIN_PART = 3  # letters of each part when guessing a compound
_WORDBASE = re.compile(r"\+([^+()]+)\(([^)+][^)]*)\)")


@dataclass(frozen=True)
class Lemma:
    """What the lemmatiser makes of one written word (lower case)."""

    base: str  # the base form shown and counted ('pyörätie'); a Snowball stem if unknown
    alternatives: tuple[str, ...]  # every base form of every reading, for search
    head: str  # a compound's last part in base form ('tie'), else ''
    function: bool  # a function word or filler: not counted, not indexed
    known: bool  # reached a base form (Voikko's, or a known last part's)
    guessed: bool = False  # from a known last part of a word Voikko does not know


_local = threading.local()
_missing_logged = False


def _voikko():
    """This thread's Voikko, or None when the library or the Finnish dictionary is missing."""
    if not hasattr(_local, "voikko"):
        _local.voikko = None
        try:
            import libvoikko

            _local.voikko = libvoikko.Voikko("fi")
        except Exception as error:
            global _missing_logged
            if not _missing_logged:
                logger.warning("Voikko unavailable, Finnish falls back to Snowball: %s", error)
                _missing_logged = True
    return _local.voikko


def voikko_available() -> bool:
    """True when Voikko and its Finnish dictionary load (the system check asks)."""
    return _voikko() is not None


def _snowball(word: str) -> str:
    stemmers = _local.__dict__.setdefault("snowball", {})
    if "fi" not in stemmers:
        stemmers["fi"] = snowballstemmer.stemmer("finnish")
    return stemmers["fi"].stemWord(word)


def _rank(analysis: dict) -> tuple[int, int, int]:
    """Class first, then fewer compound parts, then the longer base form (the one that
    explains more of the written word: 'keskustaan' is 'keskusta' rather than 'keskus')."""
    kind = analysis.get("CLASS", "")
    order = CLASS_ORDER.get(kind, 9 if kind in NAME_CLASSES else 5)
    return (order, analysis.get("STRUCTURE", "").count("="), -len(analysis.get("BASEFORM", "")))


def _head(analysis: dict) -> str:
    """A compound's last part in base form ('+pyörä(pyörä)+tie(tie)' -> 'tie'), else ''."""
    if analysis.get("STRUCTURE", "").count("=") < 2:
        return ""
    parts = _WORDBASE.findall(analysis.get("WORDBASES", ""))
    return parts[-1][1].lower() if len(parts) >= 2 else ""


def _guess_compound(voikko, word: str) -> tuple[str, str] | None:
    """An unknown word read as an unknown first part and a known noun or adjective
    ('skeittialueella' -> ('skeittialue', 'alue')); the longest known last part wins."""
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        tail = word[cut:]
        readings = [a for a in voikko.analyze(tail) if a.get("CLASS") in HEAD_CLASSES]
        if readings:
            best = min(readings, key=_rank)
            base = best["BASEFORM"].lower()
            return word[:cut] + base, base
    return None


@functools.lru_cache(maxsize=200_000)
def lemma(word: str) -> Lemma:
    """The base form and the kind of one lower-case Finnish word (cached: Finnish texts repeat
    their words, and Voikko costs some tens of microseconds a word)."""
    voikko = _voikko()
    if voikko is None:
        return Lemma(_snowball(word), (_snowball(word),), "", False, False)
    readings = voikko.analyze(word)
    if not readings:
        guessed = _guess_compound(voikko, word)
        if guessed is None:
            stem = _snowball(word)
            return Lemma(stem, (stem,), "", False, False)
        # No head for search: a guess's last part may be chance ('tesomalla' ends in 'omalla').
        return Lemma(guessed[0], (guessed[0],), "", False, True, guessed=True)
    classes = {a.get("CLASS", "") for a in readings}
    best = min(readings, key=_rank)
    base = best["BASEFORM"].lower()
    function = (
        bool(classes & FUNCTION_CLASSES)
        or classes <= (WEAK_CLASSES | FUNCTION_CLASSES)
        or base in FILLER_BASE_FORMS
    )
    alternatives = tuple(dict.fromkeys(a["BASEFORM"].lower() for a in readings))
    return Lemma(base, alternatives, _head(best), function, True)


TOKEN = re.compile(r"[^\W_]+", re.UNICODE)  # letters and digits, as PostgreSQL's parser
LETTERS = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
# "-word" excludes only where the minus starts a word, as in websearch_to_tsquery: the second
# half of "tie-alue" is a word like the first.
_QUERY_TOKEN = re.compile(r"(?:(?<!\S)(-))?([^\W_]+)", re.UNICODE)


def _lexemes(token: str, *, with_head: bool) -> tuple[str, ...]:
    """A token's lexemes: a word's base forms (and a compound's last part), a number as is;
    () for a function word."""
    if not LETTERS.fullmatch(token):
        return (token,)
    found = lemma(token)
    if found.function:
        return ()
    if with_head and found.head:
        return (*found.alternatives, found.head)
    return found.alternatives


def search_text(title: str, body: str) -> str:
    """What a Finnish contribution is indexed by (to_tsvector('simple', ...)): every base form
    of every content word and the last part of a compound, so 'pyöräteitä' is found by
    'pyörätie' and by 'tie'; numbers as written."""
    lexemes: list[str] = []
    for token in TOKEN.findall(f"{title} {body}".lower()):
        lexemes.extend(_lexemes(token, with_head=True))
    return " ".join(dict.fromkeys(lexemes))


def search_query(text: str) -> str:
    """A resident's or official's Finnish search as a tsquery over search_text's lexemes:
    each word by its base forms (any of them), all words required, `-word` excluded, `or`
    between words; '' when nothing is left (only function words)."""
    groups: list[str] = []
    joiner = " & "
    for minus, word in _QUERY_TOKEN.findall(text.lower()):
        if word == "or" and not minus:
            joiner = " | " if groups else joiner
            continue
        lexemes = _lexemes(word, with_head=False)
        if not lexemes:
            continue
        alternatives = " | ".join("'{}'".format(lexeme.replace("'", "''")) for lexeme in lexemes)
        term = f"{'!' if minus else ''}({alternatives})"
        groups.append(f"{joiner if groups else ''}{term}")
        joiner = " & "
    if groups and all(group.lstrip(" &|").startswith("!") for group in groups):
        return ""  # only exclusions: PostgreSQL would match almost everything
    return "".join(groups)
