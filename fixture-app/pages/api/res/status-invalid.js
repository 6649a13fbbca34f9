/** Calls res.status with the code `?code=` gives (a number, or the text as given), then res.json. */
export default function handler(req, res) {
  const code = Number.isNaN(Number(req.query.code)) ? req.query.code : Number(req.query.code)
  res.status(code).json({ code: req.query.code })
}
