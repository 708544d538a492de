"""LEADER mentions: named political leaders, the name as the span, the title as the role.

Japanese writes a leader as name + (country or organization) + title:
プーチン大統領, エリツィン前大統領, プーチン大統領代行(当時), バイデン米大統領,
習近平中国国家主席, グテーレス国連事務総長, 岸田文雄首相.  :func:`find_leaders`
reads that pattern in normalized text with the titles of ``data/titles.tsv``:

* a katakana name (with ・ for full names) before a title is a leader unless
  it is a country or organization (ロシア大統領 has no name);
* a kanji name before a title is a leader when the glossary or GiNZA (a
  ``Person`` span passed in ``persons``) knows it — kanji runs have no
  visible boundary, so the longest known suffix of the run is the name;
* a name the glossary lists as a leader is a leader also without a title
  (クリントン政権, プーチン氏, プーチンは …), unless it names something else
  (ラムスフェルド報告 is a report, ブッシュ・ドクトリン a doctrine).

The role is the title as written after the name, with 前/元/次期, 代行 and
(当時): ``前大統領``, ``大統領代行(当時)``.  Titles without a name (米露両大統領)
are not mentions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from ..glossary import Glossary, match_key
from . import longest_first, read_table

_KATAKANA = r"[\u30a1-\u30fa\u30fc]"
_KANJI = r"[\u4e00-\u9fff\u3005]"
# Country and organization words that sit between a name and a title.
COUNTRY_WORDS = (
    "米国", "アメリカ", "米", "ロシア", "露", "ロ", "ソ連", "ソ", "中国", "中", "英国", "イギリス", "英", "フランス", "仏",
    "ドイツ", "独", "日本", "日", "韓国", "韓", "北朝鮮", "朝", "イラン", "イラク", "インド", "パキスタン", "イスラエル",
    "ウクライナ", "国連", "IAEA", "NATO", "EU", "OPCW", "CTBTO",
)  # fmt: skip
# What a person's name may be part of without naming the person.
NOT_A_PERSON_AFTER = ("報告", "報告書", "委員会", "ドクトリン", "・ドクトリン", "主義", "大学", "財団", "賞", "センター", "研究所", "構想", "計画")
PERSON_CONTEXT_AFTER = ("政権", "氏", "政府", "内閣", "元", "前")


@dataclass(frozen=True)
class LeaderMatch:
    start: int
    end: int
    text: str
    role: str | None = None
    entry_id: str | None = None


@cache
def countries() -> frozenset[str]:
    """Match keys of country and region names, from ``data/countries.tsv`` and the mid-words above."""
    return frozenset(match_key(r["ja"]) for r in read_table("countries.tsv")) | frozenset(
        match_key(c) for c in COUNTRY_WORDS
    )


@cache
def titles() -> tuple[str, ...]:
    """Leadership titles, longest first, from ``data/titles.tsv``."""
    return tuple(sorted((r["title"] for r in read_table("titles.tsv")), key=len, reverse=True))


@cache
def _title_re() -> re.Pattern[str]:
    countries = "|".join(re.escape(c) for c in sorted(COUNTRY_WORDS, key=len, reverse=True))
    ts = "|".join(re.escape(t) for t in titles())
    return re.compile(
        rf"(?P<mid>・?(?:{countries}))?(?P<pre>前|元|次期|現)?(?P<title>{ts})(?P<acting>代行)?(?P<then>\(当時\))?"
    )


_KATAKANA_RUN = re.compile(rf"{_KATAKANA}(?:{_KATAKANA}|[・=])*$")
_KANJI_RUN = re.compile(rf"{_KANJI}+$")
_KATAKANA_RUN_CHAR = re.compile(rf"{_KATAKANA}|[・=]")
_KANJI_CHAR = re.compile(_KANJI)


def _run_before(run: re.Pattern[str], char: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    """``run.search(text, 0, end)`` without scanning from 0 for every title: step back over the run first."""
    start = end
    while start > 0 and char.fullmatch(text[start - 1]):
        start -= 1
    return run.search(text, start, end)
_NON_NAME_KANJI = re.compile(r"[両各歴同諸新前元次現副旧初当]")


def find_leaders(
    text: str,
    glossary: Glossary | None = None,
    persons: Sequence[tuple[int, int]] = (),
    year_at: Callable[[int], int | None] | None = None,
) -> list[LeaderMatch]:
    """LEADER mentions of normalized ``text`` in order.

    ``persons`` are character spans a tagger found as person names (GiNZA's
    ``Person``); ``year_at(offset)`` gives the year in force at an offset, to
    tell apart leaders who share a name (two Bushes).
    """
    found: dict[int, LeaderMatch] = {}

    def entry_for(name: str, pos: int, role: str | None = None) -> str | None:
        if glossary is None:
            return None
        e = glossary.lookup(name, "LEADER", year_at(pos) if year_at else None, role)
        return e.id if e else None

    country_keys = countries()
    for m in _title_re().finditer(text):
        ts = m.start()
        role = (m.group("pre") or "") + m.group("title") + (m.group("acting") or "") + (m.group("then") or "")
        kat = _run_before(_KATAKANA_RUN, _KATAKANA_RUN_CHAR, text, ts)
        kan = _run_before(_KANJI_RUN, _KANJI_CHAR, text, ts)
        if kat:
            name = kat.group().strip("・=")
            start = kat.start()
            # ウラジーミル・プーチン・ロシア: the last component may be a country
            parts = name.split("・")
            while parts and match_key(parts[-1]) in country_keys:
                parts.pop()
            name = "・".join(parts)
            if not name or match_key(name) in country_keys or _is_org(name, glossary):
                continue
            if text[start : start + len(name)] != name:
                continue
            found[start] = LeaderMatch(start, start + len(name), name, role, entry_for(name, start, role))
        elif kan:
            # The name ends where the country word or the title starts — or, when the
            # glossary knows a longer name, inside what looked like a country word (田中外相).
            ends = sorted({ts, m.start("pre") if m.group("pre") else m.start("title")}, reverse=True)
            for end in ends:
                hit = _kanji_name(text, kan.start(), end, role, entry_for, glossary, persons)
                if hit:
                    found[hit.start] = hit
                    break
    # Names the glossary knows, with or without a title.
    if glossary is not None:
        covered = bytearray(len(text) + 1)  # offsets inside a mention found so far (no scan of them all per name)
        for f in found.values():
            covered[f.start : f.end] = b"\x01" * (f.end - f.start)
        for pat, _script in _name_patterns(glossary):
            for m in pat.finditer(text):
                s, e = m.span()
                if s in found or covered[s]:
                    continue
                after = text[e : e + 4]
                if any(after.startswith(x) for x in NOT_A_PERSON_AFTER):
                    continue
                is_kanji_surname = re.fullmatch(rf"{_KANJI}{{1,2}}", m.group()) is not None
                if is_kanji_surname and not any(after.startswith(x) for x in PERSON_CONTEXT_AFTER):
                    continue  # 岸田 alone could be anyone; 岸田政権 is the prime minister
                found[s] = LeaderMatch(s, e, m.group(), None, entry_for(m.group(), s))
                covered[s:e] = b"\x01" * (e - s)
    # drop title-mentions that name something else (ラムスフェルド報告 has no title, but be safe)
    out = [f for f in found.values() if not any(text.startswith(x, f.end) for x in NOT_A_PERSON_AFTER)]
    return longest_first(out)


def _kanji_name(text, run_start, end, role, entry_for, glossary, persons):  # type: ignore[no-untyped-def]
    """The longest known name ending at ``end`` inside the kanji run: glossary first, then the tagger."""
    for s in range(run_start, end):
        cand = text[s:end]
        if _NON_NAME_KANJI.search(cand[:1]):
            continue
        entry = entry_for(cand, s, role)
        if entry is not None or (glossary is not None and glossary.candidates(cand, "LEADER")):
            return LeaderMatch(s, end, cand, role, entry)
        if len(cand) >= 2 and any(ps <= s and end <= pe for ps, pe in persons):
            return LeaderMatch(s, end, cand, role, None)
    return None


def _is_org(name: str, glossary: Glossary | None) -> bool:
    if glossary is None:
        return False
    return any(e.label != "LEADER" for e in glossary.candidates(name))


def _name_patterns(glossary: Glossary) -> list[tuple[re.Pattern[str], str]]:
    """Two regexes (katakana names, kanji names) over all the glossary's leader forms, longest first.

    One alternation per script instead of one pattern per form: the text is scanned twice, not
    hundreds of times.  The second item of each pair is a form of that script (for the kanji rules).
    """
    cached = glossary.cache.get("leader_names")
    if cached is not None:
        return cached
    from ..normalize import normalize

    forms = {normalize(f) for f, _ in glossary.forms_of("LEADER") if not re.search(r"[A-Za-z]", f)}
    kata = sorted((f for f in forms if re.fullmatch(rf"{_KATAKANA}+(?:[・=]{_KATAKANA}+)*", f) and len(f) >= 3),
                  key=len, reverse=True)  # fmt: skip
    kanji = sorted((f for f in forms if re.fullmatch(rf"{_KANJI}+", f)), key=len, reverse=True)
    pats = []
    if kata:
        alt = "|".join(map(re.escape, kata))
        pats.append((re.compile(rf"(?<![\u30a1-\u30fa\u30fc・])(?:{alt})(?![\u30a1-\u30fa\u30fc])"), "カナ"))
    if kanji:
        alt = "|".join(map(re.escape, kanji))
        pats.append((re.compile(rf"(?<!{_KANJI})(?:{alt})"), "漢字"))
    glossary.cache["leader_names"] = pats
    return pats
