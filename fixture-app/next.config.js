/**
 * `forbidden()` and `unauthorized()` from next/navigation need the authInterrupts flag.
 * `headers` adds the route.js doc's CORS headers to every handler under
 * /route-handlers/cors-config.
 */
module.exports = {
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: '/route-handlers/cors-config/:path*',
        headers: [
          { key: 'Access-Control-Allow-Origin', value: '*' },
          { key: 'Access-Control-Allow-Methods', value: 'GET, POST, PUT, DELETE, OPTIONS' },
          { key: 'Access-Control-Allow-Headers', value: 'Content-Type, Authorization' },
        ],
      },
    ]
  },
}
