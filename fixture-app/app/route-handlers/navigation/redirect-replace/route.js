import { redirect, RedirectType } from 'next/navigation'

export function GET() {
  redirect('/route-handlers/methods/get', RedirectType.replace)
}
