import { headers } from 'next/headers'

export async function GET(request) {
  const headersList = await headers()
  return Response.json({
    referer: headersList.get('referer'),
    custom: request.headers.get('x-custom'),
  })
}
