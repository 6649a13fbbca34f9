//! The web app manifest `manifest.js` returns, served as `JSON.stringify` writes it: compact,
//! members in the order the object has them, `undefined` members left out.

use serde::Serialize;

/// The members of `MetadataRoute.Manifest` the fixture uses, in the order it writes them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Manifest {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub background_color: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme_color: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub icons: Vec<ManifestIcon>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ManifestIcon {
    pub src: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sizes: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
}

/// The manifest's JSON text.
pub fn serialize(manifest: &Manifest) -> String {
    serde_json::to_string(manifest).expect("a manifest serializes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_json_in_member_order_without_unset_members() {
        let manifest = Manifest {
            name: Some("App".into()),
            start_url: Some("/".into()),
            icons: vec![ManifestIcon { src: "/favicon.ico".into(), sizes: Some("any".into()), mime_type: Some("image/x-icon".into()) }],
            ..Default::default()
        };
        assert_eq!(serialize(&manifest), r#"{"name":"App","start_url":"/","icons":[{"src":"/favicon.ico","sizes":"any","type":"image/x-icon"}]}"#);
    }
}
