import { connection } from 'next/server'

/** Rendered per request, and always throws: the answer is the built-in error page. */
export default async function Page() {
  await connection()
  throw new Error('page failed on purpose')
}
