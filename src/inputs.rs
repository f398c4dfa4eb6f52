//! Batch inputs: turns the command line's INPUTs (PDFs, folders searched
//! recursively, `.zip` archives of PDFs) into a sorted list of documents, each
//! with the workbook it gets under the output folder; picks this machine's
//! shard; and unpacks an archive's entry when its turn comes.
//!
//! Invariants: every document has a relative key (`folder/x.pdf`,
//! `archive/y.pdf`) that names its workbook (`OUTDIR/folder/x.xlsx`) and
//! decides its shard, so it depends only on what the user gave, never on the
//! machine; keys are unique (a second document that would write the same
//! workbook fails instead of overwriting). Nothing here aborts on one bad
//! input: a missing file, an unreadable archive or an entry whose name would
//! escape the output folder becomes a document that fails with that reason.

use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};

use zip::ZipArchive;

use crate::error::Error;

/// Where a document's bytes are.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// A PDF on disk.
    File(PathBuf),
    /// Entry number `index` of a zip archive.
    ZipEntry { archive: PathBuf, index: usize },
    /// Cannot be converted, for this reason; reported as failed.
    Broken(String),
}

/// One document of a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub source: Source,
    /// The path relative to the output folder, `/`-separated, as the input
    /// names it (`reports/2023/a.pdf`): the shard key.
    pub key: String,
    /// What messages and the report call it: the PDF's path, or
    /// `archive.zip/entry.pdf` for an archive's entry.
    pub display: String,
    /// The workbook to write.
    pub output: PathBuf,
}

/// Whether `path` is taken as a zip archive (by its name: a PDF misnamed
/// `.zip` fails as an unreadable archive, which names it).
pub fn is_zip(path: &Path) -> bool {
    has_extension(path, "zip")
}

pub fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(ext))
}

/// The documents of `inputs`, sorted by key, each with its workbook under
/// `outdir`. Archives are opened wherever they are: given as inputs or
/// found in a folder (a folder of zips is a common way to keep reports).
pub fn discover(inputs: &[PathBuf], outdir: &Path) -> Vec<Item> {
    let mut items = Vec::new();
    for input in inputs {
        let base = input
            .file_name()
            .map_or_else(|| "input".to_owned(), |n| n.to_string_lossy().into_owned());
        if input.is_dir() {
            let mut found = Vec::new();
            if let Err(e) = walk(input, &mut found) {
                items.push(broken(input.display().to_string(), &base, e.to_string()));
            }
            for path in found {
                let rel = slash_path(path.strip_prefix(input).unwrap_or(&path));
                if is_zip(&path) {
                    archive_items(&path, &rel, &mut items);
                } else {
                    items.push(Item {
                        key: rel,
                        display: path.display().to_string(),
                        source: Source::File(path.clone()),
                        output: PathBuf::new(),
                    });
                }
            }
        } else if is_zip(input) {
            archive_items(input, &base, &mut items);
        } else if input.exists() {
            items.push(Item {
                key: base,
                display: input.display().to_string(),
                source: Source::File(input.clone()),
                output: PathBuf::new(),
            });
        } else {
            items.push(broken(
                input.display().to_string(),
                &base,
                "no such file or folder".to_owned(),
            ));
        }
    }
    items.sort_by(|a, b| a.key.cmp(&b.key));
    let mut first: HashMap<String, String> = HashMap::new();
    for item in &mut items {
        let xlsx = Path::new(&item.key).with_extension("xlsx");
        item.output = outdir.join(xlsx);
        let out_key = slash_path(&item.output);
        if let Some(other) = first.get(&out_key) {
            if !matches!(item.source, Source::Broken(_)) {
                item.source =
                    Source::Broken(format!("its workbook would overwrite that of {other}"));
            }
        } else {
            first.insert(out_key, item.display.clone());
        }
    }
    items
}

/// The PDFs of the archive at `path`, whose relative path (`2023/bundle.zip`)
/// is `key`: their workbooks go under a folder named after it
/// (`2023/bundle/`), and messages name them `path/entry.pdf`.
fn archive_items(path: &Path, key: &str, items: &mut Vec<Item>) {
    let folder = Path::new(key).with_extension("");
    let folder = slash_path(&folder);
    match zip_entries(path) {
        Ok(entries) => {
            for (index, raw, name) in entries {
                let display = format!("{}/{raw}", path.display());
                items.push(match name {
                    Some(name) => Item {
                        key: format!("{folder}/{name}"),
                        display,
                        source: Source::ZipEntry {
                            archive: path.to_owned(),
                            index,
                        },
                        output: PathBuf::new(),
                    },
                    None => broken(
                        display,
                        &format!("{folder}/refused-{index}.pdf"),
                        "refused: the entry's name would escape the output folder".to_owned(),
                    ),
                });
            }
        }
        Err(message) => items.push(broken(path.display().to_string(), key, message)),
    }
}

fn broken(display: String, key: &str, reason: String) -> Item {
    Item {
        source: Source::Broken(reason),
        key: key.to_owned(),
        display,
        output: PathBuf::new(),
    }
}

/// The PDFs and zip archives under `dir`, at any depth. Symbolic links to
/// folders are not followed, so a link loop cannot make the walk endless.
fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&path, found)?;
        } else if (has_extension(&path, "pdf") || is_zip(&path)) && path.is_file() {
            found.push(path);
        }
    }
    Ok(())
}

/// `a/b/c.pdf` with forward slashes whatever the platform.
fn slash_path(path: &Path) -> String {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The PDF entries of an archive: (entry number, name as stored, safe
/// relative name), the
/// name `None` for an entry whose name is absolute or climbs out with `..`.
fn zip_entries(path: &Path) -> Result<Vec<(usize, String, Option<String>)>, String> {
    let file = File::open(path).map_err(|e| e.to_string())?;
    let mut archive =
        ZipArchive::new(file).map_err(|e| format!("cannot read as a zip archive: {e}"))?;
    let mut entries = Vec::new();
    for index in 0..archive.len() {
        let entry = archive
            .by_index_raw(index)
            .map_err(|e| format!("cannot read as a zip archive: {e}"))?;
        if entry.is_dir() || !entry.name().to_ascii_lowercase().ends_with(".pdf") {
            continue;
        }
        let name = entry.enclosed_name().map(|p| slash_path(&p));
        entries.push((
            index,
            entry.name().to_owned(),
            name.filter(|n| !n.is_empty()),
        ));
    }
    Ok(entries)
}

/// Parses `K/N` (1 ≤ K ≤ N): the K-th of N shards.
pub fn parse_shard(s: &str) -> Result<(u32, u32), String> {
    let bad = || format!("{s:?} is not K/N with 1 <= K <= N (e.g. 2/8)");
    let (k, n) = s.split_once('/').ok_or_else(bad)?;
    let (k, n): (u32, u32) = (
        k.trim().parse().map_err(|_| bad())?,
        n.trim().parse().map_err(|_| bad())?,
    );
    if k == 0 || k > n {
        return Err(bad());
    }
    Ok((k, n))
}

/// Whether the document with `key` belongs to shard `k` of `n`: by a hash
/// that every machine and every Rust version computes alike (FNV-1a, 64-bit;
/// std's `DefaultHasher` may change between releases).
pub fn in_shard(key: &str, (k, n): (u32, u32)) -> bool {
    fnv1a(key.as_bytes()) % u64::from(n) == u64::from(k - 1)
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Unpacks archive entries one at a time, as documents come up, into a
/// temporary folder, within byte limits counted on what is actually
/// written (a zip's stated sizes can lie).
pub struct Unpacker {
    dir: tempfile::TempDir,
    archives: HashMap<PathBuf, ZipArchive<File>>,
    /// Bytes unpacked so far, per archive.
    spent: HashMap<PathBuf, u64>,
    max_archive_bytes: u64,
    max_pdf_bytes: u64,
    next: u64,
}

impl Unpacker {
    /// Unpacks into a fresh hidden folder inside `parent` (the output folder,
    /// so that the space used is where the user asked to write).
    pub fn new(parent: &Path, max_archive_bytes: u64, max_pdf_bytes: u64) -> Result<Self, Error> {
        let dir = tempfile::Builder::new()
            .prefix(".tables2xlsx-unzip-")
            .tempdir_in(parent)
            .map_err(|source| Error::Io {
                path: parent.to_owned(),
                source,
            })?;
        Ok(Unpacker {
            dir,
            archives: HashMap::new(),
            spent: HashMap::new(),
            max_archive_bytes,
            max_pdf_bytes,
            next: 0,
        })
    }

    /// Writes entry `index` of `archive` to a temporary PDF, which is removed
    /// when the returned guard drops. The error is a reason, for the caller
    /// to name the entry with.
    pub fn unpack(&mut self, archive: &Path, index: usize) -> Result<TempPdf, String> {
        if !self.archives.contains_key(archive) {
            let file = File::open(archive).map_err(|e| e.to_string())?;
            let zip = ZipArchive::new(file).map_err(|e| format!("cannot read the archive: {e}"))?;
            self.archives.insert(archive.to_owned(), zip);
        }
        let zip = self.archives.get_mut(archive).expect("inserted above");
        let spent = self.spent.entry(archive.to_owned()).or_insert(0);
        let left = self.max_archive_bytes.saturating_sub(*spent);
        let limit = left.min(self.max_pdf_bytes);
        let mut entry = zip
            .by_index(index)
            .map_err(|e| format!("cannot unpack: {e}"))?;
        self.next += 1;
        let path = self.dir.path().join(format!("{}.pdf", self.next));
        let guard = TempPdf(path.clone());
        let mut out = File::create(&path).map_err(|e| format!("cannot unpack: {e}"))?;
        // One byte past the limit tells "exactly at the limit" from "over it".
        let copied = std::io::copy(&mut (&mut entry).take(limit + 1), &mut out)
            .map_err(|e| format!("cannot unpack: {e}"))?;
        *spent += copied;
        if copied > limit {
            return Err(if limit == self.max_pdf_bytes {
                format!(
                    "refused: unpacks to more than {} bytes (batch.max_pdf_bytes)",
                    self.max_pdf_bytes
                )
            } else {
                format!(
                    "refused: the archive unpacks to more than {} bytes (batch.max_unzipped_bytes)",
                    self.max_archive_bytes
                )
            });
        }
        out.flush().map_err(|e| format!("cannot unpack: {e}"))?;
        Ok(guard)
    }
}

/// An unpacked entry; the file is removed on drop.
#[derive(Debug)]
pub struct TempPdf(PathBuf);

impl TempPdf {
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempPdf {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use zip::write::SimpleFileOptions;

    fn write_zip(path: &Path, entries: &[(&str, &[u8])]) {
        let mut zip = zip::ZipWriter::new(File::create(path).unwrap());
        for (name, bytes) in entries {
            zip.start_file(*name, SimpleFileOptions::default()).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap();
    }

    #[test]
    fn folders_and_archives_map_to_workbooks_under_the_output_folder() {
        let dir = tempfile::tempdir().unwrap();
        let tree = dir.path().join("tree");
        std::fs::create_dir_all(tree.join("2023/q1")).unwrap();
        std::fs::write(tree.join("a.pdf"), b"x").unwrap();
        std::fs::write(tree.join("2023/q1/B.PDF"), b"x").unwrap();
        std::fs::write(tree.join("2023/notes.txt"), b"x").unwrap();
        let zip = dir.path().join("reports.zip");
        write_zip(
            &zip,
            &[
                ("x/c.pdf", b"%PDF"),
                ("../../evil.pdf", b"%PDF"),
                ("readme.txt", b"hi"),
            ],
        );
        let out = dir.path().join("out");
        let items = discover(&[tree, zip, dir.path().join("gone.pdf")], &out);
        let keys: Vec<&str> = items.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(
            keys,
            vec![
                "2023/q1/B.PDF",
                "a.pdf",
                "gone.pdf",
                "reports/refused-1.pdf",
                "reports/x/c.pdf"
            ]
        );
        assert_eq!(items[0].output, out.join("2023/q1/B.xlsx"));
        assert_eq!(items[4].output, out.join("reports/x/c.xlsx"));
        assert!(matches!(items[2].source, Source::Broken(_)));
        assert!(matches!(&items[3].source, Source::Broken(r) if r.contains("escape")));
        assert!(items[3].display.ends_with("reports.zip/../../evil.pdf"));
    }

    #[test]
    fn two_inputs_that_would_write_the_same_workbook_do_not_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        for d in ["a", "b"] {
            std::fs::create_dir_all(dir.path().join(d)).unwrap();
            std::fs::write(dir.path().join(d).join("same.pdf"), b"x").unwrap();
        }
        let items = discover(&[dir.path().join("a"), dir.path().join("b")], dir.path());
        assert_eq!(items.len(), 2);
        let broken: Vec<_> = items
            .iter()
            .filter(|i| matches!(i.source, Source::Broken(_)))
            .collect();
        assert_eq!(broken.len(), 1, "{items:?}");
    }

    #[test]
    fn unpacking_is_bounded_by_bytes_written_not_by_headers() {
        let dir = tempfile::tempdir().unwrap();
        let zip = dir.path().join("bomb.zip");
        let big = vec![0u8; 10_000];
        write_zip(
            &zip,
            &[("a.pdf", &big), ("b.pdf", &big), ("c.pdf", b"%PDF")],
        );
        let mut per_pdf = Unpacker::new(dir.path(), 1 << 30, 5_000).unwrap();
        let err = per_pdf.unpack(&zip, 0).unwrap_err();
        assert!(err.contains("max_pdf_bytes"), "{err}");
        let ok = per_pdf.unpack(&zip, 2).unwrap();
        assert_eq!(std::fs::read(ok.path()).unwrap(), b"%PDF");
        let path = ok.path().to_owned();
        drop(ok);
        assert!(!path.exists(), "the unpacked file goes with its guard");

        let mut per_archive = Unpacker::new(dir.path(), 15_000, 1 << 30).unwrap();
        assert!(per_archive.unpack(&zip, 0).is_ok());
        let err = per_archive.unpack(&zip, 1).unwrap_err();
        assert!(err.contains("max_unzipped_bytes"), "{err}");
    }

    #[test]
    fn shards_parse() {
        assert_eq!(parse_shard("2/8"), Ok((2, 8)));
        assert!(parse_shard("0/8").is_err());
        assert!(parse_shard("9/8").is_err());
        assert!(parse_shard("1").is_err());
        // Pinned: a hash that changed would move documents between machines
        // running different builds of one batch.
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    proptest! {
        #[test]
        fn every_key_is_in_exactly_one_shard(key in ".{0,40}", n in 1u32..12) {
            let owners = (1..=n).filter(|&k| in_shard(&key, (k, n))).count();
            prop_assert_eq!(owners, 1);
        }
    }
}
