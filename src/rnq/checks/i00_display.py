"""The certificate-display obligation (« indicator 0 »): at surveillance and renewal audits, the
Qualiopi certificate shown on the website and in the premises (a missing display is a major NC).

Its built-in checks:

* :func:`check_affichage_certificat` — the Qualiopi certificate is displayed on the website and
  in the premises.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rnq.checks.helpers import Text, blank, body_text, current, mentions, stale_note
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg, not_verified, skip
from rnq.match.questions import fold
from rnq.referential.loader import Category
from rnq.workspace.config import AuditInfo, WorkspaceConfig

__all__ = ["RECENT_MONTHS", "check_affichage_certificat"]

#: The namespace of this module's check names (``rnq.checks.display::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.display"


#: Months after which a capture or an attestation no longer shows the current display (heuristic).
RECENT_MONTHS = 12


_ABOUT_CERTIFICATE = (r"qualiopi", r"certificat", r"certification qualite")


_WEBSITE = (
    r"site (internet|web)",
    r"\bsite\b",
    r"page (d'accueil|web|du site)",
    r"capture",
    r"https?://",
    r"www\.",
    r"\bweb\b",
    r"internet",
    r"en ligne",
)


#: Words that say the website explicitly (a certificate document may carry its certifier's URL).
_WEBSITE_EXPLICIT = (r"site (internet|web)", r"page (d'accueil|web|du site)", r"capture")


_PREMISES = (
    r"locaux",
    r"\bhall\b",
    r"(banque|espace|salle|bureau|zone) d'accueil",
    r"accueil du public",
    r"\bsalles? (de formation|de cours|d'attente)",
    r"(porte|hall) d'entree",
    r"a l'entree",
    r"panneau",
    r"vitrine",
    r"tableau d'affichage",
    r"affiche (dans|a l'|au|sur le mur)",
    r"\bphoto",
)


_NO_WEBSITE = (
    r"(pas|aucun|sans) (de )?site",
    r"ne dispose (pas|d'aucun) (d'un |de )?site",
    r"copie (du certificat )?(remise|fournie|transmise) (a|sur) (toute personne|demande)",
)


#: The certificate document itself (a proof of certification, not of its display).
_CERTIFICATE_ITSELF = (
    r"numero de certificat",
    r"certificat n",
    r"valable jusqu",
    r"date de (delivrance|validite|fin de validite)",
    r"delivre (a|le)\b",
)


_CATEGORY_WORDS: dict[Category, tuple[str, str, str]] = {
    "AF": ("actions de formation", "training actions", r"actions? de formation"),
    "BC": ("bilans de compétences", "skills reviews", r"bilans? de competences"),
    "VAE": (
        "actions de VAE",
        "VAE actions",
        r"validation des acquis de l'experience|\bvae\b",
    ),
    "CFA": ("actions de formation par apprentissage", "apprenticeship", r"apprentissage"),
}


@dataclass
class _Part:
    """What the evidence shows for one place of display (the website, the premises)."""

    proofs: list[str] = field(default_factory=list)
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # (path, fr, en)
    unread: list[str] = field(default_factory=list)


def _about_display(item: Evidence) -> bool:
    if item.kind == "affichage-certificat" or 0 in item.indicators:
        return True
    return item.kind == "attestation" and mentions(body_text([item]), *_ABOUT_CERTIFICATE)


def _places(item: Evidence, folded: Text) -> tuple[bool, bool]:
    """(website, premises): which places ``item`` speaks of, from its text, else its path."""
    said = folded if not blank(folded) else fold(item.path.replace("-", " ").replace("_", " "))
    website = mentions(said, *_WEBSITE) or mentions(said, *_NO_WEBSITE)
    premises = mentions(said, *_PREMISES)
    return website, premises


def _missing_categories(folded: Text, config: WorkspaceConfig) -> list[Category]:
    return [c for c in config.categories if not mentions(folded, _CATEGORY_WORDS[c][2])]


def _judge(
    item: Evidence,
    config: WorkspaceConfig,
    audit_date: dt.date,
    website: _Part,
    premises: _Part,
) -> None:
    """Add what ``item`` shows to the website and premises parts."""
    folded = body_text([item])
    on_site, on_premises = _places(item, folded)
    parts = [p for p, concerned in ((website, on_site), (premises, on_premises)) if concerned]
    if not parts:  # says neither where: counted for the website, the usual capture
        parts = [website]
    attestation = item.kind == "attestation"
    if not attestation and not item.usable:
        for part in parts:
            part.unread.append(item.path)
        return
    problem: tuple[str, str] | None = None
    if attestation and not (item.by and item.date):
        problem = (
            "attestation sans signataire (by) ou sans date",
            "attestation without a signatory (by) or a date",
        )
    elif not current(item.kind, item.date, item.valid_until, {}, audit_date, RECENT_MONTHS):
        when = item.date.isoformat() if item.date else "?"
        note = stale_note()
        problem = (
            f"datée du {when}, plus de {RECENT_MONTHS} mois avant l'audit ({note.fr})",
            f"dated {when}, more than {RECENT_MONTHS} months before the audit ({note.en})",
        )
    elif not attestation and not mentions(folded, r"qualiopi"):
        problem = ("ne mentionne pas Qualiopi", "does not mention Qualiopi")
    elif (
        not attestation
        and mentions(folded, *_CERTIFICATE_ITSELF)
        and not mentions(folded, *_WEBSITE_EXPLICIT)
        and not (item.by and mentions(folded, r"\baffich"))  # a signed note of the display
    ):
        problem = (
            "c'est le certificat lui-même, pas la preuve de son affichage",
            "this is the certificate itself, not proof of its display",
        )
    for part in parts:
        if problem is not None:
            part.problems.append((item.path, *problem))
            continue
        missing = _missing_categories(folded, config) if part is website else []
        if missing and not attestation and not mentions(folded, *_NO_WEBSITE):
            fr = ", ".join(_CATEGORY_WORDS[c][0] for c in missing)
            en = ", ".join(_CATEGORY_WORDS[c][1] for c in missing)
            part.problems.append(
                (
                    item.path,
                    f"la page ne mentionne pas la catégorie certifiée « {fr} »",
                    f"the page does not mention the certified category '{en}'",
                )
            )
            continue
        part.proofs.append(item.path)


@mark.verifies("affichage-certificat")
def check_affichage_certificat(
    audit: AuditInfo, all_evidence: EvidenceSet, config: WorkspaceConfig, audit_date: dt.date
) -> None:
    """Le certificat Qualiopi est affiché sur le site internet et dans les locaux.

    Vérifié aux audits de surveillance et de renouvellement ; son absence est une NC majeure.
    Déposez une capture ou un PDF de la page du site qui affiche la marque Qualiopi avec la
    mention des catégories certifiées (« actions de formation »…), et une photo de l'affichage
    dans les locaux accompagnée d'une attestation datée et signée (kind: affichage-certificat ou
    attestation, avec by et date) ; sans site internet, attestez que le certificat est remis à
    toute personne qui le demande.

    EN: The Qualiopi certificate is displayed on the website and in the premises.

    Verified at surveillance and renewal audits; a missing display is a major NC. Add a capture or a
    PDF of the website page showing the Qualiopi mark with the certified categories ("actions de
    formation"…), and a photo of the display in the premises with a dated and signed attestation
    (kind: affichage-certificat or attestation, with by and date); with no website, attest that the
    certificate is given to anyone who asks for it.
    """
    if audit.type == "initial":
        skip(
            msg(
                "Audit initial : pas encore de certificat à afficher.",
                "Initial audit: no certificate to display yet.",
            )
        )
    found = all_evidence.filter(_about_display)
    if not found:
        raise Gap(
            msg(
                "Aucune preuve de l'affichage du certificat Qualiopi (site internet et locaux) : "
                "NC majeure à l'audit de " + _audit_label(audit)[0] + ".",
                "No evidence that the Qualiopi certificate is displayed (website and premises): "
                "a major NC at the " + _audit_label(audit)[1] + " audit.",
            ),
            missing=True,
        )
    website, premises = _Part(), _Part()
    for item in found:
        _judge(item, config, audit_date, website, premises)
    gaps = [
        (name, part)
        for name, part in (
            (("le site internet", "website"), website),
            (("les locaux", "premises"), premises),
        )
        if not part.proofs
    ]
    if not gaps:
        return
    unread = [path for _, part in gaps for path in part.unread]
    details_fr, details_en = _details(gaps)
    if unread:
        not_verified(
            msg(
                f"Affichage du certificat : {details_fr} ; {len(unread)} preuve(s) illisible(s) "
                "(photo, scan) : joignez une attestation datée et signée (by, date).",
                f"Certificate display: {details_en}; {len(unread)} unreadable proof(s) (photo, "
                "scan): add a dated and signed attestation (by, date).",
            ),
            evidence=unread,
        )
    raise Gap(
        msg(f"Affichage du certificat : {details_fr}.", f"Certificate display: {details_en}."),
        evidence=[path for _, part in gaps for path, _, _ in part.problems] or found.paths(),
    )


def _audit_label(audit: AuditInfo) -> tuple[str, str]:
    return (
        ("surveillance", "surveillance")
        if audit.type == "surveillance"
        else (
            "renouvellement",
            "renewal",
        )
    )


def _details(gaps: list[tuple[tuple[str, str], _Part]]) -> tuple[str, str]:
    """« pas de preuve pour le site internet (a.pdf : ne mentionne pas Qualiopi) ; … »."""
    fr: list[str] = []
    en: list[str] = []
    for (name_fr, name_en), part in gaps:
        why_fr = "; ".join(f"{path} : {reason}" for path, reason, _ in part.problems)
        why_en = "; ".join(f"{path}: {reason}" for path, _, reason in part.problems)
        fr.append(f"pas de preuve valable pour {name_fr}" + (f" ({why_fr})" if why_fr else ""))
        en.append(f"no valid proof for the {name_en}" + (f" ({why_en})" if why_en else ""))
    return " ; ".join(fr), "; ".join(en)
