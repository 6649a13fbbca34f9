//! The compression layer `next start` runs every answer through: which answers it would
//! compress, for which it adds `Vary: Accept-Encoding`.

/// Content types the compression layer would compress, for which it adds `Vary: Accept-Encoding`.
pub fn compressible(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    essence.starts_with("text/")
        || essence.ends_with("+json")
        || essence.ends_with("+xml")
        || matches!(essence.as_str(), "application/json" | "application/javascript" | "application/xml")
}

