"""Letter-spaced lines (PDF extraction that puts a space after every character: ``S T A R T III 条 約``).

:func:`despace` gives a view of such text without those spaces, and where each of its characters came from,
so that rules written for running text find names there and report offsets into the text as written.  A line
counts as letter-spaced when most of its space-separated tokens are single characters; a line break between
two letter-spaced lines (a blank line between them or not) is layout too, a name wrapped over them, unless the
first line ends a sentence.  Other lines are left as they are: a single
space between words of running text separates them.
"""

from __future__ import annotations

import re

# At least this many tokens, and this share of them one character long, make a line letter-spaced.
MIN_TOKENS = 6
MIN_SINGLE_SHARE = 0.6
_SPACE_BETWEEN = re.compile(r"(?<=\S) (?=\S)")
_SENTENCE_END = ("。", ".", "!", "?")


def _letter_spaced(line: str) -> bool:
    tokens = [t for t in line.split(" ") if t]
    return len(tokens) >= MIN_TOKENS and sum(len(t) == 1 for t in tokens) >= MIN_SINGLE_SHARE * len(tokens)


def despace(text: str) -> tuple[str, list[int]] | None:
    """``text`` without the spaces of its letter-spaced lines and the breaks between two such lines, and the
    index in ``text`` of each character kept; None when no line is letter-spaced (the common case)."""
    lines = text.split("\n")
    spaced = [_letter_spaced(line) for line in lines]
    if not any(spaced):
        return None
    drop: set[int] = set()
    pos = 0
    for k, line in enumerate(lines):
        if spaced[k]:
            drop.update(pos + m.start() for m in _SPACE_BETWEEN.finditer(line))
            # the break between two letter-spaced lines, a blank line between them or not, unless a sentence ends
            j = k + 1 if k + 1 < len(lines) and lines[k + 1].strip() else k + 2
            if j < len(lines) and spaced[j] and not line.rstrip().endswith(_SENTENCE_END):
                drop.update(range(pos + len(line), pos + len(line) + j - k))
        pos += len(line) + 1
    keep = [i for i in range(len(text)) if i not in drop]
    return "".join(text[i] for i in keep), keep
