//! How a command fails: the error to print and the exit status, shared by every command module.

/// A failed command: the error and the exit status.
pub struct Failure {
    pub error: anyhow::Error,
    pub code: u8,
}

impl<E: Into<anyhow::Error>> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure {
            error: e.into(),
            code: 1,
        }
    }
}
