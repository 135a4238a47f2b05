//! Bytes to text: BOM, UTF-8, or a detected legacy encoding.

/// Why a file could not be turned into a story.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LoadError {
    #[error("not a text file (looks binary)")]
    Binary,
}

/// Decoded text and the name of the encoding it came from.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// STUB (to be replaced): UTF-8 or Windows-1252.
pub fn decode(
    bytes: &[u8],
    forced: Option<&'static encoding_rs::Encoding>,
) -> Result<Decoded, LoadError> {
    let enc = forced.unwrap_or(if std::str::from_utf8(bytes).is_ok() {
        encoding_rs::UTF_8
    } else {
        encoding_rs::WINDOWS_1252
    });
    let (text, used, _) = enc.decode(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        encoding: used.name(),
    })
}
