export const config = { api: { bodyParser: { sizeLimit: '0.5KB' } } }

export default function handler(req, res) {
  res.status(200).json({ length: req.body.length })
}
