//! Number rendering for Fluent placeables.
//!
//! fluent-bundle prints numbers with Rust's `to_string` and ignores most
//! `NUMBER()` options. All six machi locales write numbers the same way
//! (ASCII digits, `.` decimal point, `,` every three digits — CLDR for ja,
//! en, zh and ko), so one formatter serves every bundle and honours the
//! options authors use: `useGrouping`, `minimumIntegerDigits`,
//! `minimumFractionDigits`, `maximumFractionDigits`.

use fluent_bundle::types::FluentNumber;
use fluent_bundle::FluentValue;

/// The bundle formatter hook: numbers get [`format_number`], everything
/// else keeps Fluent's default.
pub(crate) fn fluent_formatter<M>(value: &FluentValue, _intls: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(format_number(n)),
        _ => None,
    }
}

/// Renders `n` with its `NUMBER()` options (grouping on by default, as in
/// CLDR and `Intl.NumberFormat`; write `NUMBER($year, useGrouping: "false")`
/// for years).
pub fn format_number(n: &FluentNumber) -> String {
    let v = n.value;
    if !v.is_finite() {
        return v.to_string();
    }
    let o = &n.options;
    let min_fd = o.minimum_fraction_digits.unwrap_or(0).min(20);
    let mut text = match o.maximum_fraction_digits {
        Some(max) => {
            let max = max.clamp(min_fd, 20);
            let mut t = format!("{:.*}", max, v.abs());
            if t.contains('.') {
                // Drop trailing zeros down to the minimum the author asked for.
                let keep = t.find('.').map_or(t.len(), |p| p + 1 + min_fd);
                while t.len() > keep && t.ends_with('0') {
                    t.pop();
                }
                if t.ends_with('.') {
                    t.pop();
                }
            }
            t
        }
        None => v.abs().to_string(),
    };
    // Pad the fraction up to the minimum.
    if min_fd > 0 {
        let have = text.find('.').map_or(0, |p| text.len() - p - 1);
        if !text.contains('.') {
            text.push('.');
        }
        text.extend(std::iter::repeat_n('0', min_fd.saturating_sub(have)));
    }
    let (int, frac) = match text.find('.') {
        Some(p) => text.split_at(p),
        None => (text.as_str(), ""),
    };
    let mut int = int.to_string();
    if let Some(min_id) = o.minimum_integer_digits {
        let min_id = min_id.min(40);
        if int.len() < min_id {
            int = "0".repeat(min_id - int.len()) + &int;
        }
    }
    let int = if o.use_grouping { group(&int) } else { int };
    let negative = v < 0.0
        && (int
            .bytes()
            .chain(frac.bytes())
            .any(|b| (b'1'..=b'9').contains(&b)));
    format!("{}{int}{frac}", if negative { "-" } else { "" })
}

/// Inserts `,` every three digits from the right.
fn group(digits: &str) -> String {
    let len = digits.len();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::types::FluentNumberOptions;

    fn f(v: f64, edit: impl FnOnce(&mut FluentNumberOptions)) -> String {
        let mut o = FluentNumberOptions::default();
        edit(&mut o);
        format_number(&FluentNumber::new(v, o))
    }

    #[test]
    fn grouping_and_options() {
        assert_eq!(f(1234567.0, |_| {}), "1,234,567");
        assert_eq!(f(999.0, |_| {}), "999");
        assert_eq!(f(-1234.5, |_| {}), "-1,234.5");
        assert_eq!(f(2026.0, |o| o.use_grouping = false), "2026");
        assert_eq!(f(5.0, |o| o.minimum_integer_digits = Some(2)), "05");
        assert_eq!(f(1.25, |o| o.maximum_fraction_digits = Some(1)), "1.2");
        assert_eq!(f(1.0, |o| o.maximum_fraction_digits = Some(1)), "1");
        assert_eq!(f(1.0, |o| o.minimum_fraction_digits = Some(2)), "1.00");
        assert_eq!(f(-0.01, |o| o.maximum_fraction_digits = Some(1)), "0");
        assert_eq!(f(f64::NAN, |_| {}), "NaN");
    }
}
