import { draftMode } from 'next/headers'

/** The doc's example: the page says whether Draft Mode is on. */
export default async function Page() {
  const { isEnabled } = await draftMode()
  return (
    <main>
      <p id="draft">Draft Mode is currently {isEnabled ? 'Enabled' : 'Disabled'}</p>
    </main>
  )
}
