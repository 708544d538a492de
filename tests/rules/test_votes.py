"""Tally rules on plain strings: which counts make a tally, its span and its numbers (hand-written sentences)."""

from __future__ import annotations

import pytest

from jpnlp.rules.votes import find_tallies


def T(  # type: ignore[no-untyped-def]
    text, for_, against, abstain=None, other=None, total=None, vetoes=0, kind="counts"
):
    return {"text": text, "kind": kind, "for": for_, "against": against, "abstain": abstain, "other": other,
            "total": total, "vetoes": vetoes}  # fmt: skip


def tallies(text: str) -> list[dict]:
    return [
        {"text": t.text, "kind": t.kind, "for": t.for_, "against": t.against, "abstain": t.abstain, "other": t.other,
         "total": t.total, "vetoes": t.vetoes}
        for t in find_tallies(text)
        if t.counted
    ]  # fmt: skip


CASES = [
    # labelled counts: 票 after the label, a total listed with them, a total joined by のうち (kept out of the span)
    ("決議は賛成票155、反対票88、棄権票12で採択された。", [T("賛成票155、反対票88、棄権票12", 155, 88, 12)]),
    ("法案は投票総数243、賛成票155、反対票88で可決された。", [T("投票総数243、賛成票155、反対票88", 155, 88, total=243)]),
    ("採決は投票総数300のうち賛成200、反対100だった。", [T("賛成200、反対100", 200, 100, total=300)]),
    ("結果は賛成票120、反対票90、投票総数210だった。", [T("賛成票120、反対票90、投票総数210", 120, 90, total=210)]),
    # against first, 対 and - between labelled counts, 保留 as abstention
    ("動議は反対219、賛成212で否決された。", [T("反対219、賛成212", 212, 219)]),
    ("修正案は賛成212対反対219で否決された。", [T("賛成212対反対219", 212, 219)]),
    ("結果は賛成60-反対35-棄権5となった。", [T("賛成60-反対35-棄権5", 60, 35, 5)]),
    ("議会は賛成500、反対80、保留40で決議を採択した。", [T("賛成500、反対80、保留40", 500, 80, 40)]),
    # kanji numerals; attendance between counts stays inside, after the last count outside
    ("集計では賛成二百十五人、欠席十人、反対四十人だった。", [T("賛成二百十五人、欠席十人、反対四十人", 215, 40, other=10)]),
    ("集計では賛成250、反対30、退席10だった。", [T("賛成250、反対30", 250, 30, other=10)]),
    # who voted that way, in brackets, between the counts and after the last
    ("決議は賛成170、反対2(A国、B国)、棄権9(C国)で採択された。", [T("賛成170、反対2(A国、B国)、棄権9(C国)", 170, 2, 9)]),
    # other words and brackets between counts in one sentence
    ("決議案は賛成120という大差で採択された(反対5、棄権30)。", [T("賛成120という大差で採択された(反対5、棄権30", 120, 5, 30)]),
    ("結果は賛成が90、米国など反対3、インドなど棄権20だった。", [T("賛成が90、米国など反対3、インドなど棄権20", 90, 3, 20)]),
    # clause forms, over a sentence boundary too
    ("決議案には45カ国が賛成した一方、12か国が反対し、20カ国は棄権した。",
     [T("45カ国が賛成した一方、12か国が反対し、20カ国は棄権", 45, 12, 20)]),
    ("会合では110カ国が賛成票を投じた。反対は、イラン、シリア、ベネズエラの3カ国だった。",
     [T("110カ国が賛成票を投じた。反対は、イラン、シリア、ベネズエラの3カ国", 110, 3)]),
    ("決議は98カ国の賛成多数で採択された。英独など7カ国は棄権した。", [T("98カ国の賛成多数で採択された。英独など7カ国は棄権", 98, None, 7)]),
    ("決議案には87カ国が賛成した。決議は同国に査察の受け入れを求めている。反対は15カ国、棄権は34カ国だった。",
     [T("87カ国が賛成した。決議は同国に査察の受け入れを求めている。反対は15カ国、棄権は34カ国", 87, 15, 34)]),
    # named countries are counted; a veto is an against vote
    ("決議は122カ国が賛成して採択された。反対はオランダ、棄権はシンガポールだった。",
     [T("122カ国が賛成して採択された。反対はオランダ、棄権はシンガポール", 122, 1, 1)]),
    ("賛成は140カ国で、反対したのは米国とイスラエルだった。", [T("賛成は140カ国で、反対したのは米国とイスラエル", 140, 2)]),
    ("採決では賛成が150カ国、反対はオランダ1カ国だった。", [T("賛成が150カ国、反対はオランダ1カ国", 150, 1)]),
    ("フランス、ドイツ及びイタリアが反対票を投じた。賛成は25カ国だった。",
     [T("フランス、ドイツ及びイタリアが反対票を投じた。賛成は25カ国", 25, 3)]),
    ("理事国のうち12カ国が賛成したが、ロシアが拒否権を行使した。", [T("12カ国が賛成したが、ロシアが拒否権を行使", 12, 1, vetoes=1)]),
    ("決議案は11カ国が賛成したが、米英が拒否権を行使し、否決された。", [T("11カ国が賛成したが、米英が拒否権を行使", 11, 2, vetoes=2)]),
    # versus forms next to what makes them a vote; three numbers; a table row about a vote
    ("法案は62対38で可決された。", [T("62対38", 62, 38, kind="versus")]),
    ("採決の結果、70-25-5で可決された。", [T("70-25-5", 70, 25, 5, kind="versus")]),
    ("批准日 | 2001年5月1日 | 2003年6月2日 |\n上院の批准投票 | 90-8 | 70-29 |",
     [T("90-8", 90, 8, kind="table"), T("70-29", 70, 29, kind="table")]),
    # two tallies on consecutive lines stay two; two in one sentence stay two
    ("決議A 賛成100、反対20\n決議B 賛成90、反対30", [T("賛成100、反対20", 100, 20), T("賛成90、反対30", 90, 30)]),
    ("決議Aは賛成10、反対2で、決議Bは賛成7、反対5で採択された。", [T("賛成10、反対2", 10, 2), T("賛成7、反対5", 7, 5)]),
    # a labelled count ends at its number, not at the space before the next label
    ("表決: | 賛成: 9 反対: 4 棄権: 2 |", [T("賛成: 9 反対: 4 棄権: 2", 9, 4, 2)]),
    # a table whose header names the columns: one tally per row, the numbers from the labelled columns
    ("年 日付 賛成 反対 棄権 結果\n1 2005年3月1日 120 5 10 採択\n2 2006年3月2日 118 7 12 採択\n以上",
     [T("120 5 10", 120, 5, 10, kind="row"), T("118 7 12", 118, 7, 12, kind="row")]),
    ("| 決議 | 賛成 | 反対 |\n|---|---|---|\n| A | 40 | 12 |", [T("40 | 12", 40, 12, kind="row")]),
    # who voted that way before how many votes (票 as well as カ国)
    ("賛成40に対し反対はイランとシリアの2票、棄権が5票だった。", [T("賛成40に対し反対はイランとシリアの2票、棄権が5票", 40, 2, 5)]),
    # names alone make a tally when one of them cast a vote (棄権 is no stance); a country named after the
    # group it belongs to; AのほかB lists both
    ("採決ではペルーが反対し、チリとメキシコが棄権した。", [T("ペルーが反対し、チリとメキシコが棄権", None, 1, 2)]),
    ("反対はASEAN加盟国のタイ、棄権はノルウェーだった。", [T("反対はASEAN加盟国のタイ、棄権はノルウェー", None, 1, 1)]),
    ("決議には150カ国が賛成。イランのほか、シリア、キューバが反対した。", [T("150カ国が賛成。イランのほか、シリア、キューバが反対", 150, 3)]),
    # a veto described as what the members hold
    ("英国とフランスが常任理事国として持つ拒否権を行使した。他の13カ国は賛成した。",
     [T("英国とフランスが常任理事国として持つ拒否権を行使した。他の13カ国は賛成", 13, 2, vetoes=2)]),
    # a lone for-count completed by the breakdown the vote's report gives further on (採決では …); the country
    # named first is one of the numbered ones, not a count of its own
    (("決議案にはペルーが反対票を投じた。日本を含む120カ国の賛成多数で決議は採択された。\n\n決議は停戦を求める内容。"
     "採決ではペルーのほかキューバなど9カ国が反対、インドなど40カ国は棄権した。"),
     [T("120カ国の賛成多数で決議は採択された。\n\n決議は停戦を求める内容。採決ではペルーのほかキューバなど9カ国が反対、"
        "インドなど40カ国は棄権", 120, 9, 40)]),
    (("決議案にはペルーが反対票を投じた。120カ国の賛成多数で決議は採択された。\n\n決議は停戦を求める内容だ。"
     "決議は前文と10項目からなり、各国に協力を求める。ペルーのほかキューバなど9カ国が反対、インドなど40カ国は棄権した。"),
     [T("9カ国が反対、インドなど40カ国は棄権", None, 9, 40)]),
    # Diet roll calls: 可とする者/否とする者, a white ballot (白票) is a yes beside a blue one (青票); lines joined
    ("投票総数 二百四十票\n可とする者(白票) 百五十票\n否とする者(青票) 九十票\n右の結果、本案は可決されました。",
     [T("投票総数 二百四十票\n可とする者(白票) 百五十票\n否とする者(青票) 九十票", 150, 90, total=240)]),
    ("記名投票の結果、白票210、青票35で可決された。", [T("白票210、青票35", 210, 35)]),
    # grouped thousands; none as a count; 票数 and 者数 labels; who voted that way, then how many
    ("代表大会は賛成2,801票、反対16票、棄権9票で可決した。", [T("賛成2,801票、反対16票、棄権9票", 2801, 16, 9)]),
    ("法案は1,150票対340票で可決された。", [T("1,150票対340票", 1150, 340, kind="versus")]),
    ("決議は賛成90、反対なし、棄権4で採択された。", [T("賛成90、反対なし、棄権4", 90, 0, 4)]),
    ("決議は賛成14カ国、反対ゼロ、棄権1カ国だった。", [T("賛成14カ国、反対ゼロ、棄権1カ国", 14, 0, 1)]),
    ("賛成票数は75、反対票数は20だった。", [T("賛成票数は75、反対票数は20", 75, 20)]),
    ("賛成に回ったのは88カ国、反対したのは7カ国だった。", [T("賛成に回ったのは88カ国、反対したのは7カ国", 88, 7)]),
    ("賛成は与党など18人、反対は野党の6人だった。", [T("賛成は与党など18人、反対は野党の6人", 18, 6)]),
    # old character forms (贊成, 反對, 棄權, 國)
    ("本案ハ贊成三十票、反對五票、棄權二票ヲ以テ可決セラレタリ。", [T("贊成三十票、反對五票、棄權二票", 30, 5, 2)]),
    ("賛成二十カ國、反対三カ國で採択された。", [T("賛成二十カ國、反対三カ國", 20, 3)]),
    # countries a sentence is about, whose predicate at its end is a vote, complete the for-count before them
    (("理事会は10か国の賛成多数で決議を採択した。\n\n決議はA国が起草した。\n\n一方、ペルーとチリは、"
     "内容が一方的だとして棄権しました。"),
     [T("10か国の賛成多数で決議を採択した。\n\n決議はA国が起草した。\n\n一方、ペルーとチリは、内容が一方的だとして棄権",
        10, None, 2)]),
    # versus forms: the outcome further on in the clause, in brackets after 賛成多数; N票の賛成 as a clause count
    ("上院は58対40で、戦略兵器の削減に関する条約の批准承認決議案を可決した。", [T("58対40", 58, 40, kind="versus")]),
    ("動議は賛成多数(33対29)で可決された。", [T("33対29", 33, 29, kind="versus")]),
    ("決議は98票の賛成、6票の反対、40票の棄権で採択された。", [T("98票の賛成、6票の反対、40票の棄権", 98, 6, 40)]),
    # a list: each label with its number on the line below; names after a label and colon
    ("採決結果\n賛成\n88\n反対\n9\n棄権\n31\n", [T("賛成\n88\n反対\n9\n棄権\n31", 88, 9, 31)]),
    ("賛成: 77\n反対: ペルー、チリ\n棄権: タイ\n", [T("賛成: 77\n反対: ペルー、チリ\n棄権: タイ", 77, 2, 1)]),
    # numbers in brackets after their labels; not voting as attendance
    ("決議は賛成(101)、反対(8)、棄権(22)で採択された。", [T("賛成(101)、反対(8)、棄権(22)", 101, 8, 22)]),
    ("決議は賛成120、反対6、棄権30、無投票12で採択された。", [T("賛成120、反対6、棄権30", 120, 6, 30, other=12)]),
    # none against (反対はなく) between a clause count and named abstentions in the next sentence
    ("理事会は決議案を12か国の賛成で採択した。反対はなく、ペルーとチリが棄権した。",
     [T("12か国の賛成で採択した。反対はなく、ペルーとチリが棄権", 12, 0, 2)]),
    # a country named before a numbered tally is not joined to the tally's first count
    ("理事会では、中国が拒否権を行使し、決議案は賛成12、反対2、棄権1で否決された。", [T("賛成12、反対2、棄権1", 12, 2, 1)]),
    ("英国が反対票を投じ、決議案は賛成14、反対1で否決された。", [T("賛成14、反対1", 14, 1)]),
    # not tallies: a single count, thresholds, countries listed with など, party members, outcome words,
    # ranges and dates, 賛成国 that grew
    ("決議は賛成150票を集めた。", []),
    ("15カ国のうち9カ国以上が賛成すれば採択される。", []),
    ("中国、ロシアなどが反対した。賛成は30カ国だった。", []),
    ("与党の3人が賛成に回り、野党の5人が反対した。", []),
    ("法案は全会一致で可決された。", []),
    ("弾頭数を2000-2500発とする。", []),
    ("採択は2010-12-22に行われた。", []),
    ("昨年より賛成国は9カ国増えた。", []),
    ("ロシアは反対し、米国と英国は賛成した。", []),
    ("世論調査では賛成が52%、反対が40%だった。", []),
    ("賛成国は100を超え、反対国は10に満たない。", []),
    ("両国は条約に反対の姿勢を示し、3カ国が賛成の立場をとった。", []),
    # a blank ballot with no blue one beside it; none alone; a topic that states a stance, not a vote
    ("選挙では白票が12票、無効が3票あった。", []),
    ("決議は反対なしで採択された。", []),
    # a score; headings with a year below them; money
    ("サッカーの試合は3対2で日本が勝ち、決勝進出を決定した。", []),
    ("賛成\n2019年に条約に署名した。\n反対\n2020年に離脱した。", []),
    ("賛成派は5億円、反対派は3億円を集めた。", []),
    ("決議は9か国の賛成で採択された。ペルーは、内容に問題があるとして反対した。", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:18] for c in CASES])
def test_tallies(text: str, expected: list[dict]) -> None:
    assert tallies(text) == expected


@pytest.mark.parametrize(
    ("text", "implied"),
    [("法案は全会一致で可決された。", "passed"), ("動議は反対多数で否決された。", "rejected")],
)
def test_outcome_words_are_consensus_matches_without_counts(text: str, implied: str) -> None:
    (t,) = find_tallies(text)
    assert (t.kind, t.counted, t.for_, t.against, t.implied) == ("consensus", False, None, None, implied)
