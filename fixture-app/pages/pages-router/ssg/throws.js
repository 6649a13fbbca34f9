import { PHASE_PRODUCTION_BUILD } from 'next/constants'

// getStaticProps that renders at build time and throws on every regeneration after it.
export async function getStaticProps() {
  if (process.env.NEXT_PHASE !== PHASE_PRODUCTION_BUILD) {
    throw new Error('getStaticProps failed')
  }
  return { props: { now: Date.now() }, revalidate: 1 }
}

export default function Page({ now }) {
  return <p id="now">{now}</p>
}
