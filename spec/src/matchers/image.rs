//! The image body matcher: `image = { format = "png", width = 1200, height = 630 }`. The
//! format is read from the bytes' signature and the pixel size from the image header, never
//! from a file name or the `Content-Type`.

use serde::{Deserialize, Serialize};

/// The image formats a metadata file may be served as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    Png,
    Jpeg,
    Gif,
    Ico,
    Webp,
    Svg,
}

impl ImageFormat {
    fn name(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Jpeg => "jpeg",
            ImageFormat::Gif => "gif",
            ImageFormat::Ico => "ico",
            ImageFormat::Webp => "webp",
            ImageFormat::Svg => "svg",
        }
    }

    /// The format the bytes are in, from their signature.
    fn of(bytes: &[u8]) -> Option<ImageFormat> {
        match imagesize::image_type(bytes) {
            Ok(imagesize::ImageType::Png) => Some(ImageFormat::Png),
            Ok(imagesize::ImageType::Jpeg) => Some(ImageFormat::Jpeg),
            Ok(imagesize::ImageType::Gif) => Some(ImageFormat::Gif),
            Ok(imagesize::ImageType::Ico) => Some(ImageFormat::Ico),
            Ok(imagesize::ImageType::Webp) => Some(ImageFormat::Webp),
            _ => looks_like_svg(bytes).then_some(ImageFormat::Svg),
        }
    }
}

/// An SVG document: XML text whose first element is `<svg`.
fn looks_like_svg(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else { return false };
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    while let Some(after) = rest.strip_prefix("<?").or_else(|| rest.strip_prefix("<!")) {
        rest = after.split_once('>').map_or("", |(_, r)| r).trim_start();
    }
    rest.starts_with("<svg")
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ImageExpect {
    pub format: ImageFormat,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

impl ImageExpect {
    /// Why `bytes` are not such an image, or `None` when they are.
    pub fn check(&self, bytes: &[u8]) -> Option<String> {
        let Some(format) = ImageFormat::of(bytes) else {
            return Some(format!("expected a {} image, got {} bytes in no known image format", self.format.name(), bytes.len()));
        };
        if format != self.format {
            return Some(format!("expected a {} image, got a {} image", self.format.name(), format.name()));
        }
        if self.width.is_none() && self.height.is_none() {
            return None;
        }
        if format == ImageFormat::Svg {
            return Some("an SVG image has no pixel size to compare; leave out `width` and `height`".into());
        }
        let size = match imagesize::blob_size(bytes) {
            Ok(size) => size,
            Err(e) => return Some(format!("a {} image whose size cannot be read: {e}", format.name())),
        };
        let (width, height) = (size.width as u64, size.height as u64);
        let wrong = |want: Option<u32>, got: u64| want.is_some_and(|w| u64::from(w) != got);
        if wrong(self.width, width) || wrong(self.height, height) {
            let want = |v: Option<u32>| v.map_or("any".to_owned(), |v| v.to_string());
            return Some(format!(
                "expected a {}x{} {} image, got {width}x{height}",
                want(self.width),
                want(self.height),
                format.name()
            ));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG signature and IHDR chunk for a `width` x `height` image (enough for the header).
    fn png_header(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        bytes.extend(width.to_be_bytes());
        bytes.extend(height.to_be_bytes());
        bytes.extend([8, 2, 0, 0, 0, 0, 0, 0, 0]);
        bytes
    }

    fn expect(format: ImageFormat, width: u32, height: u32) -> ImageExpect {
        ImageExpect { format, width: Some(width), height: Some(height) }
    }

    #[test]
    fn reads_format_and_size_from_the_bytes() {
        assert_eq!(expect(ImageFormat::Png, 1200, 630).check(&png_header(1200, 630)), None);
        let wrong_size = expect(ImageFormat::Png, 1200, 630).check(&png_header(32, 32)).unwrap();
        assert_eq!(wrong_size, "expected a 1200x630 png image, got 32x32");
        let wrong_format = expect(ImageFormat::Jpeg, 32, 32).check(&png_header(32, 32)).unwrap();
        assert_eq!(wrong_format, "expected a jpeg image, got a png image");
    }

    #[test]
    fn text_is_not_an_image_and_svg_is_recognized() {
        assert!(expect(ImageFormat::Png, 1, 1).check(b"<html></html>").unwrap().contains("no known image format"));
        let svg = ImageExpect { format: ImageFormat::Svg, width: None, height: None };
        assert_eq!(svg.check(b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), None);
    }
}
