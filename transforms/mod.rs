//! The transforms, one file each. To add one, write its file and add one line below.

crate::register_transforms! {
    wait_for_to_timeout::WaitForToTimeout,
    gather_to_taskgroup::GatherToTaskGroup,
    requests_to_httpx::RequestsToHttpx,
}
