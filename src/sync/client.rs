//! The KOReader sync protocol over HTTP (shell code: the network).
//!
//! Every call is blocking with a short overall timeout ([`TIMEOUT`]) and is made from a
//! background thread in the reader (see [`super::Syncer`]), so a slow or dead server never
//! holds up a key. Every failure becomes one short [`SyncError`] that names no password,
//! key or header: what the reader sees, and what is kept.

use serde::{Deserialize, Serialize};
use std::time::Duration;

/// How long one call may take, connection included.
pub const TIMEOUT: Duration = Duration::from_secs(2);

const ACCEPT: &str = "application/vnd.koreader.v1+json";

/// Why a call failed, in words for the status bar.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SyncError {
    #[error("sync server address '{0}' is not an http(s) URL")]
    BadUrl(String),
    #[error(
        "sync server must use https (http only on this machine, or with insecure_http = true)"
    )]
    Insecure,
    #[error("sync server not found")]
    NotFound,
    #[error("sync server refused the connection")]
    Refused,
    #[error("sync server did not answer in time")]
    Timeout,
    #[error("cannot reach the sync server")]
    Unreachable,
    #[error("sync server: wrong user name or password")]
    Unauthorized,
    #[error("sync server: that user name is taken")]
    UserExists,
    #[error("sync server does not allow new accounts")]
    RegistrationClosed,
    #[error("sync server error (HTTP {0})")]
    Server(u16),
    #[error("sync server sent a reply dogear does not understand")]
    BadReply,
}

/// A place as the protocol carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub document: String,
    pub progress: String,
    pub percentage: f64,
    pub device: String,
    pub device_id: String,
}

/// A place the server holds, and when it was put there (unix seconds).
#[derive(Debug, Clone, PartialEq)]
pub struct Remote {
    pub progress: Progress,
    pub timestamp: u64,
}

/// What `GET /syncs/progress/:document` answers: all fields, or none (`{}`).
#[derive(Debug, Deserialize)]
struct Pulled {
    progress: Option<String>,
    percentage: Option<f64>,
    device: Option<String>,
    device_id: Option<String>,
    timestamp: Option<u64>,
}

/// A sync server and the account used on it.
pub struct Client {
    agent: ureq::Agent,
    base: String,
    user: String,
    /// md5 of the password, lowercase hex: what the protocol sends.
    key: String,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the key.
        f.debug_struct("Client")
            .field("base", &self.base)
            .field("user", &self.user)
            .finish_non_exhaustive()
    }
}

/// md5 of `password`, lowercase hex: the key the protocol sends and dogear keeps.
pub fn key_of(password: &str) -> String {
    use md5::{Digest, Md5};
    Md5::digest(password.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `server` may be used: `https://`, or `http://` to this machine (or anywhere
/// with `insecure_http`). Returns the address without a trailing `/`.
pub fn check_server(server: &str, insecure_http: bool) -> Result<String, SyncError> {
    let server = server.trim().trim_end_matches('/');
    let bad = || SyncError::BadUrl(crate::sanitise::text(server).into_owned());
    let (scheme, rest) = server.split_once("://").ok_or_else(bad)?;
    let host_port = rest.split('/').next().unwrap_or("");
    if host_port.is_empty() || host_port.contains('@') {
        // No host, or credentials in the address (they would end up in messages).
        return Err(bad());
    }
    match scheme.to_ascii_lowercase().as_str() {
        "https" => Ok(server.to_owned()),
        "http" if insecure_http || is_loopback(host_port) => Ok(server.to_owned()),
        "http" => Err(SyncError::Insecure),
        _ => Err(bad()),
    }
}

fn is_loopback(host_port: &str) -> bool {
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host_port.rsplit_once(':').map_or(host_port, |(h, _)| h),
    };
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

impl Client {
    /// A client for `server` (see [`check_server`]) as `user` with `key` (see [`key_of`]).
    pub fn new(
        server: &str,
        insecure_http: bool,
        user: &str,
        key: &str,
    ) -> Result<Self, SyncError> {
        let base = check_server(server, insecure_http)?;
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(TIMEOUT))
            .http_status_as_error(false)
            .https_only(base.to_ascii_lowercase().starts_with("https"))
            .user_agent(concat!("dogear/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Ok(Self {
            agent,
            base,
            user: user.to_owned(),
            key: key.to_owned(),
        })
    }

    /// `POST /users/create`: makes the account (the server may not allow it).
    pub fn register(&self) -> Result<(), SyncError> {
        let body = serde_json::json!({ "username": self.user, "password": self.key });
        let response = self
            .agent
            .post(format!("{}/users/create", self.base))
            .header("Accept", ACCEPT)
            .send_json(body);
        let (code, mut response) = status(response)?;
        match code {
            200..=299 => Ok(()),
            // 402 is both "taken" and "registration is off" on KOReader's server: its
            // message tells them apart.
            402 | 409 => {
                let message = response
                    .body_mut()
                    .with_config()
                    .limit(16 * 1024)
                    .read_to_string()
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                match message.contains("disabled") || message.contains("not allowed") {
                    true => Err(SyncError::RegistrationClosed),
                    false => Err(SyncError::UserExists),
                }
            }
            403 => Err(SyncError::RegistrationClosed),
            code => Err(other(code)),
        }
    }

    /// `GET /users/auth`: whether the user name and key are good.
    pub fn auth(&self) -> Result<(), SyncError> {
        let response = self
            .authed(self.agent.get(format!("{}/users/auth", self.base)))
            .call();
        match status(response)? {
            (200..=299, _) => Ok(()),
            (code, _) => Err(other(code)),
        }
    }

    /// `PUT /syncs/progress`: the server keeps this place (the last one written wins).
    pub fn push(&self, progress: &Progress) -> Result<(), SyncError> {
        let response = self
            .authed(self.agent.put(format!("{}/syncs/progress", self.base)))
            .send_json(progress);
        match status(response)? {
            (200..=299, _) => Ok(()),
            (code, _) => Err(other(code)),
        }
    }

    /// `GET /syncs/progress/:document`: the place the server holds for a book, if any.
    pub fn pull(&self, document: &str) -> Result<Option<Remote>, SyncError> {
        let url = format!("{}/syncs/progress/{document}", self.base);
        let response = self.authed(self.agent.get(url)).call();
        let (code, mut response) = status(response)?;
        match code {
            200..=299 => {}
            // Some servers answer a book they never saw with 404.
            404 => return Ok(None),
            code => return Err(other(code)),
        }
        let pulled: Pulled = response
            .body_mut()
            .with_config()
            .limit(64 * 1024)
            .read_json()
            .map_err(|_| SyncError::BadReply)?;
        let Some(progress) = pulled.progress else {
            return Ok(None);
        };
        Ok(Some(Remote {
            progress: Progress {
                document: document.to_owned(),
                progress,
                percentage: pulled.percentage.unwrap_or(0.0).clamp(0.0, 1.0),
                device: pulled.device.unwrap_or_default(),
                device_id: pulled.device_id.unwrap_or_default(),
            },
            timestamp: pulled.timestamp.unwrap_or(0),
        }))
    }

    fn authed<B>(&self, request: ureq::RequestBuilder<B>) -> ureq::RequestBuilder<B> {
        request
            .header("Accept", ACCEPT)
            .header("x-auth-user", &self.user)
            .header("x-auth-key", &self.key)
    }
}

type Answer = (u16, ureq::http::Response<ureq::Body>);

/// The status of a response, or why there was none.
fn status(
    response: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
) -> Result<Answer, SyncError> {
    match response {
        Ok(r) => Ok((r.status().as_u16(), r)),
        Err(e) => Err(transport(&e)),
    }
}

/// A transport failure in a few words (ureq's own messages may hold the address).
fn transport(e: &ureq::Error) -> SyncError {
    match e {
        ureq::Error::Timeout(_) => SyncError::Timeout,
        ureq::Error::HostNotFound => SyncError::NotFound,
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            SyncError::Refused
        }
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => SyncError::Timeout,
        ureq::Error::StatusCode(code) => other(*code),
        ureq::Error::Json(_) => SyncError::BadReply,
        _ => SyncError::Unreachable,
    }
}

fn other(code: u16) -> SyncError {
    match code {
        401 | 403 => SyncError::Unauthorized,
        _ => SyncError::Server(code),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_lowercase_hex_md5() {
        assert_eq!(key_of("password"), "5f4dcc3b5aa765d61d8327deb882cf99");
    }

    #[test]
    fn http_only_to_this_machine_or_when_allowed() {
        assert_eq!(
            check_server("https://sync.example.org/", false),
            Ok("https://sync.example.org".into())
        );
        assert!(check_server("http://127.0.0.1:7200", false).is_ok());
        assert!(check_server("http://localhost:7200/x", false).is_ok());
        assert!(check_server("http://[::1]:7200", false).is_ok());
        assert_eq!(
            check_server("http://sync.example.org", false),
            Err(SyncError::Insecure)
        );
        assert!(check_server("http://sync.example.org", true).is_ok());
        assert!(matches!(
            check_server("ftp://x", true),
            Err(SyncError::BadUrl(_))
        ));
        assert!(matches!(
            check_server("sync.example.org", true),
            Err(SyncError::BadUrl(_))
        ));
        assert!(matches!(
            check_server("https://me:secret@sync.example.org", false),
            Err(SyncError::BadUrl(_))
        ));
    }

    #[test]
    fn a_dead_server_is_one_short_message_without_secrets() {
        // A port nothing listens on (bound, then closed).
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let client = Client::new(
            &format!("http://127.0.0.1:{port}"),
            false,
            "me",
            "secretkey",
        )
        .unwrap();
        let err = client.pull("abc").unwrap_err();
        assert_eq!(err, SyncError::Refused);
        let text = err.to_string();
        assert!(!text.contains("secretkey") && !format!("{client:?}").contains("secretkey"));
    }
}
