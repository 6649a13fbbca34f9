import { useRouter } from 'next/router'

// getStaticPaths with fallback: true: an unlisted slug first gets the fallback page.
export async function getStaticPaths() {
  return { paths: [{ params: { slug: 'a' } }], fallback: true }
}

export async function getStaticProps({ params }) {
  return { props: { slug: params.slug, now: Date.now() } }
}

export default function Page({ slug, now }) {
  const router = useRouter()
  if (router.isFallback) {
    return <p id="fallback">loading</p>
  }
  return (
    <main>
      <p id="slug">{slug}</p>
      <p id="now">{now}</p>
    </main>
  )
}
