//! Mirrors of `fixture-app/app/server/**`: routes that show what `next start` does around an
//! app (compression, error answers) and ISR routes of their own for complete answers.

use crate::code::Handled;
use crate::web::{RouteRequest, Thrown, WebResponse};

/// The longest string JavaScript builds (V8's limit, 2^29 - 24 UTF-16 units).
const MAX_STRING_LENGTH: f64 = 536_870_888.0;

/// compression/text/route.js GET: `'a'.repeat(Number(bytes ?? 2048))` with the content type
/// `?type` (default `text/plain`) and, when given, the Cache-Control `?cache`.
pub fn compression_text(export: &str, request: &RouteRequest) -> Handled {
    if export != "GET" {
        return Handled::NotMirrored;
    }
    let count = match request.search_param("bytes") {
        None => 2048.0,
        Some(bytes) => js_number(&bytes),
    };
    // `String.prototype.repeat`: NaN counts as 0, a negative or infinite count throws.
    let count = if count.is_nan() { 0.0 } else { count.trunc() };
    if count < 0.0 || count.is_infinite() {
        return Handled::Throw(Thrown(format!("RangeError: Invalid count value: {count}")));
    }
    if count > MAX_STRING_LENGTH {
        return Handled::Throw(Thrown("RangeError: Invalid string length".into()));
    }
    let content_type = request.search_param("type").unwrap_or_else(|| "text/plain".into());
    let mut response = WebResponse::text("a".repeat(count as usize)).with_header("content-type", &content_type);
    if let Some(cache) = request.search_param("cache") {
        response = response.with_header("cache-control", &cache);
    }
    Handled::Answer(response)
}

/// `Number(text)` for the decimal strings a query carries: surrounding whitespace ignored, the
/// empty string 0, anything else that is not a number NaN.
fn js_number(text: &str) -> f64 {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return 0.0;
    }
    match trimmed {
        "Infinity" | "+Infinity" => f64::INFINITY,
        "-Infinity" => f64::NEG_INFINITY,
        _ if trimmed.bytes().all(|b| b.is_ascii_digit() || b".+-eE".contains(&b)) => trimmed.parse().unwrap_or(f64::NAN),
        _ => f64::NAN,
    }
}

/// compression/long-page/page.js: 40 numbered lines.
pub fn long_page(export: &str, _request: &RouteRequest) -> Handled {
    if export != "default" {
        return Handled::NotMirrored;
    }
    let lines: String = (1..=40).map(|n| format!("<p>Line {n} of a prerendered page long enough to be compressed.</p>")).collect();
    Handled::Answer(WebResponse::text(format!("<main>{lines}</main>")).with_header("content-type", "text/html; charset=utf-8"))
}

/// errors/throws/page.js: awaits `connection()`, then throws.
pub fn throwing_page(export: &str, _request: &RouteRequest) -> Handled {
    match export {
        "default" => Handled::Throw(Thrown("Error: page failed on purpose".into())),
        _ => Handled::NotMirrored,
    }
}

#[cfg(test)]
mod tests {
    use super::js_number;

    #[test]
    fn numbers_parse_as_javascript_does() {
        assert_eq!(js_number(" 12 "), 12.0);
        assert_eq!(js_number(""), 0.0);
        assert_eq!(js_number("1e3"), 1000.0);
        assert!(js_number("12px").is_nan());
        assert!(js_number("-Infinity").is_infinite());
    }
}
