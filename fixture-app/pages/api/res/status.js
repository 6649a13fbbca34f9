export default function handler(req, res) {
  res.status(418).json({ teapot: true })
}
