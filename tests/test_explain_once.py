"""``rnq explain N`` (issue #20): a text both versions word the same is shown once, the later
version saying « identique dans les deux versions »; a text that changed is shown in each."""

from __future__ import annotations

from rnq.referential.loader import get_referential
from rnq.render.referential import explain_text

V9 = get_referential("rnq-2019-v9")
V2026 = get_referential("rnq-2026")


def test_an_unchanged_text_is_shown_once() -> None:
    wording = V2026.indicator(21).wording
    assert wording == V9.indicator(21).wording
    text = explain_text(21)
    assert text is not None
    first_words = " ".join(wording.split()[:6])
    assert text.count(first_words) == 1
    later = text[text.index("== RNQ 2026") :]
    assert "Libellé officiel : identique dans les deux versions" in later
    assert "Exemples de preuves : identique dans les deux versions" in later
    english = explain_text(21, lang="en")
    assert english is not None
    assert "Official wording: identical in both versions" in english


def test_a_changed_text_is_shown_in_each_version() -> None:
    assert V2026.indicator(12).wording != V9.indicator(12).wording
    text = explain_text(12)
    assert text is not None
    v9, v2026 = text.split("== RNQ 2026")
    assert "Libellé officiel :\n" in v9 and "Libellé officiel :\n" in v2026
    assert "violence" in v2026


def test_one_version_alone_is_shown_whole() -> None:
    text = explain_text(21, ["rnq-2026"])
    assert text is not None
    assert "identique" not in text and V2026.indicator(21).wording.split()[0] in text
