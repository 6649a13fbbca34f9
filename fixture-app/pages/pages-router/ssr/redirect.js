// getServerSideProps that redirects, temporarily.
export async function getServerSideProps() {
  return { redirect: { destination: '/pages-router/ssr/basic', permanent: false } }
}

export default function Page() {
  return <p>never rendered</p>
}
