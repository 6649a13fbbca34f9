export const dynamic = 'force-static'

/** A static page with the time it was rendered, for revalidatePath. */
export default function Page() {
  return (
    <main>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
