// No Dynamic API and no segment config: made once, when next build runs; the description is
// the time it was made.
export default function manifest() {
  return {
    name: 'Made once',
    description: String(Date.now()),
  }
}
