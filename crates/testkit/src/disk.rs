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

    /// Remounts it `"ro"` or `"rw"`. A store just closed may still be closing its file on a worker thread, and
    /// the kernel refuses to make a disk read-only while a file on it is open for writing (`EBUSY`), so this
    /// tries for up to 5 s.
    ///
    /// # Panics
    /// When the remount keeps failing.
    pub fn remount(&self, mode: &str) {
        for _ in 0..100 {
            let ok = Command::new("mount")
                .args(["-o", &format!("remount,{mode}")])
                .arg(self.path())
                .output()
                .is_ok_and(|out| out.status.success());
            if ok {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("could not remount {} {mode}", self.path().display());
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
