// Shows the decoded route parameter and the search parameter of the same name.
export default async function Page({ params, searchParams }) {
  const { slug } = await params
  const search = await searchParams
  return (
    <dl>
      <dt>slug</dt>
      <dd id="slug">{slug}</dd>
      <dt>search slug</dt>
      <dd id="search-slug">{search.slug ?? 'none'}</dd>
    </dl>
  )
}
