import { connection } from 'next/server'
import { permanentRedirect } from 'next/navigation'

export default async function Page() {
  await connection()
  permanentRedirect('/route-handlers/methods/get')
}
