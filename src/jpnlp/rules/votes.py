"""Vote tallies in Japanese text: the counts themselves.

:func:`find_tallies` first finds every *count* — a number with its role
(for, against, abstain; attendance and totals beside them) — in the forms
real text uses, then joins neighbouring counts into tallies:

labelled counts
    ``賛成288``, ``賛成が52票``, ``賛成:158``, ``賛成票155``, ``棄権は12カ国``,
    ``保留72`` (an abstention), ``退席百三十六人`` (attendance), ``投票総数450``,
    kanji numerals, grouped thousands (``2,801``), none (``反対なし``, ``反対はなく``,
    ``反対ゼロ``), a number in brackets (``賛成(158)``), units 票/人/名/カ国/か国/議席
    (and the old forms 贊成, 反對, 棄權, カ國), in any order and with any
    separator (``、`` ``・`` ``,`` ``対`` ``-`` line breaks, ``ロシアなど反対5``),
    a label and its number on lines of their own (a list);
    Diet roll calls: ``可とする者(白票) 290``, ``否とする者(青票) 140``, and
    ``白票`` as a yes where a ``青票`` stands beside it (elsewhere a blank ballot);
    who voted that way, then how many (``賛成に回ったのは88カ国``);
    a label with the list of who voted that way before the number
    (``反対は、A、B、Cの3カ国``);
clause counts
    ``87カ国が賛成票を投じた``, ``13カ国が賛成した``, ``16カ国は棄権``,
    ``167カ国の支持を得て``, ``N カ国が決議案に反対``;
named countries
    ``A、B、Cが反対票を投じた`` (3), ``反対: A、B``, ``一方、AとBは、…として
    棄権した`` (the topic of a sentence whose predicate is a vote), ``AとBが拒否権を行使`` (2: a veto is an
    against vote), ``AのほかB``, ``反対はNATO加盟国のA``; countries listed
    with など are not counted; names alone make a tally only where one of them
    cast a vote (``棄権``, ``反対票``), not where they state a stance
    (``Aは反対し、Bは賛成した``); a country named first and then counted among
    a number (``Aが反対した … AのほかBなど18カ国が反対``) is not counted twice;
versus forms
    ``71対26``, ``52―47``, ``81-11-8`` — only next to what makes them a vote
    (``の賛成多数``, ``で可決``, ``で、…批准承認決議案を可決``, ``採決の結果``,
    ``賛成多数(71対26)``) or in a table row about a vote
    (``批准投票 | 88-2 |``), so ``3000-3500発`` is no tally;
table rows
    under a header that names the columns (``会期 採択日 賛成 反対 棄権``,
    spaces or ``|`` between cells): one tally per row (``163 0 8``).

Counts join when they are in one sentence, or in the next sentence close by,
and no role repeats (two tallies on consecutive lines stay two); a lone
for-count also joins the breakdown a sentence about the vote gives further on
(``Nカ国の賛成多数で採択された。… 採決ではMカ国が反対``, ``… AとBは棄権した``). A tally needs
two of for/against/abstain; its span runs from the first count to the last
one, attendance before or after them left out. Thresholds (``9カ国以上``) and
single counts are not tallies. ``全会一致``, ``賛成多数`` … with no numbers
are found as ``consensus`` matches: the outcome known, no counts (not VOTE
mentions).

Who voted, on what, when and with what result is resolved by
:mod:`jpnlp.votes`, which knows the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..glossary import match_key
from . import read_table
from .dates import kanji_to_int
from .leaders import countries

# 1,234 (thousands grouped) before plain digits; kanji numerals, positional (一〇三) or not (百三)
_NUM = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,4}|[〇零一二三四五六七八九十百千]{1,7})"
_ZERO = r"(?:なし|無し|なく|無く|ゼロ)"  # 反対なし, 反対はなく, 反対ゼロ: a count of none
# 國 is the old form of 国 (pre-1946 texts)
_COUNTRY_UNIT = r"(?:[カかヵヶケ箇][国國]|理事国|[国國])"
_UNIT = rf"(?:票|人|名|議席|{_COUNTRY_UNIT})"
_NOT_A_COUNT = (
    r"(?!以上|以下|未満|超|余|近く|程度|前後|分の|[0-9%％割.．]|パーセント|ポイント|増|減|を超|を上回|を下回|に満た"
    r"|[年月日時号条項回歳位点円万億]|ドル)"  # a date, an ordinal, money; 1万2000 is no count we read
)
_ROLES = ("for", "against", "abstain")
# what a clause count's keyword is (87カ国が賛成票を投じた, AとBが拒否権を行使)
_KW = r"(?P<kw>賛成票|反対票|棄権票|賛成|反対|棄権|支持|拒否権を(?:行使|発動))(?!の|派|論|意見|姿勢|側|国は|する声)"
_ROLE_WORD = {"賛成": "for", "反対": "against", "棄権": "abstain", "保留": "abstain"}
_KW_ROLE = {"賛成": "for", "支持": "for", "反対": "against", "棄権": "abstain", "拒否権": "against"}
# in Diet ballots a white ballot is a yes and a blue one a no (記名投票: 白票 N、青票 M); elsewhere 白票 is blank
_DIET_BALLOT = re.compile(r"青色?票")
BALLOT_CHARS = 80
# an object between the subject and the keyword (決議案に反対), or what a veto is held as (常任理事国として持つ拒否権)
_OBJ = r"(?:[^。、\n]{0,12}?(?:に|を(?=支持))|[^。、\n]{0,20}?持つ(?=拒否権))?"
_NAME_CHARS = r"\u4e00-\u9fff\u30a0-\u30ffー・A-Za-z"
# A、B及びC; AのほかB / Aに加えB (A besides B: both named)
_LIST_SEP = re.compile(r"(?:[、,，]|及び|および|並びに|ならびに|や|と|(?:のほか|に加え(?:て)?)[、,，]?)$")
_NAME_END = re.compile(rf"[{_NAME_CHARS}]{{1,15}}$")
_SOME_MORE = re.compile(r"(?:など|等|ら|他|ほか)$")
# a name's abbreviation in brackets (アラブ首長国連邦(UAE)): part of the name in a list
_ABBR_AFTER = re.compile(r"\([A-Z][A-Za-z.]{1,7}\)")
_ABBR_BEFORE = re.compile(r"\([A-Z][A-Za-z.]{1,7}\)$")
_MORE_AFTER = re.compile(r"など|等|ら|他|ほか")
# single-character country abbreviations: 中ロ, 米英仏 name one country each
_ABBREV = set("米英仏中ロ露独日韓朝印")
_KATAKANA = re.compile(r"[\u30a0-\u30ffー・]{2,}")
_LISTED_WITH = " \t\n、,，・:："  # what may stand between a total and the counts it is listed with
_WHO = re.compile(r"[ \t]*\([^()\n]{1,200}\)")
_DIGIT = re.compile(r"[0-9〇一二三四五六七八九十百千]")
_SENT_END = re.compile(r"[。!?！？]")
CONSENSUS = {
    "全会一致": "passed", "満場一致": "passed", "賛成多数": "passed", "起立多数": "passed",
    "挙手多数": "passed", "反対多数": "rejected", "賛成少数": "rejected",
}  # fmt: skip
CONSENSUS_RE = re.compile("|".join(CONSENSUS))
# what makes "X対Y" a vote: a majority phrase right after it, or an outcome shortly after で …
_VS_AFTER = re.compile(
    r"[ \t]*(?:の(?:賛成|反対)多数|(?:の|という)(?:大差|僅差|小差)"
    r"|で[^。、\n]{0,12}?(?:可決|否決|承認|採択|成立|通過|批准|決定)"
    r"|で[、,]?[^。、\n]{0,40}?(?:可決|否決|承認|採択|成立|通過|批准))"  # 71対26で、…批准承認決議案を可決
)
# … or a vote named right before it (採決の結果、52対47)
_VS_BEFORE = re.compile(
    r"(?:(?:採決|投票|票決|表決|評決)(?:の)?(?:結果)?(?:は|で|では)?[、,:：]?"
    r"|(?:賛成多数|反対多数|可決|否決|採択|承認)(?:され(?:た)?)?[ \t]*\()[ \t]*$"
)  # 採決の結果、52対47 / 賛成多数(71対26)
# who or what each side counts: 120票対30票, 12人対8人, 14か国対1か国
_VS_UNIT = rf"(?:票|人|名|{_COUNTRY_UNIT})"
_VS_NUM = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}|[〇零一二三四五六七八九十百]{1,6})"
VERSUS_RE = re.compile(
    rf"(?<![0-9.,\-/])(?P<a>{_VS_NUM})[ \t]*{_VS_UNIT}?[ \t]*(?P<sep>対|[-―—–‐])[ \t]*(?P<b>{_VS_NUM})"
    rf"(?:[ \t]*(?P=sep)[ \t]*(?P<c>{_VS_NUM}))?(?:[ \t]*{_VS_UNIT})?(?![0-9.\-/年月日発基])"
)  # (the span ends at the last number or its unit, never at the space after it: 62 対 37 で)
_VS_ABSTAIN = re.compile(
    rf"[ \t]*(?:\(|[、,，])[ \t]*棄権(?:票)?[ \t]*(?:は|が|[:：])?[ \t]*(?P<n>{_VS_NUM})(?:[ \t]*{_VS_UNIT})?\)?"
)
_VOTE_ROW = re.compile(r"投票|採決|票決|表決|賛否")
_VS_SEP = r"[ \t]*(?:対|[-―—–‐])[ \t]*"
_CELL_VS = re.compile(rf"^[ \t]*(?P<a>{_VS_NUM}){_VS_SEP}(?P<b>{_VS_NUM})(?:{_VS_SEP}(?P<c>{_VS_NUM}))?[ \t]*$")


@dataclass(frozen=True)
class Count:
    """One count of a tally: its span (keyword to number), role and number."""

    start: int
    end: int
    role: str  # for | against | abstain | other | total
    n: int
    veto: bool = False
    named: bool = False  # counted from the names listed (A、Bが反対), no number written
    voted: bool = False  # the keyword is an act of voting (棄権, 反対票を投じた, 拒否権), not a stance (反対した)


@dataclass(frozen=True)
class TableCell:
    """Where a tally sits in a table: its row's label and the same column's cells in the other rows."""

    row_label: str
    column: tuple[tuple[str, int, int], ...]  # (row label, cell start, cell end), rows in order


@dataclass(frozen=True)
class TallyMatch:
    """A tally's span and counts (None where the text gives none)."""

    start: int
    end: int
    text: str
    kind: str  # counts | versus | table | row | consensus
    for_: int | None = None
    against: int | None = None
    abstain: int | None = None
    other: int | None = None
    total: int | None = None
    implied: str | None = None  # outcome the phrase itself states (賛成多数 → passed)
    vetoes: int = 0
    table: TableCell | None = field(default=None, compare=False)
    row: tuple[int, int] | None = field(default=None, compare=False)  # the table row (line) a ``row`` tally fills

    @property
    def counted(self) -> bool:
        """Whether the tally gives numbers (a VOTE mention), not just an outcome (全会一致)."""
        return self.kind != "consensus"


# 賛成したのは / 反対に回ったのは / 賛成票を投じた国は / 賛成の国は: who voted that way, then how many
_VOTED_WHO = r"(?:票を投じ|に投じ|に回っ|し)た(?:の|国|議員)"
# 可とする者(白票) 328: the ballot's colour in brackets between the label and its number
_BALLOT_NOTE = r"\([^()\n0-9]{1,6}\)"


@cache
def _labels() -> dict[str, str]:
    return {r["word"]: r["role"] for r in read_table("tally_words.tsv")}


@cache
def _label_re() -> re.Pattern[str]:
    words = "|".join(sorted(_labels(), key=len, reverse=True))
    return re.compile(
        rf"(?:(?<=[対票])|(?<![\u4e00-\u9fff]))(?P<label>{words})(?:票数|票|者数|者|国数|の国|国|{_VOTED_WHO})?"
        rf"(?:[ \t]*{_BALLOT_NOTE})?[ \t]*(?:が|は|で|[:：=]|[…‥]+|[・･]{{2,}})?[ \t]*(?:\n[ \t]*){{0,2}}"  # a list: label, then its number below
        rf"(?:(?P<num>{_NUM})(?![0-9]|,[0-9])[ \t]*(?P<unit>{_UNIT})?(?![ \t]*{_UNIT}){_NOT_A_COUNT}"
        rf"|\([ \t]*(?P<bnum>{_NUM})[ \t]*{_UNIT}?[ \t]*\)|(?P<zero>{_ZERO}))"  # 賛成(158): the number in brackets
    )


# 反対は、A、B、Cの3カ国 / 反対票を投じたのは、A、Bの2カ国: the label, who, then how many
_LISTED_RE = re.compile(
    rf"(?P<label>賛成|反対|棄権)(?:票を投じたの|票を投じた国|したの|した国|に回ったの|に回った国)?は[、,]?"
    rf"(?P<who>[^。\n()]{{1,80}}?)(?:の|など|等)?(?P<num>{_NUM})[ \t]*(?:票|人|名|{_COUNTRY_UNIT}){_NOT_A_COUNT}"
)
# 反対はオランダ、棄権はシンガポールだった / 反対したのは米国とイスラエルだった: the label, then who (counted)
_LABEL_IS_RE = re.compile(
    r"(?P<label>賛成|反対|棄権)(?:票を投じたの|票を投じた国|したの|した国|に回ったの)?(?:は[、,]?|[:：][ \t]*)"
)  # …は / 反対: A、B (a list's label)
_NAME_RUN = re.compile(rf"[{_NAME_CHARS}]{{1,15}}")
_LIST_SEP_AFTER = re.compile(r"[、,，]|及び|および|並びに|ならびに|や|と|(?:のほか|に加え(?:て)?)[、,，]?")
# the group a listed country is named as a member of: 反対はNATO加盟国のオランダ
_MEMBER_OF = re.compile(r"[^。、\n]{1,30}?(?:加盟国|理事国|同盟国|締約国|諸国)の")
_LIST_ENDS = re.compile(
    r"(?:のみ|だけ)?(?:だった|であった|で[、,]|[。、,)]|[ \t]*\n|[ \t]+(?=賛成|反対|棄権)|$)|(?:のみ|だけ)で"
)
# the countries a sentence is about (一方、ロシアと中国は、…として棄権した): a topic at the sentence's start whose
# predicate, at the sentence's end, is a vote; what lies between is the reason
_TOPIC_START = re.compile(r"(?:^|(?<=[。\n]))[ \t]*(?:(?:一方|また|他方|ただ|しかし|これに対し(?:て)?)[、,]?[ \t]*)?")
_TOPIC_END = re.compile(r"(?:は|も)[、,]?")
_VOTE_PREDICATE = re.compile(
    r"(?P<kw>棄権|反対票を投じ|賛成票を投じ|拒否権を(?:行使|発動))(?:し)?(?:た|ました|ていた|ていました)(?=[。\n]|$)"
)
_CLAUSE_RE = re.compile(
    rf"(?<!分の)(?<!第)(?P<num>{_NUM})(?:[ \t]*(?:{_COUNTRY_UNIT}|票){_NOT_A_COUNT}(?:が|は|も|の){_OBJ}|の(?=賛成|反対|棄権)){_KW}"
)  # 87カ国が賛成 / 152の賛成、4の反対 (not 3分の2の賛成, a threshold; not 第2の, an ordinal)
ALSO_CHARS = 20
_ALSO = re.compile(rf"[{_NAME_CHARS}]も")
_NAMED_RE = re.compile(rf"(?P<particle>は|が|も){_OBJ}{_KW}")
# a keyword with its number right after it is a count's label (理事国は賛成12票: twelve, not one named country) …
_NUM_AFTER = re.compile(rf"(?:票)?(?:は|が|[:：])?[ \t]*{_NUM}")
# … and a number right after a label is that label's (棄権30カ国の賛成多数: thirty abstentions, not thirty for)
_LABEL_BEFORE = re.compile(r"(?:賛成|反対|棄権|保留)(?:票)?(?:は|が|[:：])?[ \t]*$")
# a counted topic whose predicate, at the sentence's end, is a vote (A、Bの4カ国は、…として棄権した)
_VOTE_WORDS = re.compile(r"賛成|反対|棄権|拒否権|票")
_TOPIC_NUM = re.compile(rf"(?:[^。\n]{{0,80}}?(?:の|など|等)[ \t]*)?(?P<num>{_NUM})[ \t]*{_COUNTRY_UNIT}(?:は|も)[、,]?")


def _num(s: str) -> int:
    return kanji_to_int(s.replace(",", ""))


def _country_count(name: str) -> int | None:
    """How many countries one listed name stands for (中ロ: 2), None when it is no country name."""
    if match_key(name) in countries() or name.endswith(("共和国", "王国", "連邦", "首長国")):
        return 1
    if len(name) >= 2 and all(c in _ABBREV for c in name):
        return len(name)
    if _KATAKANA.fullmatch(name):
        return 1
    return None


def _named_list(text: str, end: int) -> tuple[int, int] | None:
    """(start, how many) of the country names listed right before ``end`` (A、B及びC), None if none or uncountable."""
    if _SOME_MORE.search(text, 0, end):
        return None  # A、Bなど: more than those named
    pos, count, start = end, 0, None
    while True:
        abbr = _ABBR_BEFORE.search(text, max(0, pos - 10), pos)
        pos = abbr.start() if abbr else pos
        m = _NAME_END.search(text, max(0, pos - 15), pos)
        if not m or m.end() != pos:
            break
        n = _country_count(m.group())
        if n is None:
            break
        count, start = count + n, m.start()
        sep = _LIST_SEP.search(text, max(0, start - 6), start)
        if not sep:
            break
        pos = sep.start()
    return (start, count) if start is not None else None


def _names_after(text: str, pos: int) -> tuple[int, int] | None:
    """(end, how many) of the country names listed from ``pos`` to the end of their clause, None if none."""
    p = pos
    member = _MEMBER_OF.match(text, pos)
    if member and not _country_count(_NAME_RUN.match(text, pos).group() if _NAME_RUN.match(text, pos) else ""):
        p = member.end()  # NATO加盟国のオランダ: the country after the group it belongs to
    found = _names_run(text, p)
    if found is None or _MORE_AFTER.match(text, found[0]) or not _LIST_ENDS.match(text, found[0]):
        return None
    return found


def _topic_counts(text: str) -> list[Count]:
    """Countries named as a sentence's topic whose predicate is a vote (一方、AとBは、…などとして棄権した)."""
    out = []
    for p in _VOTE_PREDICATE.finditer(text):
        lo = max(text.rfind("。", 0, p.start()), text.rfind("\n", 0, p.start())) + 1
        start = _TOPIC_START.match(text, lo)
        if start is None:
            continue
        kw = p.group("kw")
        role = _KW_ROLE[kw[:3] if kw.startswith("拒否権") else kw[:2]]
        veto = kw.startswith("拒否権")
        names = _names_run(text, start.end())
        if names is not None and _TOPIC_END.match(text, names[0]) and names[0] < p.start():
            out.append(Count(start.end(), p.start() + len(kw), role, names[1], veto=veto, named=True, voted=True))
            continue
        counted = _TOPIC_NUM.match(text, start.end())
        # …ガボンの4カ国は「対話」を重視する姿勢を示し、棄権した (a reason between, no vote of its own)
        if counted and counted.end() < p.start() and not _VOTE_WORDS.search(text, counted.end(), p.start()):
            n = _num(counted.group("num"))
            out.append(Count(counted.start("num"), p.start() + len(kw), role, n, veto=veto, voted=True))
    return out


def _names_run(text: str, pos: int) -> tuple[int, int] | None:
    """(end, how many) of the country names listed from ``pos`` (AとB, A、B及びC), None if none."""
    count, end, p = 0, None, pos
    while m := _NAME_RUN.match(text, p):
        n = _country_count(m.group())
        if n is None:
            break
        abbr = _ABBR_AFTER.match(text, m.end())
        count, end = count + n, abbr.end() if abbr else m.end()
        sep = _LIST_SEP_AFTER.match(text, end)
        if not sep:
            break
        p = sep.end()
    return (end, count) if end is not None else None


def _listed_names_ok(who: str) -> bool:
    """Whether ``who`` is a list of names (ロシアや中国、北朝鮮), nothing else."""
    parts = [p for p in re.split(r"[、,，]|及び|および|並びに|や|と", re.sub(r"(?:など|等|ほか)$", "", who)) if p]
    return bool(parts) and all(re.fullmatch(rf"[{_NAME_CHARS}]{{1,15}}", p) for p in parts)


def _clause_before(text: str, pos: int) -> str:
    """The text of ``pos``'s clause before it (who a count lists before its number: 米国のほかロシアなど|18カ国)."""
    lo = max(text.rfind(c, max(0, pos - 40), pos) for c in "。、\n")
    return text[max(lo + 1, pos - 40) : pos]


def _restated(text: str, counts: list[Count]) -> list[Count]:
    """Counts less the named ones a later count of the same role restates with a number (米国が反対した …
    米国のほかロシアなど18カ国が反対): the country is one of those counted."""
    out = []
    for c in counts:
        names = {n for n in _NAME_RUN.findall(text, c.start, c.end) if _country_count(n)} if c.named else set()
        later = [
            d for d in counts
            if d.role == c.role and not d.named and c.end <= d.start < c.end + 600
            and any(n in _clause_before(text, d.start) + text[d.start : d.end] for n in names)
        ]  # fmt: skip
        if not later:
            out.append(c)
    return out


def find_counts(text: str) -> list[Count]:
    """Every count of ``text`` in order, overlaps resolved (longest first)."""
    found: list[Count] = []
    labels = _labels()
    for m in _label_re().finditer(text):
        end = m.start() + len(m.group().rstrip(" \t"))  # 賛成: 12 反対: 2 — the space before the next label is not ours
        if "\n" in m.group().rstrip() and text[end : text.find("\n", end) % (len(text) + 1)].strip():
            continue  # a label alone on its line is a list's only when its number is alone on the next
        role = labels[m.group("label")]
        near = text[max(0, m.start() - BALLOT_CHARS) : m.end() + BALLOT_CHARS]
        if m.group("label") == "白票" and _DIET_BALLOT.search(near):
            role = "for"
        n = m.group("num") or m.group("bnum")
        found.append(Count(m.start(), end, role, _num(n) if n else 0))
    for m in _LISTED_RE.finditer(text):
        if _listed_names_ok(m.group("who")):
            found.append(Count(m.start(), m.end(), _KW_ROLE[m.group("label")], _num(m.group("num"))))
    for m in _LABEL_IS_RE.finditer(text):
        after = _names_after(text, m.end())
        if after:
            label = m.group("label")
            voted = label == "棄権" or "票" in m.group()
            found.append(Count(m.start(), after[0], _KW_ROLE[label], after[1], named=True, voted=voted))
    for m in _CLAUSE_RE.finditer(text):
        if _LABEL_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue
        kw = m.group("kw")
        role = _KW_ROLE[kw[:3] if kw.startswith("拒否権") else kw[:2]]
        voted = kw.startswith(("拒否権", "棄権")) or kw.endswith("票")  # 32カ国が棄権: a vote cast, not a stance
        found.append(Count(m.start(), m.end(), role, _num(m.group("num")), veto=kw.startswith("拒否権"), voted=voted))
    for m in _NAMED_RE.finditer(text):
        if _NUM_AFTER.match(text, m.end()):
            continue
        named = _named_list(text, m.start())
        if named:
            kw = m.group("kw")
            role = _KW_ROLE[kw[:3] if kw.startswith("拒否権") else kw[:2]]
            voted = kw.startswith(("拒否権", "棄権")) or kw.endswith("票")
            found.append(Count(named[0], m.end(), role, named[1], veto=kw.startswith("拒否権"), named=True, voted=voted))
    found += _topic_counts(text)
    taken: list[Count] = []
    for c in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return _restated(text, _also(text, sorted(taken, key=lambda c: c.start)))


def _also(text: str, counts: list[Count]) -> list[Count]:
    """Named counts joined where a second one says "also" (米国は棄権に回り、ロシアも棄権した: two abstentions)."""
    out: list[Count] = []
    for c in counts:
        p = out[-1] if out else None
        if (p is not None and p.named and c.named and p.role == c.role and not p.veto and not c.veto
                and c.start - p.end <= ALSO_CHARS and not _SENT_END.search(text, p.end, c.start)
                and _ALSO.search(text, c.start, c.end)):  # fmt: skip
            out[-1] = Count(p.start, c.end, p.role, p.n + c.n, named=True, voted=p.voted or c.voted)
            continue
        out.append(c)
    return out


def _gap_ok(gap: str, same_sentence: bool) -> bool:
    """Whether two counts this far apart belong to one tally."""
    ends = len(_SENT_END.findall(gap))
    if same_sentence:
        if ends:
            return False
        if "\n" in gap and gap.strip(" \t\n、,，・;；/-―—–‐対"):
            return False  # lines apart with words between: two things
        return len(gap) <= 60
    # the next sentence close by; or one sentence further when what lies between holds no other number. Who voted
    # that way, listed before the next count (…、A、BやCなど棄権12), is that count's own subject, not distance
    gap = _VOTERS_LEAD.sub("", gap)
    return ends <= 1 and len(gap.strip()) <= 40 or ends == 2 and len(gap.strip()) <= 80 and not _DIGIT.search(gap)


_VOTERS_LEAD = re.compile(r"(?<=[。．.!！?？\n])[^。．\n0-9０-９]{1,120}など$")


def _roles(group: list[Count]) -> set[str]:
    return {c.role for c in group if c.role != "other"}


def _clusters(text: str, groups: list[list[Count]], same_sentence: bool) -> list[list[Count]]:
    """Neighbouring groups of counts joined where no role repeats and the gap allows it; named countries do not
    take the first count of a numbered tally that goes on after it (ロシアが拒否権を行使し、賛成13、反対1、棄権1:
    the numbers are one tally, the veto one of its against votes)."""
    out: list[list[Count]] = []
    for k, g in enumerate(groups):
        if out:
            prev = out[-1]
            if not _roles(prev) & _roles(g) and _gap_ok(text[prev[-1].end : g[0].start], same_sentence):
                nxt = groups[k + 1] if k + 1 < len(groups) else None
                numbers_go_on = (
                    nxt is not None and all(c.named for c in prev) and not any(c.named for c in g + nxt)
                    and not _roles(g) & _roles(nxt) and _roles(prev) & _roles(nxt)
                    and _gap_ok(text[g[-1].end : nxt[0].start], same_sentence)
                )  # fmt: skip
                if not numbers_go_on:
                    prev.extend(g)
                    continue
        out.append(list(g))
    return out


_BREAKDOWN = re.compile(r"(?:採決|投票|票決|表決|採択)(?:の結果)?(?:で|では|は)")
# a for-count that carried the vote (Nカ国の賛成で採択した), and a sentence with an outcome of its own
_CARRIED = re.compile(r"[^。\n]{0,12}?(?:採択|可決|承認|成立)|(?:票を投じ|し)た")  # …で採択 / 157カ国が賛成した
_EARLIER_VOTE = re.compile(r"昨年|去年|前年|前回|一昨年")  # a for-count of an earlier vote, given for comparison
_OUTCOME = re.compile(r"採択|可決|否決|承認|成立")
BREAKDOWN_CHARS = 400


def _completed(text: str, groups: list[list[Count]]) -> list[list[Count]]:
    """Groups with a lone for-count joined to the breakdown that completes it further on (Nカ国の賛成多数で採択
    された。… 採決ではMカ国が反対、Kカ国は棄権した): the next group, without a for-count of its own, in a sentence
    that reports the vote (採決では) not far after."""
    out: list[list[Count]] = []
    for g in groups:
        prev = out[-1] if out else None
        if (
            prev and len(prev) == 1 and prev[0].role == "for" and not prev[0].named
            and all(c.role != "for" for c in g) and g[0].start - prev[0].end <= BREAKDOWN_CHARS
        ):  # fmt: skip
            s = max(text.rfind(c, 0, g[0].start) for c in "。\n") + 1
            # a sentence that reports the vote (採決では), or countries that cast a vote (AとBは棄権した): the
            # vote just reported
            if _BREAKDOWN.search(text, s, g[0].start) or all(c.named and c.voted for c in g):
                prev.extend(g)
                continue
            # … or, after a for-count that carried it, a sentence of cast votes with no outcome of its own, one
            # sentence on at most (Nカ国の賛成で採択した。…。Mカ国が棄権し、Kカ国が反対。)
            e = min([len(text)] + [i for i in (text.find("。", g[-1].end), text.find("\n", g[-1].end)) if i >= 0])
            ps = max(text.rfind(c, 0, prev[0].start) for c in "。\n") + 1
            if (_CARRIED.match(text, prev[0].end) and any(c.voted for c in g) and not _OUTCOME.search(text, s, e)
                    and len(_SENT_END.findall(text, prev[0].end, g[0].start)) <= 2
                    and not _EARLIER_VOTE.search(text, ps, prev[0].end)):  # fmt: skip
                prev.extend(g)
                continue
        out.append(list(g))
    return out


def _tally(group: list[Count], text: str) -> TallyMatch | None:
    by_role: dict[str, int] = {}
    for c in group:
        if c.role != "other":
            by_role[c.role] = c.n
    core = [c for c in group if c.role in _ROLES]
    # one count is no tally; nor are names alone (ロシアは反対し、米国は賛成した: positions) unless one of them
    # cast a vote (Aは反対し、Bは棄権した; Aが反対票を投じた)
    if sum(r in by_role for r in _ROLES) < 2 or all(c.named and not c.voted for c in core):
        return None
    start, end = core[0].start, core[-1].end
    who = _WHO.match(text, end)
    if who:
        end = who.end()  # …、棄権1(シンガポール): who voted that way
    for c in group:  # a total listed with the counts (投票総数450、賛成…, …反対88、投票総数243) is part of the span
        if c.role == "total" and c.end <= start and not text[c.end : start].strip(_LISTED_WITH):
            start = c.start
        elif c.role == "total" and c.start >= end and not text[end : c.start].strip(_LISTED_WITH):
            end = c.end
    others = [c.n for c in group if c.role == "other"]
    vetoes = sum(c.n for c in group if c.veto)
    return TallyMatch(
        start, end, text[start:end], "counts", by_role.get("for"), by_role.get("against"), by_role.get("abstain"),
        sum(others) if others else None, by_role.get("total"), vetoes=vetoes,
    )  # fmt: skip


def _versus(text: str, taken: list[tuple[int, int]]) -> list[TallyMatch]:
    out = []
    for m in VERSUS_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        line_start = max(text.rfind("\n", 0, m.start()), text.rfind("。", 0, m.start())) + 1
        # the abstentions given after the two sides (152対4(棄権30)で採択, 14対0、棄権1で): part of the tally
        abst = _VS_ABSTAIN.match(text, m.end()) if not m.group("c") else None
        end = abst.end("n") if abst else m.end()
        after = _VS_AFTER.match(text, abst.end() if abst else m.end())
        if not after and not _VS_BEFORE.search(text[line_start : m.start()]):
            continue
        implied = None
        tail = re.match(r"[ \t]*の", text[m.end() :])
        cons = CONSENSUS_RE.match(text, m.end() + tail.end()) if tail else None
        if cons:
            implied = CONSENSUS[cons.group()]  # 71対26の賛成多数: the span stays the numbers
        c = m.group("c") or (abst.group("n") if abst else None)
        out.append(
            TallyMatch(m.start(), end, text[m.start() : end], "versus", _num(m.group("a")), _num(m.group("b")),
                       _num(c) if c else None, implied=implied)
        )  # fmt: skip
    return out


def _cells(line: str, offset: int) -> list[tuple[str, int, int]]:
    """The cells of a table row: (text, start, end), stripped."""
    cells, pos = [], 0
    for part in line.split("|"):
        s = len(part) - len(part.lstrip())
        cells.append((part.strip(), offset + pos + s, offset + pos + s + len(part.strip())))
        pos += len(part) + 1
    if line.lstrip().startswith("|"):
        cells = cells[1:]
    return cells


def _table(text: str) -> list[TallyMatch]:
    """Tallies in the cells of table rows about a vote (``米国での批准投票 | 88-2 | 93-6 |``)."""
    rows = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().count("|") >= 2:
            rows.append(_cells(m.group(), m.start()))
    out = []
    for row in rows:
        if not row or not _VOTE_ROW.search(row[0][0]):
            continue
        for j, (cell, s, e) in enumerate(row[1:], start=1):
            v = _CELL_VS.match(cell)
            if not v:
                continue
            column = tuple((r[0][0], r[j][1], r[j][2]) for r in rows if len(r) > j and r[0])
            c = v.group("c")
            out.append(
                TallyMatch(s, e, cell, "table", _num(v.group("a")), _num(v.group("b")), _num(c) if c else None,
                           table=TableCell(row[0][0], column))
            )  # fmt: skip
    return out


_HEADER_ROLE = re.compile(r"(賛成|反対|棄権|保留)(?:票|票数|数|国|国数)?")
_CELL_NUM = re.compile(r"[0-9]{1,4}|[〇零一二三四五六七八九十百]{1,6}")
_GAP = re.compile(r"[ \t\u3000]+")


def _split_row(line: str, offset: int) -> list[tuple[str, int, int]]:
    """A row's cells: between | when it has them, else between runs of spaces."""
    if line.count("|") >= 2:
        return [c for c in _cells(line, offset)]
    cells, pos = [], 0
    for gap in [*_GAP.finditer(line), None]:
        end = gap.start() if gap else len(line)
        if end > pos:
            cells.append((line[pos:end], offset + pos, offset + end))
        pos = gap.end() if gap else end
    return cells


def _column_tallies(text: str) -> list[TallyMatch]:
    """Tallies in the rows of a table whose header names the columns (``会期 日付 賛成 反対 棄権``, then
    ``49 1994年12月15日 163 0 8``): one tally per row, the numbers read from the labelled columns."""
    lines = [(m.group(), m.start()) for m in re.finditer(r"[^\n]+", text)]
    out: list[TallyMatch] = []
    for k, (line, off) in enumerate(lines):
        header = _split_row(line, off)
        columns = {_ROLE_WORD[m.group(1)]: j for j, (c, _, _) in enumerate(header) if (m := _HEADER_ROLE.fullmatch(c))}
        if "for" not in columns or "against" not in columns or len(header) < 3:
            continue
        for row_line, row_off in lines[k + 1 :]:
            if not row_line.strip(" |-:\t"):
                continue  # |---|---| under a header
            row = _split_row(row_line, row_off)
            cells = {role: row[j] for role, j in columns.items() if j < len(row)}
            if len(cells) != len(columns) or not all(_CELL_NUM.fullmatch(c[0]) for c in cells.values()):
                break
            start, end = min(c[1] for c in cells.values()), max(c[2] for c in cells.values())
            n = {role: _num(c[0]) for role, c in cells.items()}
            out.append(
                TallyMatch(start, end, text[start:end], "row", n["for"], n["against"], n.get("abstain"),
                           row=(row_off, row_off + len(row_line)))
            )  # fmt: skip
    return out


# a table flattened one cell per line (a web table's text): a header cell, spaced or not (反 対), then a row's cells
_V_HEADER_ROLE = re.compile(r"[ \t\u3000]*(賛|反|棄|保)[ \t\u3000]*(成|対|権|留)(?:票|票数|数)?[ \t\u3000]*")
_V_HEADER = re.compile(r"[^0-9０-９\n]{1,12}")
_V_NUM = re.compile(rf"[ \t\u3000]*(?P<n>{_NUM})[ \t\u3000]*(?:票|人|名)?[ \t\u3000]*")


def _vertical_tallies(text: str) -> list[TallyMatch]:
    """Tallies in a table flattened to one cell per line: header cells (市町名 / 反 対 / 賛 成), then rows of a
    label line and one number line per column after the first (奈井江町 / 3,258 / 1,168)."""
    lines = [(m.group(), m.start()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]  # blank lines skipped
    out: list[TallyMatch] = []
    k = 0
    while k < len(lines):
        roles: list[str | None] = []
        j = k
        while j < len(lines) and _V_HEADER.fullmatch(lines[j][0]) and lines[j][0].strip():
            m = _V_HEADER_ROLE.fullmatch(lines[j][0])
            roles.append(_ROLE_WORD.get(m.group(1) + m.group(2)) if m else None)
            j += 1
        first = next((i for i, r in enumerate(roles) if r), None)
        if first is None or not {"for", "against"} <= set(roles):
            k = max(j, k + 1)
            continue
        last = max(i for i, r in enumerate(roles) if r)
        columns = roles[first : last + 1]  # the cells before the first role name label the rows
        pos = k + last + 1
        while pos + len(columns) < len(lines) and lines[pos][0].strip() and not _V_NUM.fullmatch(lines[pos][0]):
            cells = [_V_NUM.fullmatch(lines[pos + 1 + c][0]) for c in range(len(columns))]
            if not all(cells):
                break
            n = {role: _num(cell.group("n")) for role, cell in zip(columns, cells) if role and cell}
            start = lines[pos + 1][1] + cells[0].start("n")
            end = lines[pos + len(columns)][1] + cells[-1].end("n")
            out.append(
                TallyMatch(start, end, text[start:end], "row", n.get("for"), n.get("against"), n.get("abstain"),
                           row=(lines[pos][1], end))
            )  # fmt: skip
            pos += 1 + len(columns)
        k = max(pos, k + 1)
    return out


def find_tallies(text: str) -> list[TallyMatch]:
    """Every tally of ``text`` in order: counted ones, then outcome phrases with no numbers (``consensus``)."""
    found = _table(text)
    found += [t for t in _column_tallies(text) if all(t.end <= f.start or t.start >= f.end for f in found)]
    found += [t for t in _vertical_tallies(text) if all(t.end <= f.start or t.start >= f.end for f in found)]
    taken = [(t.start, t.end) for t in found]
    found += _versus(text, taken)
    taken = [(t.start, t.end) for t in found]
    counts = [c for c in find_counts(text) if all(c.end <= s or c.start >= e for s, e in taken)]
    groups = _clusters(text, [[c] for c in counts], same_sentence=True)
    groups = _clusters(text, groups, same_sentence=False)
    groups = _completed(text, groups)
    for g in groups:
        t = _tally(g, text)
        if t:
            found.append(t)
    spans = [(t.start, t.end) for t in found] + [(c.start, c.end) for c in counts]
    for m in CONSENSUS_RE.finditer(text):
        if any(s <= m.start() < e + 3 for s, e in spans):
            continue  # the 賛成多数 of 71対26の賛成多数, of 167カ国の賛成多数
        found.append(TallyMatch(m.start(), m.end(), m.group(), "consensus", implied=CONSENSUS[m.group()]))
    return sorted(found, key=lambda t: t.start)
