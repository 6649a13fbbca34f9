//! Which files of the app tree are metadata files, and the URL each is served at.
//!
//! Static files are served under their own name (`icon.png`, `sitemap.xml`); generated ones
//! (`.js`, `.jsx`, `.ts`, `.tsx`) under the convention's name: `robots.txt`, `sitemap.xml`,
//! `manifest.webmanifest`, and for images the file's stem (`opengraph-image`, `icon1`).
//! `favicon`, `robots` and `manifest` count only at the root of `app/`. Images but `favicon` may
//! be numbered (`icon1.png`): with one digit before Next.js 16, with any number from 16 (whose
//! server still counts only one digit, see [`crate::metadata::handler`]). An image in a folder
//! path with a route group or parallel slot gets a suffix, `-` and the first six base-36 digits
//! of the djb2 hash of that folder path, so that two groups' images differ; a static image
//! carries it before its extension (`opengraph-image-wfszrk.gif`).

use semver::Version;

/// A metadata file convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Convention {
    Favicon,
    Icon,
    AppleIcon,
    OpenGraphImage,
    TwitterImage,
    Robots,
    Sitemap,
    Manifest,
}

/// How a metadata file is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Served as the file's bytes.
    Static,
    /// Produced by the module's default export.
    Generated,
}

/// A file name recognized as a metadata file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recognized {
    pub convention: Convention,
    pub source: Source,
    /// The last URL segment: the file name, or the generated route's name.
    pub url_name: String,
}

const CODE_EXTENSIONS: [&str; 4] = ["js", "jsx", "ts", "tsx"];

impl Convention {
    /// The file stem without its number and the static extensions Next.js accepts.
    fn naming(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Convention::Favicon => ("favicon", &["ico"]),
            Convention::Icon => ("icon", &["ico", "jpg", "jpeg", "png", "svg"]),
            Convention::AppleIcon => ("apple-icon", &["jpg", "jpeg", "png"]),
            Convention::OpenGraphImage => ("opengraph-image", &["jpg", "jpeg", "png", "gif"]),
            Convention::TwitterImage => ("twitter-image", &["jpg", "jpeg", "png", "gif"]),
            Convention::Robots => ("robots", &["txt"]),
            Convention::Sitemap => ("sitemap", &["xml"]),
            Convention::Manifest => ("manifest", &["json", "webmanifest"]),
        }
    }

    fn root_only(self) -> bool {
        matches!(self, Convention::Favicon | Convention::Robots | Convention::Manifest)
    }

    fn is_image(self) -> bool {
        matches!(self, Convention::Favicon | Convention::Icon | Convention::AppleIcon | Convention::OpenGraphImage | Convention::TwitterImage)
    }

    /// The name a generated file is served under.
    fn generated_name(self, stem: &str) -> String {
        match self {
            Convention::Robots => "robots.txt".into(),
            Convention::Sitemap => "sitemap.xml".into(),
            Convention::Manifest => "manifest.webmanifest".into(),
            _ => stem.into(),
        }
    }
}

const ALL: [Convention; 8] = [
    Convention::Favicon,
    Convention::Icon,
    Convention::AppleIcon,
    Convention::OpenGraphImage,
    Convention::TwitterImage,
    Convention::Robots,
    Convention::Sitemap,
    Convention::Manifest,
];

/// What `file_name` is, for a file directly in `app/` when `at_root`, to Next.js `next`.
pub fn recognize(file_name: &str, at_root: bool, next: &Version) -> Option<Recognized> {
    let (stem, ext) = file_name.rsplit_once('.')?;
    ALL.into_iter().filter(|c| at_root || !c.root_only()).find_map(|convention| {
        let (base, static_exts) = convention.naming();
        let number = stem.strip_prefix(base)?;
        // Only images may be numbered (`icon1.png`); favicon may not.
        let digits_ok = number.bytes().all(|b| b.is_ascii_digit()) && (number.len() == 1 || next.major >= 16);
        let numbered_ok = number.is_empty() || (convention.is_image() && convention != Convention::Favicon && digits_ok);
        if !numbered_ok {
            return None;
        }
        if static_exts.contains(&ext) {
            return Some(Recognized { convention, source: Source::Static, url_name: file_name.into() });
        }
        (CODE_EXTENSIONS.contains(&ext) && convention != Convention::Favicon)
            .then(|| Recognized { convention, source: Source::Generated, url_name: convention.generated_name(stem) })
    })
}

/// The digits of a numbered file (`10` for `icon10.png`), or `None`.
pub fn number_of(file_name: &str) -> Option<&str> {
    let stem = file_name.split('.').next().unwrap_or(file_name);
    let digits = &stem[stem.trim_end_matches(|c: char| c.is_ascii_digit()).len()..];
    (!digits.is_empty()).then_some(digits)
}

/// The suffix (with its `-`) of an image in `folder` (the path below `app`, with
/// groups, e.g. `/blog/(posts)`), or an empty string.
pub fn route_suffix(folder: &str) -> String {
    let special = folder.split('/').any(|s| (s.starts_with('(') && s.ends_with(')')) || s.starts_with('@'));
    if !special {
        return String::new();
    }
    let hash = folder.encode_utf16().fold(5381u32, |h, c| h.wrapping_shl(5).wrapping_add(h).wrapping_add(u32::from(c)));
    let digits = crate::etag::base36(u64::from(hash));
    format!("-{}", &digits[..digits.len().min(6)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(name: &str, root: bool) -> Option<(Convention, Source, String)> {
        recognize(name, root, &Version::new(16, 4, 6)).map(|r| (r.convention, r.source, r.url_name))
    }

    #[test]
    fn several_digits_count_from_16() {
        assert!(recognize("icon10.png", false, &Version::new(15, 5, 29)).is_none());
        assert!(recognize("icon1.png", false, &Version::new(15, 5, 29)).is_some());
        assert_eq!(conv("icon10.png", false).map(|c| c.2), Some("icon10.png".into()));
        assert_eq!((number_of("icon10.png"), number_of("icon.png"), number_of("apple-icon1.jpeg")), (Some("10"), None, Some("1")));
    }

    #[test]
    fn static_and_generated_names() {
        assert_eq!(conv("icon1.svg", false), Some((Convention::Icon, Source::Static, "icon1.svg".into())));
        assert_eq!(conv("apple-icon.js", false), Some((Convention::AppleIcon, Source::Generated, "apple-icon".into())));
        assert_eq!(conv("robots.ts", true), Some((Convention::Robots, Source::Generated, "robots.txt".into())));
        assert_eq!(conv("manifest.js", true), Some((Convention::Manifest, Source::Generated, "manifest.webmanifest".into())));
        assert_eq!(conv("sitemap.xml", false), Some((Convention::Sitemap, Source::Static, "sitemap.xml".into())));
    }

    #[test]
    fn rejects_wrong_places_types_and_names() {
        assert_eq!(conv("robots.js", false), None);
        assert_eq!(conv("favicon.ico", false), None);
        assert_eq!(conv("favicon.js", true), None);
        assert_eq!(conv("apple-icon.svg", false), None);
        assert_eq!(conv("opengraph-image.alt.txt", false), None);
        assert_eq!(conv("iconic.png", false), None);
        assert_eq!(conv("page.js", false), None);
    }

    #[test]
    fn suffix_only_under_groups_and_slots() {
        assert_eq!(route_suffix("/metadata/generated"), "");
        // Seen on next build 16.4.6: `/metadata/grouped/twitter-image-wfszrk`.
        assert_eq!(route_suffix("/metadata/(grouped)/grouped"), "-wfszrk");
        assert!(route_suffix("/@modal").starts_with('-'));
    }
}
