/**
 * The third fixture app, for Next.js 16 only: `cacheComponents` turns on 'use cache',
 * `cacheLife` and `cacheTag` (and turns the route segment options off, so these cannot live in
 * fixture-app/). `brief` is a cache profile short enough for cases to watch it go stale and
 * expire; `swift` is revalidated as often, but its `stale` and `expire` are 5 and 10 minutes, as
 * a page whose cache is shorter-lived than 5 minutes (30 s for `stale`) is not prerendered.
 * `lingering` has a `stale` time of its own.
 */
module.exports = {
  cacheComponents: true,
  cacheLife: {
    brief: { stale: 1, revalidate: 2, expire: 4 },
    swift: { stale: 300, revalidate: 2, expire: 600 },
    lingering: { stale: 600, revalidate: 900, expire: 3600 },
  },
}
