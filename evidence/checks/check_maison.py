"""Règle maison de l'INFAD : chaque fiche programme mentionne le numéro de déclaration
d'activité (NDA) de l'organisme. Listée dans rnq.yaml (checks: [checks])."""

import re

import rnq


@rnq.mark.verifies("fiche-offre")  # indicateur 1 : information du public
def check_fiche_mentionne_le_nda(offering, evidence, organization):
    """Chaque fiche programme mentionne le numéro de déclaration d'activité de l'INFAD.

    Ajoutez en pied de fiche la mention « Déclaration d'activité enregistrée sous le
    n° … auprès du préfet de région … », reprise du modèle de fiche 2026.

    EN: Every offer sheet gives INFAD's activity declaration number (NDA).

    Add at the foot of the sheet the statement « Déclaration d'activité enregistrée sous le
    n° … auprès du préfet de région … », as in the 2026 sheet template.
    """
    if not organization.nda:
        rnq.skip("Aucun NDA déclaré dans rnq.yaml")
    sheets = evidence.of_kind("programme").usable()
    if not sheets:
        rnq.skip("Pas de fiche programme lisible : voir la vérification de présence")
    nda = re.sub(r"\D", "", organization.nda)
    missing = [e.path for e in sheets if nda not in re.sub(r"\D", "", e.text or "")]
    assert not missing, rnq.msg(
        f"Fiche sans numéro de déclaration d'activité ({offering.title}) : {', '.join(missing)}",
        f"Offer sheet without the activity declaration number ({offering.title}): "
        f"{', '.join(missing)}",
    )
