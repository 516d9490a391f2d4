//! Variables passed into a Fluent message.

use fluent_bundle::{FluentArgs, FluentValue};

/// One variable's value: text, or a number that Fluent can select plural
/// categories on (`{ $count -> [one] … *[other] … }`).
#[derive(Debug, Clone, PartialEq)]
pub enum ArgValue {
    /// Text inserted as is (content such as place names).
    Str(String),
    /// A number; formatted by Fluent and usable as a plural selector.
    Num(f64),
}

/// A number type accepted by [`Args::num`]; implemented for all primitive
/// integers and floats so callers need no casts.
pub trait ArgNumber: Copy {
    /// The value as `f64` (integers up to 2^53 are exact, far beyond any
    /// count or distance machi shows).
    fn to_f64(self) -> f64;
}

macro_rules! arg_number {
    ($($t:ty),*) => {$(
        impl ArgNumber for $t {
            #[allow(clippy::cast_lossless, clippy::cast_precision_loss)]
            fn to_f64(self) -> f64 {
                self as f64
            }
        }
    )*};
}
arg_number!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64);

/// The named variables for one message, built fluently:
/// `Args::new().str("name", "花貫渓谷").num("count", 3)`.
///
/// Setting a name twice keeps the last value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Args {
    values: Vec<(String, ArgValue)>,
}

impl Args {
    /// No variables.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) a text variable.
    pub fn str(mut self, name: &str, value: impl Into<String>) -> Self {
        self.set(name, ArgValue::Str(value.into()));
        self
    }

    /// Adds (or replaces) a numeric variable, which plural selectors use.
    pub fn num(mut self, name: &str, value: impl ArgNumber) -> Self {
        self.set(name, ArgValue::Num(value.to_f64()));
        self
    }

    /// The value of `name`, if set.
    pub fn get(&self, name: &str) -> Option<&ArgValue> {
        self.values.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// True when no variable is set.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    fn set(&mut self, name: &str, value: ArgValue) {
        match self.values.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value,
            None => self.values.push((name.to_string(), value)),
        }
    }

    /// The Fluent form, borrowing our strings.
    pub(crate) fn to_fluent(&self) -> FluentArgs<'_> {
        let mut out = FluentArgs::with_capacity(self.values.len());
        for (name, value) in &self.values {
            let v = match value {
                ArgValue::Str(s) => FluentValue::from(s.as_str()),
                ArgValue::Num(n) => FluentValue::from(*n),
            };
            out.set(name.as_str(), v);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_value_replaces_earlier() {
        let a = Args::new().num("count", 1).str("count", "x").num("n", 2u64);
        assert_eq!(a.get("count"), Some(&ArgValue::Str("x".into())));
        assert_eq!(a.get("n"), Some(&ArgValue::Num(2.0)));
        assert_eq!(a.to_fluent().iter().count(), 2);
    }
}
