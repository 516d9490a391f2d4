//! machi-alerts (being written).
