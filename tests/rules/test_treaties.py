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
REAL_TEXT_GLOSSARY = Glossary(
    [
        *GLOSSARY,
        Entry("treaty.ctbt", "TREATY", "CTBT", ja=("包括的核実験禁止条約",), abbr=("CTBT",)),
        Entry("treaty.sf_peace", "TREATY", "Treaty of Peace with Japan", ja=("日本国との平和条約",)),
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


# Real-text phenomena: brackets inside and after names, long formal titles, words before a name that are not
# part of it, laws, quoted short names, English names in Latin script.
REAL_TEXT_CASES: list[tuple[str, list[tuple[str, bool]]]] = [
    # brackets inside a name: an English name with its abbreviation, a katakana reading, a Japanese gloss
    ("中距離核戦力(Intermediate-Range Nuclear Forces、INF)全廃条約に署名", [("中距離核戦力(Intermediate-Range Nuclear Forces、INF)全廃条約", False)]),
    ("海底非核化(シーベッド)条約を批准", [("海底非核化(シーベッド)条約", False)]),
    ("特定通常兵器(非人道兵器)使用禁止制限条約の議定書", [("特定通常兵器(非人道兵器)使用禁止制限条約", False)]),
    # a short name followed by its formal title in brackets is one mention; an English name in brackets is not
    (
        "海底条約(核兵器及び他の大量破壊兵器の海底における設置の禁止に関する条約)が発効",
        [("海底条約(核兵器及び他の大量破壊兵器の海底における設置の禁止に関する条約)", False)],
    ),
    ("ラロトンガ条約(Treaty of Rarotonga)は", [("ラロトンガ条約", False), ("Treaty of Rarotonga", False)]),
    # okurigana inside a name; 及び between two place names
    ("米露枠組み合意が成立", [("米露枠組み合意", False)]),
    ("オーストラリア及びニュージーランド防衛協定", [("オーストラリア及びニュージーランド防衛協定", False)]),
    # を…する is part of a name only inside a formal title
    ("弾道ミサイルを削減する条約の交渉", []),
    ("宇宙空間における兵器の配置を防止する条約の草案", [("宇宙空間における兵器の配置を防止する条約", False)]),
    ("法的拘束力のある核軍縮を目指す条約", []),
    # a formal title that names its own instrument with この
    ("戦略兵器の制限に関する基本原則に関するこの協定は", [("戦略兵器の制限に関する基本原則に関するこの協定", False)]),
    # two names joined by および are two mentions
    (
        "核兵器の不拡散に関する条約および生物兵器の禁止に関する条約",
        [("核兵器の不拡散に関する条約", False), ("生物兵器の禁止に関する条約", False)],
    ),
    # words before a name that are not part of it
    ("今回包括的核実験禁止条約に署名しない", [("包括的核実験禁止条約", False)]),
    ("第3回核兵器不拡散条約(NPT)準備委員会", [("核兵器不拡散条約(NPT)", False)]),
    ("3月5日核兵器不拡散条約が発効", [("核兵器不拡散条約", False)]),
    ("同年包括的核実験禁止条約が採択され", [("包括的核実験禁止条約", False)]),
    ("こうした非核兵器地帯条約は各地に広がった", []),
    # laws: about a treaty or arms control, not security or anti-terror laws
    ("テロ対策特別措置法が成立した", []),
    ("安全保障関連法の採決", []),
    ("化学兵器禁止法を施行", [("化学兵器禁止法", False)]),
    # a country pair with a kind of treaty describes one (unless the glossary knows it)
    ("米ロ核軍縮条約の交渉", []),
    ("日ロ平和条約交渉", []),
    ("日米安全保障条約の改定", [("日米安全保障条約", False)]),
    # a common-word head counts only in a formal title
    ("核不拡散に関する東京ビジョンを発表", [("核不拡散に関する東京ビジョン", False)]),
    ("新たなビジョンを示した", []),
    # a quoted short name with its head is one mention; the quoted name alone later refers to it
    ("「7・4」共同声明を発表した。「7・4」の精神", [("「7・4」共同声明", False), ("7・4", False)]),
    ("「新START」条約", [("新START", False)]),
    # glossary forms as written, particles included
    ("日本国との平和条約を締結", [("日本国との平和条約", False)]),
    # abbreviations: a space after 新, glued to a lower-case word; not an organisation named after the treaty
    ("新 STARTの期限", [("新 START", False)]),
    ("CTBTsymposium", [("CTBT", False)]),
    ("CTBT機関の暫定技術事務局", []),
    # English names in Latin script: formal titles, the instrument inside a conference's name
    ("see the Treaty on the Non-Proliferation of Nuclear Weapons.", [("Treaty on the Non-Proliferation of Nuclear Weapons", False)]),
    (
        "Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons, New York",
        [("Treaty on the Non-Proliferation of Nuclear Weapons", False)],
    ),
    ("自由貿易協定(FTA:Free Trade Agreement)", []),
    # an English formal title in brackets is evidence that the Japanese before it is a name
    (
        "南極海洋生物資源保存条約(Convention on the Conservation of Antarctic Marine Living Resources)",
        [("南極海洋生物資源保存条約", False), ("Convention on the Conservation of Antarctic Marine Living Resources", False)],
    ),
    # adjectives inside a formal title; names joined by ・ are two mentions
    ("戦略攻撃兵器の更なる削減及び制限に関する条約を批准", [("戦略攻撃兵器の更なる削減及び制限に関する条約", False)]),
    ("核兵器の全面的な禁止に関する条約", [("核兵器の全面的な禁止に関する条約", False)]),
    ("化学兵器禁止条約・生物兵器禁止条約の締約国", [("化学兵器禁止条約", False), ("生物兵器禁止条約", False)]),
    # names listed without a separator end at each head; a composing word or an article goes on
    ("第1次戦略兵器削減条約第2次戦略兵器削減条約が", [("第1次戦略兵器削減条約", False), ("第2次戦略兵器削減条約", False)]),
    (
        "日米安全保障条約第六条に基づく施設及び区域に関する協定",
        [("日米安全保障条約第六条に基づく施設及び区域に関する協定", False)],
    ),
    # an abbreviation with = inside a name; a comma as an enumeration mark
    ("中距離核戦力(INF=Intermediate-Range Nuclear Forces)全廃条約", [("中距離核戦力(INF=Intermediate-Range Nuclear Forces)全廃条約", False)]),
    ("大気圏内,宇宙空間及び水中における核兵器実験を禁止する条約", [("大気圏内,宇宙空間及び水中における核兵器実験を禁止する条約", False)]),
    # a bare ratification law and a law on another subject are no names
    ("批准法が成立した", []),
    ("漁業振興に関する法律", []),
    # a treaty name's reading in brackets after it, or after (読み); a head read とりきめ on its own line
    ("宇宙平和利用条約(うちゅうへいわりようじょうやく、英語: Outer Space Treaty)は", [("宇宙平和利用条約", False), ("うちゅうへいわりようじょうやく", False), ("Outer Space Treaty", False)]),
    ("海底非核化協定(読み)かいていひかくかきょうてい(英語表記)", [("海底非核化協定", False), ("かいていひかくかきょうてい", False)]),
    ("第3次兵器制限取決め\nだいさんじへいきせいげんとりきめ\n", [("第3次兵器制限取決め", False), ("だいさんじへいきせいげんとりきめ", False)]),
    # a line wrapped inside a name; PDF spaces between kanji inside a formal title only
    ("米国が弾道ミサイル削減\n条約を破棄した", [("弾道ミサイル削減\n条約", False)]),
    ("深海底及び極地における核\n\nを配備する条約の説明", [("深海底及び極地における核\n\nを配備する条約", False)]),
    ("日程第二 深海底及び極地における核   兵器配備を禁止する条約締結", [("深海底及び極地における核   兵器配備を禁止する条約", False)]),
    ("年表\n核兵器不拡散条約", [("核兵器不拡散条約", False)]),
    ("深海底及び極地におけ   る核兵器配備を禁止する条約", [("深海底及び極地におけ   る核兵器配備を禁止する条約", False)]),
    ("深海底に関   する条約", [("深海底に関   する条約", False)]),
    # a break inside a word (what follows it is no name alone) is layout; a line before a name is not part of it
    ("包括的核実験 禁止条約の発効", [("包括的核実験 禁止条約", False)]),
    ("核兵器不拡\n散条約の締約国", [("核兵器不拡\n散条約", False)]),
    ("について\n禁止条約", []),
    ("見出し 核兵器不拡散条約", [("核兵器不拡散条約", False)]),
    # enumerations with katakana items and the legal 又はこれらに類する; an adjective inside a formal title
    (
        "「催涙ガス,神経ガス又はこれらに類するガス及び生物剤の使用の禁止に関する議定書」",
        [("催涙ガス,神経ガス又はこれらに類するガス及び生物剤の使用の禁止に関する議定書", False)],
    ),
    ("漁業協定第三条についての新たな措置に関する甲国と乙国との間の協定", [("漁業協定第三条についての新たな措置に関する甲国と乙国との間の協定", False)]),
    # an organisation named after a treaty; what a meeting reached; a draft of a known treaty; a bare kind
    ("対人地雷禁止条約履行支援ユニットの職員", []),
    ("第5回NPT運用検討会議における合意", [("NPT", False)]),
    ("核兵器不拡散条約案を審議した", [("核兵器不拡散条約", False)]),
    ("原則に関する合意書を交わした", [("原則に関する合意書", False)]),
    ("両国は安全保障条約を結んだ。削減条約の交渉", []),
    ("両国に米朝不可侵条約の締結を求めた", []),
    ("核実験停止条約に署名", [("核実験停止条約", False)]),
    # an abbreviation the text defines: after a treaty name it refers to it; after 交渉 it names the talks
    ("「中距離ミサイル全廃条約(=IRM)」を破棄。IRMは2国間の条約で、IRMCIRCは別", [("中距離ミサイル全廃条約(=IRM)", False), ("IRM", False)]),
    ("新戦略兵器削減交渉(START)が始まった。STARTは難航し、新STARTを結んだ", [("新START", False)]),
    ("CTBT(Comprehensive Test Ban Talks、交渉)の開始", []),
    ("SALT IIIについての協議", []),
    # English: a lost separator, commas without a space, a lower-case subject up to the end, short names
    ("英語: Treaty on the Prohibition of Nuclear WeaponsCTBT)", [("Treaty on the Prohibition of Nuclear Weapons", False), ("CTBT", False)]),
    ("Treaty on Tests in the Air,in Space,and under Water。", [("Treaty on Tests in the Air,in Space,and under Water", False)]),
    ("Treaty between Japan and the Kingdom of Spain on the reduction of naval arms。", [("Treaty between Japan and the Kingdom of Spain on the reduction of naval arms", False)]),
    ("The Treaty on Open Skies was signed by many states.", [("Treaty on Open Skies", False)]),
    ("英語: Intermediate Range Missile Treaty II; IRM", [("Intermediate Range Missile Treaty II", False)]),
    ("NATO (North Atlantic Treaty Organization)", []),
    # after a label (英語:) one capitalised word before the head will do; unlabelled it will not
    ("海底非核化条約(英語: Seabed Treaty)", [("海底非核化条約", False), ("Seabed Treaty", False)]),
    ("the Seabed Treaty was", []),
    ("自由貿易協定(英語: Free Trade Agreement)", []),
    # old character forms read as new ones, the span as written; katakana-era connectors and particles
    ("甲國と乙國との間の通商航海條約を廢棄", [("甲國と乙國との間の通商航海條約", False)]),
    ("日露漁業條約ヲ締結", [("日露漁業條約", False)]),
    ("帝國政府ハ空爆制限ニ關スル條約ヲ批准ス", [("空爆制限ニ關スル條約", False)]),
    ("甲國ト乙國トノ間ノ同盟協約", [("甲國ト乙國トノ間ノ同盟協約", False)]),
    ("日ソ中立条約と米ロ間の協定", [("日ソ中立条約", False)]),
    ("帝國政府ハ倫敦ニ於テ署名セラレタル空爆制限ニ關スル條約ヲ批准ス", [("空爆制限ニ關スル條約", False)]),
    ("五國條約及二国間条約", [("五國條約", False)]),
    ("五國條約及九國條約", [("五國條約", False), ("九國條約", False)]),
    # foreign names joined by = inside one name; a kind of treaty is no name
    ("ケロッグ＝ブリアン条約に署名", [("ケロッグ=ブリアン条約", False)]),
    ("ルサカ＝ザンビア常駐代表", []),
    ("各地の非核兵器地帯条約と南太平洋非核地帯条約", [("南太平洋非核地帯条約", False)]),
    # による inside a formal title; a title about the law of a head (条約法に関する…)
    ("油による河川の汚濁の防止のための国際条約の締結", [("油による河川の汚濁の防止のための国際条約", False)]),
    ("国連による制裁と両国による条約", []),
    ("決議9における5大国による宣言", []),
    ("協定法に関する甲国条約", [("協定法に関する甲国条約", False)]),
    # a numbered or optional protocol to a treaty composes with it
    ("ハーグ諸条約第二追加議定書と海洋汚染防止条約選択議定書", [("ハーグ諸条約第二追加議定書", False), ("海洋汚染防止条約選択議定書", False)]),
    # a month and day joined by ・ name what was signed that day; a plain date before a name does not
    ("5・20甲乙共同宣言と3・1宣言", [("5・20甲乙共同宣言", False), ("3・1宣言", False)]),
    ("5月20日南北共同宣言", [("南北共同宣言", False)]),
    # a leading kanji city name: named after where it was signed or adopted
    ("天津議定書と上海共同宣言", [("天津議定書", False), ("上海共同宣言", False)]),
    # a Russian name in Cyrillic with a head word
    ("(ロシア語: Договор о дружбе Японии и Испании)", [("Договор о дружбе Японии и Испании", False)]),
    ("(ロシア語: Министерство иностранных дел)", []),
    # a bracket with a single capitalised word is no abbreviation
    ("全文\n武器輸出規制条約(Wikisource)\n", [("武器輸出規制条約", False)]),
    # a dictionary headword's reading on a line of its own
    ("部分的核実験禁止条約\nぶぶんてきかくじっけんきんしじょうやく\n", [("部分的核実験禁止条約", False), ("ぶぶんてきかくじっけんきんしじょうやく", False)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), REAL_TEXT_CASES, ids=[c[0][:16] for c in REAL_TEXT_CASES])
def test_real_text(text: str, expected: list[tuple[str, bool]]) -> None:
    assert treaties(text, REAL_TEXT_GLOSSARY) == expected


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:16] for c in CASES])
def test_treaties(text: str, expected: list[tuple[str, bool]]) -> None:
    assert treaties(text) == expected


def test_standalone_abbreviations_need_the_glossary() -> None:
    assert treaties("NPTとCTBTの関係", glossary=None) == []


# What a peace, an armistice or an alliance settles is evidence of a name; the bare kind is not one.
SETTLEMENT_CASES = [
    ("対日講和条約の発効により", [("対日講和条約", False)]),
    ("インドシナ休戦協定が結ばれた", [("インドシナ休戦協定", False)]),
    ("両国は南部休戦協定に署名した", [("南部休戦協定", False)]),
    ("中印友好条約を延長した", [("中印友好条約", False)]),
    ("休戦協定の締結を急いだ", []),
    ("講和条約に調印した", []),
    ("相互援助条約を結ぶ", []),
]


@pytest.mark.parametrize(("text", "expected"), SETTLEMENT_CASES, ids=[c[0][:12] for c in SETTLEMENT_CASES])
def test_what_a_settlement_settles_is_evidence_of_a_name(text: str, expected: list[tuple[str, bool]]) -> None:
    assert treaties(text, None) == expected


def test_a_verb_before_a_settlement_is_not_part_of_its_name() -> None:
    glossary = Glossary([Entry("treaty.x", "TREATY", "Neutrality Pact", ja=("日ソ中立条約",))])
    assert treaties("ソ連は日本に対し日ソ中立条約の破棄を通告した。", glossary) == [("日ソ中立条約", False)]
    # no span that starts with a verb: に対し ends before the name
    assert treaties("米国に対し対日講和条約を示した。", None) == [("対日講和条約", False)]


# Phenomena of real text (old texts, Diet minutes, wire copy), each shown with invented sentences.
REAL_PHENOMENA_GLOSSARY = Glossary(
    [
        *GLOSSARY,
        Entry("treaty.alliance", "TREATY", "Alliance", ja=("甲乙同盟",)),
        Entry("treaty.talks", "TREATY", "Talks", ja=("甲乙削減交渉",)),
        Entry("treaty.ccw", "TREATY", "CCW", ja=("甲兵器条約",)),
        Entry("treaty.kb", "TREATY", "Kellogg–Briand Pact", ja=("不戦条約",)),
    ]
)
REAL_PHENOMENA: list[tuple[str, list[tuple[str, bool]]]] = [
    # a glossary form without a head word is a name as written; the talks a glossary lists are not
    ("イランは包括的共同作業計画の履行を停止した", [("包括的共同作業計画", False)]),
    ("両国は甲乙同盟を結び、甲乙削減交渉を始めた", [("甲乙同盟", False)]),
    # a chain of one-character country names is evidence of a name; with a kind word it is a description
    ("日独伊経済協定を結んだ", [("日独伊経済協定", False)]),
    ("米英仏核軍縮条約を求める", []),
    # a count of powers, with a counter and after an era name; 二か国間 is a kind
    ("幕府は安政五か国条約を結んだ", [("安政五か国条約", False)]),
    ("九カ国条約と四ヶ国条約", [("九カ国条約", False), ("四ヶ国条約", False)]),
    ("二カ国間条約を結ぶ", []),
    # a bill number in brackets is no part of the title after it (agenda lines joined)
    ("承認を求めるの件(条約第五号)関税及び貿易に関する一般協定の改正", [("関税及び貿易に関する一般協定", False)]),
    # a verb phrase whose object is a name: what the instrument sets up or amends
    ("甲国際機関を設立する協定に署名した", [("甲国際機関を設立する協定", False)]),
    ("国際砂糖協定の有効期間を延長する議定書を承認", [("国際砂糖協定の有効期間を延長する議定書", False)]),
    ("核戦力を制限する条約を結ぶ", []),
    # Diet minutes with wrapped lines joined by runs of spaces
    (
        "原子力の平和的利用における協力のた    めの甲国政府と乙国政府    との間の協定の締結について承認を求    めるの件",
        [("原子力の平和的利用における協力のた    めの甲国政府と乙国政府    との間の協定", False)],
    ),
    ("本日の会議に付した案件国際砂糖協定の締結", [("国際砂糖協定", False)]),
    # 国際 and what the instrument regulates; 国際 and how states act together is a kind
    ("国際砂糖協定と国際協力協定", [("国際砂糖協定", False)]),
    # an organisation's constitution
    ("世界甲機関憲章の改正", [("世界甲機関憲章", False)]),
    # old titles list the parties with 、 and 及, and 間 (between)
    ("名称は「甲国、乙国及丙国間三国条約(昭和十五年条約第九号)」で", [("甲国、乙国及丙国間三国条約", False)]),
    ("甲國及乙國間條約ヲ締結ス", [("甲國及乙國間條約", False)]),
    # a kind word before a name in Latin letters is not part of it
    ("米国は核軍縮ABM条約を破棄した", [("ABM条約", False)]),
    # an abbreviation equated with a name by = is a mention of its own
    ("核軍縮条約、INF=中距離核戦力全廃条約の履行", [("INF", False), ("中距離核戦力全廃条約", False)]),
    ("「中距離核戦力全廃条約=INF」の破棄", [("中距離核戦力全廃条約", False), ("INF", False)]),
    # an English short name in the bracket right after a Japanese name
    ("ペリー条約(Perry Treaty)とも呼ばれる", [("ペリー条約", False), ("Perry Treaty", False)]),
    # a treaty of amity and commerce after the parties' names; the bare kind is none
    ("甲国乙国修好通商条約を結ぶ", [("甲国乙国修好通商条約", False)]),
    ("修好通商条約と平和友好条約", []),
    # old forms with a glyph's variation selector (dropped by normalization); 媾和 and 還付 are what is settled
    ("甲乙兩國媾\U000e0101和條\U000e0101約を結ぶ", [("甲乙兩國媾和條約", False)]),
    ("干渉の結果、甲半島還付条約に調印", [("甲半島還付条約", False)]),
    ("還付条約と媾和条約", []),
    # a bracket with a reading and an old form holds two more mentions, not a short name; labels with their colon lost
    ("または京都条約(きょうとじょうやく、旧字体京都條約)は", [("京都条約", False), ("きょうとじょうやく", False), ("京都條約", False)]),
    ("正式名称日米和親条約。条文リンク日米修好通商条約", [("日米和親条約", False), ("日米修好通商条約", False)]),
    # an abbreviation with its katakana reading in the bracket after a name joins it and is defined by it
    ("日韓情報保護協定(GSIA ジーシア)が失効した。GSIAは協定で", [("日韓情報保護協定(GSIA ジーシア)", False), ("GSIA", False)]),
    ("日韓情報保護協定(GSIA(ジーシア))について", [("日韓情報保護協定(GSIA(ジーシア))", False)]),
    # letter-spaced PDF text: names found without the spaces, spans as written; a section number is no part
    ("本 稿 で は 、 提 案 さ れ た S\nT A R T III 条 約 に つ い て 論 じ る", [("S\nT A R T III 条 約", False)]),
    ("2 3S T A R T II 条 約 効 力 発 生 の 阻 害 要 因", [("S T A R T II 条 約", False)]),
    # an instrument about the term of another composes with its name
    ("甲国地先沖合における漁業に関する甲国政府と乙国政府との間の協定有効期間延長に関する議定書の締結",
     [("甲国地先沖合における漁業に関する甲国政府と乙国政府との間の協定有効期間延長に関する議定書", False)]),
    # a treaty's own protocol after の; an organisation named after a treaty inside a formal title
    ("甲機関の保障措置協定の追加議定書の締結", [("甲機関の保障措置協定の追加議定書", False)]),
    ("同条約の追加議定書に署名", [("同条約の追加議定書", True)]),
    ("情報の保護に関する甲国政府と北大西洋条約機構との間の協定", [("情報の保護に関する甲国政府と北大西洋条約機構との間の協定", False)]),
    # old heads and parties: 条規, 協商, one-character country names of old texts, two signatories' names
    ("明治四年日清修好条規ヲ締結ス", [("日清修好条規", False)]),
    ("英露協商と日満議定書", [("英露協商", False), ("日満議定書", False)]),
    ("甲・タフト協定と乙・ランシング協定", [("甲・タフト協定", False), ("乙・ランシング協定", False)]),
    ("西日本地域協定と捕虜交換協定", []),
    # a year of the sexagenary cycle names what was signed in it; 修交 is what a treaty settles
    ("丙子修交条約と辛丑条約", [("丙子修交条約", False), ("辛丑条約", False)]),
    # an English name with an en dash between two names and a year at its end
    ("英語表記: Japan–Spain Treaty of 1868", [("Japan–Spain Treaty of 1868", False)]),
    # a treaty's protocols by their numbers; a place before a known name; an infobox's last line
    ("第一議定書は破片を、改定第二議定書は地雷を扱う", [("第一議定書", False), ("改定第二議定書", False)]),
    ("パリ不戦条約に署名", [("パリ不戦条約", False)]),
    ("ウィキソース原文\n\n不戦条約は", [("不戦条約", False)]),
    # に基づく before a known name modifies it; right before the head it describes; 諸 after a connector is a kind
    ("人道的アプローチに基づく核兵器不拡散条約の追求", [("核兵器不拡散条約", False)]),
    ("人道の主張に基づく条約の形成と軍縮に関する諸条約", []),
    # a list's bullet is no part of the name
    ("【甲】\n・日米安全保障条約第5条は", [("日米安全保障条約", False)]),
    # a katakana-era particle after a date is no part of the name
    ("大正四年ノ南甲及東部乙ニ関スル条約", [("南甲及東部乙ニ関スル条約", False)]),
    # に関し is a verb before a name, not okurigana inside one
    ("要綱に関し日独経済協定を結んだ", [("日独経済協定", False)]),
    # a treaty name (the glossary's) composed with the instrument that amends it
    ("甲兵器条約改正議定書により", [("甲兵器条約改正議定書", False)]),
    ("甲兵器条約の改正された地雷に関する議定書に調印", [("甲兵器条約の改正された地雷に関する議定書", False)]),
    # the kanji of pre-war texts for foreign cities name where an instrument was signed
    ("華府条約と倫敦海軍条約", [("華府条約", False), ("倫敦海軍条約", False)]),
    # に対する and あらゆる inside a formal title; alone they describe
    ("甲に対するあらゆる形態の乙の撤廃に関する条約の選択議定書", [("甲に対するあらゆる形態の乙の撤廃に関する条約の選択議定書", False)]),
    ("甲国に対する共同声明", []),
    # an organisation's founding treaty, with its short name in brackets
    ("甲協力開発機構条約(OECD条約)が発効", [("甲協力開発機構条約(OECD条約)", False)]),
    ("国際機関協定と関係機関合意", []),
    ("国際貿易協定と国際投資協定", []),
    # an infobox label on a line of its own is not the rest of the line before
    ("設定等に関する規定\n関連条約 日米和親条約", [("日米和親条約", False)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), REAL_PHENOMENA, ids=[c[0][:16] for c in REAL_PHENOMENA])
def test_real_text_phenomena(text: str, expected: list[tuple[str, bool]]) -> None:
    assert treaties(text, REAL_PHENOMENA_GLOSSARY) == expected
