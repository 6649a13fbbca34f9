import { unstable_rethrow } from 'next/navigation'

/**
 * The app's own data source (fetch-cache/source) for `key`, on the port next start listens on.
 * During next build nothing listens (PORT is unset there), so a fetch made then fails.
 */
export function sourceUrl(key) {
  return `http://127.0.0.1:${process.env.PORT ?? 9}/fetch-cache/source?key=${encodeURIComponent(key)}`
}

/** Fetches the source with `init`: its time, or `failed` when nothing answered (as during next build). */
export async function fetchedAt(key, init) {
  try {
    const data = await (await fetch(sourceUrl(key), init)).json()
    return String(data.now)
  } catch (error) {
    unstable_rethrow(error)
    return 'failed'
  }
}
