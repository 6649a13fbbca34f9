export const config = { api: { externalResolver: true } }

export default function handler(req, res) {
  setTimeout(() => res.status(200).json({ resolved: 'later' }), 10)
}
