// Turns preview mode on: sets the bypass and preview data cookies.
export default function handler(req, res) {
  res.setPreviewData({ user: 'fixture' })
  res.json({ preview: true })
}
