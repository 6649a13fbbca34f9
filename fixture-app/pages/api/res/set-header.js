export default function handler(req, res) {
  res.setHeader('Set-Cookie', ['first=1; Path=/', 'second=2; Path=/'])
  res.setHeader('X-Items', ['one', 'two'])
  res.status(200).json({ ok: true })
}
