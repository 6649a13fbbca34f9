//! The control-flow signals of `next/navigation`: `redirect()`, `permanentRedirect()`,
//! `notFound()`, `forbidden()` and `unauthorized()` throw them, and Next.js turns each into an
//! answer. A route handler answers with no body: a redirect with its status and `Location`
//! exactly as given, the others with their status alone. A page that calls `forbidden()` or
//! `unauthorized()` is answered with the app's root `forbidden.js` or `unauthorized.js` (see
//! [`FallbackFiles`](crate::fallbacks::FallbackFiles)), which need `experimental.authInterrupts` in `next.config.js`.
//! `RedirectType` only matters to the client router; the server's answer is the same.

use crate::web::WebResponse;

/// What a `next/navigation` function threw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Interrupt {
    /// `redirect(url)` (307) or `permanentRedirect(url)` (308).
    Redirect { location: String, status: u16 },
    /// `notFound()`
    NotFound,
    /// `forbidden()`
    Forbidden,
    /// `unauthorized()`
    Unauthorized,
}

impl Interrupt {
    /// `redirect(url)`, with or without a `RedirectType`.
    pub fn redirect(url: &str) -> Interrupt {
        Interrupt::Redirect { location: url.to_owned(), status: 307 }
    }

    /// `permanentRedirect(url)`
    pub fn permanent_redirect(url: &str) -> Interrupt {
        Interrupt::Redirect { location: url.to_owned(), status: 308 }
    }

    pub fn status(&self) -> u16 {
        match self {
            Interrupt::Redirect { status, .. } => *status,
            Interrupt::NotFound => 404,
            Interrupt::Forbidden => 403,
            Interrupt::Unauthorized => 401,
        }
    }

    /// The digest the error carries, which the client router reads from an RSC payload:
    /// `NEXT_REDIRECT;replace;URL;STATUS;` (a Server Component's redirect replaces the history
    /// entry) or `NEXT_HTTP_ERROR_FALLBACK;STATUS`.
    pub fn digest(&self) -> String {
        match self {
            Interrupt::Redirect { location, status } => format!("NEXT_REDIRECT;replace;{location};{status};"),
            other => format!("NEXT_HTTP_ERROR_FALLBACK;{}", other.status()),
        }
    }

    /// The answer of a route handler that threw this: no body, and for a redirect the
    /// `Location` as the code wrote it (a path stays relative).
    pub fn handler_response(&self) -> WebResponse {
        let response = WebResponse::empty().with_status(self.status());
        match self {
            Interrupt::Redirect { location, .. } => response.with_header("location", location),
            _ => response,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirects_keep_the_location_and_have_no_body() {
        let response = Interrupt::redirect("/a?b=1").handler_response();
        assert_eq!((response.status, response.header("location"), response.body.is_none()), (307, Some("/a?b=1"), true));
        assert_eq!(Interrupt::permanent_redirect("https://nextjs.org/").handler_response().status, 308);
    }

    #[test]
    fn digests_name_the_interrupt() {
        assert_eq!(Interrupt::redirect("/a").digest(), "NEXT_REDIRECT;replace;/a;307;");
        assert_eq!(Interrupt::NotFound.digest(), "NEXT_HTTP_ERROR_FALLBACK;404");
    }

    #[test]
    fn access_fallbacks_answer_their_status_alone() {
        for (interrupt, status) in [(Interrupt::NotFound, 404), (Interrupt::Forbidden, 403), (Interrupt::Unauthorized, 401)] {
            let response = interrupt.handler_response();
            assert_eq!((response.status, response.headers.len(), response.body), (status, 0, None));
        }
    }
}
