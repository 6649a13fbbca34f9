// A page prerendered by the build, asked for as HTML and as an RSC payload.
export default function Page() {
  return <p>rsc static</p>
}
