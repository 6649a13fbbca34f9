export default function handler(req, res) {
  res.send('Hello from Next.js!')
}
