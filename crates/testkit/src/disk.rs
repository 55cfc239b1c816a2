//! Real full and read-only disks for storage tests: a small tmpfs mounted on a fresh directory.
//!
//! A file made read-only with `chmod` stays writable for root, and `PRAGMA max_page_count` only imitates a full
//! disk; a tmpfs of a few MiB, remounted read-only or filled to the last byte, makes SQLite's own writes fail
//! with `EROFS` / `ENOSPC` as a real disk would. Mounting needs root (CI runs as root): where it is refused,
//! [`Tmpfs::mount`] says why and returns `None`, and the test skips.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// A tmpfs mounted on a fresh directory, lazily unmounted on drop.
#[derive(Debug)]
pub struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// Mounts a tmpfs of `size` (`mount -o size=`, e.g. `"4m"`). `None`, with the reason printed, when this
    /// machine does not let the test mount (not root, no `CAP_SYS_ADMIN` in a container).
    pub fn mount(size: &str) -> Option<Tmpfs> {
        let dir = match tempfile::tempdir() {
            Ok(dir) => dir,
            Err(e) => {
                eprintln!("SKIPPED: cannot make a directory to mount a tmpfs on: {e}");
                return None;
            }
        };
        let out = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0755"),
                "tmpfs",
            ])
            .arg(dir.path())
            .output();
        match out {
            Ok(o) if o.status.success() => Some(Tmpfs { dir }),
            Ok(o) => {
                eprintln!(
                    "SKIPPED: cannot mount a tmpfs here to make a real full or read-only disk (run as root): {}",
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                None
            }
            Err(e) => {
                eprintln!(
                    "SKIPPED: cannot run mount(8) to make a real full or read-only disk: {e}"
                );
                None
            }
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Remounts it `"ro"` or `"rw"`. The kernel refuses to make a disk read-only while a file on it is open for
    /// writing (`EBUSY`), and a store just closed may still be closing its files in tasks of the caller's
    /// runtime, so this waits asynchronously (never blocking that runtime), trying for up to 10 s.
    ///
    /// # Panics
    /// When the remount keeps failing; the message lists the files still open on the disk.
    pub async fn remount(&self, mode: &str) {
        let mut last = String::new();
        for _ in 0..200 {
            match tokio::process::Command::new("mount")
                .args(["-o", &format!("remount,{mode}")])
                .arg(self.path())
                .output()
                .await
            {
                Ok(out) if out.status.success() => return,
                Ok(out) => last = String::from_utf8_lossy(&out.stderr).trim().to_owned(),
                Err(e) => last = e.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "could not remount {} {mode}: {last}; files open on it (this process is {}): {:?}",
            self.path().display(),
            std::process::id(),
            open_files_under(self.path())
        );
    }

    /// Fills the disk to the last byte with a file it returns; deleting that file frees the space.
    ///
    /// # Panics
    /// When the file cannot be created.
    pub fn fill(&self) -> PathBuf {
        let filler = self.path().join("filler");
        let mut file = match std::fs::File::create(&filler) {
            Ok(file) => file,
            Err(e) => panic!("cannot create {}: {e}", filler.display()),
        };
        for chunk in [1 << 20, 4096, 512, 1] {
            let block = vec![0x5a_u8; chunk];
            while file.write_all(&block).is_ok() {}
        }
        filler
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        // Lazy: a store a failed assertion left open must not keep the mount.
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

/// Every open file under `dir`, with the process holding it (`pid: path`), read from `/proc`: what keeps a
/// remount busy.
fn open_files_under(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return found;
    };
    for proc_dir in procs.flatten() {
        let pid = proc_dir.file_name().to_string_lossy().into_owned();
        if !pid.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(fds) = std::fs::read_dir(proc_dir.path().join("fd")) else {
            continue;
        };
        for fd in fds.flatten() {
            if let Ok(target) = std::fs::read_link(fd.path())
                && target.starts_with(dir)
            {
                found.push(format!("{pid}: {}", target.display()));
            }
        }
    }
    found
}
