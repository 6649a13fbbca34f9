export const config = { api: { responseLimit: '1kb' } }

export default function handler(req, res) {
  res.status(200).send('x'.repeat(2048))
}
