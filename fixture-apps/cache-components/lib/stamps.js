import { cacheLife, cacheTag } from 'next/cache'

/** The time, cached per key with the default cache profile. */
export async function defaultStamp(key) {
  'use cache'
  return { key, cached: Date.now() }
}

/** The time, cached per key with the `brief` profile of next.config.js. */
export async function briefStamp(key) {
  'use cache'
  cacheLife('brief')
  return { key, cached: Date.now() }
}

/** The time, cached per key with the default profile and tagged `tag-<key>`. */
export async function taggedStamp(key) {
  'use cache'
  cacheTag(`tag-${key}`)
  return { key, cached: Date.now() }
}

/** The time, cached per key with the default profile and tagged both `multi-a-<key>` and `multi-b-<key>`. */
export async function multiTaggedStamp(key) {
  'use cache'
  cacheTag(`multi-a-${key}`, `multi-b-${key}`)
  return { key, cached: Date.now() }
}

/** A cached component with the `swift` profile showing when it was rendered. */
export async function SwiftTime() {
  'use cache'
  cacheLife('swift')
  return <p id="inner">{Date.now()}</p>
}

/** The time, cached per key with the `max` profile. */
export async function maxStamp(key) {
  'use cache'
  cacheLife('max')
  return { key, cached: Date.now() }
}

/** The time, cached per key with the `seconds` profile. */
export async function secondsStamp(key) {
  'use cache'
  cacheLife('seconds')
  return { key, cached: Date.now() }
}

/** The time, cached per key with the default profile and tagged `twice-<key>` twice. */
export async function twiceTaggedStamp(key) {
  'use cache'
  cacheTag(`twice-${key}`, `twice-${key}`)
  cacheTag(`twice-${key}`)
  return { key, cached: Date.now() }
}

/**
 * The time, cached per key with the default profile and 131 tags: first `limit-<key>-long`
 * padded to 257 characters, then `limit-<key>-1` to `limit-<key>-130`.
 */
export async function tagLimitsStamp(key) {
  'use cache'
  const long = `limit-${key}-long`.padEnd(257, 'x')
  cacheTag(long, ...Array.from({ length: 130 }, (_, i) => `limit-${key}-${i + 1}`))
  return { key, cached: Date.now() }
}

/** The time, cached per key with the default profile and tagged `data-<key of the fetched data>`. */
export async function dataTaggedStamp(origin, key) {
  'use cache'
  const data = await (await fetch(`${origin}/source?key=${encodeURIComponent(key)}`)).json()
  cacheTag(`data-${data.key}`)
  return { key, cached: Date.now() }
}
