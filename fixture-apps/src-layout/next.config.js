/**
 * The second fixture app: the same Next.js as fixture-app/ (its package.json and lockfile are
 * used to build this one), with the application code under src/ and the root metadata files
 * that fixture-app/ generates in code given here as static files instead.
 */
module.exports = {}
