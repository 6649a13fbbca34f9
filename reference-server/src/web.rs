//! The Web `Request`/`Response` surface the fixture's user code sees, in Rust: what a mirror
//! reads from a request and the response it builds, with the Web API's defaults.

use crate::project::Project;
use crate::after::{self, Scheduled};
use crate::cookies::{CookieStore, parse_cookie_header};
use crate::form_data::{self, FormValue};
use crate::cache::FetchInit;
use crate::cache::functions::{CacheScope, Stored};
use crate::cache::life::Profile;
use crate::clock::Clock;
use crate::params::Params;
use bytes::Bytes;
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;

/// What user code reaches beyond its request while it runs: `fetch()` (through the data cache)
/// and `revalidateTag`/`revalidatePath` from `next/cache`. The server provides it.
pub trait Runtime {
    /// `fetch(url, init)` by the code answering `request`: through the data cache as the
    /// route's config and `init` decide, a URL of this app answered in-process.
    fn fetch(&self, request: &RouteRequest, url: &str, init: &FetchInit) -> Result<WebResponse, Thrown>;
    /// The Next.js release the server mimics (some APIs changed between majors).
    fn next_version(&self) -> &semver::Version;
    fn revalidate_tag(&self, tag: &str);
    fn revalidate_path(&self, path: &str);
    /// `revalidateTag(tag, profile)`.
    fn revalidate_tag_with(&self, tag: &str, profile: &TagProfile);
    /// A call of a 'use cache' function, `key` naming the function and its arguments: the
    /// stored result, or what `make` returns (and is stored), with the profiles its code named.
    fn use_cache(&self, key: &str, make: &mut dyn FnMut(&mut CacheScope) -> Value) -> Stored;
}

/// The second argument of `revalidateTag`: a cache profile's name or `{ expire }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagProfile {
    Named(String),
    Expire(u64),
}

/// The request a route handler receives (`NextRequest` plus the `params` context), and what the
/// code running for it did (what it read, what it scheduled with `after()`).
pub struct RouteRequest<'a> {
    pub method: String,
    /// The raw request path, without the query.
    pub path: String,
    /// The raw query, without `?`.
    pub query: String,
    pub headers: http::HeaderMap,
    pub body: Bytes,
    /// `None` on a route without dynamic segments.
    pub params: Option<Params>,
    /// Scheme, host and port of `request.url`: `next start` reports `localhost` and its own port
    /// whatever the Host header says, with the scheme from `x-forwarded-proto`.
    pub origin: String,
    /// What `cookies()` reads and writes while the handler runs.
    pub cookies: RefCell<CookieStore>,
    /// Set when the code read request data through [`header`](Self::header),
    /// [`search_params`](Self::search_params) or [`cookie`](Self::cookie): an `'auto'` route
    /// that does so while prerendered is rendered per request instead.
    pub read_request_data: Cell<bool>,
    /// The `cacheLife` profiles of the 'use cache' pages and functions run for this request
    /// ("default" for one that named none); the build caches a page for the shortest.
    pub cache_profiles: RefCell<Vec<Profile>>,
    /// The tags of the route being prerendered: those `cacheTag` gave a 'use cache' page and
    /// those of the fetches it made; its route cache entry carries them.
    pub cache_tags: RefCell<Vec<String>>,
    /// `None` outside a server (unit tests); `fetch()` then throws.
    pub runtime: Option<&'a (dyn Runtime + Sync)>,
    /// `None` outside a server: `process.env` is then empty and no file can be read.
    pub project: Option<&'a Project>,
    /// `process.env.PORT`: the port `next start` listens on; unset while `next build` runs the
    /// code.
    pub env_port: Option<u16>,
    /// Set when this request is a prerender of the route (at build or when it is regenerated).
    pub prerender: Option<Prerender>,
    /// While prerendering, the route's revalidate period so far (`None`: for good); a fetch with
    /// a lower `next.revalidate` lowers it.
    pub route_revalidate: Cell<Option<u64>>,
    /// Set while a Server Component (page, layout, `generateMetadata`) renders.
    pub in_component: Cell<bool>,
    /// The callbacks `after()` scheduled, run when the request's work is over.
    after: RefCell<Vec<Scheduled<AfterCallback<'a>>>>,
    /// While a callback runs: whether a Server Component scheduled it.
    running_after: Cell<Option<bool>>,
    /// Whether callbacks run at all: not during `next build`, whose process is not the server's.
    runs_after: bool,
    /// The calls React's `cache()` has seen during this request, by function and arguments.
    react_cache: RefCell<HashSet<String>>,
    /// Set while a Server Action runs.
    pub in_action: Cell<bool>,
    /// Set once the code revalidated a path or a tag (without a profile, which
    /// `revalidateTag(tag, profile)` gives).
    pub revalidated: Cell<bool>,
    /// The server's time, which `Date.now()` reads.
    pub clock: Clock,
}

/// A callback of `after()`, given the request whose work scheduled it.
pub type AfterCallback<'a> = Box<dyn FnOnce(&RouteRequest<'a>) + 'a>;

/// Which prerender a request is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prerender {
    /// `next build`.
    Build,
    /// A regeneration by the running server (revalidation).
    Regeneration,
}

impl std::fmt::Debug for RouteRequest<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RouteRequest").field("method", &self.method).field("path", &self.path).field("query", &self.query).finish_non_exhaustive()
    }
}

/// An exception thrown by user code; Next.js answers it with a 500.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thrown(pub String);

impl Thrown {
    /// What Next.js throws to stop prerendering a route that turned out dynamic (a `no-store`
    /// fetch...); code must let it through (`unstable_rethrow`).
    pub fn dynamic_usage(reason: &str) -> Thrown {
        Thrown(format!("{DYNAMIC_USAGE}: {reason}"))
    }

    /// Whether this is [`Thrown::dynamic_usage`].
    pub fn is_dynamic_usage(&self) -> bool {
        self.0.starts_with(DYNAMIC_USAGE)
    }
}

const DYNAMIC_USAGE: &str = "DynamicServerError";

/// The request's work is over: its `after()` callbacks run.
impl Drop for RouteRequest<'_> {
    fn drop(&mut self) {
        self.run_after();
    }
}

impl<'a> RouteRequest<'a> {
    // Each argument is one part of the request as the server read it, and the server's clock.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        method: String,
        path: String,
        query: String,
        headers: http::HeaderMap,
        body: Bytes,
        params: Option<Params>,
        port: u16,
        clock: Clock,
    ) -> RouteRequest<'a> {
        let scheme = match headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok()) {
            Some(proto) if proto.split(',').next().is_some_and(|p| p.trim() == "https") => "https",
            _ => "http",
        };
        let cookies = headers.get_all("cookie").iter().filter_map(|v| v.to_str().ok()).collect::<Vec<_>>().join("; ");
        let cookies = RefCell::new(CookieStore::from_request(&parse_cookie_header(&cookies), clock.clone()));
        RouteRequest {
            method,
            path,
            query,
            headers,
            body,
            params,
            origin: format!("{scheme}://localhost:{port}"),
            cookies,
            read_request_data: Cell::new(false),
            cache_profiles: RefCell::new(Vec::new()),
            cache_tags: RefCell::new(Vec::new()),
            runtime: None,
            project: None,
            env_port: Some(port),
            prerender: None,
            route_revalidate: Cell::new(None),
            in_component: Cell::new(false),
            after: RefCell::new(Vec::new()),
            running_after: Cell::new(None),
            runs_after: true,
            react_cache: RefCell::new(HashSet::new()),
            in_action: Cell::new(false),
            revalidated: Cell::new(false),
            clock,
        }
    }

    /// The same request as a prerender of its route, whose revalidate period starts as
    /// `revalidate`. At `next build` there is no server: no `PORT`, and `after()` callbacks run
    /// in the build's process, not this one.
    pub fn prerendering(mut self, prerender: Prerender, revalidate: Option<u64>) -> Self {
        self.prerender = Some(prerender);
        self.route_revalidate.set(revalidate);
        if prerender == Prerender::Build {
            self.env_port = None;
            self.runs_after = false;
        }
        self
    }

    /// `after(callback)` from `next/server`.
    pub fn after(&self, callback: impl FnOnce(&RouteRequest<'a>) + 'a) {
        let in_component = self.running_after.get().unwrap_or(self.in_component.get());
        self.after.borrow_mut().push(Scheduled { callback: Box::new(callback), in_component });
    }

    /// `(await cookies()).get(name)?.value` inside an `after()` callback: it throws in one a
    /// Server Component scheduled.
    pub fn cookie_after(&self, name: &str) -> Result<Option<String>, Thrown> {
        if self.running_after.get() == Some(true) {
            return Err(Thrown(after::request_apis_unavailable("cookies")));
        }
        Ok(self.cookie(name))
    }

    /// `(await headers()).get(name)` inside an `after()` callback: it throws in one a Server
    /// Component scheduled.
    pub fn header_after(&self, name: &str) -> Result<Option<String>, Thrown> {
        if self.running_after.get() == Some(true) {
            return Err(Thrown(after::request_apis_unavailable("headers")));
        }
        Ok(self.header(name))
    }

    /// A call of a function wrapped in React's `cache()`, by its name and arguments: whether
    /// it runs (the first call of the request) or gets the first call's result.
    pub fn react_cache_runs(&self, call: &str) -> bool {
        self.react_cache.borrow_mut().insert(call.to_owned())
    }

    /// `(await cookies()).set(name, value, options)`: a Server Component cannot set cookies
    /// (its answer is streaming by then), so there it throws.
    pub fn set_cookie(&self, name: &str, value: &str, options: Value) -> Result<(), Thrown> {
        if self.in_component.get() {
            return Err(Thrown("Error: Cookies can only be modified in a Server Action or Route Handler.".into()));
        }
        self.cookies.borrow_mut().set(name, value, options);
        Ok(())
    }

    /// Whether the request APIs (`cookies()`, `headers()`, `draftMode()`) can still be used
    /// without `await`: Next.js 15 allows it, 16 no longer does.
    pub fn sync_request_apis(&self) -> bool {
        self.runtime.is_none_or(|runtime| runtime.next_version().major < 16)
    }

    /// Runs the `after()` callbacks, those they schedule included. From 15.4 until 16.3 Next.js
    /// drops those of a prerender the running server makes (a regeneration).
    fn run_after(&self) {
        let dropped = self.prerender == Some(Prerender::Regeneration) && self.runtime.is_some_and(|r| crate::releases::drops_after_callbacks_of_regenerations(r.next_version()));
        if dropped {
            self.after.borrow_mut().clear();
        }
        loop {
            let scheduled = std::mem::take(&mut *self.after.borrow_mut());
            if scheduled.is_empty() || !self.runs_after {
                return;
            }
            for Scheduled { callback, in_component } in scheduled {
                self.running_after.set(Some(in_component));
                callback(self);
                self.running_after.set(None);
            }
        }
    }

    /// The same request with `runtime` behind `fetch()` and `next/cache`.
    pub fn with_runtime(mut self, runtime: &'a (dyn Runtime + Sync)) -> Self {
        self.runtime = Some(runtime);
        self
    }

    /// The same request with `params` in place of its own, for code that sees fewer (a metadata
    /// file's code does not see its id segment); what that code reads is recorded apart.
    pub fn with_params(&self, params: Option<Params>) -> RouteRequest<'a> {
        let (method, path, query, body) = (self.method.clone(), self.path.clone(), self.query.clone(), self.body.clone());
        let mut request = RouteRequest::new(method, path, query, self.headers.clone(), body, params, 0, self.clock.clone());
        request.origin = self.origin.clone();
        request.env_port = self.env_port;
        request.prerender = self.prerender;
        request.route_revalidate = Cell::new(self.route_revalidate.get());
        request.runtime = self.runtime;
        request.project = self.project;
        request
    }

    /// The same request in `project`, which gives `process.env` and the files of the project.
    pub fn with_project(mut self, project: &'a Project) -> Self {
        self.project = Some(project);
        self
    }

    /// `process.env[name]`.
    pub fn env(&self, name: &str) -> Option<String> {
        self.project.and_then(|p| p.env(name)).map(str::to_owned)
    }

    /// `await readFile(join(process.cwd(), path))`: throws when the file cannot be read.
    pub fn read_file(&self, path: &str) -> Result<Bytes, Thrown> {
        let project = self.project.ok_or_else(|| Thrown(format!("ENOENT: no such file or directory, open '{path}'")))?;
        project.read(path).map_err(|e| Thrown(format!("{e}: {path}")))
    }

    /// `await headers()`: the request's headers, which makes the route read request data.
    pub fn next_headers(&self) -> &http::HeaderMap {
        self.read_request_data.set(true);
        &self.headers
    }

    /// `(await cookies()).get(name)?.value`.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.read_request_data.set(true);
        self.cookies.borrow().get(name).and_then(|c| c.get("value")).and_then(Value::as_str).map(str::to_owned)
    }

    /// `await (await fetch(url, init)).json()`.
    pub fn fetch_json(&self, url: &str, init: &FetchInit) -> Result<Value, Thrown> {
        let runtime = self.runtime.ok_or_else(|| Thrown("TypeError: fetch failed".into()))?;
        let response = runtime.fetch(self, url, init)?;
        serde_json::from_slice(response.body.as_deref().unwrap_or_default()).map_err(|e| Thrown(format!("SyntaxError: {e}")))
    }

    /// `revalidateTag(tag)` from `next/cache`.
    pub fn revalidate_tag(&self, tag: &str) {
        self.revalidated.set(true);
        if let Some(runtime) = self.runtime {
            runtime.revalidate_tag(tag);
        }
    }

    /// `revalidateTag(tag, profile)` from `next/cache` (Next.js 16).
    pub fn revalidate_tag_with(&self, tag: &str, profile: TagProfile) {
        if let Some(runtime) = self.runtime {
            runtime.revalidate_tag_with(tag, &profile);
        }
    }

    /// `updateTag(tag)` from `next/cache`: in a Server Action, the tagged entries are gone at
    /// once (the next read makes them anew); anywhere else it throws.
    pub fn update_tag(&self, tag: &str) -> Result<(), Thrown> {
        if !self.in_action.get() {
            return Err(Thrown(
                "Error: updateTag can only be called from within a Server Action. To invalidate cache tags in Route Handlers \
                 or other contexts, use revalidateTag instead."
                    .into(),
            ));
        }
        self.revalidate_tag(tag);
        Ok(())
    }

    /// Calls the 'use cache' function `function` (its module and name) with `args`: `make` is
    /// its body, which may call `cacheLife` and `cacheTag` on the scope it is given.
    /// Its profiles count for the page being rendered (a cached page keeps the shortest of the
    /// caches it used, cacheLife doc #nested-caching-behavior).
    pub fn use_cache(&self, function: &str, args: &Value, mut make: impl FnMut(&mut CacheScope) -> Value) -> Value {
        let stored = match self.runtime {
            Some(runtime) => runtime.use_cache(&format!("{function}:{args}"), &mut make),
            None => {
                let mut scope = CacheScope::default();
                let value = make(&mut scope);
                Stored { value, profiles: scope.profiles }
            }
        };
        let mut profiles = self.cache_profiles.borrow_mut();
        if stored.profiles.is_empty() {
            profiles.push(Profile::default_named());
        }
        profiles.extend(stored.profiles);
        stored.value
    }

    /// The body of a page with 'use cache' at its top: rendered by `make`; the build caches the
    /// page for the profiles it names with `cacheLife`. Seen on `next build` 16.4.6: a page
    /// naming its own profile keeps it, however short the profiles of the cached components
    /// it renders (the cacheLife doc, #nested-caching-behavior, says the shortest wins); one
    /// naming none gets the shortest of `default` and theirs.
    pub fn cached_page<T>(&self, make: impl FnOnce(&mut CacheScope) -> T) -> T {
        let nested_from = self.cache_profiles.borrow().len();
        let mut scope = CacheScope::default();
        let rendered = make(&mut scope);
        self.cache_tags.borrow_mut().extend(scope.tags);
        let mut profiles = self.cache_profiles.borrow_mut();
        if scope.profiles.is_empty() {
            profiles.push(Profile::default_named());
        } else {
            profiles.truncate(nested_from);
            profiles.extend(scope.profiles);
        }
        rendered
    }

    /// `revalidatePath(path)` from `next/cache`.
    pub fn revalidate_path(&self, path: &str) {
        self.revalidated.set(true);
        if let Some(runtime) = self.runtime {
            runtime.revalidate_path(path);
        }
    }

    /// `request.url`: the query comes re-serialized as `URLSearchParams` writes it (`%20` as `+`,
    /// `a` as `a=`, `~` as `%7E`).
    pub fn url(&self) -> String {
        format!("{}{}{}", self.origin, self.path, self.search())
    }

    /// `nextUrl.search`: `?` and the re-serialized query, or empty when there is none.
    pub fn search(&self) -> String {
        let entries = self.search_params();
        if entries.is_empty() {
            return String::new();
        }
        format!("?{}", form_urlencoded::Serializer::new(String::new()).extend_pairs(entries).finish())
    }

    /// `nextUrl.protocol`, `nextUrl.hostname` and `nextUrl.port`, read from the origin.
    pub fn url_parts(&self) -> (&str, &str, &str) {
        let (scheme, authority) = self.origin.split_once("://").unwrap_or(("http", &self.origin));
        let (hostname, port) = authority.rsplit_once(':').unwrap_or((authority, ""));
        (scheme, hostname, port)
    }

    /// `Date.now()`: milliseconds since the Unix epoch, by the server's clock.
    pub fn date_now(&self) -> u64 {
        self.clock.date_now()
    }

    /// `request.formData()`: throws on a body its content type does not let it parse.
    pub fn form_data(&self) -> Result<Vec<(String, FormValue)>, Thrown> {
        form_data::parse(self.header("content-type").as_deref(), &self.body).map_err(|e| Thrown(e.0))
    }

    /// `new URL(path, request.url)` for a path starting with `/`.
    pub fn resolve(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }

    /// `headers.get(name)`: every value of the header joined with ", ".
    pub fn header(&self, name: &str) -> Option<String> {
        self.read_request_data.set(true);
        let values: Vec<String> =
            self.headers.get_all(name).iter().map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned()).collect();
        (!values.is_empty()).then(|| values.join(", "))
    }

    /// `await connection()` from `next/server`: the code waits for a request, which keeps the
    /// route from being prerendered as reading request data does.
    pub fn connection(&self) {
        self.read_request_data.set(true);
    }

    /// `[...headers]`: each header once, in the order the request has them, names in lower case
    /// and the values of a repeated one joined with ", ".
    pub fn header_entries(&self) -> Vec<(String, String)> {
        self.read_request_data.set(true);
        self.headers.keys().filter_map(|name| Some((name.as_str().to_owned(), self.header(name.as_str())?))).collect()
    }

    /// `nextUrl.searchParams` as entries, parsed as `URLSearchParams` does.
    pub fn search_params(&self) -> Vec<(String, String)> {
        self.read_request_data.set(true);
        form_urlencoded::parse(self.query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
    }

    /// `searchParams.get(name)`: the first value.
    pub fn search_param(&self, name: &str) -> Option<String> {
        self.search_params().into_iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// `request.text()`: the body decoded as UTF-8, invalid bytes replaced.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// `request.json()`: throws on a body that is not JSON.
    pub fn json(&self) -> Result<Value, Thrown> {
        serde_json::from_str(&self.text()).map_err(|e| Thrown(format!("SyntaxError: {e}")))
    }
}

/// `crypto.randomUUID()`: a version 4 UUID.
pub fn random_uuid() -> String {
    let mut b = random_bytes();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// 16 random bytes, from the standard library's randomly keyed hasher.
fn random_bytes() -> [u8; 16] {
    let (a, b) = (RandomState::new().hash_one(0u8), RandomState::new().hash_one(1u8));
    let mut out = [0; 16];
    out[..8].copy_from_slice(&a.to_le_bytes());
    out[8..].copy_from_slice(&b.to_le_bytes());
    out
}

/// A Web `Response` as user code builds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebResponse {
    pub status: u16,
    /// `statusText`, when the code gave one: the reason phrase of the status line.
    pub status_text: Option<String>,
    /// Lower-case names, as `Headers` stores them.
    pub headers: Vec<(String, String)>,
    pub body: Option<Bytes>,
    /// A `ReadableStream` body: its chunks, sent one by one with chunked framing (`body` is then
    /// `None`).
    pub stream: Option<Vec<Bytes>>,
}

impl WebResponse {
    /// `new Response(null)`
    pub fn empty() -> Self {
        WebResponse { status: 200, status_text: None, headers: Vec::new(), body: None, stream: None }
    }

    /// `new Response(bytes)`: an `ArrayBuffer` or typed-array body, with no content type.
    pub fn bytes(bytes: impl Into<Bytes>) -> Self {
        WebResponse { body: Some(bytes.into()), ..WebResponse::empty() }
    }

    /// `new Response(text)`: a string body gets `text/plain;charset=UTF-8`.
    pub fn text(text: impl Into<String>) -> Self {
        WebResponse::bytes(text.into()).with_header("content-type", "text/plain;charset=UTF-8")
    }

    /// `Response.json(value)`: serialized compactly, with `content-type: application/json`.
    pub fn json(value: &Value) -> Self {
        WebResponse::bytes(value.to_string()).with_header("content-type", "application/json")
    }

    /// `new Response(readableStream)`: the chunks the stream yields, with no content type.
    pub fn stream(chunks: Vec<Bytes>) -> Self {
        WebResponse { stream: Some(chunks), ..WebResponse::empty() }
    }

    pub fn with_status(mut self, status: u16) -> Self {
        self.status = status;
        self
    }

    /// `new Response(body, { statusText })`
    pub fn with_status_text(mut self, text: &str) -> Self {
        self.status_text = Some(text.to_owned());
        self
    }

    /// `headers.set(name, value)`: replaces any value the header had.
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        let name = name.to_ascii_lowercase();
        self.headers.retain(|(n, _)| *n != name);
        self.headers.push((name, value.to_owned()));
        self
    }

    /// `NextResponse.redirect(url, status)`: an absolute URL and a redirect status, or it throws.
    pub fn redirect(url: &str, status: u16) -> Result<WebResponse, Thrown> {
        if ![301, 302, 303, 307, 308].contains(&status) {
            return Err(Thrown("RangeError: Failed to execute 'redirect' on 'Response': Invalid status code".into()));
        }
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(Thrown(format!("TypeError: Invalid URL: {url}")));
        }
        Ok(WebResponse::empty().with_status(status).with_header("location", url))
    }

    /// `NextResponse.next()`: routing goes on.
    pub fn next() -> WebResponse {
        WebResponse::empty().with_header("x-middleware-next", "1")
    }

    /// `NextResponse.next({ request: { headers } })`: routing goes on with these request headers.
    pub fn next_with_request_headers(headers: &[(String, String)]) -> WebResponse {
        let names: Vec<&str> = headers.iter().map(|(n, _)| n.as_str()).collect();
        let answer = WebResponse::next().with_header("x-middleware-override-headers", &names.join(","));
        headers.iter().fold(answer, |r, (name, value)| r.with_header(&format!("x-middleware-request-{name}"), value))
    }

    /// `NextResponse.rewrite(url)`: the request is answered by the route at `url`.
    pub fn rewrite(url: &str) -> WebResponse {
        WebResponse::empty().with_header("x-middleware-rewrite", url)
    }

    /// `headers.append(name, value)`: `Set-Cookie` gets a field of its own; any other name that
    /// is already there has the value added to its field after `, `, as `Headers` combines them.
    pub fn with_appended_header(mut self, name: &str, value: &str) -> Self {
        let name = name.to_ascii_lowercase();
        match self.headers.iter_mut().find(|(n, _)| *n == name).filter(|_| name != "set-cookie") {
            Some((_, existing)) => *existing = format!("{existing}, {value}"),
            None => self.headers.push((name, value.to_owned())),
        }
        self
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(query: &str) -> RouteRequest<'static> {
        RouteRequest::new("GET".into(), "/p".into(), query.into(), http::HeaderMap::new(), Bytes::new(), None, 3000, Default::default())
    }

    #[test]
    fn url_reserializes_the_query_as_search_params_do() {
        assert_eq!(request("a&b=%20x&c=~&g=%zz").url(), "http://localhost:3000/p?a=&b=+x&c=%7E&g=%25zz");
        assert_eq!(request("").search(), "");
        assert_eq!(request("").url_parts(), ("http", "localhost", "3000"));
    }

    #[test]
    fn append_combines_fields_except_set_cookie() {
        let r = WebResponse::empty()
            .with_appended_header("X-Item", "one")
            .with_appended_header("x-item", "two")
            .with_appended_header("set-cookie", "a=1")
            .with_appended_header("set-cookie", "b=2");
        assert_eq!(r.headers, [("x-item", "one, two"), ("set-cookie", "a=1"), ("set-cookie", "b=2")].map(|(n, v)| (n.into(), v.into())));
    }

    #[test]
    fn random_uuids_are_version_4_and_differ() {
        let (a, b) = (random_uuid(), random_uuid());
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
        assert!("89ab".contains(&a[19..20]));
    }
}
