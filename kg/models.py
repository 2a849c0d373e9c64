"""The data that flows between pipeline stages: plain frozen records.

Offsets are character offsets into ``Document.text`` (the cleaned text), half-open ``[start, end)``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "ACHIEVED", "PLANNED", "UNKNOWN", "ENTITY_TYPES", "RELATION_TYPES",
    "Part", "Section", "Paragraph", "Sentence", "GlossaryEntry", "Document",
    "Mention", "Entity", "Relation", "Metric", "Definition", "Extraction",
]

ACHIEVED = "achieved"
PLANNED = "planned"
UNKNOWN = "unknown"

ENTITY_TYPES = (
    "Organization", "ResidentialArea", "Place", "Facility", "Program", "Brand", "Mechanism",
    "Award", "PolicyDocument", "CreativeWork", "Person", "Concept", "TargetGroup",
)
RELATION_TYPES = ("receivedAward", "locatedIn", "partOf", "targets", "organizedBy", "definedAs")


@dataclass(frozen=True)
class Part:
    """A top-level part (一、二、…) of a report, or the preamble (index 0) or the glossary."""
    index: int
    title: str
    start: int
    end: int
    status: str = UNKNOWN
    year: int | None = None
    is_glossary: bool = False


@dataclass(frozen=True)
class Section:
    """A numbered section ((一)、(二)…) inside a part; index is 1-based within the part."""
    part: int
    index: int
    title: str
    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    index: int
    part: int
    section: int | None
    start: int
    end: int
    is_heading: bool = False


@dataclass(frozen=True)
class Sentence:
    """A sentence with its place in the document and the status/year of its part."""
    index: int
    text: str
    start: int
    end: int
    part: int
    section: int | None
    paragraph: int
    status: str = UNKNOWN
    year: int | None = None
    in_glossary: bool = False


@dataclass(frozen=True)
class GlossaryEntry:
    """One item of a 名词解释 / 注释 glossary: the term as written and its definition."""
    term: str
    definition: str
    start: int
    end: int
    sentence: int | None = None


@dataclass(frozen=True)
class Document:
    doc_id: str
    source: str
    text: str
    title: str = ""
    issuer: str = ""
    place: str = ""
    level: str = ""
    date: str = ""
    encoding: str = "utf-8"
    parts: tuple[Part, ...] = ()
    sections: tuple[Section, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity name in a sentence."""
    surface: str
    sentence: int
    start: int
    end: int


@dataclass
class Entity:
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 1.0
    rule: str = ""          # the extraction rule that named it (what its confidence is calibrated on)
    found_in: tuple[int, ...] = ()  # sentences the rules built it from (方舟 in 方舟、秀水社区…站)

    def sentences(self) -> list[int]:
        """The sentences that name it, or, for a name the text never spells out whole (an elided list
        item, a name only inside a longer one), those it was found in: every entity has evidence.
        In the order of the mentions (the first is its evidence)."""
        return list(dict.fromkeys(m.sentence for m in self.mentions)) or list(self.found_in)

    def statuses(self, doc: Document) -> list[str]:
        return sorted({doc.sentences[i].status for i in self.sentences()})

    def years(self, doc: Document) -> list[int]:
        return sorted({y for i in self.sentences() if (y := doc.sentences[i].year) is not None})


@dataclass(frozen=True)
class Relation:
    """subject --predicate--> object, by canonical names, with the sentence it came from."""
    subject: str
    predicate: str
    object: str
    sentence: int
    confidence: float = 1.0
    cue: str = ""


@dataclass(frozen=True)
class Metric:
    subject: str
    value: str          # decimal as text, e.g. "16.5", "2400000"
    unit: str
    year: int | None
    qualifier: str
    sentence: int
    about: str = ""     # canonical name of an entity the metric is about, if any
    confidence: float = 1.0


@dataclass(frozen=True)
class Definition:
    """A glossary definition attached to an entity (definedAs)."""
    term: str           # canonical entity name
    definition: str
    sentence: int | None = None


@dataclass
class Extraction:
    document: Document
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)
