export async function GET() {
  const headers = new Headers()
  headers.append('x-item', 'one')
  headers.append('x-item', 'two')
  headers.append('set-cookie', 'a=1; Path=/')
  headers.append('set-cookie', 'b=2; Path=/')
  return new Response('ok', { headers })
}
