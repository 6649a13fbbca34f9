export const dynamic = 'error'

/** `dynamic = 'error'` with no request data, so that the build succeeds. */
export default function Page() {
  return (
    <main>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
