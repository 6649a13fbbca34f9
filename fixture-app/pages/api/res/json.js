export default function handler(req, res) {
  res.json({ message: 'Hello from Next.js!' })
}
