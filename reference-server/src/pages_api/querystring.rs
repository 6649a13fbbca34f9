//! `application/x-www-form-urlencoded` pairs as the object Next.js hands to user code, for
//! `req.query` and for urlencoded bodies: `+` is a space, escapes are decoded where valid and
//! kept where not, and a repeated key becomes an array of its values in order.

use serde_json::{Map, Value};

/// The pairs of `text` as an object.
pub fn decode(text: &str) -> Map<String, Value> {
    let mut object = Map::new();
    for (key, value) in form_urlencoded::parse(text.as_bytes()) {
        let value = Value::String(value.into_owned());
        match object.get_mut(key.as_ref()) {
            Some(Value::Array(values)) => values.push(value),
            Some(first) => *first = Value::Array(vec![first.take(), value]),
            None => {
                object.insert(key.into_owned(), value);
            }
        }
    }
    object
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn repeated_keys_become_arrays() {
        let decoded = Value::Object(decode("a=1&b=&a=2&c=x+y%20z&a=3&pct=%41%zz&flag"));
        assert_eq!(decoded, json!({ "a": ["1", "2", "3"], "b": "", "c": "x y z", "pct": "A%zz", "flag": "" }));
    }

    #[test]
    fn empty_input_is_an_empty_object() {
        assert!(decode("").is_empty());
    }
}
