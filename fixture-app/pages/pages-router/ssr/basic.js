// getServerSideProps: rendered on every request.
export async function getServerSideProps() {
  return { props: { now: Date.now() } }
}

export default function Page({ now }) {
  return <p id="now">{now}</p>
}
