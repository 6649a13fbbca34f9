export default function handler() {
  throw new Error('API route failed on purpose')
}
