"""The page's rows written in Python (rnq.render.html_rows) are the markup the template's macros
wrote before pass 8 (kept verbatim in tests/templates/html_rows_pass7.j2), escapes and deferred
pieces included, whatever the texts hold."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
from hypothesis import given, settings
from hypothesis import strategies as st

from rnq.render.html import _day, _words, markdown
from rnq.render.html_rows import Rows, escape_text
from rnq.render.labels import label
from rnq.text import Lang
from rnq.verdict.report import ActionItem, ReportFinding

_MACROS = Path(__file__).parent / "templates" / "html_rows_pass7.j2"

#: Texts with what autoescape must escape, Markdown, and the ``{n}`` of the page's sentences.
_tricky = st.text(alphabet="ab <>&'\"é—{n}*_`\n", max_size=12)
texts = st.one_of(_tricky, st.text(max_size=16))
units = st.sampled_from(["u1", "u2", "<u3>", "u&4"])
offerings = st.sampled_from(["o1", "o2", "o'3", 'o"4'])
paths = st.sampled_from(
    ["a/b.pdf", "a/<c>.md", "d&e's.docx", 'f"g.txt', "h/i/j.csv", "", "k\x00l", "\x00"]
)
statuses = st.sampled_from(
    ["conform", "nc_minor", "nc_major", "not_assessed", "waived", "not_applicable", "odd<"]
)
dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def findings(draw: st.DrawFn, fixes: list[str]) -> ReportFinding:
    return ReportFinding(
        id=draw(st.text(max_size=4)),
        check=draw(texts),
        outcome=draw(
            st.sampled_from(["passed", "gap", "advice", "not_verified", "not_applicable", "waived"])
        ),
        unit=draw(st.none() | st.just("") | units),
        offering=draw(st.none() | st.just("") | offerings),
        message=draw(texts),
        evidence=tuple(draw(st.lists(paths, max_size=9))),
        item=draw(st.none() | texts),
        fix=draw(st.none() | st.sampled_from(fixes)),
        missing=draw(st.booleans()),
        provisional=draw(st.booleans()),
        confirm=draw(st.booleans()),
    )


actions = st.builds(
    ActionItem,
    indicator=st.sampled_from([0, 1, 2, 99]),
    unit=st.none() | st.just("") | units,
    owner=texts,
    due=dates,
    deadline_if_raised=st.none() | dates,
    offering=st.none() | st.just("") | offerings,
    level=st.sampled_from(["nc_major", "nc_minor", "advice"]),
    what=texts,
    fix=st.none() | texts,
    verification_by=st.none() | dates,
    optional=st.booleans(),
    effort=st.sampled_from(["file", "case", "process"]),
    effort_label=st.just("") | texts,
)


@functools.cache
def _macros() -> jinja2.Template:
    env = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown
    env.globals["label"] = label
    env.globals["day"] = _day
    return env.from_string(_MACROS.read_text(encoding="utf-8"))


class Page:
    """The old macros and the new rows, for the same names, words and caps; each with its own
    record of the pieces deferred to the data island."""

    def __init__(self, lang: Lang, names: dict[str, str], titles: dict[str, str]) -> None:
        self.old_deferred: list[str] = []
        self.new_deferred: list[str] = []
        common: dict[str, Any] = {
            "lang": lang,
            "unit_names": names,
            "offering_titles": titles,
            "criterion_of": {1: 1, 2: 3},
            "title_of": {1: "Informer <le> public", 2: "Objectifs & « résultats »"},
            "in_scope": {1: True, 2: False},
        }
        self.old = _macros().make_module(
            {
                **common,
                "t": _words(lang),
                "defer": self._recorder(self.old_deferred),
                "shown": 3,
                "paths_shown": 2,
            }
        )
        self.new = Rows(
            words=_words(lang),
            defer=self._recorder(self.new_deferred),
            markdown=markdown,
            day=_day,
            shown=3,
            paths_shown=2,
            **common,
        )

    @staticmethod
    def _recorder(deferred: list[str]) -> Any:
        def defer(html: str) -> str:  # as html_parts's: one key per distinct piece
            text = str(html)
            if text not in deferred:
                deferred.append(text)
            return f"m{deferred.index(text) + 1}"

        return defer


def _names(draw: st.DrawFn, keys: st.SearchStrategy[str]) -> dict[str, str]:
    return draw(st.dictionaries(keys, texts, max_size=3))


@settings(max_examples=150, deadline=None)
@given(data=st.data(), lang=st.sampled_from(["fr", "en"]))
def test_findings_tables_are_what_the_macros_wrote(data: st.DataObject, lang: Lang) -> None:
    page = Page(lang, _names(data.draw, units), _names(data.draw, offerings))
    fixes = data.draw(st.lists(texts, min_size=1, max_size=3))
    for _ in range(data.draw(st.integers(1, 3))):
        rows = tuple(data.draw(st.lists(findings(fixes), max_size=8)))
        shared = data.draw(st.none() | st.sampled_from(fixes))
        old = page.old.findings_table(rows, shared)
        new = page.new.findings_table(rows, shared)
        assert isinstance(new, markupsafe.Markup)
        assert str(new) == str(old)
        assert str(page.new.findings_table(rows)) == str(page.old.findings_table(rows))
    assert page.new_deferred == page.old_deferred


@settings(max_examples=100, deadline=None)
@given(data=st.data(), lang=st.sampled_from(["fr", "en"]))
def test_plan_rows_are_what_the_macros_wrote(data: st.DataObject, lang: Lang) -> None:
    page = Page(lang, _names(data.draw, units), _names(data.draw, offerings))
    plan = data.draw(st.lists(actions, max_size=6))
    assert str(page.new.plan_rows(plan)) == str(page.old.plan_rows(plan))


@settings(max_examples=100, deadline=None)
@given(
    data=st.data(),
    lang=st.sampled_from(["fr", "en"]),
    per_unit=st.dictionaries(st.just("") | units, statuses, max_size=4),
    per_offering=st.dictionaries(st.just("") | offerings, statuses, max_size=4),
)
def test_statuses_are_what_the_macros_wrote(
    data: st.DataObject, lang: Lang, per_unit: dict[str, str], per_offering: dict[str, str]
) -> None:
    page = Page(lang, _names(data.draw, units), _names(data.draw, offerings))
    assert str(page.new.unit_statuses(per_unit)) == str(page.old.unit_statuses(per_unit))
    assert str(page.new.offering_statuses(per_offering)) == str(
        page.old.offering_statuses(per_offering)
    )


def test_long_lists_are_deferred_once_and_in_the_macros_order() -> None:
    page = Page("fr", {"u1": "Site <Lyon>"}, {"o1": "Titre « & »"})
    many = tuple(f"p/{i}<{i}>.pdf" for i in range(7))
    rows = tuple(
        ReportFinding(
            id=str(i),
            check="c",
            outcome="gap" if i % 2 else "passed",
            unit="u1",
            offering="o1",
            message=f"m{i % 3} <b>",
            evidence=many if i % 3 else many[:2],
            fix="**fix** <x>" if i % 2 else None,
        )
        for i in range(8)
    )
    assert str(page.new.findings_table(rows)) == str(page.old.findings_table(rows))
    assert page.new_deferred == page.old_deferred
    assert len(page.new_deferred) == 2  # the 5 other paths, once; the 5 rows after the first 3


@given(texts)
def test_escape_text_is_markupsafe_escape(text: str) -> None:
    assert escape_text(text) == str(markupsafe.escape(text))
