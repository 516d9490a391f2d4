//! Composition of the alerts capability (being written).

/// Per-instance state this capability keeps inside [`crate::Machi`] (caches, listeners).
#[derive(Debug, Default)]
pub(crate) struct State {}
