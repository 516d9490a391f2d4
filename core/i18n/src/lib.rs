//! machi-i18n (being written).
