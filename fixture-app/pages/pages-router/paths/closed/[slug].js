// getStaticPaths with fallback: false: only the listed slugs exist.
export async function getStaticPaths() {
  return { paths: [{ params: { slug: 'a' } }, { params: { slug: 'b' } }], fallback: false }
}

export async function getStaticProps({ params }) {
  return { props: { slug: params.slug, now: Date.now() } }
}

export default function Page({ slug, now }) {
  return (
    <main>
      <p id="slug">{slug}</p>
      <p id="now">{now}</p>
    </main>
  )
}
