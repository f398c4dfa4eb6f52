//! The errors a run can end with. Messages are lowercase fragments that name
//! the file (and page) they concern, so one line tells the user what broke.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: {}", path.display(), io_reason(source))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{origin}: invalid settings: {message}")]
    Config { origin: String, message: String },
    #[error("{0}")]
    Usage(String),
    #[error("{}: {message}", path.display())]
    Open { path: PathBuf, message: String },
    #[error("{}: needs a password (give it with --password)", path.display())]
    Encrypted { path: PathBuf },
    #[error("{}: the password is wrong", path.display())]
    WrongPassword { path: PathBuf },
    #[error("{}: page {page}: {message}", path.display())]
    Page {
        path: PathBuf,
        page: u32,
        message: String,
    },
    #[error("{message} while writing {}", path.display())]
    Write { path: PathBuf, message: String },
    #[error("cannot start worker process: {0}")]
    Spawn(std::io::Error),
}

impl Error {
    /// The message without the file (and page) it concerns, for callers
    /// that name those themselves.
    pub fn reason(&self) -> String {
        match self {
            Error::Open { message, .. } | Error::Page { message, .. } => message.clone(),
            Error::Encrypted { .. } => "needs a password (give it with --password)".to_owned(),
            Error::WrongPassword { .. } => "the password is wrong".to_owned(),
            other => other.to_string(),
        }
    }

    /// How a run that stops with this error ends: a usage error for what
    /// the user must fix in the command line or settings.
    pub fn ending(&self) -> Ending {
        match self {
            Error::Config { .. } | Error::Usage(_) => Ending::Usage,
            Error::Io { .. }
            | Error::Open { .. }
            | Error::Encrypted { .. }
            | Error::WrongPassword { .. }
            | Error::Page { .. }
            | Error::Write { .. }
            | Error::Spawn(_) => Ending::SomeFailed,
        }
    }
}

/// An I/O error as a lowercase fragment without the OS error number:
/// "no space left on device", not "No space left on device (os error 28)".
pub fn io_reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    let text = match text.rfind(" (os error ") {
        Some(i) if text.ends_with(')') => &text[..i],
        _ => text.as_str(),
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The message a panic was raised with.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_owned()
    }
}

/// How a run ended: every exit code the program gives, in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Everything converted (or skipped).
    Done,
    /// Some documents, pages or tables failed; the rest was written.
    SomeFailed,
    /// The command line or the settings are wrong (nothing converted for it).
    Usage,
    /// Stopped by Ctrl-C or SIGTERM.
    Interrupted,
}

impl Ending {
    pub fn exit_code(self) -> i32 {
        match self {
            Ending::Done => 0,
            Ending::SomeFailed => 1,
            Ending::Usage => 2,
            Ending::Interrupted => 130,
        }
    }
}
