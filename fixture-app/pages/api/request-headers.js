// Echoes what a Pages Router API route sees of its request: req.url and req.headers.
export default function handler(req, res) {
  res.status(200).json({ url: req.url, headers: req.headers })
}
