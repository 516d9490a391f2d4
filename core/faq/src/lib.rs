//! machi-faq (being written).
