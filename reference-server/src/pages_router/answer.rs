//! The answers a Pages Router page gives, as `next start` writes them. A rendered document or
//! data JSON is handed to the envelope to be sent as a render result (its `X-Powered-By`, `ETag`
//! and `Content-Type`); the rest Next.js writes itself, chunked and without a content type
//! where it gives none: redirects (the destination as body; `Refresh` with a 308), a data
//! route's `notFound` and redirect, and the 405 a getStaticProps page answers to other methods.
//! A render result that answers an RSC request varies on the router's headers.

use crate::body::{Chunks, WireBody};
use crate::fields::build;
use crate::service::{Answer, Content, Made, Payload, Sent};
use bytes::Bytes;

/// Header fields in the order they go out.
pub type Fields = Vec<(String, String)>;

/// A page's document or data JSON, with the fields its render set (`Cache-Control` among them).
pub fn rendered(fields: Fields, body: String, content: Content, payload: Payload) -> Answer {
    let mut answer = build(200, fields, Some(Bytes::from(body))).map(WireBody::Left);
    let sent = Sent { app_router: false, cache_control: None, cache_control_first: false, payload, redirect: None, content };
    answer.extensions_mut().insert(Made::Page(sent));
    answer
}

/// A render result answering an RSC request (`RSC: 1`), which varies on the client router's
/// request headers as the app router's answers do (seen on `next start` 16.4.6 and 15.5.29).
pub fn varied_for_the_router(mut answer: Answer) -> Answer {
    if let Made::Page(sent) = Made::of(&answer) {
        answer.extensions_mut().insert(Made::Page(Sent { app_router: true, ..sent }));
    }
    answer
}

/// A redirect from a data function: 307 or 308 (with `Refresh`), the destination as body.
pub fn redirect(mut fields: Fields, destination: &str, permanent: bool) -> Answer {
    fields.push(("location".into(), destination.into()));
    if permanent {
        fields.push(("refresh".into(), format!("0;url={destination}")));
    }
    written(if permanent { 308 } else { 307 }, fields, destination.to_owned())
}

/// A data route's redirect: 200 with JSON naming the destination and status, for the client
/// router to follow.
pub fn redirect_data(mut fields: Fields, destination: &str, permanent: bool, marker: &str) -> Answer {
    fields.push(("content-type".into(), "application/json; charset=utf-8".into()));
    let status = if permanent { 308 } else { 307 };
    let mut body = serde_json::Map::new();
    body.insert("pageProps".into(), serde_json::json!({ "__N_REDIRECT": destination, "__N_REDIRECT_STATUS": status }));
    body.insert(marker.into(), true.into());
    written(200, fields, serde_json::Value::Object(body).to_string())
}

/// A data route's `notFound`: 404 with `{"notFound":true}` and no content type.
pub fn not_found_data(fields: Fields) -> Answer {
    written(404, fields, r#"{"notFound":true}"#.into())
}

/// A method other than GET and HEAD on a getStaticProps page.
pub fn method_not_allowed() -> Answer {
    let fields = vec![("allow".into(), "GET".into()), ("allow".into(), "HEAD".into())];
    written(405, fields, "Method Not Allowed".into())
}

/// An answer Next.js writes itself, chunked.
fn written(status: u16, fields: Fields, body: String) -> Answer {
    build(status, fields, None).map(|_| WireBody::Right(Chunks::new(vec![Bytes::from(body)])))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(answer: &Answer) -> Vec<&str> {
        answer.headers().iter().map(|(n, _)| n.as_str()).collect()
    }

    #[test]
    fn redirects_name_their_destination_and_a_308_refreshes() {
        let temporary = redirect(vec![("cache-control".into(), "no-store".into())], "/to", false);
        assert_eq!((temporary.status().as_u16(), names(&temporary)), (307, vec!["cache-control", "location"]));
        let permanent = redirect(vec![], "/to", true);
        assert_eq!(permanent.status(), 308);
        assert_eq!(permanent.headers()["refresh"], "0;url=/to");
    }

    #[test]
    fn only_a_render_result_varies_for_the_router() {
        let rendered = varied_for_the_router(rendered(vec![], "<p/>".into(), Content::Html, Payload::Whole));
        assert!(matches!(Made::of(&rendered), Made::Page(Sent { app_router: true, .. })));
        assert_eq!(Made::of(&varied_for_the_router(method_not_allowed())), Made::Server);
    }

    #[test]
    fn the_405_lists_get_and_head_on_two_lines() {
        let answer = method_not_allowed();
        let allow: Vec<&str> = answer.headers().get_all("allow").iter().filter_map(|v| v.to_str().ok()).collect();
        assert_eq!((answer.status().as_u16(), allow), (405, vec!["GET", "HEAD"]));
        assert!(answer.headers().get("content-type").is_none());
    }
}
