// getStaticProps without revalidate, regenerated only by res.revalidate (pages/api/res/revalidate.js).
export async function getStaticProps() {
  return { props: { now: Date.now() } }
}

export default function Page({ now }) {
  return <p id="now">{now}</p>
}
