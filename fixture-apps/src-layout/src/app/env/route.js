// What the server code sees of the .env files: the root one is read, one in src/ is not.
export function GET() {
  return Response.json({ fromRoot: process.env.FROM_ROOT_ENV ?? null, fromSrc: process.env.FROM_SRC_ENV ?? null })
}
