// Every field of the Robots object: a rule array, several user agents in one rule, allow and
// disallow as strings and lists, crawl delay, host and several sitemaps.
export default function robots() {
  return {
    rules: [
      {
        userAgent: 'Googlebot',
        allow: ['/', '/public/'],
        disallow: '/private/',
        crawlDelay: 2,
      },
      {
        userAgent: ['Applebot', 'Bingbot'],
        disallow: ['/', '/admin/'],
      },
      {
        userAgent: '*',
        allow: '/',
      },
    ],
    sitemap: ['https://acme.com/sitemap.xml', 'https://acme.com/metadata/products/sitemap/0.xml'],
    host: 'https://acme.com',
  }
}
