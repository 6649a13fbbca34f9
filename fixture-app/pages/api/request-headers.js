// Echoes what a Pages Router API route sees of its request: req.url and req.headers, and for
// each `name` query parameter that header's value, or null when the request has none.
export default function handler(req, res) {
  const probe = Object.fromEntries([].concat(req.query.name ?? []).map((name) => [name, req.headers[name] ?? null]))
  res.status(200).json({ url: req.url, headers: req.headers, probe })
}
