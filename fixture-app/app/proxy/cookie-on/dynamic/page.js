import { connection } from 'next/server'

// A page rendered per request; the proxy sets cookies on its answer.
export default async function Page() {
  await connection()
  return <p>dynamic</p>
}
