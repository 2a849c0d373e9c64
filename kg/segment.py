"""One jieba tokenizer with the project's user dictionary, built once on first use; name keys.

The extractor needs word boundaries and a coarse part of speech for each word. Running jieba's
``posseg`` (HMM over tags) is several times slower than plain cutting, so we cut once without HMM
and look each word's tag up in jieba's own dictionary (plus our user dictionary).
"""
from __future__ import annotations

import logging
import re
import unicodedata
from functools import cache
from typing import NamedTuple

import jieba

from .resources import read_lines, read_table

__all__ = ["Token", "tokenizer", "word_tags", "tokens", "cut", "name_key", "PUNCT"]

PUNCT = frozenset("，,。．.；;：:、！!？?（）()「」『』【】《》“”‘’\"'…—-－~～·/ \u3000\u00a0\t")
_KEY_DROP = re.compile(r"[“”\"'‘’《》「」\s]")


class Token(NamedTuple):
    """One word of a sentence: text, half-open character span in the sentence, dictionary tag."""
    text: str
    start: int
    end: int
    tag: str


@cache
def _segmenter() -> tuple[jieba.Tokenizer, dict[str, str]]:
    """Build the tokenizer and the word → tag table once (about a second, paid on first use)."""
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    tags: dict[str, str] = {}
    with tk.get_dict_file() as fh:
        for raw in fh:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    for word in read_lines("split_words.txt"):
        tk.del_word(word)
    for row in read_table("userdict.tsv"):
        word, freq, tag = (row + ("", ""))[:3]
        tk.add_word(word, int(freq) if freq else None, tag or None)
        if tag:
            tags[word] = tag
    return tk, tags


def tokenizer() -> jieba.Tokenizer:
    """The project's tokenizer (jieba's dictionary plus kg/resources/userdict.tsv)."""
    return _segmenter()[0]


def word_tags() -> dict[str, str]:
    """Word → jieba part-of-speech tag, for every dictionary word."""
    return _segmenter()[1]


def cut(text: str) -> list[str]:
    """Words of ``text`` (dictionary-based, no HMM: unknown names come out as single characters)."""
    return _segmenter()[0].lcut(text, HMM=False)


def tokens(text: str) -> list[Token]:
    """Words of ``text`` with their spans and tags ('x' for punctuation and unknown words)."""
    tk, tags = _segmenter()
    out, pos = [], 0
    for word in tk.lcut(text, HMM=False):
        end = pos + len(word)
        out.append(Token(word, pos, end, tags.get(word, "x")))
        pos = end
    return out


def name_key(name: str) -> str:
    """Matching key of a name: NFKC (full/half width alike), no quotes, brackets or spaces.

    >>> name_key("《某街道“两所联动”规范》") == name_key("某街道两所联动规范")
    True
    """
    return _KEY_DROP.sub("", unicodedata.normalize("NFKC", name))
