"""The one declared schema of the corpus: which fields each kind of entry has.

This table drives validation (`voorveld check`), the templates of `voorveld new`,
the JSON Schema of `voorveld schema` and the field reference in CONTRIBUTING.md.
Change a field here and all of those follow.
"""

from __future__ import annotations

from dataclasses import dataclass

# Kinds and the folder under the content root that holds each.
KINDS = ("initiative", "case", "term", "article")
# Bump when a rule of parse.py or validate.py changes what is valid: the entry
# cache and the index manifest are keyed on it, so an upgrade re-validates.
RULES_VERSION = 2
FOLDERS = {"initiative": "initiatives", "case": "cases", "term": "glossary", "article": "articles"}
KIND_BY_FOLDER = {folder: kind for kind, folder in FOLDERS.items()}
KIND_LABELS = {"initiative": "initiatief", "case": "casus", "term": "begrip", "article": "artikel"}
# What people may type for --kind.
KIND_ALIASES = {
    "initiative": ("initiatief", "initiatieven", "initiatives", "praktijkvoorbeeld"),
    "case": ("casus", "casussen", "cases", "casuistiek"),
    "term": ("begrip", "begrippen", "terms", "glossary", "woordenlijst"),
    "article": ("artikel", "artikelen", "articles", "onderzoek", "interview"),
}

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# as_of: a year, a month or a day (2016, 2016-05, 2017-11-09).
AS_OF_PATTERN = r"^(18|19|20)[0-9]{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"

ALL = frozenset(KINDS)
INITIATIVE = frozenset({"initiative"})
CASE = frozenset({"case"})
TERM = frozenset({"term"})
ARTICLE = frozenset({"article"})
DATED = frozenset({"initiative", "case", "article"})
PRACTICE_OR_ARTICLE = frozenset({"initiative", "article"})


@dataclass(frozen=True)
class Field:
    """One front matter key.

    `type` is one of: text (one line or paragraph), int, year, text_list,
    text_or_list (a string or a list of strings, always read as a list), and the
    names of the nested tables below (sources, figures, questions, law_profile).
    `vocab` names a list in vocabulary.yml whose keys are the only allowed values.
    """

    name: str
    label: str  # Dutch, for tables, `show` and handouts
    type: str
    kinds: frozenset[str]
    required: bool = False
    vocab: str | None = None
    hint: str = ""
    example: object = None


FIELDS: tuple[Field, ...] = (
    Field(
        "title",
        "Titel",
        "text",
        ALL,
        required=True,
        hint="Titel in het Nederlands, zoals de bron het initiatief, de casus of het begrip noemt.",
        example="Titel",
    ),
    Field(
        "summary",
        "Samenvatting",
        "text",
        ALL,
        required=True,
        hint="Een tot drie zinnen in eigen woorden: wat is het, voor wie, waarom het ertoe doet.",
        example="Korte samenvatting in eigen woorden.",
    ),
    Field(
        "as_of",
        "Stand",
        "as_of",
        DATED,
        required=True,
        hint="Het jaar (of de datum, JJJJ-MM-DD) waarop de feiten van dit item slaan, "
        "meestal het jaar van de bron.",
        example=2020,
    ),
    Field(
        "genre",
        "Genre",
        "text",
        ARTICLE,
        required=True,
        vocab="genres",
        hint="Soort artikel: onderzoek, interview, opinie, dossier, analyse, praktijkverslag, nieuws, ...",
        example="analyse",
    ),
    Field(
        "people",
        "Aan het woord",
        "text_list",
        ARTICLE,
        hint="Mensen die aan het woord zijn, als 'Naam (rol)'.",
        example=[],
    ),
    Field(
        "findings",
        "Bevindingen",
        "text_list",
        ARTICLE,
        hint="De belangrijkste bevindingen of stellingen, elk een zin in eigen woorden.",
        example=[],
    ),
    Field(
        "definition",
        "Definitie",
        "text",
        TERM,
        required=True,
        hint="Eén zin die het begrip definieert.",
        example="Eén zin die het begrip definieert.",
    ),
    Field(
        "aliases",
        "Ook genoemd",
        "text_list",
        TERM,
        hint="Andere schrijfwijzen, afkortingen, meervoud (zoeken en `define` vinden het begrip ook hierop).",
        example=[],
    ),
    Field(
        "law",
        "Wet",
        "text",
        TERM,
        vocab="laws",
        hint="De wet die dit begrip definieert (canonieke naam uit vocabulary.yml), als er een is.",
    ),
    Field(
        "law_profile",
        "Wetsprofiel",
        "law_profile",
        TERM,
        hint="Alleen bij een wet: de vaste vergelijkingspunten die `voorveld compare` naast elkaar zet.",
    ),
    Field(
        "number",
        "Nummer",
        "int",
        CASE,
        required=True,
        hint="Nummer van de casus in de bundel (1-16).",
        example=1,
    ),
    Field(
        "part",
        "Deel",
        "text",
        CASE,
        required=True,
        vocab="case_parts",
        hint="Deel van de bundel: bewoners, sociaal-ondernemers, uitvoeringspraktijk of bestuur-en-beleid.",
        example="bewoners",
    ),
    Field(
        "place",
        "Plaats",
        "text_or_list",
        PRACTICE_OR_ARTICLE,
        hint="Gemeente(n) waar het plaatsvindt; leeg laten bij een landelijk programma.",
        example=["Gemeente"],
    ),
    Field(
        "area",
        "Wijk of kern",
        "text",
        PRACTICE_OR_ARTICLE,
        hint="Wijk, kern of stadsdeel binnen de gemeente, als de bron die noemt.",
    ),
    Field(
        "province",
        "Provincie",
        "text_or_list",
        PRACTICE_OR_ARTICLE,
        vocab="provinces",
        hint="Provincie(s) van de gemeente(n).",
        example=["Utrecht"],
    ),
    Field(
        "organisations",
        "Organisaties",
        "text_list",
        PRACTICE_OR_ARTICLE,
        hint="Organisaties die het uitvoeren, financieren of eraan meewerken.",
        example=[],
    ),
    Field(
        "researched_by",
        "Onderzocht door",
        "text_list",
        INITIATIVE,
        hint="Organisaties die het initiatief alleen onderzochten of evalueerden.",
        example=[],
    ),
    Field("started", "Gestart", "year", INITIATIVE, hint="Jaar van de start, alleen als de bron het noemt."),
    Field(
        "target_groups",
        "Doelgroepen",
        "text_list",
        INITIATIVE,
        hint="Voor wie het is, kort, in de woorden van de bron.",
        example=[],
    ),
    Field(
        "funding",
        "Financiering",
        "text_list",
        INITIATIVE,
        hint="Hoe het gefinancierd wordt (subsidie, fonds, eigen inkomsten, ...).",
        example=[],
    ),
    Field(
        "figures",
        "Cijfers",
        "figures",
        PRACTICE_OR_ARTICLE,
        hint="Cijfers precies zoals de bron ze geeft, met jaar als dat genoemd wordt.",
        example=[],
    ),
    Field(
        "working_elements",
        "Werkzame elementen",
        "text_list",
        PRACTICE_OR_ARTICLE,
        hint="Wat het laat werken, alleen waar de bron dat noemt.",
        example=[],
    ),
    Field(
        "novelty", "Wat is nieuw", "text", INITIATIVE, hint="Waarom het vernieuwend is, als de bron dat zegt."
    ),
    Field(
        "roles",
        "Rollen",
        "text_list",
        CASE,
        required=True,
        hint="Wie handelen in de casus (bewoner, Wmo-consulent, wijkteam, sociaal ondernemer, ...).",
        example=["bewoner"],
    ),
    Field(
        "questions",
        "Verdiepingsvragen",
        "questions",
        CASE,
        required=True,
        hint="Alle verdiepingsvragen van de casus, in de volgorde van de bron.",
        example=[{"text": "Wat zou jij als eerste doen?"}],
    ),
    Field(
        "literature", "Literatuur", "text_list", CASE, hint="De literatuur die de casus noemt.", example=[]
    ),
    Field(
        "themes",
        "Thema's",
        "text_list",
        ALL,
        vocab="themes",
        hint="Thema's uit vocabulary.yml (een tot vier).",
        example=["participatie"],
    ),
    Field(
        "keywords",
        "Trefwoorden",
        "text_list",
        ALL,
        hint="Trefwoorden (bij een casus: de sleutelwoorden van de bundel).",
        example=[],
    ),
    Field(
        "laws",
        "Wetten (genoemd)",
        "text_list",
        ALL,
        vocab="laws",
        hint="Wetten die de bron zelf noemt, met canonieke naam.",
        example=[],
    ),
    Field(
        "laws_inferred",
        "Wetten (afgeleid)",
        "text_list",
        ALL,
        vocab="laws",
        hint="Wetten die wij erbij lezen maar die de bron niet noemt.",
        example=[],
    ),
    Field(
        "laws_note",
        "Over de wetten",
        "text",
        ALL,
        hint="Alleen als laws en laws_inferred allebei leeg zijn: waarom er geen wet bij hoort.",
    ),
    Field(
        "sources",
        "Bronnen",
        "sources",
        ALL,
        required=True,
        hint="Waar de feiten vandaan komen: bron-id uit sources.yml met pagina('s) of sectie.",
        example=[{"source": "bron-id", "section": "Sectie"}],
    ),
    Field(
        "related",
        "Verwant",
        "text_list",
        ALL,
        hint="Ids van verwante items in de kennisbank (worden gecontroleerd).",
        example=[],
    ),
)

FIELD_BY_NAME = {field.name: field for field in FIELDS}


@dataclass(frozen=True)
class SubField:
    """A key inside one item of a nested list (sources, figures, questions)."""

    name: str
    type: str  # text, int, year, text_or_int, text_list
    required: bool = False
    vocab: str | None = None
    hint: str = ""


SOURCE_REF: tuple[SubField, ...] = (
    SubField("source", "text", required=True, vocab="sources", hint="Id uit content/sources.yml."),
    SubField("pages", "text_or_int", hint="Pagina of paginabereik, zoals '12' of '33-35'."),
    SubField("section", "text", hint="Sectie of kop, waar geen paginanummer bewaard is."),
)

FIGURE: tuple[SubField, ...] = (
    SubField("label", "text", required=True, hint="Wat er geteld of gemeten is."),
    SubField("value", "text_or_int", required=True, hint="De waarde precies zoals de bron hem geeft."),
    SubField("year", "year", hint="Het jaar waarop het cijfer slaat, als de bron dat noemt."),
)

QUESTION: tuple[SubField, ...] = (
    SubField("text", "text", required=True, hint="De verdiepingsvraag, volledig."),
    SubField(
        "styles_inferred",
        "text_list",
        vocab="learning_styles",
        hint="Leerstijl(en) van Kolb die wij in de vraag lezen; de bundel zelf labelt geen vragen.",
    ),
)

NESTED = {"sources": SOURCE_REF, "figures": FIGURE, "questions": QUESTION}

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


def fields_for(kind: str) -> tuple[Field, ...]:
    """The fields of one kind, in the order they are declared."""
    return tuple(field for field in FIELDS if kind in field.kinds)


def known_keys(kind: str) -> set[str]:
    return {field.name for field in fields_for(kind)}
