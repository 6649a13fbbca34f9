/**
 * A fixture app whose only purpose is a static app/manifest.webmanifest: an app has one
 * manifest, and fixture-app generates its own while fixture-apps/src-layout has manifest.json.
 * Built with fixture-app's package.json and lockfile.
 */
module.exports = {}
