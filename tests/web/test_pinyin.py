"""Names read in pinyin with the kept phrases (``web/pinyin.py``) as with pypinyin's whole
dictionary: every phrase of it exactly, and random sequences of two to four phrases (other than
those the script was run on) all but about one in a thousand, where a phrase the app does not
keep would have stopped a kept one from taking a character of its neighbour (亲家 in 亲家珍).
Fails after a pypinyin upgrade that changes a reading: run ``python scripts/pinyin_phrases.py``."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from bizsuite.web.forms import search_keys, sort_choices
from bizsuite.web.pinyin import lazy_pinyin

#: Readings of every dictionary phrase and of random sequences, by pypinyin with its whole dictionary.
_WHOLE_DICTIONARY = """
import json, random, sys
from pypinyin import lazy_pinyin
from pypinyin.constants import PHRASES_DICT
phrases = sorted(PHRASES_DICT)
rng = random.Random(7)
sequences = ["".join(rng.sample(phrases, rng.randint(2, 4))) for _ in range(5_000)]
out = {text: lazy_pinyin(text) for text in phrases + sequences}
json.dump({"phrases": phrases, "sequences": sequences, "readings": out}, sys.stdout, ensure_ascii=False)
"""


def test_every_phrase_reads_as_with_the_whole_dictionary() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYPINYIN_")}
    done = subprocess.run(
        [sys.executable, "-c", _WHOLE_DICTIONARY], capture_output=True, text=True, env=env, check=True
    )
    whole = json.loads(done.stdout)
    readings = whole["readings"]
    assert len(whole["phrases"]) > 40_000
    phrases = [(text, readings[text], lazy_pinyin(text)) for text in whole["phrases"]]
    assert [item for item in phrases if item[1] != item[2]] == []
    sequences = [text for text in whole["sequences"] if lazy_pinyin(text) != readings[text]]
    assert len(sequences) <= len(whole["sequences"]) // 200, sequences[:5]


def test_names_sort_and_are_found_by_their_phrase_readings() -> None:
    # 重庆 and 长沙 read "chong qing", "chang sha" only as phrases (alone: zhong, zhang).
    names = [("1", "长沙分店"), ("2", "重庆分店"), ("3", "北京分店")]
    assert [label for _, label in sort_choices(names, locale="zh-CN")] == ["北京分店", "长沙分店", "重庆分店"]
    assert search_keys("重庆银行") == "chongqingyinhang cqyh"
