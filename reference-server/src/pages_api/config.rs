//! `export const config = { api: { ... } }` of an API route, as far as it changes what the
//! server sends: `bodyParser` (`false`, or `{ sizeLimit }`).
//!
//! `responseLimit` and `externalResolver` are not read: in `next start` the first only logs a
//! warning when a response is larger, and the second only silences the warning about a handler
//! that returns before responding; neither changes an answer.

use super::size_limit::SizeLimit;
use crate::exports::{ConstValue, Exports};

#[derive(Debug, Clone, PartialEq)]
pub struct ApiConfig {
    /// The body parser's limit; `None` when `bodyParser: false`.
    pub body_parser: Option<SizeLimit>,
}

/// A route without a config: the body parser on with the default limit.
impl Default for ApiConfig {
    fn default() -> Self {
        ApiConfig { body_parser: Some(SizeLimit::default()) }
    }
}

impl ApiConfig {
    /// Reads the module's `config` export; an export the reader cannot evaluate as literals is
    /// an error rather than a silent default.
    pub fn read(exports: &Exports) -> Result<ApiConfig, String> {
        let config = match exports.constants.get("config") {
            Some(config) => Some(config),
            None if exports.names.iter().any(|n| n == "config") => {
                return Err("`config` must be an object literal of literal values for the reference server to read it".into());
            }
            None => None,
        };
        let body_parser = match config.and_then(|c| c.get("api")).and_then(|api| api.get("bodyParser")) {
            Some(ConstValue::Bool(false)) => None,
            Some(parser) => Some(SizeLimit::from_config(parser.get("sizeLimit"))),
            None => Some(SizeLimit::default()),
        };
        Ok(ApiConfig { body_parser })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exports::read_exports;

    fn config(source: &str) -> Result<ApiConfig, String> {
        ApiConfig::read(&read_exports(source, "api.js").unwrap())
    }

    #[test]
    fn body_parser_forms() {
        assert_eq!(config("export default function h() {}"), Ok(ApiConfig::default()));
        assert_eq!(config("export const config = { api: { bodyParser: false } }"), Ok(ApiConfig { body_parser: None }));
        assert_eq!(
            config("export const config = { api: { bodyParser: { sizeLimit: '1kb' } } }"),
            Ok(ApiConfig { body_parser: Some(SizeLimit::from_text("1kb")) })
        );
        assert_eq!(
            config("export const config = { api: { responseLimit: false, externalResolver: true } }"),
            Ok(ApiConfig { body_parser: Some(SizeLimit::default()) })
        );
    }

    #[test]
    fn an_unreadable_config_is_an_error() {
        assert!(config("const limit = '1kb'; export const config = { api: { bodyParser: { sizeLimit: limit } } }").is_err());
    }
}
