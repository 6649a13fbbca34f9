/** `listed` is rendered at build time; dynamicParams is left at its default. */
export function generateStaticParams() {
  return [{ slug: 'listed' }]
}

/** Shows the slug and when the page was rendered. */
export default async function Page({ params }) {
  const { slug } = await params
  return (
    <main>
      <p id="slug">{slug}</p>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
