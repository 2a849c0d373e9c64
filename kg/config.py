"""One frozen configuration object handed to the pipeline; the CLI only fills it in."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Config", "DEFAULT_BASE_IRI", "ONTOLOGY_IRI"]

DEFAULT_BASE_IRI = "https://kg.example.org/id/"
ONTOLOGY_IRI = "https://kg.example.org/ontology#"


@dataclass(frozen=True)
class Config:
    base_iri: str = DEFAULT_BASE_IRI
    out_dir: Path = Path("exports")
    jobs: int = 1
    min_confidence: float = 0.0
    validate: bool = True

    def __post_init__(self) -> None:
        if not self.base_iri.startswith(("http://", "https://", "urn:")) or any(
                ch in self.base_iri for ch in ' <>"{}|\\^`'):
            raise ValueError(f"invalid base IRI: {self.base_iri!r}")
        if not self.base_iri.endswith(("/", "#", ":")):
            object.__setattr__(self, "base_iri", self.base_iri + "/")
        if self.jobs < 1:
            object.__setattr__(self, "jobs", os.cpu_count() or 1)
