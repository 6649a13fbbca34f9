//! Capabilities: features a target declares and a case may need. A case that needs a
//! capability its target does not declare is not applicable there.

use serde::Deserialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Capability {
    AppRouter,
    PagesRouter,
    Proxy,
    MetadataImages,
    DraftMode,
    EdgeRuntime,
}

impl Capability {
    pub const ALL: [Capability; 6] = [
        Capability::AppRouter,
        Capability::PagesRouter,
        Capability::Proxy,
        Capability::MetadataImages,
        Capability::DraftMode,
        Capability::EdgeRuntime,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Capability::AppRouter => "app-router",
            Capability::PagesRouter => "pages-router",
            Capability::Proxy => "proxy",
            Capability::MetadataImages => "metadata-images",
            Capability::DraftMode => "draft-mode",
            Capability::EdgeRuntime => "edge-runtime",
        }
    }

    /// Parses a capability name as written on the command line.
    pub fn parse(name: &str) -> Result<Capability, String> {
        Capability::ALL.into_iter().find(|c| c.name() == name).ok_or_else(|| {
            let names: Vec<&str> = Capability::ALL.iter().map(|c| c.name()).collect();
            let hint = crate::suggest::did_you_mean(name, &names)
                .map(|s| format!(", did you mean `{s}`?"))
                .unwrap_or_default();
            format!("unknown capability `{name}`{hint} (known: {})", names.join(", "))
        })
    }
}

impl fmt::Display for Capability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
