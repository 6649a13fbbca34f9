// A statically generated page, the target of res.revalidate in api/res/revalidate.js.
export async function getStaticProps() {
  return { props: { title: 'ISR page' } }
}

export default function Isr({ title }) {
  return <h1>{title}</h1>
}
