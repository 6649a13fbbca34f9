'use cache'

/** A cached page (default profile) that shows when it was rendered. */
export default async function Page() {
  return (
    <main>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
