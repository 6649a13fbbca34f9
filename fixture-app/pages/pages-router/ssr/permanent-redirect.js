// getServerSideProps that redirects permanently.
export async function getServerSideProps() {
  return { redirect: { destination: '/pages-router/ssr/basic', permanent: true } }
}

export default function Page() {
  return <p>never rendered</p>
}
