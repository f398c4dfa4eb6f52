//! The errors a run can end with. Messages are lowercase fragments that name
//! the file (and page) they concern, so one line tells the user what broke.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{origin}: invalid settings: {message}")]
    Config { origin: String, message: String },
    #[error("{0}")]
    Usage(String),
    #[error("{path}: cannot open as PDF: {message}")]
    Open { path: PathBuf, message: String },
    #[error("{path}: needs a password (give it with --password)")]
    Encrypted { path: PathBuf },
    #[error("{path}: the password is wrong")]
    WrongPassword { path: PathBuf },
    #[error("{path}: page {page}: {message}")]
    Page {
        path: PathBuf,
        page: u32,
        message: String,
    },
    #[error("{path}: cannot write workbook: {message}")]
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

    /// The process exit code this error ends a run with: 2 for what the user
    /// must fix in the command line or settings, 1 for everything else.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Config { .. } | Error::Usage(_) => 2,
            _ => 1,
        }
    }
}
