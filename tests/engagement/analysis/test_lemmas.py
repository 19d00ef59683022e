"""Finnish base forms with the real Voikko (Debian's libvoikko1 + voikko-fi): the lemmatiser,
the analysis's words, and how many of the demo's Finnish words reach a base form."""

import re
from collections import Counter

import pytest
import snowballstemmer

from config.demo.read import demo_data_read
from engagement.analysis.selectors import AnalysisFilters, frequent_terms
from engagement.analysis.services import analysis_refresh
from engagement.analysis.text import WORD, stop_words, terms_of
from engagement.common.lemmas import lemma, search_query, search_text, voikko_available
from tests.factories import ContributionFactory

# The share of the demo's Finnish word tokens that must reach a base form.
COVERAGE_FLOOR = 0.95


def test_voikko_is_installed():
    """The tests need the real analyser; the site falls back to Snowball without it."""
    assert voikko_available()


@pytest.mark.parametrize(
    ("written", "base"),
    [
        ("kenkien", "kenkä"),
        ("pyörätiellä", "pyörätie"),
        ("pyöräteitä", "pyörätie"),
        ("koirapuistoon", "koirapuisto"),
        ("paikkaa", "paikka"),  # a noun rather than the verb 'paikata'
        ("mäen", "mäki"),  # a common noun rather than the surname
        ("keskustaan", "keskusta"),  # the reading that explains more, not 'keskus'
        ("skeittipaikalla", "skeittipaikka"),  # unknown to Voikko: a known last part
    ],
)
def test_words_reach_their_base_form(written, base):
    assert lemma(written).base == base
    assert lemma(written).known


@pytest.mark.parametrize("word", ["vaikka", "kerran", "myös", "että", "minä", "olisi", "jossa"])
def test_function_words_and_fillers_are_dropped(word):
    assert lemma(word).function


def test_an_unknown_word_keeps_its_snowball_stem():
    found = lemma("zxqvörtti")
    assert not found.known
    assert found.base == snowballstemmer.stemmer("finnish").stemWord("zxqvörtti")


def test_a_compound_is_indexed_by_its_base_form_and_its_last_part():
    lexemes = search_text("Pyöräteitä", "koirapuistoon 12 kertaa, vaikka").split()
    assert {"pyörätie", "tie", "koirapuisto", "puisto", "12"} <= set(lexemes)
    assert "vaikka" not in lexemes and "kerta" not in lexemes
    assert search_query("pyörätiellä -koirapuistossa") == "('pyörätie') & !('koirapuisto')"
    assert search_query("vaikka että") == ""
    # A hyphen inside a word joins two words; only a minus that starts a word excludes.
    assert search_query("tie-alue") == "('tie') & ('alue')"


def test_word_counts_show_base_forms_without_function_words(theme):
    for title, body in [
        ("Kenkien korjaus", "Pieni korjaamo tai vaikka kerran kuussa kiertävä korjauspäivä."),
        ("Kenkä korjaukseen", "Kerran viikossa olisi hyvä, vaikka illalla."),
    ]:
        ContributionFactory(campaign=theme.campaign, theme=theme, title=title, body=body)
    filters = AnalysisFilters(campaign=theme.campaign)
    live = dict(frequent_terms(filters=filters, live=True))[theme]
    analysis_refresh(campaign=theme.campaign)
    summary = dict(frequent_terms(filters=filters))[theme]
    for terms in (live, summary):
        by_word = {t.word: t.count for t in terms}
        assert by_word["kenkä"] == 2 and by_word["korjaus"] == 2
        assert not {"vaikka", "kerran", "kerta", "kenkien", "kenk", "olisi"} & set(by_word)
    assert [(t.word, t.count) for t in live] == [(t.word, t.count) for t in summary]


def test_swedish_and_english_keep_snowball():
    assert terms_of("Cykelvägar", "cykelvägarna", "sv")[1] == ["cykelväg", "cykelväg"]
    assert terms_of("Bike paths", "parking", "en")[1] == ["bike", "path", "park"]


def test_the_demos_finnish_words_reach_a_base_form(record_property):
    """How many of the demo's Finnish word tokens (three letters or more, as the analysis
    reads them) Voikko brings to a base form, and how many distinct terms the word counts
    then show against Snowball's stems; printed at the end of the test run."""
    texts = [
        f"{c.title} {c.body}" for c in demo_data_read().contributions if c.language in ("", "fi")
    ]
    tokens = [w.lower() for text in texts for w in WORD.findall(text)]
    found = [lemma(w) for w in tokens]
    known = sum(f.known for f in found)
    inflected = sum(f.known and f.base != w for w, f in zip(tokens, found, strict=True))
    content = [
        (w, f)
        for w, f in zip(tokens, found, strict=True)
        if not f.function and w not in stop_words("fi")
    ]
    bases = Counter(f.base for _, f in content)
    stemmer = snowballstemmer.stemmer("finnish")
    stems = Counter(stemmer.stemWord(w) for w, _ in content)
    share = known / len(tokens)
    line = (
        f"Voikko: {known:,} of {len(tokens):,} Finnish word tokens in the demo reach a base form "
        f"({share:.0%}; {inflected:,} of them inflected, {sum(f.guessed for f in found)} by a "
        f"known last part); {len(bases):,} distinct base forms where Snowball gives "
        f"{len(stems):,} stems; {len(tokens) - len(content):,} function words and fillers dropped"
    )
    record_property("summary_line", line)
    print(line)
    assert share >= COVERAGE_FLOOR, line
    assert len(bases) < len(stems), line  # inflected forms meet where Snowball keeps them apart


def test_without_voikko_finnish_falls_back_to_snowball():
    """A site without libvoikko still counts and searches (on Snowball stems)."""
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['libvoikko'] = None\n"
        "from engagement.common.lemmas import lemma, search_text, voikko_available\n"
        "assert not voikko_available()\n"
        "assert lemma('kenkien').base == 'kenk' and not lemma('kenkien').known\n"
        "print(search_text('Pyöräteitä', 'kouluun'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["pyörät", "koulu"]


def test_lemmatising_is_cached_and_fast():
    """A submission lemmatises its text in the request: it must cost well under a millisecond
    a word once warm."""
    import time

    text = " ".join(["Pyöräteitä koirapuistoon kenkien korjaukseen"] * 50)
    search_text(text, "")
    started = time.perf_counter()
    for _ in range(20):
        search_text(text, text)
    assert (time.perf_counter() - started) / (20 * 400) < 0.0002
    assert re.fullmatch(r"[\w ]+", search_text(text, text))


def test_the_system_check_warns_only_without_voikko(monkeypatch):
    from engagement import checks
    from engagement.common import lemmas

    assert checks.check_voikko() == []
    monkeypatch.setattr(lemmas, "voikko_available", lambda: False)
    assert [m.id for m in checks.check_voikko()] == ["yhdessa.W032"]
