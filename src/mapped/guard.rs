//! The SIGBUS handler that keeps a file cut short under its map from killing the reader
//! (see the parent module): each map's range is kept in a slot the handler reads with
//! atomics alone.

#![allow(unsafe_code)]

use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Once, OnceLock};

/// How many maps can be held at once (one per story being indexed).
const SLOTS: usize = 8;

/// A map's range, as the SIGBUS handler sees it.
struct Slot {
    used: AtomicBool,
    start: AtomicUsize,
    end: AtomicUsize,
    torn: AtomicBool,
}

#[allow(clippy::declare_interior_mutable_const)]
const FREE: Slot = Slot {
    used: AtomicBool::new(false),
    start: AtomicUsize::new(0),
    end: AtomicUsize::new(0),
    torn: AtomicBool::new(false),
};

static SLOT: [Slot; SLOTS] = [FREE; SLOTS];

/// The page size, for the handler (which must not ask the system).
static PAGE: AtomicUsize = AtomicUsize::new(0);

/// The SIGBUS action before ours: a fault that is not at a map of ours is its.
static PREVIOUS: OnceLock<libc::sigaction> = OnceLock::new();

pub(super) fn take_slot((start, end): (usize, usize)) -> Option<usize> {
    let i = SLOT.iter().position(|s| {
        s.used
            .compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
    })?;
    SLOT[i].torn.store(false, Ordering::Release);
    SLOT[i].start.store(start, Ordering::Release);
    SLOT[i].end.store(end, Ordering::Release);
    Some(i)
}

/// Installs the SIGBUS handler, once.
pub(super) fn installed() -> io::Result<()> {
    static INSTALL: Once = Once::new();
    static FAILED: AtomicBool = AtomicBool::new(false);
    INSTALL.call_once(|| {
        if install().is_err() {
            FAILED.store(true, Ordering::Release);
        }
    });
    match FAILED.load(Ordering::Acquire) {
        true => Err(io::Error::other(
            "the SIGBUS handler could not be installed",
        )),
        false => Ok(()),
    }
}

fn install() -> io::Result<()> {
    // SAFETY: sysconf has no preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    let page = usize::try_from(page)
        .ok()
        .filter(|p| p.is_power_of_two())
        .ok_or_else(io::Error::last_os_error)?;
    PAGE.store(page, Ordering::Release);
    // SAFETY: a zeroed sigaction is a valid one (no handler, no flags, empty mask) until
    // filled in; the handler is async-signal-safe (atomics and `mmap`, a system call).
    unsafe {
        let mut ours: libc::sigaction = std::mem::zeroed();
        ours.sa_sigaction = on_sigbus as *const () as usize;
        ours.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
        libc::sigemptyset(&mut ours.sa_mask);
        let mut previous: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGBUS, &ours, &mut previous) != 0 {
            return Err(io::Error::last_os_error());
        }
        let _ = PREVIOUS.set(previous);
    }
    Ok(())
}

/// SIGBUS at one of our maps (its file cut short): a page of zeros over the page
/// touched, the map marked torn, and the read goes on. Anywhere else: the action that was
/// there before ours (the standard library's, which tells a stack overflow), or the
/// default one, which ends the process as if there were no handler.
extern "C" fn on_sigbus(sig: libc::c_int, info: *mut libc::siginfo_t, context: *mut libc::c_void) {
    // SAFETY: the kernel passes a valid siginfo to an SA_SIGINFO handler.
    let at = unsafe { (*info).si_addr() } as usize;
    let page = PAGE.load(Ordering::Acquire);
    for slot in &SLOT {
        let (start, end) = (
            slot.start.load(Ordering::Acquire),
            slot.end.load(Ordering::Acquire),
        );
        if start <= at && at < end && page != 0 {
            let base = at & !(page - 1);
            // SAFETY: the page lies inside a map of ours, which is only ever read: zeros
            // in place of bytes the file no longer has.
            let zeros = unsafe {
                libc::mmap(
                    base as *mut libc::c_void,
                    page,
                    libc::PROT_READ,
                    libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_FIXED,
                    -1,
                    0,
                )
            };
            if zeros != libc::MAP_FAILED {
                slot.torn.store(true, Ordering::Release);
                return;
            }
        }
    }
    pass_on(sig, info, context);
}

fn pass_on(sig: libc::c_int, info: *mut libc::siginfo_t, context: *mut libc::c_void) {
    let previous = PREVIOUS.get();
    let handler = previous.map_or(libc::SIG_DFL, |p| p.sa_sigaction);
    if handler != libc::SIG_DFL && handler != libc::SIG_IGN {
        let flags = previous.map_or(0, |p| p.sa_flags);
        // SAFETY: the previous handler was installed for this signal with these flags,
        // which say which of the two signatures it has.
        unsafe {
            if flags & libc::SA_SIGINFO != 0 {
                let f: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
                    std::mem::transmute(handler);
                f(sig, info, context);
            } else {
                let f: extern "C" fn(libc::c_int) = std::mem::transmute(handler);
                f(sig);
            }
        }
        return;
    }
    // SAFETY: a zeroed sigaction with SIG_DFL (0) is the default action; the fault
    // happens again on return, and ends the process as it would have.
    unsafe {
        let mut default: libc::sigaction = std::mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        libc::sigaction(libc::SIGBUS, &default, std::ptr::null_mut());
    }
}

/// Frees `slot`: a fault at its map's addresses is no longer ours.
pub(super) fn free(slot: usize) {
    let slot = &SLOT[slot];
    slot.start.store(0, Ordering::Release);
    slot.end.store(0, Ordering::Release);
    slot.torn.store(false, Ordering::Release);
    slot.used.store(false, Ordering::Release);
}

/// Whether the map in `slot` had a page past its file's end touched.
pub(super) fn torn(slot: usize) -> bool {
    SLOT[slot].torn.load(Ordering::Acquire)
}

/// The page size (once the handler is installed).
pub(super) fn page() -> usize {
    PAGE.load(Ordering::Acquire)
}

#[cfg(test)]
pub(super) fn used(slot: usize) -> bool {
    SLOT[slot].used.load(Ordering::Acquire)
}
