//! Normalised text: LF line ends, no BOM, tabs expanded, terminal escapes removed.

/// STUB (to be replaced): CRLF and CR to LF.
pub fn normalise(raw: &str) -> String {
    raw.replace("\r\n", "\n").replace('\r', "\n")
}
