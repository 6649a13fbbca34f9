//! What a Pages Router page renders: the HTML document (`<div id="__next">` with the component's
//! markup, then `__NEXT_DATA__`, the JSON the client router starts from) and the JSON its data
//! route answers (`{"pageProps":...,"__N_SSG":true}`), as `next start` writes them.
//!
//! The document leaves out the `<script>` tags that load the build's chunks: their names are
//! build artifacts no client may rely on.

use serde_json::{Map, Value, json};

/// Which data function made the props: `__N_SSG`/`gsp` or `__N_SSP`/`gssp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Made {
    StaticProps,
    ServerSideProps,
}

/// One render of a page, as `__NEXT_DATA__` describes it.
#[derive(Debug, Clone)]
pub struct Render<'a> {
    pub props: &'a Value,
    pub made: Made,
    /// Rendered for a preview session.
    pub preview: bool,
    /// The page's route (`/blog/[slug]`).
    pub page: &'a str,
    /// Its dynamic parameters (`{}` for a fallback render).
    pub query: Value,
    pub build_id: &'a str,
    pub is_fallback: bool,
    /// Rendered by `next start` rather than `next build`, which adds `isExperimentalCompile`.
    pub at_runtime: bool,
}

/// The props object of the page: `pageProps` and the markers of how they were made.
fn props_object(render: &Render) -> Value {
    let mut props = Map::new();
    props.insert("pageProps".into(), render.props.clone());
    if render.preview {
        props.insert("__N_PREVIEW".into(), Value::Bool(true));
    }
    let marker = match render.made {
        Made::StaticProps => "__N_SSG",
        Made::ServerSideProps => "__N_SSP",
    };
    props.insert(marker.into(), Value::Bool(true));
    Value::Object(props)
}

/// The JSON body of the page's data route.
pub fn data_json(render: &Render) -> String {
    props_object(render).to_string()
}

/// The HTML document of the page, around `markup` (what its component rendered).
pub fn html(render: &Render, markup: &str) -> String {
    let mut data = Map::new();
    data.insert("props".into(), props_object(render));
    data.insert("page".into(), json!(render.page));
    data.insert("query".into(), render.query.clone());
    data.insert("buildId".into(), json!(render.build_id));
    data.insert("isFallback".into(), json!(render.is_fallback));
    if render.at_runtime {
        data.insert("isExperimentalCompile".into(), json!(false));
    }
    let flag = match render.made {
        Made::StaticProps => "gsp",
        Made::ServerSideProps => "gssp",
    };
    data.insert(flag.into(), json!(true));
    if render.preview {
        data.insert("isPreview".into(), json!(true));
    }
    data.insert("scriptLoader".into(), json!([]));
    format!(
        "<!DOCTYPE html><html><head><meta charSet=\"utf-8\" data-next-head=\"\"/><meta name=\"viewport\" \
        content=\"width=device-width\" data-next-head=\"\"/><noscript data-n-css=\"\"></noscript></head><body>\
        <div id=\"__next\">{markup}</div><script id=\"__NEXT_DATA__\" type=\"application/json\">{}</script></body></html>",
        escape_json_in_html(&Value::Object(data).to_string())
    )
}

/// JSON made safe inside a `<script>` element, as Next.js's `htmlEscapeJsonString` does.
fn escape_json_in_html(json: &str) -> String {
    json.replace('&', "\\u0026").replace('>', "\\u003e").replace('<', "\\u003c").replace('\u{2028}', "\\u2028").replace('\u{2029}', "\\u2029")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(props: &Value) -> Render<'_> {
        Render {
            props,
            made: Made::StaticProps,
            preview: false,
            page: "/p/[slug]",
            query: json!({ "slug": "a" }),
            build_id: "b1",
            is_fallback: false,
            at_runtime: false,
        }
    }

    #[test]
    fn next_data_keeps_next_js_field_order() {
        let props = json!({ "now": 1 });
        let html = html(&render(&props), "<p>1</p>");
        assert!(html.contains("<div id=\"__next\"><p>1</p></div><script id=\"__NEXT_DATA__\" type=\"application/json\">"));
        assert!(html.contains(r#"{"props":{"pageProps":{"now":1},"__N_SSG":true},"page":"/p/[slug]","query":{"slug":"a"},"buildId":"b1","isFallback":false,"gsp":true,"scriptLoader":[]}"#), "{html}");
        let preview = Render { preview: true, at_runtime: true, made: Made::ServerSideProps, ..render(&props) };
        assert!(html_of(&preview).contains(r#""isFallback":false,"isExperimentalCompile":false,"gssp":true,"isPreview":true,"scriptLoader":[]"#));
        assert_eq!(data_json(&preview), r#"{"pageProps":{"now":1},"__N_PREVIEW":true,"__N_SSP":true}"#);
    }

    fn html_of(render: &Render) -> String {
        html(render, "")
    }

    #[test]
    fn script_content_cannot_close_the_script() {
        let props = json!({ "text": "</script><b>&" });
        let html = html(&render(&props), "");
        assert!(html.contains(r#""text":"\u003c/script\u003e\u003cb\u003e\u0026""#), "{html}");
    }
}
