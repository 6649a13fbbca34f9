// Preloaded (NODE_OPTIONS=--require) into the OpenNext server: its express-dev wrapper calls
// listen(PORT) without a host, i.e. on every interface. A listen() given only a port is made to
// bind 127.0.0.1 instead; listen() calls that name a host or a socket path are left alone.
'use strict'
const net = require('node:net')
const listen = net.Server.prototype.listen
net.Server.prototype.listen = function (...args) {
  const first = args[0]
  const portOnly = typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))
  if (portOnly && (args.length === 1 || typeof args[1] === 'function')) args.splice(1, 0, '127.0.0.1')
  else if (first && typeof first === 'object' && first.port !== undefined && first.path === undefined && first.host === undefined) args[0] = { ...first, host: '127.0.0.1' }
  return listen.apply(this, args)
}
