/**
 * A fixture app without app/layout.js: each route group has a root layout of its own, and the
 * home route is app/(marketing)/page.js. Built with fixture-app's package.json and lockfile.
 */
module.exports = {}
