import { redirect } from 'next/navigation'

export function GET() {
  redirect('/route-handlers/methods/get')
}
