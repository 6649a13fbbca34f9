export async function POST(request) {
  const formData = await request.formData()
  const entries = [...formData.entries()].map(([name, value]) =>
    typeof value === 'string' ? [name, value] : [name, { file: value.name, type: value.type, size: value.size }]
  )
  return Response.json({ name: formData.get('name'), email: formData.get('email'), entries })
}
