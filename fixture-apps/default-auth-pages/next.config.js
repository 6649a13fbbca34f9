/**
 * A fixture app without forbidden.js and unauthorized.js, so that forbidden() and
 * unauthorized() render Next.js's own 403 and 401 pages (fixture-app has both files).
 * `forbidden()` and `unauthorized()` need experimental.authInterrupts.
 * Built with fixture-app's package.json and lockfile.
 */
module.exports = {
  experimental: { authInterrupts: true },
}
