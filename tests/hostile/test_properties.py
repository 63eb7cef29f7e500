"""Property-based tests (hypothesis) of every parser of user input: ``rnq.yaml``, manifests,
front matter, file-name tokens and dates, CSV registers. Whatever the input, each parser gives
its result or a problem naming the file (and a line inside the text) — never another exception.

(``tests/test_mapping.py`` already checks single path segments for tokens and dates; here whole
paths, placements and combinations.)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import string
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from rnq.collect.collectors import CollectContext
from rnq.collect.mapping import Layout, combine, date_in_name, indicators_in_path, path_facts
from rnq.collect.registers import match_columns, normalize, parse_date, read_table
from rnq.errors import ConfigError, Problem
from rnq.workspace.config import Offering, Unit, Workspace, WorkspaceConfig, load
from rnq.workspace.manifests import Manifests, parse_front_matter, parse_manifest

from .conftest import CONFIG

PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# --- YAML documents: random structures over the real keys, dumped, sometimes mutated ---------

KEYS = [
    "version", "organization", "name", "nda", "categories", "activity", "certifying",
    "alternance", "units", "id", "path", "central", "offerings", "title", "certification",
    "audit", "type", "date", "previous_nc", "indicator", "level", "notified", "not_applicable",
    "checks", "plugins", "waivers", "freshness", "ignore", "owners", "default", "indicators",
    "kind", "stakeholder", "valid_until", "offering", "by", "note", "sites", "collectors", "use",
    "colour", "activty", "27", "26",
]  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-5, max_value=40),
    st.sampled_from(["AF", "BC", "CFA", "renewal", "minor", "../x", "/etc", "siege", "I26"]),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)),
    st.text(max_size=12),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(KEYS), inner, max_size=5),
    ),
    max_leaves=20,
)
MUTATIONS = [
    "!!python/object/apply:os.system ['true']",
    "&a [1, 2]",
    "*nowhere",
    "{",
    "]",
    "\t",
    ": :",
    "- - -",
    "!!binary aGVsbG8=",
    "!custom x",
    "2026-02-30",
    "\x00",
    "\ufeff",
]


@st.composite
def yaml_texts(draw: st.DrawFn, top: Any) -> str:
    """YAML text: a dumped structure, maybe with a hostile fragment spliced into one line."""
    data = draw(top)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if draw(st.booleans()):
        lines = text.splitlines()
        at = draw(st.integers(min_value=0, max_value=len(lines)))
        fragment = draw(st.sampled_from(MUTATIONS))
        where = draw(st.sampled_from(["line", "append"]))
        if where == "line" or not lines:
            lines.insert(at, fragment)
        else:
            index = min(at, len(lines) - 1)
            lines[index] += " " + fragment
        text = "\n".join(lines) + "\n"
    return text


CONFIG_TOPS = st.one_of(
    st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=8),
    st.fixed_dictionaries(
        {
            "version": st.just(1),
            "organization": st.fixed_dictionaries({"name": st.text(min_size=1, max_size=8)}),
            "categories": st.lists(st.sampled_from(["AF", "BC", "VAE", "CFA", "XX"]), max_size=3),
            "units": st.lists(
                st.dictionaries(st.sampled_from(["id", "name", "path", "central"]), SCALARS),
                max_size=3,
            ),
        },
        optional={"audit": VALUES, "checks": VALUES, "not_applicable": VALUES},
    ),
    VALUES,
)


def _lines_of(text: str) -> int:
    return max(1, text.count("\n") + 1)


@PROPERTY
@given(text=st.one_of(yaml_texts(CONFIG_TOPS), st.text(max_size=200)))
def test_rnq_yaml_loads_or_names_file_and_line(text: str, tmp_path: Path) -> None:
    root = tmp_path / "ws"
    root.mkdir(exist_ok=True)
    (root / "rnq.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    error: ConfigError | None = None
    try:
        workspace = load(root)
    except ConfigError as exc:
        error = exc
    else:
        assert isinstance(workspace.config, WorkspaceConfig)
        return
    assert error.exit_code == 2
    assert error.path.endswith("rnq.yaml")
    assert error.line is not None, error.message("en")
    assert 1 <= error.line <= _lines_of(text) + 1
    assert error.message("fr") and error.message("en")


@PROPERTY
@given(data=st.binary(max_size=300))
def test_rnq_yaml_of_random_bytes_is_a_config_error_or_loads(data: bytes, tmp_path: Path) -> None:
    root = tmp_path / "ws"
    root.mkdir(exist_ok=True)
    (root / "rnq.yaml").write_bytes(data)
    error: ConfigError | None = None
    try:
        load(root)
    except ConfigError as exc:
        error = exc
    assert error is None or error.path.endswith("rnq.yaml")


def _check_problems(problems: list[Problem], path: str, text: str) -> None:
    for problem in problems:
        assert problem.path == path
        assert problem.line is None or 1 <= problem.line <= _lines_of(text) + 1
        assert problem.message.fr and problem.message.en


ENTRY = st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=6)
MANIFEST_TOPS = st.one_of(
    st.lists(
        st.one_of(
            ENTRY,
            st.fixed_dictionaries(
                {"path": st.sampled_from(["*.pdf", "**", "../*", "/etc/*", "a/[b", "x/"])},
                optional={"indicators": VALUES, "kind": VALUES, "date": VALUES},
            ),
        ),
        max_size=5,
    ),
    VALUES,
)


@PROPERTY
@given(text=st.one_of(yaml_texts(MANIFEST_TOPS), st.text(max_size=200)))
@example(text="!!binary aGVsbG8=\n\xa0\n...\n")  # a value PyYAML cannot build: a problem
@example(text="- path: '*.pdf'\n  date: !!timestamp 2026-13-45\n")
def test_manifest_parser_never_raises(text: str) -> None:
    path = "pro/rnq-evidence.yaml"
    manifest, problems = parse_manifest(text, path)
    _check_problems(problems, path, text)
    for rule in manifest.rules:
        assert all(0 <= n <= 33 for n in rule.entry.indicators or ())  # 0: the certificate
        assert not rule.entry.path.startswith("/") and ".." not in rule.entry.path.split("/")
    # looking files up through it never raises either, and never matches outside its folder
    lookup = Manifests([manifest])
    assert lookup.lookup("siege/I26.pdf") is None
    lookup.lookup("pro/a/b.pdf")
    _check_problems(lookup.unused(), path, text)


@PROPERTY
@given(
    head=st.one_of(yaml_texts(st.dictionaries(st.sampled_from(KEYS), VALUES)), st.text()),
    closing=st.sampled_from(["---", "...", "", "--- ", "----"]),
    body=st.text(max_size=50),
)
def test_front_matter_parser_never_raises(head: str, closing: str, body: str) -> None:
    text = f"---\n{head}\n{closing}\n{body}"
    source, problems = parse_front_matter(text, "siege/note.md")
    _check_problems(problems, "siege/note.md", text)
    if source is not None:
        assert source.path == "siege/note.md"
        assert source.fields.declares_anything or source.fields == source.fields


# --- File names ------------------------------------------------------------------------------

SEGMENT = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="/\x00"),
    min_size=1,
    max_size=30,
)
PATHS = st.lists(SEGMENT, min_size=1, max_size=6).map("/".join)
UNITS = [
    Unit(id="siege", name="Siège", central=True),
    Unit(id="pro", name="Pro", offerings=[Offering(id="cap", title="CAP")]),
]


@PROPERTY
@given(path=PATHS)
def test_any_path_is_placed_and_mapped_without_raising(path: str) -> None:
    numbers = indicators_in_path(path)
    assert all(1 <= n <= 33 for n in numbers) and list(numbers) == sorted(set(numbers))
    day = date_in_name(path.rsplit("/", 1)[-1])
    assert day is None or 1900 <= day.year <= 2099
    placement = Layout(UNITS).place(path)
    facts = path_facts(path, placement)
    if placement.unit is not None:
        record, _problems = combine(path, placement.unit, facts, [])
        assert record.path == path
        assert record.indicators == numbers or not numbers


@PROPERTY
@given(
    number=st.integers(min_value=1, max_value=33),
    form=st.sampled_from(["I{:02d}", "I{}", "ind{}", "indicateur-{}", "Indicateur {}", "IND_{}"]),
    before=st.sampled_from(["", "pro/", "siege/2026/", "pro/cap/"]),
    after=st.sampled_from([".pdf", " programme.docx", "-2026-03-15.md", "/fiche.pdf"]),
    day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)),
)
def test_a_token_and_a_date_written_in_a_path_are_found(
    number: int, form: str, before: str, after: str, day: dt.date
) -> None:
    path = f"{before}{form.format(number)}{after}"
    assert number in indicators_in_path(path)
    name = f"{form.format(number)} compte-rendu {day.isoformat()}.pdf"
    assert date_in_name(name) == day
    assert date_in_name(f"cr-{day:%d.%m.%Y}.pdf") == day


# --- Registers -------------------------------------------------------------------------------

CELLS = st.one_of(
    st.text(alphabet=string.printable + "éèàçœ«»€’", max_size=12),
    st.sampled_from(
        ["15/03/2026", "2026-03-15", "31/02/2026", "=cmd|' /C calc'!A0", '"', ";", "\r"]
    ),
)
HEADERS = st.lists(
    st.sampled_from(["Reçue le", "Sujet", "Répondu le", "Canal", "nom", "rôle", "", "x"]),
    max_size=5,
)


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    """A CSV-ish export: maybe a header, ragged rows, a delimiter, in UTF-8 or cp1252, or noise."""
    if draw(st.integers(min_value=0, max_value=9)) == 0:
        return draw(st.binary(max_size=200))
    delimiter = draw(st.sampled_from([";", ",", "\t", "|"]))
    rows = [draw(HEADERS)] if draw(st.booleans()) else []
    rows += draw(st.lists(st.lists(CELLS, max_size=6), max_size=6))
    text = "\n".join(delimiter.join(row) for row in rows) + draw(st.sampled_from(["", "\n"]))
    encoding = draw(st.sampled_from(["utf-8", "cp1252", "utf-8-sig"]))
    return text.encode(encoding, errors="replace")


def _context(root: Path) -> CollectContext:
    config = WorkspaceConfig.model_validate(yaml.safe_load(CONFIG))
    workspace = Workspace(root=root.resolve(), config=config, lines={})
    return CollectContext(workspace=workspace, unit=config.units[1], name="crm-complaints")


@PROPERTY
@given(data=csv_bytes())
def test_register_reader_never_raises(data: bytes, tmp_path: Path) -> None:
    export = tmp_path / "pro" / "export.csv"
    export.parent.mkdir(parents=True, exist_ok=True)
    export.write_bytes(data)
    context = _context(tmp_path)
    table = read_table(context, export)
    assert table.relative == "pro/export.csv"
    if table.readable:
        assert len(table.lines) == len(table.rows)
        assert list(table.lines) == sorted(table.lines)
        width = len(table.header)
        for line, row in table.data():
            assert len(row) >= width and line >= 1
        match_columns(table.header, {"date": ["Reçue le"], "objet": ["Sujet", "objet"]})
        for row in table.rows:
            for cell in row:
                with contextlib.suppress(ValueError):
                    parse_date(cell)
    else:
        assert [p.path for p in context.problems] == ["pro/export.csv"]


@PROPERTY
@given(text=st.text(max_size=40))
def test_register_dates_and_headers_never_raise_otherwise(text: str) -> None:
    normalize(text)
    try:
        day = parse_date(text)
    except ValueError:
        return
    assert day is None or isinstance(day, dt.date)
