import { cookies } from 'next/headers'

/** Answers (await cookies()).toString() as text. */
export async function GET() {
  return new Response((await cookies()).toString())
}
