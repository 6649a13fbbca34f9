export const config = { api: { bodyParser: { sizeLimit: 100 } } }

export default function handler(req, res) {
  res.status(200).json({ length: req.body.length })
}
