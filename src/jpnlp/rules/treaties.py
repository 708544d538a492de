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

Brackets inside a name belong to it: an abbreviation, an English name with
its abbreviation, a katakana reading or a Japanese gloss
(領空開放(オープンスカイズ)条約).  A following bracketed abbreviation, short
name or formal title joins the span (化学兵器禁止条約(CWC), 海底条約(…に関する
条約)); an English name in brackets is a mention of its own.  A head after a
name composes with it (STARTII条約議定書, ABM条約関連文書批准法).  同条約 /
両条約 / 同条約議定書 are anaphors.  A phrase counts as a name only with
evidence that it is one: a glossary form, Latin letters, a formal connector,
an ordinal (第二次), a descriptive noun (禁止, 削減, 不拡散 …), a leading
katakana proper noun or a country pair (日米, 米ソ).  A relative clause
(核戦力を制限する条約) is a description unless a formal title goes on to its
left; time words, dates and session numbers before a name (今回, 第3回) are
not part of it, and a determiner (こうした) makes the phrase a description.
A law counts when it is about a treaty or arms control (批准関連法,
国家ミサイル防衛法), not security or anti-terror laws.  The bare head
(条約の批准), generic phrases (多数国間協定) and organizations
(北大西洋条約機構, CTBT機関) are not names.  A quoted short name with its head
(「7・4」共同声明) is one name, and the quoted part alone later refers to it.

Standalone abbreviations are TREATY mentions when the glossary knows them as
a treaty's form (NPT, CTBT, 新START, START II), and so are the glossary's other
forms as written (日本国との平和条約, 枠組み合意 forms) and English names in
Latin script — the glossary's, or formal titles (Treaty on …, Convention on …),
without a conference's or body's name around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..glossary import Glossary
from . import longest_first
from .dates import leading_date_end

HEADS = (
    "条約案", "協定案", "議定書案", "条約", "協定", "議定書", "合意声明", "了解事項", "了解覚書", "覚書", "共同声明", "共同宣言", "宣言", "合意",
    "規約", "憲章", "取極", "取決め", "協約", "関連文書", "関係文書", "行動規範", "共同作業計画", "ビジョン",
)  # fmt: skip
# Heads that are common words too: a name only inside a formal title or as a glossary form (…に関する…ビジョン).
SOFT_HEADS = frozenset({"ビジョン"})
# A law is about a treaty when its name holds one of these (批准関連法, 条約実施法) or a treaty abbreviation.
LAW_TREATY_WORDS = ("条約", "協定", "議定書", "文書", "批准")
# Words that open a noun phrase without being part of a name: time adverbs and nouns (今回…条約),
# session numbers (第9回…条約), dates.
LEADING_NOISE = re.compile(
    r"(?:今回|今般|前回|今年|昨年|本年|来年|前年|翌年|同年|同月|同日|今月|先月|近年|今後|当時|現在|従来|現行|既存の|既に|更に|さらに|同時に|実際|本来|第[0-9一二三四五六七八九十]+回"
    r"|(?:[0-9]+年)?(?:[0-9]+月)?[0-9]+日|[0-9]+年[0-9]+月|[0-9]+年(?=[^度代間]))"
)
# Determiners before a phrase make it a description of a kind of instrument (こうした非核化条約).
DETERMINERS = ("こうした", "そうした", "このような", "そのような", "これらの", "それらの", "同様の", "あらゆる", "いかなる")
# Laws: a head 法 only after these stems (方法, 手法, 憲法 are not laws about treaties).
LAW_STEMS = ("批准", "関連", "防衛", "規制", "禁止", "基本", "措置", "特措", "管理", "実施", "輸出管理", "授権")
ANAPHOR_PREFIXES = ("同", "両", "本", "当該", "前記", "上記")
FORMAL_CONNECTORS = ("との間の", "との間における", "に関する", "についての", "に関連する", "における", "のための", "に基づく")
INNER_CONNECTORS = (
    "その他の", "以外の", "の更なる", "のさらなる", "及び", "および", "並びに", "ならびに", "又は", "または", "的な", "の", "と",
)  # fmt: skip
AND_CONNECTORS = ("及び", "および", "並びに", "ならびに")
DESCRIPTIVE = ("禁止", "削減", "制限", "不拡散", "廃棄", "全廃", "撤廃", "規制", "防止", "非核", "平和利用", "安全保障", "信頼醸成", "検証")
GENERIC = frozenset(
    {"多数国間", "多国間", "二国間", "国際", "軍備管理", "核軍備管理", "軍縮", "国家間", "地域", "既存", "新", "旧", "関連"}
)
# What a country pair and a head describe rather than name (米ロ核軍縮条約).
PAIR_DESCRIPTIONS = frozenset({"核軍縮", "平和", "核", "軍縮", "核削減", "核兵器削減"})
COUNTRY_PAIRS = re.compile(
    r"^(?:日米|米ソ|米露|米ロ|日ソ|日露|日ロ|日中|日韓|日朝|南北|米朝|中朝|米英|英米|英仏|独仏|中ソ|中露|中ロ|米中|米韓|米印|日豪|日印|日英|日仏|日独)"
)
NOT_AFTER = ("機構", "機関")
# What a law about arms control is about (国家ミサイル防衛法, 化学兵器禁止法).
ARMS_TERMS = ("核", "ミサイル", "兵器", "軍縮", "軍備", "地雷", "不拡散")  # 北大西洋条約機構 is an organization

_NAME_CHAR = r"[\u4e00-\u9fff\u3005\u30a1-\u30fa\u30fc\u30fb\uff65A-Za-z0-9]"
# Okurigana: one kana of a kanji word, between kanji (枠組み合意, 取り決め): not a particle.
_OKURIGANA = "みりえけきしちいつ"
_KANJI = re.compile(r"[\u4e00-\u9fff\u3005]")
# Brackets inside a name: an abbreviation (ABM), an English name with its abbreviation
# (Conventional Forces in Europe、CFE), a katakana reading or loan word (オープンスカイズ), a Japanese
# short form or gloss (生物兵器, 弾道弾迎撃ミサイル).  A bracketed number, (3), is a note or list marker.
_INNER_GROUP = re.compile(
    r"\((?:(?=[^)]*[A-Za-z])[A-Za-z0-9 .,:、=\-]{1,60}(?:条約|協定)?"
    r"|[\u30a1-\u30fa\u30fc・]{2,20}"
    r"|[\u4e00-\u9fff\u30a1-\u30fa\u30fc・]*[\u4e00-\u9fff][\u4e00-\u9fff\u30a1-\u30fa\u30fc・]{1,14})\)$"
)
# を + a verb in its dictionary form: を迎撃する, を律する, を含む, を禁止する
_VERB_PHRASE = re.compile(r"を[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{1,8}(?:する|[むうくぐすつぬぶる])$")
_ORDINAL = re.compile(r"第[0-9一二三四五六七八九十]+次")
_LATIN = re.compile(r"[A-Za-z]")
_KATAKANA_START = re.compile(r"^[\u30a1-\u30fa\u30fc]{3,}")
# What may follow a name in brackets: an abbreviation (CWC), (STARTII条約), (新START), or a short
# name of the same instrument ending in a head: (モスクワ条約), (INF全廃条約), (宇宙条約)
_TRAILING_ABBR = re.compile(
    r"\(=?(?:(?![A-Za-z]*[A-Z][a-z]+[ -]+[A-Za-z]*[a-z])(?=[^)]*[A-Za-z])[A-Za-z0-9 .\-]+(?:条約|協定)?|新[A-Za-z]+"
    r"|[^()。、\s]{1,20}(?:条約|協定|議定書|合意)"
    r"|[^()。「」『』\s]{8,120}(?:条約|協定|議定書|合意|宣言|声明))\)"
)
# An English treaty title in brackets after a Japanese name: evidence that the Japanese is a name too.
_EN_TITLE_AFTER = re.compile(
    r"\((?=[A-Z])[^()。]{0,100}\b(?:Treaty|Convention|Agreement|Protocol|Declaration|Accords?|Charter|Memorandum)\b[^()。]{0,100}\)"
)
# An English name in brackets, (Helsinki Declaration): a mention of its own, not merged.
_ENGLISH_NAME = re.compile(r"[A-Z][a-z]+[ -]+[A-Za-z]*[a-z]")


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
        # brackets inside the name: 対弾道ミサイル(ABM)条約, 領空開放(オープンスカイズ)条約
        if text[i - 1] == ")":
            m = _INNER_GROUP.search(text, max(0, i - 64), i)
            if m and m.start() > 0 and re.match(_NAME_CHAR, text[m.start() - 1]):
                i = m.start()
                continue
            break
        if text[i - 1] in "・･" and text.endswith(HEADS, 0, i - 1):
            break  # two names joined by ・: 化学兵器禁止条約・生物兵器禁止条約
        if text.endswith(_NAME_HEADS, 0, i) and not (_COMPOSING.match(text, i) or not re.match(_NAME_CHAR, text[i])):
            break  # names listed without a separator (…条約第2次…条約): a head ends the name before
        if re.match(_NAME_CHAR, text[i - 1]) or _okurigana_at(text, i - 1) or _latin_hyphen_at(text, i - 1):
            i -= 1
            continue
        if text[i - 1] == " " and i >= 2 and text[i - 2].isascii() and text[i - 2].isalnum() and text[i].isascii():
            i -= 1  # a space inside a Latin name: START II条約, New START条約
            continue
        # この inside a formal title that names its own instrument: …に関するこの暫定協定
        if text.startswith("この", i - 2) and any(text.endswith(c, 0, i - 2) for c in FORMAL_CONNECTORS):
            i -= 2
            continue
        for c in FORMAL_CONNECTORS:
            if text.startswith(c, i - len(c)) and i - len(c) > 0 and re.match(_NAME_CHAR, text[i - len(c) - 1]):
                i -= len(c)
                formal = True
                break
        else:
            m = _VERB_PHRASE.search(text, max(0, i - 12), i)
            if m and m.end() == i and m.start() > 0 and re.match(_NAME_CHAR, text[m.start() - 1]):
                # を…する makes a relative clause; it is part of a name only inside a formal title
                # (…における核兵器実験を禁止する条約), never alone (核戦力を制限する条約)
                if formal:
                    i = m.start()
                    continue
                k, f = _grow_left(text, m.start())
                return (k, True) if f else (i, False)
            for c in INNER_CONNECTORS:
                j = i - len(c)
                if j > 0 and text.startswith(c, j) and re.match(_NAME_CHAR, text[j - 1]):
                    if c in AND_CONNECTORS and text.endswith(HEADS, 0, j):
                        return i, formal  # two names joined: …に関する条約及び…に関する暫定協定
                    if not formal and not (c in AND_CONNECTORS and _places_joined(text, j, i)):
                        # 相互協力及び安全保障条約, 首脳の共同声明: an inner connector is part of the
                        # name only if a formal connector follows further left
                        k, f = _grow_left(text, j)
                        return (k, True) if f else (i, False)
                    i = j
                    seen_and = seen_and or c in AND_CONNECTORS
                    break
            else:
                # an enumeration inside a formal title: 開発、生産、貯蔵及び使用; 平和と繁栄、統一のための
                m = _ENUM_ITEM.search(text, max(0, i - 6), i)
                if formal and text[i - 1] in "、," and m and m.end() == i and (seen_and or _and_before(text, m.start())):
                    i = m.start()
                    continue
                break
    return i, formal


# Heads after which a name may go on only with a word that composes a new instrument (条約議定書,
# 条約関連文書批准法) or an article (条約第六条に基づく…協定).
_NAME_HEADS = ("条約", "協定", "議定書", "宣言", "共同声明", "憲章")
_COMPOSING = re.compile(r"議定書|関連|関係|批准|改正|追加|附属|付属|実施|案|第[0-9一二三四五六七八九十]+条|に|の|及び|並びに|および")


def _okurigana_at(text: str, k: int) -> bool:
    """A kana of a kanji word (枠組み, 取り決め) at ``k``: between two kanji."""
    return (
        text[k] in _OKURIGANA
        and 0 < k < len(text) - 1
        and bool(_KANJI.match(text[k - 1]))
        and bool(_KANJI.match(text[k + 1]))
    )


def _latin_hyphen_at(text: str, k: int) -> bool:
    """A hyphen inside a Latin name (SALT-I, START-2)."""
    return text[k] == "-" and 0 < k < len(text) - 1 and text[k - 1].isascii() and text[k - 1].isalnum() and (
        text[k + 1].isascii() and text[k + 1].isalnum()
    )


def _places_joined(text: str, j: int, i: int) -> bool:
    """及び between two katakana place names: ラテンアメリカ及びカリブ."""
    return j > 0 and i < len(text) and bool(re.match(r"[\u30a1-\u30fa\u30fc]", text[j - 1])) and bool(
        re.match(r"[\u30a1-\u30fa]", text[i])
    )


def _and_before(text: str, k: int) -> bool:
    """A coordinating と/及び just before the enumerated item at ``k`` (平和と繁栄、統一)."""
    window = text[max(0, k - 8) : k]
    return any(c in window for c in ("と", *AND_CONNECTORS))


# An enumerated item: 2-4 kanji after a non-kanji character, then 、
_ENUM_ITEM = re.compile(r"(?<![\u4e00-\u9fff0-9A-Za-z])[\u4e00-\u9fff]{2,4}[、,]$")


def _evidence(core: str, formal: bool, glossary: Glossary | None, span_text: str, head: str) -> bool:
    if head in ("法", "法律"):
        if core.removesuffix("に関する") in LAW_STEMS:
            return _known(glossary, span_text)  # 批准法 alone: a kind of law
        # a law is a mention when it is about a treaty or arms control: 批准関連法, 国家ミサイル防衛法 —
        # not security or anti-terror laws (安全保障関連法, テロ対策特別措置法)
        return bool(_LATIN.search(core)) or any(w in core for w in (*LAW_TREATY_WORDS, *ARMS_TERMS)) or _known(
            glossary, span_text
        )
    if formal or _LATIN.search(core) or _ORDINAL.search(core):
        return True
    if _known(glossary, span_text):
        return True
    if core in GENERIC or not core:
        return False
    pair = COUNTRY_PAIRS.match(core)
    if pair and core[pair.end() :] in GENERIC | PAIR_DESCRIPTIONS:
        return False  # 米ロ核軍縮条約, 日ロ平和条約: a kind of treaty between two countries, not its name
    if any(d in core for d in DESCRIPTIVE) or COUNTRY_PAIRS.match(core) or _KATAKANA_START.match(core):
        return True
    return False


def _known(glossary: Glossary | None, span_text: str) -> bool:
    """The glossary lists the span (with or without its bracketed abbreviation) as a treaty."""
    if glossary is None:
        return False
    variants = (span_text, _strip_abbr(span_text), _INNER_BRACKETS.sub("", span_text))
    return any(glossary.lookup(v, "TREATY") is not None for v in variants)


_INNER_BRACKETS = re.compile(r"\([^()]*\)")


def _strip_abbr(s: str) -> str:
    return _TRAILING_ABBR.sub("", s)


def _trim_start(text: str, start: int, head_start: int, end: int, glossary: Glossary | None) -> int:
    """Drop what the leftward growth crossed that is not part of a name: particles, time words, dates."""
    while start < head_start:
        if text[start] in "のをにはがもでと、":
            start += 1
            continue
        k = leading_date_end(text[start:head_start])
        if k:
            start += k  # 1925年ジュネーブ議定書: the date is a DATE, not the name
            continue
        m = LEADING_NOISE.match(text, start, head_start)
        if m and m.end() < head_start and not _known(glossary, text[start:end]):
            start = m.end()
            continue
        break
    return start


def _is_anaphor(core: str) -> bool:
    """同条約 / 同条約議定書 / 両条約: a prefix, then nothing or a head."""
    for p in ANAPHOR_PREFIXES:
        if core.startswith(p) and not _LATIN.search(core):
            rest = core[len(p) :]
            return rest == "" or any(rest.endswith(h) for h in HEADS)
    return False


def _english_title_after(text: str, pos: int, glossary: Glossary | None) -> bool:
    """A bracket at ``pos`` that holds an English treaty name (a glossary title or a formal one)."""
    m = _EN_TITLE_AFTER.match(text, pos)
    return m is not None and any(
        _english_title_in(t.group(), glossary) is not None for t in _EN_TITLE.finditer(m.group())
    )


def _name_at(text: str, m: re.Match[str], glossary: Glossary | None) -> TreatyMatch | None:
    """The treaty name that ends in the head ``m``, or None."""
    hs, he, head = m.start(), m.end(), m.group()
    if any(text.startswith(x, he) for x in NOT_AFTER):
        return None
    if head == "法" and not any(text.endswith(stem, 0, hs) for stem in LAW_STEMS):
        return None  # 方法, 憲法, 手法: not laws about treaties
    if head == "法律" and not text.endswith("に関する", 0, hs):
        return None  # only 〜に関する法律 names a law (not 批准を撤回する法律)
    start, formal = _grow_left(text, hs)
    start = _trim_start(text, start, hs, he, glossary)
    core = text[start:hs]
    end = he
    ab = _TRAILING_ABBR.match(text, end)
    if ab:
        end = ab.end()
    anaphor = _is_anaphor(core)
    if not anaphor:
        known = _known(glossary, text[start:end])
        if head in SOFT_HEADS and not (formal or known):
            return None
        # a short name followed by its formal title in brackets: 海底条約(…に関する条約)
        # or by its English title: 南極条約(Antarctic Treaty)
        titled = ab is not None and any(c in ab.group() for c in FORMAL_CONNECTORS) or _english_title_after(text, he, glossary)
        if not (titled or _evidence(core, formal, glossary, text[start:end], head)):
            return None
        if not known and text.endswith(DETERMINERS, 0, start):
            return None  # こうした非核化条約: a kind of treaty, not a name
    return TreatyMatch(start, end, text[start:end], anaphor, head)


def find_treaties(text: str, glossary: Glossary | None = None) -> list[TreatyMatch]:
    """TREATY mentions of normalized ``text``, longest first wins, in order."""
    cands = [c for m in _HEAD_RE.finditer(text) if (c := _name_at(text, m, glossary)) is not None]
    cands += _abbreviations(text, glossary)
    cands += _glossary_forms(text, glossary)
    cands += _english_titles(text, glossary)
    cands += _quoted_names(text, glossary)
    cands += [TreatyMatch(m.start(), m.end(), m.group(), False, "") for m in _READING_LINE.finditer(text)]
    return longest_first(cands)


# A dictionary headword's reading: a treaty's name spelled in hiragana on a line of its own.
_READING_LINE = re.compile(r"(?m)^[\u3041-\u3096\u30fc]{4,40}(?:じょうやく|きょうてい|ぎていしょ|せんげん|ごうい)$")


def _glossary_forms(text: str, glossary: Glossary | None) -> list[TreatyMatch]:
    """Japanese treaty names the glossary lists, as written (米朝枠組み合意, 日本国との平和条約)."""
    if glossary is None:
        return []
    pat = glossary.cache.get("treaty_ja_forms")
    if pat is None:
        from ..normalize import normalize

        forms = {normalize(f) for f, _ in glossary.forms_of("TREATY")}
        forms = {f for f in forms if len(f) >= 3 and not re.fullmatch(r"[A-Za-z0-9 .\-]+", f) and _HEAD_RE.search(f)}
        alts = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
        first = "".join(sorted({re.escape(f[0]) for f in forms}))
        pat = re.compile(rf"(?=[{first}])(?:{alts})") if alts else re.compile(r"(?!x)x")
        glossary.cache["treaty_ja_forms"] = pat
    out = []
    for m in pat.finditer(text):
        if any(text.startswith(x, m.end()) for x in NOT_AFTER):
            continue
        if m.start() > 0 and text[m.start() - 1] in "同両" and not _LATIN.search(m.group()):
            continue  # 同安保条約 reads as an anaphor's phrase, not this form
        out.append(TreatyMatch(m.start(), m.end(), m.group(), False, ""))
    return out


# English treaty names in Latin script: capitalised words joined by of/on/the/and …, with a head word.
_EN_WORD = r"(?:[A-Z][A-Za-z'\-]*|\([A-Z][a-z]+\))"
_EN_LINK = r"(?:of|on|the|and|for|in|to|between|with|their|against|a|an|by|from|at|concerning|regarding|relating)"
_EN_TITLE = re.compile(rf"(?<![A-Za-z]){_EN_WORD}(?:,? (?:{_EN_WORD}|{_EN_LINK}(?= )))*")
_EN_HEAD = re.compile(
    r"\b(?:Treaty|Convention|Agreement|Accords?|Declaration|Protocol|Charter|Memorandum|Statement|Act|Framework)\b"
)
_EN_FORMAL = re.compile(r"\b(?:Treaty|Convention|Agreement|Protocol|Declaration|Memorandum) (?:on|of|for|between|concerning)\b")


# Words that make an English phrase name a body or a meeting, not an instrument.
_EN_BODY = re.compile(
    r"\b(?:Conference|Committee|Commission|Organi[sz]ation|Review|Parties|Meeting|Summit|Council|Assembly|Agency|Secretariat)\b"
)


def _english_titles(text: str, glossary: Glossary | None) -> list[TreatyMatch]:
    """English names in Latin script: the glossary's, or formal titles (Treaty on …, Convention on …).
    Inside a body's or a meeting's name only the instrument counts (Review Conference of the Parties to the
    Treaty on …)."""
    out = []
    for m in _EN_TITLE.finditer(text):
        hit = _english_title_in(m.group(), glossary)
        if hit is not None:
            out.append(TreatyMatch(m.start() + hit[0], m.start() + hit[1], m.group()[hit[0] : hit[1]], False, ""))
    return out


def _english_title_in(phrase: str, glossary: Glossary | None) -> tuple[int, int] | None:
    """Offsets of the longest instrument name in a run of capitalised English words, or None."""
    if not _EN_HEAD.search(phrase) or " " not in phrase:
        return None
    starts = [w.start() for w in re.finditer(r"(?<![\w'(-])[A-Z]", phrase)]
    ends = sorted({w.end() for w in re.finditer(r"[\w)]+", phrase)}, reverse=True)
    for a in starts:
        for b in ends:
            if b - a < 8:
                break
            if _known(glossary, phrase[a:b]):
                return a, b
    # not in the glossary: a formal title, without a body's name before it or a place after a comma
    f = _EN_FORMAL.search(phrase)
    if f is None:
        return None
    a = max((w.end() + 1 for w in _EN_BODY.finditer(phrase, 0, f.start())), default=0)
    a = next((s for s in starts if s >= a), f.start())
    a = min(a, f.start())
    name = phrase[a:]
    while ", " in name and not re.search(rf"\b{_EN_LINK}\b", name.rsplit(", ", 1)[1]):
        name = name.rsplit(", ", 1)[0]  # …Weapons, New York: a place after the name
    while " " in name and re.search(rf" {_EN_LINK}$", name):
        name = name.rsplit(" ", 1)[0]
    if " " not in name:
        return None
    return a, a + len(name)


# 「X」共同声明, 『X』宣言: a quoted short name with its head
_QUOTED_HEAD = re.compile(r"([「『])([^「」『』。\s]{1,15})([」』])(共同声明|共同宣言|宣言|合意|条約|協定|議定書)")


def _quoted_names(text: str, glossary: Glossary | None) -> list[TreatyMatch]:
    """「X」+head as one name (quotes included) when X is not a treaty name by itself (「新START」条約 is);
    later quoted X alone refers to the same instrument."""
    out = []
    seen: set[str] = set()
    for m in _QUOTED_HEAD.finditer(text):
        inner = m.group(2)
        if _known(glossary, inner) or _HEAD_RE.search(inner):
            continue
        out.append(TreatyMatch(m.start(), m.end(), m.group(), False, m.group(4)))
        seen.add(inner)
    for inner in seen:
        for q in re.finditer(rf"[「『]({re.escape(inner)})[」』](?!共同声明|共同宣言|宣言|合意|条約|協定|議定書)", text):
            out.append(TreatyMatch(q.start(1), q.end(1), inner, False, ""))
    return out


def _abbreviations(text: str, glossary: Glossary | None) -> list[TreatyMatch]:
    if glossary is None:
        return []
    out = []
    for form in _abbr_forms(glossary):
        for m in form.finditer(text):
            end = m.end()
            # New START(新START), JCPOA(Joint Comprehensive Plan of Action): the other name in brackets joins
            br = re.match(r"\(([^()]{1,80})\)", text[end:])
            if br and (glossary.lookup(br.group(1), "TREATY") or _LATIN.search(br.group(1))) and not (
                _ENGLISH_NAME.match(br.group(1))
            ):
                end += br.end()
            if any(text.startswith(x, m.end()) for x in NOT_AFTER):
                continue  # CTBT機関: an organisation named after the treaty
            out.append(TreatyMatch(m.start(), end, text[m.start() : end], False, ""))
    return out


def _spaced(form: str) -> str:
    """A regex for ``form`` that allows a space between its words and between kanji and Latin (新 START)."""
    parts = re.split(r"\s+|(?<=[^\x00-\x7f])(?=[A-Za-z])", form)
    return r"\s?".join(re.escape(p) for p in parts if p)


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
    alts = [_spaced(f) for f in sorted(forms, key=len, reverse=True)]
    # an abbreviation glued to a lower-case word (CTBTconference) still ends there
    # (a look-ahead on the forms' first characters lets every other position fail at once)
    first = "".join(sorted({re.escape(f[0]) for f in forms}))
    pats = [re.compile(rf"(?=[{first}])(?<![A-Za-z0-9])(?:{'|'.join(alts)})(?![A-Z0-9]|(?<=[a-z0-9])[a-z]|[a-z]{{1,2}}(?![a-z]))")] if alts else []
    glossary.cache["treaty_abbreviations"] = pats
    return pats
