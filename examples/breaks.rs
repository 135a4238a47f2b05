//! Prints a story's line-break decisions as labelled text (see `dogear::breaks`):
//! `cargo run --release --example breaks -- FILE`. For tuning block detection.

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: breaks FILE");
        return std::process::ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{}: {e}", path.to_string_lossy());
            return std::process::ExitCode::FAILURE;
        }
    };
    match dogear::Document::from_vec(bytes, None) {
        Ok(doc) => {
            use std::io::Write;
            // A closed pipe (`| head`) is the reader being done, not an error.
            let text = dogear::breaks::labelled(&doc);
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", path.to_string_lossy());
            std::process::ExitCode::FAILURE
        }
    }
}
