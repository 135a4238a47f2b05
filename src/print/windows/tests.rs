//! Windows printed on several threads read exactly as windows printed one after the
//! other (of a file or of a stream), and a read error still stops the printing where it happened.

use super::*;
use crate::print::print_from;
use proptest::prelude::*;
use std::io::Cursor;

/// The windows of `bytes`, those after the first `later` bytes long.
fn windows_of(bytes: Vec<u8>, later: usize) -> Windows<Cursor<Vec<u8>>> {
    let len = bytes.len() as u64;
    let head = bytes[..bytes.len().min(8192)].to_vec();
    let rest = Cursor::new(bytes[head.len()..].to_vec());
    Windows::new(rest, len, head, None)
        .unwrap()
        .with_later_size(later)
}

/// The windows of `bytes` read as a stream, whose length is not known in advance.
fn stream_of(bytes: Vec<u8>, later: usize) -> Windows<Cursor<Vec<u8>>> {
    let head = bytes[..bytes.len().min(8192)].to_vec();
    let rest = Cursor::new(bytes[head.len()..].to_vec());
    Windows::of_stream(rest, head, None)
        .unwrap()
        .with_later_size(later)
}

/// What the windows print one after the other on this thread: the path the shared one
/// must match.
fn one_by_one<R: Read>(windows: Windows<R>, width: u16) -> (Vec<u8>, io::Result<()>) {
    let mut out = Vec::new();
    let mut any = false;
    for doc in windows {
        let doc = match doc {
            Ok(doc) => doc,
            Err(e) => return (out, Err(e)),
        };
        if doc.blocks().is_empty() {
            continue;
        }
        if any {
            out.push(b'\n');
        }
        any = true;
        print_from(&doc, 0, width, Typography::default(), &mut out).unwrap();
    }
    (out, Ok(()))
}

fn shared<R: Read + Send>(windows: Windows<R>, width: u16) -> (Vec<u8>, io::Result<()>) {
    let mut out = Vec::new();
    let result = print_windows(windows, width, Typography::default(), &mut out);
    (out, result)
}

/// A paragraph, a line of verse, a heading or a blank stretch, each ending with its line
/// end: stories of them are cut into windows at many kinds of places.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "([A-Za-z]{1,9}[,.;]? ){5,40}[a-z]{1,9}\\.\r?\n\r?\n",
        2 => "(([A-Z][a-z]{1,8} ){2,6}[a-z]{1,8},\n){2,6}\n",
        1 => "CHAPTER [IVX]{1,4}\n\n",
        1 => "\n{1,6}",
        1 => "[a-zé“”—]{1,20}( [a-zé“”—]{1,20}){0,12}\n",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn windows_printed_on_every_core_read_as_printed_one_by_one(
        pieces in prop::collection::vec(piece(), 200..800),
        later in 2048usize..40_000,
        width in prop_oneof![20u16..=40, 60u16..=100],
    ) {
        // Past the first window (64 KB) and the last (at least 128 KB), with many between.
        let one = pieces.concat();
        let story = one.repeat(400_000 / one.len() + 1).into_bytes();
        let (want, _) = one_by_one(windows_of(story.clone(), later), width);
        let (got, result) = shared(windows_of(story.clone(), later), width);
        prop_assert!(result.is_ok());
        let want = String::from_utf8(want).unwrap();
        prop_assert_eq!(&String::from_utf8(got).unwrap(), &want);
        // Read as a stream (standard input), its end not known until it comes: cut in
        // other places near the end, and laid out as the file is given the same evidence.
        let evidence = || {
            let len = story.len() as u64;
            let utf8 = crate::document::Charset::Web(encoding_rs::UTF_8);
            crate::document::load::evidence(&mut Cursor::new(&story), len, utf8, 0).unwrap()
        };
        let file = windows_of(story.clone(), later).with_evidence(evidence());
        let (want, _) = shared(file, width);
        let stream = stream_of(story.clone(), later).with_evidence(evidence());
        let (got, result) = shared(stream, width);
        prop_assert!(result.is_ok());
        prop_assert_eq!(String::from_utf8(got).unwrap(), String::from_utf8(want).unwrap());
    }
}

/// A file that fails to read after `good` bytes.
struct Failing {
    bytes: Cursor<Vec<u8>>,
    good: u64,
}

impl Read for Failing {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.bytes.position() >= self.good {
            return Err(io::Error::other("the disk went away"));
        }
        let room = usize::try_from(self.good - self.bytes.position()).unwrap_or(usize::MAX);
        let n = buf.len().min(room);
        self.bytes.read(&mut buf[..n])
    }
}

#[test]
fn a_read_error_is_reported_after_the_windows_read_before_it_are_written() {
    let story = "A paragraph of a few words, which runs to two lines at a narrow width.\n\n"
        .repeat(6000)
        .into_bytes();
    let failing = || {
        let len = story.len() as u64;
        let head = story[..8192].to_vec();
        let bytes = Cursor::new(story[8192..].to_vec());
        let file = Failing {
            bytes,
            good: len / 2,
        };
        Windows::new(file, len, head, None)
            .unwrap()
            .with_later_size(16 << 10)
    };
    let (want, want_result) = one_by_one(failing(), 40);
    let (got, result) = shared(failing(), 40);
    assert!(want_result.is_err());
    assert_eq!(result.unwrap_err().to_string(), "the disk went away");
    assert!(got.len() > 1000, "the windows before the error are written");
    assert_eq!(got, want);
}

/// An output that takes `room` bytes, then fails (a full disk, a closed pipe).
struct Full {
    room: usize,
}

impl Write for Full {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.room == 0 {
            return Err(io::Error::other("no space left"));
        }
        let n = buf.len().min(self.room);
        self.room -= n;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The workers stop when the writing does, rather than wait for their turn for ever.
#[test]
fn an_output_error_stops_every_worker_and_is_reported() {
    let story = "A paragraph of a few words, which runs to two lines at a narrow width.\n\n"
        .repeat(20_000)
        .into_bytes();
    // Failing at the first window, the longest (64 KB): the other worker is ahead by
    // then, waiting for its turn.
    let mut out = Full { room: 1000 };
    let result = print_windows(
        windows_of(story, 16 << 10),
        40,
        Typography::default(),
        &mut out,
    );
    assert_eq!(result.unwrap_err().to_string(), "no space left");
}

/// An output that tells each write it is given, as it is given.
struct Tell(mpsc::Sender<Vec<u8>>);

impl Write for Tell {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let _ = self.0.send(buf.to_vec());
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A window's text reaches the output when its turn comes, not when a buffer fills:
/// `--print` of a big story writes its first window (64 KB, less than the buffer) while
/// the next, bigger ones are still being printed. It waited for the second before.
#[test]
fn each_window_is_flushed_as_soon_as_it_is_written() {
    let (send, receive) = mpsc::channel();
    let (told, tell) = mpsc::channel();
    let (gate, spare) = (Gate::default(), Mutex::new(Vec::new()));
    std::thread::scope(|s| {
        let (gate, spare) = (&gate, &spare);
        let writer = s.spawn(move || {
            let mut out = io::BufWriter::with_capacity(1 << 16, Tell(told));
            write_in_order(&receive, gate, spare, &mut out)
        });
        send.send((0, Ok(Some("The first window.\n".to_owned()))))
            .unwrap();
        // (A failure waits this long: the first window would only come with the second.)
        let first = tell.recv_timeout(std::time::Duration::from_secs(20));
        assert_eq!(first.as_deref(), Ok(&b"The first window.\n"[..]));
        send.send((1, Ok(Some("The second.\n".to_owned()))))
            .unwrap();
        drop(send);
        writer.join().unwrap().unwrap();
    });
    let rest: Vec<u8> = tell.try_iter().flatten().collect();
    assert_eq!(String::from_utf8(rest).unwrap(), "\nThe second.\n");
}
