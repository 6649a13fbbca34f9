'use client'

export const dynamic = 'force-dynamic'

/** A Client Component page exporting dynamic = 'force-dynamic', showing when it was rendered. */
export default function Page() {
  return (
    <main>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
