// getStaticProps without revalidate: rendered once by `next build`, then served as it is.
export async function getStaticProps() {
  return { props: { now: Date.now() } }
}

export default function Page({ now }) {
  return <p id="now">{now}</p>
}
