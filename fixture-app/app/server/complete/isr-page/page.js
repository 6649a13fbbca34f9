export const revalidate = 2

/** Only the time, so that a cached page shows when it was rendered. */
export default function Page() {
  return (
    <main>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
