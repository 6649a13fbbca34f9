import { cookies } from 'next/headers'

/** Deletes the `action-cookie` cookie. */
async function deleteCookie() {
  'use server'
  ;(await cookies()).delete('action-cookie')
}

/** Shows the `action-cookie` cookie (`none` without one), with a form whose action deletes it. */
export default async function Page() {
  const value = (await cookies()).get('action-cookie')?.value ?? 'none'
  return (
    <main>
      <p id="cookie">{value}</p>
      <form action={deleteCookie}>
        <button type="submit">Delete the cookie</button>
      </form>
    </main>
  )
}
