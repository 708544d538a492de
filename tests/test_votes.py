"""Vote tallies: a table of sentences written by hand, every field compared exactly."""

from __future__ import annotations

import pytest

from jpnlp.votes import extract_votes

KEYS = ("for", "against", "abstain", "other", "total", "result", "body", "date", "subject_ja", "text")


def V(for_, against, abstain, result, body, date, subject, text, other=None, total=None):  # type: ignore[no-untyped-def]
    return {"for": for_, "against": against, "abstain": abstain, "other": other, "total": total, "result": result,
            "body": body, "date": date, "subject_ja": subject, "text": text}  # fmt: skip


def votes(text: str) -> list[dict]:
    return [{k: t.to_dict()[k] for k in KEYS} for t in extract_votes(text)]


CASES = [
    # full-width counts with 、 and an outcome after them
    ("ロシア下院は２０００年４月１４日、ＳＴＡＲＴⅡ条約批准関連法を賛成２８８、反対１３１、棄権４で可決した。",
     [V(288, 131, 4, "passed", "State Duma", "2000-04-14", "STARTII条約批准関連法", "賛成288、反対131、棄権4")]),
    # units 票 and 人, half-width digits (the object after the counts, before its verb, is the subject)
    ("委員会は2021年3月2日、決議案を賛成14人、反対4人で可決した。",
     [V(14, 4, None, "passed", None, "2021-03-02", "決議案", "賛成14人、反対4人")]),
    ("国連総会は2017年7月7日、核兵器禁止条約を賛成122票、反対1票、棄権1票で採択した。",
     [V(122, 1, 1, "passed", "UN General Assembly", "2017-07-07", "核兵器禁止条約", "賛成122票、反対1票、棄権1票")]),
    # kanji numerals
    ("ロシア下院は賛成二百八十八、反対百三十一、棄権四で同法を可決した。",
     [V(288, 131, 4, "passed", "State Duma", None, None, "賛成二百八十八、反対百三十一、棄権四")]),
    # X対Y forms
    ("米上院は2010年12月22日、新START条約を71対26の賛成多数で承認した。",
     [V(71, 26, None, "passed", "US Senate", "2010-12-22", "新START条約", "71対26")]),
    ("米上院は1999年10月13日、包括的核実験禁止条約(CTBT)の批准を48対51で否決した。",
     [V(48, 51, None, "rejected", "US Senate", "1999-10-13", "包括的核実験禁止条約(CTBT)", "48対51")]),
    ("上院本会議は５１対５０で法案を可決した。",
     [V(51, 50, None, "passed", None, None, "法案", "51対50")]),
    ("動議は52―47で否決された。",
     [V(52, 47, None, "rejected", None, None, "動議", "52―47")]),
    # separators: ・ , ， colons, none, line breaks
    ("決議は賛成150・反対3・棄権20で採択された。", [V(150, 3, 20, "passed", None, None, "決議", "賛成150・反対3・棄権20")]),
    ("決議案は賛成150, 反対3, 棄権20で採択された。", [V(150, 3, 20, "passed", None, None, "決議案", "賛成150, 反対3, 棄権20")]),
    ("決議案は賛成１５０，反対３，棄権２０で採択された。", [V(150, 3, 20, "passed", None, None, "決議案", "賛成150,反対3,棄権20")]),
    ("採決結果は賛成:158、反対:3、棄権:15で、決議は採択された。", [V(158, 3, 15, "passed", None, None, "決議", "賛成:158、反対:3、棄権:15")]),
    ("決議案は賛成158反対3棄権15で採択された。", [V(158, 3, 15, "passed", None, None, "決議案", "賛成158反対3棄権15")]),
    # カ国 / か国 and a list of who voted which way
    ("国連総会第一委員会で決議案が賛成150カ国、反対3カ国(米国、イスラエル、パラオ)、棄権20カ国で採択された。",
     [V(150, 3, 20, "passed", "UN General Assembly First Committee", None, "決議案",
        "賛成150カ国、反対3カ国(米国、イスラエル、パラオ)、棄権20カ国")]),
    ("安保理は決議案を賛成13か国、反対0か国、棄権2か国で採択した。",
     [V(13, 0, 2, "passed", "UN Security Council", None, "決議案", "賛成13か国、反対0か国、棄権2か国")]),
    # with a total, and not-voting counted as other
    ("ロシア下院は投票総数４５０、賛成３００、反対１００、棄権５０で法案を可決した。",
     [V(300, 100, 50, "passed", "State Duma", None, "法案", "投票総数450、賛成300、反対100、棄権50", total=450)]),
    # attendance after the last count is recorded, but the span ends at the last count (dev README, VOTE)
    ("衆議院は賛成300、反対150、欠席15で法案を可決した。",
     [V(300, 150, None, "passed", "House of Representatives (Japan)", None, "法案", "賛成300、反対150", other=15)]),
    # が between label and number
    ("参議院本会議では賛成が150票、反対が90票で法案が可決、成立した。",
     [V(150, 90, None, "passed", "House of Councillors (Japan)", None, "法案", "賛成が150票、反対が90票")]),
    # two tallies in one sentence sharing one outcome; 批准 inside a law's name is no result
    ("４月１９日にはロシア上院でも、ＳＴＡＲＴⅡ条約批准関連法が賛成１２２、反対１５、棄権７で、またＡＢＭ条約関連文書批准法が賛成１１２、反対１５、棄権６で、それぞれ可決された。",
     [V(122, 15, 7, "passed", "Federation Council", "XXXX-04-19", "STARTII条約批准関連法", "賛成122、反対15、棄権7"),
      V(112, 15, 6, "passed", "Federation Council", "XXXX-04-19", "ABM条約関連文書批准法", "賛成112、反対15、棄権6")]),
    # each tally its own outcome
    ("下院は決議案Aを賛成10、反対2で可決し、修正案を賛成3、反対9で否決した。",
     [V(10, 2, None, "passed", None, None, "決議案", "賛成10、反対2"),
      V(3, 9, None, "rejected", None, None, "修正案", "賛成3、反対9")]),
    # outcome phrases without numbers
    ("衆議院本会議は2023年6月1日、防衛装備法案を賛成多数で可決した。",
     [V(None, None, None, "passed", "House of Representatives (Japan)", "2023-06-01", "防衛装備法案", "賛成多数")]),
    ("決議は全会一致で採択された。", [V(None, None, None, "passed", None, None, "決議", "全会一致")]),
    ("安保理決議は満場一致で採択された。", [V(None, None, None, "passed", "UN Security Council", None, "安保理決議", "満場一致")]),
    ("法案は起立多数で可決された。", [V(None, None, None, "passed", None, None, "法案", "起立多数")]),
    ("参院本会議は5日、改正法を自民、公明両党などの賛成多数で可決、成立した。",
     [V(None, None, None, "passed", "House of Councillors (Japan)", "XXXX-XX-05", "改正法", "賛成多数")]),
    ("不信任案は反対多数で否決された。", [V(None, None, None, "rejected", None, None, "不信任案", "反対多数")]),
    ("法案は審議未了で廃案となったが、修正案は賛成5、反対20で廃案となった。",
     [V(5, 20, None, "rejected", None, None, "修正案", "賛成5、反対20")]),
    # no outcome word: the numbers and a simple majority decide (dev NOTES: votes)
    ("採決の結果は賛成200、反対180だった。", [V(200, 180, None, "passed", None, None, None, "賛成200、反対180")]),
    # bare 上院 read from the country before it
    ("米国では上院が1999年に賛成48、反対51で否決した。",
     [V(48, 51, None, "rejected", "US Senate", "1999", None, "賛成48、反対51")]),
    # body and date carried over from the sentence before
    ("ロシア下院は2000年4月14日に条約を賛成288、反対131で可決した。またABM条約関連文書批准法を賛成413、反対8で可決した。",
     [V(288, 131, None, "passed", "State Duma", "2000-04-14", None, "賛成288、反対131"),
      V(413, 8, None, "passed", "State Duma", "2000-04-14", "ABM条約関連文書批准法", "賛成413、反対8")]),
    # a listed result, one count per line
    ("国連総会の採決結果は次のとおり。\n賛成：１５８\n反対：３\n棄権：１５\n決議案は採択された。",
     # (each line is its own block, so the tally text holds the blank lines that join blocks)
     [V(158, 3, 15, "passed", "UN General Assembly", None, None, "賛成:158\n\n反対:3\n\n棄権:15")]),
    # body, date and subject from the sentence before, which did not hold the tally
    ("米上院は1999年10月13日、包括的核実験禁止条約の批准を審議した。採決では賛成48、反対51で否決された。",
     [V(48, 51, None, "rejected", "US Senate", "1999-10-13", "包括的核実験禁止条約", "賛成48、反対51")]),
    # clause forms over sentences; an organ named by its organisation, then bare; result from the numbers
    ("国際原子力機関(IAEA)の理事会は10日、決議を採択した。理事会では28カ国が賛成し、2カ国が反対、5カ国が棄権した。",
     [V(28, 2, 5, "passed", "IAEA Board of Governors", "XXXX-XX-10", "決議",
        "28カ国が賛成し、2カ国が反対、5カ国が棄権")]),
    ("化学兵器禁止機関(OPCW)は第30回締約国会議を開いた。会議では決議が賛成100、反対10、棄権20で採択された。",
     [V(100, 10, 20, "passed", "OPCW Conference of the States Parties", None, "決議", "賛成100、反対10、棄権20")]),
    # a bare chamber takes the chamber named before it, not the country named last
    ("米下院は3日、法案を審議した。ロシアの反発は必至だ。下院での採決は賛成300、反対120だった。",
     [V(300, 120, None, "passed", "US House of Representatives", "XXXX-XX-03", "法案", "賛成300、反対120")]),
    # a committee after a bare chamber
    ("米国の上院外交委員会は条約を賛成14、反対5で承認した。",
     [V(14, 5, None, "passed", "US Senate Foreign Relations Committee", None, None, "賛成14、反対5")]),
    # the body named between the tally and its verb wins over one before it in the sentence
    ("参院で否決された法案は、賛成320票、反対140票と衆院で再可決された。",
     [V(320, 140, None, "passed", "House of Representatives (Japan)", None, "法案", "賛成320票、反対140票")]),
    # negated adoption; a veto; the Security Council's nine votes; foreign parliaments; UNGA committees in digits
    ("安保理は決議案を採決したが、賛成10、反対4、棄権1で採択されなかった。",
     [V(10, 4, 1, "rejected", "UN Security Council", None, "決議案", "賛成10、反対4、棄権1")]),
    ("安保理では13カ国が賛成したが、米国が拒否権を行使した。",
     [V(13, 1, None, "rejected", "UN Security Council", None, None, "13カ国が賛成したが、米国が拒否権を行使")]),
    ("安保理での採決は賛成8、反対2、棄権5だった。",
     [V(8, 2, 5, "rejected", "UN Security Council", None, None, "賛成8、反対2、棄権5")]),
    ("欧州議会は本会議で報告書を賛成500、反対100、保留50で採択した。",
     [V(500, 100, 50, "passed", "European Parliament", None, "報告書", "賛成500、反対100、保留50")]),
    ("国連総会第1委員会は決議案を賛成160、反対4、棄権10で採択した。",
     [V(160, 4, 10, "passed", "UN General Assembly First Committee", None, "決議案", "賛成160、反対4、棄権10")]),
    ("英下院は法案を賛成330、反対250で可決した。", [V(330, 250, None, "passed", "UK House of Commons", None, "法案", "賛成330、反対250")]),
    # the local date when both are given; the main clause's date, not a date inside a modifier
    ("国連総会は2019年10月5日(現地時間4日)、決議を賛成140、反対7、棄権30で採択した。",
     [V(140, 7, 30, "passed", "UN General Assembly", "2019-10-04", "決議", "賛成140、反対7、棄権30")]),
    ("総会は2020年3月2日、同年1月15日に提出された決議案を賛成120、反対30で採択した。",
     [V(120, 30, None, "passed", None, "2020-03-02", "決議案", "賛成120、反対30")]),
    # a resolution with its number is the subject
    ("安保理は決議2400を賛成15、反対0で採択した。", [V(15, 0, None, "passed", "UN Security Council", None, "決議2400", "賛成15、反対0")]),
    # a bill that names a treaty is the subject; so is a resolution about one
    ("米上院は2001年5月3日、CTBT批准法案を賛成45、反対52で否決した。",
     [V(45, 52, None, "rejected", "US Senate", "2001-05-03", "CTBT批准法案", "賛成45、反対52")]),
    ("国連総会は化学兵器禁止条約に関する決議を賛成150、反対3で採択した。",
     [V(150, 3, None, "passed", "UN General Assembly", None, "化学兵器禁止条約に関する決議", "賛成150、反対3")]),
    # clause forms listing who abstained before how many
    ("国連総会での採決で、棄権したのは中国、インドなど35カ国で、賛成は120カ国、反対は4カ国だった。",
     [V(120, 4, 35, "passed", "UN General Assembly", None, None, "棄権したのは中国、インドなど35カ国で、賛成は120カ国、反対は4カ国")]),
    # a tally that opens the text: the sentence about the vote after it gives body and date
    ("投票結果:賛成100、反対5、棄権3\n\n2018年5月1日の国連総会で採択された決議の結果である。",
     [V(100, 5, 3, "passed", "UN General Assembly", "2018-05-01", None, "賛成100、反対5、棄権3")]),
    # an outcome phrase with its counts in brackets is one vote
    ("法案は賛成多数(賛成152、反対4)で可決された。", [V(152, 4, None, "passed", None, None, "法案", "賛成152、反対4")]),
    # an outcome phrase restated by the counts in the next sentence is one vote, one record
    ("決議案は賛成多数で採択された。賛成は120、反対は10だった。", [V(120, 10, None, "passed", None, None, "決議案", "賛成は120、反対は10")]),
    # a table of ratification votes: one record per row cell, the body from the row label, the date from the column
    ("署名日 | 1990年1月2日 | 1995年3月4日 |\n米国での批准日 | 1991年5月1日 | 1997年6月2日 |\n米国での批准投票 | 90-8 | 70-29 |",
     [V(90, 8, None, "passed", "US Senate", "1991-05-01", None, "90-8"),
      V(70, 29, None, "passed", "US Senate", "1997-06-02", None, "70-29")]),
    # polite negative adoption; an outcome in the next sentence when the tally's own states none
    ("安保理は決議案を採決したが、賛成7、反対3、棄権5で、採択されませんでした。",
     [V(7, 3, 5, "rejected", "UN Security Council", None, "決議案", "賛成7、反対3、棄権5")]),
    ("安保理の採決では11カ国が賛成、3カ国が棄権したが、中国は反対票を投じた。中国の拒否権行使により、決議案は否決された。",
     [V(11, 1, 3, "rejected", "UN Security Council", None, None, "11カ国が賛成、3カ国が棄権したが、中国は反対票")]),
    # the outcome before the tally in its sentence; a breakdown of the vote just reported takes its result
    ("前回の決議を採択した際は、ペルーとチリが反対し、ボリビアが棄権していた。",
     [V(None, 2, 1, "passed", None, None, "決議", "ペルーとチリが反対し、ボリビアが棄権")]),
    ("決議は賛成100票、反対1票、棄権1票で採択された。\n\n反対はペルー、棄権はチリだった。",
     [V(100, 1, 1, "passed", None, None, "決議", "賛成100票、反対1票、棄権1票"),
      V(None, 1, 1, "passed", None, None, None, "反対はペルー、棄権はチリ")]),
    # no against count given: the for-count decides
    ("安保理では14カ国が賛成し、ロシアが棄権した。",
     [V(14, None, 1, "passed", "UN Security Council", None, None, "14カ国が賛成し、ロシアが棄権")]),
    # the body that is the clause's subject, not one that modifies a noun; a committee names its chamber for a
    # bare 上院 later; the organisation alone when no organ is named
    ("国連総会は5日、国連人権理事会における議席に関する決議案を賛成100、反対20で採択した。",
     [V(100, 20, None, "passed", "UN General Assembly", "XXXX-XX-05", "決議案", "賛成100、反対20")]),
    ("米上院外交委員会は条約を承認した。ロシアは反発した。上院での採決は賛成60、反対38だった。",
     [V(60, 38, None, "passed", "US Senate", None, None, "賛成60、反対38")]),
    ("国連で7月7日、条約が賛成100、反対2、棄権3で採択された。",
     [V(100, 2, 3, "passed", "UN", "XXXX-07-07", None, "賛成100、反対2、棄権3")]),
    # a table row: its date and result from the row
    ("会期 採択日 賛成 反対 棄権 可否\n60 2005年12月8日 168 2 7 成立",
     [V(168, 2, 7, "passed", None, "2005-12-08", None, "168 2 7")]),
    # a vote planned is not the vote reported
    (("国連総会第一委員会は3日、決議案を採択した。同様の決議案は来月、IAEA総会において採決される予定だ。\n\n採択結果\n"
     "賛成150、反対4、棄権20"),
     [V(150, 4, 20, "passed", "UN General Assembly First Committee", "XXXX-XX-03", None, "賛成150、反対4、棄権20")]),
    # a relative date restated by its day
    ("会議は2001年5月9日に召集され、翌日10日、決議を賛成100、反対3で採択した。",
     [V(100, 3, None, "passed", None, "2001-05-10", "決議", "賛成100、反対3")]),
    # look-alikes that are not tallies
    ("両国の戦略核弾頭を3000-3500発に削減する。", []),
    ("100基の迎撃ミサイルを配備する。", []),
    ("米露は6000-7000発の戦略核兵器を配備している。", []),
    ("支持率は賛成派が60%に上った。", []),
    ("1999年3-6月のコソボ爆撃に反対した。", []),
    ("3回の実験のうち2回が失敗した。", []),
    ("第2条と第9条に規定された。", []),
    ("条約の批准に賛成する議員が多い。", []),
    # a Diet roll call: a white ballot is a yes beside a blue one, the total listed with them
    ("衆議院本会議は2023年6月2日、法案を記名投票で採決し、投票総数450、白票300、青票150で可決した。",
     [V(300, 150, None, "passed", "House of Representatives (Japan)", "2023-06-02", "法案", "投票総数450、白票300、青票150",
        total=450)]),
    # the outcome in the sentence before its breakdown (a veto the numbers alone do not show)
    ("安保理は2024年3月4日、決議案を採決したが、ロシアが拒否権を行使し、否決された。賛成13か国、反対1か国、棄権1か国だった。",
     [V(13, 1, 1, "rejected", "UN Security Council", "2024-03-04", "決議案", "賛成13か国、反対1か国、棄権1か国")]),
    # a bare 本会議 after a committee is its chamber; 総会本会議 after a Main Committee is the Assembly
    ("法案は2019年5月7日に衆院外務委員会で可決され、本会議でも賛成310、反対140で可決された。",
     [V(310, 140, None, "passed", "House of Representatives (Japan)", "2019-05-07", "法案", "賛成310、反対140")]),
    ("国連総会第1委員会は2022年10月31日、決議案を賛成139、反対6、棄権35で採択した。同日、総会本会議でも賛成140、反対5で採択された。",
     [V(139, 6, 35, "passed", "UN General Assembly First Committee", "2022-10-31", "決議案", "賛成139、反対6、棄権35"),
      V(140, 5, None, "passed", "UN General Assembly", "2022-10-31", "決議案", "賛成140、反対5")]),
    # bodies of older texts and a committee of the House of Councillors
    ("国際連盟総会は1932年3月11日、決議を賛成45、反対0、棄権2で採択した。",
     [V(45, 0, 2, "passed", "League of Nations Assembly", "1932-03-11", "決議", "賛成45、反対0、棄権2")]),
    ("貴族院は1930年4月2日、予算案を賛成二百十、反対六十で可決した。",
     [V(210, 60, None, "passed", "House of Peers (Japan)", "1930-04-02", "予算案", "賛成二百十、反対六十")]),
    ("参院外交防衛委員会は2015年6月5日、協定を賛成20、反対5で承認した。",
     [V(20, 5, None, "passed", "House of Councillors (Japan) Foreign Affairs and Defense Committee", "2015-06-05", None,
        "賛成20、反対5")]),
    # a majority needed and not reached rejects, though the verb it names is 可決
    ("決議案は賛成60、反対40で、可決に必要な3分の2に届かなかった。",
     [V(60, 40, None, "rejected", None, None, "決議案", "賛成60、反対40")]),
    # 同委員会 / 同理事会: the body of that kind named last, not a body named in between
    (("米上院外交委員会は2021年3月3日、条約の審議を始めた。上院本会議での採決は来月になる見通しだ。"
     "同委員会は2021年3月10日、承認決議案を賛成14、反対4で可決した。"),
     [V(14, 4, None, "passed", "US Senate Foreign Relations Committee", "2021-03-10", "承認決議案", "賛成14、反対4")]),
    ("安保理は2022年5月5日に会合を開いた。国連総会も同日に会合を開いた。同理事会の採決は賛成13、反対2だった。",
     [V(13, 2, None, "passed", "UN Security Council", "2022-05-05", None, "賛成13、反対2")]),
    # the date after the tally, before its verb; not a later event's date in the same sentence
    ("交渉は2015年3月2日に始まった。条約は賛成90、反対4、棄権7で、2015年9月9日に採択された。",
     [V(90, 4, 7, "passed", None, "2015-09-09", None, "賛成90、反対4、棄権7")]),
    ("条約は賛成90、反対4、棄権7で採択され、2016年5月1日に発効した。",
     [V(90, 4, 7, "passed", None, None, None, "賛成90、反対4、棄権7")]),
    # the US House's 外交委員会 is its Foreign Affairs Committee (the Senate's: Foreign Relations)
    ("米下院外交委員会は2019年2月6日、法案を賛成30、反対10で可決した。",
     [V(30, 10, None, "passed", "US House of Representatives Foreign Affairs Committee", "2019-02-06", "法案",
        "賛成30、反対10")]),
    # two tallies in one sentence: the committee's and the plenary's, each with its own body and date
    ("条約の批准承認案は、米上院外交委員会で賛成14、反対5、本会議で賛成71、反対26でそれぞれ可決された。",
     [V(14, 5, None, "passed", "US Senate Foreign Relations Committee", None, "批准承認案", "賛成14、反対5"),
      V(71, 26, None, "passed", "US Senate", None, "批准承認案", "賛成71、反対26")]),
    ("決議案は、第1委員会で賛成139、反対6、棄権35、総会本会議で賛成140、反対5、棄権36で採択された。",
     [V(139, 6, 35, "passed", "UN General Assembly First Committee", None, "決議案", "賛成139、反対6、棄権35"),
      V(140, 5, 36, "passed", "UN General Assembly", None, "決議案", "賛成140、反対5、棄権36")]),
    ("ロシア下院は2011年1月14日、批准法案を賛成350、反対96、棄権1で可決し、上院も1月26日に賛成137、反対3で承認した。",
     [V(350, 96, 1, "passed", "State Duma", "2011-01-14", "批准法案", "賛成350、反対96、棄権1"),
      V(137, 3, None, "passed", "Federation Council", "2011-01-26", "批准法案", "賛成137、反対3")]),
    # two tallies after one date in their sentence: both take it, not an earlier sentence's
    (("ロシア下院は2001年6月2日に両法案を可決した。2001年6月9日には上院でも、第一法案が賛成60、反対5で、"
     "また第二法案が賛成58、反対7で、それぞれ可決された。"),
     [V(60, 5, None, "passed", "Federation Council", "2001-06-09", "第一法案", "賛成60、反対5"),
      V(58, 7, None, "passed", "Federation Council", "2001-06-09", "第二法案", "賛成58、反対7")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:16] for c in CASES])
def test_tallies(text: str, expected: list[dict]) -> None:
    assert votes(text) == expected


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        ("採決では賛成60、反対30だった。", "2021-06-30", "2021-06-30"),  # no date in the text: the document's
        ("国連総会は12月18日、決議を賛成100、反対20で採択した。", "2008-01-05", "2007-12-18"),  # its year
        ("国連総会は3月1日、決議を賛成100、反対20で採択した。", None, "XXXX-03-01"),
        # a bare day in a document without entities: the document's month, not an unknown one
        ("下院は7日、法案を賛成300、反対50で可決した。", "2014-11-09", "2014-11-07"),
        ("本年の審議で、上院は4日に賛成70、反対25で承認した。", "2012-05-20", "2012-05-04"),
    ],
)
def test_date_falls_back_to_the_document_date(text: str, doc_date: str | None, expected: str) -> None:
    from jpnlp.document import prepare
    from jpnlp.votes import document_votes

    document = prepare(text)
    document.doc_date = doc_date  # what jpnlp.docdate sets where it is present
    (t,) = document_votes(document)
    assert t.date == expected


def test_outcome_phrases_are_records_not_vote_mentions() -> None:
    import jpnlp

    doc = jpnlp.process("法案は全会一致で可決された。条約は賛成60、反対30で承認された。", nlp=jpnlp.load(fast=True))
    assert [(e.label, e.text) for e in doc.entities if e.label == "VOTE"] == [("VOTE", "賛成60、反対30")]
    assert [(v.text, v.result) for v in doc.votes] == [("全会一致", "passed"), ("賛成60、反対30", "passed")]


def test_plausibility_is_flagged_not_dropped() -> None:
    (t,) = extract_votes("ロシア下院は賛成500、反対10で可決した。")
    assert t.notes == ["510 votes counted, but the State Duma has 450 members"]
    (t,) = extract_votes("米上院は法案を40対60で可決した。")
    assert t.notes == ["result 'passed' but 40 for and 60 against"]
    (t,) = extract_votes("決議案は投票総数100、賛成80、反対30で可決された。")
    assert t.notes == ["counts add up to 110, more than the total of 100"]


def test_json_names_for_without_underscore() -> None:
    (t,) = extract_votes("決議案は賛成10、反対2で可決された。")
    d = t.to_dict()
    assert "for" in d and "for_" not in d
    assert (d["raw_start"], d["raw_end"]) == (4, 12)  # 決議案は|賛成10、反対2|


def test_body_from_the_header_of_minutes() -> None:
    """A roll call far below a header naming the chamber (会議録): the header's body."""
    speech = "○委員長(甲野太郎君) ただいま議題となりました法律案につきまして、審査の経過及び結果を御報告申し上げます。\n"
    text = (
        "第九十九回国会 参議院 本会議 第五号\n平成二年四月三日(火曜日)\n\n" + speech * 8
        + "○議長(乙野次郎君) 投票の結果を報告いたします。\n投票総数 二百四十\n可とする者(白票) 百五十\n否とする者(青票) 九十\n"
        + "○議長(乙野次郎君) 右の結果、本案は可決されました。\n"
    )  # fmt: skip
    (v,) = votes(text)
    assert (v["for"], v["against"], v["total"], v["body"], v["result"]) == (
        150, 90, 240, "House of Councillors (Japan)", "passed"
    )  # fmt: skip
