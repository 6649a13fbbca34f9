//! Metadata images: what `ImageResponse` renders (a real PNG of the requested size; the
//! pixels are a solid colour, not Next.js's rendering of the JSX, and the text the element
//! draws is kept in a `tEXt` chunk, so that images drawing different text differ, as Next.js's
//! do) and the pixel size of a static image file, read from its header.

use bytes::Bytes;

/// `new ImageResponse(element, { width, height })`, reduced to what the fixture draws: a
/// solid background, and the text of the element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageResponse {
    pub width: u32,
    pub height: u32,
    pub background: [u8; 3],
    /// The text the element draws (empty when none).
    pub text: String,
}

impl ImageResponse {
    /// Next.js's default `ImageResponse` size is 1200x630.
    pub const DEFAULT_SIZE: (u32, u32) = (1200, 630);

    /// The PNG `ImageResponse` sends (it always renders PNG, whatever `contentType` says).
    pub fn render_png(&self) -> Bytes {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, self.width, self.height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        if !self.text.is_empty() {
            encoder.add_text_chunk("Comment".into(), self.text.clone()).expect("a Latin-1 keyword");
        }
        let [r, g, b] = self.background;
        let pixels: Vec<u8> = [r, g, b, 255].repeat((self.width * self.height) as usize);
        let mut writer = encoder.write_header().expect("writing to memory");
        writer.write_image_data(&pixels).expect("pixels match the header");
        writer.finish().expect("writing to memory");
        Bytes::from(out)
    }
}

/// The width and height of a raster image, or `None` for SVG and unreadable files.
pub fn pixel_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let size = imagesize::blob_size(bytes).ok()?;
    Some((u32::try_from(size.width).ok()?, u32::try_from(size.height).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_a_png_of_the_requested_size() {
        let png = ImageResponse { width: 48, height: 30, background: [0, 0, 0], text: String::new() }.render_png();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(pixel_size(&png), Some((48, 30)));
        let drawn = |text: &str| ImageResponse { width: 4, height: 4, background: [0, 0, 0], text: text.into() }.render_png();
        assert_ne!(drawn("1"), drawn("2"), "images that draw different text differ");
        assert_eq!(pixel_size(b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), None);
    }
}
