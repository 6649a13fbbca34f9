export default function handler(req, res) {
  res.send({ result: 'ok' })
}
