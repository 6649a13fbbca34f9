/**
 * A fixture app whose robots.js and manifest.js are made for each request: robots.js calls a
 * Dynamic API, manifest.js exports dynamic config. Each writes the time it was made.
 * Built with fixture-app's package.json and lockfile.
 */
module.exports = {}
