"""The certificate-display obligation (« indicator 0 »): at surveillance and renewal audits, the
Qualiopi certificate shown on the website and in the premises (a missing display is a major NC).

Its built-in checks:

* :func:`check_affichage_certificat` — the Qualiopi certificate is displayed on the website and
  in the premises.

What the obligation demands (reference §4.4, arrêté art. 2): the certificate displayed on the
website and in the premises, or, without a website, a copy given to anyone who asks. A proof of
it must speak of Qualiopi and show the display, not be the certificate itself. The rest is
advice (« point de vigilance »), never a gap (check-review §1 row 46, §2.5): a page that does not
name every certified category (brand-use rules, not the reference), a capture older than 12
months (rnq's rule of thumb), an attestation without a signatory or a date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rnq.checks.helpers import Text, blank, body_text, current, mentions, stale_note
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, advise, msg, not_verified, skip
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


@dataclass
class _Vigilance:
    """A point de vigilance on one proof: what is missing is not a requirement (check-review
    §1 row 46: the categories named on the page, a capture within 12 months, a signed and dated
    attestation are rnq's rules of thumb or brand-use rules, not the obligation itself)."""

    key: str
    path: str
    fr: str
    en: str


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


def _not_proof(item: Evidence, folded: Text) -> tuple[str, str] | None:
    """Why ``item`` proves no display at all (the obligation's own terms), or None."""
    if item.kind == "attestation":
        return None
    if not mentions(folded, r"qualiopi"):
        return ("ne mentionne pas Qualiopi", "does not mention Qualiopi")
    if (
        mentions(folded, *_CERTIFICATE_ITSELF)
        and not mentions(folded, *_WEBSITE_EXPLICIT)
        and not (item.by and mentions(folded, r"\baffich"))  # a signed note of the display
    ):
        return (
            "c'est le certificat lui-même, pas la preuve de son affichage",
            "this is the certificate itself, not proof of its display",
        )
    return None


def _vigilance(
    item: Evidence, folded: Text, config: WorkspaceConfig, audit_date: dt.date, website: bool
) -> list[_Vigilance]:
    """The points de vigilance on a proof of the display."""
    found: list[_Vigilance] = []
    path = item.path
    if item.kind == "attestation" and not (item.by and item.date):
        found.append(
            _Vigilance(
                "attestation",
                path,
                f"{path} : attestation sans signataire (by) ou sans date — datez-la et faites-la "
                "signer pour qu'elle soit probante",
                f"{path}: attestation without a signatory (by) or a date — date it and have it "
                "signed so that it carries weight",
            )
        )
    if not current(item.kind, item.date, item.valid_until, {}, audit_date, RECENT_MONTHS):
        when = item.date.isoformat() if item.date else "?"
        note = stale_note()
        found.append(
            _Vigilance(
                "fraicheur",
                path,
                f"{path} : datée du {when}, plus de {RECENT_MONTHS} mois avant l'audit — "
                f"joignez une capture récente ({note.fr})",
                f"{path}: dated {when}, more than {RECENT_MONTHS} months before the audit — add "
                f"a recent capture ({note.en})",
            )
        )
    missing = _missing_categories(folded, config) if website else []
    if missing and item.kind != "attestation" and not mentions(folded, *_NO_WEBSITE):
        fr = ", ".join(_CATEGORY_WORDS[c][0] for c in missing)
        en = ", ".join(_CATEGORY_WORDS[c][1] for c in missing)
        found.append(
            _Vigilance(
                "categories",
                path,
                f"{path} : la page ne nomme pas la catégorie certifiée « {fr} » (règles d'usage "
                "de la marque Qualiopi)",
                f"{path}: the page does not name the certified category '{en}' (Qualiopi "
                "brand-use rules)",
            )
        )
    return found


def _judge(
    item: Evidence,
    config: WorkspaceConfig,
    audit_date: dt.date,
    website: _Part,
    premises: _Part,
) -> list[_Vigilance]:
    """Add what ``item`` shows to the website and premises parts; return its points de
    vigilance when it proves the display somewhere."""
    folded = body_text([item])
    on_site, on_premises = _places(item, folded)
    parts = [p for p, concerned in ((website, on_site), (premises, on_premises)) if concerned]
    if not parts:  # says neither where: counted for the website, the usual capture
        parts = [website]
    if item.kind != "attestation" and not item.usable:
        for part in parts:
            part.unread.append(item.path)
        return []
    problem = _not_proof(item, folded)
    for part in parts:
        if problem is not None:
            part.problems.append((item.path, *problem))
        else:
            part.proofs.append(item.path)
    if problem is not None:
        return []
    return _vigilance(item, folded, config, audit_date, any(p is website for p in parts))


@mark.verifies("affichage-certificat")
def check_affichage_certificat(
    audit: AuditInfo, all_evidence: EvidenceSet, config: WorkspaceConfig, audit_date: dt.date
) -> None:
    """Le certificat Qualiopi est affiché sur le site internet et dans les locaux.

    Vérifié aux audits de surveillance et de renouvellement ; son absence est une NC majeure.
    Déposez une capture ou un PDF de la page du site qui affiche la marque Qualiopi, et une
    photo de l'affichage dans les locaux accompagnée d'une attestation (kind:
    affichage-certificat ou attestation) ; sans site internet, attestez que le certificat est
    remis à toute personne qui le demande. Points de vigilance, jamais des écarts : la page
    nomme les catégories certifiées (« actions de formation »…), la capture date de moins de 12
    mois, l'attestation est datée et signée (by, date).

    EN: The Qualiopi certificate is displayed on the website and in the premises.

    Verified at surveillance and renewal audits; a missing display is a major NC. Add a capture or a
    PDF of the website page showing the Qualiopi mark, and a photo of the display in the premises
    with an attestation (kind: affichage-certificat or attestation); with no website, attest that
    the certificate is given to anyone who asks for it. Points of vigilance, never gaps: the page
    names the certified categories ("actions de formation"…), the capture is less than 12 months
    old, the attestation is dated and signed (by, date).
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
    vigilance = [v for item in found for v in _judge(item, config, audit_date, website, premises)]
    for point in vigilance:
        advise(
            msg(
                f"Point de vigilance — affichage du certificat : {point.fr}. Ce n'est pas une "
                "exigence du référentiel : l'affichage lui-même l'est.",
                f"Point of vigilance — certificate display: {point.en}. This is not a "
                "requirement of the referential: the display itself is.",
            ),
            evidence=[point.path],
            key=f"{point.key}:{point.path}",
        )
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
