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
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use crate::archive::{self, Entry, UnpackError};
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
    /// Not a document (an archive's entry that is not a PDF); reported as
    /// skipped, with this reason.
    Skipped(String),
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
            if matches!(item.source, Source::File(_) | Source::ZipEntry { .. }) {
                item.source =
                    Source::Broken(format!("its workbook would overwrite that of {other}"));
            }
        } else {
            first.insert(out_key, item.display.clone());
        }
    }
    items
}

/// The entries of the archive at `path`, whose relative path
/// (`2023/bundle.zip`) is `key`: their workbooks go under a folder named
/// after it (`2023/bundle/`), and messages name them `path/entry.pdf`. Every
/// entry but a folder becomes an item, so none goes unmentioned: a PDF to
/// convert, or one refused or skipped with the reason. Two entries of one
/// name both convert, the second to `name (2).xlsx`.
fn archive_items(path: &Path, key: &str, items: &mut Vec<Item>) {
    let folder = slash_path(&Path::new(key).with_extension(""));
    let listed = File::open(path)
        .map_err(|e| crate::error::io_reason(&e))
        .and_then(|mut f| archive::entries(&mut f));
    let entries = match listed {
        Ok(entries) => entries,
        Err(message) => return items.push(broken(path.display().to_string(), key, message)),
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (index, entry) in entries.iter().enumerate() {
        if entry.is_dir {
            continue;
        }
        let display = format!("{}/{}", path.display(), entry.name);
        let Some(name) = safe_name(&entry.name) else {
            items.push(broken(
                display,
                &format!("{folder}/refused-{index}.pdf"),
                "refused: the entry's name would escape the output folder".to_owned(),
            ));
            continue;
        };
        let skip = |reason: &str| Item {
            source: Source::Skipped(reason.to_owned()),
            key: format!("{folder}/{name}"),
            display: display.clone(),
            output: PathBuf::new(),
        };
        if entry.is_symlink {
            items.push(skip("a symbolic link, not a file"));
            continue;
        }
        if !has_extension(Path::new(&name), "pdf") {
            items.push(skip("not a PDF (by its name)"));
            continue;
        }
        let n = seen.entry(name.to_ascii_lowercase()).or_insert(0);
        *n += 1;
        let (key, display) = match *n {
            1 => (format!("{folder}/{name}"), display),
            n => {
                let stem = name
                    .strip_suffix(".pdf")
                    .or_else(|| name.strip_suffix(".PDF"));
                let stem = stem.unwrap_or(&name);
                (
                    format!("{folder}/{stem} ({n}).pdf"),
                    format!("{display} (entry {} of that name)", n),
                )
            }
        };
        items.push(Item {
            key,
            display,
            source: Source::ZipEntry {
                archive: path.to_owned(),
                index,
            },
            output: PathBuf::new(),
        });
    }
}

/// An entry's name as a relative path inside the output folder, or `None`
/// when it is absolute or climbs out with `..`.
fn safe_name(name: &str) -> Option<String> {
    let path = Path::new(name);
    let escapes = path
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    let name = slash_path(path);
    (!escapes && !name.is_empty() && !name.contains('\\')).then_some(name)
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

/// A file as the file system knows it: two paths name the same file, however
/// spelled (relative, `./`, a symbolic link, a hard link), when these agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct FileId {
    device: u64,
    inode: u64,
}

fn file_id(path: &Path) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    Some(FileId {
        device: meta.dev(),
        inode: meta.ino(),
    })
}

/// The first of `outputs` that is one of the files the run reads (the
/// documents of `items`, their archives, and `others` such as the settings
/// file), with that input: writing it would destroy the input. `pictures`
/// is the debug folder, whose `NAME-pNNN.png` files would be written over.
pub fn output_over_input(
    items: &[Item],
    others: &[PathBuf],
    outputs: &[PathBuf],
    pictures: Option<&Path>,
) -> Option<(PathBuf, PathBuf)> {
    let inputs = items
        .iter()
        .filter_map(|item| match &item.source {
            Source::File(path) => Some(path),
            Source::ZipEntry { archive, .. } => Some(archive),
            Source::Broken(_) | Source::Skipped(_) => None,
        })
        .chain(others);
    let mut read: HashMap<FileId, &PathBuf> = HashMap::new();
    for input in inputs {
        if let Some(id) = file_id(input) {
            read.entry(id).or_insert(input);
        }
    }
    for output in outputs {
        if let Some(input) = file_id(output).and_then(|id| read.get(&id)) {
            return Some((output.clone(), (*input).clone()));
        }
    }
    let pictures = pictures.and_then(|dir| dir.canonicalize().ok())?;
    let is_picture_name = |name: &str| {
        name.strip_suffix(".png")
            .and_then(|stem| stem.rsplit_once("-p"))
            .is_some_and(|(_, page)| !page.is_empty() && page.chars().all(|c| c.is_ascii_digit()))
    };
    read.values().find_map(|input| {
        let name = input.file_name()?.to_string_lossy().into_owned();
        let inside = input.canonicalize().ok()?.starts_with(&pictures);
        (inside && is_picture_name(&name)).then(|| (pictures.join(&name), (*input).clone()))
    })
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
    archives: HashMap<PathBuf, (File, Vec<Entry>)>,
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
            let mut file = File::open(archive).map_err(|e| crate::error::io_reason(&e))?;
            let entries = archive::entries(&mut file)?;
            self.archives.insert(archive.to_owned(), (file, entries));
        }
        let (file, entries) = self.archives.get_mut(archive).expect("inserted above");
        let entry = entries
            .get(index)
            .ok_or_else(|| "cannot unpack: the archive changed".to_owned())?;
        let spent = self.spent.entry(archive.to_owned()).or_insert(0);
        let left = self.max_archive_bytes.saturating_sub(*spent);
        let limit = left.min(self.max_pdf_bytes);
        self.next += 1;
        let path = self.dir.path().join(format!("{}.pdf", self.next));
        let guard = TempPdf(path.clone());
        let cannot = |e: std::io::Error| format!("cannot unpack: {}", crate::error::io_reason(&e));
        let mut out = std::io::BufWriter::new(File::create(&path).map_err(cannot)?);
        let unpacked = archive::unpack(file, entry, &mut out, limit);
        match unpacked {
            Ok(written) => *spent += written,
            Err(UnpackError::TooLarge) => {
                *spent += limit;
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
            Err(UnpackError::Failed(reason)) => return Err(reason),
        }
        out.flush().map_err(cannot)?;
        Ok(guard)
    }
}

/// An unpacked entry, or a link to a PDF; the file is removed on drop.
#[derive(Debug)]
pub struct TempPdf(PathBuf);

/// A link named `NUMBER.pdf` in `dir` to `target`, a PDF whose path is not
/// valid UTF-8: MuPDF and the worker protocol take paths as text.
pub fn utf8_link(dir: &Path, number: u64, target: &Path) -> std::io::Result<TempPdf> {
    let target = std::path::absolute(target)?;
    let link = dir.join(format!("{number}.pdf"));
    std::os::unix::fs::symlink(target, &link)?;
    Ok(TempPdf(link))
}

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
                "reports/readme.txt",
                "reports/refused-1.pdf",
                "reports/x/c.pdf"
            ]
        );
        assert_eq!(items[0].output, out.join("2023/q1/B.xlsx"));
        assert_eq!(items[5].output, out.join("reports/x/c.xlsx"));
        assert!(matches!(items[2].source, Source::Broken(_)));
        assert!(matches!(&items[3].source, Source::Skipped(r) if r.contains("not a PDF")));
        assert!(matches!(&items[4].source, Source::Broken(r) if r.contains("escape")));
        assert!(items[4].display.ends_with("reports.zip/../../evil.pdf"));
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
    fn an_output_that_is_an_input_however_spelled_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("x.pdf");
        std::fs::write(&pdf, b"%PDF").unwrap();
        let link = dir.path().join("link.xlsx");
        std::os::unix::fs::symlink(&pdf, &link).unwrap();
        let hard = dir.path().join("hard.xlsx");
        std::fs::hard_link(&pdf, &hard).unwrap();
        let items = discover(std::slice::from_ref(&pdf), dir.path());
        let dotted = dir.path().join(".").join("x.pdf");
        for output in [pdf.clone(), dotted, link, hard] {
            let hit = output_over_input(&items, &[], std::slice::from_ref(&output), None);
            assert_eq!(
                hit,
                Some((output.clone(), pdf.clone())),
                "{}",
                output.display()
            );
        }
        let fresh = dir.path().join("x.xlsx");
        assert_eq!(output_over_input(&items, &[], &[fresh], None), None);
        let picture = dir.path().join("x-p001.png");
        std::fs::write(&picture, b"png").unwrap();
        let items = discover(std::slice::from_ref(&picture), dir.path());
        let hit = output_over_input(&items, &[], &[], Some(dir.path()));
        assert_eq!(hit.map(|(_, input)| input), Some(picture));
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
