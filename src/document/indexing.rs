//! Reading a whole file and finding its blocks at once: the text is made (decoded,
//! normalised) on one thread while the stretches already made are classified on another
//! (see [`Growing`]), and whoever waits is told what has been found so far.
//!
//! Memory stays at one copy of the text: the reading side hands each stretch over and
//! forgets it; the classifying side appends it to the whole text, which it owns. At most
//! two stretches wait between the reading and the classifying.

use super::blocks::{Evidence, Growing};
use super::indexed::Indexed;
use super::load::{self, Piped, Progress, StreamError};
use super::{build, decode, gutenberg, Block, Charset, Document};
use std::io::{Read, Seek};
use std::sync::mpsc;

/// Stretches of text (of about [`STRETCH`] bytes) the reading may get ahead of the
/// classifying: enough that neither waits for the other's hiccups.
const AHEAD: usize = 2;

/// How many bytes of the file are read, made into text and handed over at a time. A
/// handful of stretches are in hand at once (one read, one being made, [`AHEAD`]
/// waiting, one being classified): a megabyte each keeps them a few megabytes beside a
/// gigabyte's text, which counts when the whole text is held, and costs nothing
/// measurable against 4 MB stretches.
const STRETCH: usize = 1 << 20;

/// The whole text so far and the blocks found in it (not all of it: up to its last empty
/// line, and from the end of a Project Gutenberg header).
pub struct Found<'a> {
    pub text: &'a str,
    pub blocks: &'a [Block],
}

/// The document of the `len` bytes `file` holds, as [`load::stream`] makes it, its
/// blocks found as the text arrives with the whole file's `evidence` (see
/// [`load::evidence`]; read here when it is empty); `found` is told of them after each
/// stretch (on the classifying thread). The blocks are exactly those
/// [`super::blocks::detect`] finds in the whole text.
pub fn stream<R: Read + Seek>(
    file: &mut R,
    len: u64,
    forced: Option<Charset>,
    evidence: &Evidence,
    progress: &mut impl Progress,
    found: &mut (dyn FnMut(Found) + Send),
) -> Result<Document, StreamError> {
    let shared = (evidence, &*Indexed::new());
    let sizes = (STRETCH, build::PIECE);
    stream_in(
        file,
        len,
        forced,
        shared,
        progress,
        found,
        &mut || {},
        sizes,
    )
}

/// [`stream`], the text so far kept in `shared` for the reader to search and move in
/// while it grows (see [`Indexed`]); `ready` is called once all of it is in, before its
/// last blocks are found.
pub fn stream_shared<R: Read + Seek>(
    file: &mut R,
    len: u64,
    forced: Option<Charset>,
    (evidence, shared): (&Evidence, &Indexed),
    progress: &mut impl Progress,
    found: &mut (dyn FnMut(Found) + Send),
    ready: &mut dyn FnMut(),
) -> Result<Document, StreamError> {
    let sizes = (STRETCH, build::PIECE);
    stream_in(
        file,
        len,
        forced,
        (evidence, shared),
        progress,
        found,
        ready,
        sizes,
    )
}

/// [`stream`], reading `sizes.0` bytes at a time into pieces of about `sizes.1`, the
/// text kept in `shared` until the end.
#[allow(clippy::too_many_arguments)]
fn stream_in<R: Read + Seek>(
    file: &mut R,
    len: u64,
    forced: Option<Charset>,
    (evidence, shared): (&Evidence, &Indexed),
    progress: &mut impl Progress,
    found: &mut (dyn FnMut(Found) + Send),
    ready: &mut dyn FnMut(),
    sizes: (usize, usize),
) -> Result<Document, StreamError> {
    // Without evidence the guess would be the defaults, which a hard-wrapped story
    // disagrees with, and the whole would be classified twice.
    let sampled;
    let evidence = match evidence.is_empty() {
        true => {
            let head = load::read_at(file, 0, decode::SNIFF + 1024)?;
            let choice = decode::choose(&head, crate::saturating::usize_from(len), forced)?;
            sampled = load::evidence(file, len, choice.charset, choice.bom as u64)?;
            &sampled
        }
        false => evidence,
    };
    shared.reserve(usize::try_from(len).unwrap_or(0));
    let (tx, rx) = mpsc::sync_channel::<Piped>(AHEAD);
    std::thread::scope(|s| {
        let classifying = s.spawn(move || {
            let mut growing = Growing::new(evidence);
            let mut made = None;
            for piped in rx {
                match piped {
                    Piped::Anchors(anchors, charset) => made = Some((anchors, charset)),
                    Piped::Text(more) if more.is_empty() && made.is_none() => {}
                    Piped::Text(more) => {
                        shared.push_owned(more, made.take());
                        let part = shared.read();
                        growing.grow(part.text());
                        found(Found {
                            text: part.text(),
                            blocks: growing.blocks(),
                        });
                    }
                    Piped::NotVerbatim => shared.write().not_verbatim = true,
                    Piped::LineEnds => shared.write().crlf = true,
                    Piped::Irregular(more) => shared.write().irregular.extend(more),
                    Piped::Restart => {
                        shared.restart();
                        growing = Growing::new(evidence);
                        // The chapters found so far were at offsets of the text as first
                        // decoded: none now.
                        found(Found {
                            text: "",
                            blocks: &[],
                        });
                    }
                }
            }
            growing
        });
        let mut pipe = |piped: Piped| {
            // The classifying side only stops on a panic, which the join passes on.
            let _ = tx.send(piped);
        };
        let built = load::stream_built(file, len, forced, progress, sizes, Some(&mut pipe));
        drop(tx);
        let growing = classifying
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let (rest, anchors, choice) = built?;
        shared.push_last(rest);
        shared.complete();
        ready();
        let part = shared.read();
        let (blocks, summary) = growing.finish(part.text());
        let body = gutenberg::body(part.text());
        drop(part);
        let text = shared.take();
        Ok(Document {
            body,
            text,
            blocks,
            charset: choice.charset,
            guess: choice.guess,
            anchors,
            summary: Some(summary),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    /// A story with chapters, a Gutenberg header and footer, CRLF line ends and a late
    /// byte that is not UTF-8 (so the reading starts again in another encoding).
    fn story(late_latin1: bool) -> Vec<u8> {
        let mut s = b"The Project Gutenberg EBook\r\n\r\n*** START OF THE PROJECT GUTENBERG EBOOK X ***\r\n\r\n".to_vec();
        for i in 1..=60 {
            s.extend_from_slice(format!("CHAPTER {i}\r\n\r\n").as_bytes());
            for _ in 0..30 {
                s.extend_from_slice(
                    b"The lamp had burned low by the time the carrier reached the bridge,\r\n\
                      and the river below it ran loud with the rain of three whole days.\r\n\r\n",
                );
            }
        }
        if late_latin1 {
            s.extend_from_slice(b"Un caf\xe9.\r\n\r\n");
        }
        s.extend_from_slice(b"*** END OF THE PROJECT GUTENBERG EBOOK X ***\r\nLicence.\r\n");
        s
    }

    /// The document [`stream_in`] makes of `bytes`, read 4 KB at a time into pieces of
    /// about 1 KB.
    fn streamed(
        bytes: Vec<u8>,
        shared: (&Evidence, &Indexed),
        found: &mut (dyn FnMut(Found) + Send),
    ) -> Document {
        let len = bytes.len() as u64;
        let mut file = Cursor::new(bytes);
        stream_in(
            &mut file,
            len,
            None,
            shared,
            &mut (),
            found,
            &mut || {},
            (4096, 1000),
        )
        .unwrap()
    }

    /// A UTF-8 story's file mapped: its text is the map (nothing copied) while its bytes
    /// are the text, and a copy from the first piece that is not (CRLF line ends, or a
    /// late byte that is not UTF-8); the document is the same either way.
    #[cfg(unix)]
    #[test]
    fn a_mapped_storys_text_is_its_file_while_the_bytes_are_the_text() {
        use std::io::Write;
        let lf = |b: Vec<u8>| b.into_iter().filter(|&c| c != b'\r').collect::<Vec<u8>>();
        let bom = |b: Vec<u8>| [b"\xEF\xBB\xBF".to_vec(), lf(b)].concat();
        let cases: [(Vec<u8>, bool); 4] = [
            (lf(story(false)), true),
            (bom(story(false)), true),
            (story(false), false),
            (lf(story(true)), false),
        ];
        for (bytes, kept) in cases {
            let mut file = tempfile::NamedTempFile::new().unwrap();
            file.write_all(&bytes).unwrap();
            let want = load::whole(bytes.clone(), None).unwrap();
            let shared = Indexed::default();
            shared.map(crate::mapped::Mapped::new(file.as_file()).unwrap());
            let got = streamed(bytes, (&Evidence::default(), &shared), &mut |_| {});
            assert_eq!(got.text(), want.text());
            assert_eq!(got.blocks(), want.blocks());
            assert_eq!(got.body(), want.body());
            assert_eq!(matches!(got.text, super::super::Text::Mapped(_)), kept);
        }
    }

    #[test]
    fn blocks_found_while_reading_are_those_of_one_pass() {
        for (late, sampled) in [(false, true), (true, true), (false, false)] {
            let bytes = story(late);
            let want = load::whole(bytes.clone(), None).unwrap();
            // Without evidence given, the stream reads its own.
            let evidence = match sampled {
                false => Evidence::default(),
                true => load::evidence(
                    &mut Cursor::new(&bytes),
                    bytes.len() as u64,
                    Charset::Web(encoding_rs::UTF_8),
                    0,
                )
                .unwrap(),
            };
            let mut seen = Vec::new();
            let mut found = |f: Found| seen.push((f.text.len(), f.blocks.len()));
            let got = streamed(bytes, (&evidence, &Indexed::default()), &mut found);
            assert_eq!(got.text(), want.text());
            assert_eq!(got.blocks(), want.blocks());
            assert_eq!(got.body(), want.body());
            assert_eq!(got.summary(), want.summary());
            assert_eq!(got.charset(), want.charset());
            assert!(seen.len() > 10, "{} stretches", seen.len());
            assert!(seen.iter().any(|&(_, blocks)| blocks > 0));
            // A restart in another encoding is told: the chapters found before are gone.
            let restarted = seen.windows(2).any(|w| w[0].1 > 0 && w[1] == (0, 0));
            assert_eq!(restarted, late, "{seen:?}");
        }
    }
}
