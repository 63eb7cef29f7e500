"""The case files (``cases/iNN.yaml``): every document, phrasing and placeholder, read by the
finders the check module of its indicator declares (``CONCEPTS``: item id → concept or reader).

* a document or phrasing that ``says`` an item must be found to state it;
* a document that ``lacks`` an item must not be found to state it;
* a document marked ``draft`` must be read as a draft, and a draft states nothing;
* a finder whose absence can make an NC (not ``unproven``) must find at least 95 % of its
  positive cases, over at least 5 of them (SPEC §4: « a matcher whose recall on natural
  phrasings is measured »).

A miss that is understood and accepted is listed in the file's ``exceptions:`` with its reason;
it still counts against the recall. The placeholders are run end to end in
``test_placeholders.py``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

import rnq.checks
from rnq.checks.judging import Finder, finder_questions
from rnq.match.french import draft
from rnq.match.questions import answer, document_body
from rnq.referential.loader import DemandedItem, get_referential

CASES = Path(__file__).parent / "cases"
HOLDOUT = Path(__file__).parent / "holdout"
VERSIONS = ("rnq-2019-v9", "rnq-2026")
RECALL = 0.95
MINIMUM = 5


@cache
def case_file(number: int) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((CASES / f"i{number:02d}.yaml").read_text("utf-8"))
    assert data["indicator"] == number
    return data


@cache
def module_of(number: int) -> ModuleType:
    names = [
        m.name
        for m in pkgutil.iter_modules(rnq.checks.__path__)
        if m.name.startswith(f"i{number:02d}_")
    ]
    assert len(names) == 1, names
    return importlib.import_module(f"rnq.checks.{names[0]}")


def finders(number: int) -> Mapping[str, Finder]:
    return getattr(module_of(number), "CONCEPTS", {})


def items_of(number: int, version: str) -> dict[str, DemandedItem]:
    versions = VERSIONS if version == "both" else (version,)
    found: dict[str, DemandedItem] = {}
    for v in versions:
        referential = get_referential(v)
        if any(i.number == number for i in referential.indicators):
            found.update({i.id: i for i in referential.indicator(number).items})
    return found


def states(
    finder: Finder, text: str | None, rows: list[list[str]] | None, *, document: bool = True
) -> bool:
    """Whether a document (or, ``document=False``, a sentence of one) states the item."""
    body = document_body(text, rows)
    if document and draft(body) is not None:
        return False  # a draft states nothing
    return any(answer(q, body, None, (text, rows)) for q in finder_questions(finder))


@dataclass(frozen=True)
class Positive:
    number: int
    item: str
    label: str  # the case id, or the phrasing
    text: str | None
    rows: list[list[str]] | None
    phrasing: bool = False  # from the shared corpus rather than a case document


def _rows(value: Any) -> list[list[str]] | None:
    return [[str(cell) for cell in row] for row in value] if value else None


def _applies(item: DemandedItem | None, category: str | None) -> bool:
    return (
        item is not None
        and not item.screening  # a screening is the check's own business (advice to confirm)
        and (not item.categories or category is None or category in item.categories)
    )


def positives(number: int) -> Iterator[Positive]:
    data = case_file(number)
    for case in data.get("cases", []):
        items = items_of(number, case["version"])
        for item in case.get("says", []):
            if _applies(items.get(item), case.get("category")):
                yield Positive(number, item, case["id"], case.get("text"), _rows(case.get("rows")))
    for entry in data.get("phrasings", []):
        items = items_of(number, entry["version"])
        if not _applies(items.get(entry["item"]), entry.get("category")):
            continue
        for said in entry["says"]:
            if isinstance(said, str):
                yield Positive(number, entry["item"], said, said, None, phrasing=True)
            else:
                label = " | ".join(" ; ".join(map(str, row)) for row in said["rows"])
                rows = _rows(said["rows"])
                yield Positive(number, entry["item"], label, None, rows, phrasing=True)


def exceptions(number: int) -> dict[tuple[str, str], str]:
    """(case id or phrasing, item) → why the miss is accepted."""
    return {(e["case"], e["item"]): e["reason"] for e in case_file(number).get("exceptions", [])}


JUDGED = [n for n in range(1, 34) if finders(n)]


# --- the files themselves -----------------------------------------------------------------------


@pytest.mark.parametrize("number", range(1, 34))
def test_a_case_file_names_items_of_its_indicator(number: int) -> None:
    data = case_file(number)
    unknown = []
    for case in data.get("cases", []):
        known = items_of(number, case["version"])
        unknown += [
            (case["id"], i)
            for i in [*case.get("says", []), *case.get("lacks", [])]
            if i not in known
        ]
    for entry in data.get("phrasings", []):
        if entry["item"] not in items_of(number, entry["version"]):
            unknown.append(("phrasing", entry["item"]))
    assert not unknown


@pytest.mark.parametrize("number", range(1, 34))
def test_every_counted_item_has_cases(number: int) -> None:
    """Each requirement and conditional item of every version has at least 5 positive cases
    and the indicator at least 4 negative ones (drafts, near-misses)."""
    counts: dict[str, int] = {}
    for positive in positives(number):
        counts[positive.item] = counts.get(positive.item, 0) + 1
    for version in VERSIONS:
        for item in items_of(number, version).values():
            if item.counts and not item.screening:
                assert counts.get(item.id, 0) >= MINIMUM, (version, item.id)
    negatives = [c for c in case_file(number)["cases"] if c.get("lacks") or c.get("draft")]
    assert len(negatives) >= 4


@pytest.mark.parametrize("path", sorted(HOLDOUT.glob("i*.yaml")), ids=lambda p: p.stem)
def test_a_holdout_file_is_well_formed(path: Path) -> None:
    """The held-out set is a measurement (holdout/README.md): only its form is tested."""
    data = yaml.safe_load(path.read_text("utf-8"))
    number = data["indicator"]
    assert path.stem == f"i{number:02d}"
    for case in data["cases"]:
        known = items_of(number, case["version"])
        said, lacked = set(case.get("says", [])), set(case.get("lacks", []))
        assert not said & lacked, case["id"]
        assert said | lacked <= set(known), case["id"]
        assert bool(case.get("text")) != bool(case.get("rows")), case["id"]


# --- what the finders read ----------------------------------------------------------------------


def _case_params() -> Iterator[Any]:
    for number in JUDGED:
        for case in case_file(number)["cases"]:
            yield pytest.param(number, case["id"], id=f"i{number:02d}-{case['id']}")


@pytest.mark.parametrize(("number", "case_id"), list(_case_params()))
def test_a_case_is_read_as_written(number: int, case_id: str) -> None:
    case = next(c for c in case_file(number)["cases"] if c["id"] == case_id)
    known = finders(number)
    items = items_of(number, case["version"])
    accepted = exceptions(number)
    text, rows = case.get("text"), _rows(case.get("rows"))
    if case.get("draft"):
        assert draft(document_body(text, rows)) is not None, "a draft read as content"
    wrong = []
    for item in case.get("says", []):
        if (
            item in known
            and _applies(items.get(item), case.get("category"))
            and not states(known[item], text, rows)
            and (case_id, item) not in accepted
        ):
            wrong.append(f"missed {item}")
    for item in case.get("lacks", []):
        if item in known and states(known[item], text, rows) and (case_id, item) not in accepted:
            wrong.append(f"found {item} where it is not")
    assert not wrong


def _phrasing_params() -> Iterator[Any]:
    for number in JUDGED:
        for p in positives(number):
            if p.phrasing:
                yield pytest.param(p, id=f"i{number:02d}-{p.item}-{p.label[:40]}")


@pytest.mark.parametrize("phrasing", list(_phrasing_params()))
def test_a_phrasing_of_the_shared_corpus_is_recognised(phrasing: Positive) -> None:
    known = finders(phrasing.number)
    if phrasing.item not in known:
        pytest.skip(f"{phrasing.item} is judged by the check's own code")
    if (phrasing.label, phrasing.item) in exceptions(phrasing.number):
        pytest.skip(
            "an accepted miss: " + exceptions(phrasing.number)[(phrasing.label, phrasing.item)]
        )
    assert states(known[phrasing.item], phrasing.text, phrasing.rows, document=False)


@pytest.mark.parametrize("number", JUDGED)
def test_a_finder_that_can_make_an_nc_has_its_recall_measured(number: int) -> None:
    known = finders(number)
    hits: dict[str, list[bool]] = {}
    for p in positives(number):
        if p.item in known:
            found = states(known[p.item], p.text, p.rows, document=not p.phrasing)
            hits.setdefault(p.item, []).append(found)
    weak = {}
    for item, finder in known.items():
        parts = finder if isinstance(finder, tuple) else (finder,)
        if all(part.unproven for part in parts):
            continue
        found = hits.get(item, [])
        recall = sum(found) / len(found) if found else 0.0
        if len(found) < MINIMUM or recall < RECALL:
            weak[item] = f"{sum(found)}/{len(found)}"
    assert not weak, "mark these unproven, or make them read better"


@pytest.mark.parametrize("number", JUDGED)
def test_exceptions_are_still_misses(number: int) -> None:
    """An exception that the finders now read is removed from the file."""
    known = finders(number)
    by_label = {(p.label, p.item): p for p in positives(number)}
    stale = [
        key
        for key in exceptions(number)
        if key in by_label
        and key[1] in known
        and states(
            known[key[1]],
            by_label[key].text,
            by_label[key].rows,
            document=not by_label[key].phrasing,
        )
    ]
    assert not stale
