"""The phrases of pypinyin's dictionary the app needs: ``platform/bizsuite/web/pinyin_phrases.json``.

pypinyin reads a name through its dictionary of 47,000 phrases, so that 重庆 is "chong qing" and
银行 "yin hang" (its characters alone would read "zhong", "xing"). Held in memory the dictionary
and its segmenter's prefixes cost a server some 45 MB, yet most of its phrases read as their
characters do alone. The app loads only the phrases that change a reading (``web/forms.py``):
this script finds them, with pypinyin's full dictionary in one process and the kept phrases in
another, until every phrase of the dictionary and every one of many random phrase sequences
reads the same in both.

    python scripts/pinyin_phrases.py   # after upgrading pypinyin (tests/web/test_pinyin.py fails)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "platform" / "bizsuite" / "web" / "pinyin_phrases.json"
#: Random sequences of two to four dictionary phrases read in both processes (fixed seed).
SEQUENCES = 60_000

_FULL = """
import json, random, sys
from pypinyin import lazy_pinyin
from pypinyin.constants import PHRASES_DICT
from pypinyin.seg.mmseg import seg
phrases = sorted(PHRASES_DICT)
rng = random.Random(20261207)
texts = phrases + ["".join(rng.sample(phrases, rng.randint(2, 4))) for _ in range(int(sys.argv[1]))]
out = {
    "dictionary": {p: PHRASES_DICT[p] for p in phrases},
    "texts": texts,
    "readings": [lazy_pinyin(t) for t in texts],
    "words": [[w for w in seg.cut(t) if w in PHRASES_DICT] for t in texts],
}
json.dump(out, sys.stdout, ensure_ascii=False)
"""

_KEPT = """
import json, sys
from pypinyin import lazy_pinyin, load_phrases_dict
data = json.load(sys.stdin)
load_phrases_dict(data["kept"])
json.dump([lazy_pinyin(t) for t in data["texts"]], sys.stdout, ensure_ascii=False)
"""


def _python(code: str, *args: str, stdin: str | None = None, no_phrases: bool = False) -> str:
    env = dict(os.environ)
    if no_phrases:
        env.update(PYPINYIN_NO_PHRASES="true", PYPINYIN_NO_DICT_COPY="true")
    else:
        env.pop("PYPINYIN_NO_PHRASES", None)
    done = subprocess.run(
        [sys.executable, "-c", code, *args], input=stdin, capture_output=True, text=True, env=env, check=True
    )
    return done.stdout


def needed_phrases() -> dict[str, list[list[str]]]:
    """The smallest set found of phrases (in pypinyin's own form) under which every text reads
    as with the full dictionary."""
    full = json.loads(_python(_FULL, str(SEQUENCES)))
    dictionary: dict[str, list[list[str]]] = full["dictionary"]
    texts, readings, words = full["texts"], full["readings"], full["words"]
    kept: set[str] = set()
    while True:
        got = json.loads(
            _python(
                _KEPT,
                stdin=json.dumps({"kept": {p: dictionary[p] for p in kept}, "texts": texts}),
                no_phrases=True,
            )
        )
        wrong = [i for i, reading in enumerate(got) if reading != readings[i]]
        print(
            f"{len(kept)} phrases kept: {len(wrong)} of {len(texts)} texts read differently", file=sys.stderr
        )
        if not wrong:
            return {p: dictionary[p] for p in sorted(kept)}
        # A phrase that reads wrong alone is kept itself; once none does, the phrases of the
        # sequences that still read wrong (a kept phrase can take a character from its neighbour).
        alone = [texts[i] for i in wrong if i < len(dictionary)]
        kept.update(alone or (w for i in wrong for w in words[i]))


def render(phrases: dict[str, list[list[str]]]) -> str:
    return json.dumps(phrases, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def main() -> int:
    OUTPUT.write_text(render(needed_phrases()), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
