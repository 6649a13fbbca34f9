// Writes the static metadata images of app/ (solid colours of fixed sizes) with sharp, which
// Next.js installs: node scripts/make-metadata-images.js (from fixture-app/).
const sharp = require('sharp')
const fs = require('fs')
const solid = (w, h, hex) => sharp({ create: { width: w, height: h, channels: 3, background: hex } })
;(async () => {
  // ICO container with one PNG-encoded image of side `side`.
  const ico = async (side, hex) => {
    const png = await solid(side, side, hex).ensureAlpha().png().toBuffer()
    const head = Buffer.alloc(22)
    head.writeUInt16LE(0, 0); head.writeUInt16LE(1, 2); head.writeUInt16LE(1, 4)
    head.writeUInt8(side, 6); head.writeUInt8(side, 7); head.writeUInt8(0, 8); head.writeUInt8(0, 9)
    head.writeUInt16LE(1, 10); head.writeUInt16LE(32, 12); head.writeUInt32LE(png.length, 14); head.writeUInt32LE(22, 18)
    return Buffer.concat([head, png])
  }
  fs.writeFileSync('app/favicon.ico', await ico(16, '#1e90ff'))
  await solid(32, 32, '#ff8c00').png().toFile('app/metadata/icons/icon.png')
  await solid(57, 57, '#228b22').png().toFile('app/metadata/icons/apple-icon.png')
  await solid(120, 63, '#dc143c').png().toFile('app/metadata/social/opengraph-image.png')
  await solid(100, 50, '#4682b4').jpeg({ quality: 80 }).toFile('app/metadata/social/twitter-image.jpg')
  await solid(90, 47, '#9932cc').gif().toFile('app/metadata/(grouped)/grouped/opengraph-image.gif')
  // Every image type the docs allow for icons and apple icons, numbered icons, a favicon
  // below the top level, a .jpeg social image and the local asset image code reads.
  fs.writeFileSync('app/metadata/icon-types/icon.ico', await ico(24, '#ff1493'))
  await solid(40, 40, '#00ced1').jpeg({ quality: 80 }).toFile('app/metadata/icon-types/icon1.jpg')
  await solid(44, 44, '#daa520').jpeg({ quality: 80 }).toFile('app/metadata/icon-types/icon2.jpeg')
  await solid(60, 60, '#6a5acd').jpeg({ quality: 80 }).toFile('app/metadata/icon-types/apple-icon.jpg')
  await solid(76, 76, '#2e8b57').jpeg({ quality: 80 }).toFile('app/metadata/icon-types/apple-icon1.jpeg')
  await solid(20, 20, '#8b0000').png().toFile('app/metadata/numbered-icons/icon1.png')
  await solid(22, 22, '#00008b').png().toFile('app/metadata/numbered-icons/icon2.png')
  await solid(30, 30, '#006400').png().toFile('app/metadata/numbered-icons/icon10.png')
  fs.writeFileSync('app/metadata/nested-favicon/favicon.ico', await ico(16, '#ffd700'))
  await solid(110, 58, '#b22222').jpeg({ quality: 80 }).toFile('app/metadata/social-jpeg/opengraph-image.jpeg')
  fs.mkdirSync('assets', { recursive: true })
  await solid(40, 40, '#123456').png().toFile('assets/logo.png')
})()
