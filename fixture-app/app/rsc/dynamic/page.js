import { connection } from 'next/server'

// A page rendered per request, asked for as HTML and as an RSC payload.
export default async function Page() {
  await connection()
  return <p>rsc dynamic</p>
}
