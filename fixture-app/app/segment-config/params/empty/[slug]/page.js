/** No params are rendered at build time; each is rendered on its first visit. */
export function generateStaticParams() {
  return []
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
