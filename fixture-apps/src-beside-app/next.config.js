/**
 * A fixture app with both app/ and src/app/, pages/ and src/pages/: Next.js uses app/ and pages/
 * and ignores src/app/ and src/pages/.
 * Built with fixture-app's package.json and lockfile.
 */
module.exports = {}
