//! `sitemap.xml` from the entries `sitemap.js` returns, serialized as Next.js's
//! `resolveSitemap` does: an XML declaration, a `<urlset>` declaring the `image`, `video` and
//! `xhtml` namespaces only when some entry uses them, and one element per line. Values are
//! written as given, without XML escaping, as Next.js does.

/// One entry of `MetadataRoute.Sitemap`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SitemapEntry {
    pub url: String,
    pub last_modified: Option<LastModified>,
    pub change_frequency: Option<ChangeFrequency>,
    /// Written as a JavaScript number (`1`, `0.8`).
    pub priority: Option<f64>,
    /// `alternates.languages`: language code and URL, in object order.
    pub languages: Vec<(String, String)>,
    pub images: Vec<String>,
    pub videos: Vec<Video>,
}

/// `lastModified`: a `Date` is written as `toISOString()`, a string as it is.
#[derive(Debug, Clone, PartialEq)]
pub enum LastModified {
    /// Milliseconds since the Unix epoch, as a `Date` holds them.
    Date(i64),
    Text(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeFrequency {
    Always,
    Hourly,
    Daily,
    Weekly,
    Monthly,
    Yearly,
    Never,
}

impl ChangeFrequency {
    fn as_str(self) -> &'static str {
        match self {
            ChangeFrequency::Always => "always",
            ChangeFrequency::Hourly => "hourly",
            ChangeFrequency::Daily => "daily",
            ChangeFrequency::Weekly => "weekly",
            ChangeFrequency::Monthly => "monthly",
            ChangeFrequency::Yearly => "yearly",
            ChangeFrequency::Never => "never",
        }
    }
}

/// The required members of a sitemap video.
#[derive(Debug, Clone, PartialEq)]
pub struct Video {
    pub title: String,
    pub thumbnail_loc: String,
    pub description: String,
}

/// The sitemap's XML text.
pub fn serialize(entries: &[SitemapEntry]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"");
    if entries.iter().any(|e| !e.images.is_empty()) {
        out.push_str(" xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\"");
    }
    if entries.iter().any(|e| !e.videos.is_empty()) {
        out.push_str(" xmlns:video=\"http://www.google.com/schemas/sitemap-video/1.1\"");
    }
    if entries.iter().any(|e| !e.languages.is_empty()) {
        out.push_str(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
    }
    out.push_str(">\n");
    for entry in entries {
        out.push_str(&format!("<url>\n<loc>{}</loc>\n", entry.url));
        for (language, href) in &entry.languages {
            out.push_str(&format!("<xhtml:link rel=\"alternate\" hreflang=\"{language}\" href=\"{href}\" />\n"));
        }
        for image in &entry.images {
            out.push_str(&format!("<image:image>\n<image:loc>{image}</image:loc>\n</image:image>\n"));
        }
        for video in &entry.videos {
            out.push_str(&format!(
                "<video:video>\n<video:title>{}</video:title>\n<video:thumbnail_loc>{}</video:thumbnail_loc>\n<video:description>{}</video:description>\n</video:video>\n",
                video.title, video.thumbnail_loc, video.description
            ));
        }
        match &entry.last_modified {
            Some(LastModified::Date(millis)) => out.push_str(&format!("<lastmod>{}</lastmod>\n", iso_string(*millis))),
            Some(LastModified::Text(text)) => out.push_str(&format!("<lastmod>{text}</lastmod>\n")),
            None => {}
        }
        if let Some(frequency) = entry.change_frequency {
            out.push_str(&format!("<changefreq>{}</changefreq>\n", frequency.as_str()));
        }
        if let Some(priority) = entry.priority {
            out.push_str(&format!("<priority>{}</priority>\n", super::js_number(priority)));
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// `Date.prototype.toISOString()`: `YYYY-MM-DDTHH:mm:ss.sssZ` in UTC.
fn iso_string(millis: i64) -> String {
    let days = millis.div_euclid(86_400_000);
    let ms_of_day = millis.rem_euclid(86_400_000);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let (h, m, s, ms) = (ms_of_day / 3_600_000, ms_of_day / 60_000 % 60, ms_of_day / 1000 % 60, ms_of_day % 1000);
    format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}.{ms:03}Z")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_to_iso_string() {
        assert_eq!(iso_string(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_string(1_704_164_645_678), "2024-01-02T03:04:05.678Z");
        assert_eq!(iso_string(951_782_400_000), "2000-02-29T00:00:00.000Z");
    }

    #[test]
    fn namespaces_are_declared_only_when_used() {
        let plain = serialize(&[SitemapEntry { url: "https://a.com".into(), ..Default::default() }]);
        assert_eq!(plain, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n<url>\n<loc>https://a.com</loc>\n</url>\n</urlset>\n");
        let with_alternates = serialize(&[SitemapEntry { url: "u".into(), languages: vec![("es".into(), "e".into())], ..Default::default() }]);
        assert!(with_alternates.contains(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"));
        assert!(!with_alternates.contains("xmlns:image"));
    }

    #[test]
    fn fields_follow_the_fixed_order_and_numbers_print_like_javascript() {
        let entry = SitemapEntry {
            url: "u".into(),
            last_modified: Some(LastModified::Text("2021-01-01".into())),
            change_frequency: Some(ChangeFrequency::Weekly),
            priority: Some(0.5),
            images: vec!["i".into()],
            ..Default::default()
        };
        let text = serialize(&[entry]);
        assert!(text.contains("<loc>u</loc>\n<image:image>\n<image:loc>i</image:loc>\n</image:image>\n<lastmod>2021-01-01</lastmod>\n<changefreq>weekly</changefreq>\n<priority>0.5</priority>\n</url>"), "{text}");
    }
}
