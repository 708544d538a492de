"""TREATY mentions from the grammar of Japanese treaty names.

A Japanese treaty name is a noun phrase ending in a *head* (条約, 協定,
議定書, 合意声明, 了解事項, 共同声明, 宣言, 規約, 憲章, 覚書, 関連文書, a law
such as 批准法 …).  :func:`find_treaties` finds each head in normalized text
and grows the name to the left over

* name material: kanji, katakana, Latin letters and digits, and an
  abbreviation in brackets (対弾道ミサイル(ABM)条約);
* the connectors formal titles are built with — に関する, についての, に関連
  する, における, のための, and a verb phrase を…する — and, only inside such a
  formal title, の, 以外の, 及び/および, 並びに/ならびに and a short 、
  enumeration (化学兵器の開発、生産、貯蔵及び使用の禁止並びに廃棄に関する条約).

A following bracketed abbreviation joins the span (化学兵器禁止条約(CWC)),
and a head after a name composes with it (STARTII条約議定書,
ABM条約関連文書批准法).  同条約 / 両条約 / 同条約議定書 are anaphors.  A
phrase counts as a name only with evidence that it is one: a glossary form,
Latin letters, a formal connector, an ordinal (第二次), a descriptive noun
(禁止, 削減, 不拡散 …), a leading katakana proper noun or a country pair
(日米, 米ソ).  The bare head (条約の批准), generic phrases (多数国間協定) and
organizations (北大西洋条約機構) are not names.

Standalone abbreviations are TREATY mentions when the glossary knows them as
a treaty's form (NPT, CTBT, 新START, START II), and so are the official English
titles of the glossary in English text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..glossary import Glossary
from . import longest_first
from .dates import leading_date_end

HEADS = (
    "条約案", "協定案", "議定書案", "条約", "協定", "議定書", "合意声明", "了解事項", "了解覚書", "覚書", "共同声明", "共同宣言", "宣言", "合意",
    "規約", "憲章", "取極", "取決め", "協約", "関連文書", "関係文書", "行動規範", "共同作業計画",
)  # fmt: skip
# Laws: a head 法 only after these stems (方法, 手法, 憲法 are not laws about treaties).
LAW_STEMS = ("批准", "関連", "防衛", "規制", "禁止", "基本", "措置", "特措", "管理", "実施", "輸出管理", "授権")
ANAPHOR_PREFIXES = ("同", "両", "本", "当該", "前記", "上記")
FORMAL_CONNECTORS = ("との間の", "との間における", "に関する", "についての", "に関連する", "における", "のための", "に基づく")
INNER_CONNECTORS = ("その他の", "以外の", "及び", "および", "並びに", "ならびに", "又は", "または", "の", "と")
AND_CONNECTORS = ("及び", "および", "並びに", "ならびに")
DESCRIPTIVE = ("禁止", "削減", "制限", "不拡散", "廃棄", "全廃", "撤廃", "規制", "防止", "非核", "平和利用", "安全保障", "信頼醸成", "検証")
GENERIC = frozenset(
    {"多数国間", "多国間", "二国間", "国際", "軍備管理", "核軍備管理", "軍縮", "国家間", "地域", "既存", "新", "旧", "関連"}
)
COUNTRY_PAIRS = re.compile(r"^(?:日米|米ソ|米露|米ロ|日ソ|日露|日ロ|日中|日韓|米朝|米英|英仏|独仏|中ソ|米中|米韓|米印|日豪)")
NOT_AFTER = ("機構", "機関")  # 北大西洋条約機構 is an organization

_NAME_CHAR = r"[\u4e00-\u9fff\u3005\u30a1-\u30fa\u30fc\u30fb\uff65A-Za-z0-9]"
# A bracketed abbreviation has a letter in it: (ABM), (START-2); a bracketed number, (3), is a note or list
# marker and never part of a name.
_ABBR_GROUP = re.compile(r"\((?=[^)]*[A-Za-z])[A-Za-z0-9 .\-]+(?:条約|協定)?\)$")
# を + a verb in its dictionary form: を迎撃する, を律する, を含む, を禁止する
_VERB_PHRASE = re.compile(r"を[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{1,8}(?:する|[むうくぐすつぬぶる])$")
_ORDINAL = re.compile(r"第[0-9一二三四五六七八九十]+次")
_LATIN = re.compile(r"[A-Za-z]")
_KATAKANA_START = re.compile(r"^[\u30a1-\u30fa\u30fc]{3,}")
# What may follow a name in brackets: an abbreviation (CWC), (STARTII条約), (新START), or a short
# name of the same instrument ending in a head: (モスクワ条約), (INF全廃条約), (宇宙条約)
_TRAILING_ABBR = re.compile(
    r"\((?:(?=[^)]*[A-Za-z])[A-Za-z0-9 .\-]+(?:条約|協定)?|新[A-Za-z]+|[^()。、\s]{1,20}(?:条約|協定|議定書|合意))\)"
)


@dataclass(frozen=True)
class TreatyMatch:
    start: int
    end: int
    text: str
    anaphor: bool = False
    head: str = ""


def _head_pattern() -> re.Pattern[str]:
    heads = "|".join(sorted(HEADS, key=len, reverse=True))
    return re.compile(rf"(?:{heads}|法律|法)")


_HEAD_RE = _head_pattern()


def _grow_left(text: str, head_start: int) -> tuple[int, bool]:
    """Leftmost start of the name ending at ``head_start``; and whether a formal connector was seen."""
    i = head_start
    formal = False
    seen_and = False
    while i > 0:
        # an abbreviation in brackets inside the name: 対弾道ミサイル(ABM)条約
        if text[i - 1] == ")":
            m = _ABBR_GROUP.search(text, 0, i)
            if m:
                i = m.start()
                continue
            break
        if re.match(_NAME_CHAR, text[i - 1]):
            i -= 1
            continue
        if text[i - 1] == " " and i >= 2 and text[i - 2].isascii() and text[i - 2].isalnum() and text[i].isascii():
            i -= 1  # a space inside a Latin name: START II条約, New START条約
            continue
        for c in FORMAL_CONNECTORS:
            if text.startswith(c, i - len(c)) and i - len(c) > 0 and re.match(_NAME_CHAR, text[i - len(c) - 1]):
                i -= len(c)
                formal = True
                break
        else:
            m = _VERB_PHRASE.search(text, max(0, i - 12), i)
            if m and m.end() == i and m.start() > 0 and re.match(_NAME_CHAR, text[m.start() - 1]):
                i = m.start()
                formal = True
                continue
            for c in INNER_CONNECTORS:
                j = i - len(c)
                if j > 0 and text.startswith(c, j) and re.match(_NAME_CHAR, text[j - 1]):
                    if not formal:
                        # 相互協力及び安全保障条約, 首脳の共同声明: an inner connector is part of the
                        # name only if a formal connector follows further left
                        k, f = _grow_left(text, j)
                        return (k, True) if f else (i, False)
                    i = j
                    seen_and = seen_and or c in AND_CONNECTORS
                    break
            else:
                # an enumeration before 及び/並びに inside a formal title: 開発、生産、貯蔵及び使用
                m = _ENUM_ITEM.search(text, max(0, i - 6), i)
                if formal and seen_and and text[i - 1] == "、" and m and m.end() == i:
                    i = m.start()
                    continue
                break
    return i, formal


# An enumerated item: 2-4 kanji after a non-kanji character, then 、
_ENUM_ITEM = re.compile(r"(?<![\u4e00-\u9fff0-9A-Za-z])[\u4e00-\u9fff]{2,4}、$")


def _evidence(core: str, formal: bool, glossary: Glossary | None, span_text: str, head: str) -> bool:
    if formal or _LATIN.search(core) or _ORDINAL.search(core):
        return True
    if head == "法" and len(core) >= 4:
        return True  # 国家ミサイル防衛法, 批准関連法: a compound ending in a law stem names a law
    if glossary is not None and (
        glossary.lookup(span_text, "TREATY") is not None or glossary.lookup(_strip_abbr(span_text), "TREATY")
    ):
        return True
    if core in GENERIC or not core:
        return False
    if any(d in core for d in DESCRIPTIVE) or COUNTRY_PAIRS.match(core) or _KATAKANA_START.match(core):
        return True
    return False


def _strip_abbr(s: str) -> str:
    return _TRAILING_ABBR.sub("", s)


def find_treaties(text: str, glossary: Glossary | None = None) -> list[TreatyMatch]:
    """TREATY mentions of normalized ``text``, longest first wins, in order."""
    cands: list[TreatyMatch] = []
    for m in _HEAD_RE.finditer(text):
        hs, he = m.start(), m.end()
        if any(text.startswith(x, he) for x in NOT_AFTER):
            continue
        if m.group() == "法" and not any(text.endswith(stem, 0, hs) for stem in LAW_STEMS):
            continue  # 方法, 憲法, 手法: not laws about treaties
        start, formal = _grow_left(text, hs)
        if m.group() == "法律" and not text.endswith("に関する", 0, hs):
            continue  # only 〜に関する法律 names a law (not 批准を撤回する法律)
        # strip leading connectors/particles the loop may have crossed
        while start < hs and text[start] in "のをにはがもでと、":
            start += 1
        start += leading_date_end(text[start:hs])  # 1925年ジュネーブ議定書: the date is a DATE, not the name
        while start < hs and text[start] in "のをにはがもでと、":
            start += 1
        core = text[start:hs]
        end = he
        ab = _TRAILING_ABBR.match(text, end)
        if ab:
            end = ab.end()
        anaphor = False
        for p in ANAPHOR_PREFIXES:
            if core.startswith(p) and not _LATIN.search(core):
                rest = core[len(p) :]
                # 同条約 / 同条約議定書 / 両条約: the rest is empty or itself ends in a head
                if rest == "" or any(rest.endswith(h) for h in HEADS):
                    anaphor = True
                break
        if not anaphor:
            if not _evidence(core, formal, glossary, text[start:end], m.group()):
                continue
        cands.append(TreatyMatch(start, end, text[start:end], anaphor, m.group()))
    cands += _abbreviations(text, glossary)
    return longest_first(cands)


def _abbreviations(text: str, glossary: Glossary | None) -> list[TreatyMatch]:
    if glossary is None:
        return []
    out = []
    for form in _abbr_forms(glossary):
        for m in form.finditer(text):
            end = m.end()
            # New START(新START), JCPOA(Joint Comprehensive Plan of Action): the other name in brackets joins
            br = re.match(r"\(([^()]{1,80})\)", text[end:])
            if br and (glossary.lookup(br.group(1), "TREATY") or _LATIN.search(br.group(1))):
                end += br.end()
            out.append(TreatyMatch(m.start(), end, text[m.start() : end], False, ""))
    return out


def _abbr_forms(glossary: Glossary) -> list[re.Pattern[str]]:
    """Regexes for the Latin-letter treaty forms of the glossary (NPT, START II, 新START)."""
    cached = glossary.cache.get("treaty_abbreviations")
    if cached is not None:
        return cached
    from ..normalize import normalize

    forms = set()
    for form, entry in glossary.forms_of("TREATY"):
        f = normalize(form)
        if _LATIN.search(f) and not re.search(r"[条約協定書法]$", f) and len(f) >= 3:
            forms.add(f)
    # Official English titles, for English text (footnotes, quotations)
    for entry in glossary:
        if entry.label == "TREATY" and entry.en_full and " " in entry.en_full:
            forms.add(re.sub(r"^(?i:the)\s+", "", entry.en_full))
    # one alternation, longest first: the text is scanned once, not once per form
    alts = [r"\s?".join(re.escape(part) for part in f.split()) for f in sorted(forms, key=len, reverse=True)]
    pats = [re.compile(rf"(?<![A-Za-z0-9])(?:{'|'.join(alts)})(?![A-Za-z0-9])")] if alts else []
    glossary.cache["treaty_abbreviations"] = pats
    return pats
