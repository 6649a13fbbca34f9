//! `after()` from `next/server`: work scheduled while a request is answered that runs once the
//! answer is made (or the prerender done), whatever the code did after scheduling it: threw, or
//! called `notFound()` or `redirect()`. A callback may schedule another one, which runs after it.
//!
//! Seen on `next start` 16.4.6 and 15.5.29 (fixture-app/app/after/): inside a callback scheduled
//! by a route handler, a Server Action or the proxy, `cookies()` and `headers()` read the
//! request's; inside one scheduled while a Server Component (page, layout, `generateMetadata`)
//! rendered, they throw. A function wrapped in React's `cache()` and called twice by a callback
//! runs once. A static page's callbacks run when it is prerendered: at `next build` in the
//! build's process (so no server answer shows them), and from Next.js 16 on regeneration too
//! (15.5.29 never runs them then). The reference server runs callbacks when the request's work
//! is over, before the answer leaves it.

//!
//! The request ([`crate::web::RouteRequest`]) keeps the callbacks its code scheduled and runs
//! them when it is dropped; this module holds what it keeps of each.

/// One scheduled callback (`C`: a closure given the request) and where it was scheduled.
pub struct Scheduled<C> {
    pub callback: C,
    /// Scheduled while a Server Component rendered, where request APIs are not available to it.
    pub in_component: bool,
}

/// The message of what `cookies()` or `headers()` throw inside a callback a Server Component
/// scheduled.
pub fn request_apis_unavailable(api: &str) -> String {
    format!("Error: `{api}` was called inside `after()` in a Server Component, where request APIs are not available")
}
