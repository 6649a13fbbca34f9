/** Only under src/pages/ (ignored, as pages/ exists). */
export default function handler(req, res) {
  res.status(200).json({ from: 'src/pages' })
}
