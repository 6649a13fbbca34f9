export default function handler(req, res) {
  res.status(200).json({ type: typeof req.body, body: req.body })
}
