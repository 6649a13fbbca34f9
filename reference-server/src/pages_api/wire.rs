//! How an API route's `res` goes on the wire under `next start`: the status text when one was
//! set, every header value as its own field, and a body sent with the `Content-Length` the code
//! set or else chunked. (The compression layer may add to its `Vary` on the way out.) A body
//! longer than that `Content-Length` (the error text Next.js sends after the code set it, see
//! [`ApiResponse::end`]) is cut to it: Node writes the rest after the response as a client reads
//! it.

use super::response::{ApiResponse, Parts};
use crate::body::Chunks;
use crate::service::{Answer, Made};
use http_body_util::{Either, Full};

pub fn into_http(res: ApiResponse) -> Answer {
    let Parts { status, status_message, headers, chunks } = res.into_parts();
    let length = headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("content-length")).and_then(|(_, v)| v.first()?.parse::<usize>().ok());
    let body = match length {
        Some(length) => {
            let mut bytes = chunks.concat();
            bytes.truncate(length);
            Either::Left(Full::new(bytes.into()))
        }
        None => Either::Right(Chunks::new(chunks)),
    };
    let mut response = hyper::Response::new(body);
    *response.status_mut() = http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    if let Some(reason) = status_message.and_then(|m| hyper::ext::ReasonPhrase::try_from(m.into_bytes()).ok()) {
        response.extensions_mut().insert(reason);
    }
    response.extensions_mut().insert(Made::Api);
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
    use crate::fresh::Conditional;
    use http_body_util::BodyExt;
    use serde_json::json;

    fn res() -> ApiResponse<'static> {
        ApiResponse::new(Conditional::default())
    }

    #[tokio::test]
    async fn sized_bodies_are_whole_and_others_chunked() {
        let mut json = res();
        json.json(&json!({ "a": 1 }));
        let wire = into_http(json);
        assert!(matches!(wire.body(), Either::Left(_)));
        let mut streamed = res();
        streamed.write(b"one").write(b"two").end(b"");
        let wire = into_http(streamed);
        assert!(matches!(wire.body(), Either::Right(_)));
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
}
