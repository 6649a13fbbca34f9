// getServerSideProps that sets two cookies.
export async function getServerSideProps({ res }) {
  res.setHeader('Set-Cookie', ['flavour=oat; Path=/', 'session=abc; Path=/; HttpOnly; SameSite=Lax'])
  return { props: { now: Date.now() } }
}

export default function Page({ now }) {
  return <p id="now">{now}</p>
}
