//! The taxi meter rule, one helper for the pack's tariff and the planner.

/// The meter fare in yen for a ride of `metres`: `initial_yen` up to
/// `initial_metres` (and for a distance that is not a positive number),
/// then `step_yen` for each started `step_metres`. Saturates at `u32::MAX`
/// rather than overflowing; a zero `step_metres` charges no steps rather
/// than dividing by zero.
pub fn meter_yen(
    initial_yen: u32,
    initial_metres: u32,
    step_yen: u32,
    step_metres: u32,
    metres: f64,
) -> u32 {
    let beyond = metres - f64::from(initial_metres);
    // NaN compares false, so it too pays the flag fall only.
    if beyond.is_nan() || beyond <= 0.0 || step_metres == 0 {
        return initial_yen;
    }
    // `as` saturates for huge (and infinite) values.
    let steps = (beyond / f64::from(step_metres)).ceil() as u64;
    let fare = u64::from(initial_yen).saturating_add(steps.saturating_mul(u64::from(step_yen)));
    u32::try_from(fare).unwrap_or(u32::MAX)
}
