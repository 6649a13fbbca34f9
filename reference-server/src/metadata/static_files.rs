//! Static metadata files (`favicon.ico`, `icon.png`, `sitemap.xml`...): the content type
//! Next.js serves each extension with. The bytes are read when the app is loaded, from files
//! found in the app folder, so nothing outside it can be served.

/// The `Content-Type` of a static metadata file with extension `ext`. Next.js 15 and 16 serve a
/// `.gif` (which the docs allow for social images) as `text/plain`: their type table lacks it.
pub fn content_type(ext: &str) -> &'static str {
    match ext {
        "ico" => "image/x-icon",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "svg" => "image/svg+xml",
        "xml" => "application/xml",
        "json" | "webmanifest" => "application/manifest+json",
        _ => "text/plain",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_and_document_types() {
        assert_eq!(content_type("ico"), "image/x-icon");
        assert_eq!(content_type("jpeg"), "image/jpeg");
        assert_eq!(content_type("svg"), "image/svg+xml");
        assert_eq!(content_type("xml"), "application/xml");
        assert_eq!(content_type("txt"), "text/plain");
        assert_eq!(content_type("gif"), "text/plain");
    }
}
