"""Stop words come from one text file per language, read once."""

import pytest

from engagement.analysis.selectors import STEMMER_LANGUAGES, STOP_WORDS_DIR, stop_words


@pytest.mark.parametrize("language", sorted(STEMMER_LANGUAGES))
def test_every_analysed_language_has_its_stop_word_file(language):
    lines = (STOP_WORDS_DIR / f"stopwords-{language}.txt").read_text(encoding="utf-8")
    words = [line for line in lines.splitlines() if line and not line.startswith("#")]
    assert stop_words(language) == frozenset(words)
    assert len(words) == len(set(words)) > 30
    assert all(word == word.lower() and " " not in word for word in words)


def test_comments_are_not_stop_words_and_the_file_is_read_once():
    finnish = stop_words("fi")
    assert {"ja", "että", "pitäisi", "joku"} <= finnish
    assert not any(word.startswith("#") for word in finnish)
    assert "finnish" not in finnish  # a word of the header comment
    assert stop_words("fi") is finnish
