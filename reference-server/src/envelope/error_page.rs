//! The Pages Router's `/_error` page, which `next start` renders for the errors it answers by
//! itself (400, 405, 416, 500) in an app with a `pages/` folder: a whole Pages Router document,
//! with Next.js's default error component (its inline styles, the status and its message) in
//! `<div id="__next">` and the `__NEXT_DATA__` of the `/_error` page, whose props come from its
//! `getInitialProps` (`gip`). The document is over the compression layer's threshold, so it is
//! compressed whatever the method (seen on `next start` 16.4.6 and 15.5.29). As for every Pages
//! Router page, the `<script>` tags of the build's chunks are left out.

use crate::html::escape;
use crate::pages_router::data_route::build_id;
use serde_json::json;

/// The hostname `next start` listens on unless told otherwise, which the error page's props
/// carry whatever the request's `Host`.
const HOSTNAME: &str = "localhost";

/// The document of the error page for `status`, titled `title` (`"500: Internal Server
/// Error"`); `thrown` when code failed, which the page's data describes as `err`.
pub fn html(status: u16, title: &str, thrown: bool) -> String {
    let (code, message) = title.split_once(": ").unwrap_or((title, ""));
    let mut data = json!({
        "props": { "pageProps": { "statusCode": status, "hostname": HOSTNAME } },
        "page": "/_error",
        "query": {},
        "buildId": build_id(),
        "isFallback": false,
        "isExperimentalCompile": false,
    });
    if thrown {
        data["err"] = json!({ "name": format!("{message}."), "message": format!("{status} - {message}."), "statusCode": status });
    }
    data["gip"] = json!(true);
    data["scriptLoader"] = json!([]);
    let (title, code, message) = (escape(title), escape(code), escape(message));
    format!(
        "<!DOCTYPE html><html><head><meta charSet=\"utf-8\" data-next-head=\"\"/><meta name=\"viewport\" \
        content=\"width=device-width\" data-next-head=\"\"/><title data-next-head=\"\">{title}</title>\
        <noscript data-n-css=\"\"></noscript></head><body><div id=\"__next\">{STYLED_OPEN}{code}{STYLED_MIDDLE}{message}\
        <!-- -->.{STYLED_CLOSE}</div><script id=\"__NEXT_DATA__\" type=\"application/json\">{data}</script></body></html>"
    )
}

/// Next.js's default error component, before its status code.
const STYLED_OPEN: &str = concat!(
    "<div style=\"font-family:system-ui,&quot;Segoe UI&quot;,Roboto,Helvetica,Arial,sans-serif,&quot;Apple Color Emoji&quot;,",
    "&quot;Segoe UI Emoji&quot;;height:100vh;text-align:center;display:flex;flex-direction:column;align-items:center;",
    "justify-content:center\"><div style=\"line-height:48px\"><style>body{color:#000;background:#fff;margin:0}",
    ".next-error-h1{border-right:1px solid rgba(0,0,0,.3)}@media (prefers-color-scheme:dark){body{color:#fff;",
    "background:#000}.next-error-h1{border-right:1px solid rgba(255,255,255,.3)}}</style><h1 class=\"next-error-h1\" ",
    "style=\"display:inline-block;margin:0 20px 0 0;padding-right:23px;font-size:24px;font-weight:500;vertical-align:top\">",
);
/// Between its status code and its message.
const STYLED_MIDDLE: &str = "</h1><div style=\"display:inline-block\"><h2 style=\"font-size:14px;font-weight:400;line-height:28px\">";
/// After its message.
const STYLED_CLOSE: &str = "</h2></div></div></div>";

#[cfg(test)]
mod tests {
    use super::*;

    fn next_data(html: &str) -> serde_json::Value {
        let start = html.find("application/json\">").unwrap() + "application/json\">".len();
        let end = html[start..].find("</script>").unwrap() + start;
        serde_json::from_str(&html[start..end]).unwrap()
    }

    #[test]
    fn the_document_shows_the_status_and_describes_the_error_page() {
        let html = html(400, "400: Bad Request", false);
        assert!(html.contains("<title data-next-head=\"\">400: Bad Request</title>"));
        assert!(html.contains(">400</h1>") && html.contains(">Bad Request<!-- -->.</h2>"));
        let data = next_data(&html);
        assert_eq!(data["props"]["pageProps"], json!({ "statusCode": 400, "hostname": "localhost" }));
        assert_eq!((data["page"].as_str(), data.get("err"), data["gip"].as_bool()), (Some("/_error"), None, Some(true)));
        assert!(html.len() > crate::envelope::compression::THRESHOLD);
    }

    #[test]
    fn a_thrown_error_is_described() {
        let data = next_data(&html(500, "500: Internal Server Error", true));
        assert_eq!(data["err"], json!({ "name": "Internal Server Error.", "message": "500 - Internal Server Error.", "statusCode": 500 }));
    }
}
