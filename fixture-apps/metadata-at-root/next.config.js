/**
 * A fixture app with the docs' own metadata examples at app/'s root, which fixture-app holds in
 * other forms: robots.js returning one rule object and one sitemap, a static sitemap.xml, a
 * generated icon.js, and a proxy whose matcher leaves the metadata files out.
 * Built with fixture-app's package.json and lockfile.
 */
module.exports = {}
