/**
 * A fixture app whose robots.js and manifest.js use no Dynamic API and no segment config: next
 * build makes them once. Each writes the time it was made.
 * Built with fixture-app's package.json and lockfile.
 */
module.exports = {}
