"""Writes the request-log shape of the token benchmark: 480 short texts as JSON strings, one per line (about 0.3 MB).

Each request is one of three system prompts (paragraphs of the Debian Reference, repeated as real traffic repeats its
prompts) followed by a user message: one or two paragraphs drawn from the corpus files (English, Java, Japanese,
Chinese, Russian). A fixed seed, so the file is the same for the same corpus.
"""
import json
import random
import sys
from pathlib import Path

corpus = Path(sys.argv[1])
rng = random.Random(5)


def paragraphs(name, lo=80, hi=1200):
    text = (corpus / name).read_text(encoding="utf-8")
    return [p for p in text.split("\n\n") if lo <= len(p) <= hi]


english = paragraphs("en-prose.txt")
pools = [english, paragraphs("java-code.txt"), paragraphs("ja.txt", 40), paragraphs("zh.txt", 40), paragraphs("ru.txt")]
weights = [5, 3, 1, 1, 1]
systems = english[100:103]
for _ in range(480):
    pool = rng.choices(pools, weights)[0]
    user = "\n\n".join(rng.choice(pool) for _ in range(rng.randint(1, 2)))
    print(json.dumps(rng.choice(systems) + "\n\n" + user, ensure_ascii=False))
