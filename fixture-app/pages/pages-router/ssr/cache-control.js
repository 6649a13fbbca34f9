// getServerSideProps that sets its own Cache-Control.
export async function getServerSideProps({ res }) {
  res.setHeader('Cache-Control', 'public, s-maxage=10, stale-while-revalidate=59')
  return { props: { now: Date.now() } }
}

export default function Page({ now }) {
  return <p id="now">{now}</p>
}
