export default async function handler(req, res) {
  try {
    await res.revalidate(req.query.path)
    res.json({ revalidated: true })
  } catch (err) {
    res.status(500).json({ error: err.message })
  }
}
