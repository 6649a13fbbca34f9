import { PHASE_PRODUCTION_BUILD } from 'next/constants'

// getStaticProps without revalidate that renders at build time and throws when res.revalidate
// asks for a new render.
export async function getStaticProps() {
  if (process.env.NEXT_PHASE !== PHASE_PRODUCTION_BUILD) {
    throw new Error('getStaticProps failed')
  }
  return { props: { now: Date.now() } }
}

export default function Page({ now }) {
  return <p id="now">{now}</p>
}
