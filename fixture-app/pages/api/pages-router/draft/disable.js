// Turns draft mode off: clears the bypass cookie.
export default function handler(req, res) {
  res.setDraftMode({ enable: false })
  res.json({ draftMode: false })
}
