//! Zip archives read as their central directory lists them: every entry,
//! two entries of one name included (the `zip` crate keeps only the last
//! of those, so the other would vanish without a word), and an entry's
//! bytes unpacked within a limit counted on what is actually written.
//!
//! Only what batches need: stored and deflated entries, Zip64 (archives
//! over 4 GiB or 65,535 entries), archives with bytes before them
//! (self-extracting). Anything else (encryption, other compression) is an
//! entry refused with its reason. Every size and offset read from the file
//! is checked against the file before it is used: a hostile archive gets
//! an error, never a huge allocation.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};

/// The most central directory read into memory: 100,000 entries with long
/// names fit many times over.
const MAX_DIRECTORY_BYTES: u64 = 256 << 20;

/// One entry of an archive, as its central directory describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The name as stored (UTF-8, or read as such where it is not marked).
    pub name: String,
    pub is_dir: bool,
    pub is_symlink: bool,
    encrypted: bool,
    method: u16,
    crc32: u32,
    compressed_size: u64,
    local_header: u64,
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from(u32_at(b, at)) | u64::from(u32_at(b, at + 4)) << 32
}

fn read_at(file: &mut File, at: u64, len: usize) -> std::io::Result<Vec<u8>> {
    let mut buf = vec![0; len];
    file.seek(SeekFrom::Start(at))?;
    file.read_exact(&mut buf)?;
    Ok(buf)
}

/// The entries of the archive, in the order the central directory lists
/// them; the reason if it cannot be read as a zip archive.
pub fn entries(file: &mut File) -> Result<Vec<Entry>, String> {
    let damaged = |what: &str| format!("cannot read as a zip archive: {what}");
    let io = |e: std::io::Error| damaged(&crate::error::io_reason(&e));
    let len = file.metadata().map_err(io)?.len();
    // The end record sits in the last 22 bytes plus a comment of up to 64 KiB.
    let tail_len = len.min(22 + 0xFFFF);
    let tail = read_at(file, len - tail_len, tail_len as usize).map_err(io)?;
    let end = (0..tail.len().saturating_sub(21))
        .rev()
        .find(|&i| u32_at(&tail, i) == 0x0605_4b50)
        .ok_or_else(|| damaged("no end of central directory"))?;
    let end_at = len - tail_len + end as u64;
    let mut count = u64::from(u16_at(&tail, end + 10));
    let mut size = u64::from(u32_at(&tail, end + 12));
    let mut offset = u64::from(u32_at(&tail, end + 16));
    let mut directory_end = end_at;
    if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
        // Zip64: a locator just before the end record points at the real one.
        let locator_at = end_at
            .checked_sub(20)
            .ok_or_else(|| damaged("no Zip64 locator"))?;
        let locator = read_at(file, locator_at, 20).map_err(io)?;
        if u32_at(&locator, 0) != 0x0706_4b50 {
            return Err(damaged("no Zip64 locator"));
        }
        let record_at = u64_at(&locator, 8);
        if record_at > locator_at.saturating_sub(56) {
            return Err(damaged("the Zip64 end record is out of place"));
        }
        let record = read_at(file, record_at, 56).map_err(io)?;
        if u32_at(&record, 0) != 0x0606_4b50 {
            return Err(damaged("no Zip64 end record"));
        }
        count = u64_at(&record, 32);
        size = u64_at(&record, 40);
        offset = u64_at(&record, 48);
        directory_end = record_at;
    }
    if size > directory_end || size > MAX_DIRECTORY_BYTES || count > size / 46 + 1 {
        return Err(damaged("the central directory's size is impossible"));
    }
    // Bytes before the archive (a self-extractor) shift every offset.
    let directory_at = directory_end - size;
    let shift = directory_at
        .checked_sub(offset)
        .ok_or_else(|| damaged("the central directory is out of place"))?;
    let directory = read_at(file, directory_at, size as usize).map_err(io)?;
    let mut entries = Vec::with_capacity(count as usize);
    let mut at = 0usize;
    while entries.len() < count as usize {
        if at + 46 > directory.len() || u32_at(&directory, at) != 0x0201_4b50 {
            return Err(damaged("a central directory entry is cut or missing"));
        }
        let h = &directory[at..];
        let flags = u16_at(h, 8);
        let (name_len, extra_len, comment_len) = (
            u16_at(h, 28) as usize,
            u16_at(h, 30) as usize,
            u16_at(h, 32) as usize,
        );
        if at + 46 + name_len + extra_len + comment_len > directory.len() {
            return Err(damaged("a central directory entry is cut"));
        }
        let raw_name = &h[46..46 + name_len];
        let extra = &h[46 + name_len..46 + name_len + extra_len];
        let mut size = u64::from(u32_at(h, 24));
        let mut compressed_size = u64::from(u32_at(h, 20));
        let mut local_header = u64::from(u32_at(h, 42));
        zip64_sizes(extra, &mut size, &mut compressed_size, &mut local_header);
        let local_header = local_header
            .checked_add(shift)
            .filter(|&o| o < directory_at)
            .ok_or_else(|| damaged("an entry lies outside the archive"))?;
        let name = String::from_utf8_lossy(raw_name).into_owned();
        // The upper 16 bits of the external attributes are the Unix mode.
        let mode = u32_at(h, 38) >> 16;
        entries.push(Entry {
            is_dir: name.ends_with('/') || name.ends_with('\\'),
            is_symlink: mode & 0o170000 == 0o120000,
            encrypted: flags & 1 != 0,
            method: u16_at(h, 10),
            crc32: u32_at(h, 16),
            compressed_size,
            local_header,
            name,
        });
        at += 46 + name_len + extra_len + comment_len;
    }
    Ok(entries)
}

/// Reads the Zip64 extra field (id 1): the 64-bit values of those of the
/// three that were stored as 0xFFFFFFFF, in this order.
fn zip64_sizes(extra: &[u8], size: &mut u64, compressed: &mut u64, offset: &mut u64) {
    let mut at = 0;
    while at + 4 <= extra.len() {
        let (id, len) = (u16_at(extra, at), u16_at(extra, at + 2) as usize);
        let field = &extra[at + 4..(at + 4 + len).min(extra.len())];
        if id == 1 {
            let mut values = field.chunks_exact(8).map(|c| u64_at(c, 0));
            for slot in [size, compressed, offset] {
                if *slot == 0xFFFF_FFFF {
                    match values.next() {
                        Some(v) => *slot = v,
                        None => return,
                    }
                }
            }
            return;
        }
        at += 4 + len;
    }
}

/// How an unpacking ended badly.
#[derive(Debug, PartialEq)]
pub enum UnpackError {
    /// Unpacks to more than the limit given.
    TooLarge,
    /// Anything else, as a reason for the user.
    Failed(String),
}

/// Unpacks `entry` into `out`, writing at most `limit` bytes; gives the
/// bytes written.
pub fn unpack(
    file: &mut File,
    entry: &Entry,
    out: &mut impl Write,
    limit: u64,
) -> Result<u64, UnpackError> {
    let fail = |m: String| UnpackError::Failed(m);
    if entry.encrypted {
        return Err(fail("refused: the entry is encrypted".to_owned()));
    }
    let io = |e: std::io::Error| fail(format!("cannot unpack: {}", crate::error::io_reason(&e)));
    let header = read_at(file, entry.local_header, 30).map_err(io)?;
    if u32_at(&header, 0) != 0x0403_4b50 {
        return Err(fail(
            "cannot unpack: the entry's header is missing".to_owned(),
        ));
    }
    let data_at =
        entry.local_header + 30 + u64::from(u16_at(&header, 26)) + u64::from(u16_at(&header, 28));
    file.seek(SeekFrom::Start(data_at)).map_err(io)?;
    let stored = Read::take(&mut *file, entry.compressed_size);
    let mut reader: Box<dyn Read + '_> = match entry.method {
        0 => Box::new(stored),
        8 => Box::new(flate2::read::DeflateDecoder::new(stored)),
        m => {
            return Err(fail(format!(
                "refused: compressed with method {m}; only stored and deflated entries are read"
            )))
        }
    };
    let mut crc = crc32fast::Hasher::new();
    let mut written = 0u64;
    let mut buf = vec![0u8; 64 << 10];
    loop {
        let n = reader.read(&mut buf).map_err(io)?;
        if n == 0 {
            break;
        }
        if written + n as u64 > limit {
            return Err(UnpackError::TooLarge);
        }
        crc.update(&buf[..n]);
        out.write_all(&buf[..n]).map_err(io)?;
        written += n as u64;
    }
    if crc.finalize() != entry.crc32 {
        return Err(fail(
            "damaged: the unpacked bytes fail their checksum (CRC-32)".to_owned(),
        ));
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use zip::write::SimpleFileOptions;

    fn archive(entries: &[(&str, &[u8], bool)]) -> (tempfile::TempDir, File) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.zip");
        let mut zip = zip::ZipWriter::new(File::create(&path).unwrap());
        for (name, bytes, stored) in entries {
            let method = match stored {
                true => zip::CompressionMethod::Stored,
                false => zip::CompressionMethod::Deflated,
            };
            let options = SimpleFileOptions::default().compression_method(method);
            zip.start_file(*name, options).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap();
        let file = File::open(&path).unwrap();
        (dir, file)
    }

    #[test]
    fn every_entry_is_listed_and_unpacks_to_its_bytes() {
        let big: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let (_dir, mut file) = archive(&[
            ("a/x.pdf", b"%PDF-one", false),
            ("b.pdf", &big, true),
            ("c.pdf", &big, false),
        ]);
        let entries = entries(&mut file).unwrap();
        let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["a/x.pdf", "b.pdf", "c.pdf"]);
        let mut out = Vec::new();
        assert_eq!(unpack(&mut file, &entries[0], &mut out, 100), Ok(8));
        assert_eq!(out, b"%PDF-one");
        for entry in &entries[1..] {
            let mut out = Vec::new();
            unpack(&mut file, entry, &mut out, 1 << 20).unwrap();
            assert_eq!(out, big, "{}", entry.name);
            let mut out = Vec::new();
            let limited = unpack(&mut file, entry, &mut out, 1000);
            assert_eq!(limited, Err(UnpackError::TooLarge));
            assert!(out.len() <= 1000, "stops at the limit");
        }
    }

    #[test]
    fn two_entries_of_one_name_are_both_there() {
        // The zip writer refuses a second entry of one name; write two and
        // rename the second in place.
        let (dir, _) = archive(&[
            ("r.pdf", b"%PDF-first", true),
            ("s.pdf", b"%PDF-second", true),
        ]);
        let path = dir.path().join("a.zip");
        let mut bytes = std::fs::read(&path).unwrap();
        for i in 0..bytes.len() - 5 {
            if &bytes[i..i + 5] == b"s.pdf" {
                bytes[i] = b'r';
            }
        }
        std::fs::write(&path, &bytes).unwrap();
        let mut file = File::open(&path).unwrap();
        let entries = entries(&mut file).unwrap();
        assert_eq!(entries.len(), 2);
        assert!(entries.iter().all(|e| e.name == "r.pdf"));
        let mut second = Vec::new();
        unpack(&mut file, &entries[1], &mut second, 100).unwrap();
        assert_eq!(second, b"%PDF-second");
    }

    #[test]
    fn damage_is_a_reason_never_a_panic() {
        let (dir, _) = archive(&[("a.pdf", b"%PDF-some bytes here", false)]);
        let path = dir.path().join("a.zip");
        let good = std::fs::read(&path).unwrap();
        for cut in [0, 10, good.len() / 2, good.len() - 10] {
            std::fs::write(&path, &good[..cut]).unwrap();
            let mut file = File::open(&path).unwrap();
            if let Ok(entries) = entries(&mut file) {
                for e in &entries {
                    let _ = unpack(&mut file, e, &mut Vec::new(), 1 << 20);
                }
            }
        }
        // A flipped data byte fails the checksum.
        let mut bent = good.clone();
        let data = bent.windows(5).position(|w| w == b"a.pdf").unwrap() + 5;
        bent[data + 2] ^= 0x40;
        std::fs::write(&path, &bent).unwrap();
        let mut file = File::open(&path).unwrap();
        let entries = entries(&mut file).unwrap();
        let result = unpack(&mut file, &entries[0], &mut Vec::new(), 1 << 20);
        assert!(matches!(result, Err(UnpackError::Failed(_))), "{result:?}");
    }
}
