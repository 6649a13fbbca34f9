//! Mirrors of `fixture-app/pages/api/**`: each function does what that file's default export
//! does with `req` and `res`; the comment above it names the file.

use crate::pages_api::request::ApiRequest;
use crate::pages_api::response::{ApiResponse, Payload};
use crate::web::Thrown;
use serde_json::{Value, json};

type Handled = Result<(), Thrown>;

/// methods.js
pub fn methods(req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    res.status(200).json(&json!({ "method": req.method }));
    Ok(())
}

/// throws.js
pub fn throws(_req: &ApiRequest, _res: &mut ApiResponse) -> Handled {
    Err(Thrown("Error: API route failed on purpose".into()))
}

/// cookies.js
pub fn cookies(req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    res.status(200).json(&json!({ "cookies": req.cookies }));
    Ok(())
}

/// query/index.js, query/[id].js, query/all/[...slug].js and query/optional/[[...slug]].js
pub fn query_echo(req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    res.status(200).json(&json!({ "query": req.query }));
    Ok(())
}

/// `typeof value` in JavaScript, for a value `req.body` can hold.
fn type_of(value: Option<&Value>) -> &'static str {
    match value {
        None => "undefined",
        Some(Value::String(_)) => "string",
        Some(Value::Number(_)) => "number",
        Some(Value::Bool(_)) => "boolean",
        Some(Value::Null | Value::Array(_) | Value::Object(_)) => "object",
    }
}

/// body/echo.js
pub fn body_echo(req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    res.status(200).json(&json!({ "type": type_of(req.body.as_ref()), "body": req.body }));
    Ok(())
}

/// body/length.js, body/limit-1kb.js, body/limit-number.js and body/limit-decimal.js:
/// `res.status(200).json({ length: req.body.length })` for a text body.
pub fn body_length(req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    let length = match &req.body {
        Some(Value::String(text)) => Some(text.encode_utf16().count()),
        Some(Value::Array(items)) => Some(items.len()),
        // `length` of another value is undefined, which JSON.stringify leaves out.
        Some(_) => None,
        None => return Err(Thrown("TypeError: Cannot read properties of undefined (reading 'length')".into())),
    };
    res.status(200).json(&match length {
        Some(length) => json!({ "length": length }),
        None => json!({}),
    });
    Ok(())
}

/// body/raw.js: reads the request stream itself (`bodyParser: false`).
pub fn body_raw(req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    let raw = String::from_utf8_lossy(&req.stream);
    res.status(200).json(&json!({ "type": type_of(req.body.as_ref()), "raw": raw }));
    Ok(())
}

/// res/status.js
pub fn res_status(_req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    res.status(418).json(&json!({ "teapot": true }));
    Ok(())
}

/// res/json.js
pub fn res_json(_req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    res.json(&json!({ "message": "Hello from Next.js!" }));
    Ok(())
}

/// res/send-string.js
pub fn res_send_string(_req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    res.send(Payload::Text("Hello from Next.js!".into()));
    Ok(())
}

/// res/send-object.js
pub fn res_send_object(_req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    res.send(Payload::Json(json!({ "result": "ok" })));
    Ok(())
}

/// res/send-buffer.js
pub fn res_send_buffer(_req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    res.send(Payload::Buffer(b"binary data".to_vec()));
    Ok(())
}

/// res/redirect.js
pub fn res_redirect(_req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    res.redirect(None, "/api/res/json");
    Ok(())
}

/// res/redirect-status.js
pub fn res_redirect_status(_req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    res.redirect(Some(308), "https://example.com/elsewhere");
    Ok(())
}

/// res/set-header.js
pub fn res_set_header(_req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    res.set_header_list("Set-Cookie", &["first=1; Path=/", "second=2; Path=/"]);
    res.set_header_list("X-Items", &["one", "two"]);
    res.status(200).json(&json!({ "ok": true }));
    Ok(())
}

/// res/write.js
pub fn res_write(_req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    res.set_header("Content-Type", "text/plain; charset=utf-8");
    res.write(b"one\n").write(b"two\n").end(b"three\n");
    Ok(())
}

/// res/revalidate.js
pub fn res_revalidate(req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    match res.revalidate(req.query.get("path")) {
        Ok(()) => res.json(&json!({ "revalidated": true })),
        Err(Thrown(message)) => res.status(500).json(&json!({ "error": message })),
    }
    Ok(())
}

/// config/response-limit.js
pub fn config_response_limit(_req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    res.status(200).send(Payload::Text("x".repeat(2048)));
    Ok(())
}

/// config/external-resolver.js: answers from a timer, after the handler returned.
pub fn config_external_resolver(_req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    res.status(200).json(&json!({ "resolved": "later" }));
    Ok(())
}

/// pages-router/preview/enable.js
pub fn preview_enable(_req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    res.set_preview_data(&json!({ "user": "fixture" }));
    res.json(&json!({ "preview": true }));
    Ok(())
}

/// pages-router/preview/disable.js
pub fn preview_disable(_req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    res.clear_preview_data();
    res.json(&json!({ "preview": false }));
    Ok(())
}

/// pages-router/draft/enable.js
pub fn draft_enable(_req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    res.set_draft_mode(true);
    res.json(&json!({ "draftMode": true }));
    Ok(())
}

/// pages-router/draft/disable.js
pub fn draft_disable(_req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    res.set_draft_mode(false);
    res.json(&json!({ "draftMode": false }));
    Ok(())
}

/// res/status-invalid.js: `res.status(code).json({ code: req.query.code })`, with `?code=` as a
/// number (the text as given when it is not one, which Node refuses like NaN).
pub fn res_status_invalid(req: &ApiRequest, res: &mut ApiResponse) -> Handled {
    let given = req.query.get("code").and_then(Value::as_str).unwrap_or_default().to_owned();
    let code = given.trim().parse::<f64>().unwrap_or(f64::NAN);
    res.status_number(code).json(&json!({ "code": given }));
    Ok(())
}
