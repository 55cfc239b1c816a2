//! Which errors the user can fix in NightWatcher, and how: the [`Remedy`] of a setup, Prowlarr, keyring or
//! settings error.
//!
//! Given here rather than beside each error, so the lower modules (settings, secrets, the Prowlarr client)
//! stay free of presentation. [`find`] reads a remedy off any error chain, which is what the daemon has in
//! hand when a command fails; the service uses the per-error functions for the problems it reports.

use std::error::Error;

use crate::prowlarr::ProwlarrError;
use crate::remedy::{Remedy, cli_text};
use crate::secrets::{SecretError, SecretName};
use crate::settings::{SettingKey, SettingsError};
use crate::setup::SetupError;

/// The remedy of the first error in `error`'s chain (it and its sources) that has one.
pub fn find(error: &(dyn Error + 'static)) -> Option<Remedy> {
    let mut next = Some(error);
    while let Some(e) = next {
        if let Some(remedy) = remedy_of(e) {
            return Some(remedy);
        }
        next = e.source();
    }
    None
}

/// For `nightwatcherd`'s one-line failure report: `line` (the error as printed) with the command that fixes
/// it, when an error in `error`'s chain has a remedy.
pub fn with_cli_remedy(line: &str, error: &(dyn Error + 'static)) -> String {
    cli_text(line, find(error))
}

fn remedy_of(error: &(dyn Error + 'static)) -> Option<Remedy> {
    if let Some(e) = error.downcast_ref::<SetupError>() {
        return setup_remedy(e);
    }
    if let Some(e) = error.downcast_ref::<ProwlarrError>() {
        return prowlarr_remedy(e);
    }
    if let Some(e) = error.downcast_ref::<SecretError>() {
        return secret_remedy(e);
    }
    error
        .downcast_ref::<SettingsError>()
        .and_then(settings_remedy)
}

pub fn setup_remedy(e: &SetupError) -> Option<Remedy> {
    match e {
        SetupError::NoProwlarrUrl => Some(Remedy::SetSetting {
            setting: SettingKey::ProwlarrUrl,
        }),
        SetupError::NoApiKey => Some(Remedy::SetSecret {
            secret: SecretName::ProwlarrApiKey,
        }),
        SetupError::Secret(e) => secret_remedy(e),
        SetupError::Prowlarr(e) => prowlarr_remedy(e),
        SetupError::Telegram(_) | SetupError::Channel { .. } => None,
    }
}

pub fn prowlarr_remedy(e: &ProwlarrError) -> Option<Remedy> {
    match e {
        ProwlarrError::InvalidUrl(_) => Some(Remedy::SetSetting {
            setting: SettingKey::ProwlarrUrl,
        }),
        ProwlarrError::InvalidApiKey(_) | ProwlarrError::Unauthorized => Some(Remedy::SetSecret {
            secret: SecretName::ProwlarrApiKey,
        }),
        _ => None,
    }
}

pub fn secret_remedy(e: &SecretError) -> Option<Remedy> {
    match e {
        SecretError::Unavailable(_) | SecretError::Locked(_) => Some(Remedy::UnlockKeyring),
        SecretError::Empty => None,
    }
}

pub fn settings_remedy(e: &SettingsError) -> Option<Remedy> {
    match e {
        SettingsError::Invalid { key, .. } => SettingKey::ALL
            .into_iter()
            .find(|k| k.as_str() == *key)
            .map(|setting| Remedy::SetSetting { setting }),
        // An environment variable overrides the setting: only whoever started the process can change it.
        SettingsError::InvalidEnv { .. }
        | SettingsError::UnknownKey(_)
        | SettingsError::Store(_) => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap
mod tests {
    use super::*;
    use crate::remedy::app_text;

    #[test]
    fn a_setup_error_says_what_is_wrong_and_each_face_what_to_do() {
        let e = SetupError::NoProwlarrUrl;
        assert_eq!(e.to_string(), "the Prowlarr URL is not set");
        assert_eq!(
            app_text(&e.to_string(), setup_remedy(&e)),
            "the Prowlarr URL is not set: set the Prowlarr URL in Settings"
        );
        assert!(
            cli_text(&e.to_string(), setup_remedy(&e))
                .contains("run `nightwatcherd config set prowlarr_url URL`")
        );
    }

    #[test]
    fn the_remedy_is_found_anywhere_in_an_error_chain() {
        #[derive(Debug, thiserror::Error)]
        #[error("cannot check")]
        struct Outer(#[source] SetupError);

        let outer = Outer(SetupError::NoApiKey);
        assert_eq!(
            find(&outer),
            Some(Remedy::SetSecret {
                secret: SecretName::ProwlarrApiKey
            })
        );
        let line = with_cli_remedy("cannot check: the Prowlarr API key is not set", &outer);
        assert!(
            line.ends_with("run `nightwatcherd secret set prowlarr-api-key` (it reads the value from stdin) or set NIGHTWATCHER_PROWLARR_API_KEY"),
            "{line}"
        );
        // A wrapped Prowlarr error keeps its remedy through the setup error.
        let wrapped = SetupError::Prowlarr(ProwlarrError::Unauthorized);
        assert_eq!(
            find(&wrapped),
            Some(Remedy::SetSecret {
                secret: SecretName::ProwlarrApiKey
            })
        );
        assert_eq!(find(&SecretError::Empty), None);
    }
}
