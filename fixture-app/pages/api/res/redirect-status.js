export default function handler(req, res) {
  res.redirect(308, 'https://example.com/elsewhere')
}
