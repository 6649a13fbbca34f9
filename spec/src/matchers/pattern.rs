//! Regexes compiled while the case file is read, so a bad one is reported at its line.

use regex::Regex;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

/// A regex; it matches when it is found anywhere in the value (anchor it with `^...$`).
#[derive(Debug, Clone)]
pub struct Pattern(pub Regex);

impl Pattern {
    pub fn is_match(&self, text: &str) -> bool {
        self.0.is_match(text)
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let source = String::deserialize(d)?;
        compiled(&source)
            .map(Pattern)
            .map_err(|e| de::Error::custom(format!("invalid regex `{source}`: {}", one_line(&e.to_string()))))
    }
}

/// The regexes compiled so far in this process, by source. The suite writes a few hundred
/// regexes but only about a hundred different ones (a build id, a date, a hash), and each
/// compile of a Unicode class fills fresh tables of the UTF-8 compiler: most of the time it
/// takes to read the cases went there.
static COMPILED: Mutex<Option<HashMap<String, Regex>>> = Mutex::new(None);

/// `source` compiled, or the same regex compiled before (a clone shares it).
fn compiled(source: &str) -> Result<Regex, regex::Error> {
    let known = COMPILED.lock().unwrap_or_else(PoisonError::into_inner).as_ref().and_then(|c| c.get(source).cloned());
    if let Some(regex) = known {
        return Ok(regex);
    }
    let regex = Regex::new(source)?;
    COMPILED.lock().unwrap_or_else(PoisonError::into_inner).get_or_insert_with(HashMap::new).insert(source.to_owned(), regex.clone());
    Ok(regex)
}

fn one_line(text: &str) -> String {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

impl Serialize for Pattern {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
