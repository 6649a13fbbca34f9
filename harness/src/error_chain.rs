//! An error as one line: its message and each of its causes, `: `-separated (hyper's and
//! rustls's errors say what went wrong only in their sources).

pub(crate) fn describe_chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}
