//! The commands that need no terminal: `--print`, `--toc`, `--bookmarks` (of one story
//! or of every book), `--stats`, `--config`, and `--bookmark` into a pipe.

use super::*;
use crate::document::windows::Windows;
use crate::print::ReadFailed;
use std::io::Read;

/// `--print`: the story reflowed to stdout. A big story is read and written a window at
/// a time, so the first lines come at once and memory does not grow with the story: a
/// file, standard input or a compressed file alike.
pub(super) fn print_story(path: &Path, args: &Args) -> Result<(), Error> {
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let input = crate::input::classify(path);
    let big = match input {
        crate::input::Input::File(_) if in_binary(path).is_none() => {
            let file = crate::storyfile::open(path).map_err(|e| Error::Open(path.to_owned(), e))?;
            let len = file.metadata().map_or(0, |m| m.len());
            (len >= crate::opening::lazy_from()).then_some((file, len))
        }
        crate::input::Input::File(_) => None,
        _ => return print_stream(&input, args, &mut out),
    };
    let Some((mut file, len)) = big else {
        let doc = load(path, args.encoding)?;
        return crate::print::print_from(&doc, 0, args.width, args.typography(), &mut out)
            .map_err(Error::Output);
    };
    let head = load::read_at(&mut file, 0, crate::storyfile::PROBE)
        .map_err(|e| Error::Open(path.to_owned(), e))?;
    // Looked up on the file already open, before it is handed to the windows.
    let known = known_evidence(&file, path, len, args.encoding);
    let windows = Windows::new(file, len, head, args.encoding)
        .map_err(|e| Error::Load(path.to_owned(), e))?;
    // What the story was classified by when the reader last read it whole, so that every
    // window reads as it did there; else the whole file's samples, so that every window
    // is laid out as the whole story would be.
    let evidence = known.unwrap_or_else(|| {
        let sampled = crate::storyfile::open(path)
            .and_then(|mut f| load::evidence(&mut f, len, windows.charset(), windows.bom() as u64));
        sampled.unwrap_or_default()
    });
    let windows = windows.with_evidence(evidence);
    let printed = crate::print::print_windows(windows, args.width, args.typography(), &mut out);
    printed.map_err(|e| {
        read_or_written(e, |e| {
            Error::Other(format!("cannot read {}: {e}", path.display()))
        })
    })
}

/// The statistics the story in `file` (at `path`, `len` bytes) was classified by when the
/// reader last read it whole, if it did and in the encoding `forced` on it, if any (see
/// [`crate::opening::known_evidence`]). The saved state is only looked at. A story the
/// reader turned to a legacy encoding at its first byte that is not UTF-8 is taken for
/// UTF-8 by its first window here too, and turned there as well.
fn known_evidence(
    file: &std::fs::File,
    path: &Path,
    len: u64,
    forced: Option<Charset>,
) -> Option<crate::document::blocks::Evidence> {
    let store = Store::open().ok()?;
    let fingerprint = crate::fingerprint::of_file(file).ok()?;
    let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
    let state = store.peek(&fingerprint, &path).state;
    let read_in = Charset::parse(&state.statistics.as_ref()?.encoding)?;
    crate::opening::known_evidence(&state, len, forced.unwrap_or(read_in))
}

/// [`print_story`] of standard input or a compressed file. Its first
/// [`crate::opening::lazy_from`] bytes are read: a story that ends within them is printed
/// whole, as a file that size is; a longer one a window at a time, each laid out with the
/// evidence of those first bytes (samples spread over them, as over a file) since what
/// is still to come cannot be looked at yet.
fn print_stream(
    input: &crate::input::Input,
    args: &Args,
    out: &mut impl Write,
) -> Result<(), Error> {
    let stream = crate::input::stream(input)?;
    let told = |e| crate::input::read_error(e, stream.format, &stream.name);
    let mut reader = stream.reader;
    let mut head = Vec::new();
    let first = (&mut reader).take(crate::opening::lazy_from());
    crate::storyfile::read_checked(first, args.encoding, 0, &mut head).map_err(&told)?;
    if (head.len() as u64) < crate::opening::lazy_from() {
        let doc = Document::from_vec(head, args.encoding)
            .map_err(|e| told(crate::storyfile::ReadError::Load(e)))?;
        return crate::print::print_from(&doc, 0, args.width, args.typography(), out)
            .map_err(Error::Output);
    }
    let probe = &head[..head.len().min(crate::storyfile::PROBE)];
    let choice = crate::document::decode::choose(probe, usize::MAX, args.encoding)
        .map_err(|e| told(crate::storyfile::ReadError::Load(e)))?;
    let (len, bom) = (head.len() as u64, choice.bom as u64);
    let evidence = load::evidence(&mut io::Cursor::new(&head), len, choice.charset, bom)
        .map_err(|e| told(crate::storyfile::ReadError::Io(e)))?;
    let rest = io::Cursor::new(head.split_off(probe.len()));
    let windows = Windows::of_stream(rest.chain(reader), head, args.encoding)
        .map_err(|e| told(crate::storyfile::ReadError::Load(e)))?;
    let windows = windows.with_evidence(evidence);
    let printed = crate::print::print_windows(windows, args.width, args.typography(), out);
    printed.map_err(|e| read_or_written(e, |e| told(crate::storyfile::ReadError::Io(e)).into()))
}

/// `e` from [`crate::print::print_windows`] as the error it is: the story's, said by
/// `read`, or the output's.
fn read_or_written(e: io::Error, read: impl FnOnce(io::Error) -> Error) -> Error {
    if e.get_ref().is_none_or(|inner| !inner.is::<ReadFailed>()) {
        return Error::Output(e);
    }
    let kind = e.kind();
    match e.into_inner().map(|inner| inner.downcast::<ReadFailed>()) {
        Some(Ok(failed)) => read(failed.0),
        Some(Err(other)) => Error::Output(io::Error::new(kind, other)),
        None => Error::Output(kind.into()),
    }
}

pub(super) fn write_out(text: &str) -> Result<(), Error> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(Error::Output)
}

/// `--config`: where `config.toml` is and the settings in effect.
pub(super) fn print_config() -> Result<(), Error> {
    let store = Store::open()?;
    let (config, notices) = store.load_config();
    for notice in &notices {
        crate::error::warn(notice);
    }
    let path = store.config_path();
    let mut out = format!("# {}", path.display());
    if !path.exists() {
        out.push_str(" (not there: the defaults)");
    }
    out.push('\n');
    let view = store.remembered();
    if let Some(width) = view.width(config.max_width) {
        out.push_str(&format!(
            "# the column is {width} wide, as last set with - / + (view.json)\n"
        ));
    }
    if let Some(t) = view.typography(config.typography()) {
        out.push_str(&format!(
            "# justify {}, hyphenate {}, indent {}, as last set with J H P (view.json)\n",
            t.justify, t.hyphenate, t.indent
        ));
    }
    if let Some(on) = view.spread(config.spread) {
        let pages = if on {
            "two pages side by side"
        } else {
            "one page"
        };
        out.push_str(&format!(
            "# {pages} on a wide window, as last set with D (view.json)\n"
        ));
    }
    let keymap = crate::keymap::Keymap::new(&config.keys).0;
    out.push_str(&config.effective(&keymap));
    write_out(&sanitise::text(&out))
}

/// `dogear --stats [FILE]`: only reads `reading.json` (a corrupt one is reported).
pub(super) fn print_stats(path: Option<&Path>, json: bool) -> Result<(), Error> {
    let book = path.map(fingerprint_of).transpose()?.map(|(fp, _, _)| fp);
    let store = Store::open()?;
    let (log, notice) = store.load_reading();
    if let Some(notice) = notice {
        crate::error::warn(&notice);
    }
    let offset = crate::tracker::local_offset();
    let today = crate::reading::day_of(crate::store::now_ms(), offset);
    let summary = log.summary(today, offset, book.as_deref());
    write_out(&stats_listing(&summary, json))
}

/// What `--stats` writes: the summary as text or JSON, book titles sanitised like every
/// other output (see [`sanitise`]).
pub fn stats_listing(summary: &crate::reading::Summary, json: bool) -> String {
    if json {
        sanitise::json(&summary.json()).into_owned()
    } else {
        sanitise::text(&summary.text()).into_owned()
    }
}

/// A story's fingerprint and the path its state is kept under, reading as little as can
/// be; and its text, when reading the story was the way to its fingerprint (compressed
/// or piped).
pub(super) fn fingerprint_of(path: &Path) -> Result<(String, PathBuf, Option<Document>), Error> {
    Ok(match crate::input::classify(path) {
        // The fingerprint's samples (at most 12 KB), never the whole file.
        crate::input::Input::File(_) => (
            crate::storyfile::fingerprint(path).map_err(|e| Error::Open(path.to_owned(), e))?,
            path.canonicalize().unwrap_or_else(|_| path.to_owned()),
            None,
        ),
        // Compressed or piped: the fingerprint is of the decompressed bytes.
        input => {
            let story = crate::input::open(&input, None, |_| None)?;
            (story.fingerprint, story.path, Some(story.doc))
        }
    })
}

/// The saved state of the story at `path`, only read (a corrupt state file is reported,
/// never moved aside); and its text, if reading it was the way to its fingerprint.
pub(super) fn peek_state(
    path: &Path,
) -> Result<(crate::state::BookState, Option<Document>), Error> {
    let (fingerprint, path, doc) = fingerprint_of(path)?;
    let store = Store::open()?;
    store.check_readable()?;
    let loaded = store.peek(&fingerprint, &path);
    if let Some(notice) = loaded.notice {
        crate::error::warn(&notice);
    }
    Ok((loaded.state, doc))
}

/// `--bookmark NAME` with no terminal: the story reflowed from that bookmark on.
pub(super) fn print_from_bookmark(path: &Path, args: &Args, name: &str) -> Result<(), Error> {
    let (state, doc) = peek_state(path)?;
    let mark = super::listing::find_bookmark(&state, name).map_err(Error::Other)?;
    let doc = match doc {
        Some(doc) => doc,
        None => load(path, args.encoding)?,
    };
    let (offset, _) = crate::position::refind(&mark.anchor, &doc);
    let mut out = io::BufWriter::new(io::stdout().lock());
    crate::print::print_from(&doc, offset, args.width, args.typography(), &mut out)
        .map_err(Error::Output)
}

pub(super) fn print_bookmarks(path: &Path, json: bool) -> Result<(), Error> {
    let (state, _) = peek_state(path)?;
    write_out(&bookmarks_listing(&state, json))
}

/// `--bookmarks` with no story: the bookmarks of every book the library remembers.
pub(super) fn print_all_bookmarks(json: bool) -> Result<(), Error> {
    let store = Store::open()?;
    store.check_readable()?;
    let books = store.list();
    let offset = crate::localtime::offset_secs();
    let text = if json {
        let listed = super::listing::library_bookmarks_json(&books, offset);
        sanitise::json(&listed).into_owned()
    } else {
        let listed = super::listing::library_bookmarks_text(&books, offset);
        sanitise::text(&listed).into_owned()
    };
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(Error::Output)
}

/// What `--bookmarks` writes: the listing as text or JSON, with nothing from a label or
/// a quote that a terminal would take as a command (see [`sanitise`]).
pub fn bookmarks_listing(state: &crate::state::BookState, json: bool) -> String {
    let offset = crate::localtime::offset_secs();
    if json {
        sanitise::json(&super::listing::bookmarks_json(state, offset)).into_owned()
    } else {
        sanitise::text(&super::listing::bookmarks_text(state, offset)).into_owned()
    }
}

/// What `--toc` writes: the chapters as text or JSON. Chapter titles are the story's
/// text, sanitised like every other output (see [`sanitise`]).
pub fn toc_listing(doc: &Document, json: bool) -> String {
    let chapters = crate::toc::chapters(doc);
    if json {
        sanitise::json(&crate::toc::listing_json(doc, &chapters)).into_owned()
    } else {
        sanitise::text(&crate::toc::listing_text(doc, &chapters)).into_owned()
    }
}

pub(super) fn print_toc(path: &Path, args: &Args) -> Result<(), Error> {
    let doc = load(path, args.encoding)?;
    let text = toc_listing(&doc, args.json);
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(Error::Output)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A story's source that fails after its first bytes (lines of `a`s).
    struct Broken(usize);

    impl Read for Broken {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0 == 0 {
                return Err(io::Error::other("the disk went away"));
            }
            let n = buf.len().min(self.0);
            for (i, b) in buf[..n].iter_mut().enumerate() {
                *b = if i % 40 == 39 { b'\n' } else { b'a' };
            }
            self.0 -= n;
            Ok(n)
        }
    }

    #[test]
    fn a_failure_to_read_the_story_is_told_apart_from_one_to_write() {
        let head = b"The first line of the story.\n".to_vec();
        let windows = Windows::of_stream(Broken(1 << 16), head, None).unwrap();
        let typography = crate::layout::Typography::default();
        let mut out = Vec::new();
        let printed = crate::print::print_windows(windows, 60, typography, &mut out);
        let failed = printed.unwrap_err();
        let read = |e: io::Error| Error::Other(format!("cannot read the story: {e}"));
        let told = read_or_written(failed, read).to_string();
        assert_eq!(told, "cannot read the story: the disk went away");
        let full = io::Error::from_raw_os_error(28);
        let told = read_or_written(full, read).to_string();
        assert!(told.starts_with("cannot write output: "), "{told}");
    }
}
