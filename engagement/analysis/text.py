"""The words of a contribution as the analysis counts them: lower case, three letters or more,
stop words of its language left out. Finnish words are counted by their base form (Voikko,
engagement.common.lemmas: 'kenkien' is 'kenkä', function words such as 'vaikka' left out);
Swedish and English by their Snowball stem (decision 0032)."""

import functools
import re
import threading
from pathlib import Path

import snowballstemmer

from engagement.common.lemmas import lemma

STEMMER_LANGUAGES = {"fi": "finnish", "sv": "swedish", "en": "english"}
STOP_WORDS_DIR = Path(__file__).resolve().parent / "data"
WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


@functools.cache
def stop_words(language: str) -> frozenset[str]:
    """Common words that say nothing about the content, in lower case, read once from
    `data/stopwords-<language>.txt` (one word a line, `#` starts a comment)."""
    text = (STOP_WORDS_DIR / f"stopwords-{language}.txt").read_text(encoding="utf-8")
    words = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(word for word in words if word)


_local = threading.local()  # a Snowball stemmer keeps state while it works: one per thread


def _stemmer(language: str):
    stemmers = _local.__dict__.setdefault("stemmers", {})
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(STEMMER_LANGUAGES[language])
    return stemmers[language]


def terms_of(title: str, body: str, language: str) -> tuple[list[str], list[str]]:
    """(words, terms) of a title and body, position by position. A Finnish word Voikko knows
    is shown and counted by its base form (both lists hold 'kenkä'); a word it does not know
    is shown as written and counted by its Snowball stem, as Swedish and English are."""
    lang = language if language in STEMMER_LANGUAGES else "fi"
    words = [w.lower() for w in WORD.findall(f"{title} {body}")]
    words = [w for w in words if w not in stop_words(lang)]
    if lang != "fi":
        return words, _stemmer(lang).stemWords(words)
    shown: list[str] = []
    terms: list[str] = []
    for word in words:
        found = lemma(word)
        if found.function:
            continue
        shown.append(found.base if found.known else word)
        terms.append(found.base)
    return shown, terms
