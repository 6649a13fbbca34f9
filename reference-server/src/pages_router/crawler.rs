//! Whether a request comes from a crawler, which Next.js never answers with a fallback page: it
//! waits for the render instead (`isBot` of `next/dist/shared/lib/router/utils/is-bot.js` in
//! 16.4.6: `Googlebot` not followed by `-`, or a name of `HTML_LIMITED_BOT_UA_RE`).

/// The crawlers of `HTML_LIMITED_BOT_UA_RE` named literally (matched case-insensitively).
const NAMES: [&str; 25] = [
    "chrome-lighthouse",
    "slurp",
    "duckduckbot",
    "baiduspider",
    "yandex",
    "sogou",
    "bitlybot",
    "tumblr",
    "vkshare",
    "quora link preview",
    "redditbot",
    "ia_archiver",
    "bingbot",
    "bingpreview",
    "applebot",
    "facebookexternalhit",
    "facebookcatalog",
    "twitterbot",
    "linkedinbot",
    "slackbot",
    "discordbot",
    "whatsapp",
    "skypeuripreview",
    "yeti",
    "googleweblight",
];

pub fn is_crawler(user_agent: &str) -> bool {
    let ua = user_agent.to_ascii_lowercase();
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    // `Googlebot(?!-)|Googlebot$`
    let googlebot = ua.match_indices("googlebot").any(|(i, m)| !ua[i + m.len()..].starts_with('-'));
    // `[\w-]+-Google` and `Google-[\w-]+`
    let google_named = ua.match_indices("-google").any(|(i, _)| ua[..i].ends_with(word))
        || ua.match_indices("google-").any(|(i, m)| ua[i + m.len()..].starts_with(word));
    googlebot || google_named || NAMES.iter().any(|name| ua.contains(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crawlers_and_browsers() {
        assert!(is_crawler("Googlebot/2.1 (+http://www.google.com/bot.html)"));
        assert!(is_crawler("Mozilla/5.0 (compatible; bingbot/2.0)"));
        assert!(is_crawler("Mediapartners-Google"));
        assert!(is_crawler("Google-InspectionTool/1.0"));
        assert!(!is_crawler("Googlebot-Image/1.0"));
        assert!(!is_crawler("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36"));
        assert!(!is_crawler("curl/8.5.0"));
    }
}
