//! machi-course (being written).
