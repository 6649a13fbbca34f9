export const revalidate = 3600

// A page regenerated in the background (ISR); the proxy sets cookies on its answer.
export default function Page() {
  return <p>isr</p>
}
