//! `robots.txt` from a [`Robots`] object, serialized as Next.js's `resolveRobots` does: each
//! rule's user agents (`*` when it names none), then its `Allow`, `Disallow` and
//! `Crawl-delay` lines and a blank line; then `Host` and one `Sitemap` line per sitemap.

/// The object `robots.js` returns (`MetadataRoute.Robots`). A single rule object is a list of one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Robots {
    pub rules: Vec<RobotsRule>,
    pub sitemap: Vec<String>,
    pub host: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct RobotsRule {
    pub user_agent: Vec<String>,
    pub allow: Vec<String>,
    pub disallow: Vec<String>,
    /// Seconds; JavaScript leaves out a delay of 0 (falsy).
    pub crawl_delay: Option<f64>,
}

/// The `robots.txt` text.
pub fn serialize(robots: &Robots) -> String {
    let mut out = String::new();
    for rule in &robots.rules {
        if rule.user_agent.is_empty() {
            out.push_str("User-Agent: *\n");
        }
        for agent in &rule.user_agent {
            out.push_str(&format!("User-Agent: {agent}\n"));
        }
        for path in &rule.allow {
            out.push_str(&format!("Allow: {path}\n"));
        }
        for path in &rule.disallow {
            out.push_str(&format!("Disallow: {path}\n"));
        }
        if let Some(delay) = rule.crawl_delay.filter(|d| *d != 0.0) {
            out.push_str(&format!("Crawl-delay: {}\n", super::js_number(delay)));
        }
        out.push('\n');
    }
    if let Some(host) = &robots.host {
        out.push_str(&format!("Host: {host}\n"));
    }
    for sitemap in &robots.sitemap {
        out.push_str(&format!("Sitemap: {sitemap}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_single_rule() {
        let robots = Robots {
            rules: vec![RobotsRule { user_agent: vec!["*".into()], allow: vec!["/".into()], disallow: vec!["/private/".into()], crawl_delay: None }],
            sitemap: vec!["https://acme.com/sitemap.xml".into()],
            host: None,
        };
        assert_eq!(serialize(&robots), "User-Agent: *\nAllow: /\nDisallow: /private/\n\nSitemap: https://acme.com/sitemap.xml\n");
    }

    #[test]
    fn a_rule_without_user_agent_is_for_all_and_zero_delay_is_left_out() {
        let robots = Robots { rules: vec![RobotsRule { crawl_delay: Some(0.0), ..Default::default() }], host: Some("h".into()), ..Default::default() };
        assert_eq!(serialize(&robots), "User-Agent: *\n\nHost: h\n");
        let half = Robots { rules: vec![RobotsRule { crawl_delay: Some(0.5), ..Default::default() }], ..Default::default() };
        assert_eq!(serialize(&half), "User-Agent: *\nCrawl-delay: 0.5\n\n");
    }
}
