//! The `metadata` object a layout or page exports: Next.js resolves the objects from the root
//! layout down to the page, a deeper segment's `title` replacing an outer one, and writes the
//! result's `<title>` first among the metadata tags of the page's `<head>`, before the tags of
//! metadata files. The not-found page gets the root layout's. A `title` is read as a string
//! literal; the object form (`default`, `template`, `absolute`) and `generateMetadata` are
//! left to the mirrors.

use crate::exports::{ConstValue, Exports};
use crate::html::escape;

/// The `<title>` tag of the objects `exports` export, outermost first (root layout, layouts,
/// page); empty when none gives a title.
pub fn title_tag<'a>(exports: impl IntoIterator<Item = &'a Exports>) -> String {
    let title = exports.into_iter().filter_map(|e| match e.constants.get("metadata")?.get("title")? {
        ConstValue::Str(title) => Some(title),
        _ => None,
    });
    title.last().map(|title| format!("<title>{}</title>", escape(title))).unwrap_or_default()
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
        assert_eq!(title_tag([&root, &none]), "<title>Root</title>");
        assert_eq!(title_tag([&root, &inner, &none]), "<title>A &lt; B</title>");
        assert_eq!(title_tag([&none]), "");
    }
}
