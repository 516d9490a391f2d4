//! Synonym and bilingual keyword groups used to expand queries.
//!
//! A group lists terms that mean the same thing for FAQ search, in any of the
//! supported languages: `["粗大ごみ", "大型ごみ", "bulky waste", "大件垃圾"]`.
//! When a query contains one member, the other members are added to the
//! query with a reduced weight. This is how an English question finds a
//! Japanese-only entry. The content pack supplies its own groups; the crate
//! ships a small general table ([`SynonymTable::builtin`]) of municipal
//! vocabulary that any Japanese town uses.

use crate::normalize::normalize;

/// A set of synonym groups, already normalized for matching. Build it with
/// [`SynonymTable::from_groups`] from the pack's plain lists of terms.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SynonymTable {
    groups: Vec<Vec<String>>,
}

impl SynonymTable {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// A table from plain groups of terms, as a content pack stores them
    /// (`[["粗大ごみ", "bulky waste"], …]`); each group goes through
    /// [`SynonymTable::add_group`].
    pub fn from_groups<G: AsRef<[S]>, S: AsRef<str>>(groups: &[G]) -> Self {
        let mut t = SynonymTable::new();
        for g in groups {
            t.add_group(g.as_ref());
        }
        t
    }

    /// The groups in match form (normalized), e.g. for display or export.
    pub fn groups(&self) -> &[Vec<String>] {
        &self.groups
    }

    /// Adds one group (blank members are ignored; a group needs at least two
    /// distinct members after normalization to have any effect).
    pub fn add_group<S: AsRef<str>>(&mut self, members: &[S]) {
        let mut g: Vec<String> = Vec::new();
        for m in members {
            let n = match_form(m.as_ref());
            if !n.is_empty() && !g.contains(&n) {
                g.push(n);
            }
        }
        if g.len() >= 2 {
            self.groups.push(g);
        }
    }

    /// Adds every group of `other` (the pack's table on top of the built-in one).
    pub fn extend(&mut self, other: &SynonymTable) {
        self.groups.extend(other.groups.iter().cloned());
    }

    /// Number of groups.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// True when there are no groups.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The members of every group that `query` mentions (`found`), and the
    /// other members of those groups (`added`). `query_match_form` must be in
    /// match form (see [`match_form`]).
    pub fn expand(&self, query_match_form: &str) -> Expanded {
        let padded = format!(" {query_match_form} ");
        let mut out = Expanded::default();
        for g in &self.groups {
            let found: Vec<&String> = g.iter().filter(|m| contains_term(&padded, m)).collect();
            if found.is_empty() {
                continue;
            }
            out.groups
                .push((found.iter().map(|m| (*m).clone()).collect(), g.clone()));
            for m in g {
                if found.contains(&m) {
                    if !out.found.contains(m) {
                        out.found.push(m.clone());
                    }
                } else if !out.added.contains(m) {
                    out.added.push(m.clone());
                }
            }
        }
        out
    }

    /// The general municipal vocabulary every Japanese town's FAQ uses: a few
    /// orthographic variants and the English, Chinese and Korean names of the
    /// most asked-about procedures, so foreign questions reach Japanese-only
    /// entries even before a pack adds its own groups.
    pub fn builtin() -> Self {
        let mut t = SynonymTable::new();
        for g in BUILTIN {
            t.add_group(g);
        }
        t
    }
}

/// The result of [`SynonymTable::expand`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Expanded {
    /// Group members the query contains.
    pub found: Vec<String>,
    /// Other members of those groups, to add to the query.
    pub added: Vec<String>,
    /// Every group the query mentions, as (members found in the query,
    /// all members): one concept of the query that any member expresses.
    pub groups: Vec<(Vec<String>, Vec<String>)>,
}

/// Normalized form used for matching group members against a query: the
/// normalized text, with Latin words stemmed so "certificates" matches
/// "certificate".
pub fn match_form(text: &str) -> String {
    let n = normalize(text);
    let mut out = String::with_capacity(n.len());
    for (i, w) in n.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if w.chars().all(|c| c.is_ascii_alphabetic()) {
            out.push_str(&crate::tokenize::stem(w));
        } else {
            out.push_str(w);
        }
    }
    out
}

/// Whether `padded` (match form with a space on each side) contains `term`:
/// Latin terms must align with word boundaries, CJK terms may sit anywhere.
fn contains_term(padded: &str, term: &str) -> bool {
    if term
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric())
    {
        padded.contains(&format!(" {term} "))
    } else {
        padded.contains(term)
    }
}

// One row per concept. Japanese first, then English, Chinese (simplified and
// traditional where they differ), Korean.
const BUILTIN: &[&[&str]] = &[
    &[
        "ごみ",
        "garbage",
        "trash",
        "rubbish",
        "waste",
        "垃圾",
        "쓰레기",
    ],
    &[
        "粗大ごみ",
        "bulky waste",
        "bulky garbage",
        "oversized garbage",
        "大件垃圾",
        "대형 쓰레기",
        "대형쓰레기",
    ],
    &[
        "資源ごみ",
        "recycling",
        "recyclable",
        "可回收垃圾",
        "재활용",
    ],
    &["分別", "sort", "separate", "分类", "分類", "분리"],
    &[
        "住民票",
        "residence certificate",
        "certificate of residence",
        "resident record",
        "住民证明",
        "居民证明",
        "주민표",
    ],
    &["転入", "move in", "moving in", "迁入", "遷入", "전입"],
    &["転出", "move out", "moving out", "迁出", "遷出", "전출"],
    &["引越し", "引っ越し", "moving", "move", "搬家", "이사"],
    &["印鑑登録", "seal registration", "印章登记", "인감등록"],
    &["印鑑証明", "seal certificate", "印章证明", "인감증명"],
    &[
        "マイナンバー",
        "個人番号",
        "my number",
        "个人编号",
        "個人編號",
        "마이넘버",
    ],
    &["戸籍", "family register", "koseki", "户籍", "호적"],
    &[
        "国民健康保険",
        "国保",
        "national health insurance",
        "国民健康保险",
        "국민건강보험",
    ],
    &["健康保険", "health insurance", "医疗保险", "건강보험"],
    &["国民年金", "年金", "pension", "养老金", "年金保险", "연금"],
    &["税", "税金", "tax", "taxes", "税务", "稅", "세금"],
    &[
        "住民税",
        "市民税",
        "resident tax",
        "residence tax",
        "居民税",
        "주민세",
    ],
    &[
        "子育て",
        "育児",
        "child care",
        "childcare",
        "parenting",
        "育儿",
        "육아",
    ],
    &[
        "保育所",
        "保育園",
        "nursery",
        "daycare",
        "day care",
        "托儿所",
        "保育园",
        "어린이집",
    ],
    &["幼稚園", "kindergarten", "幼儿园", "유치원"],
    &[
        "小学校",
        "elementary school",
        "primary school",
        "小学",
        "초등학교",
    ],
    &["学校", "school", "学校", "학교"],
    &[
        "妊娠",
        "母子手帳",
        "pregnancy",
        "pregnant",
        "maternity",
        "怀孕",
        "懷孕",
        "임신",
    ],
    &["出生届", "birth registration", "出生登记", "출생신고"],
    &["死亡届", "death registration", "死亡登记", "사망신고"],
    &["婚姻届", "marriage registration", "结婚登记", "혼인신고"],
    &[
        "介護",
        "nursing care",
        "long-term care",
        "护理",
        "護理",
        "개호",
        "요양",
    ],
    &[
        "障害",
        "障がい",
        "disability",
        "disabled",
        "残疾",
        "身心障礙",
        "장애",
    ],
    &[
        "生活保護",
        "welfare",
        "public assistance",
        "最低生活保障",
        "생활보호",
    ],
    &[
        "避難所",
        "避難場所",
        "evacuation",
        "shelter",
        "避难所",
        "避難所",
        "대피소",
    ],
    &["災害", "防災", "disaster", "灾害", "災害", "재해"],
    &["地震", "earthquake", "地震", "지진"],
    &["台風", "typhoon", "台风", "태풍"],
    &["バス", "bus", "公交", "公車", "버스"],
    &["駐車場", "parking", "停车场", "停車場", "주차장"],
    &[
        "駐輪場",
        "自転車",
        "bicycle",
        "bike",
        "自行车",
        "自行車",
        "자전거",
    ],
    &["図書館", "library", "图书馆", "圖書館", "도서관"],
    &["病院", "医療", "hospital", "clinic", "医院", "醫院", "병원"],
    &["救急", "emergency", "急救", "응급"],
    &[
        "予防接種",
        "ワクチン",
        "vaccination",
        "vaccine",
        "immunization",
        "疫苗",
        "预防接种",
        "예방접종",
    ],
    &[
        "健康診断",
        "健診",
        "検診",
        "health checkup",
        "medical checkup",
        "体检",
        "健康检查",
        "건강검진",
    ],
    &[
        "市役所",
        "役所",
        "区役所",
        "city hall",
        "city office",
        "town hall",
        "市政府",
        "市政府",
        "시청",
    ],
    &["窓口", "counter", "desk", "窗口", "창구"],
    &["証明書", "certificate", "证明", "證明", "증명서"],
    &[
        "手数料",
        "料金",
        "費用",
        "fee",
        "cost",
        "price",
        "charge",
        "费用",
        "費用",
        "수수료",
        "요금",
    ],
    &[
        "申請",
        "届出",
        "apply",
        "application",
        "申请",
        "申請",
        "신청",
    ],
    &[
        "外国人",
        "在留",
        "foreigner",
        "foreign resident",
        "外国人",
        "외국인",
    ],
    &[
        "ビザ",
        "在留資格",
        "visa",
        "residence status",
        "签证",
        "簽證",
        "비자",
    ],
    &["水道", "water supply", "water", "自来水", "自來水", "수도"],
    &["下水", "sewer", "sewage", "下水道", "하수"],
    &["犬", "dog", "狗", "개"],
    &["猫", "cat", "猫", "고양이"],
    &["公園", "park", "公园", "公園", "공원"],
    &["観光", "tourism", "sightseeing", "旅游", "觀光", "관광"],
    &[
        "仕事",
        "就職",
        "求人",
        "job",
        "employment",
        "work",
        "工作",
        "就业",
        "일자리",
        "취업",
    ],
    &[
        "住宅",
        "市営住宅",
        "housing",
        "public housing",
        "住房",
        "住宅",
        "주택",
    ],
    &[
        "選挙", "投票", "election", "vote", "voting", "选举", "選舉", "선거",
    ],
    &["パスポート", "旅券", "passport", "护照", "護照", "여권"],
    &["成人式", "coming of age", "成人礼", "성인식"],
    &[
        "高齢者",
        "お年寄り",
        "elderly",
        "senior",
        "老年人",
        "고령자",
        "노인",
    ],
    &[
        "児童手当",
        "child allowance",
        "儿童津贴",
        "兒童津貼",
        "아동수당",
    ],
    &[
        "医療費",
        "medical expense",
        "medical cost",
        "医疗费",
        "醫療費",
        "의료비",
    ],
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expansion_crosses_languages_both_ways() {
        let t = SynonymTable::builtin();
        let e = t.expand(&match_form("How do I throw away bulky garbage?"));
        assert!(e.added.contains(&"粗大ごみ".to_string()), "{e:?}");
        assert!(e.found.contains(&"bulky garbage".to_string()), "{e:?}");
        let e = t.expand(&match_form("粗大ゴミの出し方"));
        assert!(e.added.iter().any(|m| m == "bulky waste"), "{e:?}");
    }

    #[test]
    fn latin_terms_need_word_boundaries() {
        let t = SynonymTable::builtin();
        // "cat" must not fire inside "certificate".
        let e = t.expand(&match_form("certificate"));
        assert!(!e.added.contains(&"猫".to_string()), "{e:?}");
    }

    #[test]
    fn pack_groups_are_normalized() {
        let t =
            SynonymTable::from_groups(&[vec!["ゴミ袋".to_string(), "Garbage Bags".to_string()]]);
        assert_eq!(
            t.groups(),
            &[vec!["ごみ袋".to_string(), "garbage bag".to_string()]]
        );
    }

    #[test]
    fn groups_need_two_distinct_members() {
        let mut t = SynonymTable::new();
        t.add_group(&["ゴミ", "ごみ", " "]);
        assert!(t.is_empty());
        t.add_group(&["ごみ", "garbage"]);
        assert_eq!(t.len(), 1);
    }
}
