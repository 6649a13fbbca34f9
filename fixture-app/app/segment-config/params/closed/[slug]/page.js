export const dynamicParams = false

/** Only `listed` and `also-listed` are generated at build time. */
export function generateStaticParams() {
  return [{ slug: 'listed' }, { slug: 'also-listed' }]
}

/** Shows the param and when the page was rendered. */
export default async function Page({ params }) {
  const { slug } = await params
  return (
    <main>
      <p id="slug">{slug}</p>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
