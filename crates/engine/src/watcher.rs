//! (being written)
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct CheckSummary {}
