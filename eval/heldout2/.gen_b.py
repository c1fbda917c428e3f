"""Temporary writer for part B items (removed when done)."""
import html
import json
import pathlib

OUT = pathlib.Path("/work/main/eval/heldout2")
COURTS = {
    "RBAMS": ("Rechtbank Amsterdam", "Rechtbank_Amsterdam"),
    "GHDHA": ("Gerechtshof Den Haag", "Gerechtshof_Den_Haag"),
    "RBNHO": ("Rechtbank Noord-Holland", "Rechtbank_Noord-Holland"),
    "RBMNE": ("Rechtbank Midden-Nederland", "Rechtbank_Midden-Nederland"),
    "RBROT": ("Rechtbank Rotterdam", "Rechtbank_Rotterdam"),
    "RBOVE": ("Rechtbank Overijssel", "Rechtbank_Overijssel"),
    "GHAMS": ("Gerechtshof Amsterdam", "Gerechtshof_Amsterdam"),
    "PHR": ("Parket bij de Hoge Raad", "Parket_bij_de_Hoge_Raad"),
    "RBZWB": ("Rechtbank Zeeland-West-Brabant", "Rechtbank_Zeeland-West-Brabant"),
    "RBGEL": ("Rechtbank Gelderland", "Rechtbank_Gelderland"),
}
LAWS = {
    "Sr": ("BWBR0001854", "Wetboek van Strafrecht"),
    "Sv": ("BWBR0001903", "Wetboek van Strafvordering"),
    "Opiumwet": ("BWBR0001941", "Opiumwet"),
    "WVW": ("BWBR0006622", "Wegenverkeerswet 1994"),
}
PROCEDURES = {
    "meervoudig": ("eersteAanleg-meervoudig", "Eerste aanleg - meervoudig"),
    "enkelvoudig": ("eersteAanleg-enkelvoudig", "Eerste aanleg - enkelvoudig"),
    "hoger": ("hogerBeroep", "Hoger beroep"),
    "cassatie": ("cassatie", "Cassatie"),
}
NS = (
    'xmlns:bwb="bwb-dl" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:ecli="https://e-justice.europa.eu/ecli" xmlns:psi="http://psi.rechtspraak.nl/" '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"'
)
RS = 'xmlns="http://www.rechtspraak.nl/schema/rechtspraak-1.0"'


def esc(s):
    return html.escape(s, quote=False)


def _para(line, indent):
    pad = " " * indent
    if line.startswith("! "):
        return f'{pad}<para><emphasis role="bold">{esc(line[2:].strip())}</emphasis></para>'
    if not line.strip():
        return f"{pad}<para/>"
    return f"{pad}<para>{esc(line.strip())}</para>"


def body_xml(text):
    lines = text.strip("\n").split("\n")
    out, head, i = [], [], 0
    while i < len(lines) and not lines[i].startswith("§"):
        head.append(lines[i].rstrip())
        i += 1
    if head:
        out.append("    <uitspraak.info>")
        out += [_para(h, 6) for h in head]
        out.append("    </uitspraak.info>")
    open_ = False
    for line in lines[i:]:
        line = line.rstrip()
        if line.startswith("§"):
            if open_:
                out.append("    </section>")
            role, title = [p.strip() for p in line[1:].split("|", 1)]
            out.append(f'    <section role="{role}">' if role else "    <section>")
            nr, _, rest = title.partition(" ")
            if nr[:1].isdigit():
                out.append(f"      <title><nr>{esc(nr)}</nr><text>{esc(rest)}</text></title>")
            else:
                out.append(f"      <title><text>{esc(title)}</text></title>")
            open_ = True
        else:
            out.append(_para(line, 6))
    if open_:
        out.append("    </section>")
    return "\n".join(out)


def ruling(ecli, date, published, zaaknr, procedure, place, refs, inh, body, gold, kind="Uitspraak"):
    court_code = ecli.split(":")[2]
    court, ident = COURTS[court_code]
    proc_id, proc_label = PROCEDURES[procedure]
    ref_lines = []
    for law, art in refs:
        bwb, name = LAWS[law]
        ref_lines.append(
            f'      <dcterms:references bwb:resourceIdentifier="1.0:v:BWB:{bwb}&amp;artikel={art}" '
            f'rdfs:label="Wetsverwijzing">{name} {art}</dcterms:references>'
        )
    typ = "conclusie" if kind == "Conclusie" else "uitspraak"
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<open-rechtspraak>
  <rdf:RDF {NS}>
    <rdf:Description>
      <dcterms:identifier>{ecli}</dcterms:identifier>
      <dcterms:format>text/xml</dcterms:format>
      <dcterms:accessRights>public</dcterms:accessRights>
      <dcterms:modified>{published}T09:41:17</dcterms:modified>
      <dcterms:issued rdfs:label="Publicatiedatum">{published}</dcterms:issued>
      <dcterms:publisher resourceIdentifier="http://rechtspraak.nl/">Raad voor de Rechtspraak</dcterms:publisher>
      <dcterms:language>nl</dcterms:language>
      <dcterms:creator rdfs:label="Instantie" resourceIdentifier="http://standaarden.overheid.nl/owms/terms/{ident}" scheme="overheid.RechterlijkeMacht">{court}</dcterms:creator>
      <dcterms:date rdfs:label="Uitspraakdatum">{date}</dcterms:date>
      <psi:zaaknummer rdfs:label="Zaaknr">{zaaknr}</psi:zaaknummer>
      <dcterms:type rdf:language="nl" resourceIdentifier="http://psi.rechtspraak.nl/{typ}">{kind}</dcterms:type>
      <psi:procedure rdf:language="nl" rdfs:label="Procedure" resourceIdentifier="http://psi.rechtspraak.nl/procedure#{proc_id}">{proc_label}</psi:procedure>
      <dcterms:coverage>NL</dcterms:coverage>
      <dcterms:spatial rdfs:label="Zittingsplaats">{place}</dcterms:spatial>
      <dcterms:subject rdfs:label="Rechtsgebied" resourceIdentifier="http://psi.rechtspraak.nl/rechtsgebied#strafRecht">Strafrecht</dcterms:subject>
{chr(10).join(ref_lines)}
    </rdf:Description>
  </rdf:RDF>
  <inhoudsindicatie {RS} id="{ecli}:INH" lang="nl" xml:space="preserve">
    <para>{esc(inh.strip())}</para>
  </inhoudsindicatie>
  <uitspraak {RS} id="{ecli}:DOC" lang="nl" xml:space="preserve">
{body_xml(body)}
  </uitspraak>
</open-rechtspraak>
"""
    stem = ecli.replace(":", "_")
    (OUT / f"{stem}.xml").write_text(xml, encoding="utf-8")
    write_gold(stem, None, ecli, gold)


def section(stem, role, text, gold):
    (OUT / f"{stem}.txt").write_text(text.strip("\n") + "\n", encoding="utf-8")
    write_gold(stem, role, None, gold)


def write_gold(stem, role, ecli, g):
    data = {
        "id": stem,
        "role": role,
        "ecli": ecli,
        "articles": g.get("articles", []),
        "sanctions": g.get("sanctions", []),
        "acquittal": g.get("acquittal", False),
        "ages": g.get("ages", []),
        "payment": g.get("payment", False),
        "circumstances": g.get("circumstances", []),
        "references": g.get("references", []),
    }
    (OUT / f"{stem}.gold.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def A(article, law="Sr", paragraph=None, attempt=False):
    return {"article": article, "law": law, "paragraph": paragraph, "attempt": attempt}


def arts(spec, law="Sr"):
    """'9 14a 14b 248b' -> list of articles of one law."""
    return [A(a, law) for a in spec.split()]


def S(kind, actor, days=None, hours=None, euros=None, sd=0, sh=0, prob=None):
    return {
        "kind": kind, "actor": actor, "days": days, "hours": hours, "euros": euros,
        "suspended_days": sd, "suspended_hours": sh, "probation_days": prob,
    }


def AGE(value, subject):
    return {"value": value, "subject": subject}


def C(code, by, rejected=False):
    return {"code": code, "raised_by": by, "rejected": rejected}


def R(kind, value):
    return {"kind": kind, "value": value}
