import { redirect } from 'next/navigation'

export function GET() {
  redirect('https://nextjs.org/')
}
