export const config = { api: { bodyParser: { sizeLimit: '1kb' } } }

export default function handler(req, res) {
  res.status(200).json({ length: req.body.length })
}
