export const revalidate = 60

/** A page exporting revalidate = 60 inside a layout exporting 1, showing when it was rendered. */
export default function Page() {
  return (
    <main>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
