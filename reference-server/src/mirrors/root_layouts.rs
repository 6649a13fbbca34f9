//! Mirrors of `fixture-apps/root-layouts/`: no `app/layout.js`; the route groups `(marketing)`
//! and `(shop)` each have a root layout, `(shop)/(checkout)` a layout of its own.

use super::{MirrorSet, pages};
use crate::code::{Handled, Mirror, Wrap};
use crate::web::RouteRequest;

pub const MIRRORS: MirrorSet = MirrorSet {
    app: "root-layouts",
    routes: &[
        Mirror { file: "app/(marketing)/blog/page.js", handle: blog },
        Mirror { file: "app/(marketing)/page.js", handle: home },
        Mirror { file: "app/(shop)/(checkout)/pay/page.js", handle: pay },
        Mirror { file: "app/(shop)/cart/page.js", handle: cart },
    ],
    api: &[],
    pages: &[],
    metadata: &[],
    wrappers: WRAPPERS,
};

static WRAPPERS: &[Mirror<Wrap>] = &[
    Mirror { file: "app/(marketing)/layout.js", handle: marketing_layout },
    Mirror { file: "app/(shop)/(checkout)/layout.js", handle: checkout_layout },
    Mirror { file: "app/(shop)/layout.js", handle: shop_layout },
];

/// (marketing)/layout.js: a root layout.
fn marketing_layout(children: &str, _request: &RouteRequest) -> String {
    format!("<html lang=\"en\" data-root=\"marketing\"><body>{children}</body></html>")
}

/// (shop)/layout.js: a root layout.
fn shop_layout(children: &str, _request: &RouteRequest) -> String {
    format!("<html lang=\"en\" data-root=\"shop\"><body>{children}</body></html>")
}

/// (shop)/(checkout)/layout.js
fn checkout_layout(children: &str, _request: &RouteRequest) -> String {
    format!("<section data-layout=\"checkout\">{children}</section>")
}

/// (marketing)/page.js: the home route.
fn home(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<h1>Home</h1>")
}

/// (marketing)/blog/page.js
fn blog(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<h1>Blog</h1>")
}

/// (shop)/cart/page.js
fn cart(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<h1>Cart</h1>")
}

/// (shop)/(checkout)/pay/page.js
fn pay(export: &str, _request: &RouteRequest) -> Handled {
    pages::markup(export, "<h1>Pay</h1>")
}
