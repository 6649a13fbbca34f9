export default function Forbidden() {
  return <h2>Forbidden: you are not allowed here</h2>
}
