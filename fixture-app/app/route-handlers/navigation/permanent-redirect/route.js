import { permanentRedirect } from 'next/navigation'

export function GET() {
  permanentRedirect('/route-handlers/methods/get')
}
