/**
 * A fixture app without app/layout.js: each route group has a root layout of its own, and the
 * home route is app/(marketing)/page.js. The root layout of (denied) calls forbidden(), which
 * needs experimental.authInterrupts. Built with fixture-app's package.json and lockfile.
 */
module.exports = {
  experimental: { authInterrupts: true },
}
