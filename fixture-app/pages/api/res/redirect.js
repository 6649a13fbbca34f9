export default function handler(req, res) {
  res.redirect('/api/res/json')
}
