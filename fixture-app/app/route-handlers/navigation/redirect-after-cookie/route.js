import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'

// A cookie set before redirect() interrupts the handler.
export async function GET() {
  const cookieStore = await cookies()
  cookieStore.set('before-redirect', '1')
  redirect('/route-handlers/methods/get')
}
