//! Importers for the open-data files Japanese municipalities publish.
//!
//! Each importer takes the raw bytes of one file (in any encoding
//! municipalities use: UTF-8 with or without BOM, UTF-16 with BOM,
//! Shift_JIS/CP932) and returns model items, or an [`OpenDataError`] listing
//! *every* problem found as `file:line`, column and reason. A file with any
//! problem yields nothing: there is no partial import.
//!
//! Formats:
//! - 観光施設一覧 ([`import_tourism_csv`]) and イベント一覧 ([`import_events_csv`]),
//!   in both the 推奨データセット and the 自治体標準オープンデータセット layouts;
//! - 指定緊急避難場所一覧 / 指定避難所一覧 CSV ([`import_evacuation_csv`]);
//! - GSI 指定緊急避難場所 / 指定避難所 GeoJSON ([`import_gsi_geojson`]);
//! - the four 5374.jp garbage CSVs ([`import_5374`]) and a town's sorting
//!   dictionary CSV ([`import_garbage_dictionary`]).
//!
//! Columns are matched by name, not position: headers are NFKC-normalized
//! (so `料金（基本）` and `料金(基本)` are the same column) and each field
//! accepts the names both dataset generations use. Rows whose cells are all
//! blank (the official templates ship twenty of them) are skipped.

mod dictionary;
mod error;
mod evacuation;
mod events;
mod five374;
mod gsi;
mod hours;
mod table;
mod text;
mod tourism;
mod values;

pub use dictionary::import_garbage_dictionary;
pub use error::{Issue, OpenDataError, Problem};
pub use evacuation::import_evacuation_csv;
pub use events::import_events_csv;
pub use five374::import_5374;
pub use gsi::{import_gsi_geojson, merge_gsi_designations};
pub use hours::{opening_hours_from_columns, HoursColumn};
pub use text::{decode_file, decode_text};
pub use tourism::{import_tourism_csv, DEFAULT_POPULARITY, DEFAULT_VISIT_MINUTES};
