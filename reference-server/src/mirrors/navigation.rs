//! Mirrors of `fixture-app/app/route-handlers/navigation/**/route.js`,
//! `fixture-app/app/auth-interrupts/**/page.js` and `fixture-app/app/navigation-pages/**/page.js`:
//! each calls one `next/navigation` function.

use crate::code::Handled;
use crate::navigation::Interrupt;
use crate::web::RouteRequest;

/// The answer of a module whose only export, `export`, does nothing but throw `interrupt`.
fn only(expected: &str, export: &str, interrupt: Interrupt) -> Handled {
    if export == expected { Handled::Interrupt(interrupt) } else { Handled::NotMirrored }
}

/// navigation/redirect/route.js: `redirect('/route-handlers/methods/get')`
pub fn redirect(export: &str, _request: &RouteRequest) -> Handled {
    only("GET", export, Interrupt::redirect("/route-handlers/methods/get"))
}

/// navigation/redirect-replace/route.js: `redirect('/route-handlers/methods/get', RedirectType.replace)`
pub fn redirect_replace(export: &str, _request: &RouteRequest) -> Handled {
    only("GET", export, Interrupt::redirect("/route-handlers/methods/get"))
}

/// navigation/redirect-external/route.js: `redirect('https://nextjs.org/')`
pub fn redirect_external(export: &str, _request: &RouteRequest) -> Handled {
    only("GET", export, Interrupt::redirect("https://nextjs.org/"))
}

/// navigation/permanent-redirect/route.js: `permanentRedirect('/route-handlers/methods/get')`
pub fn permanent_redirect(export: &str, _request: &RouteRequest) -> Handled {
    only("GET", export, Interrupt::permanent_redirect("/route-handlers/methods/get"))
}

/// navigation/not-found/route.js: `notFound()`
pub fn not_found(export: &str, _request: &RouteRequest) -> Handled {
    only("GET", export, Interrupt::NotFound)
}

/// navigation/forbidden/route.js: `forbidden()`
pub fn forbidden(export: &str, _request: &RouteRequest) -> Handled {
    only("GET", export, Interrupt::Forbidden)
}

/// navigation/unauthorized/route.js: `unauthorized()`
pub fn unauthorized(export: &str, _request: &RouteRequest) -> Handled {
    only("GET", export, Interrupt::Unauthorized)
}

/// auth-interrupts/forbidden/page.js: `await connection()`, then `forbidden()`.
pub fn forbidden_page(export: &str, request: &RouteRequest) -> Handled {
    request.connection();
    only("default", export, Interrupt::Forbidden)
}

/// auth-interrupts/forbidden-static/page.js: `forbidden()`, with no Dynamic API before it.
pub fn forbidden_static_page(export: &str, _request: &RouteRequest) -> Handled {
    only("default", export, Interrupt::Forbidden)
}

/// navigation/redirect-after-cookie/route.js: `cookies().set('before-redirect', '1')`, then
/// `redirect('/route-handlers/methods/get')`.
pub fn redirect_after_cookie(export: &str, request: &RouteRequest) -> Handled {
    if export == "GET" {
        request.cookies.borrow_mut().set("before-redirect", "1", serde_json::json!({}));
    }
    only("GET", export, Interrupt::redirect("/route-handlers/methods/get"))
}

/// navigation-pages/redirect/page.js: `await connection()`, then
/// `redirect('/route-handlers/methods/get')`.
pub fn redirect_page(export: &str, request: &RouteRequest) -> Handled {
    request.connection();
    only("default", export, Interrupt::redirect("/route-handlers/methods/get"))
}

/// navigation-pages/permanent-redirect/page.js: `await connection()`, then
/// `permanentRedirect('/route-handlers/methods/get')`.
pub fn permanent_redirect_page(export: &str, request: &RouteRequest) -> Handled {
    request.connection();
    only("default", export, Interrupt::permanent_redirect("/route-handlers/methods/get"))
}

/// navigation-pages/not-found/page.js: `await connection()`, then `notFound()`.
pub fn not_found_page(export: &str, request: &RouteRequest) -> Handled {
    request.connection();
    only("default", export, Interrupt::NotFound)
}

/// auth-interrupts/unauthorized/page.js: `await connection()`, then `unauthorized()`.
pub fn unauthorized_page(export: &str, request: &RouteRequest) -> Handled {
    request.connection();
    only("default", export, Interrupt::Unauthorized)
}
