//! The exported [`Machi`] object: opening, the reader's locale, and Fluent
//! message lookup. Queries live in the other modules as further
//! `#[uniffi::export] impl Machi` blocks.

use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use machi_app::content_core::pack::keys::parse_verifying_key;
use machi_i18n::{Args, Lang, Localizer};

use crate::error::{MachiError, Result};
use crate::types::RubySegment;

/// How to open machi.
#[derive(Debug, Clone, uniffi::Record)]
pub struct MachiConfig {
    /// The device's preferred locales, most preferred first (e.g.
    /// `["zh-TW", "en-US"]`); negotiated into the UI language.
    pub device_locales: Vec<String>,
    /// The user's explicit language choice from settings (`ja-yasasii`,
    /// `en`, …), or `None` to follow the device.
    pub language_override: Option<String>,
    /// The publisher's ed25519 public key (as printed by `machi keygen`),
    /// pinned: synced packs signed by anyone else are refused.
    pub publisher_key: Option<String>,
    /// Keep the database in memory (previews, tests) instead of in `data_dir`.
    pub in_memory: bool,
}

/// The reader's negotiated language.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LocaleInfo {
    /// The UI language tag (`ja`, `ja-yasasii`, `en`, `zh-Hans`, `zh-Hant`, `ko`).
    pub lang: String,
    /// The content fallback chain, UI language first, ending in `ja`.
    pub chain: Vec<String>,
    /// True for easy Japanese: the shell renders ruby (furigana).
    pub uses_ruby: bool,
    /// The user's explicit choice, when one is set.
    pub language_override: Option<String>,
}

/// One selectable UI language, named in the current UI language.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LanguageOption {
    /// Its tag.
    pub tag: String,
    /// Its name in the current UI language.
    pub name: String,
}

/// A variable for a Fluent message.
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum MessageArg {
    /// A text value.
    Text {
        /// Variable name (without `$`).
        name: String,
        /// Its value.
        value: String,
    },
    /// A number (plural rules apply).
    Number {
        /// Variable name (without `$`).
        name: String,
        /// Its value.
        value: f64,
    },
}

/// A formatted UI message in its three forms.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Message {
    /// Display form; may contain ruby markup `{漢字|かんじ}` (easy Japanese).
    pub display: String,
    /// Read-aloud / accessibility form: no ruby, no isolation marks.
    pub plain: String,
    /// The display form split for ruby rendering.
    pub segments: Vec<RubySegment>,
}

/// Which locale the user asked for; the [`Localizer`] is derived from it.
struct LocaleState {
    device: Vec<String>,
    user: Option<String>,
    localizer: Localizer,
}

impl LocaleState {
    fn new(device: Vec<String>, user: Option<String>) -> Result<Self> {
        let localizer = Localizer::with_override(user.as_deref(), &device)?;
        Ok(LocaleState {
            device,
            user,
            localizer,
        })
    }

    fn info(&self) -> LocaleInfo {
        let l = &self.localizer;
        LocaleInfo {
            lang: l.lang().tag().to_string(),
            chain: l.chain().iter().map(|c| c.tag().to_string()).collect(),
            uses_ruby: l.lang() == Lang::JaEasy,
            language_override: self.user.clone(),
        }
    }
}

/// machi for one app process: content, courses, FAQ, notices and sync,
/// answered in the reader's language. Thread-safe; call from any thread.
#[derive(uniffi::Object)]
pub struct Machi {
    pub(crate) app: Arc<machi_app::Machi>,
    locale: RwLock<LocaleState>,
    pub(crate) listeners: crate::alerts::Listeners,
}

impl Machi {
    /// The current localizer (cheap clone), so no lock is held during a query.
    pub(crate) fn localizer(&self) -> Localizer {
        match self.locale.read() {
            Ok(s) => s.localizer.clone(),
            // A panic while swapping the locale cannot leave a torn value
            // (the swap is one assignment), so the last one is still good.
            Err(poisoned) => poisoned.into_inner().localizer.clone(),
        }
    }

    /// The content fallback chain of the current locale.
    pub(crate) fn chain(&self) -> Vec<Lang> {
        self.localizer().chain().to_vec()
    }

    fn set_locale(&self, state: LocaleState) -> LocaleInfo {
        let info = state.info();
        match self.locale.write() {
            Ok(mut s) => *s = state,
            Err(poisoned) => *poisoned.into_inner() = state,
        }
        // Notices keep arriving in the reader's (new) language.
        self.relocalize_listeners();
        info
    }

    fn current(&self) -> (Vec<String>, Option<String>) {
        let read = |s: &LocaleState| (s.device.clone(), s.user.clone());
        match self.locale.read() {
            Ok(s) => read(&s),
            Err(poisoned) => read(&poisoned.into_inner()),
        }
    }
}

fn to_args(args: Vec<MessageArg>) -> Args {
    args.into_iter().fold(Args::new(), |a, arg| match arg {
        MessageArg::Text { name, value } => a.str(&name, value),
        MessageArg::Number { name, value } => a.num(&name, value),
    })
}

fn segments(display: &str) -> Vec<RubySegment> {
    machi_i18n::parse_ruby(display)
        .into_iter()
        .map(|s| RubySegment {
            base: s.base.to_string(),
            ruby: s.ruby.map(str::to_string),
        })
        .collect()
}

#[uniffi::export]
impl Machi {
    /// Opens (creating on first launch) the store in `data_dir`; an empty
    /// store gets the embedded sample town, so everything answers offline.
    #[uniffi::constructor]
    pub fn open(data_dir: String, config: MachiConfig) -> Result<Arc<Self>> {
        let locale = LocaleState::new(config.device_locales, config.language_override)?;
        let publisher_key = config
            .publisher_key
            .as_deref()
            .map(parse_verifying_key)
            .transpose()
            .map_err(|e| MachiError::invalid(format!("publisher key: {e}")))?;
        let db_path = if config.in_memory {
            None
        } else {
            if data_dir.trim().is_empty() {
                return Err(MachiError::invalid("data_dir is empty"));
            }
            Some(PathBuf::from(data_dir).join("machi.sqlite3"))
        };
        let app = machi_app::Machi::open(machi_app::OpenOptions {
            db_path,
            publisher_key,
            skip_embedded: false,
            faq_encoder: None,
        })?;
        Ok(Arc::new(Machi {
            app: Arc::new(app),
            locale: RwLock::new(locale),
            listeners: Default::default(),
        }))
    }

    /// The current UI language and content chain.
    pub fn locale(&self) -> LocaleInfo {
        match self.locale.read() {
            Ok(s) => s.info(),
            Err(poisoned) => poisoned.into_inner().info(),
        }
    }

    /// Re-negotiates after the device's locale list changed; an explicit
    /// user choice still wins.
    pub fn set_device_locales(&self, device_locales: Vec<String>) -> Result<LocaleInfo> {
        let (_, user) = self.current();
        Ok(self.set_locale(LocaleState::new(device_locales, user)?))
    }

    /// Sets (or with `None` clears) the user's language choice. A tag that is
    /// not a language tag at all is `InvalidInput`; an unsupported language
    /// means English.
    pub fn set_language_override(&self, tag: Option<String>) -> Result<LocaleInfo> {
        let (device, _) = self.current();
        let tag = tag.filter(|t| !t.trim().is_empty());
        Ok(self.set_locale(LocaleState::new(device, tag)?))
    }

    /// The six UI languages, each named in the current UI language.
    pub fn languages(&self) -> Vec<LanguageOption> {
        let l = self.localizer();
        Lang::ALL
            .iter()
            .map(|lang| LanguageOption {
                tag: lang.tag().to_string(),
                name: l.plain("common-lang-name", &Args::new().str("lang", lang.tag())),
            })
            .collect()
    }

    /// The UI message `id` (or `id.attribute`) in the current language.
    /// Never fails: an unknown id comes back as the id itself.
    pub fn message(&self, id: String, args: Vec<MessageArg>) -> Message {
        let l = self.localizer();
        let args = to_args(args);
        let display = l.msg(&id, &args);
        Message {
            plain: machi_i18n::strip_ruby(&display).into_owned(),
            segments: segments(&display),
            display,
        }
    }

    /// Splits any display text (content fields included) into ruby segments.
    pub fn ruby_segments(&self, text: String) -> Vec<RubySegment> {
        segments(&text)
    }

    /// Any display text without its ruby markup (read-aloud, search).
    pub fn plain_text(&self, text: String) -> String {
        machi_i18n::strip_ruby(&text).into_owned()
    }

    /// A duration in minutes, formatted for the current language.
    pub fn format_duration(&self, minutes: u32) -> String {
        self.localizer().duration(minutes)
    }

    /// A distance in metres, formatted for the current language.
    pub fn format_distance(&self, metres: f64) -> String {
        self.localizer().distance(metres)
    }
}
