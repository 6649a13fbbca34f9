export default async function Page({ params }) {
  const { item } = await params
  return <h1>{`metadata: ${item}`}</h1>
}
