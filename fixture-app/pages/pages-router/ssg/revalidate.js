// getStaticProps with revalidate: served from the cache, regenerated 2 s after it was rendered.
export async function getStaticProps() {
  return { props: { now: Date.now() }, revalidate: 2 }
}

export default function Page({ now }) {
  return <p id="now">{now}</p>
}
