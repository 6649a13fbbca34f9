//! Cookies as Next.js's `cookies()` and `response.cookies` handle them: request cookies parsed
//! from the `Cookie` header ([`parse_cookie_header`]), a store of cookies set or deleted while
//! answering ([`CookieStore`]), and the `Set-Cookie` serializer ([`serialize`]).

mod serialize;
mod store;

pub use serialize::{encode_uri_component, serialize};
pub use store::{CookieStore, parse_cookie_header};
