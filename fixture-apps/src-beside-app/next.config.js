/**
 * A fixture app with both app/ and src/app/: Next.js uses app/ and ignores src/app/.
 * Built with fixture-app's package.json and lockfile.
 */
module.exports = {}
