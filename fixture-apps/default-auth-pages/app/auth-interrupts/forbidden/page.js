import { connection } from 'next/server'
import { forbidden } from 'next/navigation'

export default async function Page() {
  await connection()
  forbidden()
}
