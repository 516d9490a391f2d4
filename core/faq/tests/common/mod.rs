//! A small FAQ written for these tests: a fictional town hall, mostly
//! Japanese-only entries (as real packs are), a few translated ones, one
//! menu answer, departments with phone and hours, a pack synonym table.
#![allow(dead_code)]

use machi_common::{Lang, LocalizedText};
use machi_faq::{Category, Department, FaqBot, FaqEntry, SynonymTable};

fn ja(s: &str) -> LocalizedText {
    LocalizedText::single(Lang::Ja, s)
}

fn dept(name: &str, en: &str, phone: &str) -> Department {
    Department {
        name: ja(name).with(Lang::En, en),
        phone: Some(phone.to_string()),
        hours: Some(ja("平日 8時30分〜17時15分").with(Lang::En, "Weekdays 8:30–17:15")),
    }
}

fn cat(id: &str, name: &str, en: &str) -> Option<Category> {
    Some(Category {
        id: id.to_string(),
        name: ja(name).with(Lang::En, en),
    })
}

fn entry(id: &str, q: &str, a: &str, c: Option<Category>, d: Department) -> FaqEntry {
    FaqEntry {
        id: id.to_string(),
        question: ja(q),
        answer: ja(a),
        category: c,
        department: Some(d),
        keywords: Vec::new(),
        examples: Vec::new(),
    }
}

/// The fixture entries.
pub fn entries() -> Vec<FaqEntry> {
    let kankyo = || dept("環境課", "Environment Division", "0293-00-1111");
    let shimin = || dept("市民課", "Citizens Division", "0293-00-2222");
    let kosodate = || dept("こども課", "Children Division", "0293-00-3333");
    let waste = || cat("waste", "ごみ・リサイクル", "Waste and recycling");
    let papers = || cat("papers", "届出・証明", "Registration and certificates");
    let kids = || cat("kids", "子育て", "Child rearing");
    let mut v = vec![
        entry(
            "waste-bulky",
            "粗大ごみの出し方を教えてください。",
            "粗大ごみは事前申込制です。粗大ごみ受付センターに電話で申し込み、指定日の朝8時までに処理券を貼って出してください。手数料は1点400円です。",
            waste(),
            kankyo(),
        ),
        entry(
            "waste-days",
            "燃えるごみの収集日はいつですか。",
            "燃えるごみは地区ごとに週2回収集します。収集日はごみカレンダーで確認してください。",
            waste(),
            kankyo(),
        ),
        entry(
            "waste-recycle",
            "資源ごみ（缶・びん・ペットボトル）の分別方法を知りたい。",
            "缶、びん、ペットボトルはそれぞれ別の袋に入れ、資源ごみの日に出してください。キャップとラベルははがしてください。",
            waste(),
            kankyo(),
        ),
        entry(
            "cert-juminhyo",
            "住民票の写しはどこで取れますか。",
            "住民票の写しは市民課の窓口とコンビニ交付で取得できます。手数料は1通300円です。マイナンバーカードがあればコンビニでも取れます。",
            papers(),
            shimin(),
        ),
        entry(
            "cert-inkan",
            "印鑑登録をしたい。",
            "印鑑登録は本人が登録する印鑑と本人確認書類を持って市民課の窓口で申請してください。",
            papers(),
            shimin(),
        ),
        entry(
            "move-in",
            "転入届の手続きを知りたい。",
            "引越してきた日から14日以内に市民課で転入届を出してください。前の住所地の転出証明書が必要です。",
            papers(),
            shimin(),
        ),
        entry(
            "kids-nursery",
            "保育所の入所申込みについて知りたい。",
            "保育所の入所は毎月1日が基準日です。前月10日までにこども課へ申込書を提出してください。",
            kids(),
            kosodate(),
        ),
        entry(
            "kids-support",
            "子育て支援の制度について知りたい。",
            "以下のいずれについて知りたいですか。１．児童手当。２．子ども医療費助成。３．保育所の入所申込み。",
            kids(),
            kosodate(),
        ),
        entry(
            "kids-allowance",
            "児童手当はいつ支給されますか。",
            "児童手当は2月、6月、10月の年3回、前月分までをまとめて支給します。",
            kids(),
            kosodate(),
        ),
        entry(
            "kids-medical",
            "子ども医療費助成の対象を知りたい。",
            "市内に住む中学生までの子どもの医療費の自己負担分を助成します。",
            kids(),
            kosodate(),
        ),
    ];
    // Two entries translated by the publisher.
    if let Some(e) = v.iter_mut().find(|e| e.id == "cert-juminhyo") {
        e.question.set(
            Lang::En,
            "Where can I get a copy of my residence certificate?",
        );
        e.answer.set(
            Lang::En,
            "You can get a copy at the Citizens Division counter or at a convenience store with your My Number Card. The fee is 300 yen per copy.",
        );
    }
    if let Some(e) = v.iter_mut().find(|e| e.id == "waste-days") {
        e.keywords = vec!["burnable".to_string(), "collection day".to_string()];
    }
    v
}

/// The pack's own synonym groups.
pub fn pack_synonyms() -> SynonymTable {
    let mut t = SynonymTable::new();
    t.add_group(&[
        "燃えるごみ",
        "可燃ごみ",
        "burnable garbage",
        "可燃垃圾",
        "타는 쓰레기",
    ]);
    t.add_group(&["収集日", "collection day", "收集日", "수거일"]);
    t.add_group(&[
        "子ども医療費助成",
        "children's medical subsidy",
        "儿童医疗费补助",
        "아동 의료비 지원",
    ]);
    t
}

/// The bot over the fixture.
pub fn bot() -> FaqBot {
    match FaqBot::new(entries(), &pack_synonyms()) {
        Ok(b) => b,
        Err(e) => panic!("fixture must build: {e}"),
    }
}
