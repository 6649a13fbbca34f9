/**
 * A fixture app, for Next.js 15 only, with an icon file whose pixel size cannot be read (an
 * icon.png holding an SVG whose viewBox gives no numbers): Next.js 15 links it with
 * sizes="any"; Next.js 16 (Turbopack) fails the build on it.
 * Built with targets/next-15's package.json and lockfile.
 */
module.exports = {}
