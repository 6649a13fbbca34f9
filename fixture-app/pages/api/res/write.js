export default function handler(req, res) {
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.write('one\n')
  res.write('two\n')
  res.end('three\n')
}
