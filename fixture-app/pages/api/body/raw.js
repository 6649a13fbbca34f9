export const config = { api: { bodyParser: false } }

export default async function handler(req, res) {
  const chunks = []
  for await (const chunk of req) chunks.push(chunk)
  res.status(200).json({ type: typeof req.body, raw: Buffer.concat(chunks).toString() })
}
