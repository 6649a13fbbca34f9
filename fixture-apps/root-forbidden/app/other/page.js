export default function Other() {
  return <h1>Another page under the same root layout</h1>
}
