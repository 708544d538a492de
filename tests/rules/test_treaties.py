"""TREATY rules: names found from the grammar of Japanese treaty names."""

from __future__ import annotations

import pytest

from jpnlp.glossary import Entry, Glossary
from jpnlp.normalize import normalize
from jpnlp.rules.treaties import find_treaties

GLOSSARY = Glossary(
    [
        Entry("treaty.npt", "TREATY", "NPT", ja=("核兵器不拡散条約",), abbr=("NPT",)),
        Entry("treaty.new_start", "TREATY", "New START", ja=("新戦略兵器削減条約", "新START"), abbr=("New START",)),
        Entry("treaty.start_ii", "TREATY", "START II", ja=("第二次戦略兵器削減条約",), abbr=("START II",)),
        Entry("treaty.jcpoa", "TREATY", "JCPOA", ja=("包括的共同作業計画",), abbr=("JCPOA",)),
    ]
)


def treaties(text: str, glossary: Glossary | None = GLOSSARY) -> list[tuple[str, bool]]:
    return [(t.text, t.anaphor) for t in find_treaties(normalize(text), glossary)]


CASES: list[tuple[str, list[tuple[str, bool]]]] = [
    # long formal names, built with に関する / についての / を…する / 以外の / の
    (
        "「戦略弾道ミサイル以外の弾道ミサイルを迎撃するシステムに関する信頼醸成措置についての協定」に署名した",
        [("戦略弾道ミサイル以外の弾道ミサイルを迎撃するシステムに関する信頼醸成措置についての協定", False)],
    ),
    ("核兵器の不拡散に関する条約を批准した", [("核兵器の不拡散に関する条約", False)]),
    ("戦略的安定の諸原則に関する共同声明で合意", [("戦略的安定の諸原則に関する共同声明", False)]),
    ("ABM条約に関する第一合意声明", [("ABM条約に関する第一合意声明", False)]),
    ("ＡＢＭ条約に関する了解事項", [("ABM条約に関する了解事項", False)]),
    # abbreviations inside or after the name belong to the span
    ("ならびに対弾道ミサイル（ＡＢＭ）条約および", [("対弾道ミサイル(ABM)条約", False)]),
    ("化学兵器禁止条約（ＣＷＣ）や包括的核実験禁止条約（ＣＴＢＴ）といった多数国間協定", [("化学兵器禁止条約(CWC)", False), ("包括的核実験禁止条約(CTBT)", False)]),
    ("第二次戦略兵器削減条約（ＳＴＡＲＴⅡ条約）に署名した", [("第二次戦略兵器削減条約(STARTII条約)", False)]),
    ("ＳＴＡＲＴⅡ条約を批准", [("STARTII条約", False)]),
    ("中距離核戦力全廃条約とINF全廃条約", [("中距離核戦力全廃条約", False), ("INF全廃条約", False)]),
    # composed names are one mention; actions on a treaty are not part of it
    ("ＳＴＡＲＴⅡ条約議定書", [("STARTII条約議定書", False)]),
    ("ＳＴＡＲＴⅡ条約批准関連法を可決", [("STARTII条約批准関連法", False)]),
    ("ＡＢＭ条約関連文書批准法が可決された", [("ABM条約関連文書批准法", False)]),
    ("ＡＢＭ条約改正に反対", [("ABM条約", False)]),
    # a bracketed number is a note or list marker, on either side of a name
    ("注(3)ＡＢＭ条約は", [("ABM条約", False)]),
    ("同年(2)ＡＢＭ条約に", [("ABM条約", False)]),
    ("ＡＢＭ条約（１）は失効した", [("ABM条約", False)]),
    ("包括的核実験禁止条約（ＣＴＢＴ）（５）", [("包括的核実験禁止条約(CTBT)", False)]),
    ("ＳＴＡＲＴⅢ条約交渉の早期開始", [("STARTIII条約", False)]),
    ("ＡＢＭ条約議定書案を提出し", [("ABM条約議定書案", False)]),  # a draft is an instrument of its own
    ("国家ミサイル防衛法が可決され", [("国家ミサイル防衛法", False)]),
    ("中距離核戦力全廃条約(INF全廃条約)", [("中距離核戦力全廃条約(INF全廃条約)", False)]),
    ("対人地雷禁止条約（オタワ条約）に加入", [("対人地雷禁止条約(オタワ条約)", False)]),
    (
        "月その他の天体を含む宇宙空間の探査及び利用における国家活動を律する原則に関する条約",
        [("月その他の天体を含む宇宙空間の探査及び利用における国家活動を律する原則に関する条約", False)],
    ),
    (
        "平成７年９月１５日、化学兵器の開発、生産、貯蔵及び使用の禁止並びに廃棄に関する条約を批准",
        [("化学兵器の開発、生産、貯蔵及び使用の禁止並びに廃棄に関する条約", False)],
    ),
    ("イラン核合意から離脱し、同合意は", [("イラン核合意", False), ("同合意", True)]),
    ("両国は基本合意に達した", []),
    ("CTBTの批准を撤回する法律に署名", []),
    # anaphora
    ("ＳＴＡＲＴⅡ条約、同条約議定書および", [("STARTII条約", False), ("同条約議定書", True)]),
    ("同条約は発効していない", [("同条約", True)]),
    ("両条約の批准", [("両条約", True)]),
    # standalone abbreviations the glossary knows as treaties
    ("NPTとCTBTの関係", [("NPT", False)]),
    ("新STARTの延長", [("新START", False)]),
    ("包括的共同作業計画(JCPOA)から離脱", [("包括的共同作業計画(JCPOA)", False)]),
    # country pairs and katakana place names are name evidence
    ("日米安全保障条約に基づき", [("日米安全保障条約", False)]),
    ("ラロトンガ条約が発効", [("ラロトンガ条約", False)]),
    # not treaties
    ("条約の批准に強く反対した", []),
    ("多数国間協定の批准", []),
    ("核軍備管理協定の有無にかかわらず", []),
    ("このような協定の締結に反対し", []),
    ("北大西洋条約機構（ＮＡＴＯ）の同盟国", []),
    ("ワルシャワ条約機構解消の後", []),
    ("軍備管理の方法として", []),
    ("両国は共同宣言を発表した", []),
    ("政府は非常事態宣言を出した", []),
    ("核合意の再建が課題だ", []),
    ("国際法と憲法に違反する", []),
    ("ミンスク合意は崩壊した", [("ミンスク合意", False)]),
    ("日米共同宣言に署名した", [("日米共同宣言", False)]),
    ("非核兵器国への拡散", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:16] for c in CASES])
def test_treaties(text: str, expected: list[tuple[str, bool]]) -> None:
    assert treaties(text) == expected


def test_standalone_abbreviations_need_the_glossary() -> None:
    assert treaties("NPTとCTBTの関係", glossary=None) == []
