"""Vote records phenomenon by phenomenon: sentences written by hand in news, UN, Diet and encyclopedia styles,
every field of every record compared exactly (one record per vote; what is not a tally gives none)."""

from __future__ import annotations

import pytest

from jpnlp.votes import extract_votes

KEYS = ("for", "against", "abstain", "total", "result", "body", "date", "subject_ja", "text")
UNGA, UNSC, HR, HC = "UN General Assembly", "UN Security Council", "House of Representatives (Japan)", "House of Councillors (Japan)"


def V(for_, against, abstain, result, body, date, subject, text, total=None):  # type: ignore[no-untyped-def]
    return {"for": for_, "against": against, "abstain": abstain, "total": total, "result": result, "body": body,
            "date": date, "subject_ja": subject, "text": text}  # fmt: skip


def votes(text: str) -> list[dict]:
    return [{k: t.to_dict()[k] for k in KEYS} for t in extract_votes(text)]


LABELLED = [
    # 票 after the label; a total listed first, with kanji numerals too
    ("国連総会は2021年12月6日、決議案を賛成票155、反対票88で採択した。",
     [V(155, 88, None, "passed", UNGA, "2021-12-06", "決議案", "賛成票155、反対票88")]),
    ("欧州議会は賛成票412、反対票203、棄権票31で報告書を採択した。",
     [V(412, 203, 31, "passed", "European Parliament", None, "報告書", "賛成票412、反対票203、棄権票31")]),
    ("参議院本会議は2022年5月11日、法案を投票総数243、賛成155、反対88で可決した。",
     [V(155, 88, None, "passed", HC, "2022-05-11", "法案", "投票総数243、賛成155、反対88", total=243)]),
    ("衆議院本会議は投票総数四百五十、賛成三百、反対百五十で予算案を可決した。",
     [V(300, 150, None, "passed", HR, None, "予算案", "投票総数四百五十、賛成三百、反対百五十", total=450)]),
    # against first; 保留 as abstention
    ("動議は反対3、賛成10で可決された。", [V(10, 3, None, "passed", None, None, "動議", "反対3、賛成10")]),
    ("決議案は反対票30、賛成票120、棄権票10で採択された。",
     [V(120, 30, 10, "passed", None, None, "決議案", "反対票30、賛成票120、棄権票10")]),
    ("全人代は2020年5月28日、決定を賛成2878票、反対1票、保留6票で採択した。",
     [V(2878, 1, 6, "passed", "National People's Congress", "2020-05-28", None, "賛成2878票、反対1票、保留6票")]),
    ("欧州議会は決議を賛成480、反対120、保留40で採択した。",
     [V(480, 120, 40, "passed", "European Parliament", None, "決議", "賛成480、反対120、保留40")]),
    # kanji numerals and full-width digits
    ("国連総会は決議を賛成百五十二、反対四、棄権二十八で採択した。",
     [V(152, 4, 28, "passed", UNGA, None, "決議", "賛成百五十二、反対四、棄権二十八")]),
    ("衆議院は法案を賛成二百九十、反対百六十で可決した。",
     [V(290, 160, None, "passed", HR, None, "法案", "賛成二百九十、反対百六十")]),
    ("安保理は１２日、決議案を賛成１３、反対２で採択した。",
     [V(13, 2, None, "passed", UNSC, "XXXX-XX-12", "決議案", "賛成13、反対2")]),
    ("国連総会は２０２２年１０月１２日、決議を賛成１４３、反対５、棄権３５で採択した。",
     [V(143, 5, 35, "passed", UNGA, "2022-10-12", "決議", "賛成143、反対5、棄権35")]),
]

VERSUS = [
    # dash tables of two and three numbers
    ("米上院は1997年4月24日、化学兵器禁止条約の批准を74-26で承認した。",
     [V(74, 26, None, "passed", "US Senate", "1997-04-24", "化学兵器禁止条約", "74-26")]),
    ("決議案は150-3-20で採択された。", [V(150, 3, 20, "passed", None, None, "決議案", "150-3-20")]),
    ("安保理決議は14-0-1で採択された。", [V(14, 0, 1, "passed", UNSC, None, "安保理決議", "14-0-1")]),
    # 賛成N対反対M
    ("修正案は賛成45対反対55で否決された。", [V(45, 55, None, "rejected", None, None, "修正案", "賛成45対反対55")]),
    ("米下院は法案を賛成220対反対207で可決した。",
     [V(220, 207, None, "passed", "US House of Representatives", None, "法案", "賛成220対反対207")]),
    # N対M with and without units
    ("安保理は決議を13対0で採択した。", [V(13, 0, None, "passed", UNSC, None, "決議", "13対0")]),
    ("決議案は120票対30票で可決された。", [V(120, 30, None, "passed", None, None, "決議案", "120票対30票")]),
    ("委員会は法案を12人対8人で可決した。", [V(12, 8, None, "passed", None, None, "法案", "12人対8人")]),
    ("安保理は14か国対1か国で決議を採択した。", [V(14, 1, None, "passed", UNSC, None, "決議", "14か国対1か国")]),
    ("英下院は2019年10月22日、離脱協定法案を329対299で可決した。",
     [V(329, 299, None, "passed", "UK House of Commons", "2019-10-22", "離脱協定法案", "329対299")]),
]

CLAUSES = [
    ("国連総会は2023年10月27日に決議案を採決し、152か国が賛成し、4か国が反対、30か国が棄権した。",
     [V(152, 4, 30, "passed", UNGA, "2023-10-27", "決議案", "152か国が賛成し、4か国が反対、30か国が棄権")]),
    ("決議案には120か国が賛成し、米国など3か国が反対した。",
     [V(120, 3, None, "passed", None, None, "決議案", "120か国が賛成し、米国など3か国が反対")]),
    ("決議案は、米国など3か国が反対したものの、120か国の賛成で採択された。",
     [V(120, 3, None, "passed", None, None, "決議案", "3か国が反対したものの、120か国の賛成")]),
    ("国連総会では140か国が賛成し、中国とロシアが反対した。",
     [V(140, 2, None, "passed", UNGA, None, None, "140か国が賛成し、中国とロシアが反対")]),
    ("決議は賛成多数で採択されたが、中国とロシアが反対し、インドが棄権した。",
     [V(None, 2, 1, "passed", None, None, "決議", "中国とロシアが反対し、インドが棄権")]),
]

VETOES = [
    ("安保理は2022年2月25日、決議案を採決したが、ロシアが拒否権を行使し、賛成11、反対1、棄権3で否決された。",
     [V(11, 1, 3, "rejected", UNSC, "2022-02-25", "決議案", "賛成11、反対1、棄権3")]),
    ("安保理で採決された決議案は、ロシアが拒否権を行使し、13対1で否決された。",
     [V(13, 1, None, "rejected", UNSC, None, "決議案", "13対1")]),
    ("安保理の採決では13か国が賛成したが、ロシアが拒否権を行使し否決された。",
     [V(13, 1, None, "rejected", UNSC, None, None, "13か国が賛成したが、ロシアが拒否権を行使")]),
    # the numbers alone: nine votes and no veto
    ("安保理での採決は賛成9、反対3、棄権3だった。", [V(9, 3, 3, "passed", UNSC, None, None, "賛成9、反対3、棄権3")]),
]

ONE_RECORD_PER_VOTE = [
    ("決議案は賛成多数で採択された(賛成152、反対4、棄権10)。",
     [V(152, 4, 10, "passed", None, None, "決議案", "賛成152、反対4、棄権10")]),
    ("法案は賛成多数(賛成152、反対4)で可決、成立した。", [V(152, 4, None, "passed", None, None, "法案", "賛成152、反対4")]),
    ("法案は衆院外務委員会で賛成25、反対10で可決され、本会議で賛成300、反対140で可決された。",
     [V(25, 10, None, "passed", HR + " Foreign Affairs Committee", None, "法案", "賛成25、反対10"),
      V(300, 140, None, "passed", HR, None, "法案", "賛成300、反対140")]),
    ("決議は安保理で賛成13、反対0、棄権2で、総会で賛成120、反対10、棄権40でそれぞれ採択された。",
     [V(13, 0, 2, "passed", UNSC, None, "決議", "賛成13、反対0、棄権2"),
      V(120, 10, 40, "passed", UNGA, None, "決議", "賛成120、反対10、棄権40")]),
]

RESULTS = [
    ("請願は賛成10、反対15で不採択となった。", [V(10, 15, None, "rejected", None, None, None, "賛成10、反対15")]),
    ("法案は米下院を賛成230、反対200で通過した。",
     [V(230, 200, None, "passed", "US House of Representatives", None, "法案", "賛成230、反対200")]),
    ("改正法は参院本会議で賛成180、反対60で成立した。", [V(180, 60, None, "passed", HC, None, "改正法", "賛成180、反対60")]),
    ("条約の批准承認案は賛成70、反対30で承認された。", [V(70, 30, None, "passed", None, None, "批准承認案", "賛成70、反対30")]),
    ("法案は賛成40、反対50で廃案となった。", [V(40, 50, None, "rejected", None, None, "法案", "賛成40、反対50")]),
    ("決議案は賛成5、反対10で否決された。", [V(5, 10, None, "rejected", None, None, "決議案", "賛成5、反対10")]),
    ("条約は賛成66、反対30で批准された。", [V(66, 30, None, "passed", None, None, None, "賛成66、反対30")]),
    ("国会は条約の批准を賛成300、反対20で承認した。", [V(300, 20, None, "passed", None, None, None, "賛成300、反対20")]),
    # no verb: the numbers decide
    ("採決結果は賛成88、反対12だった。", [V(88, 12, None, "passed", None, None, None, "賛成88、反対12")]),
    ("採決結果は賛成40、反対60だった。", [V(40, 60, None, "rejected", None, None, None, "賛成40、反対60")]),
]

BODIES = [
    ("国連人権理事会は2023年4月4日、決議を賛成28、反対6、棄権13で採択した。",
     [V(28, 6, 13, "passed", "UN Human Rights Council", "2023-04-04", "決議", "賛成28、反対6、棄権13")]),
    ("人権理事会は決議を賛成28、反対6、棄権13で採択した。",
     [V(28, 6, 13, "passed", "UN Human Rights Council", None, "決議", "賛成28、反対6、棄権13")]),
    ("IAEA理事会は2020年6月19日、決議を賛成25、反対2、棄権7で採択した。",
     [V(25, 2, 7, "passed", "IAEA Board of Governors", "2020-06-19", "決議", "賛成25、反対2、棄権7")]),
    ("IAEA総会は決議を賛成90、反対5、棄権10で採択した。",
     [V(90, 5, 10, "passed", "IAEA General Conference", None, "決議", "賛成90、反対5、棄権10")]),
    ("国際原子力機関の総会で、決議案が賛成80、反対3で採択された。",
     [V(80, 3, None, "passed", "IAEA General Conference", None, "決議案", "賛成80、反対3")]),
    ("OPCW執行理事会は決定を賛成28、反対3、棄権10で採択した。",
     [V(28, 3, 10, "passed", "OPCW Executive Council", None, None, "賛成28、反対3、棄権10")]),
    ("OPCW締約国会議は決定を賛成87、反対24、棄権26で採択した。",
     [V(87, 24, 26, "passed", "OPCW Conference of the States Parties", None, None, "賛成87、反対24、棄権26")]),
    ("第一委員会では決議案L.41が賛成150、反対4、棄権25で採択された。",
     [V(150, 4, 25, "passed", "UN General Assembly First Committee", None, "決議案L.41", "賛成150、反対4、棄権25")]),
    ("ドイツ連邦議会は法案を賛成400、反対250で可決した。",
     [V(400, 250, None, "passed", "Bundestag", None, "法案", "賛成400、反対250")]),
    ("韓国国会は本会議で法案を賛成180、反対100で可決した。",
     [V(180, 100, None, "passed", "National Assembly (South Korea)", None, "法案", "賛成180、反対100")]),
    # the paragraph's body when the sentence names none; the nearest in the sentence first
    ("国連総会は2022年3月2日に緊急特別会合を開いた。決議案は賛成141、反対5、棄権35で採択された。",
     [V(141, 5, 35, "passed", UNGA, "2022-03-02", "決議案", "賛成141、反対5、棄権35")]),
    ("安保理での否決を受け、国連総会は決議を賛成141、反対5で採択した。",
     [V(141, 5, None, "passed", UNGA, None, "決議", "賛成141、反対5")]),
]

SUBJECTS_DATES = [
    ("安保理は2015年7月20日、決議2231を賛成15、反対0で採択した。",
     [V(15, 0, None, "passed", UNSC, "2015-07-20", "決議2231", "賛成15、反対0")]),
    ("国連総会は核軍縮の報告書を審議した。決議案L.5は賛成120、反対30で採択された。",
     [V(120, 30, None, "passed", UNGA, None, "決議案L.5", "賛成120、反対30")]),
    ("国連総会は2022年11月3日に本会議を開いた。経済封鎖の解除を求める決議は賛成185、反対2、棄権2で採択された。",
     [V(185, 2, 2, "passed", UNGA, "2022-11-03", "決議", "賛成185、反対2、棄権2")]),
    ("【ニューヨーク2022年11月3日共同】国連総会は決議を賛成185、反対2で採択した。",
     [V(185, 2, None, "passed", UNGA, "2022-11-03", "決議", "賛成185、反対2")]),
    # a subject from another paragraph is not this vote's
    ("安保理は決議2231を採択した。\n\n国連総会では、賛成100、反対20、棄権5で採択された。",
     [V(100, 20, 5, "passed", UNGA, None, None, "賛成100、反対20、棄権5")]),
    # a later event's date is not the vote's
    ("条約は1996年9月10日、国連総会で賛成158、反対3、棄権5で採択された。",
     [V(158, 3, 5, "passed", UNGA, "1996-09-10", None, "賛成158、反対3、棄権5")]),
]

NOT_TALLIES = [
    ("世論調査では法案に賛成が52%、反対が40%だった。", []),
    ("調査では賛成52パーセント、反対40パーセントだった。", []),
    ("憲法改正に賛成は48.5%、反対は41.2%だった。", []),
    ("内閣支持率は支持38%、不支持45%だった。", []),
    ("賛成した議員は65歳、反対した議員は70歳だった。", []),
    ("日本は韓国に3対1で勝った。", []),
    ("試合は2-1で終わった。", []),
    ("与党は150議席、野党は100議席を獲得した。", []),
    ("賛成派が150議席、反対派が100議席を得た。", []),
    ("男女の比率は3対1の割合だった。", []),
    ("得票数は候補Aが1200票、候補Bが800票だった。", []),
    ("賛成派の集会に1万人、反対派の集会に3000人が集まった。", []),
]

MORE = [
    # Wikipedia style: the counts in brackets after the outcome phrase; 票 units
    ("2003年3月、同法案は下院で賛成多数(賛成335票、反対79票)で可決された。",
     [V(335, 79, None, "passed", None, "2003-03", "同法案", "賛成335票、反対79票")]),
    # Diet minutes: the chamber in the header, a bare 本案 (lines are blocks, joined by blank lines in the text)
    ("参議院 本会議\n○議長 投票の結果を報告いたします。\n投票総数 二百三十\n賛成 百五十\n反対 八十\nよって、本案は可決されました。",
     [V(150, 80, None, "passed", HC, None, None, "投票総数 二百三十\n\n賛成 百五十\n\n反対 八十", total=230)]),
    # a relative date and 同日 in the sentence
    ("米上院外交委員会は2010年9月16日に条約を承認した。上院本会議は同年12月22日、賛成71、反対26で承認した。",
     [V(71, 26, None, "passed", "US Senate", "2010-12-22", None, "賛成71、反対26")]),
    ("国連総会第1委員会は2021年11月1日、決議案を賛成150、反対4で採択した。同日、安保理も決議を賛成14、反対0、棄権1で採択した。",
     [V(150, 4, None, "passed", "UN General Assembly First Committee", "2021-11-01", "決議案", "賛成150、反対4"),
      V(14, 0, 1, "passed", UNSC, "2021-11-01", "決議", "賛成14、反対0、棄権1")]),
    # the Security Council's rule: nine votes needed
    ("安保理の採決は賛成7、反対2、棄権6だった。", [V(7, 2, 6, "rejected", UNSC, None, None, "賛成7、反対2、棄権6")]),
    # no against count given, clause forms with 票
    ("決議案は賛成120票、棄権40票で採択された。", [V(120, None, 40, "passed", None, None, "決議案", "賛成120票、棄権40票")]),
    # a lone count with a threshold is no tally; an outcome phrase alone is one record
    ("決議の採択には9か国以上の賛成が必要だ。", []),
    ("参院本会議は2024年6月5日、改正法を賛成多数で可決、成立させた。",
     [V(None, None, None, "passed", HC, "2024-06-05", "改正法", "賛成多数")]),
    # the US House: 米下院 then bare 下院 later
    ("米下院は2月に法案を審議した。下院は3月4日、法案を賛成240、反対190で可決した。",
     [V(240, 190, None, "passed", "US House of Representatives", "XXXX-03-04", "法案", "賛成240、反対190")]),
    # full-width dash tables and 対 with spaces
    ("米上院は条約を８８－２で承認した。", [V(88, 2, None, "passed", "US Senate", None, None, "88-2")]),
    ("採決の結果、62 対 37 で否決された。", [V(62, 37, None, "rejected", None, None, None, "62 対 37")]),
]

MORE2 = [
    # the Diet's 法律案 and a draft decision (決定案) are what was voted on; a treaty in a body's name is not
    ("衆議院本会議で、内閣提出の法律案が賛成310、反対130で可決された。",
     [V(310, 130, None, "passed", HR, None, "法律案", "賛成310、反対130")]),
    ("OPCWの執行理事会は決定案を賛成29、反対4、棄権8で採択した。",
     [V(29, 4, 8, "passed", "OPCW Executive Council", None, "決定案", "賛成29、反対4、棄権8")]),
    ("CWC締約国会議は2021年4月21日、賛成87、反対15、棄権34で採択した。",
     [V(87, 15, 34, "passed", "OPCW Conference of the States Parties", "2021-04-21", None, "賛成87、反対15、棄権34")]),
    # a committee after its body with の; a bare 本会議 and 翌日
    ("国連総会の第三委員会は決議案を賛成90、反対30、棄権60で採択した。",
     [V(90, 30, 60, "passed", "UN General Assembly Third Committee", None, "決議案", "賛成90、反対30、棄権60")]),
    ("衆議院の外務委員会は協定を賛成30、反対10で承認した。",
     [V(30, 10, None, "passed", HR + " Foreign Affairs Committee", None, None, "賛成30、反対10")]),
    # 日本時間 is not the local date's word, but the day is the sentence's
    ("安保理は現地時間5日、決議を賛成15、反対0で採択した。", [V(15, 0, None, "passed", UNSC, "XXXX-XX-05", "決議", "賛成15、反対0")]),
    ("米下院は2023年1月9日に法案を審議し、翌10日、賛成221、反対209で可決した。",
     [V(221, 209, None, "passed", "US House of Representatives", "2023-01-10", "法案", "賛成221、反対209")]),
    ("国連総会は2023年12月12日に本会議を開いた。同月15日、決議を賛成153、反対10、棄権23で採択した。",
     [V(153, 10, 23, "passed", UNGA, "2023-12-15", "決議", "賛成153、反対10、棄権23")]),
    # clause forms with 賛成票を投じ and 日本を含む; named countries with a veto verb after them
    ("国連総会では152カ国が賛成票を投じ、反対票を投じたのは米国など4カ国だった。",
     [V(152, 4, None, "passed", UNGA, None, None, "152カ国が賛成票を投じ、反対票を投じたのは米国など4カ国")]),
    ("安保理では13カ国が賛成、ロシアが反対、中国が棄権し、決議案は否決された。",
     [V(13, 1, 1, "rejected", UNSC, None, "決議案", "13カ国が賛成、ロシアが反対、中国が棄権")]),
    ("決議は賛成33対反対7、棄権7で採択された。", [V(33, 7, 7, "passed", None, None, "決議", "賛成33対反対7、棄権7")]),
    ("採択の結果、賛成票が反対票を大きく上回り、120対30で可決された。",
     [V(120, 30, None, "passed", None, None, None, "120対30")]),
    # who voted that way, then how many: 賛成の国は, 賛成に投じたのは
    ("採決では賛成の国は14カ国、反対の国は1カ国だった。",
     [V(14, 1, None, "passed", None, None, None, "賛成の国は14カ国、反対の国は1カ国")]),
    ("国連総会で賛成に投じたのは150カ国、反対に投じたのは4カ国だった。",
     [V(150, 4, None, "passed", UNGA, None, None, "賛成に投じたのは150カ国、反対に投じたのは4カ国")]),
    ("賛成の国は100を超え、反対の国は10に満たない。", []),
    # not tallies: comments counted, countries that signed and ratified, factions, seats, a poll as 対
    ("賛成意見が12件、反対意見が3件寄せられた。", []),
    ("条約には120か国が署名し、80か国が批准した。", []),
    ("賛成派は120人、反対派は80人だった。", []),
    ("議員定数465のうち与党が300議席を占める。", []),
    ("世論調査で賛成30%対反対60%となった。", []),
    ("日本は2対1で勝利し、決勝進出が決まった。", []),
]

CASES = MORE + MORE2 + LABELLED + VERSUS + CLAUSES + VETOES + ONE_RECORD_PER_VOTE + RESULTS + BODIES + SUBJECTS_DATES + NOT_TALLIES


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:20] for c in CASES])
def test_vote_records(text: str, expected: list[dict]) -> None:
    assert votes(text) == expected
