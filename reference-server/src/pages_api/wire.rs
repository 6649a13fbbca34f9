//! How an API route's `res` goes on the wire under `next start`: the status text when one was
//! set, every header value as its own field, `Vary: Accept-Encoding` added by the compression
//! layer for a compressible content type, and a body sent with the `Content-Length` the code
//! set or else chunked.

use super::fresh::has_directive;
use super::response::{ApiResponse, Parts};
use crate::body::{Chunks, WireBody};
use crate::envelope::compression::compressible;
use http_body_util::{Either, Full};

pub fn into_http(res: ApiResponse) -> hyper::Response<WireBody> {
    let Parts { status, status_message, mut headers, chunks } = res.into_parts();
    let content_type = headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("content-type")).and_then(|(_, v)| v.first());
    let no_transform = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("cache-control"))
        .is_some_and(|(_, values)| has_directive(&values.join(", "), "no-transform"));
    if content_type.is_some_and(|ct| compressible(ct)) && !no_transform {
        match headers.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case("vary")) {
            Some((_, values)) if !values.iter().any(|v| v.to_ascii_lowercase().contains("accept-encoding")) => {
                let joined = values.join(", ");
                *values = vec![format!("{joined}, Accept-Encoding")];
            }
            Some(_) => {}
            None => headers.push(("Vary".into(), vec!["Accept-Encoding".into()])),
        }
    }
    let sized = headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("content-length"));
    let body = if sized { Either::Left(Full::new(chunks.concat().into())) } else { Either::Right(Chunks::new(chunks)) };
    let mut response = hyper::Response::new(body);
    *response.status_mut() = http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    if let Some(reason) = status_message.and_then(|m| hyper::ext::ReasonPhrase::try_from(m.into_bytes()).ok()) {
        response.extensions_mut().insert(reason);
    }
    let map = response.headers_mut();
    for (name, values) in headers {
        let Ok(name) = http::HeaderName::try_from(name) else { continue };
        for value in values {
            if let Ok(value) = http::HeaderValue::try_from(value) {
                map.append(name.clone(), value);
            }
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages_api::fresh::Conditional;
    use http_body_util::BodyExt;
    use serde_json::json;

    fn res() -> ApiResponse {
        ApiResponse::new(Conditional::default())
    }

    #[tokio::test]
    async fn sized_bodies_are_whole_and_others_chunked() {
        let mut json = res();
        json.json(&json!({ "a": 1 }));
        let wire = into_http(json);
        assert!(matches!(wire.body(), Either::Left(_)));
        assert_eq!(wire.headers()["vary"], "Accept-Encoding");
        let mut streamed = res();
        streamed.write(b"one").write(b"two").end(b"");
        let wire = into_http(streamed);
        assert!(matches!(wire.body(), Either::Right(_)));
        assert!(wire.headers().get("vary").is_none(), "no content type, nothing to compress");
        assert_eq!(wire.into_body().collect().await.unwrap().to_bytes(), "onetwo");
    }

    #[test]
    fn status_text_and_repeated_fields() {
        let mut r = res();
        r.set_header_list("X-Items", &["one", "two"]).send_error(413, "Body exceeded 1kb limit");
        let wire = into_http(r);
        let reason = wire.extensions().get::<hyper::ext::ReasonPhrase>().unwrap();
        assert_eq!(reason.as_bytes(), b"Body exceeded 1kb limit");
        let items: Vec<_> = wire.headers().get_all("x-items").iter().collect();
        assert_eq!(items, ["one", "two"]);
    }

    #[test]
    fn vary_is_extended_and_no_transform_is_respected() {
        let mut r = res();
        r.set_header("Vary", "Cookie").set_header("Content-Type", "text/plain").end(b"x");
        assert_eq!(into_http(r).headers()["vary"], "Cookie, Accept-Encoding");
        let mut r = res();
        r.set_header("Cache-Control", "no-transform").set_header("Content-Type", "text/plain").end(b"x");
        assert!(into_http(r).headers().get("vary").is_none());
    }
}
