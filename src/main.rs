use std::process::ExitCode;

fn main() -> ExitCode {
    dogear::main()
}
