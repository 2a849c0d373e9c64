"""Stage 4c: numbers the report states about something (value, unit, year, qualifier, subject)."""
from __future__ import annotations

from typing import Sequence

from .models import Document, Entity, Metric

__all__ = ["extract_metrics"]


def extract_metrics(doc: Document, entities: Sequence[Entity] = ()) -> list[Metric]:
    """Metrics of the document (placeholder while the rules are written)."""
    return []
