//! Links the unwinder into the binary on GNU/Linux instead of loading `libgcc_s.so`.
//!
//! Rust's standard library asks the linker for `-lgcc_s` (the unwinder behind panics
//! and backtraces), so every start loads one more shared library, and that library's
//! constructor asks the processor about its features with a dozen `cpuid`s. In a
//! virtual machine each `cpuid` is a trap to the hypervisor: on the machine the
//! first-frame figures were taken on, 12-16 µs each, and loading `libgcc_s` cost about
//! 0.2 ms of a 2-3 ms start (`dogear --version` 1.99 -> 1.80 ms without it; `less`
//! does not load it). There is no rustc flag
//! for a static unwinder (rust-lang/rust#29527), so the `-lgcc_s` is answered here by a
//! linker script of that name that names gcc's static unwinder, `libgcc_eh.a`, which
//! is what `gcc -static-libgcc` links. Where the C compiler has no `libgcc_eh.a` (or
//! when cross-compiling) nothing is done and `libgcc_s` is linked as before.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") != "linux"
        || var("CARGO_CFG_TARGET_ENV") != "gnu"
        || var("TARGET") != var("HOST")
    {
        return;
    }
    let Some(unwinder) = static_unwinder() else {
        return;
    };
    let dir = PathBuf::from(var("OUT_DIR")).join("unwinder");
    let script = format!("INPUT({})\n", unwinder.display());
    if std::fs::create_dir_all(&dir).is_err()
        || std::fs::write(dir.join("libgcc_s.so"), script).is_err()
    {
        return;
    }
    println!("cargo:rustc-link-search=native={}", dir.display());
}

/// Where the C compiler that drives the linker keeps `libgcc_eh.a`, when it has one.
fn static_unwinder() -> Option<PathBuf> {
    let output = Command::new("cc")
        .arg("-print-file-name=libgcc_eh.a")
        .output()
        .ok()?;
    let path = PathBuf::from(String::from_utf8(output.stdout).ok()?.trim());
    // Asked for a file it does not have, gcc prints the bare name back.
    (output.status.success() && path.is_absolute() && path.is_file()).then_some(path)
}
