//! Byte scans over the two halves of a long text at once (the machines dogear runs on
//! have at least two cores; a scan of 200 MB is worth a thread, a scan of 1 MB is not).

/// Texts at least this long are scanned on two threads.
pub(crate) const PARALLEL_FROM: usize = 4 << 20;

/// `f` of `bytes`, computed as `join(f(first half), f(second half))` when `bytes` is at
/// least `parallel_from` long ([`PARALLEL_FROM`] but in tests), on two threads. `f` must
/// not care where the halves meet: it sees any bytes.
pub(crate) fn in_halves_from<T: Send>(
    parallel_from: usize,
    bytes: &[u8],
    f: impl Fn(&[u8]) -> T + Sync,
    join: impl FnOnce(T, T) -> T,
) -> T {
    if bytes.len() < parallel_from {
        return f(bytes);
    }
    let (a, b) = bytes.split_at(bytes.len() / 2);
    let (a, b) = std::thread::scope(|s| {
        let second = s.spawn(|| f(b));
        (
            f(a),
            second
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        )
    });
    join(a, b)
}

#[cfg(test)]
mod tests {
    use super::{in_halves_from, PARALLEL_FROM};

    #[test]
    fn halves_join_to_the_whole() {
        // Five kilobytes, two threads from four on: the halves path without megabytes.
        let mut bytes = vec![b'a'; 5 << 10];
        let count = |b: &[u8]| b.iter().filter(|&&x| x == b'z').count();
        for at in [0, 1 << 10, (5 << 10) / 2 - 1, (5 << 10) / 2, (5 << 10) - 1] {
            bytes[at] = b'z';
        }
        assert_eq!(in_halves_from(4 << 10, &bytes, count, |a, b| a + b), 5);
        assert_eq!(
            in_halves_from(PARALLEL_FROM, &bytes[..100], count, |a, b| a + b),
            1
        );
    }
}
