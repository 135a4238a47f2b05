//! Number conversions that stop at the target type's limit instead of dropping high bits:
//! a count of screen cells, a file length on a 32-bit machine, a percentage computed in
//! floating point. What `as` would do to a number that does not fit is a bug that shows
//! only on a huge file or window; these say what happens instead.

/// `n` as a count of screen cells, `u16::MAX` when it is more.
pub(crate) fn u16_from(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// `n` (a file length or offset) as a `usize`, `usize::MAX` when it is more (a file over
/// 4 GiB on a 32-bit machine, which could not be held in memory anyway).
pub(crate) fn usize_from(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

// From a float, `as` rounds toward zero and saturates at the ends of the integer range,
// and NaN gives 0 (the Rust reference, "Numeric cast"): it never wraps, so here it is
// exactly the conversion wanted. Callers round or clamp first where that matters.
#[allow(
    clippy::cast_possible_truncation,
    reason = "a float-to-integer `as` saturates (see above)"
)]
mod from_f64 {
    pub(crate) fn u8_from_f64(x: f64) -> u8 {
        x as u8
    }
    pub(crate) fn u16_from_f64(x: f64) -> u16 {
        x as u16
    }
    pub(crate) fn u32_from_f64(x: f64) -> u32 {
        x as u32
    }
    pub(crate) fn u64_from_f64(x: f64) -> u64 {
        x as u64
    }
    pub(crate) fn usize_from_f64(x: f64) -> usize {
        x as usize
    }
}
pub(crate) use from_f64::{u16_from_f64, u32_from_f64, u64_from_f64, u8_from_f64, usize_from_f64};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_stop_at_the_limit() {
        assert_eq!(u16_from(70_000), u16::MAX);
        assert_eq!(u16_from(80), 80);
        assert_eq!(usize_from(7), 7);
        assert_eq!(u8_from_f64(300.0), u8::MAX);
        assert_eq!(u8_from_f64(-1.0), 0);
        assert_eq!(u8_from_f64(f64::NAN), 0);
        assert_eq!(u16_from_f64(99.9), 99);
        assert_eq!(u32_from_f64(1e12), u32::MAX);
        assert_eq!(u64_from_f64(2.5), 2);
        assert_eq!(usize_from_f64(f64::INFINITY), usize::MAX);
    }
}
