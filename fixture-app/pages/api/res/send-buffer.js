export default function handler(req, res) {
  res.send(Buffer.from('binary data'))
}
