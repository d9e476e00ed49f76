"""The one declared schema of the corpus: which fields each kind of entry has.

This table drives validation (`voorveld check`), the templates of `voorveld new`,
the JSON Schema of `voorveld schema` and the field reference in CONTRIBUTING.md,
each through the field's type (field_types.py). Change a field here and all of those follow.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from voorveld_cli.content.field_types import (
    AS_OF,
    AS_OF_PATTERN,
    INT,
    PLACEHOLDER,
    TEXT,
    TEXT_LIST,
    TEXT_OR_INT,
    TEXT_OR_LIST,
    YEAR,
    FieldType,
    Nested,
    SubField,
    Table,
)
from voorveld_cli.content.kinds import FOLDERS, KIND_ALIASES, KIND_LABELS, KINDS

__all__ = [
    "AS_OF_PATTERN",
    "FOLDERS",
    "INT",
    "KINDS",
    "KIND_ALIASES",
    "KIND_LABELS",
    "FieldType",
    "SubField",
]

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

ALL = frozenset(KINDS)
INITIATIVE = frozenset({"initiative"})
CASE = frozenset({"case"})
TERM = frozenset({"term"})
ARTICLE = frozenset({"article"})
DATED = frozenset({"initiative", "case", "article"})
PRACTICE_OR_ARTICLE = frozenset({"initiative", "article"})

# The nested tables: a source reference, a figure, a question of a case.
SOURCE_REF: tuple[SubField, ...] = (
    SubField("source", TEXT, required=True, vocab="sources", hint="Id uit content/sources.yml."),
    SubField("pages", TEXT_OR_INT, hint="Pagina of paginabereik, zoals '12' of '33-35'."),
    SubField("section", TEXT, hint="Sectie of kop, waar geen paginanummer bewaard is."),
)
FIGURE: tuple[SubField, ...] = (
    SubField("label", TEXT, required=True, hint="Wat er geteld of gemeten is."),
    SubField("value", TEXT_OR_INT, required=True, hint="De waarde precies zoals de bron hem geeft."),
    SubField("year", YEAR, hint="Het jaar waarop het cijfer slaat, als de bron dat noemt."),
)
QUESTION: tuple[SubField, ...] = (
    SubField("text", TEXT, required=True, hint="De verdiepingsvraag, volledig."),
    SubField(
        "styles_inferred",
        TEXT_LIST,
        vocab="learning_styles",
        hint="Leerstijl(en) van Kolb die wij in de vraag lezen; de bundel zelf labelt geen vragen.",
    ),
)
# The fixed points of comparison for a law (a term with `law_profile`); keys in
# English like all front matter, labels in Dutch for the tables.
LAW_PROFILE: tuple[tuple[str, str], ...] = (
    ("in_force", "Sinds / voorganger"),
    ("goal", "Doel"),
    ("target_groups", "Doelgroep"),
    ("instruments", "Instrumenten"),
    ("obligations", "Plichten en verplichtingen"),
    ("access", "Toegang en wie beslist"),
    ("financing", "Financiering"),
    ("local_rules", "Lokale regels"),
    ("wijkteams", "Rol van wijkteams"),
    ("approach", "Benadering"),
)
LAW_PROFILE_KEYS = tuple(key for key, _ in LAW_PROFILE)

SOURCES = Nested(
    "sources",
    "lijst van {source, pages of section}",
    SOURCE_REF,
    first=({"source": PLACEHOLDER, "pages": PLACEHOLDER},),
)
FIGURES = Nested("figures", "lijst van {label, value, year}", FIGURE)
QUESTIONS = Nested(
    "questions",
    "lijst van {text, styles_inferred}",
    QUESTION,
    first=({"text": f"{PLACEHOLDER}: de eerste verdiepingsvraag"},),
    as_text="schrijf een vraag als '- text: ...' (met eventueel styles_inferred)",
)
LAW_PROFILE_TYPE = Table("law_profile", "tabel met vaste vergelijkingspunten", LAW_PROFILE)


@dataclass(frozen=True)
class Field:
    """One front matter key. Its type (field_types.py) knows how to check it, its JSON
    Schema, its Dutch name and its value in a new file. `vocab` names a list in
    vocabulary.yml (or 'sources') whose keys are the only allowed values."""

    name: str
    label: str  # Dutch, for tables, `show` and handouts
    type: FieldType
    kinds: frozenset[str]
    required: bool = False
    vocab: str | None = None
    hint: str = ""


FIELDS: tuple[Field, ...] = (
    Field(
        "title",
        "Titel",
        TEXT,
        ALL,
        required=True,
        hint="Titel in het Nederlands, zoals de bron het initiatief, de casus of het begrip noemt.",
    ),
    Field(
        "summary",
        "Samenvatting",
        TEXT,
        ALL,
        required=True,
        hint="Een tot drie zinnen in eigen woorden: wat is het, voor wie, waarom het ertoe doet.",
    ),
    Field(
        "as_of",
        "Stand",
        AS_OF,
        DATED,
        required=True,
        hint="Het jaar (of de datum, JJJJ-MM-DD) waarop de feiten van dit item slaan, "
        "meestal het jaar van de bron.",
    ),
    Field(
        "genre",
        "Genre",
        TEXT,
        ARTICLE,
        required=True,
        vocab="genres",
        hint="Soort artikel: onderzoek, interview, opinie, dossier, analyse, praktijkverslag, nieuws, ...",
    ),
    Field(
        "people",
        "Aan het woord",
        TEXT_LIST,
        ARTICLE,
        hint="Mensen die aan het woord zijn, als 'Naam (rol)'.",
    ),
    Field(
        "findings",
        "Bevindingen",
        TEXT_LIST,
        ARTICLE,
        hint="De belangrijkste bevindingen of stellingen, elk een zin in eigen woorden.",
    ),
    Field(
        "definition",
        "Definitie",
        TEXT,
        TERM,
        required=True,
        hint="Eén zin die het begrip definieert.",
    ),
    Field(
        "aliases",
        "Ook genoemd",
        TEXT_LIST,
        TERM,
        hint="Andere schrijfwijzen, afkortingen, meervoud (zoeken en `define` vinden het begrip ook hierop).",
    ),
    Field(
        "law",
        "Wet",
        TEXT,
        TERM,
        vocab="laws",
        hint="De wet die dit begrip definieert (canonieke naam uit vocabulary.yml), als er een is.",
    ),
    Field(
        "law_profile",
        "Wetsprofiel",
        LAW_PROFILE_TYPE,
        TERM,
        hint="Alleen bij een wet: de vaste vergelijkingspunten die `voorveld compare` naast elkaar zet.",
    ),
    Field(
        "number",
        "Nummer",
        INT,
        CASE,
        required=True,
        hint="Nummer van de casus in de bundel (1-16).",
    ),
    Field(
        "part",
        "Deel",
        TEXT,
        CASE,
        required=True,
        vocab="case_parts",
        hint="Deel van de bundel: bewoners, sociaal-ondernemers, uitvoeringspraktijk of bestuur-en-beleid.",
    ),
    Field(
        "place",
        "Plaats",
        TEXT_OR_LIST,
        PRACTICE_OR_ARTICLE,
        hint="Gemeente(n) waar het plaatsvindt; leeg laten bij een landelijk programma.",
    ),
    Field(
        "area",
        "Wijk of kern",
        TEXT,
        PRACTICE_OR_ARTICLE,
        hint="Wijk, kern of stadsdeel binnen de gemeente, als de bron die noemt.",
    ),
    Field(
        "province",
        "Provincie",
        TEXT_OR_LIST,
        PRACTICE_OR_ARTICLE,
        vocab="provinces",
        hint="Provincie(s) van de gemeente(n).",
    ),
    Field(
        "organisations",
        "Organisaties",
        TEXT_LIST,
        PRACTICE_OR_ARTICLE,
        hint="Organisaties die het uitvoeren, financieren of eraan meewerken.",
    ),
    Field(
        "researched_by",
        "Onderzocht door",
        TEXT_LIST,
        INITIATIVE,
        hint="Organisaties die het initiatief alleen onderzochten of evalueerden.",
    ),
    Field("started", "Gestart", YEAR, INITIATIVE, hint="Jaar van de start, alleen als de bron het noemt."),
    Field(
        "target_groups",
        "Doelgroepen",
        TEXT_LIST,
        INITIATIVE,
        hint="Voor wie het is, kort, in de woorden van de bron.",
    ),
    Field(
        "funding",
        "Financiering",
        TEXT_LIST,
        INITIATIVE,
        hint="Hoe het gefinancierd wordt (subsidie, fonds, eigen inkomsten, ...).",
    ),
    Field(
        "figures",
        "Cijfers",
        FIGURES,
        PRACTICE_OR_ARTICLE,
        hint="Cijfers precies zoals de bron ze geeft, met jaar als dat genoemd wordt.",
    ),
    Field(
        "working_elements",
        "Werkzame elementen",
        TEXT_LIST,
        PRACTICE_OR_ARTICLE,
        hint="Wat het laat werken, alleen waar de bron dat noemt.",
    ),
    Field(
        "novelty", "Wat is nieuw", TEXT, INITIATIVE, hint="Waarom het vernieuwend is, als de bron dat zegt."
    ),
    Field(
        "roles",
        "Rollen",
        TEXT_LIST,
        CASE,
        required=True,
        hint="Wie handelen in de casus (bewoner, Wmo-consulent, wijkteam, sociaal ondernemer, ...).",
    ),
    Field(
        "questions",
        "Verdiepingsvragen",
        QUESTIONS,
        CASE,
        required=True,
        hint="Alle verdiepingsvragen van de casus, in de volgorde van de bron.",
    ),
    Field(
        "literature",
        "Literatuur",
        TEXT_LIST,
        CASE,
        hint="De literatuur die de casus noemt.",
    ),
    Field(
        "themes",
        "Thema's",
        TEXT_LIST,
        ALL,
        vocab="themes",
        hint="Thema's uit vocabulary.yml (een tot vier).",
    ),
    Field(
        "keywords",
        "Trefwoorden",
        TEXT_LIST,
        ALL,
        hint="Trefwoorden (bij een casus: de sleutelwoorden van de bundel).",
    ),
    Field(
        "laws",
        "Wetten (genoemd)",
        TEXT_LIST,
        ALL,
        vocab="laws",
        hint="Wetten die de bron zelf noemt, met canonieke naam.",
    ),
    Field(
        "laws_inferred",
        "Wetten (afgeleid)",
        TEXT_LIST,
        ALL,
        vocab="laws",
        hint="Wetten die wij erbij lezen maar die de bron niet noemt.",
    ),
    Field(
        "laws_note",
        "Over de wetten",
        TEXT,
        ALL,
        hint="Alleen als laws en laws_inferred allebei leeg zijn: waarom er geen wet bij hoort.",
    ),
    Field(
        "sources",
        "Bronnen",
        SOURCES,
        ALL,
        required=True,
        hint="Waar de feiten vandaan komen: bron-id uit sources.yml met pagina('s) of sectie.",
    ),
    Field(
        "related",
        "Verwant",
        TEXT_LIST,
        ALL,
        hint="Ids van verwante items in de kennisbank (worden gecontroleerd).",
    ),
)

FIELD_BY_NAME = {field.name: field for field in FIELDS}


@functools.cache
def fields_for(kind: str) -> tuple[Field, ...]:
    """The fields of one kind, in the order they are declared (once per kind: a build
    validates 10,000 files)."""
    return tuple(field for field in FIELDS if kind in field.kinds)


def known_keys(kind: str) -> set[str]:
    return {field.name for field in fields_for(kind)}
