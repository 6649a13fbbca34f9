// Dynamic config: made for each request; the description is the time it was made.
export const dynamic = 'force-dynamic'

export default function manifest() {
  return {
    name: 'Made per request',
    description: String(Date.now()),
  }
}
