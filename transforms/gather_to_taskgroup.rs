//! placeholder, replaced below
use crate::registry::{FixSafety, Transform, TransformInfo};
use crate::version::PyVersion;
crate::declare_transform! {
    /// TODO
    pub struct GatherToTaskGroup {
        id: "gather-to-taskgroup",
        summary: "x",
        min_version: Some(PyVersion::PY311),
        safety: FixSafety::Unsafe,
    }
}
impl Transform for GatherToTaskGroup {
    fn info(&self) -> &'static TransformInfo {
        &Self::INFO
    }
}
