// Turns preview mode off: clears both preview cookies.
export default function handler(req, res) {
  res.clearPreviewData()
  res.json({ preview: false })
}
