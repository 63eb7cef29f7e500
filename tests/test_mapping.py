"""Mapping evidence files (SPEC §3): tokens, kinds, dates, front matter, manifests, precedence."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from rnq.collect.enrich import apply_extraction
from rnq.collect.evidence import Evidence
from rnq.collect.mapping import (
    Layout,
    Manifests,
    PathFacts,
    Source,
    combine,
    date_in_name,
    dates_in_name,
    indicator_tokens,
    indicators_in_path,
    parse_front_matter,
    parse_manifest,
    path_facts,
    unmapped,
    unmapped_reason,
)
from rnq.extract import Extraction
from rnq.text import Localized
from rnq.workspace import kinds
from rnq.workspace.config import Offering, Unit
from rnq.workspace.kinds import (
    _VocabularyData,
    default_indicators,
    freshness_months,
    infer_kind,
    infer_kind_and_stakeholder,
    infer_stakeholder,
    kind_ids,
    name_shape,
    vocabulary,
    words,
)
from rnq.workspace.manifests import FrontMatter, ManifestEntry

# --- Indicator tokens ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("segment", "expected"),
    [
        ("I01", (1,)),
        ("I1", (1,)),
        ("i26-handicap.pdf", (26,)),
        ("ind26", (26,)),
        ("IND-12 suivi", (12,)),
        ("Ind.5", (5,)),
        ("indicateur-26", (26,)),
        ("Indicateur 26", (26,)),
        ("Indicateurs_30", (30,)),
        ("indicateur n°7", (7,)),
        ("Indicateur N° 8", (8,)),
        ("indicator_5", (5,)),
        ("Indicator 33", (33,)),
        ("indic-21", (21,)),
        ("I01-I26 Indicateur 30.pdf", (1, 26, 30)),
        ("I26_I26", (26,)),
        ("2026-I31_reclamations", (31,)),
    ],
)
def test_indicator_tokens(segment: str, expected: tuple[int, ...]) -> None:
    assert indicator_tokens(segment) == expected


@pytest.mark.parametrize(
    "segment",
    [
        "wifi1",  # inside a word
        "mini2-guide",
        "bind26",
        "I34",  # out of range
        "I0",
        "I00",
        "ind-40",
        "I2026",  # a year, not indicator 20
        "2026-01-15",
        "20260115",
        "I-2",  # a bare I must touch its number (« annexe I-2 »)
        "i18n",  # followed by a letter: a word, not a token
        "I1a",
        "indemnites-2",
        "programme.pdf",
    ],
)
def test_not_indicator_tokens(segment: str) -> None:
    assert indicator_tokens(segment) == ()


def test_indicators_in_every_path_segment_sorted() -> None:
    assert indicators_in_path("pro/I31-reclamations/2026/I30 enquete.pdf") == (30, 31)
    assert indicators_in_path("pro/cap/programme.pdf") == ()


@given(st.text())
def test_indicator_tokens_never_crash_and_stay_in_range(text: str) -> None:
    found = indicator_tokens(text)
    assert all(1 <= n <= 33 for n in found)
    assert len(set(found)) == len(found)


@given(
    st.integers(1, 33),
    st.sampled_from(["I", "I0", "ind", "Ind-", "indicateur ", "Indicateur-", "indicator_"]),
)
def test_every_indicator_token_form_is_found(number: int, prefix: str) -> None:
    assert indicator_tokens(f"x-{prefix}{number}-y") == (number,)


@given(st.integers(1, 33), st.text(alphabet="abcdefghijklmnopqrstuvwxyzé0123456789", min_size=1))
def test_tokens_glued_to_a_word_are_not_indicators(number: int, word: str) -> None:
    assert indicator_tokens(f"{word}I{number}") == ()
    assert indicator_tokens(f"I{number}{word[0]}") == () or word[0].isdigit()


# --- Dates in file names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("veille-2026-03-15.pdf", dt.date(2026, 3, 15)),
        ("CR_20260315.docx", dt.date(2026, 3, 15)),
        ("enquete 15-03-2026.xlsx", dt.date(2026, 3, 15)),
        ("note.15.03.2026.md", dt.date(2026, 3, 15)),
        ("2026_03_15-comite.pdf", dt.date(2026, 3, 15)),
        ("5-3-2026 reunion.pdf", dt.date(2026, 3, 5)),
        ("bilan-2025-01-01-au-2025-12-31.pdf", dt.date(2025, 12, 31)),  # the latest
        ("2024-02-29.pdf", dt.date(2024, 2, 29)),
    ],
)
def test_date_in_name(name: str, expected: dt.date) -> None:
    assert date_in_name(name) == expected


@pytest.mark.parametrize(
    "name",
    [
        "2026-02-30.pdf",  # impossible
        "2025-02-29.pdf",
        "31-04-2026.pdf",
        "2026-13-01.pdf",
        "20261301.pdf",
        "2026-03.pdf",  # not a full date
        "rapport-2026.pdf",
        "2026-03_15.pdf",  # mixed separators
        "120260315.pdf",  # nine digits: an id, not a date
        "tel-0612345678.pdf",
        "1850-01-01.pdf",
    ],
)
def test_no_date_in_name(name: str) -> None:
    assert date_in_name(name) is None


def test_a_ymd_date_is_not_read_again_as_dmy() -> None:
    assert dates_in_name("2026-01-02-2026-05-06") == [dt.date(2026, 1, 2), dt.date(2026, 5, 6)]


@given(st.text())
def test_dates_in_name_never_crash(text: str) -> None:
    for day in dates_in_name(text):
        assert 1900 <= day.year <= 2099


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_every_date_format_is_read(day: dt.date) -> None:
    for text in (
        day.isoformat(),
        day.strftime("%Y%m%d"),
        day.strftime("%d-%m-%Y"),
        day.strftime("%d.%m.%Y"),
    ):
        assert date_in_name(f"doc_{text}.pdf") == day


# --- Kinds -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Programme CAP Fleuriste.pdf", "programme"),
        ("fiche-formation-anglais.pdf", "programme"),
        ("Fiche_Programme.docx", "programme"),
        ("plaquette 2026.pdf", "programme"),
        ("Résultats 2025.pdf", "resultats"),
        ("taux-de-satisfaction-2025.pdf", "resultats"),
        ("fiche-RNCP.pdf", "certification"),
        ("Analyse des besoins - Dupont.docx", "analyse-besoin"),
        ("test-de-positionnement.pdf", "positionnement"),
        ("evaluation-diagnostique.pdf", "positionnement"),
        ("Évaluation finale.pdf", "evaluation"),
        ("attestation de fin de formation.pdf", "evaluation"),
        ("Livret d'accueil.pdf", "livret-accueil"),
        ("LivretAccueilStagiaire.pdf", "livret-accueil"),
        ("Règlement intérieur.pdf", "reglement-interieur"),
        ("suivi-pedagogique.xlsx", "suivi"),
        ("Feuille de présence.pdf", "emargement"),
        ("emargements-mars.pdf", "emargement"),
        ("moyens-techniques.pdf", "moyens"),
        ("organigramme.pdf", "coordination"),
        ("ressources-pedagogiques.pdf", "ressources"),
        ("CV Dupont.pdf", "cv"),
        ("curriculum_vitae.pdf", "cv"),
        ("cv-formateurs.zip", "cv"),
        ("registre des formateurs.xlsx", "registre-intervenants"),
        ("Plan de développement des compétences 2026.xlsx", "plan-competences"),
        ("veille-legale.md", "veille-legale"),
        ("Veille réglementaire T1.pdf", "veille-legale"),
        ("veille_metiers.pdf", "veille-metiers"),
        ("veille-pedagogique.md", "veille-pedagogique"),
        ("Référent handicap.pdf", "handicap"),
        ("contrat-sous-traitance-ABC.pdf", "contrat-sous-traitance"),
        ("convention de partenariat.pdf", "partenariat"),
        ("enquete.xlsx", "enquete-satisfaction"),
        ("Questionnaire de satisfaction.pdf", "enquete-satisfaction"),
        ("evaluation-a-chaud.xlsx", "enquete-satisfaction"),  # the longest phrase wins
        ("Réclamations 2026.xlsx", "reclamations"),
        ("plaintes.csv", "reclamations"),
        ("procedure-reclamations.pdf", "reclamations"),  # a generic kind yields
        ("plan-amelioration.xlsx", "amelioration"),
        ("analyse des risques.xlsx", "analyse-risques"),
        ("procédure qualité.pdf", "procedure"),
        ("certificat-qualiopi.png", "affichage-certificat"),
        ("attestation sur l'honneur.pdf", "attestation"),
    ],
)
def test_infer_kind(name: str, kind: str) -> None:
    assert infer_kind(name) == kind


@pytest.mark.parametrize("name", ["scan0001.pdf", "veille.md", "notes.txt", "wifi.pdf", ""])
def test_no_kind_inferred(name: str) -> None:
    assert infer_kind(name) is None


def test_words_normalise_accents_case_separators_and_plurals() -> None:
    assert words("FeuilleDePrésence_2026.pdf") == ("feuille", "presence", "2026", "pdf")
    assert words("Réclamations") == words("reclamation")
    assert words("Curriculum Vitæ") == ("curriculum", "vitae")


def test_the_vocabulary_has_no_digit_word_so_names_of_one_shape_infer_alike() -> None:
    """``infer_kind`` and ``infer_stakeholder`` look a name up by its shape (digit runs written
    ``0``): right only while no phrase of ``kinds.yaml`` has a digit word."""
    assert vocabulary().digit_blind
    assert name_shape("I01-programme-2025-02-22-08778.md") == "I0-programme-0-0-0-0.md"
    assert infer_kind("I01-programme-2025-02-22-08778") == "programme"


@given(st.text(alphabet=st.sampled_from("abcenqutAZé œ-_.0123456789²½①sS"), max_size=30))
def test_inference_by_shape_is_inference_of_the_name(name: str) -> None:
    """A name's shape has the same words, but for the digits of its digit words."""
    vocab = vocabulary()
    assert infer_kind_and_stakeholder(name) == (
        vocab.infer_kind(name),
        vocab.infer_stakeholder(name),
    )
    assert (infer_kind(name), infer_stakeholder(name)) == infer_kind_and_stakeholder(name)
    shaped, plain = words(name_shape(name)), words(name)
    assert [w if not w.isdigit() else "0" for w in shaped] == [
        w if not w.isdigit() else "0" for w in plain
    ]


def _words_the_unicode_way(text: str) -> tuple[str, ...]:
    text = kinds._CAMEL.sub(" ", text.translate(kinds._LIGATURES))
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return tuple(
        kinds._stem(w) for w in kinds._ALNUM.findall(ascii_text) if w not in kinds.STOPWORDS
    )


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_words_of_ascii_text_skip_the_unicode_steps_with_the_same_result(text: str) -> None:
    assert words(text) == _words_the_unicode_way(text)


@pytest.mark.parametrize(
    ("name", "stakeholder"),
    [
        ("enquete-stagiaires.xlsx", "apprenants"),
        ("Enquête satisfaction financeurs.pdf", "financeurs"),
        ("questionnaire-formateurs.pdf", "equipes"),
        ("enquete-entreprises-2025.pdf", "entreprises"),
        ("enquete.pdf", None),
    ],
)
def test_infer_stakeholder(name: str, stakeholder: str | None) -> None:
    assert infer_stakeholder(name) == stakeholder


DEFAULTS = {
    "programme": (1,),
    "resultats": (2,),
    "certification": (3,),
    "analyse-besoin": (4,),
    "positionnement": (8,),
    "evaluation": (11,),
    "livret-accueil": (9,),
    "reglement-interieur": (9,),
    "suivi": (10, 12),
    "moyens": (17,),
    "coordination": (18,),
    "ressources": (19,),
    "cv": (21,),
    "registre-intervenants": (21,),
    "plan-competences": (22,),
    "veille-legale": (23,),
    "veille-metiers": (24,),
    "veille-pedagogique": (25,),
    "handicap": (26,),
    "contrat-sous-traitance": (27,),
    "partenariat": (28,),
    "enquete-satisfaction": (30,),
    "reclamations": (31,),
    "amelioration": (32,),
    "analyse-risques": (32,),
    "procedure": (),
    "emargement": (),
    "attestation": (),
    "affichage-certificat": (0,),  # the certificate-display obligation
}


def test_vocabulary_covers_every_kind_with_labels_and_defaults() -> None:
    vocab = vocabulary()
    assert tuple(vocab.kinds) == kind_ids()
    assert set(DEFAULTS) == set(kind_ids())
    for kind in kind_ids():
        info = vocab.kind(kind)
        assert info.label.fr and info.label.en and info.words
        assert default_indicators(kind) == DEFAULTS[kind], kind
    assert default_indicators(None) == ()
    assert default_indicators("inconnu") == ()


def test_freshness_defaults_and_overrides() -> None:
    for kind in ("resultats", "veille-legale", "veille-metiers", "veille-pedagogique"):
        assert freshness_months(kind) == 12
    assert freshness_months("enquete-satisfaction") == 12
    assert freshness_months("programme") is None
    assert freshness_months(None) is None
    assert freshness_months("resultats", {"resultats": 6}) == 6
    assert freshness_months("programme", {"programme": 24}) == 24


def test_vocabulary_data_is_strict() -> None:
    good = {
        "kinds": {
            k: {"label": {"fr": k, "en": k}, "words": [k.replace("-", " ")]} for k in kind_ids()
        },
        "stakeholders": {
            "apprenants": ["a1"],
            "financeurs": ["f"],
            "equipes": ["e"],
            "entreprises": ["x"],
        },
    }
    _VocabularyData.model_validate(good)
    with pytest.raises(ValidationError):
        _VocabularyData.model_validate({**good, "colour": 1})
    bad_kind = {
        **good,
        "kinds": {
            **good["kinds"],
            "programme": {"label": {"fr": "p", "en": "p"}, "words": ["p"], "weight": 2},
        },
    }
    with pytest.raises(ValidationError):
        _VocabularyData.model_validate(bad_kind)
    with pytest.raises(ValidationError):  # the vocabulary is kinds.yaml alone: never empty
        _VocabularyData.model_validate({**good, "kinds": {}})


# --- Front matter ----------------------------------------------------------------------------


def test_front_matter_read_with_bom_and_dots_close() -> None:
    text = "\ufeff---\nindicators: [26, 30]\nkind: handicap\ndate: 2026-01-10\n"
    text += "title: Note\n...\n# Body\n"
    source, problems = parse_front_matter(text, "siege/note.md")
    assert problems == []
    assert source is not None and source.mapped_by == "front_matter"
    assert isinstance(source.fields, FrontMatter)
    assert source.fields.indicators == [26, 30]
    assert source.fields.kind == "handicap"
    assert source.fields.date == dt.date(2026, 1, 10)


@pytest.mark.parametrize(
    "text", ["# Title\n---\nkind: cv\n---\n", "", "\n---\nkind: cv\n---\n", "---\n---\n"]
)
def test_no_front_matter(text: str) -> None:
    assert parse_front_matter(text, "a.md") == (None, [])


def test_a_single_indicator_and_an_iso_string_date_are_accepted() -> None:
    source, problems = parse_front_matter("---\nindicators: 26\ndate: '2026-01-10'\n---\n", "a.md")
    assert problems == [] and source is not None
    assert source.fields.indicators == [26]
    assert source.fields.date == dt.date(2026, 1, 10)


@pytest.mark.parametrize(
    ("yaml", "line", "fragment"),
    [
        ("kind: cv\ncolour: blue\n", 3, "colour"),  # unknown key, line of the file
        ("indicators: [26, 40]\n", 2, "indicators"),  # out of range
        ("indicators: [true]\n", 2, "indicators"),
        ("indicators: []\n", 2, "indicators"),
        ("date: 15/03/2026\n", 2, "date"),
        ("date: 20260315\n", 2, "date"),  # not a timestamp
        ("note: [a, b]\n", 2, "note"),
        ("kind: handicp\n", 2, "handicap"),  # outside the vocabulary, with a suggestion
        ("stakeholder: clients\n", 2, "stakeholder"),
        ("kind: cv\nkind: cv\n", 3, "double"),  # duplicate key
        ("kind: [unclosed\n", None, "YAML"),
        ("obj: !!python/object:os.system {}\n", 2, "YAML"),
        ("- a\n- b\n", 2, "table"),
    ],
)
def test_front_matter_errors_name_the_line(yaml: str, line: int | None, fragment: str) -> None:
    source, problems = parse_front_matter(f"---\n{yaml}---\nbody\n", "pro/note.md")
    assert source is None
    assert len(problems) == 1
    problem = problems[0]
    assert problem.path == "pro/note.md"
    if line is not None:
        assert problem.line == line
    assert fragment in problem.message.fr or fragment in problem.message.en


def test_front_matter_not_closed() -> None:
    source, problems = parse_front_matter("---\nkind: cv\n", "a.md")
    assert source is None and problems[0].line == 1 and "closed" in problems[0].message.en


# --- Manifests -------------------------------------------------------------------------------

MANIFEST = """\
- path: "cap-*/programme*.pdf"
  indicators: [1]
  kind: programme
- path: "**/*.pdf"
  indicators: [19]
- path: archives/
  kind: procedure
"""


def test_manifest_globs_are_relative_to_its_folder_and_first_match_wins() -> None:
    manifest, problems = parse_manifest(MANIFEST, "pro/rnq-evidence.yaml")
    assert problems == []
    assert manifest.folder == "pro"

    def kind_of(path: str) -> object:
        rule = manifest.match(path)
        return None if rule is None else (rule.index, rule.entry.kind)

    assert kind_of("pro/cap-x/programme-2026.pdf") == (0, "programme")  # first wins over **
    assert kind_of("pro/cap-x/autre.pdf") == (1, None)
    assert kind_of("pro/a/b/c.pdf") == (1, None)
    assert kind_of("pro/archives/x/y.txt") == (2, "procedure")  # trailing / = everything under
    assert kind_of("pro/cap-x/programme.docx") is None
    assert kind_of("siege/cap-x/programme.pdf") is None  # outside the manifest's folder
    assert kind_of("programme.pdf") is None


def test_manifest_glob_without_slash_stays_in_its_folder() -> None:
    manifest, _ = parse_manifest("- path: '*.pdf'\n  kind: cv\n", "rnq-evidence.yaml")
    assert manifest.folder == ""
    assert manifest.match("a.pdf") is not None
    assert manifest.match("sub/a.pdf") is None


@pytest.mark.parametrize(
    "glob", ["../secret.pdf", "a/../../b.pdf", "/etc/passwd", "C:/x.pdf", "..\\x.pdf", ".."]
)
def test_manifest_globs_leaving_the_workspace_are_refused(glob: str) -> None:
    text = f"- path: {glob!r}\n  kind: cv\n- path: '*.pdf'\n  kind: programme\n"
    manifest, problems = parse_manifest(text, "pro/rnq-evidence.yaml")
    assert len(problems) == 1
    assert problems[0].path == "pro/rnq-evidence.yaml" and problems[0].line == 1
    assert "workspace" in problems[0].message.en
    assert [rule.entry.kind for rule in manifest.rules] == ["programme"]
    for path in ("secret.pdf", "b.pdf", "x.pdf", "etc/passwd", "pro/../secret.pdf"):
        rule = manifest.match(path)
        assert rule is None or rule.entry.kind == "programme"


def test_bad_manifest_entries_are_skipped_with_file_and_line() -> None:
    text = """\
- path: a.pdf
  kind: cv
- path: b.pdf
  indicator: [26]
- path: c.pdf
  indicators: "vingt-six"
- path: d.pdf
  kind: handicp
- just a string
- kind: cv
- path: e.pdf
  date: 2026-02
"""
    manifest, problems = parse_manifest(text, "siege/rnq-evidence.yaml")
    assert [rule.entry.path for rule in manifest.rules] == ["a.pdf"]
    assert {p.path for p in problems} == {"siege/rnq-evidence.yaml"}
    lines = [p.line for p in problems]
    assert lines == [4, 6, 8, 9, 10, 12]
    assert "indicator" in problems[0].message.en and "indicators" in problems[0].message.en
    assert "handicap" in problems[2].message.fr  # did you mean
    assert "path" in problems[4].message.en  # missing path


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("a: 1\n", "list"), ("- [unclosed\n", "YAML"), ("- !!python/object:os.system {}\n", "tag")],
)
def test_invalid_manifests_yield_no_rules(text: str, fragment: str) -> None:
    manifest, problems = parse_manifest(text, "rnq-evidence.yaml")
    assert manifest.rules == ()
    assert len(problems) == 1 and fragment in problems[0].message.en
    assert problems[0].line is not None


def test_an_impossible_yaml_date_is_a_problem_not_a_crash() -> None:
    manifest, problems = parse_manifest("- path: a.pdf\n  date: 2026-02-30\n", "rnq-evidence.yaml")
    assert manifest.rules == () and len(problems) == 1
    assert "impossible date '2026-02-30'" in problems[0].message.en
    source, problems = parse_front_matter("---\ndate: 2026-02-30\n---\n", "a.md")
    assert source is None and len(problems) == 1


def test_empty_manifest() -> None:
    manifest, problems = parse_manifest("# nothing yet\n", "rnq-evidence.yaml")
    assert manifest.rules == () and problems == []


def test_nearest_manifest_with_a_matching_entry_wins_and_unused_entries_are_reported() -> None:
    root, _ = parse_manifest(
        "- path: '**/*.pdf'\n  kind: cv\n- path: nothing*\n", "rnq-evidence.yaml"
    )
    near, _ = parse_manifest("- path: '*.pdf'\n  kind: programme\n", "pro/cap/rnq-evidence.yaml")
    manifests = Manifests([root, near])
    found = manifests.lookup("pro/cap/a.pdf")
    assert found is not None and found.fields.kind == "programme"
    assert found.path == "pro/cap/rnq-evidence.yaml" and found.mapped_by == "manifest"
    farther = manifests.lookup("pro/cap/sub/b.pdf")  # the nearer manifest has no match
    assert farther is not None and farther.fields.kind == "cv"
    assert manifests.lookup("pro/cap/notes.txt") is None
    unused = manifests.unused()
    assert [(p.path, p.line) for p in unused] == [("rnq-evidence.yaml", 3)]


# --- Units and offerings ---------------------------------------------------------------------

SIEGE = Unit(id="siege", name="Siège", path="siege", central=True)
PRO = Unit(
    id="pro",
    name="Pro",
    path="pro",
    offerings=[
        Offering(id="cap-fleuriste", title="CAP"),
        Offering(id="paie", title="Paie", path="offres/paie-2026"),
    ],
)
ALT = Unit(id="alt", name="Alternance", path="pro/alternance")


@pytest.mark.parametrize(
    ("path", "unit", "offering", "depth"),
    [
        ("siege/veille.pdf", "siege", None, 1),
        ("pro/programme.pdf", "pro", None, 1),
        ("pro/cap-fleuriste/programme.pdf", "pro", "cap-fleuriste", 2),
        ("pro/cap-fleuriste/sub/x.pdf", "pro", "cap-fleuriste", 2),
        ("pro/offres/paie-2026/x.pdf", "pro", "paie", 3),
        ("pro/paie/x.pdf", "pro", None, 1),  # the offering's path replaces its id
        ("pro/alternance/contrat.pdf", "alt", None, 2),  # the longest unit folder wins
        ("pro-bis/x.pdf", "siege", None, 0),  # a prefix of characters is not a folder
        ("README.md", "siege", None, 0),  # outside every unit: the central unit
    ],
)
def test_layout_places_files(path: str, unit: str, offering: str | None, depth: int) -> None:
    placement = Layout([SIEGE, PRO, ALT]).place(path)
    assert placement.unit is not None and placement.unit.id == unit
    assert (placement.offering, placement.depth) == (offering, depth)


def test_outside_every_unit_without_a_single_central_unit() -> None:
    assert Layout([PRO]).place("README.md").unit is None
    other = Unit(id="autre", name="Autre", path="autre", central=True)
    assert Layout([SIEGE, other]).place("README.md").unit is None


def test_unit_default_folder_is_its_id() -> None:
    placement = Layout([Unit(id="langues", name="Langues")]).place("langues/a.pdf")
    assert placement.unit is not None and placement.unit.id == "langues"


# --- Path facts ------------------------------------------------------------------------------


def test_path_facts() -> None:
    placement = Layout([SIEGE, PRO]).place("pro/cap-fleuriste/I08/fiche-formation-2026-01-05.pdf")
    facts = path_facts("pro/cap-fleuriste/I08/fiche-formation-2026-01-05.pdf", placement)
    assert facts == PathFacts(
        indicators=(8,), kind="programme", date=dt.date(2026, 1, 5), offering="cap-fleuriste"
    )


def test_kind_from_the_nearest_folder_inside_the_unit_only() -> None:
    layout = Layout([SIEGE, Unit(id="sco", name="Scolaire", path="programmes-scolaires")])
    path = "siege/veille-legale/2026/note.pdf"
    assert path_facts(path, layout.place(path)).kind == "veille-legale"
    path = "siege/enquetes/stagiaires/2025.xlsx"
    facts = path_facts(path, layout.place(path))
    assert (facts.kind, facts.stakeholder) == ("enquete-satisfaction", "apprenants")
    # the unit's own folder name does not make every file in it a programme
    path = "programmes-scolaires/notes.txt"
    assert path_facts(path, layout.place(path)).kind is None


# --- Precedence (SPEC §3: the most specific source wins, field by field) ----------------------


def _manifest(**fields: object) -> Source:
    entry = ManifestEntry.model_validate({"path": "*", **fields})
    return Source("manifest", entry, "pro/rnq-evidence.yaml", {("offering",): 7})


def _front(**fields: object) -> Source:
    return Source(
        "front_matter", FrontMatter.model_validate(fields), "pro/x.md", {("offering",): 3}
    )


FACTS = PathFacts(indicators=(8,), kind="positionnement", date=dt.date(2025, 1, 1), offering="paie")


def test_path_alone() -> None:
    evidence, problems = combine("pro/x.md", PRO, FACTS)
    assert problems == []
    assert evidence == Evidence(
        path="pro/x.md",
        unit="pro",
        indicators=(8,),
        kind="positionnement",
        date=dt.date(2025, 1, 1),
        offering="paie",
        mapped_by="path",
    )


def test_front_matter_beats_the_path() -> None:
    front = _front(
        indicators=[26], kind="handicap", date=dt.date(2026, 2, 1), offering="cap-fleuriste"
    )
    evidence, _ = combine("pro/x.md", PRO, FACTS, [front])
    assert evidence.indicators == (26,)
    assert evidence.kind == "handicap"
    assert evidence.date == dt.date(2026, 2, 1)
    assert evidence.offering == "cap-fleuriste"
    assert evidence.mapped_by == "front_matter"


def test_manifest_beats_front_matter() -> None:
    manifest = _manifest(indicators=[30], kind="enquete-satisfaction", date=dt.date(2026, 3, 1))
    front = _front(indicators=[26], kind="handicap", date=dt.date(2026, 2, 1))
    evidence, _ = combine("pro/x.md", PRO, FACTS, [manifest, front])
    assert (evidence.indicators, evidence.kind, evidence.date) == (
        (30,),
        "enquete-satisfaction",
        dt.date(2026, 3, 1),
    )
    assert evidence.mapped_by == "manifest"


def test_field_by_field_the_first_source_that_gives_it() -> None:
    manifest = _manifest(kind="cv", by="Direction qualité")
    front = _front(date=dt.date(2026, 2, 1), note="vu en comité", valid_until=dt.date(2027, 1, 1))
    evidence, _ = combine("pro/x.md", PRO, FACTS, [manifest, front])
    assert evidence.kind == "cv"  # manifest
    assert evidence.by == "Direction qualité"  # manifest
    assert evidence.date == dt.date(2026, 2, 1)  # front matter
    assert evidence.note == "vu en comité" and evidence.valid_until == dt.date(2027, 1, 1)
    assert evidence.indicators == (8,)  # the path's token
    assert evidence.offering == "paie"  # the path's folder
    assert evidence.mapped_by == "manifest"


def test_kind_falls_back_to_inference() -> None:
    evidence, _ = combine("pro/x.md", PRO, FACTS, [_manifest(indicators=[4])])
    assert evidence.kind == "positionnement" and evidence.indicators == (4,)


def test_indicators_fall_back_to_the_kinds_defaults() -> None:
    no_tokens = PathFacts(kind="suivi")
    evidence, _ = combine("pro/suivi.pdf", PRO, no_tokens)
    assert evidence.indicators == (10, 12)
    # a declared kind brings its own defaults, even over an inferred kind
    evidence, _ = combine("pro/suivi.pdf", PRO, no_tokens, [_front(kind="moyens")])
    assert evidence.indicators == (17,)


def test_path_tokens_beat_the_kinds_defaults() -> None:
    evidence, _ = combine("pro/I22/cv.pdf", PRO, PathFacts(indicators=(22,), kind="cv"))
    assert evidence.indicators == (22,)


def test_no_indicator_anywhere_is_unmapped_with_a_reason() -> None:
    evidence, _ = combine("pro/procedure.pdf", PRO, PathFacts(kind="procedure"))
    assert evidence.indicators == ()
    assert "procedure" in unmapped_reason(evidence).en
    evidence, _ = combine("pro/scan.pdf", PRO, PathFacts())
    assert "no indicator" in unmapped_reason(evidence).en
    assert "unit" in unmapped_reason(unmapped("README.md")).en
    plugin = Evidence(path="crm:1", unit="pro", collector="crm")
    assert "crm" in unmapped_reason(plugin).fr


def test_stakeholder_inferred_only_for_surveys() -> None:
    survey = PathFacts(kind="enquete-satisfaction", stakeholder="apprenants")
    assert combine("pro/e.pdf", PRO, survey)[0].stakeholder == "apprenants"
    other = PathFacts(kind="cv", stakeholder="equipes")
    assert combine("pro/cv-formateurs.pdf", PRO, other)[0].stakeholder is None
    declared = combine("pro/e.pdf", PRO, survey, [_manifest(stakeholder="financeurs")])[0]
    assert declared.stakeholder == "financeurs"


def test_an_offering_of_another_unit_is_a_problem_and_ignored() -> None:
    evidence, problems = combine("pro/x.md", PRO, FACTS, [_manifest(offering="daefle")])
    assert evidence.offering == "paie"  # falls back to the next source
    assert len(problems) == 1
    assert (problems[0].path, problems[0].line) == ("pro/rnq-evidence.yaml", 7)
    assert "daefle" in problems[0].message.fr and "pro" in problems[0].message.en
    evidence, problems = combine(
        "pro/x.md", PRO, FACTS, [_manifest(offering="daefle"), _front(offering="cap-fleuriste")]
    )
    assert evidence.offering == "cap-fleuriste" and len(problems) == 1


def test_an_empty_source_does_not_count() -> None:
    evidence, _ = combine("pro/x.md", PRO, FACTS, [_front(title="Note")])
    assert evidence.mapped_by == "path"


# --- Enrichment after text extraction --------------------------------------------------------


def test_apply_extraction() -> None:
    evidence = Evidence(path="pro/a.pdf", unit="pro", indicators=(1,))
    read = apply_extraction(
        evidence, Extraction(status="ok", text="Objectifs", doc_date=dt.date(2026, 1, 2))
    )
    assert (read.read, read.text, read.date, read.usable) == (
        "ok",
        "Objectifs",
        dt.date(2026, 1, 2),
        True,
    )
    dated = evidence.model_copy(update={"date": dt.date(2025, 6, 1)})
    assert apply_extraction(
        dated, Extraction(status="ok", doc_date=dt.date(2026, 1, 2))
    ).date == dt.date(2025, 6, 1)
    failed = apply_extraction(evidence, Extraction.error("PDF chiffré", "encrypted PDF"))
    assert failed.read == "error" and failed.text is None
    assert failed.problem == Localized(fr="PDF chiffré", en="encrypted PDF")
    rows = apply_extraction(evidence, Extraction(status="ok", rows=(("a", "b"),)))
    assert rows.rows == (("a", "b"),)
    assert apply_extraction(evidence, Extraction(status="no_text")).read == "no_text"
