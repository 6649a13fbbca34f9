export default function Unauthorized() {
  return <h2>Unauthorized: please log in</h2>
}
