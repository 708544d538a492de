"""Vote records for phenomena found by reading jpnlp's output on new real pages (news, wire copy, IAEA/OPCW
reports, UN votes): each row is an invented sentence showing one phenomenon, every field compared exactly."""

from __future__ import annotations

import pytest

from jpnlp.votes import extract_votes

KEYS = ("for", "against", "abstain", "result", "body", "date", "text")
UNSC = "UN Security Council"


def V(for_, against, abstain, result, body, date, text):  # type: ignore[no-untyped-def]
    return {"for": for_, "against": against, "abstain": abstain, "result": result, "body": body, "date": date,
            "text": text}  # fmt: skip


def votes(text: str) -> list[dict]:
    return [{k: t.to_dict()[k] for k in KEYS} for t in extract_votes(text)]


CASES = [
    # a counted subject before the labelled counts (理事会の35のメンバーは賛成N票): N is the count, not one name
    ("OPCW理事会の41のメンバーは賛成30票、反対4票、棄権7票という結果で決議を可決した。",
     [V(30, 4, 7, "passed", "OPCW Executive Council", None, "賛成30票、反対4票、棄権7票")]),
    # a labelled count right before の賛成多数 stays its label's (棄権30カ国の賛成多数: one tally, not two)
    ("決議案は賛成100カ国、反対20カ国、棄権30カ国の賛成多数により採択された。",
     [V(100, 20, 30, "passed", None, None, "賛成100カ国、反対20カ国、棄権30カ国")]),
    # the breakdown of a vote given sentences later in one that restates the adoption (採択は…で、反対は…)
    (("決議案が7日、150カ国の賛成を得て採択された。米国は共同提案国に加わった。同国は核軍縮を重視する。"
     "採択は27年連続で、反対はイランとシリアの2カ国だった。ドイツなど35カ国は棄権した。"),
     [V(150, 2, 35, "passed", None, "XXXX-XX-07",
        "150カ国の賛成を得て採択された。米国は共同提案国に加わった。同国は核軍縮を重視する。"
        "採択は27年連続で、反対はイランとシリアの2カ国だった。ドイツなど35カ国は棄権")]),
    # names after a label that end at だけで (賛成はAとBだけで否決); the rest counted as abstaining
    ("安保理は3日、決議案を採決したが、賛成はロシアと中国だけで否決された。残る13カ国は棄権した。",
     [V(2, None, 13, "rejected", UNSC, "XXXX-XX-03", "賛成はロシアと中国だけで否決された。残る13カ国は棄権")]),
    # a listed country with its abbreviation in brackets (アラブ首長国連邦(UAE)) is still counted
    (("安保理は25日、決議案を採決した。常任理事国のロシアが拒否権を行使し、廃案になった。15カ国のうち賛成は11カ国。"
     "中国とインド、アラブ首長国連邦(UAE)が棄権した。"),
     [V(11, 1, 3, "rejected", UNSC, "XXXX-XX-25",
        "ロシアが拒否権を行使し、廃案になった。15カ国のうち賛成は11カ国。中国とインド、アラブ首長国連邦(UAE)が棄権")]),
    # a counted topic whose predicate is a vote, a reason between (Nカ国は、…を重視する姿勢を示し、棄権した)
    (("安保理は3日、決議案を採決した。10カ国が賛成したが、ロシアが拒否権を行使した。"
     "ケニア、ガーナ、ブラジル、インドの4カ国は、対話を重視する姿勢を示し、棄権した。"),
     [V(10, 1, 4, "rejected", UNSC, "XXXX-XX-03",
        "10カ国が賛成したが、ロシアが拒否権を行使した。ケニア、ガーナ、ブラジル、インドの4カ国は、対話を重視する姿勢を示し、棄権")]),
    # … but not one whose stretch holds a vote of its own (AなどN カ国は反対票を投じ、BなどMカ国は棄権した)
    ("総会は93カ国の賛成多数で可決した。イラン、シリアなど24カ国は反対票を投じ、インドなど58カ国は棄権した。",
     [V(93, 24, 58, "passed", None, None,
        "93カ国の賛成多数で可決した。イラン、シリアなど24カ国は反対票を投じ、インドなど58カ国は棄権")]),
    # the meeting's date (9日の執行理事会で) over an earlier event's (2017年3月の攻撃); a breakdown with no for-count
    # and no outcome of its own takes the outcome of the vote reported before it
    (("OPCWは9日の執行理事会で、2017年3月の攻撃を非難する決議を採択した。理事会は41カ国で構成。"
     "決議ではロシア、中国、イランが反対票を投じ、9カ国が棄権した。"),
     [V(None, 3, 9, "passed", "OPCW Executive Council", "XXXX-XX-09", "ロシア、中国、イランが反対票を投じ、9カ国が棄権")]),
    # in the vote's own sentence too: 9日に開催された理事会で, not 2017年3月に起きた攻撃
    ("OPCWは9日に開催された執行理事会で、2017年3月に起きた攻撃を非難する決議を賛成30、反対3で採択した。",
     [V(30, 3, None, "passed", "OPCW Executive Council", "XXXX-XX-09", "賛成30、反対3")]),
    # a bare 下院 whose country is named only after it (…バイデン米大統領に送付); a date in a later sentence that
    # reports a vote of its own is that vote's, not this one's
    (("この予算案は賛成300票、反対120票で可決された。下院を通過した予算案は、バイデン米大統領に送付される。\n"
      "これに先立ち、1月16日、米上院も別の法案を賛成80票、反対15票で可決している。"),
     [V(300, 120, None, "passed", "US House of Representatives", None, "賛成300票、反対120票"),
      V(80, 15, None, "passed", "US Senate", "XXXX-01-16", "賛成80票、反対15票")]),
    # the local date, not the one in brackets in Japan time (3月2日(日本時間3日未明))
    (("総会緊急特別会合は3月2日(日本時間3日未明)、決議を賛成多数で採択した。\n"
      "193カ国中、賛成は141カ国、反対は5カ国、棄権は35カ国だった。"),
     [V(141, 5, 35, "passed", None, "XXXX-03-02", "賛成は141カ国、反対は5カ国、棄権は35カ国")]),
    # a body named inside a quotation is not where the vote was; a body of the Council of Europe
    (("欧州議会と欧州評議会議員会議が30日、相次いで決議を採択した。\n欧州議会の決議は賛成300、反対200、棄権20で採択された。\n"
      "決議は「いっさいの行動は国連安保理によってとられなければならない」との立場を示した。\n"
      "一方、欧州評議会議員会議の決議は「武力行使は正当化できない」としている。賛成140、反対8、棄権5の圧倒的多数で採択された。"),
     [V(300, 200, 20, "passed", "European Parliament", "XXXX-XX-30", "賛成300、反対200、棄権20"),
      V(140, 8, 5, "passed", "Parliamentary Assembly of the Council of Europe", "XXXX-XX-30", "賛成140、反対8、棄権5")]),
    # a for-count that carried the vote, then a paragraph of votes cast with no outcome of its own: one record
    (("国連総会は23日、決議案を141カ国の賛成で採択した。法的拘束力はない。\n\n"
      "中国やインドを含む32カ国が棄権し、北朝鮮やシリアなど7カ国が反対。残りの国々は不参加だった。"),
     [V(141, 7, 32, "passed", "UN General Assembly", "XXXX-XX-23",
        "141カ国の賛成で採択した。法的拘束力はない。\n\n中国やインドを含む32カ国が棄権し、北朝鮮やシリアなど7カ国が反対")]),
    # a special session's name (国際連盟特別総会, 国連緊急特別総会) names the assembly
    ("1933年2月24日、国際連盟特別総会において報告書が審議され、賛成42票、反対1票、棄権1票で採択された。",
     [V(42, 1, 1, "passed", "League of Nations Assembly", "1933-02-24", "賛成42票、反対1票、棄権1票")]),
    ("国連緊急特別総会は2日、決議を賛成141、反対5、棄権35で採択した。",
     [V(141, 5, 35, "passed", "UN General Assembly", "XXXX-XX-02", "賛成141、反対5、棄権35")]),
    # a "国連総会" before the UN existed is the League's Assembly
    ("1933年2月24日に国連総会は勧告案を票決に付したが、賛成42、反対1、棄権1となった。",
     [V(42, 1, 1, "passed", "League of Nations Assembly", "1933-02-24", "賛成42、反対1、棄権1")]),
    # a table flattened one cell per line (header cells, spaced or not, then a label line and its numbers); each
    # line is a block of its own, joined by a blank line in the document text
    ("住民投票の開票結果\n\n町 名\n賛 成\n反 対\n北町\n1,200\n3,400\n南町\n5,100\n4,900\n注)投票率は48%。",
     [V(1200, 3400, None, "rejected", None, None, "1,200\n\n3,400"),
      V(5100, 4900, None, "passed", None, None, "5,100\n\n4,900")]),
    # a results list with leaders between label and number (・賛成…150); the body not one where a vote is only
    # planned (…本会議において採決にかけられる予定), but the vote reported before
    (("国連総会第一委員会は5日、決議案を採択した。なお、決議案は12月の国連総会本会議において採決にかけられる予定だ。\n"
      "■採択結果\n・賛成…150\n・反対…4\n・棄権…30"),
     [V(150, 4, 30, "passed", "UN General Assembly First Committee", "XXXX-XX-05",
        "賛成…150\n\n・反対…4\n\n・棄権…30")]),
    # Nカ国が同案を支持: a for-count with its object before the keyword; a veto before it joins it
    ("安保理は18日、決議案を否決した。米国が拒否権を行使したため。一方、米国以外の14カ国が同案を支持した。",
     [V(14, 1, None, "rejected", UNSC, "XXXX-XX-18", "米国が拒否権を行使したため。一方、米国以外の14カ国が同案を支持")]),
    # AはX、BもX: both counted; a veto in a relative clause (拒否権を行使していた米国は) is not this vote's outcome
    (("安保理は22日、決議案を採択した。以前の決議案に拒否権を行使していた米国は棄権に回り、ロシアも棄権した。\n"
     "投票結果は賛成13、反対0。"),
     [V(13, 0, 2, "passed", UNSC, "XXXX-XX-22", "米国は棄権に回り、ロシアも棄権した。\n\n投票結果は賛成13、反対0")]),
    # この日 left unresolved is no date: the vote's day is the one named before
    ("安保理は24日(現地時間)、決議案を採択した。安保理はこの日、決議案を賛成10票、反対0票、棄権5票で可決した。",
     [V(10, 0, 5, "passed", UNSC, "XXXX-XX-24", "賛成10票、反対0票、棄権5票")]),
    # a cast for-count (Nカ国が賛成した), a sentence with a number between, then the breakdown: one record
    (("国連総会第1委員会は26日、決議案を採択した。米国を含む150カ国が賛成した。同種の決議は18年連続。"
      "反対は北朝鮮のみ。中国、イランなど14カ国が棄権。"),
     [V(150, 1, 14, "passed", "UN General Assembly First Committee", "XXXX-XX-26",
        "150カ国が賛成した。同種の決議は18年連続。反対は北朝鮮のみ。中国、イランなど14カ国が棄権")]),
    # the abstentions after the two sides of a versus (N対M(棄権K), N対M、棄権K): one tally
    ("決議は152対4(棄権30)で採択された。", [V(152, 4, 30, "passed", None, None, "152対4(棄権30")]),
    ("決議は14対0、棄権1で採択された。", [V(14, 0, 1, "passed", None, None, "14対0、棄権1")]),
    # Nの賛成、Mの反対、Kの棄権: counts with no unit
    ("決議は152の賛成、4の反対、30の棄権で採択された。",
     [V(152, 4, 30, "passed", None, None, "152の賛成、4の反対、30の棄権")]),
    # … but not a threshold (3分の2の賛成票が必要)
    ("採択には3分の2の賛成票が必要だった。中国は反対票を投じた。", []),
    ("第2の反対理由は費用で、第3の賛成意見もある。", []),
    # a session's kind before an organ (定例理事会, IAEAの特別理事会) names the organ
    ("国際原子力機関(IAEA)は13日、ウィーンで開催された定例理事会で、決議案を賛成31、反対1、棄権3で採択した。",
     [V(31, 1, 3, "passed", "IAEA Board of Governors", "XXXX-XX-13", "賛成31、反対1、棄権3")]),
    ("IAEAの特別理事会は4日、決議を賛成27、反対3、棄権5で採択した。",
     [V(27, 3, 5, "passed", "IAEA Board of Governors", "XXXX-XX-04", "賛成27、反対3、棄権5")]),
    # a bare day the month of the dateline has no room for (30日 under 2月1日) is in the month before
    ("2003年2月1日\n【パリ30日】欧州議会は三十日、決議を賛成300、反対200、棄権20で採択した。",
     [V(300, 200, 20, "passed", "European Parliament", "2003-01-30", "賛成300、反対200、棄権20")]),
    # a confidence vote counts 信任 as for and 不信任 as against
    ("ドイツ連邦議会は3日、首相に対する信任投票を、信任150、不信任300、棄権20で否決した。",
     [V(150, 300, 20, "rejected", "Bundestag", "XXXX-XX-03", "信任150、不信任300、棄権20")]),
    # who voted that way, listed before the next sentence's count (A、BやCなど棄権N), does not keep the counts apart
    (("決議案は、反対はイランのみだった。ブラジルやエジプト、インド、キューバ、シリア、中国、ミャンマー、"
      "南アフリカなど棄権14、賛成は150となった。"),
     [V(150, 1, 14, "passed", None, None,
        "反対はイランのみだった。ブラジルやエジプト、インド、キューバ、シリア、中国、ミャンマー、南アフリカなど棄権14、賛成は150")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:16] for c in CASES])
def test_real_phenomena(text: str, expected: list[dict]) -> None:
    assert votes(text) == expected
