import { unauthorized } from 'next/navigation'

export function GET() {
  unauthorized()
}
