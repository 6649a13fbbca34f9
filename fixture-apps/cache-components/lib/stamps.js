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
