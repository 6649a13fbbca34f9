//! Links to the Next.js docs. Cases name their doc page by its title (`doc.page`) and the
//! section by its anchor; this maps the titles the cases use to their nextjs.org paths. A page
//! not listed here gets no link rather than a guessed one.

const DOCS: &str = "https://nextjs.org/docs";

/// Page titles as cases write them, and their paths below <https://nextjs.org/docs>.
const PAGES: &[(&str, &str)] = &[
    ("route.js", "app/api-reference/file-conventions/route"),
    ("Route Groups", "app/api-reference/file-conventions/route-groups"),
    ("Route Segment Config", "app/api-reference/file-conventions/route-segment-config"),
    ("src Folder", "app/api-reference/file-conventions/src-folder"),
    ("template.js", "app/api-reference/file-conventions/template"),
    ("unauthorized.js", "app/api-reference/file-conventions/unauthorized"),
    ("Metadata Files", "app/api-reference/file-conventions/metadata"),
    ("favicon, icon, and apple-icon", "app/api-reference/file-conventions/metadata/app-icons"),
    ("manifest.json", "app/api-reference/file-conventions/metadata/manifest"),
    ("opengraph-image and twitter-image", "app/api-reference/file-conventions/metadata/opengraph-image"),
    ("robots.txt", "app/api-reference/file-conventions/metadata/robots"),
    ("sitemap.xml", "app/api-reference/file-conventions/metadata/sitemap"),
    ("after", "app/api-reference/functions/after"),
    ("cacheLife", "app/api-reference/functions/cacheLife"),
    ("cacheTag", "app/api-reference/functions/cacheTag"),
    ("connection", "app/api-reference/functions/connection"),
    ("cookies", "app/api-reference/functions/cookies"),
    ("draftMode", "app/api-reference/functions/draft-mode"),
    ("fetch", "app/api-reference/functions/fetch"),
    ("forbidden", "app/api-reference/functions/forbidden"),
    ("generateImageMetadata", "app/api-reference/functions/generate-image-metadata"),
    ("NextResponse", "app/api-reference/functions/next-response"),
    ("API Routes", "pages/building-your-application/routing/api-routes"),
];

/// The URL of `anchor` on the doc page titled `page`, if the page is known.
pub fn url(page: &str, anchor: &str) -> Option<String> {
    let (_, path) = PAGES.iter().find(|(title, _)| *title == page)?;
    Some(if anchor.is_empty() { format!("{DOCS}/{path}") } else { format!("{DOCS}/{path}#{anchor}") })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_pages_link_to_their_anchor_and_unknown_ones_do_not_link() {
        assert_eq!(
            url("route.js", "http-methods").as_deref(),
            Some("https://nextjs.org/docs/app/api-reference/file-conventions/route#http-methods")
        );
        assert_eq!(
            url("API Routes", "response-helpers").as_deref(),
            Some("https://nextjs.org/docs/pages/building-your-application/routing/api-routes#response-helpers")
        );
        assert_eq!(url("Some Other Page", "x"), None);
    }
}
