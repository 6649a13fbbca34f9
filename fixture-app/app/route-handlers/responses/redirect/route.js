export async function GET(request) {
  return Response.redirect(new URL('/route-handlers/responses/json', request.url), 307)
}

export async function POST() {
  return Response.redirect('https://nextjs.org/', 301)
}
