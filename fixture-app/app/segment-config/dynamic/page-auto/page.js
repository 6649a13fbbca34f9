/** No segment config and no request data: only the time. */
export default function Page() {
  return (
    <main>
      <p id="now">{Date.now()}</p>
    </main>
  )
}
