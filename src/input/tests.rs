//! Tests of where a story comes from: files, standard input, compressed files.

use super::*;
use std::io::Write;

const STORY: &str = "The Quay\n\nIt rained on the quay all night, and nobody came.\n";

fn compress(format: Format, bytes: &[u8]) -> Vec<u8> {
    match format {
        Format::Gzip => {
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            enc.write_all(bytes).unwrap();
            enc.finish().unwrap()
        }
        Format::Bzip2 => {
            let mut enc = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::default());
            enc.write_all(bytes).unwrap();
            enc.finish().unwrap()
        }
        Format::Xz => {
            let options = lzma_rust2::XzOptions::with_preset(1);
            let mut enc = lzma_rust2::XzWriter::new(Vec::new(), options).unwrap();
            enc.write_all(bytes).unwrap();
            enc.finish().unwrap()
        }
        Format::Zstd => {
            ruzstd::encoding::compress_to_vec(bytes, ruzstd::encoding::CompressionLevel::Fastest)
        }
    }
}

fn read(bytes: &[u8], format: Option<Format>) -> Result<Vec<u8>, Error> {
    read_stream(bytes, format, "test", None)
}

#[test]
fn every_format_is_told_by_its_magic_and_decompressed() {
    for format in Format::ALL {
        let packed = compress(format, STORY.as_bytes());
        assert_eq!(Format::sniff(&packed), Some(format), "{format:?}");
        // Told by the magic alone, as on standard input...
        assert_eq!(read(&packed, None).unwrap(), STORY.as_bytes(), "{format:?}");
        // ...and as a file classified before.
        let got = read(&packed, Some(format)).unwrap();
        assert_eq!(got, STORY.as_bytes(), "{format:?}");
    }
}

#[test]
fn plain_text_is_not_taken_for_compressed_data() {
    for text in [
        STORY,
        "",
        "BZh",
        "BZh9 is what the bzip2 magic looks like, and this is a story.",
        "\u{feff}Title: Emma",
    ] {
        assert_eq!(Format::sniff(text.as_bytes()), None, "{text:?}");
        assert_eq!(read(text.as_bytes(), None).unwrap(), text.as_bytes());
    }
}

#[test]
fn concatenated_members_and_frames_are_read_whole() {
    for format in Format::ALL {
        let mut packed = compress(format, b"first half, ");
        packed.extend(compress(format, b"second half\n"));
        let got = read(&packed, None).unwrap();
        assert_eq!(got, b"first half, second half\n", "{format:?}");
    }
}

#[test]
fn damaged_or_truncated_data_is_an_error_naming_the_format_never_a_panic() {
    let long = "It rained on the quay. ".repeat(2000);
    for format in Format::ALL {
        let packed = compress(format, long.as_bytes());
        let truncated = &packed[..packed.len() / 2];
        let mut flipped = packed.clone();
        for i in (MAGIC_LEN..flipped.len()).step_by(7) {
            flipped[i] ^= 0x5a;
        }
        for damaged in [truncated, &flipped[..], &packed[..MAGIC_LEN]] {
            match read(damaged, None) {
                Err(err @ Error::Corrupt { .. }) => {
                    let message = err.to_string();
                    assert!(message.contains(format.name()), "{message}");
                    assert!(!message.contains('\n'), "{message}");
                }
                Ok(bytes) => panic!("{format:?}: {} bytes from damaged data", bytes.len()),
                Err(err) => panic!("{format:?}: {err}"),
            }
        }
    }
}

#[test]
fn compressed_binary_is_refused_after_its_first_8_kb_decompressed() {
    // Sixteen megabytes of NULs squeezed into about sixteen kilobytes: refused long
    // before they are all decompressed.
    let zeros = vec![0u8; 16 << 20];
    let packed = compress(Format::Gzip, &zeros);
    let err = read(&packed, None).unwrap_err();
    assert!(matches!(err, Error::Load(_, LoadError::Binary)), "{err}");
    let plain = read(&zeros[..20_000], None).unwrap_err();
    assert!(
        matches!(plain, Error::Load(_, LoadError::Binary)),
        "{plain}"
    );
}

#[test]
fn classify_goes_by_magic_then_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    assert_eq!(classify(Path::new("-")), Input::Stdin);
    let plain = write("story.txt", STORY.as_bytes());
    assert_eq!(classify(&plain), Input::File(plain.clone()));
    for format in Format::ALL {
        let packed = compress(format, STORY.as_bytes());
        let named = write(&format!("story.txt.{}", format.extension()), &packed);
        assert_eq!(classify(&named), Input::Compressed(named.clone(), format));
        let misnamed = write(&format!("{format:?}.txt"), &packed);
        assert_eq!(
            classify(&misnamed),
            Input::Compressed(misnamed.clone(), format)
        );
        // Named compressed but without the magic: read as that format, so that
        // the error says the data is damaged.
        let damaged = write(&format!("bad.{}", format.extension()), b"not it");
        assert_eq!(
            classify(&damaged),
            Input::Compressed(damaged.clone(), format)
        );
        let err = read_all(&classify(&damaged), None).unwrap_err();
        assert!(matches!(err, Error::Corrupt { .. }), "{err}");
    }
    // Missing files and folders go the plain way, which says why they cannot open.
    let missing = dir.path().join("gone.txt.gz");
    assert_eq!(classify(&missing), Input::File(missing.clone()));
    assert_eq!(classify(dir.path()), Input::File(dir.path().to_owned()));
}

#[test]
fn a_compressed_story_has_the_identity_of_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let text = "It rained on the quay all night, and nobody came to see it.\n";
    let path = dir.path().join("the-quay.txt.gz");
    std::fs::write(&path, compress(Format::Gzip, text.as_bytes())).unwrap();
    let story = open(&classify(&path), None, |_| None).unwrap();
    assert_eq!(
        story.fingerprint,
        crate::fingerprint::of_bytes(text.as_bytes())
    );
    assert_eq!(story.path, path.canonicalize().unwrap());
}

#[test]
fn piped_stories_keep_their_state_under_a_path_of_their_own() {
    let one = state_path(&Input::Stdin, "aaaa");
    let two = state_path(&Input::Stdin, "bbbb");
    assert_ne!(one, two);
    assert!(!one.exists());
    assert_eq!(file_name(&Input::Stdin), STDIN_NAME);
}
