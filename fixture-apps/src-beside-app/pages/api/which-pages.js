/** Says which pages folder answered: this one, at the project root. */
export default function handler(req, res) {
  res.status(200).json({ from: 'pages' })
}
