export async function GET() {
  throw new Error('route handler failed on purpose')
}

export async function POST() {
  throw new Error('route handler failed on purpose')
}
