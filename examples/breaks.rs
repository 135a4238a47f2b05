//! Prints a story's line-break decisions as labelled text (see `dogear::document::breaks`):
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
    match dogear::document::Document::from_vec(bytes, None) {
        Ok(doc) => {
            print!("{}", dogear::document::breaks::labelled(&doc));
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", path.to_string_lossy());
            std::process::ExitCode::FAILURE
        }
    }
}
