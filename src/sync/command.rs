//! `dogear sync login|register|status` (shell code: the terminal, the network, files).

use super::account::{Account, Credentials};
use super::client::{self, Client};
use crate::config::SyncConfig;
use crate::store::Store;
use clap::{Parser, Subcommand};
use std::ffi::OsString;
use std::io::{self, BufRead, Write};
use std::process::ExitCode;

/// Progress sync with a KOReader sync server: set `server` and `username` under `[sync]`
/// in config.toml, then log in.
#[derive(Debug, Parser)]
#[command(name = "dogear sync")]
struct SyncArgs {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check the password with the server and keep its hash (never the password).
    Login(PasswordArgs),
    /// Create the account on the server (where it allows that), then log in.
    Register(PasswordArgs),
    /// The server, the user, and the last push and pull of each book.
    Status,
}

#[derive(Debug, clap::Args)]
struct PasswordArgs {
    /// Read the password from the first line of standard input (for scripts).
    #[arg(long)]
    password_stdin: bool,
}

/// Runs `dogear sync ARGS` (`args`: what follows `sync`).
pub fn main(args: &[OsString]) -> ExitCode {
    let argv = std::iter::once(OsString::from("dogear sync")).chain(args.iter().cloned());
    let args = match SyncArgs::try_parse_from(argv) {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            let _ = writeln!(io::stderr(), "dogear sync: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: SyncArgs) -> Result<(), String> {
    let store = Store::open().map_err(|e| e.to_string())?;
    let (config, notices) = store.load_config();
    for n in notices {
        let _ = writeln!(io::stderr(), "{n}");
    }
    let account = Account::new(store.dir());
    match args.command {
        Command::Login(p) => login(&config.sync, &account, &store, &p, false),
        Command::Register(p) => login(&config.sync, &account, &store, &p, true),
        Command::Status => status(&config.sync, &account, &store),
    }
}

/// The server and user from `[sync]`, or what to write there.
fn settings<'c>(sync: &'c SyncConfig, store: &Store) -> Result<(&'c str, &'c str), String> {
    let path = store.config_path();
    match (sync.server.as_deref(), sync.username.as_deref()) {
        (Some(server), Some(user)) if !user.is_empty() => Ok((server, user)),
        _ => Err(format!(
            "set server and username under [sync] in {} first, e.g.\n\n[sync]\nserver = \"https://sync.koreader.rocks\"\nusername = \"me\"",
            path.display()
        )),
    }
}

fn login(
    sync: &SyncConfig,
    account: &Account,
    store: &Store,
    p: &PasswordArgs,
    register: bool,
) -> Result<(), String> {
    let (server, user) = settings(sync, store)?;
    let password = match p.password_stdin {
        true => password_from_stdin(),
        false => password_from_tty(&format!("password for {user} on {server}: ")),
    }
    .map_err(|e| format!("cannot read the password: {}", crate::store::reason(&e)))?;
    if password.is_empty() {
        return Err("an empty password".into());
    }
    let key = client::key_of(&password);
    drop(password);
    let client = Client::new(server, sync.insecure_http, user, &key).map_err(|e| e.to_string())?;
    if register {
        client.register().map_err(|e| e.to_string())?;
        say(&format!("registered {user} on {server}\n"));
    }
    client.auth().map_err(|e| e.to_string())?;
    let credentials = Credentials {
        username: user.to_owned(),
        key,
    };
    account.save_credentials(&credentials).map_err(|e| {
        format!(
            "cannot keep the login in {}: {}",
            account.key_path().display(),
            crate::store::reason(&e)
        )
    })?;
    // Made now, so that the first book opened already has it.
    let _ = account.state();
    say(&format!("logged in to {server} as {user}\n"));
    Ok(())
}

fn status(sync: &SyncConfig, account: &Account, store: &Store) -> Result<(), String> {
    let mut out = String::new();
    let (server, user) = match settings(sync, store) {
        Ok(s) => s,
        Err(e) => {
            say(&format!("sync is not set up: {e}\n"));
            return Ok(());
        }
    };
    out.push_str(&format!("server: {server}\nuser: {user}\n"));
    let login = match account.credentials() {
        Some(c) if c.username == user => "logged in",
        Some(_) => "logged in as another user: run dogear sync login",
        None => "not logged in: run dogear sync login",
    };
    out.push_str(&format!("login: {login}\n"));
    out.push_str(&format!(
        "automatic: {}\ndevice: {}\n",
        if sync.auto { "on" } else { "off" },
        sync.device
    ));
    let state = account.state();
    out.push_str(&format!("device id: {}\n", state.device_id));
    let now = super::now_secs();
    for (fingerprint, book) in &state.books {
        let title = match book.title.is_empty() {
            true => fingerprint.as_str(),
            false => book.title.as_str(),
        };
        out.push_str(&format!("\n{title}\n"));
        match (book.pushed_at, book.pushed_percent) {
            (Some(at), Some(pct)) => out.push_str(&format!(
                "  pushed {:.1} %, {}\n",
                pct * 100.0,
                super::ago(now.saturating_sub(at))
            )),
            _ => out.push_str("  never pushed\n"),
        }
        if let (Some(at), Some(what)) = (book.pulled_at, &book.pulled) {
            out.push_str(&format!(
                "  pulled {what}, {}\n",
                super::ago(now.saturating_sub(at))
            ));
        }
        if let Some(problem) = &book.problem {
            out.push_str(&format!("  last push failed: {problem}\n"));
        }
    }
    say(&crate::sanitise::text(&out));
    Ok(())
}

/// Writes `text` to standard output; a closed one (`dogear sync status | head -1`) is
/// not an error worth a panic, which `print!` would raise.
fn say(text: &str) {
    use std::io::Write;
    let _ = io::stdout().lock().write_all(text.as_bytes());
}

fn password_from_stdin() -> io::Result<String> {
    let mut line = String::new();
    io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\n', '\r']).to_owned())
}

/// Asks on the terminal with echo off.
#[cfg(unix)]
fn password_from_tty(prompt: &str) -> io::Result<String> {
    use rustix::termios::{tcgetattr, tcsetattr, LocalModes, OptionalActions};
    let tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")?;
    (&tty).write_all(prompt.as_bytes())?;
    let old = tcgetattr(&tty)?;
    let mut quiet = old.clone();
    quiet.local_modes.remove(LocalModes::ECHO);
    tcsetattr(&tty, OptionalActions::Flush, &quiet)?;
    let mut line = String::new();
    let read = io::BufReader::new(&tty).read_line(&mut line);
    let _ = tcsetattr(&tty, OptionalActions::Now, &old);
    let _ = (&tty).write_all(b"\n");
    read?;
    Ok(line.trim_end_matches(['\n', '\r']).to_owned())
}

#[cfg(not(unix))]
fn password_from_tty(_prompt: &str) -> io::Result<String> {
    Err(io::Error::other("use --password-stdin here"))
}
