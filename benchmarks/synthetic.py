"""A synthetic corpus for benchmarks and fault tests: valid entries, Dutch text of
realistic length, deterministic for a given seed.

    python benchmarks/synthetic.py OUT_DIR 10000

writes OUT_DIR/content with the project's vocabulary and sources and 10,000
entries (70% initiatives, 10% cases, 20% terms).
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]

WORDS = (
    "buurt wijk bewoners gemeente mantelzorg mantelzorgers vrijwilligers vrijwilliger "
    "ontmoeting eenzaamheid dagbesteding participatie werk re-integratie bijstand uitkering "
    "ondersteuning zorg welzijn jongeren ouderen gezin gezinnen kinderen school huisarts "
    "huisartsen praktijkondersteuner wijkteam wijkteams sociaal werker opbouwwerk buurthuis "
    "buurtkamer koffie samen koken wandelen sport bewegen cultuur kunst muziek theater dans "
    "schulden armoede budget subsidie fonds gemeenteraad wethouder beleid indicatie "
    "keukentafelgesprek maatwerkvoorziening algemene voorziening voorveld sociale basis "
    "preventie vroegsignalering netwerk informele zorg respijtzorg statushouders taal "
    "inburgering leerwerkplek werkgever loonkostensubsidie beschut werk coöperatie sociale "
    "onderneming stichting vereniging project initiatief aanpak methode resultaten evaluatie "
    "onderzoek cijfers deelnemers bezoekers vrijwillige inzet zelfredzaamheid eigen kracht "
    "samenredzaamheid cliënten cliëntenraad participatieraad inwoners leefbaarheid veiligheid "
    "overlast huiselijk geweld dementie ggz verslaving dakloosheid wonen woningcorporatie "
    "renovatie tuin moestuin voedselbank eetcafé werkplaats atelier reparatie fietsen kringloop "
    "energie duurzaamheid"
).split()
FILLER = "de het een en in op met voor van aan door bij naar uit als dat die dit er ook wel niet meer".split()


def sentence(rng: random.Random, length: int) -> str:
    words = [rng.choice(WORDS) if rng.random() < 0.55 else rng.choice(FILLER) for _ in range(length)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng, rng.randint(8, 18)) for _ in range(sentences))


def _front(rng: random.Random, kind: str, number: int, vocab: dict, sources: list[str]) -> dict:
    themes = rng.sample(list(vocab["themes"]), rng.randint(1, 3))
    laws = rng.sample(list(vocab["laws"]), 3)
    front: dict = {"title": f"{sentence(rng, rng.randint(2, 5))[:-1]} {number}", "summary": paragraph(rng, 2)}
    if kind == "term":
        front["definition"] = sentence(rng, 14)
        front["aliases"] = [rng.choice(WORDS) + str(number)]
    if kind in ("case", "initiative"):
        front["as_of"] = rng.randint(2014, 2020)
    if kind == "case":
        front["number"] = number
        front["part"] = rng.choice(list(vocab["case_parts"]))
        front["roles"] = rng.sample(["bewoner", "wijkteam", "Wmo-consulent", "vrijwilliger", "ambtenaar"], 2)
        front["questions"] = [{"text": sentence(rng, 16)[:-1] + "?"} for _ in range(rng.randint(3, 7))]
    if kind == "initiative":
        province = rng.choice(list(vocab["provinces"]))
        front["place"] = f"Plaats{rng.randint(1, 300)}"
        front["province"] = province
        front["organisations"] = [f"Stichting {rng.choice(WORDS).capitalize()}"]
        front["started"] = rng.randint(2000, 2020)
        front["target_groups"] = rng.sample(["ouderen", "jongeren", "mantelzorgers", "statushouders"], 2)
        front["funding"] = ["subsidie van de gemeente"]
        front["figures"] = [
            {"label": "deelnemers", "value": rng.randint(5, 500), "year": rng.randint(2015, 2020)}
        ]
    front["themes"] = themes
    front["keywords"] = rng.sample(WORDS, 3)
    front["laws"] = laws[:1]
    front["laws_inferred"] = laws[1:2]
    front["sources"] = [{"source": rng.choice(sources), "section": f"Sectie {rng.randint(1, 20)}"}]
    return front


def generate(out: Path, count: int, seed: int = 1) -> Path:
    """Write a corpus of `count` entries under out/content; returns the content root."""
    rng = random.Random(seed)
    root = out / "content"
    for folder in ("initiatives", "cases", "glossary"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    for name in ("vocabulary.yml", "sources.yml"):
        shutil.copy(REPO / "content" / name, root / name)
    vocab = yaml.safe_load((REPO / "content" / "vocabulary.yml").read_text(encoding="utf-8"))
    sources = [
        s["id"] for s in yaml.safe_load((REPO / "content" / "sources.yml").read_text(encoding="utf-8"))
    ]
    for number in range(1, count + 1):
        roll = rng.random()
        kind, folder = (
            ("initiative", "initiatives")
            if roll < 0.7
            else (("case", "cases") if roll < 0.8 else ("term", "glossary"))
        )
        front = _front(rng, kind, number, vocab, sources)
        body = "\n\n".join(
            f"## {sentence(rng, 3)[:-1]}\n\n{paragraph(rng, rng.randint(3, 6))}"
            for _ in range(rng.randint(2, 4))
        )
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + body + "\n"
        (root / folder / f"item-{number:06d}.md").write_text(text, encoding="utf-8")
    return root


if __name__ == "__main__":
    target, n = Path(sys.argv[1]), int(sys.argv[2])
    print(generate(target, n))
