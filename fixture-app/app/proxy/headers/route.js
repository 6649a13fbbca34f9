import { headers } from 'next/headers'

export async function GET(request) {
  const headersList = await headers()
  return Response.json({ custom: headersList.get('x-custom'), fromRequest: request.headers.get('x-custom') })
}
