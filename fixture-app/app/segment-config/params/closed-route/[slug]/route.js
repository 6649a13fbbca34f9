export const dynamicParams = false

/** Only `listed` is generated at build time. */
export function generateStaticParams() {
  return [{ slug: 'listed' }]
}

/** The param and when the answer was made. */
export async function GET(request, { params }) {
  const { slug } = await params
  return Response.json({ slug, now: Date.now() })
}
