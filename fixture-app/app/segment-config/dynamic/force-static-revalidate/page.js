export const dynamic = 'force-static'
export const revalidate = 1

/** A force-static page revalidated every second that shows when it was rendered. */
export default function Page() {
  return (
    <main>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
