//! The panic hook a program set before dogear takes the terminal is called on a panic
//! and is in place again afterwards (its own process: a panic hook is the process's).

use dogear::with_panic_hook;
use std::panic;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

#[test]
fn a_panic_hook_set_before_is_chained_to_and_put_back() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&calls);
    panic::set_hook(Box::new(move |_| {
        counted.fetch_add(1, Ordering::SeqCst);
    }));

    assert_eq!(with_panic_hook(|| {}, || 7), 7);
    assert!(panic::catch_unwind(|| panic!("after")).is_err());
    assert_eq!(
        calls.load(Ordering::SeqCst),
        1,
        "the hook from before is back"
    );

    let left = Arc::new(AtomicBool::new(false));
    let leaving = Arc::clone(&left);
    let body = || {
        with_panic_hook(
            move || leaving.store(true, Ordering::SeqCst),
            || panic!("in"),
        )
    };
    assert!(panic::catch_unwind(body).is_err());
    assert!(left.load(Ordering::SeqCst), "the terminal given back first");
    assert_eq!(calls.load(Ordering::SeqCst), 2, "then the hook from before");
}
