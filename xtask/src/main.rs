//! `cargo xtask`: what a fresh machine with only the Rust toolchain needs
//! before tables2xlsx builds and its tests run, found or installed, then
//! cargo itself.
//!
//! - `cargo xtask run ARGS...`: `cargo run --release -- ARGS...`
//! - `cargo xtask test ARGS...`: `cargo test --locked ARGS...`
//! - `cargo xtask clippy`: `cargo clippy --all-targets --locked -- -D warnings`
//! - `cargo xtask ci`: format check, clippy and the tests (what `.ci/run` runs)
//!
//! MuPDF's Rust bindings are generated with bindgen, which loads libclang;
//! MuPDF itself is compiled with a C compiler and make. libclang is looked
//! for where distributions put it, then in `.tools/libclang` of this
//! checkout; missing, it is installed: the Debian package when this runs as
//! root with apt, else the `libclang` wheel from PyPI into `.tools/libclang`
//! (no root needed). The tests that open workbooks in LibreOffice get it the
//! same way (apt), or are skipped with a line saying how to install it.
//! Whatever cannot be installed is named with the command that installs it.

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{exit, Command};

/// Lints as CI has them: every target, warnings are errors.
const CLIPPY: &[&str] = &[
    "clippy",
    "--all-targets",
    "--locked",
    "--",
    "-D",
    "warnings",
];

fn main() {
    let mut args = env::args_os().skip(1);
    let task = args.next().map(|a| a.to_string_lossy().into_owned());
    let rest: Vec<OsString> = args.collect();
    let result = match task.as_deref() {
        Some("run") => build_env()
            .and_then(|envs| cargo(&envs, &["run", "--release", "--locked", "--"], &rest)),
        Some("test") => build_env().and_then(|mut envs| {
            envs.extend(libreoffice_env()?);
            cargo(&envs, &["test", "--locked"], &rest)
        }),
        Some("clippy") => build_env().and_then(|envs| cargo(&envs, CLIPPY, &rest)),
        Some("ci") => build_env().and_then(|mut envs| {
            cargo(&envs, &["fmt", "--all", "--check"], &[])?;
            cargo(&envs, CLIPPY, &[])?;
            envs.extend(libreoffice_env()?);
            cargo(&envs, &["test", "--locked"], &rest)
        }),
        _ => Err("usage: cargo xtask run ARGS... | test ARGS... | clippy | ci".to_owned()),
    };
    if let Err(message) = result {
        eprintln!("xtask: {message}");
        exit(1);
    }
}

type Envs = Vec<(String, OsString)>;

/// Runs cargo (the one that runs this task) with `envs` added; its failure
/// is this task's, with its exit code.
fn cargo(envs: &Envs, args: &[&str], rest: &[OsString]) -> Result<(), String> {
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(repo())
        .args(args)
        .args(rest)
        .envs(envs.iter().map(|(k, v)| (k, v)))
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        exit(status.code().unwrap_or(1));
    }
    Ok(())
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ is in the repository")
        .to_owned()
}

/// The environment the build needs: `LIBCLANG_PATH`, and for a libclang
/// without its own headers, the C compiler's.
fn build_env() -> Result<Envs, String> {
    need_tool("cc", "a C compiler", "build-essential")?;
    need_tool("make", "make", "build-essential")?;
    let dir = libclang_dir()?;
    // Only a libclang where clang-sys does not look itself is named: the
    // build scripts rerun when LIBCLANG_PATH changes, and MuPDF would be
    // compiled again each time plain cargo and cargo xtask take turns.
    let system = ["/usr/", "/opt/homebrew/"]
        .iter()
        .any(|prefix| dir.starts_with(prefix));
    let mut envs: Envs = Vec::new();
    if !system && env::var_os("LIBCLANG_PATH").is_none() {
        envs.push(("LIBCLANG_PATH".into(), dir.clone().into()));
    }
    // The PyPI wheel has libclang but not clang's own headers (stddef.h):
    // the C compiler's serve.
    if dir.starts_with(repo().join(".tools")) && env::var_os("BINDGEN_EXTRA_CLANG_ARGS").is_none() {
        if let Some(include) = output("cc", &["-print-file-name=include"]) {
            envs.push((
                "BINDGEN_EXTRA_CLANG_ARGS".into(),
                format!("-I{}", include.trim()).into(),
            ));
        }
    }
    Ok(envs)
}

/// The folder holding libclang, found or installed.
fn libclang_dir() -> Result<PathBuf, String> {
    if let Some(dir) = env::var_os("LIBCLANG_PATH").map(PathBuf::from) {
        if has_libclang(&dir) {
            return Ok(dir);
        }
        eprintln!(
            "xtask: LIBCLANG_PATH={} holds no libclang; looking elsewhere",
            dir.display()
        );
    }
    if let Some(dir) = find_libclang() {
        return Ok(dir);
    }
    if is_root() && which("apt-get").is_some() {
        eprintln!("xtask: libclang is missing; installing libclang-dev with apt-get");
        apt_install(&["libclang-dev"])?;
        if let Some(dir) = find_libclang() {
            return Ok(dir);
        }
    }
    let python = ["python3", "python"]
        .into_iter()
        .find(|p| which(p).is_some());
    if let Some(python) = python {
        let target = repo().join(".tools/libclang");
        eprintln!(
            "xtask: libclang is missing; installing the libclang wheel from PyPI into {}",
            target.display()
        );
        let status = Command::new(python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .arg("--target")
            .arg(&target)
            .arg("libclang")
            .status()
            .map_err(|e| format!("cannot run {python}: {e}"))?;
        if status.success() {
            if let Some(dir) = wheel_dir(&target) {
                return Ok(dir);
            }
        }
    }
    Err(
        "libclang (which MuPDF's Rust bindings are generated with) is missing and could \
         not be installed: install it with `apt-get install libclang-dev` (Debian, Ubuntu), \
         `dnf install clang-devel` (Fedora) or `pip install --target .tools/libclang libclang`, \
         or set LIBCLANG_PATH to the folder holding libclang.so"
            .to_owned(),
    )
}

/// Where distributions and earlier runs of this task put libclang.
fn find_libclang() -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    // Newest LLVM first.
    let mut llvm: Vec<PathBuf> = std::fs::read_dir("/usr/lib")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("llvm-"))
        })
        .map(|p| p.join("lib"))
        .collect();
    llvm.sort_by_key(|p| std::cmp::Reverse(llvm_version(p)));
    dirs.extend(llvm);
    for dir in [
        "/usr/lib/x86_64-linux-gnu",
        "/usr/lib/aarch64-linux-gnu",
        "/usr/lib64",
        "/usr/lib",
        "/usr/local/lib",
        "/opt/homebrew/opt/llvm/lib",
        "/usr/local/opt/llvm/lib",
    ] {
        dirs.push(dir.into());
    }
    if let Some(dir) = wheel_dir(&repo().join(".tools/libclang")) {
        dirs.push(dir);
    }
    dirs.into_iter().find(|d| has_libclang(d))
}

fn llvm_version(lib: &Path) -> u32 {
    lib.parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_string_lossy().strip_prefix("llvm-")?.parse().ok())
        .unwrap_or(0)
}

/// The wheel puts the library in `clang/native/`.
fn wheel_dir(target: &Path) -> Option<PathBuf> {
    let dir = target.join("clang/native");
    has_libclang(&dir).then_some(dir)
}

fn has_libclang(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("libclang")
                && (name.contains(".so") || name.ends_with(".dylib"))
                && !name.starts_with("libclang-cpp")
        })
    })
}

/// The tests that open workbooks in LibreOffice: `soffice` found or
/// installed; otherwise they are skipped, and the user told how to run them.
fn libreoffice_env() -> Result<Envs, String> {
    if which("soffice").is_some() {
        return Ok(Vec::new());
    }
    if is_root() && which("apt-get").is_some() {
        eprintln!("xtask: LibreOffice is missing; installing libreoffice-calc-nogui with apt-get");
        apt_install(&["libreoffice-calc-nogui"])?;
        if which("soffice").is_some() {
            return Ok(Vec::new());
        }
    }
    eprintln!(
        "xtask: LibreOffice (soffice) is missing: the test that opens the workbooks in it is \
         skipped; install it (apt-get install libreoffice-calc-nogui) to run it"
    );
    Ok(vec![(
        "TABLES2XLSX_TEST_SKIP_LIBREOFFICE".into(),
        "1".into(),
    )])
}

fn need_tool(tool: &str, what: &str, package: &str) -> Result<(), String> {
    if which(tool).is_some() {
        return Ok(());
    }
    if is_root() && which("apt-get").is_some() {
        eprintln!("xtask: {what} is missing; installing {package} with apt-get");
        apt_install(&[package])?;
        if which(tool).is_some() {
            return Ok(());
        }
    }
    Err(format!(
        "{what} ({tool}) is needed to compile MuPDF: install it with `apt-get install {package}` \
         (Debian, Ubuntu) or your system's equivalent"
    ))
}

fn apt_install(packages: &[&str]) -> Result<(), String> {
    let run = |args: &[&str]| {
        Command::new("apt-get")
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status()
            .map_err(|e| format!("cannot run apt-get: {e}"))
    };
    run(&["update", "-qq"])?;
    let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
    args.extend_from_slice(packages);
    match run(&args)?.success() {
        true => Ok(()),
        false => Err(format!("apt-get install {} failed", packages.join(" "))),
    }
}

fn is_root() -> bool {
    output("id", &["-u"]).is_some_and(|id| id.trim() == "0")
}

fn which(program: &str) -> Option<PathBuf> {
    let paths = env::var_os("PATH")?;
    env::split_paths(&paths)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
