// getStaticPaths with fallback: 'blocking'; getStaticProps answers `gone` with notFound and
// `moved` with a redirect.
export async function getStaticPaths() {
  return { paths: [{ params: { slug: 'a' } }], fallback: 'blocking' }
}

export async function getStaticProps({ params }) {
  if (params.slug === 'gone') {
    return { notFound: true }
  }
  if (params.slug === 'moved') {
    return { redirect: { destination: '/pages-router/ssg/static', permanent: false } }
  }
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
