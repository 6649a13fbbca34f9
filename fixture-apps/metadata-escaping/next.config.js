/**
 * A fixture app whose robots.js and sitemap.js return values with characters that need escaping
 * in XML (`&`, `<`, `>`, quotes) and characters outside ASCII: an app has one robots file, and
 * fixture-app's is about the Robots object's fields. Built with fixture-app's package.json and
 * lockfile.
 */
module.exports = {}
