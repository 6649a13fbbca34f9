// Writes the static metadata images of app/ (solid colours of fixed sizes) with sharp, which
// Next.js installs: node scripts/make-metadata-images.js (from fixture-app/).
const sharp = require('sharp')
const fs = require('fs')
const solid = (w, h, hex) => sharp({ create: { width: w, height: h, channels: 3, background: hex } })
;(async () => {
  const ico = await solid(16, 16, '#1e90ff').ensureAlpha().png().toBuffer()
  // ICO container with one PNG-encoded 16x16 image.
  const head = Buffer.alloc(22)
  head.writeUInt16LE(0, 0); head.writeUInt16LE(1, 2); head.writeUInt16LE(1, 4)
  head.writeUInt8(16, 6); head.writeUInt8(16, 7); head.writeUInt8(0, 8); head.writeUInt8(0, 9)
  head.writeUInt16LE(1, 10); head.writeUInt16LE(32, 12); head.writeUInt32LE(ico.length, 14); head.writeUInt32LE(22, 18)
  fs.writeFileSync('app/favicon.ico', Buffer.concat([head, ico]))
  await solid(32, 32, '#ff8c00').png().toFile('app/metadata/icons/icon.png')
  await solid(57, 57, '#228b22').png().toFile('app/metadata/icons/apple-icon.png')
  await solid(120, 63, '#dc143c').png().toFile('app/metadata/social/opengraph-image.png')
  await solid(100, 50, '#4682b4').jpeg({ quality: 80 }).toFile('app/metadata/social/twitter-image.jpg')
  await solid(90, 47, '#9932cc').gif().toFile('app/metadata/(grouped)/grouped/opengraph-image.gif')
})()
