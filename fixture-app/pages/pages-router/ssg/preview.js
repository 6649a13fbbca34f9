// getStaticProps that shows what preview and draft mode pass to it.
export async function getStaticProps({ preview = false, previewData = null, draftMode = false }) {
  return { props: { now: Date.now(), preview, previewData, draftMode } }
}

export default function Page({ now, preview, previewData, draftMode }) {
  return (
    <main>
      <p id="now">{now}</p>
      <p id="preview">{String(preview)}</p>
      <p id="draft-mode">{String(draftMode)}</p>
      <p id="preview-data">{JSON.stringify(previewData)}</p>
    </main>
  )
}
