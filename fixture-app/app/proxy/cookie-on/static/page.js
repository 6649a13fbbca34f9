// A prerendered page; the proxy sets cookies on its answer.
export default function Page() {
  return <p>static</p>
}
