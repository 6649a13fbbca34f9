import { cookies } from 'next/headers'

/** A page without segment config that shows the `probe` cookie (`none` without one) and when it was rendered. */
export default async function Page() {
  const probe = (await cookies()).get('probe')?.value ?? 'none'
  return (
    <main>
      <p id="cookie">{probe}</p>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
