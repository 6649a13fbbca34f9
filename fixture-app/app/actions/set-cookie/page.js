import { cookies } from 'next/headers'

/** Sets the `action-cookie` cookie. */
async function setCookie() {
  'use server'
  ;(await cookies()).set('action-cookie', 'set-by-action')
}

/** Shows the `action-cookie` cookie (`none` without one), with a form whose action sets it. */
export default async function Page() {
  const value = (await cookies()).get('action-cookie')?.value ?? 'none'
  return (
    <main>
      <p id="cookie">{value}</p>
      <form action={setCookie}>
        <button type="submit">Set the cookie</button>
      </form>
    </main>
  )
}
