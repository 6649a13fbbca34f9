/** Prerendered by the build, and longer than 1 KiB on its own: 40 numbered lines. */
export default function Page() {
  return (
    <main>
      {Array.from({ length: 40 }, (_, i) => (
        <p key={i}>{`Line ${i + 1} of a prerendered page long enough to be compressed.`}</p>
      ))}
    </main>
  )
}
