"""Stage 4b: relations between the entities of a document, from the genre's cue words."""
from __future__ import annotations

from typing import NamedTuple, Sequence

from .models import Document, Entity, Relation

__all__ = ["Hint", "extract_relations"]


class Hint(NamedTuple):
    """A relation a naming rule already saw (爱心点名行动2.0版 partOf 爱心点名), by surface names."""
    subject: str
    predicate: str
    object: str
    sentence: int
    confidence: float = 0.8
    cue: str = ""


def extract_relations(doc: Document, entities: Sequence[Entity], hints: Sequence[Hint] = (),
                      issuer: str = "") -> list[Relation]:
    """Relations of the document (placeholder while the cue rules are written)."""
    return [Relation(h.subject, h.predicate, h.object, h.sentence, h.confidence, h.cue) for h in hints]
