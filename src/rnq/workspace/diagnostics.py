"""Configuration mistakes as a quality officer reads them: in French (English on request), every
one at once, at its line, with the fix.

pydantic's errors (« Field required », « Input should be a valid date… ») are turned into
:class:`~rnq.errors.ConfigProblem` records: a missing key, a wrong type, a value outside a list
of choices (with the choices), a date written the French way (with the ISO form to write), an
unknown key (with the key meant: a French key such as ``organisation`` or ``indicateurs`` gets
« vouliez-vous dire « organization » ? »). Validators of rnq's models raise :func:`invalid` to
carry their own bilingual message and fix.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from rnq._yaml import LineMap, line_of
from rnq.errors import ConfigProblem
from rnq.text import Localized

__all__ = [
    "FRENCH_KEYS",
    "Loc",
    "date_problem",
    "french_date",
    "invalid",
    "known_keys",
    "normalize",
    "problems_from_validation",
    "suggest_key",
    "unknown_key",
]

Loc = tuple[str | int, ...]

#: The pydantic error type :func:`invalid` raises.
_CUSTOM = "rnq_config"

#: Keys people type in French (normalized: lower case, no accents, ``_`` between words, no
#: final ``s``), with the keys of rnq they mean; the first one known where it is typed is
#: suggested. A value with a dot names a key under another (``audit.date``).
FRENCH_KEYS: dict[str, tuple[str, ...]] = {
    "organisation": ("organization",),
    "organisme": ("organization",),
    "structure": ("organization",),
    "nom": ("name",),
    "raison_sociale": ("name",),
    "categorie": ("categories", "category"),
    "activite": ("activity",),
    "unite": ("units",),
    "uo": ("units",),
    "unite_operationnelle": ("units",),
    "prestation": ("offerings", "offering"),
    "offre": ("offerings", "offering"),
    "formation": ("offerings", "offering"),
    "action": ("offerings", "offering"),
    "indicateur": ("indicators", "indicator"),
    "date_audit": ("audit.date",),
    "date_de_l_audit": ("audit.date",),
    "date_d_audit": ("audit.date",),
    "type_de_l_audit": ("audit.type",),
    "type_audit": ("audit.type",),
    "type_d_audit": ("audit.type",),
    "non_applicable": ("not_applicable",),
    "na": ("not_applicable",),
    "proprietaire": ("owners", "owner"),
    "responsable": ("owners", "owner"),
    "pilote": ("owners", "owner"),
    "referent": ("owners", "owner"),
    "verification": ("checks", "check"),
    "controle": ("checks", "check"),
    "extension": ("plugins",),
    "derogation": ("waivers",),
    "fraicheur": ("freshness",),
    "ignorer": ("ignore",),
    "exclusion": ("ignore",),
    "referentiel": ("referential",),
    "fait": ("facts",),
    "date_certification": ("certified_on",),
    "certifie_le": ("certified_on",),
    "date_de_certification": ("certified_on",),
    "nc_precedente": ("previous_nc",),
    "non_conformite": ("previous_nc",),
    "ecart": ("previous_nc",),
    "niveau": ("level",),
    "notifie": ("notified",),
    "notifiee": ("notified",),
    "date_notification": ("notified",),
    "leve": ("lifted",),
    "levee": ("lifted",),
    "chemin": ("path",),
    "dossier": ("path",),
    "repertoire": ("path",),
    "fichier": ("path",),
    "motif": ("path",),
    "titre": ("title",),
    "intitule": ("title",),
    "libelle": ("title",),
    "duree": ("duration_days",),
    "duree_jour": ("duration_days",),
    "duree_en_jour": ("duration_days",),
    "centrale": ("central",),
    "siege": ("central",),
    "collecteur": ("collectors",),
    "modalite": ("modality",),
    "financement": ("funded_by",),
    "financeur": ("funded_by",),
    "finance_par": ("funded_by",),
    "mineur": ("minors",),
    "sous_traitance": ("subcontracting",),
    "certifiant": ("certifying",),
    "certifiante": ("certifying",),
    "alternant": ("alternance",),
    "situation_de_travail": ("work_situation",),
    "situation_travail": ("work_situation",),
    "afest": ("work_situation",),
    "formation_longue": ("long_trainings",),
    "nouvel_entrant": ("new_entrant",),
    "primo_entrant": ("new_entrant",),
    "audite": ("audited_last",),
    "audite_dernierement": ("audited_last",),
    "defaut": ("default",),
    "par_defaut": ("default",),
    "approbateur": ("approver",),
    "approuve_par": ("approver",),
    "valide_par": ("approver",),
    "expire": ("expires",),
    "expiration": ("expires",),
    "expire_le": ("expires",),
    "date_expiration": ("expires",),
    "date_d_expiration": ("expires",),
    "nature": ("kind",),
    "type": ("kind", "type"),
    "partie_prenante": ("stakeholder",),
    "public": ("stakeholder",),
    "valide_jusqu_au": ("valid_until",),
    "validite": ("valid_until",),
    "date_validite": ("valid_until",),
    "date_de_validite": ("valid_until",),
    "par": ("by",),
    "auteur": ("by",),
    "commentaire": ("note",),
    "remarque": ("note",),
    "handicap": ("welcomes_disabled",),
    "formateur_seul": ("solo_trainer",),
    "formateur_independant": ("solo_trainer",),
    "candidat": ("presents_candidates",),
}

#: Values people type in French for a choice, with the value rnq expects.
FRENCH_VALUES: dict[str, str] = {
    "renouvellement": "renewal",
    "initial": "initial",
    "audit_initial": "initial",
    "suivi": "surveillance",
    "presentiel": "presential",
    "en_presentiel": "presential",
    "distanciel": "distance",
    "a_distance": "distance",
    "fad": "distance",
    "mixte": "blended",
    "hybride": "blended",
    "mineure": "minor",
    "mineur": "minor",
    "majeure": "major",
    "majeur": "major",
    "particulier": "individual",
    "individuel": "individual",
    "entreprise": "company",
    "employeur": "company",
    "etat": "state",
    "autre": "other",
    "pole_emploi": "france_travail",
}


def normalize(word: str) -> str:
    """``word`` lower case, without accents, with ``_`` between words and no final ``s``:
    « Unités » and « unite » read the same."""
    text = unicodedata.normalize("NFKD", word.strip().lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^a-z0-9]+", "_", text).strip("_")
    return text[:-1] if len(text) > 3 and text.endswith("s") else text


def invalid(
    fr: str, en: str, fix_fr: str | None = None, fix_en: str | None = None, *, at: Loc = ()
) -> PydanticCustomError:
    """An error for a validator to raise: its message and fix in French and English, ``at``
    a location under the validated value (an index, a key) for the line."""
    return PydanticCustomError(
        _CUSTOM,
        en,
        {"fr": fr, "en": en, "fix_fr": fix_fr, "fix_en": fix_en, "at": at},
    )


def suggest_key(key: str, known: Sequence[str]) -> str | None:
    """The key meant by ``key`` among ``known``: its French name, or a close spelling."""
    for meant in FRENCH_KEYS.get(normalize(str(key)), ()):
        if meant.split(".")[0] in known:
            return meant
    lowered = {k.lower(): k for k in known}
    if str(key).lower() in lowered:
        return lowered[str(key).lower()]
    close = difflib.get_close_matches(str(key), list(known), n=1, cutoff=0.75)
    return close[0] if close else None


def unknown_key(key: str, known: Sequence[str]) -> tuple[Localized, Localized | None]:
    """The message and the fix for an unknown ``key`` where ``known`` keys are allowed."""
    message = Localized(fr=f"clé inconnue « {key} »", en=f"unknown key '{key}'")
    meant = suggest_key(key, known)
    if meant is not None and "." in meant:
        parent, child = meant.split(".", 1)
        return message, Localized(
            fr=f"vouliez-vous dire « {child} » sous « {parent}: » ? par exemple "
            f"{parent}: {{{child}: …}}",
            en=f"did you mean '{child}' under '{parent}:'? e.g. {parent}: {{{child}: …}}",
        )
    if meant is not None:
        return message, Localized(
            fr=f"vouliez-vous dire « {meant} » ?", en=f"did you mean '{meant}'?"
        )
    if known:
        listed = ", ".join(known)
        return message, Localized(fr=f"clés possibles : {listed}", en=f"known keys: {listed}")
    return message, None


_FRENCH_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")
_ISO_SHAPE = re.compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}\s*$")


def french_date(text: str) -> str | None:
    """The ISO form of a date written the French way (``10/02/2027``, ``10-02-2027``,
    ``10.02.2027``: day, month, year), or ``None``."""
    match = _FRENCH_DATE.match(text)
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def date_problem(value: Any) -> tuple[Localized, Localized]:
    text = str(value)
    iso = french_date(text) if isinstance(value, str) else None
    if iso is not None:
        return (
            Localized(
                fr=f"date « {text} » écrite à la française : rnq lit les dates année-mois-jour",
                en=f"date '{text}' written day first: rnq reads dates year-month-day",
            ),
            Localized(fr=f"écrivez {iso}", en=f"write {iso}"),
        )
    if isinstance(value, str) and _ISO_SHAPE.match(text):
        return (
            Localized(fr=f"date impossible « {text} »", en=f"impossible date '{text}'"),
            Localized(
                fr="vérifiez le jour et le mois (année-mois-jour)",
                en="check the day and the month (year-month-day)",
            ),
        )
    return (
        Localized(fr=f"date non valide « {text} »", en=f"invalid date '{text}'"),
        Localized(
            fr="écrivez la date sous la forme AAAA-MM-JJ, par exemple 2027-02-10",
            en="write the date as YYYY-MM-DD, e.g. 2027-02-10",
        ),
    )


def _choices(expected: str) -> list[str]:
    """The choices of pydantic's ``expected`` text: ``'AF', 'BC', 'VAE' or 'CFA'``."""
    quoted = re.findall(r"'([^']*)'", expected)
    return quoted or re.findall(r"[\w.-]+", expected.replace(" or ", " "))


def _choice_problem(name: str, value: Any, expected: str) -> tuple[Localized, Localized]:
    choices = _choices(expected)
    listed = ", ".join(choices)
    message = Localized(
        fr=f"valeur « {value} » non reconnue pour « {name} »",
        en=f"value '{value}' not recognised for '{name}'",
    )
    meant = None
    if isinstance(value, str):
        french = FRENCH_VALUES.get(normalize(value))
        if french in choices:
            meant = french
        else:
            upper = {c.upper(): c for c in choices}
            meant = upper.get(value.strip().upper())
            if meant is None:
                close = difflib.get_close_matches(value, choices, n=1, cutoff=0.75)
                meant = close[0] if close else None
    if meant is not None:
        return message, Localized(
            fr=f"vouliez-vous dire « {meant} » ? valeurs possibles : {listed}",
            en=f"did you mean '{meant}'? allowed values: {listed}",
        )
    return message, Localized(fr=f"valeurs possibles : {listed}", en=f"allowed values: {listed}")


_TRUE = {"oui", "vrai", "o"}
_FALSE = {"non", "faux", "n"}


def _bool_fix(value: Any) -> Localized:
    word = normalize(str(value))
    if word in _TRUE:
        return Localized(fr="écrivez true (oui)", en="write true")
    if word in _FALSE:
        return Localized(fr="écrivez false (non)", en="write false")
    return Localized(fr="écrivez true (oui) ou false (non)", en="write true or false")


_EXAMPLES: dict[str, tuple[str, str]] = {
    "version": ("version: 1", "version: 1"),
    "organization": (
        'organization: {name: "Nom de l\'organisme"}',
        'organization: {name: "Name of the provider"}',
    ),
    "categories": ("categories: [AF]", "categories: [AF]"),
    "units": (
        'units: puis une ligne « - {id: siege, name: "Siège"} »',
        "units: then a line '- {id: siege, name: \"Head office\"}'",
    ),
}


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


Described = tuple[Localized, Localized | None]


def _missing(name: str, value: Any, ctx: Mapping[str, Any]) -> Described:
    example_fr, example_en = _EXAMPLES.get(name, (f"{name}: …", f"{name}: …"))
    return (
        Localized(fr=f"clé « {name} » manquante", en=f"missing key '{name}'"),
        Localized(fr=f"ajoutez {example_fr}", en=f"add {example_en}"),
    )


def _choice(name: str, value: Any, ctx: Mapping[str, Any]) -> Described:
    return _choice_problem(name, value, str(ctx.get("expected", "")))


def _date(name: str, value: Any, ctx: Mapping[str, Any]) -> Described:
    message, fix = date_problem(value)
    return Localized(fr=f"« {name} » : {message.fr}", en=f"'{name}': {message.en}"), fix


def _bool(name: str, value: Any, ctx: Mapping[str, Any]) -> Described:
    shown = _shown(value)
    return (
        Localized(
            fr=f"« {name} » vaut true ou false, pas « {shown} »",
            en=f"'{name}' is true or false, not '{shown}'",
        ),
        _bool_fix(value),
    )


def _int(name: str, value: Any, ctx: Mapping[str, Any]) -> Described:
    shown = _shown(value)
    return (
        Localized(
            fr=f"« {name} » attend un nombre entier, pas « {shown} »",
            en=f"'{name}' expects a whole number, not '{shown}'",
        ),
        Localized(
            fr="écrivez un nombre entier sans guillemets, par exemple 26",
            en="write a whole number without quotes, e.g. 26",
        ),
    )


def _float(name: str, value: Any, ctx: Mapping[str, Any]) -> Described:
    shown = _shown(value)
    return (
        Localized(
            fr=f"« {name} » attend un nombre, pas « {shown} »",
            en=f"'{name}' expects a number, not '{shown}'",
        ),
        Localized(
            fr="écrivez un nombre sans guillemets, avec un point décimal (2.5)",
            en="write a number without quotes, with a decimal point (2.5)",
        ),
    )


def _text(name: str, value: Any, ctx: Mapping[str, Any]) -> Described:
    shown = _shown(value)
    return (
        Localized(fr=f"« {name} » attend un texte", en=f"'{name}' expects a text"),
        Localized(
            fr=f'mettez la valeur entre guillemets : {name}: "{shown}"',
            en=f'put the value in quotes: {name}: "{shown}"',
        ),
    )


def _list(name: str, value: Any, ctx: Mapping[str, Any]) -> Described:
    shown = _shown(value)
    return (
        Localized(fr=f"« {name} » attend une liste", en=f"'{name}' expects a list"),
        Localized(
            fr=f"écrivez {name}: [{shown}] ou une ligne « - … » par élément",
            en=f"write {name}: [{shown}] or one line '- …' per item",
        ),
    )


def _mapping(name: str, value: Any, ctx: Mapping[str, Any]) -> Described:
    shown = _shown(value)
    return (
        Localized(
            fr=f"« {name} » attend des clés (« clé: valeur »), pas « {shown} »",
            en=f"'{name}' expects keys ('key: value'), not '{shown}'",
        ),
        Localized(
            fr=f"écrivez les clés de « {name} » en dessous, indentées de deux espaces",
            en=f"write the keys of '{name}' below it, indented by two spaces",
        ),
    )


def _empty_list(name: str, value: Any, ctx: Mapping[str, Any]) -> Described:
    return (
        Localized(fr=f"« {name} » est vide", en=f"'{name}' is empty"),
        Localized(fr="donnez au moins un élément", en="give at least one item"),
    )


def _empty_text(name: str, value: Any, ctx: Mapping[str, Any]) -> Described:
    return (
        Localized(fr=f"« {name} » est vide", en=f"'{name}' is empty"),
        Localized(fr="écrivez un texte entre guillemets", en="write a text in quotes"),
    )


def _identifier(name: str, value: Any, ctx: Mapping[str, Any]) -> Described:
    shown = _shown(value)
    slug = re.sub(r"[^a-z0-9]+", "-", normalize(str(value)).replace("_", "-")).strip("-")
    return (
        Localized(fr=f"identifiant « {shown} » non valide", en=f"invalid identifier '{shown}'"),
        Localized(
            fr="lettres sans accents, chiffres, « - », « _ » ou « . », sans espace"
            + (f" : par exemple {slug}" if slug else ""),
            en="letters without accents, digits, '-', '_' or '.', no space"
            + (f": e.g. {slug}" if slug else ""),
        ),
    )


_BOUNDS = {
    "greater_than": ("supérieur à", "greater than", "gt"),
    "greater_than_equal": ("au moins", "at least", "ge"),
    "less_than": ("inférieur à", "less than", "lt"),
    "less_than_equal": ("au plus", "at most", "le"),
}


def _bound(kind: str) -> Callable[[str, Any, Mapping[str, Any]], Described]:
    fr_word, en_word, ctx_key = _BOUNDS[kind]

    def describe(name: str, value: Any, ctx: Mapping[str, Any]) -> Described:
        shown = _shown(value)
        if name.startswith("indicator"):
            return (
                Localized(
                    fr=f"l'indicateur {shown} n'existe pas", en=f"indicator {shown} does not exist"
                ),
                Localized(fr="les indicateurs vont de 1 à 32", en="indicators go from 1 to 32"),
            )
        limit = ctx.get(ctx_key)
        return (
            Localized(
                fr=f"« {name} » : {shown} n'est pas {fr_word} {limit}",
                en=f"'{name}': {shown} is not {en_word} {limit}",
            ),
            Localized(
                fr=f"écrivez une valeur {fr_word} {limit}", en=f"write a value {en_word} {limit}"
            ),
        )

    return describe


_DESCRIBE: dict[str, Callable[[str, Any, Mapping[str, Any]], Described]] = {
    "missing": _missing,
    "literal_error": _choice,
    "bool_parsing": _bool,
    "bool_type": _bool,
    "int_parsing": _int,
    "int_type": _int,
    "int_from_float": _int,
    "float_parsing": _float,
    "float_type": _float,
    "string_type": _text,
    "list_type": _list,
    "tuple_type": _list,
    "set_type": _list,
    "dict_type": _mapping,
    "model_type": _mapping,
    "model_attributes_type": _mapping,
    "mapping_type": _mapping,
    "too_short": _empty_list,
    "string_too_short": _empty_text,
    "string_pattern_mismatch": _identifier,
    **{kind: _bound(kind) for kind in _BOUNDS},
}


def _describe(error: Mapping[str, Any], name: str, value: Any) -> Described:
    """The message and the fix for one of pydantic's errors about the value ``value`` of the key
    ``name``."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    describe = _DESCRIBE.get(kind)
    if describe is None and kind.startswith(("date_", "datetime_")):
        describe = _date
    if describe is not None:
        return describe(name, value, ctx)
    detail = str(ctx.get("error", error.get("msg", "")))
    return (
        Localized(
            fr=f"valeur non valide pour « {name} » : {detail}",
            en=f"invalid value for '{name}': {detail}",
        ),
        None,
    )


def _walk(data: Any, loc: Sequence[Any], kind: str) -> Loc:
    """The part of pydantic's ``loc`` that names places in ``data`` (union members and
    ``[key]`` markers dropped); a missing key is kept at the end."""
    real: list[str | int] = []
    current = data
    for i, part in enumerate(loc):
        if isinstance(current, dict):
            match = next((k for k in current if k == part or str(k) == str(part)), _NOTHING)
            if match is _NOTHING:
                if kind == "missing" and i == len(loc) - 1:
                    real.append(part)
                break
            real.append(
                match if isinstance(match, int) and not isinstance(match, bool) else str(match)
            )
            current = current[match]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            real.append(part)
            current = current[part]
        else:
            break
    return tuple(real)


_NOTHING = object()


def _value_at(data: Any, loc: Loc) -> Any:
    current = data
    for part in loc:
        if isinstance(current, dict):
            current = next((v for k, v in current.items() if str(k) == str(part)), None)
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            current = current[part]
        else:
            return None
    return current


def _name(loc: Loc) -> str:
    """The key a person reads for ``loc``: the last key name (a list item: its list's)."""
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return str(loc[-1]) if loc else ""


def problems_from_validation(
    exc: ValidationError,
    *,
    path: str,
    data: Any,
    lines: LineMap,
    known: Mapping[Loc, Sequence[str]] | None = None,
    base: Loc = (),
) -> list[ConfigProblem]:
    """Every error of ``exc`` as a :class:`ConfigProblem` of the file ``path``, at its line.

    ``data`` is what was validated, ``lines`` the line map of the file (with ``base`` the
    location of ``data`` in it: a manifest entry's index…), ``known`` the keys allowed in each
    mapping (for « vouliez-vous dire »)."""
    problems: list[ConfigProblem] = []
    seen: set[Loc] = set()
    # unknown keys first: a misspelt key explains the mistakes that follow from it
    errors = sorted(exc.errors(include_url=False), key=lambda e: e["type"] != "extra_forbidden")
    for error in errors:  # a misspelt key also makes the key meant « missing »: say it once
        if error["type"] == "extra_forbidden":
            loc = _walk(data, error["loc"], "extra_forbidden")
            meant = suggest_key(_name(loc), list((known or {}).get(loc[:-1], ())))
            if meant is not None and loc:
                seen.add((*loc[:-1], meant.split(".")[0]))
    for error in errors:
        kind = error["type"]
        loc = _walk(data, error["loc"], kind)
        ctx = error.get("ctx") or {}
        if kind == _CUSTOM:
            loc = (*loc, *ctx.get("at", ()))
        if loc in seen and kind != _CUSTOM:
            continue  # one mistake per place (a union reports each of its members)
        seen.add(loc)
        full = (*base, *loc)
        line = line_of(lines, full)
        name = _name(loc)
        key = ".".join(str(part) for part in loc) or None
        if kind == _CUSTOM:
            message = Localized(fr=ctx["fr"], en=ctx["en"])
            if name and f"« {name} »" not in message.fr and not ctx.get("at"):
                message = Localized(fr=f"« {name} » : {message.fr}", en=f"'{name}': {message.en}")
            fix_fr, fix_en = ctx.get("fix_fr"), ctx.get("fix_en")
            fix = Localized(fr=fix_fr, en=fix_en or fix_fr) if fix_fr else None
        elif kind == "extra_forbidden":
            allowed = list((known or {}).get(loc[:-1], ()))
            message, fix = unknown_key(name, allowed)
        else:
            message, fix = _describe(error, name, _value_at(data, loc))
        problems.append(ConfigProblem(path=path, line=line, key=key, message=message, fix=fix))
    return problems


def _models_in(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model an annotation holds, and whether it is a list of them."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            model, many = _models_in(arg)
            if model is not None:
                return model, many
        return None, False
    if origin in (list, tuple):
        args = typing.get_args(annotation)
        model = args[0] if args and isinstance(args[0], type) else None
        if model is not None and issubclass(model, BaseModel):
            return model, True
        return None, False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    return None, False


def known_keys(model: type[BaseModel], data: Any, loc: Loc = ()) -> dict[Loc, list[str]]:
    """The keys allowed in each mapping of ``data`` read as ``model`` (for the hints)."""
    known: dict[Loc, list[str]] = {loc: sorted(model.model_fields)}
    if not isinstance(data, dict):
        return known
    for name, info in model.model_fields.items():
        value = data.get(name)
        inner, many = _models_in(info.annotation)
        if inner is None or value is None:
            continue
        if many and isinstance(value, list):
            for i, item in enumerate(value):
                known.update(known_keys(inner, item, (*loc, name, i)))
        elif not many:
            known.update(known_keys(inner, value, (*loc, name)))
    return known
