//! Settings: the embedded `config.toml` (the commented template of every
//! default), overlaid by a `--config` file, then environment variables, then
//! flags. Unknown keys are errors, so a typo never goes silently unused.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// The defaults, documented line by line; also what users copy from.
pub const DEFAULT_CONFIG: &str = include_str!("../config.toml");

/// The hard ceiling on worker processes, whatever is asked for.
pub const MAX_WORKERS: usize = 16;
/// Ceilings on the work a run holds at once (`pool.pages_ahead`,
/// `batch.open_documents`, each of which has a writer thread).
const MAX_PAGES_AHEAD: usize = 10_000;
const MAX_OPEN_DOCUMENTS: usize = 256;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub render: RenderConfig,
    pub detect: DetectConfig,
    pub pool: PoolConfig,
    pub output: OutputConfig,
    pub batch: BatchConfig,
    pub ocr: OcrConfig,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RenderConfig {
    pub dpi: f32,
    pub max_megapixels: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DetectConfig {
    pub ink_threshold: u8,
    pub min_line_length: f32,
    pub max_line_thickness: f32,
    pub line_merge_tolerance: f32,
    pub min_rows: usize,
    pub min_cols: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoolConfig {
    pub workers: usize,
    pub job_timeout_secs: u64,
    pub slow_job_factor: f64,
    pub min_job_secs: f64,
    pub worker_memory_mb: u64,
    pub pages_ahead: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputConfig {
    /// From `-o`'s extension or `--format`, never from a settings file: the
    /// file name a user types says what it holds.
    #[serde(skip)]
    pub format: OutputFormat,
    pub sheet_per_table: bool,
    /// `--decimal-comma`: the document writes decimals with a comma, so
    /// `1,234` is one and a bit, whatever its cells suggest.
    #[serde(skip)]
    pub decimal_comma: bool,
    pub decimal_comma_numbers: bool,
    pub space_grouped_numbers: bool,
    pub stitch_continued_tables: bool,
    pub min_confidence: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OcrConfig {
    pub mode: OcrMode,
    pub low_confidence: f32,
}

/// What the writer stage writes: a workbook, or the same tables as text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// An Excel workbook: typed cells, merged ranges, an Index sheet.
    #[default]
    Xlsx,
    /// Comma-separated values, a file per table.
    Csv,
    /// Tab-separated values, a file per table.
    Tsv,
    /// One JSON document with every table (see pipeline/output.schema.json).
    Json,
    /// Markdown (GitHub tables), a file per table.
    Md,
}

impl OutputFormat {
    pub const ALL: [OutputFormat; 5] = [
        OutputFormat::Xlsx,
        OutputFormat::Csv,
        OutputFormat::Tsv,
        OutputFormat::Json,
        OutputFormat::Md,
    ];

    /// The extension of its files, which also names it on the command line.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Xlsx => "xlsx",
            OutputFormat::Csv => "csv",
            OutputFormat::Tsv => "tsv",
            OutputFormat::Json => "json",
            OutputFormat::Md => "md",
        }
    }

    /// The format a file extension names (any case; `.markdown` too).
    pub fn from_extension(ext: &str) -> Option<OutputFormat> {
        let ext = ext.to_ascii_lowercase();
        if ext == "markdown" {
            return Some(OutputFormat::Md);
        }
        Self::ALL.into_iter().find(|f| f.extension() == ext)
    }

    /// Whether it writes a file per table (named after `-o`), not one file.
    pub fn file_per_table(self) -> bool {
        matches!(
            self,
            OutputFormat::Csv | OutputFormat::Tsv | OutputFormat::Md
        )
    }
}

/// When a page is read by OCR (`[ocr] mode`, `--ocr`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum OcrMode {
    /// Pages with ink but (almost) no text; an invisible OCR layer is used as it is.
    Auto,
    /// Pages without visible text, an invisible OCR layer or not.
    Force,
    /// Never.
    Off,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchConfig {
    pub open_documents: usize,
    pub max_unzipped_bytes: u64,
    pub max_pdf_bytes: u64,
}

impl Default for Config {
    fn default() -> Self {
        toml::from_str(DEFAULT_CONFIG).expect("the embedded config.toml is valid")
    }
}

impl Config {
    /// Defaults, then the file (if any), then `TABLES2XLSX_*` variables from `env`.
    pub fn load(
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, Error> {
        let mut merged: toml::Table =
            toml::from_str(DEFAULT_CONFIG).expect("the embedded config.toml is valid");
        if let Some(path) = file {
            // A settings file that cannot be read is the user's to fix: a
            // usage error, like a typo in it.
            let text = std::fs::read_to_string(path).map_err(|e| Error::Config {
                origin: path.display().to_string(),
                message: format!(
                    "cannot read the settings file: {}",
                    crate::error::io_reason(&e)
                ),
            })?;
            let overlay: toml::Table = toml::from_str(&text).map_err(|e| Error::Config {
                origin: path.display().to_string(),
                message: e.message().to_owned(),
            })?;
            merge(&mut merged, overlay);
        }
        // Which environment variable set a key, to name it in an error.
        let mut from_env: Vec<(String, String)> = Vec::new();
        for (key, value) in env {
            // TABLES2XLSX_TEST_* belong to the test suite's hooks, not to settings.
            if key.starts_with("TABLES2XLSX_TEST_") {
                continue;
            }
            if let Some(name) = key.strip_prefix("TABLES2XLSX_") {
                let setting = apply_env(&mut merged, name, &value)?;
                from_env.push((setting, key.clone()));
            }
        }
        let config: Config =
            toml::Value::Table(merged.clone())
                .try_into()
                .map_err(|e: toml::de::Error| {
                    let key = culprit(&merged);
                    let origin = key
                        .as_ref()
                        .and_then(|k| from_env.iter().find(|(s, _)| s == k))
                        .map(|(_, var)| var.clone())
                        .or_else(|| file.map(|p| p.display().to_string()))
                        .unwrap_or_else(|| "settings".to_owned());
                    let message = plain_type_words(e.message());
                    Error::Config {
                        origin,
                        message: match key {
                            Some(key) => format!("{key}: {message}"),
                            None => message,
                        },
                    }
                })?;
        // A value out of range: named by the key's origin as well.
        config.validate().map_err(|e| match e {
            Error::Config { message, .. } => {
                let key = message.split_whitespace().next().unwrap_or_default();
                let origin = from_env
                    .iter()
                    .find(|(s, _)| s == key)
                    .map(|(_, var)| var.clone())
                    .or_else(|| file.map(|p| p.display().to_string()))
                    .unwrap_or_else(|| "settings".to_owned());
                Error::Config { origin, message }
            }
            other => other,
        })?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), Error> {
        let bad = |message: String| {
            Err(Error::Config {
                origin: "settings".to_owned(),
                message,
            })
        };
        if !(36.0..=1200.0).contains(&self.render.dpi) {
            return bad(format!(
                "render.dpi must be between 36 and 1200, not {}",
                self.render.dpi
            ));
        }
        if self.pool.workers > MAX_WORKERS {
            return bad(format!(
                "pool.workers must be at most {MAX_WORKERS}, not {}",
                self.pool.workers
            ));
        }
        if !(1.0..=1000.0).contains(&self.render.max_megapixels) {
            return bad(format!(
                "render.max_megapixels must be between 1 and 1000, not {}",
                self.render.max_megapixels
            ));
        }
        if self.pool.job_timeout_secs == 0 || self.pool.slow_job_factor < 1.0 {
            return bad(
                "pool.job_timeout_secs must be at least 1 and pool.slow_job_factor at least 1"
                    .to_owned(),
            );
        }
        if self.pool.worker_memory_mb != 0 && self.pool.worker_memory_mb < 256 {
            return bad(format!(
                "pool.worker_memory_mb must be 0 (no limit) or at least 256, not {}",
                self.pool.worker_memory_mb
            ));
        }
        // Each of these is work held in memory at once: a number typed by
        // mistake must not become an allocation.
        if self.pool.pages_ahead > MAX_PAGES_AHEAD {
            return bad(format!(
                "pool.pages_ahead must be at most {MAX_PAGES_AHEAD}, not {}",
                self.pool.pages_ahead
            ));
        }
        if self.batch.open_documents > MAX_OPEN_DOCUMENTS {
            return bad(format!(
                "batch.open_documents must be at most {MAX_OPEN_DOCUMENTS}, not {}",
                self.batch.open_documents
            ));
        }
        if self.detect.min_rows == 0 || self.detect.min_cols == 0 {
            return bad("detect.min_rows and detect.min_cols must be at least 1".to_owned());
        }
        if !(0.0..=1.0).contains(&self.output.min_confidence) {
            return bad(format!(
                "output.min_confidence must be between 0 and 1, not {}",
                self.output.min_confidence
            ));
        }
        if !(0.0..=1.0).contains(&self.ocr.low_confidence) {
            return bad(format!(
                "ocr.low_confidence must be between 0 and 1, not {}",
                self.ocr.low_confidence
            ));
        }
        Ok(())
    }

    /// The number of worker processes to start: as configured, or one per core,
    /// never more than [`MAX_WORKERS`].
    pub fn worker_count(&self) -> usize {
        let wanted = match self.pool.workers {
            0 => cores(),
            n => n,
        };
        wanted.clamp(1, MAX_WORKERS)
    }

    /// How many documents of a batch are converted at once.
    pub fn open_documents(&self) -> usize {
        match self.batch.open_documents {
            0 => 2 * self.worker_count(),
            n => n,
        }
    }

    /// How many pages may be detected ahead of the page being written.
    pub fn pages_ahead(&self) -> usize {
        match self.pool.pages_ahead {
            0 => 4 * self.worker_count(),
            n => n,
        }
    }
}

/// Deep-merges `overlay` into `base`: tables key by key, anything else replaced.
fn merge(base: &mut toml::Table, overlay: toml::Table) {
    for (key, value) in overlay {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

/// Applies `SECTION_KEY=value` to the matching setting, typed like its default.
/// The key (`render.dpi`) whose value the settings cannot take: each key of
/// `merged` tried alone over the defaults.
fn culprit(merged: &toml::Table) -> Option<String> {
    let defaults: toml::Table = toml::from_str(DEFAULT_CONFIG).expect("valid");
    for (section, value) in merged {
        let Some(table) = value.as_table() else {
            return Some(section.clone());
        };
        for (key, value) in table {
            let mut probe = defaults.clone();
            match probe.get_mut(section).and_then(|v| v.as_table_mut()) {
                Some(t) => {
                    t.insert(key.clone(), value.clone());
                }
                None => return Some(section.clone()),
            }
            if toml::Value::Table(probe).try_into::<Config>().is_err() {
                return Some(format!("{section}.{key}"));
            }
        }
    }
    None
}

/// Serde's words for types in a user's words: "expected f32" is "expected
/// a number".
fn plain_type_words(message: &str) -> String {
    let mut out = message.to_owned();
    for (rust, plain) in [
        ("expected f32", "expected a number"),
        ("expected f64", "expected a number"),
        ("expected u8", "expected a whole number"),
        ("expected u16", "expected a whole number"),
        ("expected u32", "expected a whole number"),
        ("expected u64", "expected a whole number"),
        ("expected usize", "expected a whole number"),
        ("expected a boolean", "expected true or false"),
    ] {
        out = out.replace(rust, plain);
    }
    // "expected struct RenderConfig": a section given as a value.
    if let Some(at) = out.find("expected struct ") {
        out.replace_range(at.., "expected a table of settings ([section])");
    }
    out
}

/// Sets the setting an environment variable names (`RENDER_DPI` for
/// `[render] dpi`); gives its key, `render.dpi`.
fn apply_env(config: &mut toml::Table, name: &str, value: &str) -> Result<String, Error> {
    let name = name.to_ascii_lowercase();
    let unknown = || Error::Config {
        origin: format!("TABLES2XLSX_{}", name.to_ascii_uppercase()),
        message: "no such setting".to_owned(),
    };
    let (section, key) = config
        .iter()
        .find_map(|(section, _)| {
            name.strip_prefix(section.as_str())
                .and_then(|rest| rest.strip_prefix('_'))
                .map(|key| (section.clone(), key.to_owned()))
        })
        .ok_or_else(unknown)?;
    let table = config
        .get_mut(&section)
        .and_then(|v| v.as_table_mut())
        .ok_or_else(unknown)?;
    let default = table.get(&key).ok_or_else(unknown)?;
    // A number given whole in the defaults (`dpi = 144`) may take decimals:
    // whether it does is for the settings' types to say.
    let number = || {
        value
            .parse()
            .map(toml::Value::Integer)
            .or_else(|_| value.parse().map(toml::Value::Float))
            .ok()
    };
    let (parsed, expected) = match default {
        toml::Value::Boolean(_) => (
            value.parse().map(toml::Value::Boolean).ok(),
            "true or false",
        ),
        toml::Value::Integer(_) | toml::Value::Float(_) => (number(), "a number"),
        _ => (Some(toml::Value::String(value.to_owned())), "text"),
    };
    let parsed = parsed.ok_or_else(|| Error::Config {
        origin: format!("TABLES2XLSX_{}", name.to_ascii_uppercase()),
        message: format!("{section}.{key}: expected {expected}, not {value:?}"),
    })?;
    let setting = format!("{section}.{key}");
    table.insert(key, parsed);
    Ok(setting)
}

/// The cores this process may run on, asked once: the answer reads the
/// cgroup's files each time, and a run asks for it several times.
fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_defaults_parse() {
        let c = Config::default();
        assert_eq!(c.render.dpi, 144.0);
        assert!(!c.output.sheet_per_table);
    }

    #[test]
    fn file_then_env_overlay_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(
            &path,
            "[render]\ndpi = 200\n[output]\nsheet_per_table = true\n",
        )
        .unwrap();
        let env = vec![("TABLES2XLSX_RENDER_DPI".to_owned(), "300".to_owned())];
        let c = Config::load(Some(&path), env).unwrap();
        assert_eq!(c.render.dpi, 300.0);
        assert!(c.output.sheet_per_table);
        assert_eq!(c.detect, Config::default().detect);
    }

    #[test]
    fn typos_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, "[render]\ndpii = 200\n").unwrap();
        let err = Config::load(Some(&path), vec![]).unwrap_err();
        assert!(err.to_string().contains("dpii"), "{err}");
        let env = vec![("TABLES2XLSX_POOL_WORKERZ".to_owned(), "3".to_owned())];
        assert!(Config::load(None, env).is_err());
    }

    #[test]
    fn issue_13_settings_errors_name_the_key_and_where_it_was_set() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        let shown = path.display().to_string();
        let load = |text: &str, env: &[(&str, &str)]| {
            std::fs::write(&path, text).unwrap();
            let env = env.iter().map(|(k, v)| (k.to_string(), v.to_string()));
            Config::load(Some(&path), env.collect::<Vec<_>>())
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            load("[render]\ndpi = \"lots\"\n", &[]),
            format!("{shown}: invalid settings: render.dpi: invalid type: string \"lots\", expected a number")
        );
        assert_eq!(
            load("[pool]\nworkers = 2\n", &[("TABLES2XLSX_RENDER_DPI", "x")]),
            "TABLES2XLSX_RENDER_DPI: invalid settings: render.dpi: expected a number, not \"x\""
        );
        assert_eq!(
            load("", &[("TABLES2XLSX_RENDER_DPI", "5000")]),
            "TABLES2XLSX_RENDER_DPI: invalid settings: render.dpi must be between 36 and 1200, not 5000"
        );
        assert!(load("[pool]\nworkers = 2.5\n", &[]).contains("pool.workers: "));
        let env = vec![("TABLES2XLSX_RENDER_DPI".to_owned(), "150.5".to_owned())];
        assert_eq!(
            Config::load(None, env).unwrap().render.dpi,
            150.5,
            "decimals where the type takes them"
        );
    }

    #[test]
    fn every_preset_in_pipeline_loads() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("pipeline/presets");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let config = Config::load(Some(&path), vec![]);
            assert!(config.is_ok(), "{}: {:?}", path.display(), config.err());
            assert_ne!(
                config.unwrap(),
                Config::default(),
                "{} changes nothing",
                path.display()
            );
            n += 1;
        }
        assert!(n >= 2);
    }

    #[test]
    fn workers_are_capped_at_16() {
        let env = vec![("TABLES2XLSX_POOL_WORKERS".to_owned(), "64".to_owned())];
        assert!(Config::load(None, env).is_err());
        let mut c = Config::default();
        c.pool.workers = 0;
        assert!((1..=MAX_WORKERS).contains(&c.worker_count()));
    }
}
