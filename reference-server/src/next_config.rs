//! What the reference server reads of an app's `next.config.js`: whether `cacheComponents` is
//! on, the app's `cacheLife` profiles, and `experimental.staleTimes.static`, the client router's
//! stale time of prerendered pages, which also becomes the `stale` of the `default` profile (the
//! cacheLife doc, #client-router-cache-behavior), and the rules `headers()` returns (when it
//! returns a literal). A missing file is the default config.

use crate::cache::life::{CacheLife, Profiles};
use crate::exports::{ConstValue, read_config_object};
use std::path::Path;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NextConfig {
    pub cache_components: bool,
    pub cache_profiles: Profiles,
    /// `experimental.staleTimes.static`, in seconds.
    pub static_stale_time: Option<u64>,
    /// What `headers()` returns.
    pub header_rules: Vec<HeaderRule>,
}

/// One rule `headers()` returns: the fields (`{ key, value }`) added to the answers for paths
/// matching `source`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderRule {
    pub source: String,
    pub headers: Vec<(String, String)>,
}

impl HeaderRule {
    fn read(value: &ConstValue) -> Option<HeaderRule> {
        let Some(ConstValue::Str(source)) = value.get("source") else { return None };
        let Some(ConstValue::List(fields)) = value.get("headers") else { return None };
        let field = |field: &ConstValue| match (field.get("key"), field.get("value")) {
            (Some(ConstValue::Str(key)), Some(ConstValue::Str(value))) => Some((key.clone(), value.clone())),
            _ => None,
        };
        Some(HeaderRule { source: source.clone(), headers: fields.iter().filter_map(field).collect() })
    }
}

impl NextConfig {
    /// Reads `next.config.js` (or `.mjs`) in `dir`.
    pub fn read(dir: &Path) -> Result<NextConfig, String> {
        for name in ["next.config.js", "next.config.mjs"] {
            let path = dir.join(name);
            let Ok(source) = std::fs::read_to_string(&path) else { continue };
            let object = read_config_object(&source, name).map_err(|e| format!("{name}:{e}"))?;
            return Ok(object.map(|o| NextConfig::from_object(&o)).unwrap_or_default());
        }
        Ok(NextConfig::default())
    }

    fn from_object(object: &ConstValue) -> NextConfig {
        let cache_components = matches!(object.get("cacheComponents"), Some(ConstValue::Bool(true)));
        let mut custom: Vec<(String, CacheLife)> = match object.get("cacheLife") {
            Some(ConstValue::Object(members)) => {
                members.iter().filter_map(|(name, value)| Some((name.clone(), CacheLife::from_config(value)?))).collect()
            }
            _ => vec![],
        };
        let static_stale_time = match object.get("experimental").and_then(|e| e.get("staleTimes")).and_then(|s| s.get("static")) {
            Some(ConstValue::Number(n)) if *n >= 0.0 && n.is_finite() => Some(*n as u64),
            _ => None,
        };
        if let Some(stale) = static_stale_time
            && !custom.iter().any(|(name, _)| name == "default")
        {
            custom.push(("default".into(), CacheLife { stale, ..CacheLife::DEFAULT }));
        }
        let header_rules = match object.get("headers") {
            Some(ConstValue::List(rules)) => rules.iter().filter_map(HeaderRule::read).collect(),
            _ => vec![],
        };
        NextConfig { cache_components, cache_profiles: Profiles::new(custom), static_stale_time, header_rules }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exports::read_config_object;

    fn config(source: &str) -> NextConfig {
        read_config_object(source, "next.config.js").unwrap().map(|o| NextConfig::from_object(&o)).unwrap_or_default()
    }

    #[test]
    fn reads_cache_components_and_profiles() {
        let c = config("/** doc */ module.exports = { cacheComponents: true, cacheLife: { brief: { stale: 1, revalidate: 2, expire: 4 } } }");
        assert!(c.cache_components);
        assert_eq!(c.cache_profiles.get("brief"), Some(CacheLife { stale: 1, revalidate: 2, expire: 4 }));
        let esm = config("export default { cacheComponents: false }");
        assert!(!esm.cache_components);
        assert_eq!(config("module.exports = {}"), NextConfig::default());
        let stale = config("module.exports = { experimental: { staleTimes: { static: 600 } } }");
        assert_eq!(stale.static_stale_time, Some(600));
        assert_eq!(stale.cache_profiles.get("default"), Some(CacheLife { stale: 600, ..CacheLife::DEFAULT }));
        let headers = config("module.exports = { async headers() { return [{ source: '/a/:p*', headers: [{ key: 'X-A', value: '1' }] }] } }");
        assert_eq!(headers.header_rules, [HeaderRule { source: "/a/:p*".into(), headers: vec![("X-A".into(), "1".into())] }]);
    }
}
