//! Writing outputs safely: never over an input file, and atomically (a temporary file beside
//! the target, renamed into place), so a failed run leaves no partial file behind.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Fails when `output` is one of the `inputs` (compared after resolving links and `..`).
pub fn ensure_not_input(output: &Path, inputs: &[PathBuf]) -> Result<()> {
    let out = canonical(output);
    for input in inputs {
        if canonical(input) == out {
            return Err(Error::Usage(format!(
                "the output {} is also an input: crosswalk never writes over an input file",
                output.display()
            )));
        }
    }
    Ok(())
}

fn canonical(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    // The file does not exist yet: resolve its folder.
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (parent.canonicalize(), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

/// Writes bytes to `path` through a temporary file in the same folder, then renames it. A
/// path that is a device or a pipe is written directly.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |out| out.write_all(bytes))
}

/// Like [`write_atomic`], with the content streamed by `fill` (buffered), so a large output
/// need not be held in memory whole.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let fail = |message: String| Error::Write {
        path: path.to_path_buf(),
        message,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => return Err(fail("is a folder".to_string())),
        // A device or a pipe (/dev/null, /dev/stdout): write into it, never rename over it.
        Ok(meta) if !meta.is_file() => {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| fail(e.to_string()))?;
            let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
            return fill(&mut out)
                .and_then(|()| out.flush())
                .map_err(|e| fail(e.to_string()));
        }
        _ => {}
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".crosswalk-").suffix(".tmp");
    // A temporary file is private; the output it becomes is an ordinary file (rw-r--r--).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let temp = builder.tempfile_in(dir).map_err(|e| fail(e.to_string()))?;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, temp);
    fill(&mut out)
        .and_then(|()| out.flush())
        .map_err(|e| fail(e.to_string()))?;
    let temp = out.into_inner().map_err(|e| fail(e.error().to_string()))?;
    temp.as_file().sync_all().map_err(|e| fail(e.to_string()))?;
    temp.persist(path).map_err(|e| fail(e.error.to_string()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_write_over_an_input() {
        let dir = tempfile::tempdir().expect("temp dir");
        let input = dir.path().join("catalog.xlsx");
        std::fs::write(&input, b"x").expect("write");
        let same = dir.path().join(".").join("catalog.xlsx");
        assert!(ensure_not_input(&same, std::slice::from_ref(&input)).is_err());
        assert!(ensure_not_input(&dir.path().join("out.xlsx"), &[input]).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_into_not_replaced() {
        let null = Path::new("/dev/null");
        if !null.exists() {
            return;
        }
        write_atomic(null, b"discarded").expect("write to /dev/null");
        let meta = std::fs::metadata(null).expect("metadata");
        assert!(!meta.is_file(), "/dev/null must still be a device");
    }

    #[test]
    fn writes_atomically_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("out.json");
        write_atomic(&target, b"one").expect("write");
        write_atomic(&target, b"two").expect("overwrite");
        assert_eq!(std::fs::read(&target).expect("read"), b"two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&target)
                .expect("meta")
                .permissions()
                .mode();
            assert_eq!(
                mode & 0o777,
                0o644,
                "an ordinary file, not a private temporary one"
            );
        }
        let names: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(names.len(), 1);
    }
}
