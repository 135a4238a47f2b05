//! A `main` for test binaries that re-run themselves as child processes (`harness =
//! false` in Cargo.toml): the child runs its part and exits, and is never listed or
//! counted as a test, which libtest would do with a `#[test]` that returns at once
//! outside the child.
//!
//! Enough of libtest's command line for `cargo test`: `--list`, name filters (with
//! `--exact`), and its `test NAME ... ok` lines and summary; other flags are ignored.

use std::panic;
use std::process::ExitCode;
use std::time::Instant;

pub type Test = (&'static str, fn());

/// Runs `child` and exits when `child_env` is set; otherwise runs `tests` one after
/// another (each may spawn children of its own) as libtest would report them.
pub fn main(child_env: &str, child: fn(), tests: &[Test]) -> ExitCode {
    if std::env::var_os(child_env).is_some() {
        child();
        return ExitCode::SUCCESS;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let exact = args.iter().any(|a| a == "--exact");
    // Flags that take a value: skip it, so it is not read as a filter.
    let valued = [
        "--test-threads",
        "--color",
        "--format",
        "--skip",
        "-Z",
        "--logfile",
    ];
    let mut filters = Vec::new();
    let mut skips = Vec::new();
    let mut it = args.iter().peekable();
    while let Some(a) = it.next() {
        if a == "--skip" {
            skips.extend(it.next().cloned());
        } else if valued.contains(&a.as_str()) {
            it.next();
        } else if !a.starts_with('-') {
            filters.push(a.clone());
        }
    }
    let chosen: Vec<&Test> = tests
        .iter()
        .filter(|(name, _)| {
            let matches = |f: &String| {
                if exact {
                    name == f
                } else {
                    name.contains(f.as_str())
                }
            };
            (filters.is_empty() || filters.iter().any(matches))
                && !skips.iter().any(|s| name.contains(s.as_str()))
        })
        .collect();
    if args.iter().any(|a| a == "--list") {
        for (name, _) in &chosen {
            println!("{name}: test");
        }
        return ExitCode::SUCCESS;
    }
    println!("\nrunning {} tests", chosen.len());
    let started = Instant::now();
    let mut failed = Vec::new();
    for (name, test) in &chosen {
        let ok = panic::catch_unwind(test).is_ok();
        println!("test {name} ... {}", if ok { "ok" } else { "FAILED" });
        if !ok {
            failed.push(*name);
        }
    }
    let result = if failed.is_empty() { "ok" } else { "FAILED" };
    println!(
        "\ntest result: {result}. {} passed; {} failed; 0 ignored; 0 measured; {} filtered out; finished in {:.2}s\n",
        chosen.len() - failed.len(),
        failed.len(),
        tests.len() - chosen.len(),
        started.elapsed().as_secs_f64()
    );
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(101)
    }
}
