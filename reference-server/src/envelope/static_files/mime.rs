//! The `Content-Type` `send` gives a file by its extension (the `mime` package it uses), with
//! `charset=UTF-8` for text, JavaScript and JSON.

/// The `Content-Type` of a file named `name`.
pub fn content_type(name: &str) -> String {
    let extension = name.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).unwrap_or_default();
    let mime = match extension.as_str() {
        "txt" | "text" | "conf" | "log" => "text/plain",
        "html" | "htm" => "text/html",
        "css" => "text/css",
        "csv" => "text/csv",
        "md" | "markdown" => "text/markdown",
        "xml" => "application/xml",
        "js" | "mjs" => "application/javascript",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "wasm" => "application/wasm",
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        _ => "application/octet-stream",
    };
    let charset = mime.starts_with("text/") || mime == "application/javascript" || mime == "application/json";
    if charset { format!("{mime}; charset=UTF-8") } else { mime.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_gets_a_charset_and_images_none() {
        assert_eq!(content_type("hello.txt"), "text/plain; charset=UTF-8");
        assert_eq!(content_type("chunk.JS"), "application/javascript; charset=UTF-8");
        assert_eq!(content_type("pixel.png"), "image/png");
        assert_eq!(content_type("README"), "application/octet-stream");
    }
}
