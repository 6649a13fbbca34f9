export const revalidate = 3600

// A page regenerated in the background (ISR), asked for as HTML and as an RSC payload.
export default function Page() {
  return <p>rsc isr</p>
}
