import { forbidden } from 'next/navigation'

export function GET() {
  forbidden()
}
