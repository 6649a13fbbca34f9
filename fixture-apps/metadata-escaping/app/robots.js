// Rules, a host and a sitemap URL holding `&`, `<`, `>`, quotes and characters outside ASCII.
export default function robots() {
  return {
    rules: {
      userAgent: 'Bot&Co <"x">',
      allow: '/search?q=a&b=<c>',
      disallow: "/caf\u00e9/'quoted'",
    },
    sitemap: 'https://acme.com/sitemap.xml?a=1&b=2',
    host: 'https://acme.com/\u20ac',
  }
}
