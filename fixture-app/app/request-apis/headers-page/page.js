import { headers } from 'next/headers'

/** A page without segment config that shows the `x-probe` header (`none` without one) and when it was rendered. */
export default async function Page() {
  const probe = (await headers()).get('x-probe') ?? 'none'
  return (
    <main>
      <p id="header">{probe}</p>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
