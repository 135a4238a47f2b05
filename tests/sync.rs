//! Progress sync against a real KOReader-compatible server: `korrosync` (crates.io), run
//! on a free loopback port with its own database for each test. `.ci/run` installs it under
//! `target/korrosync` (built there by the first run when it is missing; a failed build
//! fails the tests, never skips them).

mod common;

use common::{eventually, Term};
use dogear::{
    sync::client::key_of, sync::client::Client, sync::client::Progress, sync::xpointer::Map,
    sync::xpointer::Target,
};
use std::fs;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const USER: &str = "reader";
const PASSWORD: &str = "tea and biscuits";

/// The korrosync binary: `$DOGEAR_KORROSYNC`, else `target/korrosync/bin/korrosync`, else
/// on the PATH; else it is built there now, once (a few minutes, the first time the tests
/// run on a machine), so that `cargo test --locked` alone runs every test.
fn korrosync_bin() -> PathBuf {
    static BIN: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BIN.get_or_init(find_or_install).clone()
}

fn find_or_install() -> PathBuf {
    if let Some(p) = std::env::var_os("DOGEAR_KORROSYNC") {
        return PathBuf::from(p);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/korrosync");
    let local = root.join("bin/korrosync");
    if local.exists() {
        return local;
    }
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join("korrosync"))
            .find(|p| p.exists())
    });
    if let Some(found) = on_path {
        return found;
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .args([
            "install",
            "korrosync",
            "--version",
            "0.4.4",
            "--locked",
            "--root",
        ])
        .arg(&root)
        .status();
    assert!(
        status.is_ok_and(|s| s.success()) && local.exists(),
        "the sync tests need the korrosync server and could not build it: install it with\n  \
         cargo install korrosync --version 0.4.4 --locked --root target/korrosync\n\
         or set DOGEAR_KORROSYNC to its path"
    );
    local
}

/// A running korrosync, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    db: PathBuf,
    _dir: tempfile::TempDir,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Server {
    fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db.redb");
        Self::start_on(free_port(), db, dir)
    }

    fn start_on(port: u16, db: PathBuf, dir: tempfile::TempDir) -> Self {
        let child = Command::new(korrosync_bin())
            .arg("serve")
            .env("KORROSYNC_SERVER_ADDRESS", format!("127.0.0.1:{port}"))
            .env("KORROSYNC_DB_PATH", &db)
            .env("KORROSYNC_RATE_LIMIT_PER_SECOND", "1000")
            .env("KORROSYNC_RATE_LIMIT_BURST_SIZE", "1000")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start korrosync");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "korrosync did not start on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Self {
            child,
            port,
            db,
            _dir: dir,
        }
    }

    /// Stops it, keeping its database and port for [`Server::restart`].
    fn stop(mut self) -> (u16, PathBuf, tempfile::TempDir) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let dir = std::mem::replace(&mut self._dir, tempfile::tempdir().unwrap());
        (self.port, self.db.clone(), dir)
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn client(&self) -> Client {
        Client::new(&self.url(), false, USER, &key_of(PASSWORD)).unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A story and a config folder whose `[sync]` points at `url`.
struct Setup {
    dir: tempfile::TempDir,
    file: PathBuf,
}

impl Setup {
    fn new(url: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config");
        fs::create_dir(&config).unwrap();
        fs::write(
            config.join("config.toml"),
            format!("[sync]\nserver = \"{url}\"\nusername = \"{USER}\"\ndevice = \"terminal\"\n"),
        )
        .unwrap();
        let file = dir.path().join("harbour.txt");
        // CRLF line ends and tabs: KOReader's lines and ours differ in bytes.
        let mut story = String::from("THE LONG CROSSING\r\n\r\n\r\n");
        for n in 1..=300 {
            story.push_str(&format!(
                "\tParagraph {n} of the crossing, where the ferry goes on through the\r\nnight and the lights of the harbour fall behind.\r\n\r\n"
            ));
        }
        fs::write(&file, story).unwrap();
        Self { dir, file }
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    fn fingerprint(&self) -> String {
        dogear::fingerprint(&self.file).unwrap()
    }

    /// `dogear sync COMMAND --password-stdin`, the password piped in.
    fn sync(&self, command: &str) -> std::process::Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dogear"))
            .args(["sync", command, "--password-stdin"])
            .env("DOGEAR_CONFIG_DIR", self.config())
            .current_dir(self.dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        writeln!(child.stdin.take().unwrap(), "{PASSWORD}").unwrap();
        child.wait_with_output().unwrap()
    }

    fn status(&self) -> String {
        let out = Command::new(env!("CARGO_BIN_EXE_dogear"))
            .args(["sync", "status"])
            .env("DOGEAR_CONFIG_DIR", self.config())
            .current_dir(self.dir.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    }

    fn open(&self) -> Term {
        let term = Term::start(
            &[self.file.to_str().unwrap()],
            80,
            24,
            &self.config(),
            self.dir.path(),
        );
        term.wait_for("the story", |s| s.contains('%'));
        term
    }

    /// The saved place's offset.
    fn saved_offset(&self) -> Option<usize> {
        let books = self.config().join("books");
        let file = fs::read_dir(books)
            .ok()?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "json"))?;
        let json: serde_json::Value = serde_json::from_str(&fs::read_to_string(file).ok()?).ok()?;
        json["place"]["anchor"]["offset"]
            .as_u64()
            .and_then(|o| usize::try_from(o).ok())
    }

    /// KOReader's name for our place `offset` in this story.
    fn xpointer(&self, offset: usize) -> String {
        let bytes = fs::read(&self.file).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let (map, _) = Map::new(text);
        map.target(offset).unwrap().to_xpointer()
    }

    fn device_id(&self) -> String {
        let text = fs::read_to_string(self.config().join("sync.json")).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        json["device_id"].as_str().unwrap().to_owned()
    }
}

#[test]
fn the_protocol_against_korrosync() {
    let server = Server::start();
    let client = server.client();
    client.register().unwrap();
    assert_eq!(
        client.register(),
        Err(dogear::sync::client::SyncError::UserExists)
    );
    client.auth().unwrap();
    let wrong = Client::new(&server.url(), false, USER, &key_of("nope")).unwrap();
    assert_eq!(
        wrong.auth(),
        Err(dogear::sync::client::SyncError::Unauthorized)
    );
    assert_eq!(
        client.pull("0123456789abcdef0123456789abcdef").unwrap(),
        None
    );
    let progress = Progress {
        document: "0123456789abcdef0123456789abcdef".into(),
        progress: "/FictionBook/body/pre[3]/text().0".into(),
        percentage: 0.25,
        device: "test".into(),
        device_id: "0123456789ABCDEF0123456789ABCDEF".into(),
    };
    client.push(&progress).unwrap();
    let remote = client.pull(&progress.document).unwrap().unwrap();
    assert_eq!(remote.progress, progress);
    assert!(remote.timestamp > 0);
}

#[test]
fn register_read_quit_and_the_server_holds_our_place() {
    let server = Server::start();
    let setup = Setup::new(&server.url());
    let out = setup.sync("register");
    assert!(out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("logged in"),
        "{out:?}"
    );
    // A second login checks the password again.
    assert!(setup.sync("login").status.success());
    let key = fs::read_to_string(setup.config().join("sync-key.json")).unwrap();
    assert!(!key.contains(PASSWORD));

    let mut term = setup.open();
    term.send("  ");
    term.settle();
    term.send("q");
    assert_eq!(term.wait_exit(), 0);

    let offset = setup.saved_offset().expect("a saved place");
    let remote = server
        .client()
        .pull(&setup.fingerprint())
        .unwrap()
        .expect("a pushed place");
    assert_eq!(remote.progress.progress, setup.xpointer(offset));
    assert!(remote.progress.percentage > 0.0 && remote.progress.percentage < 1.0);
    assert_eq!(remote.progress.device, "terminal");
    assert_eq!(remote.progress.device_id, setup.device_id());
    let status = setup.status();
    assert!(
        status.contains(&format!("server: {}", server.url())),
        "{status}"
    );
    assert!(status.contains("pushed"), "{status}");
}

#[test]
fn a_place_from_another_device_is_offered_and_y_jumps_there() {
    let server = Server::start();
    let setup = Setup::new(&server.url());
    assert!(setup.sync("register").status.success());
    // "Another device" (KOReader on a Kobo) puts its place: a line far into the story.
    let text = fs::read_to_string(&setup.file).unwrap();
    let (map, normalised) = Map::new(text);
    let line = "Paragraph 250 of";
    let at = normalised.find(line).expect("the fixture has this line");
    let line_start = normalised[..at].rfind('\n').map_or(0, |i| i + 1);
    let Target::Pre { n, .. } = map.target(line_start).unwrap() else {
        unreachable!()
    };
    server
        .client()
        .push(&Progress {
            document: setup.fingerprint(),
            progress: format!("/FictionBook[1]/body[1]/pre[{n}]/text()[1].0"),
            percentage: 0.63,
            device: "Kobo".into(),
            device_id: "FEEDFACEFEEDFACEFEEDFACEFEEDFACE".into(),
        })
        .unwrap();

    let mut term = setup.open();
    term.wait_for("the question", |s| {
        s.contains("KOReader on Kobo is at 63 %") && s.contains("jump there? y/n")
    });
    let top_line = |s: &str| {
        s.lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default()
            .trim()
            .to_owned()
    };
    let first = top_line(&term.screen());
    term.send("y");
    let there = term.wait_for("the other device's place", |s| !s.contains("jump there"));
    assert!(top_line(&there).starts_with("Paragraph 250 of"), "{there}");
    // Back where we were with `.
    term.send("`");
    term.wait_for("the first page again", |s| top_line(s) == first);
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
}

#[test]
fn a_dead_server_never_stops_reading_and_the_next_start_pushes() {
    let server = Server::start();
    let setup = Setup::new(&server.url());
    assert!(setup.sync("register").status.success());
    let (port, db, dir) = server.stop();

    let mut term = setup.open();
    term.wait_for("a message about the server", |s| {
        s.contains("sync server refused the connection")
    });
    term.send(" ");
    term.settle();
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
    let moved = setup
        .saved_offset()
        .expect("the place is saved all the same");
    assert!(setup.status().contains("last push failed"));

    // The server is back: the next start pushes the place it could not.
    let server = Server::start_on(port, db, dir);
    let mut term = setup.open();
    eventually("the place pushed", || {
        server
            .client()
            .pull(&setup.fingerprint())
            .ok()
            .flatten()
            .is_some()
    });
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
    let remote = server.client().pull(&setup.fingerprint()).unwrap().unwrap();
    assert_eq!(remote.progress.progress, setup.xpointer(moved));
}

#[test]
fn sigterm_pushes_the_place_on_the_way_out() {
    let server = Server::start();
    let setup = Setup::new(&server.url());
    assert!(setup.sync("register").status.success());
    let mut term = setup.open();
    term.send("   ");
    term.settle();
    term.signal("TERM");
    term.wait_exit();
    let offset = setup.saved_offset().expect("a saved place");
    let remote = server
        .client()
        .pull(&setup.fingerprint())
        .unwrap()
        .unwrap_or_else(|| {
            panic!(
                "a pushed place; sync.json: {}",
                fs::read_to_string(setup.config().join("sync.json")).unwrap_or_default()
            )
        });
    assert_eq!(remote.progress.progress, setup.xpointer(offset));
}

#[test]
fn our_own_place_on_the_server_is_not_offered() {
    let server = Server::start();
    let setup = Setup::new(&server.url());
    assert!(setup.sync("register").status.success());
    let mut term = setup.open();
    term.send("  ");
    term.settle();
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
    // Another dogear of ours (the same device id) put a place further on: not offered.
    let remote = server.client().pull(&setup.fingerprint()).unwrap().unwrap();
    let mut ours = remote.progress.clone();
    ours.progress = "/FictionBook/body/pre[200]/text().0".into();
    server.client().push(&ours).unwrap();
    let mut term = setup.open();
    let fingerprint = setup.fingerprint();
    eventually("the pull", || {
        let text = fs::read_to_string(setup.config().join("sync.json")).unwrap_or_default();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        json["books"][&fingerprint]["pulled_at"].is_u64()
    });
    term.send(" ");
    let screen = term.settle();
    assert!(!screen.contains("jump there"), "{screen}");
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
}
