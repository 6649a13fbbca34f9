//! The `metadata` object a layout or page exports: Next.js resolves the objects from the root
//! layout down to the page, a deeper segment's `title` replacing an outer one, and writes the
//! result's `<title>` first among the metadata tags of the page's `<head>`, before the tags of
//! metadata files. The not-found page gets the root layout's. A `title` is read as a string
//! literal; the object form (`default`, `template`, `absolute`) is left to the mirrors.
//!
//! A page's `generateMetadata` resolves to such an object for the request; its mirror answers it
//! as JSON, and its `title` replaces those of the layouts.

use crate::exports::{ConstValue, Exports};
use crate::html::escape;
use crate::web::WebResponse;

/// The `<title>` tag of the objects `exports` export, outermost first (root layout, layouts,
/// page), or of `generated`, the title of the page's `generateMetadata`, which is the deepest;
/// empty when none gives a title.
pub fn title_tag<'a>(exports: impl IntoIterator<Item = &'a Exports>, generated: Option<&str>) -> String {
    let exported = exports.into_iter().filter_map(|e| match e.constants.get("metadata")?.get("title")? {
        ConstValue::Str(title) => Some(title.as_str()),
        _ => None,
    });
    let title = generated.or(exported.last());
    title.map(|title| format!("<title>{}</title>", escape(title))).unwrap_or_default()
}

/// The string `title` of the object a `generateMetadata` mirror answered (as JSON).
pub fn generated_title(answer: &WebResponse) -> Option<String> {
    let object: serde_json::Value = serde_json::from_slice(answer.body.as_deref()?).ok()?;
    Some(object.get("title")?.as_str()?.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exports::read_exports;

    fn exports(source: &str) -> Exports {
        read_exports(source, "layout.js").unwrap()
    }

    #[test]
    fn the_deepest_title_wins_and_is_escaped() {
        let root = exports("export const metadata = { title: 'Root' }");
        let inner = exports("export const metadata = { title: 'A < B', description: 'd' }");
        let none = exports("export const revalidate = 1");
        assert_eq!(title_tag([&root, &none], None), "<title>Root</title>");
        assert_eq!(title_tag([&root, &inner, &none], None), "<title>A &lt; B</title>");
        assert_eq!(title_tag([&none], None), "");
    }

    #[test]
    fn a_generated_title_replaces_the_layouts() {
        let root = exports("export const metadata = { title: 'Root' }");
        let generated = WebResponse::json(&serde_json::json!({ "title": "Mine & yours", "description": "d" }));
        let untitled = WebResponse::json(&serde_json::json!({ "description": "d" }));
        assert_eq!(title_tag([&root], generated_title(&generated).as_deref()), "<title>Mine &amp; yours</title>");
        assert_eq!(title_tag([&root], generated_title(&untitled).as_deref()), "<title>Root</title>");
        assert_eq!(generated_title(&WebResponse::text("not json")), None);
    }
}
