"""``rnq init``: scaffold a new workspace — a commented ``rnq.yaml`` and one folder per criterion
and indicator, each with a ``README.md`` saying what to drop there (SPEC §6).

The folders carry the indicator number (``siege/critere-1/I01-information-du-public/``), so any
file dropped in one maps to its indicator. The ``README.md`` files are help, not evidence: the
generated ``rnq.yaml`` ignores them. Nothing is ever deleted; an existing ``rnq.yaml`` is kept
unless ``force`` is given, and existing ``README.md`` files likewise.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from rnq.errors import UsageError
from rnq.referential.loader import Condition, Indicator, Referential, get_referential
from rnq.text import Lang, Localized, pick

__all__ = ["REFERENTIAL", "indicator_folder", "init_workspace", "rnq_yaml_text"]

#: The referential the skeleton follows: the one in force for audits from 1 November 2026.
REFERENTIAL = "rnq-2026"
CONFIG_NAME = "rnq.yaml"
CENTRAL = "siege"

_RNQ_YAML = {
    "fr": """\
# Espace de preuves rnq, créé par « rnq init ». Le format complet : docs/workspace.md ;
# le schéma pour votre éditeur : « rnq schema ». Lancez « rnq check » dans ce dossier.
version: 1
organization:
  name: "Mon organisme de formation"    # à remplacer par la raison sociale
  # nda: "11 75 00000 75"               # numéro de déclaration d'activité (facultatif)
categories: [AF]                        # AF, BC, VAE, CFA : les catégories d'actions certifiées
activity:                               # valeurs par défaut : à adapter
  certifying: false       # une prestation mène à une certification RNCP ou RS (3, 7, 16)
  alternance: false       # formations en alternance (indicateur 13)
  work_situation: false   # périodes en situation de travail : alternance, stages, AFEST (28)
  subcontracting: false   # recours à la sous-traitance (27)
  portage: false          # recours au portage salarial (27)
  long_trainings: true    # des formations de plus de deux jours (12)
  new_entrant: false      # nouvel entrant, ou une liste de catégories, ex. [CFA]
facts:                    # ce dont dépendent les exigences sous condition (docs/workspace.md) ;
                          # un fait non déclaré rend l'exigence « à confirmer », jamais une NC
  modality: presential    # presential | distance | blended : assistance à distance (19)
  solo_trainer: false     # un formateur indépendant qui exerce seul (18)
  welcomes_disabled: true # accueil de personnes en situation de handicap (26)
  # funded_by: [company, opco, cpf]  # individual, cpf, company, opco, region, france_travail,
  #                                  # state, agefiph, other : financeurs (4, 30)
  # presents_candidates: true        # vous inscrivez vous-même les candidats aux épreuves (16)
  # minors: false                    # des apprentis mineurs (CFA, 15)
# not_applicable:         # indicateur : justification (obligatoire)
#   27: "Aucun recours à la sous-traitance ni au portage salarial."
audit:
  type: initial           # initial | surveillance | renewal
  # date: 2027-03-15      # la date d'audit choisit la version du référentiel
  # certified_on: 2024-01-20
  # previous_nc:          # NC notifiées au dernier audit
  #   - {indicator: 31, level: minor, notified: 2025-06-20}
units:
  - id: siege
    name: "Siège"
    path: siege
    central: true         # ses preuves valent pour toutes les unités
    # owner: "Direction qualité"
    # offerings:          # une prestation = un dossier siege/<id>/ (indicateurs 1, 3 à 8, 16)
    #   - {id: ma-formation, title: "Ma formation", category: AF}
  # - id: pro             # une unité opérationnelle, avec son dossier pro/
  #   name: "Pôle formation professionnelle"
  #   owner: "Correspondante qualité"
owners:
  default: "Direction qualité"          # qui corrige les écarts
  # indicators: {26: "Référente handicap"}
# checks: [checks]        # vos propres vérifications (du code : elles ne tournent que listées ici)
# waivers: waivers.yaml   # écarts acceptés, justifiés et datés
ignore:
  - "**/~$*"
  - "**/.~lock.*#"
  - "**/._*"
  - "**/__MACOSX/"
  - "**/.DS_Store"
  - "**/Thumbs.db"
  - "**/desktop.ini"
  - "**/README.md"        # les fiches d'aide créées par rnq init ne sont pas des preuves
""",
    "en": """\
# rnq evidence workspace, created by "rnq init". Full format: docs/workspace.md;
# the schema for your editor: "rnq schema". Run "rnq check" in this folder.
version: 1
organization:
  name: "My training organisation"      # replace with the legal name
  # nda: "11 75 00000 75"               # activity declaration number (optional)
categories: [AF]                        # AF, BC, VAE, CFA: the certified categories of actions
activity:                               # defaults: adapt them
  certifying: false       # an offering leads to an RNCP or RS certification (indicators 3, 7, 16)
  alternance: false       # work-study trainings (indicator 13)
  work_situation: false   # periods in a work situation: work-study, internships, AFEST (28)
  subcontracting: false   # the provider subcontracts (27)
  portage: false          # the provider uses wage portage (27)
  long_trainings: true    # some trainings last over two days (12)
  new_entrant: false      # new entrant, or a list of categories, e.g. [CFA]
facts:                    # what conditional requirements depend on (docs/workspace.md);
                          # a fact left undeclared makes the requirement "to confirm", never an NC
  modality: presential    # presential | distance | blended: remote assistance (19)
  solo_trainer: false     # an independent trainer working alone (18)
  welcomes_disabled: true # people with disabilities are welcomed (26)
  # funded_by: [company, opco, cpf]  # individual, cpf, company, opco, region, france_travail,
  #                                  # state, agefiph, other: the funders (4, 30)
  # presents_candidates: true        # you register the candidates for the exams yourself (16)
  # minors: false                    # apprentices under 18 (CFA, 15)
# not_applicable:         # indicator: justification (required)
#   27: "No subcontracting and no wage portage."
audit:
  type: initial           # initial | surveillance | renewal
  # date: 2027-03-15      # the audit date picks the referential version
  # certified_on: 2024-01-20
  # previous_nc:          # NCs notified at the last audit
  #   - {indicator: 31, level: minor, notified: 2025-06-20}
units:
  - id: siege
    name: "Head office"
    path: siege
    central: true         # its evidence counts for every unit
    # owner: "Quality director"
    # offerings:          # one offering = one folder siege/<id>/ (indicators 1, 3 to 8, 16)
    #   - {id: my-training, title: "My training", category: AF}
  # - id: pro             # a business unit, with its folder pro/
  #   name: "Professional training"
  #   owner: "Quality correspondent"
owners:
  default: "Direction qualité"          # who fixes the gaps
  # indicators: {26: "Disability referent"}
# checks: [checks]        # your own checks (code: they run only when listed here)
# waivers: waivers.yaml   # accepted gaps, justified and dated
ignore:
  - "**/~$*"
  - "**/.~lock.*#"
  - "**/._*"
  - "**/__MACOSX/"
  - "**/.DS_Store"
  - "**/Thumbs.db"
  - "**/desktop.ini"
  - "**/README.md"        # the help files rnq init writes are not evidence
""",
}

_CONDITIONS: dict[Condition, Localized] = {
    "certifying": Localized(
        fr="prestations menant à une certification professionnelle (RNCP ou RS)",
        en="offerings leading to a professional certification (RNCP or RS)",
    ),
    "alternance": Localized(fr="formations en alternance", en="work-study trainings"),
    "work_situation": Localized(
        fr="formations comprenant des périodes en situation de travail",
        en="trainings with periods in a work situation",
    ),
    "subcontracting": Localized(
        fr="recours à la sous-traitance ou au portage salarial",
        en="use of subcontracting or wage portage",
    ),
    "long_trainings": Localized(
        fr="formations de plus de deux jours", en="trainings over two days"
    ),
}


_SMALL_WORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "d",
        "de",
        "des",
        "du",
        "en",
        "et",
        "l",
        "la",
        "le",
        "les",
        "par",
        "pour",
        "sur",
    ]
)


def _slug(text: str, limit: int = 50) -> str:
    """``text`` as a folder name: lower case, no accents, words joined by ``-``, cut at a word
    and never ending on a small word (« de », « sur »…)."""
    bare = unicodedata.normalize("NFKD", text.replace("œ", "oe")).encode("ascii", "ignore")
    words = re.sub(r"[^a-z0-9]+", " ", bare.decode().lower()).split()
    kept: list[str] = []
    for word in words:
        if kept and len("-".join([*kept, word])) > limit:
            break
        kept.append(word)
    while len(kept) > 1 and kept[-1] in _SMALL_WORDS:
        kept.pop()
    return "-".join(kept)


def indicator_folder(indicator: Indicator) -> str:
    """The folder of ``indicator`` in the skeleton, relative to the workspace:
    ``siege/critere-1/I01-information-du-public-sur-les-prestations``."""
    name = f"I{indicator.number:02d}-{_slug(indicator.title.fr)}"
    return f"{CENTRAL}/critere-{indicator.criterion}/{name}"


def rnq_yaml_text(lang: Lang = "fr") -> str:
    """The commented ``rnq.yaml`` ``rnq init`` writes."""
    return _RNQ_YAML[lang]


def _t(fr: str, en: str, lang: Lang) -> str:
    return pick(lang, fr, en)


def _readme(indicator: Indicator, referential: Referential, lang: Lang) -> str:
    """What to drop in one indicator's folder, from the referential data."""
    lines = _readme_header(indicator, referential, lang)
    lines += _readme_lists(indicator, lang)
    lines += _readme_assessment(indicator, lang)
    lines += _readme_drop(indicator, lang)
    return "\n".join(lines)


def _readme_header(indicator: Indicator, referential: Referential, lang: Lang) -> list[str]:
    """The README's title, criterion, wording (and gloss in English) and expected level."""
    criterion = next(c for c in referential.criteria if c.number == indicator.criterion)
    lines = [
        f"# {_t('Indicateur', 'Indicator', lang)} {indicator.number} — {indicator.title.get(lang)}",
        "",
        f"{_t('Critère', 'Criterion', lang)} {criterion.number} — {criterion.short.get(lang)}. "
        f"{referential.info.title.get(lang)}.",
        "",
        f"> {indicator.wording}",
        "",
    ]
    if lang == "en":
        lines += [f"*{indicator.gloss}*", ""]
    if indicator.expected_level is not None:
        lines += [
            f"**{_t('Niveau attendu', 'Expected level', lang)}** : {indicator.expected_level.text}",
            "",
        ]
    return lines


def _readme_lists(indicator: Indicator, lang: Lang) -> list[str]:
    """The README's lists of evidence examples and of specific obligations, when any."""
    lines: list[str] = []
    examples = indicator.evidence_examples.fr if lang == "fr" else indicator.evidence_examples.en
    if examples:
        lines += [f"**{_t('Exemples de preuves', 'Evidence examples', lang)}**", ""]
        lines += [f"- {example}" for example in examples] + [""]
    specific = (
        indicator.specific_obligations.fr if lang == "fr" else indicator.specific_obligations.en
    )
    if specific:
        lines += [f"**{_t('Obligations spécifiques', 'Specific obligations', lang)}**", ""]
        lines += [f"- {item}" for item in specific] + [""]
    return lines


def _readme_assessment(indicator: Indicator, lang: Lang) -> list[str]:
    """The README's non-conformity weighting, minor NC and what the indicator applies to."""
    lines: list[str] = []
    weighting = (
        _t("majeure uniquement", "major only", lang)
        if indicator.nc_weighting == "major_only"
        else _t("mineure ou majeure", "minor or major", lang)
    )
    lines.append(f"**{_t('Non-conformité', 'Non-conformity', lang)}** : {weighting}.")
    if indicator.minor_nc is not None:
        lines.append(f"{_t('NC mineure', 'Minor NC', lang)} : {indicator.minor_nc.get(lang)}")
    concerns = ", ".join(indicator.categories)
    if indicator.condition is not None:
        concerns += f" ; {_CONDITIONS[indicator.condition].get(lang)}"
    lines += ["", f"**{_t('Concerne', 'Applies to', lang)}** : {concerns}.", ""]
    return lines


def _readme_drop(indicator: Indicator, lang: Lang) -> list[str]:
    """The README's « what to drop here » section, ending with the advice to date documents."""
    lines = [f"## {_t('Que déposer ici', 'What to drop here', lang)}", ""]
    if indicator.assessed_at == "offering":
        lines.append(
            _t(
                f"Cet indicateur est évalué **par prestation** : déposez les preuves dans le "
                f"dossier de chaque prestation (`<unité>/<prestation>/`), avec « I"
                f"{indicator.number:02d} » dans le nom du fichier, ou décrivez-les dans un "
                f"manifeste `rnq-evidence.yaml`. Dès que `rnq.yaml` déclare des prestations, "
                f"ce qui reste dans ce dossier-ci (modèles, procédures) ne compte pour aucune "
                f"d'elles : copiez-le dans le dossier de chaque prestation ; `rnq doctor` "
                f"signale les fichiers restés ici.",
                f"This indicator is assessed **per offering**: drop the evidence in each "
                f'offering\'s folder (`<unit>/<offering>/`), with "I{indicator.number:02d}" in '
                f"the file name, or describe it in an `rnq-evidence.yaml` manifest. Once "
                f"`rnq.yaml` declares offerings, what stays in this folder (templates, "
                f"procedures) counts for none of them: copy it into each offering's folder; "
                f"`rnq doctor` names the files left here.",
                lang,
            )
        )
    else:
        lines.append(
            _t(
                f"Les documents déposés dans ce dossier (PDF, DOCX, XLSX, ODT, CSV, Markdown) "
                f"sont rattachés à l'indicateur {indicator.number} grâce au nom du dossier. Les "
                f"preuves du siège valent pour toutes les unités ; une unité peut ajouter les "
                f"siennes dans son propre dossier.",
                f"The documents dropped in this folder (PDF, DOCX, XLSX, ODT, CSV, Markdown) map "
                f"to indicator {indicator.number} through the folder's name. The head office's "
                f"evidence counts for every unit; a unit may add its own in its own folder.",
                lang,
            )
        )
    lines += [
        "",
        _t(
            "Datez vos documents (date dans le nom, ou en-tête YAML `date:`) : rnq juge leur "
            "fraîcheur à la date d'audit. Ce fichier README.md n'est pas une preuve.",
            "Date your documents (a date in the name, or a YAML front matter `date:`): rnq "
            "judges their freshness on the audit date. This README.md is not evidence.",
            lang,
        ),
        "",
    ]
    return lines


def init_workspace(directory: Path, *, force: bool = False, lang: Lang = "fr") -> list[Path]:
    """Scaffold a workspace in ``directory``: a commented ``rnq.yaml`` and, under ``siege/``, one
    folder per criterion and per indicator of the referential in force for new audits, each with
    a ``README.md`` (wording, expected level, evidence examples). Returns the files written.

    :raises UsageError: ``directory`` already holds an ``rnq.yaml`` and ``force`` is false, or
        ``directory`` is a file. Nothing is ever deleted; existing ``README.md`` files are kept
        unless ``force`` is given.
    """
    if directory.exists() and not directory.is_dir():
        raise UsageError(
            Localized(fr=f"{directory} n'est pas un dossier", en=f"{directory} is not a directory")
        )
    config = directory / CONFIG_NAME
    if config.exists() and not force:
        raise UsageError(
            Localized(
                fr=f"{config} existe déjà : rien n'a été écrit (--force pour le remplacer)",
                en=f"{config} already exists: nothing was written (--force to replace it)",
            )
        )
    referential = get_referential(REFERENTIAL)
    written: list[Path] = []
    directory.mkdir(parents=True, exist_ok=True)
    config.write_text(rnq_yaml_text(lang), encoding="utf-8")
    written.append(config)
    for indicator in referential.indicators:
        folder = directory / indicator_folder(indicator)
        folder.mkdir(parents=True, exist_ok=True)
        readme = folder / "README.md"
        if readme.exists() and not force:
            continue
        readme.write_text(_readme(indicator, referential, lang), encoding="utf-8")
        written.append(readme)
    return written
