import { NextResponse } from 'next/server'

export async function GET() {
  return NextResponse.json({ error: 'Internal Server Error' }, { status: 500 })
}

export async function POST() {
  return NextResponse.json({ ok: true }, { status: 201, headers: { 'x-custom': 'yes', 'content-type': 'application/vnd.api+json' } })
}
