// getServerSideProps that answers notFound.
export async function getServerSideProps() {
  return { notFound: true }
}

export default function Page() {
  return <p>never rendered</p>
}
