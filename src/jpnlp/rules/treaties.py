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
An organisation named after a treaty (…条約履行支援ユニット), what a meeting reached (…会議における合意)
and a bare kind (安全保障条約, 全廃条約) are no names; the draft of a known treaty (核兵器不拡散条約案) is
described by the treaty's name.

Layout and old texts: a wrapped line or PDF spacing inside a name belongs to it (…制限\n条約, …における核
兵器実験を…), a line starting with kanji does not; old character forms read as new ones (條約) and
katakana-era connectors (ニ関スル, トノ間ノ) count, its particles (ハ, ヲ) end a name.  Diet minutes join wrapped
lines with runs of spaces (…政府      との間の協定), and letter-spaced PDF lines (S T A R T III 条 約) are read
without their spaces (:mod:`jpnlp.rules.letter_spacing`).  Old texts name the parties with 、 and 及 before 間
(甲国、乙国及丙国間三国条約), count the powers (安政五カ国条約), use one-character country names (日満, 日華),
kanji for foreign cities (華府, 倫敦) and sexagenary years (丙子修交条約), and the heads 条規 and 協商.

More evidence of a name: what it sets up or amends (…機関を設立する条約, …協定の有効期間を延長する議定書), a
treaty's own protocol (…協定の追加議定書, 第一議定書), an organisation's constitution (国際労働機関憲章), 国際 with
what it regulates (国際小麦協定), two signatories' names (桂・タフト協定), the parties or the war before what a
settlement settles (修好通商, 媾和, 還付).  Labels run into a name (案件, 正式名称, 条文リンク) are not part of it.

Standalone abbreviations are TREATY mentions when the glossary knows them as
a treaty's form (NPT, CTBT, 新START, START II), and so are the glossary's other
forms as written (日本国との平和条約, 枠組み合意 forms) and English names in
Latin script — the glossary's, or formal titles (Treaty on …, Convention on …),
without a conference's or body's name around them; short English names of three capitalised words and
more (Partial Test Ban Treaty) and Russian ones with a head word count too.  A name's reading in hiragana,
in brackets after it or on a line of its own, is a mention.  An abbreviation the text defines after a treaty
name (…全廃条約(=INF), …協定(GSOMIA ジーソミア)) refers to it alone elsewhere; one it defines for talks
(…交渉(START)) does not; one equated with a name by = (INF=中距離核戦力全廃条約) is a mention of its own.  Glossary
forms without a head word (包括的共同行動計画, 日英同盟) count as written; the talks it lists (…交渉) do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from ..glossary import Glossary
from ..tables import old_forms
from . import longest_first, read_table
from .dates import leading_date_end
from .letter_spacing import despace

HEADS = (
    "条約案", "協定案", "議定書案", "条約", "協定", "議定書", "合意声明", "合意書", "了解事項", "了解覚書", "覚書", "共同声明", "共同宣言", "宣言", "合意",
    "規約", "憲章", "取極", "取決め", "協約", "条規", "協商", "関連文書", "関係文書", "行動規範", "共同作業計画", "ビジョン",
)  # fmt: skip
# Heads that are common words too: a name only inside a formal title or as a glossary form (…に関する…ビジョン).
SOFT_HEADS = frozenset({"ビジョン"})
# A law is about a treaty when its name holds one of these (批准関連法, 条約実施法) or a treaty abbreviation.
LAW_TREATY_WORDS = ("条約", "協定", "議定書", "文書", "批准")
# Words that open a noun phrase without being part of a name: time adverbs and nouns (今回…条約),
# session numbers (第9回…条約), dates, and labels run into the title: the agenda labels of Diet minutes (案件,
# 日程第一) on a joined line, and an encyclopedia's labels with their colon lost (旧字体, 正式名称, 条文リンク).
LEADING_NOISE = re.compile(
    r"(?:今回|今般|前回|今年|昨年|本年|来年|前年|翌年|同年|同月|同日|今月|先月|近年|今後|当時|現在|従来|現行|既存の|既に|更に|さらに|同時に|実際|本来|第[0-9一二三四五六七八九十]+回|案件|日程第[0-9一二三四五六七八九十]+"
    r"|旧字体|新字体|正式名称|旧称|通称|略称|条文リンク|文献情報|主な内容|ウィキソース原文"
    r"|(?:[0-9]+年)?(?:[0-9]+月)?[0-9]+日|[0-9]+年[0-9]+月|[0-9]+年(?=[^度代間]))"
)
# Determiners before a phrase make it a description of a kind of instrument (こうした非核化条約).
DETERMINERS = ("こうした", "そうした", "このような", "そのような", "これらの", "それらの", "同様の", "あらゆる", "いかなる")
# Laws: a head 法 only after these stems (方法, 手法, 憲法 are not laws about treaties).
LAW_STEMS = ("批准", "関連", "防衛", "規制", "禁止", "基本", "措置", "特措", "管理", "実施", "輸出管理", "授権")
ANAPHOR_PREFIXES = ("同", "両", "本", "当該", "前記", "上記")
FORMAL_CONNECTORS = ("との間の", "との間における", "に関する", "についての", "に関連する", "における", "のための", "に基づく")
INNER_CONNECTORS = (
    "の改正された", "に対する", "又はこれらに類する", "若しくはこれらに類する", "その他これらに類する", "その他の", "以外の", "による", "の更なる", "のさらなる", "及び", "および", "並びに", "ならびに", "又は", "または", "的な", "の", "と",
)  # fmt: skip
TITLE_ADJECTIVES = ("新たな", "新しい", "更なる", "さらなる", "あらゆる")
AND_CONNECTORS = ("及び", "および", "並びに", "ならびに")
DESCRIPTIVE = ("禁止", "削減", "制限", "停止", "不拡散", "廃棄", "全廃", "撤廃", "規制", "防止", "非核", "平和利用", "安全保障", "信頼醸成", "検証")
# What a peace, an alliance or a treaty of amity and commerce settles, after a word naming the parties or the war
# (朝鮮休戦協定, 対日講和条約, 中印友好条約, 甲国乙国修好通商条約): a name in kanji and katakana only; the bare kind,
# however many such words it strings (講和条約, 修好通商条約, 平和友好条約), is no name.
SETTLEMENTS = ("休戦", "講和", "媾和", "中立", "友好", "相互援助", "修好", "和親", "通商", "航海", "同盟", "還付", "修交")
_SETTLEMENT_NAME = re.compile(r"[\u4e00-\u9fff\u30a1-\u30fa\u30fc]+")
GENERIC = frozenset(
    {"多数国間", "多国間", "二国間", "国際", "軍備管理", "核軍備管理", "軍縮", "国家間", "地域", "既存", "新", "旧", "関連",
     "非核兵器地帯", "非核地帯"}
)
# What a country pair and a head describe rather than name (米ロ核軍縮条約).
PAIR_DESCRIPTIONS = frozenset({"核軍縮", "平和", "核", "軍縮", "核削減", "核兵器削減", "不可侵"})
# Two or more one-character country names (日米, 日独伊, 米英仏), or 南北 (the two Koreas).
# Old texts add 満 (Manchukuo), 華 (China), 泰 (Thailand), 墨 (Mexico), 比, 越, 蒙, 葡, 瑞, 伯 (日満議定書, 日泰同盟条約).
_COUNTRY_CHARS = "日米英仏独伊露ロソ中韓朝印豪蘭墺清満華泰墨比越蒙葡瑞伯"
COUNTRY_PAIRS = re.compile(rf"^(?:南北|[{_COUNTRY_CHARS}]{{2,}})")
NOT_AFTER = ("機構", "機関")
# A meeting and における (or での) just before the head: the outcome of a meeting, not a name.
_EVENT_AT = re.compile(r"(?:会議|会合|総会|会談|サミット)(?:における|での)$")
# An organisation named after a treaty: a compound going on from the head to a body's noun
# (…条約機構, …条約履行支援ユニット, …条約事務局) holds no treaty mention.
_ORG_AFTER = re.compile(r"[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{0,8}?(?:機構|機関|事務局|ユニット)")
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
# A bill's or a gazette's number in brackets ((条約第十一号), (第9号)): a label after the text, not a name's gloss.
_NUMBER_LABEL = re.compile(r"第[0-9一二三四五六七八九十百千〇]+号")
# を + a verb in its dictionary form: を迎撃する, を律する, を含む, を禁止する
_VERB_PHRASE = re.compile(r"を[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{1,8}(?:する|[むうくぐすつぬぶる])$")
# A verb phrase whose object is itself a name makes a formal title: an instrument that sets up an organisation
# (…機関を設立する条約) or amends, extends or supplements another instrument (…協定の有効期間を延長する議定書).
_NAMED_OBJECT = re.compile(
    r"(?:(?:機関|機構|共同体|連合|裁判所|基金)を(?:設立|創設|設置)する"
    r"|(?:条約|協定|議定書|規約|憲章)(?:の[\u4e00-\u9fff]{1,6})?を(?:改正|修正|延長|補足|改定|改める|変更)(?:する)?)$"
)
_ORDINAL = re.compile(r"第[0-9一二三四五六七八九十]+次")
_LATIN = re.compile(r"[A-Za-z]")
_KATAKANA_START = re.compile(r"^[\u30a1-\u30fa\u30fc]{3,}")
# What may follow a name in brackets: an abbreviation (CWC), (STARTII条約), (新START), or a short
# name of the same instrument ending in a head: (モスクワ条約), (INF全廃条約), (宇宙条約)
_TRAILING_ABBR = re.compile(
    r"\(=?(?:[A-Z][A-Z0-9]{1,9}[ 、,]?(?:\([\u30a1-\u30fa\u30fc]{2,}\)|[\u30a1-\u30fa\u30fc]{2,})"  # (GSOMIA ジーソミア)
    r"|(?![A-Za-z]*[A-Z][a-z]+[ -]+[A-Za-z]*[a-z])(?=(?:[^)]*[A-Z]){2})[A-Za-z0-9 .\-]+(?:条約|協定)?|新[A-Za-z]+"
    r"|[^()。、\s]{1,20}(?:条約|協定|議定書|合意)"
    r"|(?![\u3041-\u3096]+[、,])[^()。「」『』\s]{8,120}(?:条約|協定|議定書|合意|宣言|声明))\)"
)  # (a reading、旧字体 …) is a reading and an old form, not a short name
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
        if text[i - 1] in _LAYOUT_SPACE:
            k = _layout_break(text, i, head_start)
            if k is None:
                break
            if "\n" in text[k:i] or not _stands_alone(text[i:head_start]):
                i = k  # a line wrapped inside the name: 弾道弾迎撃ミサイル制限\n条約, 核兵器実験\n\nを禁止する
                continue
            if "\u3041" <= text[i] <= "\u3096":
                i = k  # no word starts with a particle: a line joined with spaces (…政府      との間の協定)
                continue
            if formal:
                break
            # spaces between kanji (PDF layout) only inside a formal title further left: 水中における核   兵器実験
            k2, f = _grow_left(text, k)
            return (k2, True) if f and k2 < k else (i, formal)
        # brackets inside the name: 対弾道ミサイル(ABM)条約, 領空開放(オープンスカイズ)条約
        if text[i - 1] == ")":
            m = _INNER_GROUP.search(text, max(0, i - 64), i)
            if m and m.start() > 0 and re.match(_NAME_CHAR, text[m.start() - 1]) and not _NUMBER_LABEL.search(m.group()):
                i = m.start()
                continue
            break
        if text[i - 1] in "・･" and text.endswith(HEADS, 0, i - 1):
            break  # two names joined by ・: 化学兵器禁止条約・生物兵器禁止条約
        if text.endswith(_NAME_HEADS, 0, i) and not (
            _COMPOSING.match(text, i) or not re.match(_NAME_CHAR, text[i]) or _ORG_AFTER.match(text, i)
        ):
            # names listed without a separator (…条約第2次…条約): a head ends the name before; an organisation
            # named after a treaty goes on (…と北大西洋条約機構との間の協定)
            break
        if text[i - 1] == "=" and _between_katakana(text, i - 1) and not text.endswith(HEADS, 0, i - 1):
            i -= 1  # two foreign names joined inside one name: ラッセル=アインシュタイン宣言
            continue
        if text[i - 1] == "、" and _OLD_PARTIES.match(text, i) and (p := _PARTY_ITEM.search(text, max(0, i - 12), i)):
            i = p.start()  # the first of the parties an old title lists: 甲国、乙国及丙国間条約
            continue
        if _katakana_particle_at(text, i - 1) or text.endswith(_OLD_CLAUSE_ENDS, 0, i):
            break  # 日本国ハ…条約, 巴里ニ於テ署名セラレタル…条約: katakana-era prose, not name material
        if re.match(_NAME_CHAR, text[i - 1]) or _okurigana_at(text, i - 1) or _counter_at(text, i - 1) or _latin_hyphen_at(
            text, i - 1
        ):
            i -= 1
            continue
        if text[i - 1] == " " and i >= 2 and text[i - 2].isascii() and text[i - 2].isalnum() and text[i].isascii():
            i -= 1  # a space inside a Latin name: START II条約, New START条約
            continue
        # an adjective opening a phrase inside a formal title: …についての新たな特別の措置に関する協定
        adj = next((a for a in TITLE_ADJECTIVES if text.endswith(a, 0, i)), None)
        if formal and adj and any(text.endswith(c, 0, i - len(adj)) for c in (*FORMAL_CONNECTORS, "に対する")):
            i -= len(adj)
            continue
        # この inside a formal title that names its own instrument: …に関するこの暫定協定
        if text.startswith("この", i - 2) and any(text.endswith(c, 0, i - 2) for c in FORMAL_CONNECTORS):
            i -= 2
            continue
        for c in FORMAL_CONNECTORS:
            if c == "に基づく" and i == head_start and text.startswith(c, i - len(c)):
                return i, formal  # 主張に基づく条約: what it rests on, a description
            if text.startswith(c, i - len(c)) and i - len(c) > 0 and (
                re.match(_NAME_CHAR, text[i - len(c) - 1])
                or (text[i - len(c) - 1] in _LAYOUT_SPACE and _layout_break(text, i - len(c), head_start) is not None)
            ):
                i -= len(c)
                formal = True
                break
        else:
            m = _SPACED_CONNECTOR.search(text, max(0, i - 24), i)
            if m and m.start() > 0 and re.match(_NAME_CHAR, text[m.start() - 1]) and " " in m.group().replace("\u3000", " "):
                i = m.start()  # PDF spacing inside a connector: 水中におけ   る
                formal = True
                continue
            m = _VERB_PHRASE.search(text, max(0, i - 12), i)
            if m and m.end() == i and m.start() > 0 and (
                re.match(_NAME_CHAR, text[m.start() - 1]) or _layout_break(text, m.start(), head_start) is not None
            ):
                # を…する makes a relative clause; it is part of a name only inside a formal title
                # (…における核兵器実験を禁止する条約), never alone (核戦力を制限する条約)
                if formal or _NAMED_OBJECT.search(text, max(0, m.start() - 12), m.end()):
                    # …を禁止する条約 describes; …機関を設立する条約, …協定の有効期間を延長する議定書 name what they
                    # set up or amend, like a formal title
                    i = m.start()
                    formal = True
                    continue
                k, f = _grow_left(text, m.start())
                return (k, True) if f else (i, False)
            for c in INNER_CONNECTORS:
                j = i - len(c)
                if j > 0 and text.startswith(c, j) and re.match(_NAME_CHAR, text[j - 1]):
                    if c in AND_CONNECTORS and text.endswith(HEADS, 0, j):
                        return i, formal  # two names joined: …に関する条約及び…に関する暫定協定
                    if c == "による" and i == head_start:
                        return i, formal  # …国による宣言: who made it, a description (油による汚染: a cause)
                    if c == "の" and text.endswith(_NAME_HEADS, 0, j) and _OWN_PROTOCOL.fullmatch(text, i, head_start):
                        i, formal = j, True  # a treaty's own protocol: …保障措置協定の追加議定書
                        break
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
                m = _ENUM_ITEM.search(text, max(0, i - 10), i)
                if formal and text[i - 1] in "、," and m and m.end() == i and (seen_and or _and_before(text, m.start())):
                    i = m.start()
                    continue
                break
    return i, formal


_SPACED_CONNECTOR = re.compile(
    "(?:" + "|".join("".join(rf"{re.escape(ch)}[ \u3000]*" for ch in c[:-1]) + re.escape(c[-1]) for c in FORMAL_CONNECTORS)
    + ")$"
)


# Heads after which a name may go on only with a word that composes a new instrument (条約議定書,
# 条約関連文書批准法) or an article (条約第六条に基づく…協定).
_NAME_HEADS = ("条約", "協定", "議定書", "宣言", "共同声明", "憲章")
# (and what an instrument about another is about: …協定有効期間延長に関する議定書)
_COMPOSING = re.compile(r"有効期間|法に|第[0-9一二三四五六七八九十]+(?:追加|選択)?議定書|選択議定書|議定書|関連|関係|批准|改正|追加|附属|付属|実施|案|第[0-9一二三四五六七八九十]+条|に|の|及び|並びに|および")


_LAYOUT_SPACE = " \u3000\n"
_JA_CHAR = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff\u3005]")


def _layout_break(text: str, i: int, head_start: int) -> int | None:
    """Start of the whitespace before ``i`` when it is layout inside a name (a wrapped line, PDF spacing):
    short, between two Japanese characters, not after a head.  A line break only before the head itself or
    before a word going on in kana (…実験\nを禁止する条約); a line starting with kanji may start a name."""
    k = i
    while k > 0 and text[k - 1] in _LAYOUT_SPACE:
        k -= 1
    run = text[k:i]
    if k == 0 or i >= len(text) or len(run) > 8 or run.count("\n") > 2:
        return None
    if not (_JA_CHAR.match(text[k - 1]) and _JA_CHAR.match(text[i])) or text.endswith(HEADS, 0, k):
        return None
    if "\n" in run and not (i == head_start or "\u3041" <= text[i] <= "\u3096" or not _stands_alone(text[i:head_start])):
        return None
    if "\n" in run and text[i:head_start] in GENERIC - {"国際"}:
        return None  # a line of its own starting with a kind word: an infobox's label (関連条約)
    return k


def _stands_alone(piece: str) -> bool:
    """Whether the words between a break and the head are a name on their own (核兵器不拡散 is; 禁止, 散 are
    not: the break is inside a word)."""
    if not re.fullmatch(rf"{_NAME_CHAR}*", piece):
        return True  # a phrase, not the rest of a word
    return bool(piece) and _evidence(piece, False, None, piece, "条約")


# Formal connectors of katakana-era titles (戦争抛棄ニ関スル条約, 日本国ト…トノ間ノ条約); their katakana are
# taken in as name material, so they are evidence of a formal title once inside a name.
_OLD_CONNECTOR = re.compile(r"ニ関スル|ニ付テノ|ニ於ケル|ノ為ノ|トノ間ノ|ニ基ク")
# Katakana-era clause endings before a name: an attributive verb (署名セラレタル), an adverbial (ニ於テ, ニ依リ).
_OLD_CLAUSE_ENDS = ("タル", "ニ於テ", "ニ依リ", "ニ基キ", "ヲ以テ")
# A count of powers names a treaty among them (四国条約, 九カ国条約, 三国同盟条約), after an era or the parties'
# names (安政五カ国条約, 日独伊三国条約); 二国間 is a kind.
_POWERS = re.compile(r"[\u4e00-\u9fff]{0,3}?[一二三四五六七八九十0-9]+[カかヶケヵ箇]?国(?!間)")
# Katakana particles of katakana-era prose (ハ, ヲ, ガ …) between kanji; ソ and ロ are country names (日ソ, 米ロ).
_KATAKANA_PARTICLES = "ハヲガモヘデヨ"
# Old titles name the parties with 及 and 間 (between): 甲国及乙国間条約, 甲国、乙国及丙国間三国条約.
_OLD_BETWEEN = re.compile(r"国及[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{1,8}国間")
_OLD_PARTIES = re.compile(r"(?:[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{1,8}?国、)*[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{1,8}?国及[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{1,8}?国間")
_PARTY_ITEM = re.compile(r"(?<![\u4e00-\u9fff\u30a1-\u30fa\u30fc])[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{1,8}国、$")
# A year of the sexagenary cycle that names what was signed in it (丙子修交条約, 乙巳条約, 辛丑条約).
_SEXAGENARY = re.compile(r"[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]")
# A protocol by its number, amended or not (第一議定書, 改定第二議定書, 第四追加議定書).
_NUMBERED_PROTOCOL = re.compile(r"(?:改定|改正)?第[0-9一二三四五六七八九十]+(?:追加|選択)?")
_KATAKANA_LEAD = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}(?=[\u4e00-\u9fff])")
# Two signatories' names joined by ・, one in kanji (桂・タフト, 石井・ランシング).
_SIGNATORIES = re.compile(r"[\u4e00-\u9fff]{1,4}・[\u30a1-\u30fa\u30fc]{2,}|[\u30a1-\u30fa\u30fc]{2,}・[\u4e00-\u9fff]{1,4}")
# Nouns that end an organisation's name (…機関憲章, …連合憲章).
ORG_NOUNS = ("機関", "機構", "連合", "共同体")
# After 国際, words for how states act together rather than what they regulate (国際協力協定 is a kind).
NOT_SUBJECTS = frozenset(
    {"協力", "共同", "間", "的", "公法", "私法", "機関", "機構", "貿易", "投資", "経済", "商品", "通商", "航空", "金融", "技術", "開発", "安全"}
)


_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]")


def _between_katakana(text: str, k: int) -> bool:
    return 0 < k < len(text) - 1 and bool(_KATAKANA.match(text[k - 1]) and _KATAKANA.match(text[k + 1]))


def _katakana_particle_at(text: str, k: int) -> bool:
    return (
        text[k] in _KATAKANA_PARTICLES
        and 0 < k < len(text) - 1
        and bool(_KANJI.match(text[k - 1]))
        and bool(_KANJI.match(text[k + 1]) or text[k + 1] in "ニノト")
    )


def _okurigana_at(text: str, k: int) -> bool:
    """A kana of a kanji word (枠組み, 取り決め) at ``k``: between two kanji."""
    return (
        text[k] in _OKURIGANA
        and 1 < k < len(text) - 1
        and text[k - 2] != "に"  # に関し, に対し: a verb's continuative form after a particle
        and bool(_KANJI.match(text[k - 1]))
        and bool(_KANJI.match(text[k + 1]))
    )


def _counter_at(text: str, k: int) -> bool:
    """The counter か of a count of countries (五か国条約) at ``k``: between a numeral and 国."""
    return text[k] == "か" and 0 < k < len(text) - 1 and text[k + 1] == "国" and bool(re.match(r"[0-9一二三四五六七八九十]", text[k - 1]))


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


# An enumerated item: a word of 2-8 kanji and katakana, starting with kanji (毒性ガス), after a non-name
# character, then 、
_ENUM_ITEM = re.compile(
    r"(?<![\u4e00-\u9fff\u30a1-\u30fa\u30fc0-9A-Za-z])(?=[\u4e00-\u9fff])[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{2,8}[、,]$"
)


def _evidence(core: str, formal: bool, glossary: Glossary | None, span_text: str, head: str) -> bool:
    core = _SPACES.sub("", core).strip()  # layout inside a name (核兵器不拡 散条約)
    if head in ("法", "法律"):
        if core.removesuffix("に関する") in LAW_STEMS:
            return _known(glossary, span_text)  # 批准法 alone: a kind of law
        # a law is a mention when it is about a treaty or arms control: 批准関連法, 国家ミサイル防衛法 —
        # not security or anti-terror laws (安全保障関連法, テロ対策特別措置法)
        return bool(_LATIN.search(core)) or any(w in core for w in (*LAW_TREATY_WORDS, *ARMS_TERMS)) or _known(
            glossary, span_text
        )
    if formal or _LATIN.search(core) or _ORDINAL.search(core) or _OLD_CONNECTOR.search(core) or _DATE_NAME.match(core):
        return True
    if _POWERS.match(core) or _OLD_BETWEEN.search(core):
        return True
    if _composes(core, glossary):
        return True  # 甲条約改正議定書: a treaty name composed with another instrument
    if core.endswith(ORG_NOUNS) and len(core) >= 5 and core[:-2] not in GENERIC:
        # an organisation's constitution or founding treaty: 国際労働機関憲章, 経済協力開発機構条約 (a name of five
        # characters and more: 関係機関, 政府機関 are kinds of body)
        return True
    if core.startswith("国際") and len(core) > 2 and core[2:] not in GENERIC | PAIR_DESCRIPTIONS | NOT_SUBJECTS:
        return True  # 国際 and what the instrument regulates: 国際小麦協定, 国際ココア協定, 国際捕鯨取締条約
    if _known(glossary, span_text):
        return True
    if head == "議定書" and _NUMBERED_PROTOCOL.fullmatch(core):
        return True  # 第一議定書, 改定第二議定書: a treaty's protocol by its number
    lead = _KATAKANA_LEAD.match(span_text)
    if lead and _known(glossary, span_text[lead.end() :]):
        return True  # パリ不戦条約: a place or a person before a known name
    if core in GENERIC or core in DESCRIPTIVE or not core:
        return False  # 多数国間協定; 全廃条約, 安全保障条約: a bare kind of treaty
    pair = COUNTRY_PAIRS.match(core)
    if pair and core[pair.end() :] in GENERIC | PAIR_DESCRIPTIONS:
        return False  # 米ロ核軍縮条約, 日ロ平和条約: a kind of treaty between two countries, not its name
    if core.startswith(_places()) or _SEXAGENARY.match(core):
        return True  # 京都議定書, 平壌宣言: named after where it was signed; 丙子修交条約: after the year
    if _SIGNATORIES.fullmatch(core):
        return True  # 桂・タフト協定: named after the two who signed it
    if _SETTLEMENT_NAME.fullmatch(core) and _settles(core):
        return True
    return any(d in core for d in DESCRIPTIVE) or bool(COUNTRY_PAIRS.match(core) or _KATAKANA_START.match(core))


# What names a protocol of the treaty before の (…協定の追加議定書, …条約の第二選択議定書).
_OWN_PROTOCOL = re.compile(r"(?:第[0-9一二三四五六七八九十]+)?(?:追加|選択|改正|附属|付属)")
_COMPOSED_AFTER = re.compile(r"(?:の改正された|改正|追加|附属|付属|選択|第[0-9一二三四五六七八九十]+(?:追加|選択)?)")


def _composes(core: str, glossary: Glossary | None) -> bool:
    """A name ending in a head, then a word that composes another instrument with it (…条約改正, …条約の改正された)."""
    for m in re.finditer("|".join(_NAME_HEADS), core):
        inner, rest = core[: m.start()], core[m.end() :]
        if inner and _COMPOSED_AFTER.match(rest) and _evidence(inner, False, glossary, core[: m.end()], m.group()):
            return True
    return False


def _settles(core: str) -> bool:
    """What a settlement settles (講和, 修好通商 …) after the parties' or the war's name."""
    rest = core
    while w := next((w for w in SETTLEMENTS if rest.endswith(w)), None):
        rest = rest[: -len(w)]
    return rest != core and bool(rest) and rest not in GENERIC | PAIR_DESCRIPTIONS


@cache
def _places() -> tuple[str, ...]:
    """Cities written in kanji (``data/places_kanji.tsv``)."""
    return tuple(r["place"] for r in read_table("places_kanji.tsv"))


def _known(glossary: Glossary | None, span_text: str) -> bool:
    """The glossary lists the span (with or without its bracketed abbreviation) as a treaty."""
    if glossary is None:
        return False
    variants = dict.fromkeys((span_text, _strip_abbr(span_text), _INNER_BRACKETS.sub("", span_text), _SPACES.sub("", span_text)))
    return any(glossary.lookup(v, "TREATY") is not None for v in variants)


_INNER_BRACKETS = re.compile(r"\([^()]*\)")
_SPACES = re.compile(r"(?<=[^\x00-\x7f])[ \u3000\n]+(?=[^\x00-\x7f])")


def _strip_abbr(s: str) -> str:
    return _TRAILING_ABBR.sub("", s)


# A month and day joined by ・ names what was signed that day (6・15南北共同宣言, 10・4宣言): part of the name.
_DATE_NAME = re.compile(r"[0-9]{1,2}・[0-9]{1,2}(?![0-9])")


# Words for a kind of treaty (核軍縮, 軍備管理) that may stand before a name in Latin letters.
_KIND_WORDS = sorted((w for w in GENERIC | PAIR_DESCRIPTIONS if len(w) >= 2), key=len, reverse=True)


_LIST_NUMBER = re.compile(r"[0-9]+(?=[A-Z])")


def _trim_start(text: str, start: int, head_start: int, end: int, glossary: Glossary | None) -> int:
    """Drop what the leftward growth crossed that is not part of a name: particles, time words, dates."""
    while start < head_start:
        if text[start] in "のをにはがもでと、・･ \u3000\n" or (
            text[start] in _KATAKANA_PARTICLES + "ノニト" and _KANJI.match(text, start + 1)
        ):
            start += 1  # a particle, a list's bullet, or a katakana-era particle before kanji: 大正四年ノ南満洲…条約
            continue
        if (m := _LIST_NUMBER.match(text, start, head_start)) is not None:
            start = m.end()  # a list or section number run into a Latin name: 2START II条約
            continue
        if text[start] in "及並" and text.endswith(HEADS, 0, start):
            start += 1  # 九国条約及四国条約: the old coordinator between two names
            continue
        k = leading_date_end(text[start:head_start])
        if k and not _DATE_NAME.match(text, start):
            start += k  # 1925年ジュネーブ議定書: the date is a DATE, not the name
            continue
        kind = next((w for w in _KIND_WORDS if text.startswith(w, start) and _LATIN.match(text, start + len(w))), None)
        if kind:
            start += len(kind)  # 核軍縮INF全廃条約: a kind of treaty before the name, not part of it
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
            rest = re.sub(rf"の?{_OWN_PROTOCOL.pattern}$", "", core[len(p) :])  # 同条約の追加議定書
            return rest == "" or any(rest.endswith(h) for h in HEADS)
    return False


def _english_title_after(text: str, pos: int, glossary: Glossary | None) -> bool:
    """A bracket at ``pos`` that holds an English treaty name (a glossary title or a formal one)."""
    m = _EN_TITLE_AFTER.match(text, pos)
    return m is not None and any(
        _english_title_in(t.group(), glossary) is not None for t in _EN_TITLE.finditer(m.group())
    )


# 諸 (the various …) after a connector: a kind of instrument in the plural (ジュネーブ諸条約 is a name).
_PLURAL_KIND = re.compile(r"(?:に関する|についての|における|のための|の)諸$")


def _after_modifier(text: str, start: int, hs: int, he: int, glossary: Glossary | None) -> int:
    """The start of a known name that a phrase with に基づく modifies (…アプローチに基づく核兵器禁止条約)."""
    for m in re.finditer("に基づく", text[start:hs]):
        if _known(glossary, text[start + m.end() : he]):
            return start + m.end()
    return start


def _name_at(text: str, m: re.Match[str], glossary: Glossary | None) -> TreatyMatch | None:
    """The treaty name that ends in the head ``m``, or None."""
    hs, he, head = m.start(), m.end(), m.group()
    if _ORG_AFTER.match(text, he):
        return None
    if head == "法" and not any(text.endswith(stem, 0, hs) for stem in LAW_STEMS):
        return None  # 方法, 憲法, 手法: not laws about treaties
    if head == "法律" and not text.endswith("に関する", 0, hs):
        return None  # only 〜に関する法律 names a law (not 批准を撤回する法律)
    start, formal = _grow_left(text, hs)
    start = _trim_start(text, start, hs, he, glossary)
    start = _after_modifier(text, start, hs, he, glossary)
    core = text[start:hs]
    if _PLURAL_KIND.search(core) and not _known(glossary, text[start:he]):
        return None  # 軍縮に関する諸条約: treaties of a kind, not a name
    if _EVENT_AT.search(core):
        return None  # NPT運用検討会議における合意: what a meeting reached, not a named instrument
    if head.endswith("案") and _known(glossary, text[start : he - 1]):
        he -= 1  # 核兵器不拡散条約案: the draft of a known treaty is described by its name
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
    """TREATY mentions of normalized ``text``, longest first wins, in order.  Old character forms are read as
    new ones (條約 as 条約) and letter-spaced lines without their spaces; the mentions keep the text as written."""
    written = text
    text = text.translate(old_forms())
    view = despace(text)
    if view is None:
        return [replace(c, text=written[c.start : c.end]) for c in _find(text, glossary)]
    # letter-spaced lines (S T A R T III 条 約): found without their spaces, reported as written
    compact, where = view
    out = []
    for c in _find(compact, glossary):
        start, end = where[c.start], where[c.end - 1] + 1
        out.append(replace(c, start=start, end=end, text=written[start:end]))
    return out


def _find(text: str, glossary: Glossary | None) -> list[TreatyMatch]:
    cands = [c for m in _HEAD_RE.finditer(text) if (c := _name_at(text, m, glossary)) is not None]
    talks = _talks_abbreviations(text)
    cands += [c for c in _abbreviations(text, glossary) if c.text.split("(")[0] not in talks]
    cands += _defined_abbreviations(text, cands, talks)
    cands += _equated_abbreviations(text, cands, talks)
    cands += _glossary_forms(text, glossary)
    cands += _english_titles(text, glossary, {c.end for c in cands})
    cands += [TreatyMatch(m.start(), m.end(), m.group(), False, "") for m in _CYRILLIC_TITLE.finditer(text)]
    cands += _quoted_names(text, glossary)
    cands += [TreatyMatch(m.start(), m.end(), m.group(), False, "") for m in _READING.finditer(text)]
    return longest_first(cands)


# A treaty name's reading, spelled in hiragana (a katakana loan word inside) and ending in a head's reading:
# a dictionary headword's on a line of its own, or one in brackets after the name (…条約(…じょうやく、英語: …),
# …条約(読み)…じょうやく(英語表記)).
_HEAD_READINGS = "じょうやく|きょうてい|ぎていしょ|せんげん|ごういしょ|ごうい|とりきめ|きょうやく|けんしょう|おぼえがき|きやく"
_READING = re.compile(
    rf"(?m)(?:^|(?<=\()|(?<=\(読み\)))[\u3041-\u3096][\u3041-\u3096\u30a1-\u30fa\u30fc]{{2,80}}?(?:{_HEAD_READINGS})"
    r"(?=[、,)(\n]|$)"
)


def _glossary_forms(text: str, glossary: Glossary | None) -> list[TreatyMatch]:
    """Japanese treaty names the glossary lists, as written (米朝枠組み合意, 日本国との平和条約), those without a
    head word too (包括的共同行動計画, ヘルシンキ最終文書, 日英同盟), but not the talks it lists for their English
    names (戦略兵器削減交渉: negotiations are no mentions)."""
    if glossary is None:
        return []
    pat = glossary.cache.get("treaty_ja_forms")
    if pat is None:
        from ..normalize import normalize

        forms = {normalize(f) for f, _ in glossary.forms_of("TREATY")}
        forms = {f for f in forms if len(f) >= 3 and not re.fullmatch(r"[A-Za-z0-9 .\-/]+", f) and not f.endswith("交渉")}
        alts = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
        first = "".join(sorted({re.escape(f[0]) for f in forms}))
        pat = re.compile(rf"(?=[{first}])(?:{alts})") if alts else re.compile(r"(?!x)x")
        glossary.cache["treaty_ja_forms"] = pat
    out = []
    for m in pat.finditer(text):
        if _ORG_AFTER.match(text, m.end()):
            continue
        if m.start() > 0 and text[m.start() - 1] in "同両" and not _LATIN.search(m.group()):
            continue  # 同安保条約 reads as an anaphor's phrase, not this form
        out.append(TreatyMatch(m.start(), m.end(), m.group(), False, ""))
    return out


# English treaty names in Latin script: capitalised words joined by of/on/the/and …, with a head word.
# (a word ends where a lower-case letter meets two capitals: WeaponsTPNW, a separator lost in extraction)
# (an en dash joins two names in a word: Japan–Korea; a year ends a title: …Treaty of 1876)
_EN_WORD = r"(?:[A-Z](?:(?<![a-z])[A-Za-z'\-–]|[a-z'\-–]|(?<=[a-z])[A-Z](?![A-Z]))*|\([A-Z][a-z]+\)|(?<=of )[12][0-9]{3}(?![0-9]))"
_EN_LINK = r"(?:of|on|the|and|for|in|to|between|with|their|against|a|an|by|from|at|under|concerning|regarding|relating)"
# words joined by a space, or by a comma with or without one (…in the Atmosphere,in Outer Space,and under Water)
_EN_TITLE = re.compile(rf"(?<![A-Za-z]){_EN_WORD}(?:(?:, ?| )(?:{_EN_WORD}|{_EN_LINK}(?= )))*")
_EN_HEAD = re.compile(
    r"\b(?:Treaty|Convention|Agreement|Accords?|Declaration|Protocol|Charter|Memorandum|Statement|Act|Framework)\b"
)
_EN_FORMAL = re.compile(r"\b(?:Treaty|Convention|Agreement|Protocol|Declaration|Memorandum) (?:on|of|for|between|concerning)\b")


# Words that make an English phrase name a body or a meeting, not an instrument.
_EN_BODY = re.compile(
    r"\b(?:Conference|Committee|Commission|Organi[sz]ation|Review|Parties|Meeting|Summit|Council|Assembly|Agency|Secretariat)\b"
)


def _english_titles(text: str, glossary: Glossary | None, name_ends: set[int] | None = None) -> list[TreatyMatch]:
    """English names in Latin script: the glossary's, or formal titles (Treaty on …, Convention on …).
    Inside a body's or a meeting's name only the instrument counts (Review Conference of the Parties to the
    Treaty on …)."""
    out = []
    for m in _EN_TITLE.finditer(text):
        hit = _english_title_in(m.group(), glossary)
        # the English of a Japanese name found before the bracket: 宇宙条約(…、英語: Outer Space Treaty)
        labelled = _EN_LABEL.search(text, max(0, m.start() - 8), m.start()) is not None
        # or the bracket right after a Japanese name: ハリス条約(Harris Treaty)
        labelled = labelled or (m.start() > 0 and text[m.start() - 1] == "(")
        if hit is None and labelled and text.rfind("(", max(0, m.start() - 100), m.start()) in (name_ends or set()):
            hit = _english_short_name(m.group(), labelled=True)
        if hit is not None:
            a, b = m.start() + hit[0], m.start() + hit[1]
            tail = _EN_LOWER_TAIL.match(text, b) if _EN_FORMAL.search(text, a, b) else None
            b = tail.end() if tail else b
            out.append(TreatyMatch(a, b, text[a:b], False, ""))
    return out


# A formal title's subject in lower case, up to the end of the English (…Republics on the limitation of
# strategic offensive arms。): only where nothing but a delimiter follows, so English prose is not taken in.
_EN_LOWER_TAIL = re.compile(rf" {_EN_LINK}(?: the)? [a-z][a-z\-]*(?: (?:{_EN_LINK}|[a-z][a-z\-]*)){{0,8}}(?=[。、;)\n]|$)")


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
            if _known(glossary, phrase[a:b]) and not _EN_BODY.match(phrase, b + 1):
                return a, b  # not the treaty inside a body's name (North Atlantic Treaty Organization)
    # not in the glossary: a formal title, without a body's name before it or a place after a comma
    f = _EN_FORMAL.search(phrase)
    if f is None:
        return _english_short_name(phrase)
    a = max((w.end() + 1 for w in _EN_BODY.finditer(phrase, 0, f.start())), default=0)
    a = next((s for s in starts if s >= a), f.start())
    a = min(a, f.start())
    if phrase.startswith("The ", a):
        a += 4  # a sentence's article, not part of the name
    name = phrase[a:]
    while ", " in name and not re.search(rf"\b{_EN_LINK}\b", name.rsplit(", ", 1)[1]):
        name = name.rsplit(", ", 1)[0]  # …Weapons, New York: a place after the name
    while " " in name and re.search(rf" {_EN_LINK}$", name):
        name = name.rsplit(" ", 1)[0]
    if " " not in name:
        return None
    return a, a + len(name)


# A Russian name in Cyrillic (…(ロシア語: Совместная декларация …)): two or more words, one a head word.
_CYRILLIC_TITLE = re.compile(
    r"(?i)(?<![\u0400-\u04ff])(?=[\u0400-\u04ff -]*(?:договор|деклараци|соглашени|конвенци|протокол|хартия))"
    r"[\u0400-\u04ff]+(?:[ -][\u0400-\u04ff]+)+"
)


# A short English name: three or more capitalised words ending in a head word, with a series number
# (Partial Test Ban Treaty, Strategic Arms Reduction Treaty II) — not a kind (Free Trade Agreement) nor a
# body's name (…Treaty Organization).
_EN_SHORT = re.compile(
    r"(?:[A-Z][A-Za-z'\-]*[ ,]+){3,}(?:Treaty|Convention|Agreement|Accords?|Protocol|Declaration|Charter)(?: (?:[IVX]{1,4}|[0-9]))?$"
)


# A label that introduces a Japanese name's English one: (英語: …), (英語表記)…, 英: …
_EN_LABEL = re.compile(r"(?:英語|英文|英|英語名)[:：]\s*$|\(英語表記\)\s*$")
# After such a label one capitalised word before the head will do (Outer Space Treaty).
_EN_SHORT_LABELLED = re.compile(
    r"(?:[A-Z][A-Za-z'\-]*[ ,]+){1,}(?:Treaty|Convention|Agreement|Accords?|Protocol|Declaration|Charter)(?: (?:[IVX]{1,4}|[0-9]))?$"
)


def _english_short_name(phrase: str, labelled: bool = False) -> tuple[int, int] | None:
    m = (_EN_SHORT_LABELLED if labelled else _EN_SHORT).search(phrase)
    if m is None or _EN_BODY.search(m.group()):
        return None
    a = m.start()
    if phrase.startswith(("The ", "This ", "That "), a):
        a = phrase.index(" ", a) + 1
    if " " not in phrase[a:m.end()].strip():
        return None
    return a, m.end()


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


# An abbreviation the text defines for negotiations (戦略兵器削減交渉(START), START(Strategic Arms Reduction
# Talks、…)): standing alone in that text it names the talks, not a treaty.
_TALKS_DEF = re.compile(
    r"交渉\(([A-Z][A-Za-z0-9]{1,9})(?=[)(・,、 ])|(?<![A-Za-z])([A-Z][A-Za-z0-9]{1,9})\([^()]{0,80}(?:Talks|交渉)\)"
)


def _talks_abbreviations(text: str) -> set[str]:
    return {m.group(1) or m.group(2) for m in _TALKS_DEF.finditer(text)}


# A treaty name that defines its abbreviation in brackets, its reading after it or not: 中距離核ミサイル全廃条約(=INF),
# 甲乙情報保護協定(GSOMIA ジーソミア)
_DEFINED_ABBR = re.compile(r"\(=?([A-Z][A-Z0-9]{1,9})(?:[ 、,]?\(?[\u30a1-\u30fa\u30fc]{2,}\)?)?\)$")


def _defined_abbreviations(text: str, cands: list[TreatyMatch], talks: set[str]) -> list[TreatyMatch]:
    """The abbreviation a treaty name defines in brackets refers to that treaty alone elsewhere in the text
    (…全廃条約(=INF) … INFは…), not inside a longer Latin word or an organisation's name."""
    out = []
    for abbr in {m.group(1) for c in cands if c.head and (m := _DEFINED_ABBR.search(c.text))} - talks:
        for m in re.finditer(rf"(?<![A-Za-z0-9]){abbr}(?![A-Za-z0-9])", text):
            if not _ORG_AFTER.match(text, m.end()):
                out.append(TreatyMatch(m.start(), m.end(), abbr, False, ""))
    return out


# An abbreviation equated with a name by = (INF=中距離核戦力全廃条約, …全廃条約=INF): a short name of its own.
_ABBR_BEFORE_EQ = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9]{1,9}$")
_ABBR_AFTER_EQ = re.compile(r"[A-Z][A-Z0-9]{1,9}(?![A-Za-z0-9])")


def _equated_abbreviations(text: str, cands: list[TreatyMatch], talks: set[str]) -> list[TreatyMatch]:
    out = []
    for c in cands:
        if not c.head or c.anaphor:
            continue
        if c.start > 0 and text[c.start - 1] == "=" and (m := _ABBR_BEFORE_EQ.search(text, max(0, c.start - 11), c.start - 1)):
            out.append(TreatyMatch(m.start(), m.end(), m.group(), False, ""))
        if text.startswith("=", c.end) and (m := _ABBR_AFTER_EQ.match(text, c.end + 1)):
            out.append(TreatyMatch(m.start(), m.end(), m.group(), False, ""))
    return [m for m in out if m.text not in talks and not _ORG_AFTER.match(text, m.end)]


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
    # a series number after it makes another name (SALT III is not SALT); after a lower-case letter an
    # upper-case abbreviation starts a word of its own (…WeaponsTPNW: a separator lost in extraction)
    pats = [re.compile(
        rf"(?=[{first}])(?<![A-Z0-9])(?<![a-z](?=[a-z]))(?:{'|'.join(alts)})"
        rf"(?![A-Z0-9]|(?<=[a-z0-9])[a-z]|[a-z]{{1,2}}(?![a-z])| [IVX]{{1,4}}(?![A-Za-z0-9]))"
    )] if alts else []
    glossary.cache["treaty_abbreviations"] = pats
    return pats
