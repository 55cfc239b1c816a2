//! Who may use the engine over the network: the web password and the API key.
//!
//! Neither is ever stored in clear. The password is kept as an Argon2id hash (PHC string, its own random salt);
//! the API key, 256 random bits shown once, as its SHA-256 (a key that random needs no slow hash: there is
//! nothing to guess). Both live in one row of the settings table, [`ACCESS_KEY`], with a `generation` that a
//! password change increases, so a web server ends every session made before it — also when the change is
//! made by another process on the same database (`nightwatcherd web password` beside `nightwatcherd run`).
//!
//! [`Access`] is read fresh for every request that needs it: one indexed read, and no cache to go stale
//! between processes.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// The settings-table row holding [`Access`] as JSON.
pub const ACCESS_KEY: &str = "web.access";

/// Shortest password accepted: a web UI reachable from the LAN deserves more than a PIN.
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Longest password accepted: Argon2 takes any length, but a megabyte "password" is an attack, not a secret.
pub const MAX_PASSWORD_CHARS: usize = 1024;

/// The stored credentials. Debug shows whether each is set, never the hashes.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Access {
    /// Argon2id PHC string.
    #[serde(default)]
    password_hash: Option<String>,
    /// Lowercase hex SHA-256 of the key.
    #[serde(default)]
    api_key_hash: Option<String>,
    /// Increased by every password change: sessions made under an older generation are void.
    #[serde(default)]
    pub generation: u64,
}

impl std::fmt::Debug for Access {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Access")
            .field("password", &self.has_password())
            .field("api_key", &self.has_api_key())
            .field("generation", &self.generation)
            .finish()
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AccessError {
    #[error("the password must have at least {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("the password must have at most {MAX_PASSWORD_CHARS} characters")]
    TooLong,
    #[error("the password could not be hashed: {0}")]
    Hash(String),
}

impl Access {
    /// Reads the stored row; a missing or unreadable row means nothing is set (so nothing is let in).
    pub fn from_stored(text: Option<&str>) -> Access {
        text.and_then(|t| serde_json::from_str(t).ok())
            .unwrap_or_default()
    }

    pub fn to_stored(&self) -> String {
        // A struct of strings and a number always serializes.
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn has_password(&self) -> bool {
        self.password_hash.is_some()
    }

    pub fn has_api_key(&self) -> bool {
        self.api_key_hash.is_some()
    }

    /// Replaces the password (hashing it: slow on purpose, run it off the async threads) and voids every
    /// session.
    pub fn with_password(&self, password: &str) -> Result<Access, AccessError> {
        let chars = password.chars().count();
        if chars < MIN_PASSWORD_CHARS {
            return Err(AccessError::TooShort);
        }
        if chars > MAX_PASSWORD_CHARS {
            return Err(AccessError::TooLong);
        }
        let mut salt = [0u8; 16];
        rand::rng().fill_bytes(&mut salt);
        let salt = SaltString::encode_b64(&salt).map_err(|e| AccessError::Hash(e.to_string()))?;
        let hash = Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map_err(|e| AccessError::Hash(e.to_string()))?;
        Ok(Access {
            password_hash: Some(hash.to_string()),
            api_key_hash: self.api_key_hash.clone(),
            generation: self.generation + 1,
        })
    }

    /// Whether `password` is the stored one (slow on purpose, as [`Access::with_password`]).
    pub fn verify_password(&self, password: &str) -> bool {
        let Some(stored) = &self.password_hash else {
            return false;
        };
        if password.chars().count() > MAX_PASSWORD_CHARS {
            return false;
        }
        PasswordHash::new(stored).is_ok_and(|hash| {
            Argon2::default()
                .verify_password(password.as_bytes(), &hash)
                .is_ok()
        })
    }

    /// A new random API key, and the credentials that accept it (and no longer the old one).
    pub fn with_new_api_key(&self) -> (Access, String) {
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        let key = hex(&bytes);
        let access = Access {
            password_hash: self.password_hash.clone(),
            api_key_hash: Some(hex(&Sha256::digest(key.as_bytes()))),
            generation: self.generation,
        };
        (access, key)
    }

    /// Whether `key` is the current API key, compared in constant time.
    pub fn verify_api_key(&self, key: &str) -> bool {
        let Some(stored) = &self.api_key_hash else {
            return false;
        };
        let given = hex(&Sha256::digest(key.trim().as_bytes()));
        given.as_bytes().ct_eq(stored.as_bytes()).into()
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;

    #[test]
    fn a_password_is_verified_against_its_hash_and_never_stored_in_clear() {
        let access = Access::default().with_password("correct horse").unwrap();
        assert!(access.verify_password("correct horse"));
        assert!(!access.verify_password("correct horsE"));
        assert!(!access.verify_password(""));
        let stored = access.to_stored();
        assert!(!stored.contains("correct horse"), "{stored}");
        assert!(stored.contains("$argon2id$"), "{stored}");
        assert_eq!(Access::from_stored(Some(&stored)), access);
    }

    #[test]
    fn a_password_change_starts_a_new_generation_and_keeps_the_key() {
        let (first, key) = Access::default().with_new_api_key();
        let changed = first.with_password("a long password").unwrap();
        assert_eq!(changed.generation, first.generation + 1);
        assert!(changed.verify_api_key(&key));
    }

    #[test]
    fn short_and_huge_passwords_are_refused() {
        assert_eq!(
            Access::default().with_password("1234567").unwrap_err(),
            AccessError::TooShort
        );
        let huge = "x".repeat(MAX_PASSWORD_CHARS + 1);
        assert_eq!(
            Access::default().with_password(&huge).unwrap_err(),
            AccessError::TooLong
        );
    }

    #[test]
    fn a_new_api_key_replaces_the_old_one() {
        let (first, old) = Access::default().with_new_api_key();
        let (second, new) = first.with_new_api_key();
        assert_ne!(old, new);
        assert_eq!(new.len(), 64);
        assert!(second.verify_api_key(&new));
        assert!(!second.verify_api_key(&old));
        assert!(!second.to_stored().contains(&new));
    }

    #[test]
    fn nothing_set_lets_nothing_in() {
        let access = Access::from_stored(None);
        assert!(!access.verify_password(""));
        assert!(!access.verify_api_key(""));
        assert!(!Access::from_stored(Some("not json")).verify_api_key(""));
    }

    #[test]
    fn debug_shows_no_hash() {
        let access = Access::default().with_password("a long password").unwrap();
        let shown = format!("{access:?}");
        assert!(!shown.contains("argon2"), "{shown}");
    }
}
