"""``rnq checks`` and ``rnq --version`` as text: the checks a run collects, grouped by where they
come from (built-in, each plugin, the workspace), and the plugins loaded with their collectors."""

from __future__ import annotations

from collections.abc import Sequence

from rnq.engine.collection import CheckInfo, ChecksListing, PluginInfo
from rnq.text import Lang, pick

__all__ = ["checks_text", "plugins_lines", "version_text"]


def _group_title(key: str, lang: Lang) -> str:
    if key == "builtin":
        return pick(lang, "Vérifications intégrées", "Built-in checks")
    if key == "workspace":
        return pick(lang, "Vérifications de l'espace de preuves", "Workspace checks")
    name = key.partition(":")[2]
    return pick(lang, f"Extension {name}", f"Plugin {name}")


def _bound(info: CheckInfo, referential: str, lang: Lang) -> str:
    if info.each_indicator:
        return pick(lang, "chaque indicateur applicable", "every applicable indicator")
    if not info.indicators:
        return pick(lang, f"aucun indicateur de {referential}", f"no indicator of {referential}")
    shown = ", ".join(
        pick(lang, "affichage du certificat", "certificate display") if n == 0 else str(n)
        for n in info.indicators
    )
    if len(info.indicators) == 1:
        return pick(lang, "indicateur ", "indicator ") + shown
    return pick(lang, "indicateurs ", "indicators ") + shown


def _check_lines(info: CheckInfo, referential: str, lang: Lang) -> list[str]:
    function = info.name.rpartition("::")[2]
    marks = " ".join(f"@{m}" for m in info.marks) or "—"
    lines = [f"  {info.where()} {function}", f"      {marks} → {_bound(info, referential, lang)}"]
    requirement = pick(lang, info.requirement.fr, info.requirement.en)
    if requirement and requirement != info.name:
        lines.append(f"      {requirement}")
    return lines


def plugins_lines(plugins: Sequence[PluginInfo], lang: Lang) -> list[str]:
    """One line per plugin: its name, version (« intégrée » for rnq's own) and collectors."""
    lines = []
    for plugin in plugins:
        version = plugin.version or (pick(lang, "intégrée", "built-in") if plugin.builtin else "")
        line = f"  {plugin.name} {version}".rstrip()
        if plugin.collectors:
            line += pick(lang, " — collecteurs : ", " — collectors: ") + ", ".join(
                plugin.collectors
            )
        lines.append(line)
    return lines


def checks_text(listing: ChecksListing, lang: Lang = "fr") -> str:
    """The checks of ``listing`` grouped by origin, each with where it is defined, its marks,
    the indicators it verifies and its requirement; then the plugins loaded."""
    groups: dict[str, list[CheckInfo]] = {}
    for info in listing.checks:
        key = f"plugin:{info.plugin}" if info.origin == "plugin" else info.origin
        groups.setdefault(key, []).append(info)
    count, referential = len(listing.checks), listing.referential
    out = [
        pick(
            lang,
            f"{count} vérifications — référentiel {referential}",
            f"{count} checks — referential {referential}",
        )
    ]
    for key in sorted(groups, key=lambda k: (k != "builtin", k == "workspace", k)):
        out += ["", f"{_group_title(key, lang)} ({len(groups[key])})"]
        for info in sorted(groups[key], key=lambda i: (i.source, i.line or 0, i.name)):
            out += _check_lines(info, referential, lang)
    out += ["", pick(lang, "Extensions chargées :", "Plugins loaded:")]
    out += plugins_lines(listing.plugins, lang)
    return "\n".join(out)


def version_text(version: str, plugins: Sequence[PluginInfo], lang: Lang = "fr") -> str:
    """``rnq --version``: rnq's version, then each plugin loaded with its version and
    collectors."""
    return "\n".join(
        [f"rnq {version}", pick(lang, "extensions :", "plugins:"), *plugins_lines(plugins, lang)]
    )
