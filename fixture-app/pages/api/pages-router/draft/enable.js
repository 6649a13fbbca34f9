// Turns draft mode on: sets the bypass cookie.
export default function handler(req, res) {
  res.setDraftMode({ enable: true })
  res.json({ draftMode: true })
}
