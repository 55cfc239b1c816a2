//! The error of every checked input: which field broke which rule.
//!
//! Its own module because the watchlist ([`crate::model`]), the item filters ([`crate::filters`]) and the
//! service's settings all check input and report it the same way.

/// Which field broke which rule. Shown to the user as `field: rule`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {rule}")]
pub struct ValidationError {
    pub field: &'static str,
    pub rule: String,
}

impl ValidationError {
    pub fn new(field: &'static str, rule: impl Into<String>) -> Self {
        ValidationError {
            field,
            rule: rule.into(),
        }
    }
}
