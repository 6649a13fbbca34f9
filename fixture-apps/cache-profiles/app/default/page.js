'use cache'

/** A cached page naming no profile (the default one, whose stale next.config.js staleTimes.static sets). */
export default async function Page() {
  return (
    <main>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
