/**
 * What after() callbacks recorded, per key, in this server process. Kept on globalThis so that
 * every route of the app sees the same log; the after/log route answers it.
 */
const log = (globalThis.__afterLog ??= new Map())

/** Forgets what was recorded under `key`: a route calls it while it renders, before its callbacks run. */
export function forget(key) {
  log.delete(key)
}

export function record(key, what) {
  const entries = log.get(key) ?? []
  entries.push(String(what))
  log.set(key, entries)
}

export function recorded(key) {
  return log.get(key) ?? []
}
