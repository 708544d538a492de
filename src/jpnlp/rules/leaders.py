"""LEADER mentions: named political leaders, the name as the span, the title as the role.

Japanese writes a leader as name + (country or organization) + title:
プーチン大統領, エリツィン前大統領, プーチン大統領代行(当時), バイデン米大統領,
習近平中国国家主席, グテーレス国連事務総長, 岸田文雄首相.  :func:`find_leaders`
reads that pattern in normalized text with the titles of ``data/titles.tsv``
and the countries of ``data/countries.tsv``:

* a katakana name (parts joined by ・ or =, Latin initials included:
  リンドン・B.ジョンソン, F=W.…) before a title is a leader unless it is a
  country or organization (ロシア大統領 has no name); a country written
  before the name (カナダトルドー首相) or after it (…・ノルウェー首相) is not
  part of it, nor are a country, a party (…共産党書記長) or a bracket between
  name and title; a one-letter katakana country (ロ, ソ) glued to a katakana
  word is that word's last letter (カストロ議長, バロ外相), and a party's
  organ (…共産党中央委員会総書記) or a party alone (王毅共産党政治局員兼外相)
  may stand between; a name may be set off from its title by ・
  (習近平・中国国家主席, 岸田文雄・首相);
* a kanji name before a title is a leader when the glossary, GiNZA (a
  ``Person`` span passed in ``persons``) or Sudachi's dictionary (name tags
  ``名詞-固有名詞-人名-姓/名`` in ``tokens``; a place before a given name, or
  before a Japanese cabinet title, is a surname: 愛知揆一, 大平外相) knows it —
  kanji runs have no visible boundary, so the longest known suffix of the run
  is the name; before titles any association has (事務局長, 書記長) a name
  only Sudachi tags needs an intergovernmental organization named too;
* another office held along with the title comes between (王毅国務委員兼外相);
  a katakana word Sudachi knows as a country or an organization (タリバン,
  ユネスコ) is no name; a title that ends inside another word (王国王女) or
  is followed by 会合, 官房 … (外相会合, 外務大臣官房) is no title;
* a name with an initial, or one the glossary knows, counts across an
  organization's full name (R.グロッシ国際原子力機関(IAEA)事務局長);
* after a title with no name before it: a full katakana name
  (米国務長官ジョン・ケリー), a kanji name set off by a space or on the next
  line (外務大臣 山田太郎, 外務大臣 岸田 文雄君, signature blocks), a name in
  apposition (大統領のメンデス氏, 首相の山田氏) or in the Diet's speaker
  brackets (○外務大臣(山田太郎君)); lists of delegates put the name first
  (愛知 揆一 外務大臣) and the Diet's lists space out the title (外 務 大 臣)
  or read a surname as a given name (茂木 敏充); old texts sign right after
  the title (内閣総理大臣吉田茂: a surname Sudachi tags);
* in English: a name with an English title before or after it (Prime Minister
  Fumio Kishida, …Guterres, Secretary-General of the United Nations), a
  surname alone after the title (President Putin); not after a capitalised
  word other than a nationality (Vice President, Assembly President);
* several names before 両 + title or before 会談 (A・B両首脳, A・B会談): each
  one the glossary or the tagger knows, and with 両 each katakana name;
* a name the glossary lists as a leader is a leader also without a title
  (クリントン政権, プーチン氏, Vladimir Putin …, spaced out in a Diet roster:
  園田  直君), unless it names something else
  (ラムスフェルド報告 is a report, ブッシュ・ドクトリン a doctrine) or the person
  holds another office there (…経済再生相, …デジタル相, …元幹事長, the aide
  of a title he never held: …大統領補佐官; 副大統領のバンス氏 is a namesake);
  a name tagged by GiNZA or
  Sudachi before 政権 or 内閣 is a head of government (中曽根内閣, メンデス米政権);
  a name first met with a title counts again later without one, a kanji
  name's surname before the same title or 氏 (金南哲外相 … 金外相);
* a reading or Latin spelling in brackets right after a name is a second
  mention of the same leader (習近平(シー・ジンピン), …(Fumio Kishida)).

Real-text layouts and namesakes (see ``tests/rules/test_leaders_layouts.py``):

* a name in Latin letters glued to a Japanese title (国連のAntonio Guterres事務総長);
  a title broken by a hard line wrap or a stray space (山田首⏎相, 山田大 統領);
  a foreign or defence minister's title with other portfolios (外務・国際協力相,
  欧州・外務相; ``data/portfolios.tsv``);
* the Diet's speaker lines ○山田国務大臣 for a leader the glossary knows or the
  record's roster lists as foreign minister (外 務 大 臣 山田  正君);
* dictionary and encyclopedia headwords: a spaced name with its reading
  (山田 太郎(やまだ たろう、1900年 - …)), hyphenated katakana (キム‐イルソン),
  the native spelling in 【】, a kana reading before 【name】; a Latin spelling in
  brackets after the title, padded or not (… 首相 ( Carlos Mendes ));
* a known Korean or Chinese leader met again by the surname with 氏 or a short
  form of the title (金正恩国務委員長 … 金委員長, 金氏); a known kanji name glued
  after another word (同年毛沢東);
* no leader: an association's 事務局長 (an NGO's abbreviation or name before
  it, or a kanji name only a tagger knows), the bare 上級代表 (the UN's disarmament
  chief), a state's name or common nouns a tagger took for a person
  (朝鮮民主主義人民共和国国家主席, 常任理事国外相), a known surname the text gives
  another given name (エド・ミリバンド; 中曽根康隆君), a known leader addressed in
  another office (衆議院議長 山田太郎 殿), places named after a leader (…広場).

Titles of kind ``other`` in the table (副大統領, 官房長官, 大使, 報道官 …) are
offices that do not make a leader, and a title followed by 報道官, 補佐官,
候補 … is part of another office.  The role is the title as written after
the name, with 前/元/次期, 代行 and (当時): ``前大統領``, ``大統領代行(当時)``.
Titles without a name (米露両大統領) are not mentions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from ..glossary import Glossary, kana_fold, long_marks, match_key
from . import longest_first, read_table

_KATAKANA = r"[\u30a1-\u30fa\u30fc]"
_KANJI = r"[\u4e00-\u9fff\u3005]"
# Country and organization words that sit between a name and a title.
COUNTRY_WORDS = (
    "米国", "アメリカ", "米", "ロシア", "露", "ロ", "ソ連", "ソ", "中国", "中", "英国", "イギリス", "英", "フランス", "仏",
    "ドイツ", "独", "日本", "日", "韓国", "韓", "北朝鮮", "朝鮮", "朝", "イラン", "イラク", "インド", "パキスタン", "イスラエル",
    "ウクライナ", "中共", "国連", "IAEA", "NATO", "EU", "OPCW", "CTBTO", "ユネスコ", "ユニセフ", "アセアン",
)  # fmt: skip
# What a person's name may be part of without naming the person.
NOT_A_PERSON_AFTER = (
    "報告", "報告書", "委員会", "ドクトリン", "・ドクトリン", "主義", "思想", "大学", "財団", "賞", "センター", "研究所", "構想",
    "計画",
    # places named after a leader (ケネディ空港, …宇宙センター, …図書館) and a leader's family (ケネディ家の人々)
    "空港", "国際空港", "宇宙センター", "図書館", "記念", "家の", "家は", "家が", "廟", "広場", "通り", "基金",
)  # fmt: skip
# A title followed by these is part of another office (大統領報道官, 首相補佐官, 大統領候補, 大統領府).
NOT_A_LEADER_AFTER = (
    "報道官", "補佐官", "特使", "顧問", "夫人", "候補", "府", "選", "令", "官邸", "特別代表", "秘書", "首席",
    "会合", "会議", "理事会",  # 外相会合, 国防相会議: a meeting of the office's holders
    "官房", "政務官", "参与",  # 外務大臣官房審議官: an official of the minister's office
)  # fmt: skip
# Titles anyone may hold in an association or party (a trade union's 事務局長): a name only Sudachi tags is a
# leader before them only when an intergovernmental organization or a country stands between (天野之弥IAEA事務局長).
ORG_TITLES = frozenset({"事務局長", "事務総長", "書記長", "上級代表"})
# Japanese cabinet offices: before them a surname Sudachi reads as a place (大平首相, 愛知外相) is a name.
CABINET_TITLES = frozenset(
    {"首相", "総理", "総理大臣", "内閣総理大臣", "外相", "外務大臣", "防衛相", "防衛大臣", "防衛庁長官"}
)
# Offices a leader holds along with the title (王毅国務委員兼外相): the titles and these.
ALSO_OFFICES = ("国務委員", "政治局委員", "政治局常務委員", "政治局員", "第一副首相", "筆頭副首相", "国務相")
# Ruling parties named without their country (王毅共産党政治局員兼外相), and the party organ whose general
# secretary a leader is (…共産党中央委員会総書記).
_PARTIES = "共産党|労働党"
_ORGAN = "(?:中央委員会|中央委)"
_NAME_TAG = "名詞-固有名詞-人名"
# Sudachi's tags of a country and of other proper nouns (organizations, movements: タリバン, ユネスコ); a katakana
# leader's name is a person's name (プーチン) or a word Sudachi does not know (普通名詞).
_NOT_NAME_TAGS = frozenset({"名詞-固有名詞-地名-国", "名詞-固有名詞-一般"})
_PLACE_TAG = "名詞-固有名詞-地名-一般"
PERSON_CONTEXT_AFTER = ("政権", "氏", "さん", "政府", "内閣", "元", "前", "外交", "大臣", "首脳", "会談", "総理")


class _Spans:
    """Name spans looked up by where they start and end, and whether one covers a stretch (in constant time:
    names are short)."""

    LONGEST = 48

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.end_of: dict[int, int] = {}
        self.start_of: dict[int, int] = {}
        for s, e in spans:
            self.end_of[s] = max(e, self.end_of.get(s, e))
            self.start_of[e] = min(s, self.start_of.get(e, s))

    def covers(self, s: int, e: int) -> bool:
        return any(self.end_of.get(p, -1) >= e for p in range(max(0, s - self.LONGEST), s + 1))


@dataclass(frozen=True)
class LeaderMatch:
    start: int
    end: int
    text: str
    role: str | None = None
    entry_id: str | None = None
    en: str | None = None  # the name's Latin spelling given in the text, for a leader the glossary does not know


@cache
def countries() -> frozenset[str]:
    """Match keys of country and region names, from ``data/countries.tsv`` and the mid-words above."""
    return frozenset(match_key(r["ja"]) for r in read_table("countries.tsv")) | frozenset(
        match_key(c) for c in COUNTRY_WORDS
    )


@cache
def _other_offices() -> frozenset[str]:
    """Titles of offices that do not make a leader (kind ``other`` in ``data/titles.tsv``)."""
    return frozenset(r["title"] for r in read_table("titles.tsv") if r["kind"] == "other")


@cache
def titles() -> tuple[str, ...]:
    """Leadership titles, longest first, from ``data/titles.tsv``."""
    return tuple(sorted((r["title"] for r in read_table("titles.tsv")), key=len, reverse=True))


@cache
def _title_re() -> re.Pattern[str]:
    # a one-letter katakana country (ロ, ソ) glued to a katakana word ends that word (カストロ, バロ外相)
    mids = "|".join(
        rf"(?<!{_K}){re.escape(c)}" if re.fullmatch(_K, c) else re.escape(c)
        for c in sorted(_mid_words(), key=len, reverse=True)
    )
    ts = "|".join(re.escape(t) for t in titles())
    also = "|".join(re.escape(t) for t in sorted({*titles(), *ALSO_OFFICES}, key=len, reverse=True))
    return re.compile(
        # (子), (Vladimir Putin), (キムジョンウン): a note, reading or Latin name between name and title
        rf"(?P<paren>\([^()。、「」]{{1,40}}\))?"
        # a country and its ruling party, with the party's organ (ソ連共産党中央委員会書記長), or a party alone
        rf"(?P<mid>・?(?:(?:{mids})(?:[\u4e00-\u9fff\u30a1-\u30fa\u30fc]{{1,12}}党)?|{_PARTIES}){_ORGAN}?)?"
        # another office held with this one: 国務委員兼外相, 副首相兼国防相, 総書記兼国家主席
        rf"(?P<also>(?:{also})兼)?"
        rf"(?P<pre>前|元|次期|現)?(?P<title>{_compound_titles()}|{ts})(?P<acting>代行)?(?P<then>\(当時\))?"
    )


@cache
def _compound_titles() -> str:
    """A foreign or defence minister's title with other portfolios joined (外務・国際協力相, 欧州・外務相, 外務貿易相,
    国防・退役軍人相; ``data/portfolios.tsv``)."""
    ps = "|".join(re.escape(r["ja"]) for r in sorted(read_table("portfolios.tsv"), key=lambda r: -len(r["ja"])))
    return rf"(?:外務|国防)(?:・?(?:{ps}))+(?:大臣|相)|(?:{ps})(?:・(?:{ps}))*・?外務(?:大臣|相)"


@cache
def _mid_words() -> frozenset[str]:
    """Country and organization words that may stand between a name and its title."""
    return frozenset(r["ja"] for r in read_table("countries.tsv")) | frozenset(COUNTRY_WORDS)


_WINDOW = 64
_K = r"[\u30a1-\u30fa\u30fc]"
# A katakana word; a hyphen typed for ー inside it (ブルガ-ニン, from a minus sign in OCR or old type) is part of it.
_KW = rf"{_K}+(?:-{_K}+)*"
# A katakana name: parts joined by ・ or =, Latin initials with . (ジョン・F.ケネディ, F=W.シュタンマイヤー, L.ゼルボ).
_NAME = rf"(?:(?:{_KW}|[A-Z])[・=.])*{_KW}"
_KATAKANA_RUN = re.compile(rf"(?<![A-Za-z]){_NAME}$")
# the name may end a line, the title start the next (岸田⏎外務大臣 in text broken at a fixed width)
# (or a space: 王毅 国務委員兼外相)
_KANJI_RUN = re.compile(rf"{_KANJI}+(?=[\n \u3000]?\Z)")
_KANJI_RE = re.compile(_KANJI)
_KANJI_WORD = re.compile(rf"{_KANJI}{{2,}}")
_NON_NAME_KANJI = re.compile(r"[両各歴同諸新前元次現副旧初当]")
_STATE_NAME = re.compile(r"(?:共和国|王国|連邦|合衆国|民国|帝国|首長国)$")
_INITIALS_BEFORE = re.compile(rf"(?<![A-Za-z])(?:(?:{_K}+|[A-Z])[・=.])*[A-Z][・=.]$")
_HAS_INITIAL = re.compile(r"(?:^|[・=.])[A-Z][・=.]")
# What may stand between a name and its title when an organization is named in full:
# L.ゼルボ包括的核実験禁止条約機関準備委員会(CTBTO)事務局長, F.モゲリーニEU外務・安全保障政策上級代表
_ORG_STRETCH = re.compile(r"[\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9()・=.]{1,48}$")
# A reading or Latin spelling in brackets right after a name: 潘基文(パンギムン), 胡錦濤(こ・きんとう),
# ウラジーミル・プーチン(Vladimir Putin)
# Latin letters with their accented forms (Mélanie Joly, Jean-Marc Ayrault, Radosław Sikorski)
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f"
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
# (a space may pad the brackets: ( John Fitzgerald Kennedy ))
_READING = re.compile(
    rf"\( ?([\u3041-\u3096\u30a1-\u30fa\u30fc・]{{2,20}}|[{_UPPER}][{_LATIN}'\-]+(?:[ .]+[{_UPPER}][{_LATIN}'\-]*)+?) ?\)"
)


def find_leaders(
    text: str,
    glossary: Glossary | None = None,
    persons: Sequence[tuple[int, int]] = (),
    year_at: Callable[[int], int | None] | None = None,
    tokens: Sequence[tuple[int, int, str]] = (),
) -> list[LeaderMatch]:
    """LEADER mentions of normalized ``text`` in order.

    ``persons`` are character spans a tagger found as person names (GiNZA's
    ``Person``); ``year_at(offset)`` gives the year in force at an offset, to
    tell apart leaders who share a name (two Bushes); ``tokens`` are Sudachi's
    ``(start, end, tag)`` (:func:`jpnlp.name_tags.tagged_tokens`): its name tags
    and word boundaries.
    """

    def entry_for(name: str, pos: int, role: str | None = None) -> str | None:
        if glossary is None:
            return None
        year = year_at(pos) if year_at else None
        for key in _lookup_keys(name):
            e = glossary.lookup(key, "LEADER", year, role)
            if e is not None:
                return e.id
        return None

    tagged_list = _tagged_names(text, tokens)
    tagged = _Spans(tagged_list)
    places = [(s, e) for s, e, tag in tokens if tag == _PLACE_TAG and _KANJI_WORD.fullmatch(text, s, e)]
    word_end = {s: e for s, e, _ in tokens}
    not_names = {(s, e) for s, e, tag in tokens if tag in _NOT_NAME_TAGS}
    common_nouns = {(s, e) for s, e, tag in tokens if tag.startswith("名詞-普通名詞")}
    # common nouns of two characters or more, by where they start: a tagger's Person made of them is no name
    words = {s: e for s, e in common_nouns if e - s >= 2}
    surnames = {s for s, e, tag in tokens if tag == _NAME_TAG + "-姓" and e - s >= 2}
    by_tagger = _Spans(persons)
    no_hints = _Spans([])
    by_tags = _Spans([*persons, *tagged_list])
    by_tags_and_places = _Spans([*persons, *tagged_list, *places])
    found: dict[int, LeaderMatch] = {}
    for m in _title_re().finditer(text):
        title = m.group("title")
        if title in _other_offices() or text.startswith(NOT_A_LEADER_AFTER, m.end()):
            continue  # 官房長官, 大統領報道官: not one of the offices that make a leader
        if any(word_end.get(i, 0) > m.end("title") for i in range(m.start("title") + 1, m.end("title"))):
            continue  # 王国王女: the title's last character starts another word (国王 is not there)
        hints = no_hints  # an association's officer (日本原水協の山田太郎事務局長): only a name the glossary knows
        if m.group("mid") or title not in ORG_TITLES:
            hints = by_tags_and_places if title in CABINET_TITLES and not m.group("mid") else by_tags
        hit = _listed_name(text, m, tagged) or _titled(text, m, glossary, hints, entry_for, not_names, words)
        if hit is None:
            hit = _name_after_title(text, m, glossary, tagged, entry_for, common_nouns, surnames)
        if hit is not None and hit.entry_id is None and _heads_no_state_body(text, m, hit):
            continue  # an NGO's 事務局長 (ICANのフィン事務局長), the UN's disarmament 上級代表
        if hit is not None:
            found[hit.start] = hit
    # a title broken by a line end or a stray space in hard-wrapped text (山田首⏎相, 山田大 統領): the name before it
    joined = _joined_titles(text)
    for m in _title_re().finditer(joined) if joined is not None else ():
        if joined[m.start("title") : m.end("title")] == text[m.start("title") : m.end("title")] or m.start() in found:
            continue
        hints = by_tags_and_places if m.group("title") in CABINET_TITLES and not m.group("mid") else by_tags
        hit = _titled(joined, m, glossary, hints, entry_for, not_names, words)
        if hit is not None and hit.end <= m.start() and m.group("title") not in _other_offices():
            found.setdefault(hit.start, hit)
    for hit in _spaced_out_titles(text, tagged, entry_for):
        found.setdefault(hit.start, hit)
    for hit in _coordinated(text, glossary, by_tags, entry_for):
        found.setdefault(hit.start, hit)
    for hit in _administrations(text, by_tagger, tagged, glossary, entry_for):
        found.setdefault(hit.start, hit)
    # which characters a mention covers: later kinds of mention only fill the gaps (linear, not pairwise)
    covered = bytearray(len(text))
    for f in found.values():
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)

    def add(hit: LeaderMatch, start_only: bool = False) -> None:
        if not (covered[hit.start] if start_only else 1 in covered[hit.start : hit.end]):
            found[hit.start] = hit
            covered[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)

    for hit in _english_titled(text, glossary, entry_for):
        add(hit)
    if glossary is not None:
        for hit in _diet_speakers(text, glossary, entry_for):
            add(hit)
        for hit in _known_names(text, glossary, entry_for):
            add(hit, start_only=True)
    for hit in _repeated(text, list(found.values()), entry_for) + _repeated_kanji(text, list(found.values()), tokens, glossary):
        add(hit)
    out = [_with_initials(text, f) for f in found.values()]
    out = [f for f in out if not any(text.startswith(x, f.end) for x in NOT_A_PERSON_AFTER)]
    out += _readings(text, out, glossary)
    return longest_first(_spelled_out(text, out))


@cache
def _broken_title_re() -> re.Pattern[str]:
    """Titles with one break inside: a line end (with the next line's indent) or a space."""
    parts = {
        f"{re.escape(t[:k])}(?:[ \u3000]*\n[ \u3000]*|[ \u3000]){re.escape(t[k:])}"
        for t in titles() if t not in _other_offices() for k in range(1, len(t))
    }  # fmt: skip
    return re.compile("|".join(sorted(parts, key=len, reverse=True)))


def _joined_titles(text: str) -> str | None:
    """``text`` with each broken title joined up and its break moved after it (same length, so the offsets of what
    comes before a title hold), or None when no title is broken."""
    out, last = [], 0
    for m in _broken_title_re().finditer(text):
        word = m.group()
        out += [text[last : m.start()], re.sub(r"\s", "", word), re.sub(r"\S", "", word)]
        last = m.end()
    return "".join(out) + text[last:] if out else None


# Intergovernmental organizations whose heads are leaders, by the abbreviation a text gives them; an organization
# named with another abbreviation, or with one of the words of associations, is not one (ICAN, 被団協).
IGO_ABBREVIATIONS = frozenset(
    {"UN", "IAEA", "CTBTO", "OPCW", "NATO", "EU", "OSCE", "ASEAN", "AU", "OAS", "WHO", "UNESCO", "UNICEF", "WTO", "IMF"}
)
ASSOCIATION_WORDS = ("キャンペーン", "非政府", "NGO", "連絡会", "協議会", "協会", "連盟", "財団", "組合", "団体", "ネットワーク")
_ORG_BEFORE = re.compile(
    r"(?:(?P<org>[\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-z・「」『』]{1,30})(?:\((?P<abbr>[^()]{1,12})\))?)の[ \u3000]?$"
)


def _heads_no_state_body(text: str, m: re.Match[str], hit: LeaderMatch) -> bool:
    """Whether the title names the head of an association rather than of an intergovernmental organization: an
    association's 事務局長 or 書記長 (the organization before the name carries an abbreviation no state body has, or
    a word of associations), or the bare 上級代表 the UN's disarmament chief bears (the EU's is the leader)."""
    title = m.group("title")
    if title not in ORG_TITLES or hit.end > m.start():
        return False
    if title == "上級代表":
        return "EU" not in (m.group("mid") or "") and "欧州" not in (m.group("mid") or "")
    org = _ORG_BEFORE.search(text, max(0, hit.start - 48), hit.start)
    if org is None:
        return False
    abbr = org.group("abbr") or (org.group("org") if re.fullmatch(r"[A-Z]{2,10}", org.group("org")) else None)
    return any(w in org.group("org") for w in ASSOCIATION_WORDS) or (
        abbr is not None and re.fullmatch(r"[A-Z]{2,10}", abbr) is not None and abbr not in IGO_ABBREVIATIONS
    )


def _lookup_keys(name: str) -> list[str]:
    """The name as written, then without its initials (L.ゼルボ, エヌ・エス・フルシチョフ → ゼルボ, フルシチョフ),
    then its last part; a hyphen typed for ー is read as ー."""
    name = long_marks(name)
    keys = [name]
    bare = _strip_kana_initials(re.sub(r"(?:^|(?<=[・=.]))[A-Z][・=.]", "", name).strip("・=."))
    if bare and bare != name:
        keys.append(bare)
    last = re.split(r"[・=.]", name)[-1]
    if last not in keys and len(last) >= 3:
        keys.append(last)
    return keys


def _role(m: re.Match[str]) -> str:
    return (m.group("pre") or "") + m.group("title") + (m.group("acting") or "") + (m.group("then") or "")


def _tagged_names(text: str, tokens: Sequence[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Spans of consecutive tokens Sudachi tags as person names; a surname and a given name set apart by a
    space, as in lists and the Diet's records, are one name (岸田 文雄), and a place before a given name is a
    surname (愛知 揆一)."""
    out: list[tuple[int, int]] = []
    last = ""
    single = False  # whether the name so far is one token
    for i, (s, e, tag) in enumerate(tokens):
        if tag == _PLACE_TAG and _given_name_next(text, tokens, i):
            tag = _NAME_TAG + "-姓"
        if not tag.startswith(_NAME_TAG):
            if not text[s:e].isspace():
                last = ""
            continue
        gap = text[out[-1][1] : s] if out and last else None
        # a surname Sudachi reads as a given name (茂木 敏充): a lone name, a space on the same line, a given name
        surname = last.endswith("姓") or (last.endswith("-名") and single and gap is not None and "\n" not in gap)
        if gap == "" or (gap and gap.isspace() and len(gap) <= 3 and surname and tag.endswith("-名")):
            out[-1] = (out[-1][0], e)
            single = False
        else:
            out.append((s, e))
            single = True
        last = tag
    # a Diet roster's given name Sudachi reads as a common word (倉成  正君): a tagged surname, spaces, kanji, 君
    ends = {e: k for k, (_, e) in enumerate(out)}
    for m in _ROSTER_GIVEN_NAME.finditer(text):
        k = ends.get(m.start())
        if k is not None and _KANJI_RE.match(text, out[k][0]):
            out[k] = (out[k][0], m.end())
    return out


_ROSTER_GIVEN_NAME = re.compile(rf"(?<={_KANJI})[ \u3000]{{1,3}}{_KANJI}{{1,2}}(?=君)")


def _given_name_next(text: str, tokens: Sequence[tuple[int, int, str]], i: int) -> bool:
    """Whether a given name follows token ``i``, directly or after a short space."""
    for s, e, tag in tokens[i + 1 : i + 3]:
        if tag.startswith(_NAME_TAG):
            return tag.endswith("-名")
        if not (text[s:e].isspace() and e - s <= 3):
            return False
    return False


@cache
def _spaced_title_re() -> re.Pattern[str]:
    spaced = ("[ \u3000]".join(t) for t in titles() if len(t) >= 3 and t not in _other_offices())
    return re.compile(rf"(?<![^\s])(?P<title>{'|'.join(spaced)})[ \u3000]+")


def _spaced_out_titles(text: str, tagged: _Spans, entry_for) -> list[LeaderMatch]:  # type: ignore[no-untyped-def]
    """A title spaced out to fill a column, then a name Sudachi tags, as the Diet's records list the ministers
    present (外 務 大 臣 山田 太郎君)."""
    out = []
    for m in _spaced_title_re().finditer(text):
        e = tagged.end_of.get(m.end())
        if e is not None and text.startswith(("君", "殿"), e) and _KANJI_RE.match(text, m.end()):
            title = re.sub(r"\s", "", m.group("title"))
            out.append(LeaderMatch(m.end(), e, text[m.end() : e], title, entry_for(re.sub(r"\s", "", text[m.end() : e]), m.end(), title)))
    return out


def _listed_name(text: str, m: re.Match[str], tagged: _Spans) -> LeaderMatch | None:
    """A kanji name Sudachi tags, set off by spaces before its title at the start of a line, as in a list of
    delegates (愛知 揆一 外務大臣)."""
    gap = re.search(r"[ \u3000]+$", text[max(0, m.start() - 8) : m.start()])
    if gap is None:
        return None
    e = m.start() - len(gap.group())
    s = tagged.start_of.get(e)
    if s is None:
        return None
    line_start = text.rfind("\n", 0, s) + 1
    if text[line_start:s].strip() == "" and _KANJI_RE.search(text, s, e):
        return LeaderMatch(s, e, text[s:e], _role(m), None)
    return None


def _titled(text, m, glossary, persons, entry_for, not_names=frozenset(), words=None):  # type: ignore[no-untyped-def]
    """The leader named before the title match ``m``, or None."""
    ts = m.start()
    if ts and text[ts - 1] == "・" and not m.group("mid"):
        ts -= 1  # a name set off from its title by ・ (岸田文雄・首相, as from a country: …・中国国家主席)
    role = _role(m)
    # names are short: look back a bounded window, not to the start of the text
    kat = _KATAKANA_RUN.search(text, max(0, ts - _WINDOW), ts)
    kan = _KANJI_RUN.search(text, max(0, ts - _WINDOW), ts)
    if kat is None and ts and text[ts - 1] == " ":
        # a name set off from its title by a space (PDF text, western spacing: ノバク 首相) that the glossary or a
        # tagger knows as a name
        spaced = _KATAKANA_RUN.search(text, max(0, ts - _WINDOW), ts - 1)
        if spaced and (_known_leader(glossary, spaced.group()) or persons.end_of.get(spaced.start(), -1) >= spaced.end()):
            kat = spaced
    if kat:
        hit = _katakana_name(text, kat.start(), kat.group(), role, glossary, entry_for, not_names)
        if hit is not None:
            return hit
    elif kan:
        # The name ends where the country word or the title starts — or, when the
        # glossary knows a longer name, inside what looked like a country word (田中外相).
        ends = sorted({ts, m.start("pre") if m.group("pre") else m.start("title")}, reverse=True)
        if kan.end() < ts:
            ends = [kan.end()]  # a line break or a space between the name and the title
            if text[kan.end()] != "\n" and re.search(rf"{_KANJI}[ \u3000]$", text[max(0, kan.start() - 2) : kan.start()]):
                ends = []  # the given name of a name spaced out (山田 太郎 外務大臣): the whole name or none
        for end in (e for e in ends if _KANJI_RUN.fullmatch(text, kan.start(), e)):
            # (not across a Latin mid word: 天野之弥IAEA事務局長)
            # (into the country word only a name the glossary knows: not a tagger's 山田国連 before 事務総長)
            hints = persons if end == ts or kan.end() < ts else _Spans([])
            hit = _kanji_name(text, kan.start(), end, role, entry_for, glossary, hints, words)
            # a name that reaches into the country word starts before it (田中外相, not …共産党中央委員会)
            if hit and hit.start < ts:
                return hit
    return _across_organization(text, ts, role, glossary, entry_for) or _latin_before(text, ts, role, glossary, entry_for)


# A name in Latin script right before a Japanese title (国連のAntonio Guterres事務総長): capitalised words with
# lowercase letters (not an acronym such as IAEA, which is an organization), initials allowed (Rafael M. Grossi).
_LATIN_BEFORE = re.compile(
    rf"(?<![{_LATIN}.'\-])[{_UPPER}][a-z\u00df-\u00f6\u00f8-\u017f][{_LATIN}'\-]*"
    rf"(?:(?: |\. ?)(?:[{_UPPER}]\.|[{_UPPER}][a-z\u00df-\u00f6\u00f8-\u017f][{_LATIN}'\-]*))*"
    r" ?$"
)


def _latin_before(text, ts, role, glossary, entry_for):  # type: ignore[no-untyped-def]
    """A name written in Latin letters right before the title (or its country word)."""
    m = _LATIN_BEFORE.search(text, max(0, ts - 48), ts)
    if m is None:
        return None
    honorific = _EN_HONORIFIC_START.match(m.group())
    s = m.start() + (honorific.end() if honorific else 0)
    name = text[s : m.end()].rstrip()
    if not name or match_key(name) in countries() or _is_org(name, glossary) or name.split()[0] in _NOT_LATIN_NAME_START:
        return None
    words = name.split()
    entry = entry_for(name, s, role) or entry_for(f"{words[0]} {words[-1]}", s, role)
    if entry is None:
        entry = _by_english_surname(glossary, words[-1])
    return LeaderMatch(s, s + len(name), name, role, entry)


_EN_HONORIFIC_START = re.compile(r"(?:(?:H\. ?E\.|Mr|Ms|Mrs|Dr)\.? ?)+")
# English words that start a capitalised run but no name (The Prime Minister …)
_NOT_LATIN_NAME_START = frozenset({"The", "A", "An", "Vice", "Former", "Acting", "President", "Prime", "Foreign"})


# After a title: a full katakana name (米大統領ジョージ・W・ブッシュ), or a kanji name set off by a space
# as in signature blocks and lists (外務大臣 椎名悦三郎).
_FULL_NAME_AFTER = re.compile(rf"\s?({_KW}(?:[・=.](?:{_KW}|[A-Z]))*[・=.]{_KW})(?!{_K})")
_KANJI_NAME_AFTER = re.compile(rf"[ \u3000]+({_KANJI}{{2,5}})(?=[\s、。,)(]|$)")
# spaces, or a line break or two as in a signature block (内閣総理大臣⏎山田太郎)
_SPACES = re.compile(r"[ \u3000]+(?:\n[ \u3000]*){0,2}|(?:[ \u3000]*\n){1,2}[ \u3000]*")
# An apposition, the title first: 大統領のカルロス・メンデス氏, 外相のゴンザレス氏
_APPOSITIVE = re.compile(rf"の({_NAME})(?=氏|さん)")


def _name_after_title(text, m, glossary, tagged, entry_for, common_nouns=frozenset(), surnames=frozenset()):  # type: ignore[no-untyped-def]
    """The leader named right after a title that has no name before it, or None."""
    title = m.group("title")
    # a kanji name after an association's title (事務局長 山田太郎) may head anything
    kanji_ok = bool(m.group("mid")) or title not in ORG_TITLES
    # a name Sudachi tags after a space or on the next line: lists, signature blocks, the Diet's records, where a
    # surname and a given name may be set apart by a space (外務大臣 岸田 文雄君)
    # or right after the title, a surname first, as old texts sign (日本国内閣総理大臣吉田茂)
    gap = _SPACES.match(text, m.end())
    s = gap.end() if gap is not None else m.end() if m.end() in surnames else None
    if s is not None and kanji_ok:
        te = tagged.end_of.get(s)
        if te is not None and _KANJI_RE.match(text, s) and re.match(r"[\s、。,()君氏]|$", text[te : te + 1]):
            return LeaderMatch(s, te, text[s:te], title, entry_for(re.sub(r"\s", "", text[s:te]), s, title))
    for pat in (_FULL_NAME_AFTER, _KANJI_NAME_AFTER, _APPOSITIVE):
        n = pat.match(text, m.end())
        if n is None or (pat is _KANJI_NAME_AFTER and not kanji_ok):
            continue
        name, s = n.group(1), n.start(1)
        if match_key(name) in countries() or _is_org(name, glossary) or name in titles() or n.span(1) in common_nouns:
            continue  # 内閣総理大臣 談話: a word, not a name
        role = _role(m) if pat is _APPOSITIVE else title
        return LeaderMatch(s, n.end(1), name, role, entry_for(name, s, title))
    # a kanji name in apposition (大統領の山田氏), or in brackets as the Diet's records name a speaker
    # (○外務大臣(山田太郎君))
    for opener, closers in (("の", ("氏", "さん")), ("(", ("君)", "氏)"))):
        ns = m.end() + 1
        ne = tagged.end_of.get(ns)
        if text.startswith(opener, m.end()) and ne is not None and _KANJI_RE.match(text, ns) and text.startswith(closers, ne):
            return LeaderMatch(ns, ne, text[ns:ne], _role(m), entry_for(text[ns:ne], ns, title))
    return None


def _katakana_name(text, start, run, role, glossary, entry_for, not_names=frozenset()):  # type: ignore[no-untyped-def]
    """A katakana run before a title as a name: countries around it dropped (アメリカフォード, プーチン・ロシア);
    not a word Sudachi knows as a country or an organization (``not_names``) unless the glossary knows a leader."""
    keys = countries()
    parts = run.split("・")
    while parts and match_key(parts[-1]) in keys:
        parts.pop()  # ウラジーミル・プーチン・ロシア
    while len(parts) > 1 and match_key(parts[0]) in keys:
        start += len(parts.pop(0)) + 1  # ロシア・プーチン
    if parts:
        head = parts[0]
        k = next((k for k in range(len(head) - 3, 1, -1) if head[:k] in _katakana_countries()), 0)
        if k and not _known_leader(glossary, head):
            parts[0] = head[k:]  # オーストリアクライスキー: a country written before the name (the longest one)
            start += k
    name = "・".join(parts)
    if not name or match_key(name) in keys or _is_org(name, glossary) or text[start : start + len(name)] != name:
        return None
    if len(name) < 2 and not _known_leader(glossary, name):
        return None  # ノバ ク首相: one letter of a name a PDF's spacing broke up
    if (start, start + len(name)) in not_names and not _known_leader(glossary, name):
        return None  # タリバン最高指導者, ユネスコ事務局長: a movement, an organization
    return LeaderMatch(start, start + len(name), name, role, entry_for(name, start, role))


@cache
def _katakana_countries() -> frozenset[str]:
    forms = (r["ja"] for r in read_table("countries.tsv"))
    return frozenset(f for f in forms if re.fullmatch(rf"{_K}{{2,}}", f))


def _across_organization(text, ts, role, glossary, entry_for):  # type: ignore[no-untyped-def]
    """A name with an initial, or one the glossary knows, then an organization's name, then the title."""
    st = _ORG_STRETCH.search(text, max(0, ts - 48), ts)
    if st is None:
        return None
    nm = re.compile(rf"(?<![A-Za-z]){_NAME}").match(text, st.start(), ts)
    if nm is None or nm.end() == ts:
        return None
    name = nm.group()
    if not (_HAS_INITIAL.search(name) or _known_leader(glossary, name)) or _is_org(name, glossary):
        return None
    return LeaderMatch(nm.start(), nm.end(), name, role, entry_for(name, nm.start(), role))


def _known_leader(glossary: Glossary | None, name: str) -> bool:
    return glossary is not None and bool(glossary.candidates(name, "LEADER"))


def _with_initials(text: str, f: LeaderMatch) -> LeaderMatch:
    """A name preceded by its initials keeps them: L.ゼルボ, F=W.シュタンマイヤー."""
    m = _INITIALS_BEFORE.search(text, max(0, f.start - 24), f.start)
    if m is None or not re.match(_K, f.text):
        return f
    return LeaderMatch(m.start(), f.end, text[m.start() : f.end], f.role, f.entry_id)


_LATIN_NAME = re.compile(rf"[{_UPPER}][{_LATIN}'\-]+(?:[ .]+[{_UPPER}][{_LATIN}'\-]*)+")


def _spelled_out(text: str, found: list[LeaderMatch]) -> list[LeaderMatch]:
    """A leader the glossary does not know takes its English name from a Latin spelling in brackets after it
    (…・アッセルボルン(Jean Asselborn)); the Latin mention is its own English name."""
    out = []
    for f in found:
        if f.entry_id is None and f.en is None:
            if _LATIN_NAME.fullmatch(f.text):
                f = replace(f, en=f.text)
            else:
                m = _READING.match(text, f.end)
                if m is not None and _LATIN_NAME.fullmatch(m.group(1)):
                    f = replace(f, en=m.group(1))
        out.append(f)
    # the same leader named again, in full or by the last part of the name (ロレンツォ外相)
    spelled = {}
    for f in sorted(out, key=lambda f: f.start):
        if f.en and f.entry_id is None:
            spelled.setdefault(f.text, f.en)
            spelled.setdefault(re.split(r"[・=.]", f.text)[-1], f.en)
    return [replace(f, en=spelled[f.text]) if f.entry_id is None and not f.en and f.text in spelled else f for f in out]


# An encyclopedia's headword gives a kanji name's reading first in its brackets, the given name spaced off, and goes
# on with dates (山田 太郎(やまだ たろう、1900年 - 1970年)): a reading in hiragana, then 、.
_HEADWORD_READING = re.compile(r"\(([\u3041-\u3096\u30fc]{1,12}(?:[ \u3000・][\u3041-\u3096\u30fc]{1,12})?)[、,]")


# A dictionary's headword gives the name as written at home in 【】 (アンドロポフ【Yurii Vladimirovich Andropov】,
# キム‐イルソン【金日成】), after a reading in kana (ひろた‐こうき【広田弘毅】).
_DICTIONARY_FORM = re.compile(rf"【([{_UPPER}][{_LATIN}'\-]+(?:[ .]+[{_UPPER}][{_LATIN}'\-]*)+|{_KANJI}{{2,6}})】")
_DICTIONARY_READING = re.compile(r"(?:^|(?<=\n))([\u3041-\u3096\u30fc]+(?:[-・][\u3041-\u3096\u30fc]+)*)【$")


def _readings(text: str, found: list[LeaderMatch], glossary: Glossary | None) -> list[LeaderMatch]:
    """A reading or Latin spelling in brackets after a name is a mention of the same leader."""
    out = []
    taken = {f.start for f in found}
    for f in found:
        m = _READING.match(text, f.end) or (_HEADWORD_READING.match(text, f.end) if _KANJI_RE.match(f.text) else None)
        m = m or _DICTIONARY_FORM.match(text, f.end)
        if m is None and f.role and (t := _title_re().match(text, f.end)) is not None:
            # a Latin spelling in brackets after the title (メンデス首相(Carlos Mendes)), not a reading or a note
            latin = _READING.match(text, t.end() + text.startswith(" (", t.end()))
            m = latin if latin is not None and _LATIN_NAME.fullmatch(latin.group(1)) else None
        # a dictionary's headword: the reading, then the name in 【】 (ひろた‐こうき【広田弘毅】)
        before = _DICTIONARY_READING.search(text, max(0, f.start - 24), f.start)
        if before is not None and text.startswith("】", f.end) and before.start(1) not in taken:
            out.append(LeaderMatch(before.start(1), before.end(1), before.group(1), None, f.entry_id))
        if m is None or m.start(1) in taken:
            continue
        inner = m.group(1)
        if match_key(inner) in countries() or _is_org(inner, glossary):
            continue
        out.append(LeaderMatch(m.start(1), m.end(1), inner, None, f.entry_id))
    return out


# 橋本・エリツィン会談, ブッシュ・プーチン両大統領: names joined by ・/、/と before 両 + title or 会談
_PART = rf"(?:{_K}{{2,}}|{_KANJI}{{1,4}})"


@cache
def _coordination_re() -> re.Pattern[str]:
    ts = "|".join(re.escape(t) for t in titles() if t not in _other_offices())
    return re.compile(rf"(?P<names>{_PART}(?:[・、と]{_PART})+)(?:の?(?P<both>両)(?:首脳|{ts})|(?:首脳)?会談)")


def _coordinated(text, glossary, persons, entry_for):  # type: ignore[no-untyped-def]
    """Each name of a coordination before 両首脳 / 両大統領 / 会談 (a summit): katakana names that are not
    countries when 両 makes them people, and names the glossary or the tagger knows."""
    out = []
    keys = countries()
    for m in _coordination_re().finditer(text):
        pos = m.start("names")
        for part in re.split(r"([・、と])", m.group("names")):
            if part in ("・", "、", "と"):
                pos += 1
                continue
            s, name = pos, part
            pos += len(part)
            if re.fullmatch(rf"{_KANJI}+", part):
                # the longest known name at the end of a kanji run (関係については、橋本)
                hit = next((k for k in range(len(part)) if _known_leader(glossary, part[k:])
                            or persons.covers(s + k, s + len(part))), None)  # fmt: skip
                if hit is None:
                    continue
                s, name = s + hit, part[hit:]
            elif match_key(part) in keys or _is_org(part, glossary) or not (m.group("both") or _known_leader(glossary, part)):
                continue
            out.append(LeaderMatch(s, s + len(name), name, None, entry_for(name, s)))
    return out


_ADMINISTRATION = re.compile(rf"(?<![A-Za-z\u30a1-\u30fa\u30fc・=.])({_NAME})政権")
# 政権, 政府 and 内閣 after a name: the head of government's administration and cabinet (not 内閣府, 内閣官房 …)
_GOVERNMENT = re.compile(r"政権|政府|内閣(?!府|官房|法制|情報|人事|参与|総理)")


def _administrations(text, persons, tagged, glossary, entry_for):  # type: ignore[no-untyped-def]
    """A name the tagger knows as a person before 政権 (…政権 is a head of government's administration); a name
    Sudachi tags before 政権, 政府 or 内閣, a country word between or not (中曽根内閣, メンデス米政権)."""
    for m in _ADMINISTRATION.finditer(text):
        s, e = m.span(1)
        if persons.covers(s, e) and not _is_org(m.group(1), glossary):
            yield LeaderMatch(s, e, m.group(1), None, entry_for(m.group(1), s))
    ends = tagged.start_of
    for m in _GOVERNMENT.finditer(text):
        end = m.start()
        if end not in ends:  # a country word between: メンデス米政権
            end -= next((k for k in range(min(end, 12), 0, -1) if text[end - k : end] in _mid_words()), 0)
        s = ends.get(end)
        if s is None or not _starts_word(text, s):
            continue
        name = text[s:end]
        if match_key(name) not in countries() and not _is_org(name, glossary):
            yield LeaderMatch(s, end, name, None, entry_for(name, s))


@cache
def _mids_re() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(_mid_words(), key=len, reverse=True)))


def _starts_word(text: str, s: int) -> bool:
    """A name starts a word: not after a katakana or Latin letter it would continue."""
    return s == 0 or not re.match(r"[A-Za-z\u30a1-\u30fa\u30fc・=.]", text[s - 1])


# An English full name: capitalised words, with the particles of Romance, Dutch, German and Arabic names
# (António Manuel de Oliveira Guterres, Ursula von der Leyen).
_EN_NAME = (
    rf"[{_UPPER}][{_LATIN}'\-]+(?: (?:(?:de|da|do|dos|das|del|della|di|du|la|le|van|von|der|den|ter|bin|ibn|al)[ \-])*"
    rf"[{_UPPER}](?:[{_LATIN}'\-]+|\.))+"
)
# bodies whose president or secretary-general is no leader; "President and CEO" heads a company
_BODY = (
    r"(?:[A-Z][a-z]+ )*(?:Assembly|Conference|Council|Committee|Board|Court|Senate|Congress|Parliament|Institute"
    r"|University|Foundation|Association|Society|Corporation|Company|Bank|Group|Club|Cent(?:er|re)|Academy)"
)
_EN_HONORIFIC = r"(?:(?:H\. ?E\.|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Sir) )*"


_NOT_ENGLISH_TITLES = frozenset({"Chairman", "Director General", "King", "Queen"})


@cache
def _english_titles() -> tuple[str, ...]:
    """English titles of the offices that make a leader (``en`` of ``data/titles.tsv``), longest first;
    Chairman and Director General also head associations, King and Queen name places (King Abdullah Port)."""
    ens = {r["en"] for r in read_table("titles.tsv") if r["kind"] != "other"} - _NOT_ENGLISH_TITLES
    return tuple(sorted(ens | {"Minister for Foreign Affairs", "Minister of Foreign Affairs"}, key=len, reverse=True))


@cache
def _english_titled_re() -> re.Pattern[str]:
    ts = "|".join(re.escape(t) for t in _english_titles())
    return re.compile(
        # the name, then its title in apposition (…Guterres, Secretary-General of the United Nations) …
        # (not the president of a conference or an assembly)
        rf"(?<![{_LATIN}.]){_EN_HONORIFIC}(?P<name>{_EN_NAME}), (?:the )?(?:{ts})\b(?! of the {_BODY}| and| &)"
        # … or the title first (Prime Minister Fumio Kishida), not a deputy's (Vice President …)
        # (Under-Secretary-General …)
        rf"|(?<![{_LATIN}\-])(?:{ts}) {_EN_HONORIFIC}(?!(?:Elect|Emeritus)\b)(?P<name2>{_EN_NAME})"
        # … or a surname alone after the title (President Putin, Foreign Minister Lavrov's)
        rf"|(?<![{_LATIN}\-])(?:{ts}) {_EN_HONORIFIC}(?!(?:Elect|Emeritus)\b)"
        rf"(?P<name3>[{_UPPER}][{_LATIN}\-]+)(?![{_LATIN}]| [{_UPPER}]|-)"
    )


# A capitalised word right before an English title makes it another office (Vice President, Assembly President);
# a lowercase one (met, former), an abbreviation (U.S.) or a nationality (Russian, Chinese, Turkish) does not.
_CAPITALISED_BEFORE = re.compile(rf"(?<![{_LATIN}])(?![{_UPPER}][a-z]*(?:an|ese|ish|ch|i) $)[{_UPPER}][{_LATIN}\-]* $")


def _english_titled(text, glossary, entry_for):  # type: ignore[no-untyped-def]
    """A leader named in English with an English title before or after the name."""
    for m in _english_titled_re().finditer(text):
        g = next(g for g in ("name", "name2", "name3") if m.group(g))
        if g != "name" and _CAPITALISED_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            continue  # Vice President …, General Assembly President …: a deputy's or a body's title
        (s, e), name = m.span(g), m.group(g)
        if not _is_org(name, glossary):
            # the glossary may know the name without its middle names (António [Manuel de Oliveira] Guterres)
            words = name.split()
            entry = entry_for(name, s) or entry_for(f"{words[0]} {words[-1]}", s)
            if g == "name3" and entry is None:
                entry = _by_english_surname(glossary, name)
            yield LeaderMatch(s, e, name, None, entry)


def _by_english_surname(glossary: Glossary | None, surname: str) -> str | None:
    """The one glossary leader whose English name starts or ends with ``surname`` (President Putin), or None."""
    if glossary is None:
        return None
    index = glossary.cache.get("leader_en_surnames")
    if index is None:
        index = {}
        for e in glossary:
            if e.label == "LEADER" and e.en:
                for word in {e.en.split()[0], e.en.split()[-1]}:  # Japanese names go surname first (Kishida Fumio)
                    index.setdefault(word, set()).add(e.id)
        glossary.cache["leader_en_surnames"] = index
    ids = index.get(surname, set())
    return next(iter(ids)) if len(ids) == 1 else None


# A run of capitalised words: where an English name (Vladimir Putin) may be.
_CAPITALISED_RUN = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z.'\-]*(?: (?:[A-Z][A-Za-z.'\-]*|de|van|von|bin|al-[A-Z][a-z]+))+")


def _latin_names(text: str, glossary: Glossary) -> list[tuple[int, int]]:
    """Spans of the glossary's leader names written in Latin script (two words at least), longest first."""
    names = glossary.cache.get("leader_latin")
    if names is None:
        forms = {e.en for e in glossary if e.label == "LEADER"} | {f for f, _ in glossary.forms_of("LEADER")}
        names = frozenset(f for f in forms if " " in f and re.fullmatch(r"[A-Z][A-Za-z.'\- ]+", f))
        glossary.cache["leader_latin"] = names
    out = []
    for run in _CAPITALISED_RUN.finditer(text):
        words = [(w.start(), w.end()) for w in re.finditer(r"\S+", run.group())]
        i = 0
        while i < len(words):
            j = next((j for j in range(len(words), i + 1, -1)
                      if run.group()[words[i][0] : words[j - 1][1]] in names), None)  # fmt: skip
            if j is None:
                i += 1
                continue
            out.append((run.start() + words[i][0], run.start() + words[j - 1][1]))
            i = j
    return out


# An office that makes no leader, right after a name: a minister of another portfolio, a legislator, a party
# officer, a deputy (…経済再生相, …財務大臣, …上院議員, …幹事長, …副大統領); a leader's own title was read before.
# A bare 大臣 or 長官 (小渕大臣, ケリー長官) is the leader's own office, named short.
_OTHER_OFFICE_AFTER = re.compile(
    # (前幹事長, 元政調会長: a party office held before)
    rf"・?(?:前|元)?(?:{_KANJI}{{1,8}}?(?:・{_KANJI}{{1,6}})?(?:相|大臣|長官|議員|議長|大使|知事|市長)"
    # a portfolio written in katakana (デジタル相, デジタル大臣)
    rf"|{_K}{{2,8}}(?:担当)?(?:相|大臣)"
    rf"|議員|大使|幹事長|政調会長|総務会長|国対委員長|選対委員長|副大統領|副総理|補佐官|新?党首)(?!{_KANJI})"
)


def _known_names(text, glossary, entry_for):  # type: ignore[no-untyped-def]
    """Names the glossary lists as leaders, with or without a title (クリントン政権, プーチン氏, Vladimir Putin)."""
    for s, e in _latin_names(text, glossary):
        yield LeaderMatch(s, e, text[s:e], None, entry_for(text[s:e], s))
    namesakes = _namesakes(text, glossary)
    for s, e in _glossary_name_spans(text, glossary):
        name, after = text[s:e], text[e : e + 4]
        if any(after.startswith(x) for x in NOT_A_PERSON_AFTER):
            continue
        if _kana_key(name) in namesakes:
            continue  # エド・ミリバンド … ミリバンド: the text's Miliband is not the glossary's
        # (a two-kanji name whose first kanji the glossary lists as the surname is a full name: 王毅, not 岸田)
        is_kanji_surname = re.fullmatch(rf"{_KANJI}{{1,2}}", name) is not None and not _full_two_kanji(glossary, name)
        if is_kanji_surname and not _person_context(text, e):
            continue  # 岸田 alone could be anyone; 岸田政権 is the prime minister
        if _OTHER_OFFICE_AFTER.match(text, e):
            continue  # a leader's name in another office (…経済財政相, …上院議員): titles that make one came first
        if _aide_of_another(text, e, glossary, name):
            continue  # ライス米大統領補佐官: the president's aide, not a president
        if _other_office_before(text, s):
            continue  # 副大統領のバンス氏: a namesake in apposition to an office that makes no leader
        key = re.sub(r"\s", "", name)
        entry = entry_for(key, s) or ("-" in key and entry_for(key.replace("-", "・"), s)) or None
        if entry is None and _kana_key(key) in _last_name_parts(glossary):
            entry = entry_for(_last_name_parts(glossary)[_kana_key(key)], s)  # ケロッグ氏: フランク・ケロッグ
        yield LeaderMatch(s, e, name, None, entry)


# The Diet's records head a minister's answer with ○, the surname and 国務大臣 (○山田国務大臣), whatever the portfolio.
_DIET_SPEAKER = re.compile(rf"(?:^|(?<=\n))[ \u3000]*○[ \u3000\n]*({_KANJI}{{1,6}})国務大臣")


def _diet_speakers(text, glossary, entry_for):  # type: ignore[no-untyped-def]
    """A Diet speaker the glossary knows as a leader, named as 国務大臣 (a minister answering: ○岸田国務大臣)."""
    kanji = _name_forms(glossary)[1]
    for m in _DIET_SPEAKER.finditer(text):
        s, e = m.span(1)
        if m.group(1) in kanji:
            yield LeaderMatch(s, e, m.group(1), None, entry_for(m.group(1), s))


@cache
def _aide_re() -> re.Pattern[str]:
    ts = "|".join(re.escape(t) for t in titles() if t not in _other_offices())
    return re.compile(rf"・?(?:{_mids_re().pattern})?(?P<title>{ts})(?:報道官|補佐官)")


def _aide_of_another(text: str, e: int, glossary: Glossary, name: str) -> bool:
    """Whether a leader's title and 報道官 / 補佐官 follow offset ``e`` and the person named never held that title:
    the aide himself (ライス大統領補佐官), not the leader whose aide speaks (グテーレス事務総長報道官)."""
    m = _aide_re().match(text, e)
    if m is None:
        return False
    offices = (o.title_ja or "" for c in glossary.candidates(name, "LEADER") for o in c.offices)
    return not any(o.endswith(m.group("title")) for o in offices)


_NOT_LEADER_OFFICES = ("補佐官", "副大臣", "政務官")
_OFFICE_GAP = re.compile(r"(?:の|[ \u3000]+)$")


def _other_office_before(text: str, s: int) -> bool:
    """Whether an office that makes no leader stands in apposition right before offset ``s`` (副大統領の…), or
    before it in a signature or an address set off by spaces (衆議院議長 山田太郎 殿); initials before the name
    are skipped, and the longest title there decides (閣僚会議議長の… is a head of government's)."""
    initials = _INITIALS_BEFORE.search(text, max(0, s - 24), s)
    if initials is not None:
        s = initials.start()
    gap = _OFFICE_GAP.search(text, max(0, s - 8), s)
    if gap is None:
        return False
    before = text[max(0, gap.start() - 16) : gap.start()]
    title = next((t for t in (*titles(), *_NOT_LEADER_OFFICES) if before.endswith(t)), None)
    return title is not None and (title in _other_offices() or title in _NOT_LEADER_OFFICES)


_KATAKANA_FULL_NAME = re.compile(rf"(?<![\u30a1-\u30fa\u30fc・=.A-Za-z]){_KW}(?:[・=]{_KW})+(?![\u30a1-\u30fa\u30fc])")


def _namesakes(text: str, glossary: Glossary) -> set[str]:
    """Surnames of glossary leaders the text gives another person's given name (エド・ミリバンド where the glossary
    knows デービッド・ミリバンド): the bare surname in this text is that namesake."""
    kata = _name_forms(glossary)[0]
    out = set()
    for m in _KATAKANA_FULL_NAME.finditer(text):
        full = _kana_key(m.group())
        if full in kata or _strip_kana_initials(full) in kata:
            continue
        given, last = full.rsplit("・", 1) if "・" in full else ("", full)
        givens = [f[: -len(last) - 1] for f in kata if f.endswith("・" + last)]
        if any(part in kata or match_key(part) in countries() for part in given.split("・")):
            continue  # two leaders joined (ブッシュ・プーチン両氏), a country before the name
        if given and last in kata and givens and not any(_same_given_name(given, g) for g in givens):
            out.add(last)
    return out


def _same_given_name(a: str, b: str) -> bool:
    """Two spellings of a given name (ウラジミール, ウラジーミル): the same first two sounds, long marks aside."""
    a, b = a.split("・")[0].replace("ー", ""), b.split("・")[0].replace("ー", "")
    return a[:2] == b[:2]


def _full_two_kanji(glossary: Glossary, name: str) -> bool:
    """Whether a two-kanji leader name is a surname and a given name (王毅: the glossary lists 王 as its surname)."""
    return len(name) == 2 and any(name[0] in c.ja for c in glossary.candidates(name, "LEADER"))


def _person_context(text: str, e: int) -> bool:
    """Whether a word that marks a person follows offset ``e``, a country word between or not (毛中共政権)."""
    if text.startswith(PERSON_CONTEXT_AFTER, e):
        return True
    mid = _mids_re().match(text, e)
    return mid is not None and text.startswith(PERSON_CONTEXT_AFTER, mid.end())


_KATAKANA_WORDS = re.compile(rf"(?<![\u30a1-\u30fa\u30fc・-])[\u30a1-\u30fa\u30fc](?:[\u30a1-\u30fa\u30fc・=]|-(?={_K}))*")
_KANJI_WORDS = re.compile(rf"(?<!{_KANJI}){_KANJI}+")
_NAME_WITH_INITIAL = re.compile(rf"(?<![A-Za-z\u30a1-\u30fa\u30fc・=.]){_KW}(?:[・=.]{_KW})*[・=.](?:[A-Z][・=.])+{_KW}(?!{_K})")
# (or an encyclopedia's headword, its reading in brackets after it: 山田 太郎(やまだ たろう、1900年 - …))
_SPACED_KANJI_NAME = re.compile(rf"(?<!{_KANJI})({_KANJI}{{1,3}})[ \u3000]{{1,3}}({_KANJI}{{1,3}}?)(?=[君殿\s(]|$)")


def _glossary_name_spans(text: str, glossary: Glossary) -> list[tuple[int, int]]:
    """Glossary leader names in katakana (a whole run, its initials included, or its parts up to a ・) and kanji
    (the longest known start of a run): the runs are found once and their prefixes looked up, not one pattern
    per name.  Katakana is compared spelling-folded (グロムィコ = グロムイコ, ブルガ-ニン = ブルガーニン)."""
    kata, kanji = _name_forms(glossary)
    out = []
    keys = countries()
    last_parts = _last_name_parts(glossary)
    for run in _KATAKANA_WORDS.finditer(text):
        w = _kana_key(run.group())
        # a full name's last part the glossary leaves out alone (ケロッグ, a cereal too), with 氏: that person
        if w in last_parts and text.startswith("氏", run.end()):
            out.append(run.span())
            continue
        # a dictionary's headword parts a name with hyphens (キム‐イルソン, アウン‐サン‐スー‐チー)
        dotted = _kana_key(run.group().replace("-", "・")) if "-" in run.group() else w
        # a name the glossary writes without ・ (アウンサンスーチー) may be written with them
        if any(x in kata or _strip_kana_initials(x) in kata or x.replace("・", "") in kata for x in {w, dotted}):
            out.append((run.start(), run.end()))
            continue
        # a known name and a country (プーチン・ロシア大統領) or another known name (ブッシュ・プーチン両氏);
        # not the first part of a longer name (ケリー・ホワイト is not Kerry)
        for k in (k for k in range(len(w) - 1, 0, -1) if w[k] == "・" and w[:k] in kata):
            rest = w[k + 1 :]
            if match_key(rest) in keys:
                out.append((run.start(), run.start() + k))
            elif rest in kata:
                out += [(run.start(), run.start() + k), (run.start() + k + 1, run.end())]
            break
    # a name with a Latin initial inside (ドナルド・J・トランプ): the name without the initial is known
    for run in _NAME_WITH_INITIAL.finditer(text):
        if _kana_key(re.sub(r"[A-Z][・=.]", "", run.group())) in kata:
            out.append(run.span())
    longest = max(map(len, kanji), default=0)
    for run in _KANJI_WORDS.finditer(text):
        w = run.group()
        k = next((k for k in range(min(len(w), longest), 0, -1) if w[:k] in kanji), None)
        # a known surname with another given name, as the Diet's records and letters address a person (中曽根康隆君:
        # not the glossary's 中曽根) is a namesake
        namesake = k is not None and (
            re.fullmatch(rf"{_KANJI}{{1,3}}[君氏様殿]", w[k:]) is not None
            or (k < len(w) <= k + 3 and text.startswith("さん", run.end()))
        )
        if k is not None and not namesake:
            out.append((run.start(), run.start() + k))
        # a full name (three kanji or more) later in the run, after a word glued to it (同年毛沢東, 翌日周恩来)
        start = run.start() + (k or 1)
        for m in _full_kanji_names_re(glossary).finditer(text, start, run.end()):
            out.append(m.span())
    # the Diet's rosters space a surname from the given name to fill a column (園田  直君): the name, spaces kept
    for m in _SPACED_KANJI_NAME.finditer(text):
        if m.group(1) + m.group(2) in kanji:
            out.append(m.span())
    return out


# Short forms of a title a leader is named by again (金正恩国務委員長 … 金委員長; 山田外務大臣 … 山田大臣).
SHORT_TITLES = ("委員長", "大臣", "長官")
# States whose leaders' names are a one-kanji surname and a given name (金正恩: 金; 習近平: 習).
_ONE_KANJI_SURNAME_STATES = frozenset({"KR", "KP", "CN", "ROC", "TW"})


def _last_name_parts(glossary: Glossary) -> dict[str, str]:
    """Last parts of the glossary's katakana full names that are no form of their own, with the full name they end
    (ケロッグ: フランク・ケロッグ); a part two names end in is left out."""
    cached = glossary.cache.get("leader_last_parts")
    if cached is None:
        kata = _name_forms(glossary)[0]
        fulls: dict[str, set[str]] = {}
        for f in kata:
            if "・" in f and len(part := f.rsplit("・", 1)[1]) >= 3 and part not in kata:
                fulls.setdefault(part, set()).add(f)
        cached = {part: min(fs) for part, fs in fulls.items() if len({glossary.lookup(f, "LEADER") for f in fs}) == 1}
        glossary.cache["leader_last_parts"] = cached
    return cached


def _full_kanji_names_re(glossary: Glossary) -> re.Pattern[str]:
    """The glossary's kanji leader names of three characters or more, longest first."""
    cached = glossary.cache.get("leader_full_kanji")
    if cached is None:
        names = sorted((f for f in _name_forms(glossary)[1] if len(f) >= 3), key=len, reverse=True)
        cached = re.compile("|".join(map(re.escape, names)) or r"(?!)")
        glossary.cache["leader_full_kanji"] = cached
    return cached


def _repeated_kanji(text, found, tokens, glossary=None):  # type: ignore[no-untyped-def]
    """A kanji name introduced with a title, met again later: the full name, when the glossary does not know it
    (金南哲外相 … 金南哲は), or the surname before the same title, a short form of it, or 氏 (… 金外相, 金氏);
    a surname is what Sudachi tags, or the first kanji of a Korean or Chinese name the glossary knows."""
    out = []
    surnames = {s: e for s, e, tag in tokens if tag == _NAME_TAG + "-姓"}
    seen = set()
    for f in sorted(found, key=lambda f: f.start):
        spaced = re.fullmatch(rf"({_KANJI}+)[ \u3000]+{_KANJI}+", f.text)
        if (f.role is None and not f.entry_id) or not (spaced or re.fullmatch(rf"{_KANJI}{{2,}}", f.text)):
            continue
        if (f.text, f.role) in seen:
            continue
        seen.add((f.text, f.role))  # the first mention's search finds the later ones' too
        forms = {} if f.entry_id or spaced else {f.text: False}  # the glossary's names are found without a title
        if spaced:
            forms[spaced.group(1)] = True  # a Diet roster's surname, spaced from the given name (山田 太郎)
        elif f.start in surnames and surnames[f.start] < f.end:
            forms[text[f.start : surnames[f.start]]] = True  # needs a title or 氏 after it
        elif f.entry_id and len(f.text) == 3 and _country_of(glossary, f.entry_id) in _ONE_KANJI_SURNAME_STATES:
            forms[f.text[0]] = True
        for form, needs_title in forms.items():
            for m in re.compile(rf"(?<!{_KANJI}){re.escape(form)}").finditer(text, f.end):
                t = _title_re().match(text, m.end())
                same_office = t is not None and f.role is not None and t.group("title") in f.role  # 金外相, not 金大統領
                short = next((x for x in SHORT_TITLES if f.role and f.role.endswith(x) and text.startswith(x, m.end())), None)
                # the Diet's records name a minister answering as 国務大臣 (外務大臣 山田 太郎君 … ○山田国務大臣)
                if short is None and f.role in CABINET_TITLES and text.startswith("国務大臣", m.end()):
                    short = "国務大臣"
                if same_office or short or text.startswith("氏", m.end()) or not (needs_title or _KANJI_RE.match(text, m.end())):
                    out.append(LeaderMatch(m.start(), m.end(), form, _role(t) if same_office else short, f.entry_id))
    return out


def _country_of(glossary: Glossary | None, entry_id: str) -> str | None:
    entry = glossary.get(entry_id) if glossary is not None else None
    return entry.country if entry is not None else None


def _repeated(text: str, found: list[LeaderMatch], entry_for) -> list[LeaderMatch]:  # type: ignore[no-untyped-def]
    """A katakana name introduced with a title, met again later without one (アッセルボルン外相 … アッセルボルン氏);
    a full name's last part counts too (ジャン・アッセルボルン … アッセルボルン)."""
    out = []
    seen = set()
    for f in sorted(found, key=lambda f: f.start):
        if f.role is None or f.entry_id or not re.fullmatch(rf"{_NAME}", f.text) or f.text in seen:
            continue
        seen.add(f.text)  # the first mention's search finds the later ones' too
        forms = {f.text, f.text.split("・")[-1].split(".")[-1]}
        for form in (x for x in forms if len(x) >= 3):
            for m in re.finditer(rf"(?<![\u30a1-\u30fa\u30fc・.=]){re.escape(form)}(?![\u30a1-\u30fa\u30fc])", text):
                if m.start() > f.start:
                    out.append(LeaderMatch(m.start(), m.end(), form, None, f.entry_id))
    return out


def _kanji_name(text, run_start, end, role, entry_for, glossary, persons, words=None):  # type: ignore[no-untyped-def]
    """The longest known name ending at ``end`` inside the kanji run: glossary first, then the tagger."""
    for s in range(run_start, end):
        cand = text[s:end]
        if _STATE_NAME.search(cand):
            return None  # 朝鮮民主主義人民共和国国家主席: a state's name a tagger may take for a person's
        if match_key(cand) in countries():
            continue
        # 新首相, 同外相, 歴代首相: no name — unless a tagger reads a name starting there (前原外相, 前田首相)
        if _NON_NAME_KANJI.search(cand[:1]) and persons.end_of.get(s, -1) < end and not _known_leader(glossary, cand):
            continue
        entry = entry_for(cand, s, role)
        if entry is not None or (glossary is not None and glossary.candidates(cand, "LEADER")):
            return LeaderMatch(s, end, cand, role, entry)
        # one kanji only when it is all the run (林外相, 李首相: a one-character surname)
        if (len(cand) >= 2 or s == run_start) and persons.covers(s, end):
            if _common_words(words, s, end):
                return None  # 常任理事国外相: nor any piece of those words
            return LeaderMatch(s, end, cand, role, None)
    return None


def _common_words(words: dict[int, int] | None, s: int, e: int) -> bool:
    """Whether Sudachi reads ``s:e`` as common nouns of two characters or more, end to end (常任理事国): a word a
    tagger took for a name. A Korean name Sudachi does not know falls into one-character pieces (尹|炳世)."""
    pos = s
    while words and pos < e and words.get(pos, e + 1) <= e:
        pos = words[pos]
    return bool(words) and pos == e


def _is_org(name: str, glossary: Glossary | None) -> bool:
    if glossary is None:
        return False
    return any(e.label != "LEADER" for e in glossary.candidates(name))


def _name_forms(glossary: Glossary) -> tuple[frozenset[str], frozenset[str]]:
    """The glossary's leader forms in katakana (three characters at least) and in kanji, normalized."""
    cached = glossary.cache.get("leader_names")
    if cached is not None:
        return cached
    from ..normalize import normalize

    forms = {normalize(f) for f, _ in glossary.forms_of("LEADER") if not re.search(r"[A-Za-z]", f)}
    kata = frozenset(
        _kana_key(f) for f in forms if re.fullmatch(rf"{_KATAKANA}+(?:[・=]{_KATAKANA}+)*", f) and len(f) >= 3
    )
    kanji = frozenset(f for f in forms if re.fullmatch(rf"{_KANJI}+", f))
    glossary.cache["leader_names"] = (kata, kanji)
    return kata, kanji


def _kana_key(word: str) -> str:
    """A katakana word as the glossary's katakana forms are kept: spelling-folded, hyphens read as ー."""
    return kana_fold(long_marks(word))


@cache
def _kana_initials() -> frozenset[str]:
    return frozenset(kana_fold(r["kana"]) for r in read_table("kana_initials.tsv"))


def _strip_kana_initials(name: str) -> str:
    """A name without the initials spelled in katakana before it, as old and official texts write Russian and
    English initials (エヌ・エス・フルシチョフ: N. S. Khrushchev; ジョン・エフ・ケネディ keeps its given name)."""
    parts = name.split("・")
    k = 0
    while k < len(parts) - 1 and parts[k] in _kana_initials():
        k += 1
    return "・".join(parts[k:]) if k and len(parts[-1]) >= 3 else name
