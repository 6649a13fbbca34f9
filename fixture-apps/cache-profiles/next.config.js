/**
 * A fixture app for Next.js 16 only, with `cacheComponents`, that changes two built-in cache
 * profiles (so that fixture-apps/cache-components keeps them as Next.js defines them): the
 * `days` profile is replaced by the cacheLife doc's override, and `staleTimes.static`, which also
 * sets the `stale` of the `default` profile, is 10 minutes.
 */
module.exports = {
  cacheComponents: true,
  cacheLife: {
    days: {
      stale: 3600,
      revalidate: 900,
      expire: 86400,
    },
  },
  experimental: {
    staleTimes: { static: 600 },
  },
}
