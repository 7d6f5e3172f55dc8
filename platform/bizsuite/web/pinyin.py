"""pypinyin, with only the phrases that change a reading (what names sort and are found by).

pypinyin reads a text through its dictionary of 47,000 phrases, so that 重庆 is "chong qing"
and 银行 "yin hang" where the characters alone read "zhong", "xing". Loaded whole, the
dictionary and its segmenter's prefixes hold some 45 MB for the process's life; most of its
phrases read as their characters do alone. ``pinyin_phrases.json`` keeps the 3,800 that do not,
found by ``scripts/pinyin_phrases.py``; ``tests/web/test_pinyin.py`` checks that every phrase of
the dictionary, and random sequences of them, read here as with the whole dictionary.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

# Read by pypinyin when it is imported: no phrase dictionary, and no copy of it.
os.environ.setdefault("PYPINYIN_NO_PHRASES", "true")
os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "true")

from pypinyin import Style, lazy_pinyin, load_phrases_dict

PHRASES = Path(__file__).with_name("pinyin_phrases.json")

load_phrases_dict(json.loads(PHRASES.read_text(encoding="utf-8")))

__all__ = ["Style", "lazy_pinyin"]
